"""The geometry of an HTML table: where each cell sits, with its spans, as a browser lays it out.

A cell's column is the first grid column of its row not already covered by
a ``rowspan`` from a row above, exactly as HTML's table model places it, so a
merged label like "三、本年度办理结果" (22 rows) pushes the cells of the rows
below it to the right.  ``thead`` rows come first and ``tfoot`` rows last,
wherever they are written; cells written straight into ``<table>`` without a
``<tr>`` form a row, as browsers make one.  Content in a table but outside any
cell (a stray ``<p>``) is shown by browsers before the table, and is returned
for the reader to do the same.

Spans and sizes are bounded (:mod:`govreport.limits`): a clipped span or a cut
table is reported, never silently changed.  The cells' text is not read here.

A table may also be no table of data but the frame of a page's layout (one
cell holding the whole article): :func:`is_layout` tells them apart.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from govreport.importing.htmldom import Element, Size, tag_of
from govreport.limits import (
    MAX_HTML_COLSPAN,
    MAX_HTML_ROWSPAN,
    MAX_HTML_TABLE_CELLS,
    MAX_HTML_TABLE_COLUMNS,
)

_CELL_TAGS = frozenset({"td", "th"})
_GROUP_TAGS = frozenset({"thead", "tbody", "tfoot"})
_IGNORED = frozenset({"colgroup", "col"})
_SPAN = re.compile(r"\s*\+?(\d+)")

#: A cell with at least this many printed characters in at least two blocks
#: holds running text, not a value or a label (the longest label of the
#: format has about 40 characters in one paragraph).
_TEXT_CELL_CHARS = 100
#: Most cells of a page's frame table without tables inside (header, menu,
#: article, footer and a few more); the format's tables have 30 or more.
_FRAME_MAX_CELLS = 8


class Slot(NamedTuple):
    """One cell element at its grid position."""

    element: Element
    row: int
    col: int
    rowspan: int
    colspan: int


@attrs.frozen
class Problem:
    """Something the layout had to bound, at a row of the table (0-based)."""

    row: int
    message: str


@attrs.frozen
class Layout:
    slots: tuple[Slot, ...]
    n_rows: int
    n_cols: int
    #: ``<caption>`` elements and content outside any cell, in document order.
    around: tuple[Element, ...] = ()
    problems: tuple[Problem, ...] = ()


def lay_out(table: Element) -> Layout:
    """Place the cells of ``table`` (not those of tables nested in its cells)."""
    rows, around = _rows(table)
    placer = _Placer()
    for index, cells in enumerate(rows):
        if not placer.add_row(index, cells):
            break
    return placer.layout(tuple(around))


def is_layout(layout: Layout, table_size: Size, sizes: dict[Element, Size]) -> bool:
    """True for a table that frames content instead of holding data.

    Such a table has a single column (a box around paragraphs), or one cell
    that holds at least half of the table's text and a table of its own (a
    report's article always has tables), or, in a table of a few cells
    (header, menu, article, footer), several paragraphs of running text.  A
    data table's cells hold labels and numbers, and the tables of the format
    have 30 cells or more, so a long note row cannot make one a frame.
    """
    if layout.n_cols <= 1:
        return True
    for slot in layout.slots:
        size = sizes.get(slot.element)
        if size is None or 2 * size.chars < table_size.chars:
            continue
        if size.tables:
            return True
        running_text = size.blocks >= 2 and size.chars >= _TEXT_CELL_CHARS
        if running_text and len(layout.slots) <= _FRAME_MAX_CELLS:
            return True
    return False


def _rows(table: Element) -> tuple[list[list[Element]], list[Element]]:
    """The table's own rows of cells (head, body, foot) and its content outside cells."""
    head: list[list[Element]] = []
    body: list[list[Element]] = []
    foot: list[list[Element]] = []
    around: list[Element] = []
    loose: list[Element] = []  # cells written without a <tr>

    def close_loose(into: list[list[Element]]) -> None:
        if loose:
            into.append(list(loose))
            loose.clear()

    for child in table:
        tag = tag_of(child)
        if tag in _GROUP_TAGS:
            close_loose(body)
            into = head if tag == "thead" else foot if tag == "tfoot" else body
            for row in child:
                _take(row, into, around)
        elif tag in _CELL_TAGS:
            loose.append(child)
        else:
            close_loose(body)
            if tag == "caption":
                around.append(child)
            elif tag not in _IGNORED:
                _take(child, body, around)
    close_loose(body)
    return head + body + foot, around


