"""The document as the data the Typst template reads (``sys.inputs.report``, JSON).

Every text of the report travels as a JSON string and reaches the page as a
Typst string value, which is printed literally: ``#``, ``*``, ``$``, ``@``,
``<``, ``\\`` and ``]`` in a report are characters, never markup, and no
text is ever evaluated.  The layout decisions that depend on a report (the
signature's indents, which table stays on one page, table text sizes) are
made here, from the same constants as the Word output, so both routes agree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import attrs

from govreport.document.blocks import Block, Document, Heading, Paragraph, Table
from govreport.outputs.docx.settings import (
    DEFAULT_CHAR_SPACING_PT,
    DEFAULT_LINE_PITCH_PT,
    DEFAULT_TABLE_SIZE,
    TABLE_SIZES,
)
from govreport.outputs.docx.shell import signature_indents
from govreport.outputs.docx.tables import KEEP_WHOLE_ROWS
from govreport.xmlchars import check_text

#: Deeper heading levels look like level 4, as in the Word output.
MAX_LEVEL: Final = 4
MEDIUM: Final = " PDF 文件"
ENGLISH: Final = "illegal character in PDF"


@attrs.frozen
class Layout:
    """The layout options of a render (``None``: the GB/T 9704 default)."""

    line_pitch: float | None = None
    char_spacing: float | None = None
    bold_level3: bool | None = None

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Layout:
        return cls(
            options.get("line_pitch"), options.get("char_spacing"), options.get("bold_level3")
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "line_pitch": DEFAULT_LINE_PITCH_PT if self.line_pitch is None else self.line_pitch,
            "char_spacing": (
                DEFAULT_CHAR_SPACING_PT if self.char_spacing is None else self.char_spacing
            ),
            "bold_level3": bool(self.bold_level3),
        }


def _text(text: str, where: str) -> str:
    # The same characters the other outputs refuse (rule T1), refused here too:
    # a control character would reach the PDF's text layer or be dropped silently.
    return check_text(text, where, medium=MEDIUM, english=ENGLISH)


#: The 版心 in points (156 × 225 mm), as the template lays it out.
TYPE_AREA_WIDTH_PT: Final = 156 * 72 / 25.4
TYPE_AREA_HEIGHT_PT: Final = 225 * 72 / 25.4


def surely_fits(table: Table, size: float) -> bool:
    """Does the table fit on one page, by an upper bound of its height?

    Every character is taken as wide as a full-width one and every line as
    1.6 of the type size plus the cell's padding, so a table this passes
    does fit.  A short table (二, 四) that passes is kept on one page; one
    that does not may break between rows rather than run off the page, and
    Typst need not lay it out twice to find out.
    """
    whole = sum(table.col_weights)
    widths = [TYPE_AREA_WIDTH_PT * w / whole for w in table.col_weights]
    tallest = [1] * table.n_rows  # lines of the tallest cell starting in each row
    for c in table.cells:
        inner = sum(widths[c.col : c.col + c.colspan]) - 2 * 72 / 25.4  # 1 mm a side
        per_line = max(1, int(inner // size))
        lines = sum(-(-max(len(part), 1) // per_line) for part in c.text.split("\n"))
        # A cell over several rows may make its last row taller: count it there.
        row = c.row + c.rowspan - 1
        tallest[row] = max(tallest[row], lines)
    height = sum(lines * 1.6 * size + 0.4 * size + 0.5 for lines in tallest)
    return height <= TYPE_AREA_HEIGHT_PT


def table_data(table: Table) -> dict[str, Any]:
    where = table.caption or table.key
    size = TABLE_SIZES.get(table.key, DEFAULT_TABLE_SIZE) / 2
    return {
        "kind": "table",
        "key": table.key,
        "columns": list(table.col_weights),
        "header_rows": table.header_rows,
        # Tables 二 and 四 stay on one page; table 三 breaks between rows.
        "keep_whole": table.n_rows <= KEEP_WHOLE_ROWS and surely_fits(table, size),
        "size": size,
        "cells": [
            {
                "text": _text(c.text, where),
                "row": c.row,
                "col": c.col,
                "rowspan": c.rowspan,
                "colspan": c.colspan,
                "role": c.role.value,
            }
            for c in table.cells
        ],
    }


def block_data(block: Block, where: str) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": _text(block.text, where)}
    if isinstance(block, Heading):
        level = min(max(block.level, 1), MAX_LEVEL)
        return {"kind": "heading", "level": level, "text": _text(block.text, where)}
    if isinstance(block, Table):
        return table_data(block)
    raise TypeError(f"the pdf output cannot draw a {type(block).__name__} block")


def document_data(
    document: Document, layout: Layout, fonts: Mapping[str, tuple[str, ...]]
) -> dict[str, Any]:
    blocks = [block_data(b, "开头段落") for b in document.preamble]
    for section in document.sections:
        where = section.heading or section.title
        blocks.append({"kind": "heading", "level": 1, "text": _text(section.heading, where)})
        blocks.extend(block_data(b, where) for b in section.blocks)
    signature = None
    if document.signature is not None:
        signer, date = document.signature.signer, document.signature.date
        signer_right, date_right = signature_indents(signer, date)
        signature = {
            "signer": _text(signer, "署名"),
            "date": _text(date, "成文日期"),
            "signer_right": signer_right,
            "date_right": date_right,
        }
    return {
        "title": _text(document.title, "标题"),
        "author": _text(document.author, "机关名称"),
        "title_lines": [_text(t, "标题") for t in document.title_lines],
        "blocks": blocks,
        "signature": signature,
        "layout": layout.to_data(),
        "fonts": {role: list(families) for role, families in fonts.items()},
    }


def document_json(document: Document, layout: Layout, fonts: Mapping[str, tuple[str, ...]]) -> str:
    """The template's input; sorted keys and no spaces, so the same report gives the same bytes."""
    data = document_data(document, layout, fonts)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
