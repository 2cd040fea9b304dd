"""HTML output: a standalone page or a fragment for a portal's CMS, with optional charts."""

from govreport.outputs.html.plugin import HtmlFormat

__all__ = ["HtmlFormat"]
