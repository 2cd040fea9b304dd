"""The fill-in workbook (.xlsx) for the people who write the report.

``layout`` is the workbook's layout as data, from the spec; ``writer`` makes the
workbook (empty, from last year's report, or filled from any report); the
reader turns a filled workbook back into a data file's mapping.  The package
registers its writer and loader through the plugin hooks (``workbook.plugin``).
"""
