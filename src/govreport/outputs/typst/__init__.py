"""The ``pdf`` output: the document typeset by Typst from one fixed template, fed as data."""

from govreport.outputs.typst.data import Layout
from govreport.outputs.typst.render import TypstRenderError, render_pdf

__all__ = ["Layout", "TypstRenderError", "render_pdf"]
