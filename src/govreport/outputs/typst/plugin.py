"""Built-in plugin: the ``pdf`` output format, typeset by Typst (no LibreOffice).

The Word route to PDF (an agency's Word template, converted by LibreOffice)
was called ``pdf`` before and is ``docx-pdf`` now.  Its own options
(``template``, ``timeout``) are still accepted here so that a script written
for it learns of the rename in one line on stderr instead of failing; the
PDF is then this format's, not the Word template's.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Final

import attrs

from govreport.document.blocks import Document
from govreport.limits import MAX_PDF_LINE_PITCH_PT
from govreport.outputs.base import Capability, OptionSpec, RenderRequest
from govreport.outputs.deprecated import SIGNATURE_OPTION, warn_signature
from govreport.outputs.docx.settings import DEFAULT_CHAR_SPACING_PT, DEFAULT_LINE_PITCH_PT
from govreport.outputs.typst.data import Layout
from govreport.outputs.typst.render import render_pdf
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

#: The LibreOffice route's name since ``pdf`` became this format.
WORD_ROUTE: Final = "docx-pdf"

#: Options of the Word route that this format does not use.
WORD_ROUTE_ONLY: Final[Mapping[str, OptionSpec]] = {
    "template": OptionSpec(
        f"不使用：Word 模板只用于 {WORD_ROUTE}（经 LibreOffice 转换），此处给出时提示一行",
        str,
        None,
        description=f"Not used: a Word template applies to {WORD_ROUTE} (the LibreOffice "
        "route, formerly pdf); given here, a one-line note says so.",
    ),
    "timeout": OptionSpec(
        f"不使用：LibreOffice 超时只用于 {WORD_ROUTE}，此处给出时提示一行",
        float,
        None,
        description=f"Not used: the LibreOffice timeout applies to {WORD_ROUTE}; "
        "given here, a one-line note says so.",
    ),
}

OPTIONS: Final[Mapping[str, OptionSpec]] = {
    "line_pitch": OptionSpec(
        "行距（磅，固定值），28.95 磅即每页22行；常见另一值为 28",
        float,
        DEFAULT_LINE_PITCH_PT,
        description="Exact line pitch in points; 28.95 pt gives 22 lines a page.",
        minimum=1.0,
        maximum=MAX_PDF_LINE_PITCH_PT,
    ),
    "char_spacing": OptionSpec(
        "正文字符间距（磅），-0.25 磅即每行28字",
        float,
        DEFAULT_CHAR_SPACING_PT,
        description="Body character spacing in points; -0.25 pt gives 28 characters a line.",
        minimum=-16.0,
        maximum=16.0,
    ),
    "bold_level3": OptionSpec(
        "三级标题“1.”加粗（地方习惯）",
        bool,
        False,
        description="Bold level-3 headings (1.), a local custom.",
    ),
    "signature": SIGNATURE_OPTION,
    **WORD_ROUTE_ONLY,
}


_noted: set[tuple[str, ...]] = set()


def rename_note(names: tuple[str, ...]) -> str:
    given = "、".join(names)
    return (
        f"注意：-f pdf 现由 Typst 直接排版，不用 Word 模板和 LibreOffice，选项 {given} 未使用；"
        f"要按 Word 模板经 LibreOffice 转换，请用 -f {WORD_ROUTE} "
        f"(note: -f pdf is now typeset by Typst and ignores {', '.join(names)}; "
        f"the LibreOffice route is -f {WORD_ROUTE})"
    )


def _note_word_options(options: Mapping[str, object]) -> None:
    """The rename note, once per process for each set of Word-route options given."""
    given = tuple(name for name in WORD_ROUTE_ONLY if options.get(name) is not None)
    if given and given not in _noted:
        _noted.add(given)
        print(rename_note(given), file=sys.stderr)


class TypstPdfFormat:
    """政府信息公开年报 as PDF in the GB/T 9704 layout, typeset by Typst.

    Fast (a few milliseconds a report after the first), the same bytes for
    the same report and fonts, and no system dependency but the fonts.
    """

    name = "pdf"
    extension = ".pdf"
    media_type = "application/pdf"
    description = "PDF（GB/T 9704 版式，Typst 直接排版，无需 LibreOffice）"
    capabilities = frozenset({Capability.MERGED_CELLS, Capability.PAGINATED, Capability.BINARY})
    options = OPTIONS

    def render(self, document: Document, request: RenderRequest) -> bytes:
        _note_word_options(request.options)
        signature = request.option("signature")
        warn_signature("pdf", signature)
        if signature is False:
            document = attrs.evolve(document, signature=None)
        return render_pdf(document, Layout.from_options(request.options))


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(TypstPdfFormat())
