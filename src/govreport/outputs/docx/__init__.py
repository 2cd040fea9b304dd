"""Word output: docxtpl renders the agency-editable shell, the body is generated XML."""

from __future__ import annotations

from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.plugin import DocxFormat
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.templates import TemplateProblem, check_template, export_template
from govreport.xmlchars import IllegalTextError

__all__ = [
    "DocxFormat",
    "DocxSettings",
    "IllegalTextError",
    "TemplateError",
    "TemplateProblem",
    "check_template",
    "export_template",
]
