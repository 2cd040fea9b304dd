"""Built-in plugin: the whole report as plain UTF-8 text for a terminal.

Layout follows a printed Chinese document: title lines centred, paragraphs
and sub-headings with a two-character (全角) first-line indent, the official
tables drawn with their merged cells, signer and date right-aligned at the end.
Widths are display columns (a CJK character counts 2).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from govreport.document.blocks import Block, Document, Heading, Paragraph, Section, Table
from govreport.limits import MAX_TEXT_WIDTH
from govreport.outputs.base import Capability, OptionError, OptionSpec, RenderRequest
from govreport.outputs.textgrid import render_table
from govreport.outputs.textwidth import (
    FULLWIDTH_SPACE,
    Align,
    TextCharacterError,
    clean,
    display_width,
    pad,
    wrap,
)
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

DEFAULT_WIDTH = 100
#: Narrower than this, a paragraph's indent and a few characters would not fit.
MIN_WIDTH = 20
INDENT = FULLWIDTH_SPACE * 2


def _centred(text: str, width: int) -> list[str]:
    return [pad(line, width, Align.CENTER).rstrip() for line in wrap(clean(text), width)]


def _right(text: str, width: int) -> list[str]:
    return [pad(line, width, Align.RIGHT) for line in wrap(clean(text), width)]


def _indented(text: str, width: int) -> list[str]:
    return list(wrap(INDENT + clean(text), width))


def _caption_needed(table: Table, section: Section | None) -> bool:
    """The official tables are the only block of a section whose heading names them."""
    return section is None or table.caption not in section.heading


def _table(table: Table, section: Section | None, width: int, ascii_only: bool) -> list[str]:
    # Official tables are already clean: copy only the cells that change.
    cells = tuple(
        cell if (text := clean(cell.text)) == cell.text else attrs.evolve(cell, text=text)
        for cell in table.cells
    )
    if any(new is not old for new, old in zip(cells, table.cells, strict=True)):
        table = attrs.evolve(table, cells=cells)
    lines = render_table(table, width, ascii_only=ascii_only)
    if table.caption and _caption_needed(table, section):
        table_width = display_width(lines[0]) if lines else 0
        return [*_centred(table.caption, max(width, table_width)), *lines]
    return lines


def _block(block: Block, section: Section | None, width: int, ascii_only: bool) -> list[str]:
    if isinstance(block, Table):
        return _table(block, section, width, ascii_only)
    if isinstance(block, Heading | Paragraph):
        return _indented(block.text, width)
    raise TypeError(f"纯文本输出不支持该内容块（unsupported block）：{type(block).__name__}")


def _chunks(document: Document, width: int, ascii_only: bool) -> Iterator[list[str]]:
    """The document as paragraphs of lines; a blank line goes between each two."""
    title = [line for t in document.title_lines for line in _centred(t, width)]
    if title:
        yield title
    for block in document.preamble:
        yield _block(block, None, width, ascii_only)
    for section in document.sections:
        try:
            yield list(wrap(clean(section.heading), width))
            for block in section.blocks:
                yield _block(block, section, width, ascii_only)
        except TextCharacterError as exc:  # say which part of the report holds it
            raise exc.within(section.heading) from None
    if document.signature is not None:
        sig = document.signature
        yield [*_right(sig.signer, width), *_right(sig.date, width)]


def _width(request: RenderRequest) -> int:
    width = request.option("width", DEFAULT_WIDTH)
    if (
        not isinstance(width, int)
        or isinstance(width, bool)
        or not MIN_WIDTH <= width <= MAX_TEXT_WIDTH
    ):
        raise OptionError(
            f"选项 width（每行最大宽度）应为 {MIN_WIDTH} 至 {MAX_TEXT_WIDTH} 之间的整数，"
            f"实际为 {width!r}"
        )
    return width


class TextFormat:
    """``txt``: the report for reading in a terminal or pasting into a plain-text mail."""

    name = "txt"
    extension = ".txt"
    media_type = "text/plain; charset=utf-8"
    description = "纯文本（终端阅读；表格用制表符绘制，合并单元格按官方版式）"
    capabilities = frozenset({Capability.MERGED_CELLS})
    options: Mapping[str, OptionSpec] = {
        "width": OptionSpec(
            "每行最大显示宽度，按半角计，汉字占 2（max line width）",
            int,
            DEFAULT_WIDTH,
            description="Maximum line width in terminal columns; a Chinese character takes two.",
            minimum=MIN_WIDTH,
            maximum=MAX_TEXT_WIDTH,
        ),
        "ascii": OptionSpec(
            "表格边框用 + - | 绘制（ASCII borders）",
            bool,
            False,
            description="Draw table borders with + - | instead of box-drawing characters.",
        ),
    }

    def render(self, document: Document, request: RenderRequest) -> bytes:
        width = _width(request)
        ascii_only = bool(request.option("ascii", False))
        chunks = [chunk for chunk in _chunks(document, width, ascii_only) if chunk]
        text = "\n\n".join("\n".join(line.rstrip() for line in chunk) for chunk in chunks)
        return (text.rstrip("\n") + "\n").encode("utf-8")


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(TextFormat())
