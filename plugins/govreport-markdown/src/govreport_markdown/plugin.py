"""Format ``md``: headings, paragraphs, and the official tables as HTML tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

from govreport.document import Block, Document, Heading, Paragraph, Table
from govreport.outputs.base import Capability, OptionSpec, RenderRequest
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

#: Characters that could start Markdown syntax inside user text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")
_LIST_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)")


def escape(text: str) -> str:
    """User text as literal Markdown: nothing in a report turns into markup or HTML."""
    text = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return _LIST_START.sub(r"\1\\\2\3", text)


def _cell(cell_text: str, tag: str, rowspan: int, colspan: int, numeric: bool) -> str:
    attrs = "".join(
        f' {name}="{n}"' for name, n in (("rowspan", rowspan), ("colspan", colspan)) if n > 1
    )
    if numeric:
        attrs += ' align="right"'
    return f"<{tag}{attrs}>{html.escape(cell_text)}</{tag}>"


def table(block: Table) -> str:
    """An HTML table with the official merged cells; labels are header cells."""
    lines = ["<table>"]
    if block.caption:
        lines.append(f"<caption>{html.escape(block.caption)}</caption>")
    for row in block.rows():
        cells = "".join(
            _cell(
                c.text,
                "td" if c.is_number else "th",
                c.rowspan,
                c.colspan,
                c.is_number,
            )
            for c in row
        )
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def block(item: Block) -> str:
    if isinstance(item, Heading):
        # Level 2 （一） → ###, under the section's ##.
        return f"{'#' * min(item.level + 1, 6)} {escape(item.text)}"
    if isinstance(item, Paragraph):
        return escape(item.text)
    if isinstance(item, Table):
        return table(item)
    raise TypeError(f"Markdown 输出不支持该内容块（unsupported block）：{type(item).__name__}")


def chunks(document: Document) -> Iterator[str]:
    """Markdown blocks; a blank line goes between each two (HTML blocks need it)."""
    yield f"# {escape(''.join(document.title_lines))}"
    yield from (block(b) for b in document.preamble)
    for section in document.sections:
        yield f"## {escape(section.heading)}"
        yield from (block(b) for b in section.blocks)
    if document.signature is not None:
        sig = document.signature
        # Markdown cannot align right; an HTML paragraph can, as GB/T 9704 wants.
        yield f'<p align="right">{html.escape(sig.signer)}<br>{html.escape(sig.date)}</p>'


class MarkdownFormat:
    """``md``: for wikis, code hosts and static-site generators."""

    name = "md"
    extension = ".md"
    media_type = "text/markdown; charset=utf-8"
    description = "Markdown（表格为 HTML 表格，保留合并单元格）"
    capabilities = frozenset({Capability.MERGED_CELLS})
    options: Mapping[str, OptionSpec] = {}

    def render(self, document: Document, request: RenderRequest) -> bytes:
        return ("\n\n".join(chunks(document)) + "\n").encode("utf-8")


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(MarkdownFormat())
