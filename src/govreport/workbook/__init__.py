"""The fill-in workbook (.xlsx) for the people who write the report.

``layout`` is the workbook's layout as data, from the spec (its ``records``
and the ``formulas`` of totals and checks); ``writer`` makes the workbook
(an empty form, next year's draft from last year's report, or a report filled
in) from ``content`` with the sheet modules (``infosheet``, ``tablesheet``,
``textsheet``, ``style``, ``validation``) and ``package`` (deterministic
bytes); ``reader`` turns a filled workbook back into a data file's mapping.
``plugin`` registers the writer and the loader through the plugin hooks.
"""
