"""The one error a Word template can cause.

It has its own module because reading a package's parts
(:mod:`~govreport.outputs.docx.parts`) and compiling a template
(:mod:`~govreport.outputs.docx.template`) both raise it, and the compiler
imports the reader.
"""

from __future__ import annotations

from govreport.errors import GovreportError


class TemplateError(GovreportError, ValueError):
    """A template that cannot be used; the message says what to fix, in Chinese."""

    exit_status = 2
