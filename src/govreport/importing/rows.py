"""A printed table seen row by row, merged cells included, across page breaks.

The official tables are read by their labels, row by row: a row's labels say
which official row it is, its header rows say which column is which.  A
merged cell belongs to every row it covers (``（三）不予公开`` to its eight
sub-rows), so each :class:`PrintedRow` lists every cell covering it.  A table
broken across pages is several Grids; their rows are simply read one after
the other (:func:`rows_of`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from govreport.importing.blocks import Cell, Grid
from govreport.importing.labels import normalise
from govreport.importing.numbers import Kind, read_count
from govreport.limits import MAX_IMPORT_GRID_POSITIONS

#: Kinds of cell text that are a value, not a label: numbers and the marks for none.
_VALUE_KINDS: Final = frozenset({Kind.NUMBER, Kind.BLANK, Kind.PLACEHOLDER})


def fits(grid: Grid) -> bool:
    """Whether ``grid`` is small enough to be one of the official tables."""
    return 0 < grid.n_rows * grid.n_cols <= MAX_IMPORT_GRID_POSITIONS


@attrs.frozen
class PrintedRow:
    """One row of a printed table: the cells covering it, left to right."""

    grid: Grid
    #: Position of the Grid in the source (1-based among Grids), for notes.
    grid_number: int
    index: int
    cells: tuple[Cell, ...]

    def where(self, cell: Cell | None = None) -> str:
        """The place in the source: ``表格2第5行`` (and ``第3列`` for a cell)."""
        head = self.grid.where or f"表格{self.grid_number}"
        here = f"{head}第{self.index + 1}行"
        return f"{here}第{cell.col + 1}列" if cell is not None else here

    def starts_here(self, cell: Cell) -> bool:
        return cell.row == self.index

    def texts(self) -> tuple[str, ...]:
        return tuple(normalise(c.text) for c in self.cells)

    def at(self, col: int) -> Cell | None:
        """The cell covering column ``col`` in this row."""
        for cell in self.cells:
            if cell.col <= col < cell.col + cell.colspan:
                return cell
        return None


def is_value(cell: Cell) -> bool:
    """Whether a cell reads as a value (a number, blank, “/”), not as a label."""
    return read_count(cell.text).kind in _VALUE_KINDS


def has_label(cell: Cell) -> bool:
    return not is_value(cell)


def grid_rows(grid: Grid, grid_number: int) -> Iterator[PrintedRow]:
    """The rows of ``grid``, each with every cell covering it (spans clipped to the grid)."""
    covering: list[list[Cell]] = [[] for _ in range(grid.n_rows)]
    for cell in grid.cells:
        if not (0 <= cell.row < grid.n_rows and 0 <= cell.col < grid.n_cols):
            continue  # a reader's defect; a cell outside its grid is no part of it
        for r in range(cell.row, min(cell.row + max(cell.rowspan, 1), grid.n_rows)):
            covering[r].append(cell)
    for index, cells in enumerate(covering):
        yield PrintedRow(grid, grid_number, index, tuple(sorted(cells, key=lambda c: c.col)))


def rows_of(grids: Iterable[tuple[int, Grid]]) -> list[PrintedRow]:
    """The rows of a table printed as consecutive Grids, in reading order."""
    return [row for number, grid in grids for row in grid_rows(grid, number)]