def _take(element: Element, rows: list[list[Element]], around: list[Element]) -> None:
    tag = tag_of(element)
    if tag == "tr":
        cells = [c for c in element if tag_of(c) in _CELL_TAGS]
        around.extend(c for c in element if tag_of(c) and tag_of(c) not in _CELL_TAGS)
        if not _invisible_row(element, cells):
            rows.append(cells)
    elif tag in _CELL_TAGS:
        rows.append([element])
    elif tag and tag not in _IGNORED:
        around.append(element)


def _invisible_row(row: Element, cells: list[Element]) -> bool:
    """Word's closing row of empty, zero-height cells that only set column widths."""
    height = (row.get("height") or "").strip()
    return height == "0" and all(not "".join(c.itertext()).strip() for c in cells)


def _span(value: str | None) -> int | None:
    """An HTML span attribute as a number; None for a missing or unreadable one."""
    found = _SPAN.match(value or "")
    if found is None:
        return None
    digits = found.group(1).lstrip("0") or "0"
    return 10**9 if len(digits) > 9 else int(digits)


class _Placer:
    """HTML's placement of cells, with the bounds of :mod:`govreport.limits`."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self.problems: list[Problem] = []
        # covered[c]: the first row at which column c is no longer covered by
        # a cell above (rowspan) or to its left in the same row.
        self.covered: list[int] = []
        self.n_rows = 0
        self.units = 0  # rows and cells read, against MAX_HTML_TABLE_CELLS
        self.to_end: set[int] = set()  # slots with rowspan="0": down to the last row

    def add_row(self, row: int, cells: list[Element]) -> bool:
        """Place one row's cells; False once the table is too large to read on."""
        if self.units >= MAX_HTML_TABLE_CELLS:
            return self._too_large(row)
        self.n_rows = row + 1
        self.units += 1
        col = 0
        for cell in cells:
            if self.units >= MAX_HTML_TABLE_CELLS:
                return self._too_large(row)
            self.units += 1
            while col < len(self.covered) and self.covered[col] > row:
                col += 1
            if col >= MAX_HTML_TABLE_COLUMNS:
                self.problems.append(
                    Problem(
                        row,
                        f"表格超过{MAX_HTML_TABLE_COLUMNS}列，此行超出的单元格未读取"
                        f" (too many columns: the cells beyond are not read)",
                    )
                )
                break
            colspan = self._colspan(cell, row, col)
            rowspan = self._rowspan(cell, row)
            end = row + rowspan if rowspan else 1 << 62
            if len(self.covered) < col + colspan:
                self.covered.extend([0] * (col + colspan - len(self.covered)))
            for covered in range(col, col + colspan):
                self.covered[covered] = end
            if not rowspan:
                self.to_end.add(len(self.slots))
            self.slots.append(Slot(cell, row, col, rowspan or 1, colspan))
            col += colspan
        return True

    def _too_large(self, row: int) -> bool:
        self.problems.append(
            Problem(
                row,
                f"表格超过{MAX_HTML_TABLE_CELLS}个单元格，从此行起的其余部分未读取"
                f" (table too large: the rest is not read)",
            )
        )
        return False

    def _colspan(self, cell: Element, row: int, col: int) -> int:
        span = _span(cell.get("colspan")) or 1  # colspan="0" is 1 in HTML
        limit = min(MAX_HTML_COLSPAN, MAX_HTML_TABLE_COLUMNS - col)
        if span > limit:
            self.problems.append(
                Problem(
                    row,
                    f"单元格横跨{_shown(span)}列，超出可读范围，按{limit}列读取"
                    f" (colspan clipped to {limit})",
                )
            )
            return limit
        return span

    def _rowspan(self, cell: Element, row: int) -> int:
        """The cell's rowspan; 0 for "down to the last row" (HTML's rowspan="0")."""
        span = _span(cell.get("rowspan"))
        if span is None:
            return 1
        if span > MAX_HTML_ROWSPAN:
            self.problems.append(
                Problem(
                    row,
                    f"单元格纵跨{_shown(span)}行，超出可读范围，按{MAX_HTML_ROWSPAN}行读取"
                    f" (rowspan clipped to {MAX_HTML_ROWSPAN})",
                )
            )
            return MAX_HTML_ROWSPAN
        return span

    def layout(self, around: tuple[Element, ...]) -> Layout:
        """The slots, each rowspan ending at the table's last row as a browser ends it."""
        slots = self.slots
        for index, slot in enumerate(slots):
            rows_left = self.n_rows - slot.row
            if index in self.to_end or slot.rowspan > rows_left:
                slots[index] = slot._replace(rowspan=rows_left)
        n_cols = max((slot.col + slot.colspan for slot in slots), default=0)
        return Layout(tuple(slots), self.n_rows, n_cols, around, tuple(self.problems))


def _shown(span: int) -> str:
    return "十亿以上" if span >= 10**9 else str(span)
