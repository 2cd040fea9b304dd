"""One sheet per official table: the spec's cells, merged as printed, totals as formulas.

Live checks sit right of and below the table; a check that does not hold
turns red.  Last year's figures (``workbook --from``) sit beside this year's.
"""

from __future__ import annotations

import math
from typing import Final

from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from govreport import spec
from govreport.spec import CellRole, CellSpec, TableSpec
from govreport.workbook import style
from govreport.workbook.content import Content
from govreport.workbook.layout import LAYOUT, PASSED, TABLE_TOP, Kind, grid_address, iter_cells
from govreport.workbook.validation import add_validation

#: The width of a whole table, in Excel's character units: portrait and landscape A4.
_PORTRAIT_WIDTH: Final = 80
_LANDSCAPE_WIDTH: Final = 150
#: Width of a check column.
CHECK_WIDTH: Final = 16

_NOTE: Final = (
    "黄色单元格请填写（填 0，不留空）；灰色“总计”为公式，自动计算。"
    "表格右侧和下方为自动校验：显示“通过”，或显示差额并标红。"
)


def _widths(table: TableSpec, landscape: bool) -> list[float]:
    whole = _LANDSCAPE_WIDTH if landscape else _PORTRAIT_WIDTH
    total = sum(table.col_weights)
    return [round(whole * w / total, 1) for w in table.col_weights]


def landscape(table: TableSpec) -> bool:
    """Wide tables (三, 四) print across an A4 landscape page, as agencies print them."""
    return table.n_cols > len(spec.proactive.DOCUMENT_COLUMNS) + 1


def write_table_sheet(ws: Worksheet, key: str, content: Content) -> None:
    table = spec.tables()[key]
    wide = landscape(table)
    widths = _widths(table, wide)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    last = get_column_letter(table.n_cols)
    _heading(ws, spec.heading(key).text, last)
    heights: dict[int, float] = {}
    for cell in table.cells:
        _write_cell(ws, cell, content)
        if cell.rowspan == 1 and cell.text:
            room = sum(widths[cell.col : cell.col + cell.colspan])
            lines = math.ceil(style.text_width(cell.text) / max(room, 1))
            row = TABLE_TOP + cell.row
            heights[row] = max(heights.get(row, style.LINE_HEIGHT), lines * style.LINE_HEIGHT + 4)
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    _checks(ws, content)
    _previous(ws, content)
    header = f"{TABLE_TOP}:{TABLE_TOP + table.header_rows - 1}" if table.header_rows else None
    ws.print_area = f"A1:{last}{TABLE_TOP + table.n_rows - 1}"
    style.print_setup(ws, landscape=wide, title_rows=header)
    ws.freeze_panes = f"A{TABLE_TOP + table.header_rows}"
    style.protect(ws)


def _heading(ws: Worksheet, text: str, last: str) -> None:
    ws.merge_cells(f"A1:{last}1")
    style.put_text(ws["A1"], text)
    style.style(ws["A1"], font=style.TITLE, border=False)
    ws.row_dimensions[1].height = 28
    ws.merge_cells(f"A2:{last}2")
    style.put_text(ws["A2"], _NOTE)
    style.style(ws["A2"], font=style.NOTE, alignment=style.LEFT, border=False)
    ws.row_dimensions[2].height = 32


def _merge(ws: Worksheet, area: str) -> None:
    """Merge ``area`` (if more than one cell) and draw the box around each of its cells."""
    if ":" in area:
        ws.merge_cells(area)
    for name in iter_cells(area):
        style.box(ws[name])


def _write_cell(ws: Worksheet, cell: CellSpec, content: Content) -> None:
    top_left = grid_address(cell.row, cell.col)
    bottom_right = grid_address(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
    _merge(ws, top_left if top_left == bottom_right else f"{top_left}:{bottom_right}")
    target = ws[top_left]
    if cell.role is CellRole.VALUE:
        field = LAYOUT.field(cell.path)
        value = content.values.get(cell.path)
        if isinstance(value, str):
            style.put_text(target, value)  # a "/" printed in the source
        else:
            target.value = value
        fmt = style.COUNT_FORMAT if field.kind is Kind.COUNT else "General"
        style.style(target, fill=style.INPUT_FILL, locked=False, number_format=fmt)
        add_validation(ws, field.kind, top_left, "/".join(field.labels))
    elif cell.role is CellRole.TOTAL:
        total = LAYOUT.total(cell.path)
        stated = content.stated.get(cell.path)
        # A stated total that does not add up is kept as the number it was, so
        # the checks beside it show the difference; otherwise the formula.
        target.value = stated if stated is not None else total.formula
        style.style(target, fill=style.FORMULA_FILL, number_format=style.COUNT_FORMAT)
    else:
        style.put_text(target, cell.text)
        bold = cell.role in (CellRole.HEADER, CellRole.GROUP)
        align = style.LEFT if cell.role is CellRole.LABEL else style.CENTER
        style.style(
            target, font=style.BOLD if bold else style.FONT, fill=style.LABEL_FILL, alignment=align
        )


def _checks(ws: Worksheet, content: Content) -> None:
    with_previous = bool(content.previous)
    areas: list[str] = []
    for label in LAYOUT.check_labels:
        if label.sheet != ws.title or (label.needs_previous and not with_previous):
            continue
        _merge(ws, label.cells)
        top_left = label.cells.split(":")[0]
        style.put_text(ws[top_left], label.text)
        style.style(ws[top_left], font=style.NOTE, fill=style.LABEL_FILL, alignment=style.LEFT)
        min_col, _, max_col, _ = range_boundaries(label.cells)
        if min_col is not None and min_col == max_col:
            ws.column_dimensions[get_column_letter(min_col)].width = CHECK_WIDTH
    for check in LAYOUT.checks:
        if check.sheet != ws.title or (check.needs_previous and not with_previous):
            continue
        target = ws[check.cell]
        target.value = check.formula
        style.style(target, font=style.BOLD, fill=style.CHECK_FILL)
        areas.append(check.cell)
    if areas:
        # One rule for every check of the sheet: a comparison with a constant,
        # so it reads each cell's own value wherever it sits.
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="notEqual", formula=[f'"{PASSED}"'], font=style.RED_FONT, fill=style.RED_FILL
        )
        ws.conditional_formatting.add(" ".join(areas), rule)


def _previous(ws: Worksheet, content: Content) -> None:
    for ref in LAYOUT.previous:
        if ref.sheet != ws.title or ref.path not in content.previous:
            continue
        target = ws[ref.cell]
        target.value = content.previous[ref.path]
        style.style(target, fill=style.LABEL_FILL, number_format=style.COUNT_FORMAT)
