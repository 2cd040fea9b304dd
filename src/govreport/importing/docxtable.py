"""A Word table (``w:tbl``) with its real geometry: merged cells once, at their top-left.

Word stores a table row by row.  Each row may skip grid columns at its start
and end (``w:gridBefore``/``w:gridAfter``: the positions stay empty); each
cell covers ``w:gridSpan`` grid columns.  A cell merged downwards is a
``w:vMerge="restart"`` cell followed, in the same grid column of each row
below, by a ``w:vMerge`` (continue) cell: the continue cell adds one row to
the cell above it.  Old files merge across with ``w:hMerge`` the same way.

A cell's text is its paragraphs joined by ``\\n``.  A table inside a cell is
not part of the cell's text: it is returned to be read as a table of its own,
after this one.  Rows deleted in tracked changes are not printed, so not read.
"""

from __future__ import annotations

from typing import Final

import attrs

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Cell, Grid
from govreport.importing.docxtext import Element, W, paragraph_text

#: Code of the notes on what a Word table held that could not be read as printed
#: (I0, as every reader's notes).
TABLE_NOTE: Final = "I0"


@attrs.define
class _Cell:
    lines: list[str]
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@attrs.define
class TableRead:
    grid: Grid
    #: Tables found inside its cells, in document order, to be read after it.
    nested: list[Element]
    notes: list[Finding]
    #: Text boxes met in its cells (not read).
    floating: int = 0


def _int(element: Element | None, default: int) -> int:
    """A ``w:val`` count; a missing, negative or garbled one is the default."""
    if element is None:
        return default
    try:
        value = int(element.get(f"{W}val", ""))
    except ValueError:
        return default
    return value if value >= 0 else default


def _children(element: Element, tag: str) -> list[Element]:
    """``tag`` children, also those wrapped in content controls or custom XML."""
    found: list[Element] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                found += _children(content, tag)
        elif child.tag == f"{W}customXml":
            found += _children(child, tag)
    return found


def _merge(props: Element | None, tag: str) -> str:
    """ "restart", "continue" or "" for ``w:vMerge``/``w:hMerge``."""
    merge = props.find(f"{W}{tag}") if props is not None else None
    if merge is None:
        return ""
    return "restart" if merge.get(f"{W}val") == "restart" else "continue"


class _Table:
    def __init__(self, number: int) -> None:
        self.where = f"表格{number}"
        self.cells: list[_Cell] = []
        self.owner: dict[tuple[int, int], int] = {}
        self.nested: list[Element] = []
        self.notes: list[Finding] = []
        self.floating = 0
        self.n_cols = 0

    def note(self, row: int, col: int, message: str) -> None:
        where = f"{self.where}第{row + 1}行第{col + 1}列"
        self.notes.append(Finding(TABLE_NOTE, Severity.WARNING, message, location=where))

    def content(self, cell: Element) -> list[str]:
        """The cell's paragraphs' text; tables inside it are kept for later."""
        lines: list[str] = []
        for child in cell:
            if child.tag == f"{W}p":
                text, floating = paragraph_text(child)
                self.floating += floating
                if text:
                    lines.append(text)
            elif child.tag == f"{W}tbl":
                self.nested.append(child)
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
                if inner is not None:
                    lines += self.content(inner)
        return lines

    def place(self, index: int, row: int, col: int, colspan: int) -> None:
        for k in range(colspan):
            self.owner[(row, col + k)] = index

    def merge_down(self, lines: list[str], row: int, col: int, span: int) -> bool:
        """A continue cell: one more row for the cell above it; False if there is none."""
        index = self.owner.get((row - 1, col))
        if index is None:
            return False
        above = self.cells[index]
        if above.col != col or above.row + above.rowspan != row:
            return False
        above.rowspan += 1
        if span != above.colspan:
            self.note(
                row,
                col,
                f"与上方合并的单元格宽{span}列，上方单元格宽{above.colspan}列，按上方读取"
                " (vertical merge of unequal widths)",
            )
        self.place(index, row, col, above.colspan)
        self._keep(above, lines, row, col)
        return True

    def merge_across(self, lines: list[str], row: int, col: int, span: int) -> bool:
        """An ``w:hMerge`` continue cell: more columns for the cell before it."""
        index = self.owner.get((row, col - 1))
        if index is None or self.cells[index].row != row:
            return False
        before = self.cells[index]
        before.colspan += span
        self.place(index, row, col, span)
        self._keep(before, lines, row, col)
        return True

    def _keep(self, target: _Cell, lines: list[str], row: int, col: int) -> None:
        # Word shows only the first cell of a merge; text in the others is kept, not lost.
        if lines:
            target.lines += lines
            self.note(
                row,
                col,
                "合并单元格的后续部分也有文字，已并入合并单元格 (text in a merged-away cell)",
            )

    def row(self, tr: Element, row: int) -> None:
        props = tr.find(f"{W}trPr")
        col = _int(props.find(f"{W}gridBefore") if props is not None else None, 0)
        for tc in _children(tr, f"{W}tc"):
            cell_props = tc.find(f"{W}tcPr")
            span = max(
                _int(cell_props.find(f"{W}gridSpan") if cell_props is not None else None, 1), 1
            )
            if col + span > limits.MAX_DOCX_TABLE_COLUMNS:
                self.note(
                    row,
                    col,
                    f"表格超过{limits.MAX_DOCX_TABLE_COLUMNS}列，其余单元格未读取"
                    " (too many columns)",
                )
                return
            lines = self.content(tc)
            if _merge(cell_props, "vMerge") == "continue" and self.merge_down(
                lines, row, col, span
            ):
                col += span
                continue
            if _merge(cell_props, "hMerge") == "continue" and self.merge_across(
                lines, row, col, span
            ):
                col += span
                continue
            if _merge(cell_props, "vMerge") == "continue":
                self.note(
                    row,
                    col,
                    "单元格标为与上方合并，但上方没有可合并的单元格，按单独单元格读取"
                    " (vertical merge without a start)",
                )
            self.cells.append(_Cell(lines, row, col, 1, span))
            self.place(len(self.cells) - 1, row, col, span)
            col += span
        after = _int(props.find(f"{W}gridAfter") if props is not None else None, 0)
        self.n_cols = max(self.n_cols, min(col + after, limits.MAX_DOCX_TABLE_COLUMNS))


def _deleted(tr: Element) -> bool:
    props = tr.find(f"{W}trPr")
    return props is not None and props.find(f"{W}del") is not None


def read_table(tbl: Element, number: int) -> TableRead:
    """Table ``number`` of the document (its "where" is 表格N) as printed."""
    table = _Table(number)
    rows = [tr for tr in _children(tbl, f"{W}tr") if not _deleted(tr)]
    n_rows = 0
    for r, tr in enumerate(rows):
        if len(table.cells) >= limits.MAX_DOCX_TABLE_CELLS:
            table.note(
                r,
                0,
                f"表格超过{limits.MAX_DOCX_TABLE_CELLS}个单元格，其余各行未读取 (too many cells)",
            )
            break
        table.row(tr, r)
        n_rows = r + 1
    cells = tuple(Cell("\n".join(c.lines), c.row, c.col, c.rowspan, c.colspan) for c in table.cells)
    grid = Grid(cells, n_rows, table.n_cols, table.where)
    return TableRead(grid, table.nested, table.notes, table.floating)
