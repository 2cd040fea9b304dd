"""The vocabulary for describing a fixed official table as data.

A table is a rectangular grid.  Every cell of the official layout is listed once,
at its top-left grid position, with its row and column span.  A cell either
carries fixed text (a header or row label, verbatim from 国办公开办函〔2021〕30号)
or refers to a value in the report model by its dotted English path.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

import attrs


class CellRole(enum.Enum):
    """What a cell holds; renderers style by role, never by position."""

    HEADER = "header"  # column headings in the table head
    GROUP = "group"  # a label spanning the whole width, e.g. 第二十条第（一）项
    LABEL = "label"  # a row label in the body
    VALUE = "value"  # a number taken from the model
    TOTAL = "total"  # a number the model computes (总计); never stored


class Spanning(Protocol):
    """Anything placed on a grid with a span: a spec cell, a document cell."""

    @property
    def row(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def rowspan(self) -> int: ...
    @property
    def colspan(self) -> int: ...


S = TypeVar("S", bound=Spanning)


def area(cell: Spanning) -> Iterator[tuple[int, int]]:
    """Every grid position ``cell`` covers, row by row."""
    for r in range(cell.row, cell.row + cell.rowspan):
        for c in range(cell.col, cell.col + cell.colspan):
            yield r, c


def covering(cells: Sequence[Spanning]) -> dict[tuple[int, int], int]:
    """Grid position → index of the cell that covers it (the later one where two overlap)."""
    return {pos: index for index, cell in enumerate(cells) for pos in area(cell)}


def rows_of(cells: Sequence[S], n_rows: int) -> tuple[tuple[S, ...], ...]:
    """Cells grouped by the row they start in, left to right."""
    grouped: list[list[S]] = [[] for _ in range(n_rows)]
    for cell in cells:
        grouped[cell.row].append(cell)
    return tuple(tuple(sorted(r, key=lambda c: c.col)) for r in grouped)


@attrs.frozen
class CellSpec:
    """One cell of the official layout, at its top-left grid position."""

    row: int
    col: int
    role: CellRole
    text: str = ""
    path: str = ""  # dotted model path for VALUE and TOTAL cells
    rowspan: int = 1
    colspan: int = 1

    @property
    def is_number(self) -> bool:
        return self.role in (CellRole.VALUE, CellRole.TOTAL)


@attrs.frozen
class TableSpec:
    """The official geometry of one table."""

    key: str
    title: str
    n_rows: int
    n_cols: int
    header_rows: int  # rows repeated on every page
    cells: tuple[CellSpec, ...]
    # Relative column widths, used by paged outputs to lay the table out
    # inside the 156 mm type area.
    col_weights: tuple[int, ...]

    def cell_at(self, row: int, col: int) -> CellSpec | None:
        """The cell whose area covers ``(row, col)``."""
        index = covering(self.cells).get((row, col))
        return None if index is None else self.cells[index]

    def rows(self) -> tuple[tuple[CellSpec, ...], ...]:
        """Cells grouped by the row they start in, left to right."""
        return rows_of(self.cells, self.n_rows)

    def labels(self) -> tuple[str, ...]:
        """Every fixed text of the table, in reading order."""
        return tuple(c.text for row in self.rows() for c in row if c.text)

    def value_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for row in self.rows() for c in row if c.is_number)

    def check_tiling(self) -> None:
        """Raise ``ValueError`` unless the cells tile the grid exactly once."""
        seen: dict[tuple[int, int], CellSpec] = {}
        for cell in self.cells:
            for r, c in area(cell):
                if not (0 <= r < self.n_rows and 0 <= c < self.n_cols):
                    raise ValueError(f"{self.key}: {cell} leaves the grid")
                if (r, c) in seen:
                    raise ValueError(f"{self.key}: {cell} overlaps {seen[(r, c)]}")
                seen[(r, c)] = cell
        if len(seen) != self.n_rows * self.n_cols:
            raise ValueError(f"{self.key}: grid has holes")
        if len(self.col_weights) != self.n_cols:
            raise ValueError(f"{self.key}: {len(self.col_weights)} widths for {self.n_cols} cols")


class GridBuilder:
    """Lays out cells row by row, so geometry reads like the official table.

    ``cursor`` skips grid positions already covered by a row-spanning cell above,
    which is how the table is read on paper.
    """

    def __init__(self, n_cols: int) -> None:
        self.n_cols = n_cols
        self.cells: list[CellSpec] = []
        self._covered: set[tuple[int, int]] = set()
        self.row = -1
        self.col = 0

    def new_row(self) -> GridBuilder:
        self.row += 1
        self.col = 0
        self._skip_covered()
        return self

    def _skip_covered(self) -> None:
        while (self.row, self.col) in self._covered:
            self.col += 1

    def add(
        self,
        role: CellRole,
        text: str = "",
        path: str = "",
        rowspan: int = 1,
        colspan: int = 1,
    ) -> GridBuilder:
        cell = CellSpec(self.row, self.col, role, text, path, rowspan, colspan)
        self.cells.append(cell)
        self._covered.update(area(cell))
        self.col += colspan
        self._skip_covered()
        return self

    def build(
        self, key: str, title: str, header_rows: int, col_weights: tuple[int, ...]
    ) -> TableSpec:
        spec = TableSpec(
            key=key,
            title=title,
            n_rows=self.row + 1,
            n_cols=self.n_cols,
            header_rows=header_rows,
            cells=tuple(self.cells),
            col_weights=col_weights,
        )
        spec.check_tiling()
        return spec
