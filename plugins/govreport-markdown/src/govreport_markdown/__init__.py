"""govreport output plugin: the annual report as Markdown (format ``md``).

The whole plugin is :mod:`govreport_markdown.plugin`; it shows how small a new
format is.  Tables are HTML inside the Markdown, because pipe tables cannot
merge cells and the official tables need rowspan and colspan.
"""

from govreport_markdown.plugin import MarkdownFormat

__version__ = "0.1.0"
__all__ = ["MarkdownFormat", "__version__"]
