"""The text sheets of 一、五、六: one row per paragraph, list item or sub-heading.

Column A names the block (its official label) on the block's first row; the
rows below it with an empty A belong to it.  Rows may be inserted and deleted
on these sheets (the protection allows it), so a civil servant adds a
paragraph where it goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, cast

from openpyxl.worksheet.worksheet import Worksheet

from govreport import spec
from govreport.workbook import style
from govreport.workbook.content import Content, Rows
from govreport.workbook.layout import (
    LAYOUT,
    MARKER_COLUMN,
    TEXT_COLUMN,
    Field,
    Kind,
    TextBlock,
    TextKind,
)
from govreport.workbook.validation import MAX_CELL_CHARS, add_validation

MARKER_WIDTH: Final = 26
TEXT_WIDTH: Final = 100

_HEADS: Final = ("栏目", "内容（一格一段；段落多可插入行）")
_PART_HINT: Final = "自拟小标题部分：本行 B 列填小标题，其下各行填该部分的段落；可复制多组。"


class TextTooLongError(ValueError):
    """A paragraph longer than one spreadsheet cell can hold."""


def _rows(block: TextBlock, rows: Rows | None) -> Iterator[tuple[str, str, bool]]:
    """(column A, column B, is a part's heading row) for each row of ``block``."""
    if block.kind is TextKind.PARTS:
        parts = cast("tuple[tuple[str, tuple[str, ...]], ...]", rows or ())
        for heading, paragraphs in parts or (("", ("",) * (block.blank_rows - 1)),):
            yield block.marker, heading, True
            for paragraph in paragraphs or ("",):
                yield "", paragraph, False
        return
    lines = rows if rows else ("",) * (1 if rows is not None else block.blank_rows)
    for i, line in enumerate(lines):
        yield (block.marker if i == 0 else ""), str(line), False


def write_text_sheet(ws: Worksheet, key: str, content: Content) -> None:
    name = ws.title
    ws.column_dimensions[MARKER_COLUMN].width = MARKER_WIDTH
    ws.column_dimensions[TEXT_COLUMN].width = TEXT_WIDTH
    ws.merge_cells(f"{MARKER_COLUMN}1:{TEXT_COLUMN}1")
    style.put_text(ws[f"{MARKER_COLUMN}1"], spec.heading(key).text)
    style.style(ws[f"{MARKER_COLUMN}1"], font=style.TITLE, border=False)
    ws.row_dimensions[1].height = 28
    for col, text in zip((MARKER_COLUMN, TEXT_COLUMN), _HEADS, strict=True):
        style.put_text(ws[f"{col}2"], text)
        style.style(ws[f"{col}2"], font=style.BOLD, fill=style.LABEL_FILL)
    for field in (f for f in LAYOUT.fields if f.sheet == name):
        _fixed(ws, field, content)
    row = LAYOUT.text_sheet(key).first_row
    first = row
    for block in LAYOUT.blocks_of(key):
        rows = content.texts.get(block.path) if content.filled or content.texts else None
        for marker, text, heading in _rows(block, rows):
            if len(text) > MAX_CELL_CHARS:
                raise TextTooLongError(
                    f"{'/'.join(block.labels)}：一段 {len(text)} 字，超过表格一格的上限 "
                    f"{MAX_CELL_CHARS} 字，请分段 (a paragraph longer than a cell holds)"
                )
            a, b = ws[f"{MARKER_COLUMN}{row}"], ws[f"{TEXT_COLUMN}{row}"]
            if marker:
                style.put_text(a, marker)
            style.style(
                a,
                font=style.BOLD if marker else style.FONT,
                fill=style.LABEL_FILL,
                alignment=style.TOP_LEFT,
            )
            if text:
                style.put_text(b, text)
                ws.row_dimensions[row].height = style.fit_height(text, TEXT_WIDTH)
            style.style(
                b,
                font=style.BOLD if heading else style.FONT,
                fill=style.INPUT_FILL,
                alignment=style.TOP_LEFT,
                locked=False,
            )
            row += 1
    last = row - 1
    add_validation(ws, Kind.TEXT, f"{TEXT_COLUMN}{first}:{TEXT_COLUMN}{last}", _PART_HINT_FOR[key])
    ws.print_area = f"A1:{TEXT_COLUMN}{last}"
    style.print_setup(ws, landscape=False, title_rows=None)
    ws.freeze_panes = ws[f"A{first}"]
    style.protect(ws, rows_may_change=True)


def _fixed(ws: Worksheet, field: Field, content: Content) -> None:
    """A field at a fixed cell of a text sheet (五's 列举方式, 六's 信息处理费)."""
    label = ws[f"{MARKER_COLUMN}{ws[field.cell].row}"]
    style.put_text(label, field.labels[-1])
    style.style(label, font=style.BOLD, fill=style.LABEL_FILL, alignment=style.LEFT)
    target = ws[field.cell]
    target.value = content.values.get(field.path)
    style.style(target, fill=style.INPUT_FILL, alignment=style.LEFT, locked=False)
    add_validation(ws, field.kind, field.cell, "/".join(field.labels))


_PART_HINT_FOR: Final = {
    "overview": "一、总体情况：" + _PART_HINT,
    "problems": "五、存在的主要问题及改进情况：“存在的主要问题”“改进情况”每行一项。",
    "other": "六、其他需要报告的事项：每格一段。",
}
