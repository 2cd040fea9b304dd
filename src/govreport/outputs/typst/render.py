"""Compile the fixed template with a report's data into PDF bytes.

One compiler per process and font search path: Typst caches fonts, the
parsed template and layout between compilations, so a report after the
first takes a few milliseconds.  The template is package data, compiled
from its bytes; it reads nothing but ``sys.inputs``.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final

from govreport.document.blocks import Document
from govreport.errors import GovreportError
from govreport.outputs.typst import fonts as font_lookup
from govreport.outputs.typst.data import Layout, document_json

if TYPE_CHECKING:
    import typst

#: The name under which the document reaches the template (``sys.inputs.report``).
INPUT_KEY: Final = "report"


class TypstRenderError(GovreportError, RuntimeError):
    """The PDF could not be made (no Chinese font, or a defect of the template).

    Exit status 2: the machine cannot make the output, whatever the data.
    """

    exit_status = 2


@functools.cache
def template() -> bytes:
    return resources.files("govreport.outputs.typst").joinpath("report.typ").read_bytes()


@functools.cache
def _compiler(dirs: tuple[Path, ...]) -> typst.Compiler:
    import typst

    return typst.Compiler(font_paths=font_lookup.typst_fonts(dirs))


# A compiler keeps state between compilations; one at a time per process.
_lock = threading.Lock()


def render_pdf(document: Document, layout: Layout | None = None) -> bytes:
    """The report as PDF bytes; the same document and fonts give the same bytes."""
    try:
        import typst
    except ImportError:  # a dependency, but a broken install should say so in one line
        raise TypstRenderError(
            "未安装 typst，无法生成 PDF；请运行 pip install typst (the typst package is missing)"
        ) from None

    dirs = font_lookup.font_dirs()
    choice = font_lookup.default_choice(dirs)
    if not choice.has_chinese:
        raise TypstRenderError(
            "找不到中文字体，无法生成 PDF；请安装 fonts-noto-cjk 并运行 scripts/install-fonts.sh，"
            f"或用环境变量 {font_lookup.FONT_PATH_ENV} 指定字体目录 "
            "(no Chinese font found: install fonts-noto-cjk)"
        )
    font_lookup.warn_substitutions(choice)
    data = document_json(document, layout or Layout(), choice.families)
    try:
        with _lock:
            # The template goes in as bytes on every call: the binding forgets
            # an in-memory main file after the first compilation.
            pdf = _compiler(dirs).compile(
                input=template(), format="pdf", sys_inputs={INPUT_KEY: data}
            )
    except typst.TypstError as exc:  # a defect of ours, never of the report's text
        raise TypstRenderError(
            f"Typst 排版失败 (Typst failed)：{exc.message} {exc.diagnostic}".strip()
        ) from None
    assert isinstance(pdf, bytes)
    return pdf
