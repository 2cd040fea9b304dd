"""Draw a Table with merged cells as lines of box-drawing text.

Borders follow the cells, not the grid: a border segment is drawn between two
grid positions only where they belong to different cells, and each junction
character is chosen from which of its four arms are drawn.  So a merged cell
such as 三、本年度办理结果 (22 rows) is one open box, with its text running
through the lines where other columns have their row borders.

The drawing is a canvas of display columns: a wide (CJK) character sits in
one slot and blanks the slot after it, so every border lines up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govreport.document.blocks import Table, TableCell
from govreport.outputs.textlayout import COLUMN_CHROME, Layout, layout
from govreport.outputs.textwidth import Align, display_width, pad, wrap
from govreport.spec.grid import CellRole, covering

Owners = list[list[int]]
Canvas = list[list[str]]

# (up, down, left, right) → junction character.
_BOX: dict[tuple[bool, bool, bool, bool], str] = {
    (False, False, False, False): " ",
    (True, True, False, False): "│",
    (False, False, True, True): "─",
    (False, True, False, True): "┌",
    (False, True, True, False): "┐",
    (True, False, False, True): "└",
    (True, False, True, False): "┘",
    (True, True, False, True): "├",
    (True, True, True, False): "┤",
    (False, True, True, True): "┬",
    (True, False, True, True): "┴",
    (True, True, True, True): "┼",
    # Single arms cannot happen with rectangular cells; drawn anyway for totality.
    (True, False, False, False): "╵",
    (False, True, False, False): "╷",
    (False, False, True, False): "╴",
    (False, False, False, True): "╶",
}
BOX_CHARACTERS = frozenset("".join(_BOX.values()).replace(" ", ""))


def _ascii(up: bool, down: bool, left: bool, right: bool) -> str:
    vertical, horizontal = up or down, left or right
    if vertical and horizontal:
        return "+"
    return "|" if vertical else "-" if horizontal else " "


def owners(table: Table) -> Owners:
    """Which cell covers each grid position; uncovered positions are their own empty cell."""
    grid = [[-1 - (r * table.n_cols + c) for c in range(table.n_cols)] for r in range(table.n_rows)]
    for (r, c), index in covering(table.cells).items():
        if r < table.n_rows and c < table.n_cols:  # a span past the edge is cut there
            grid[r][c] = index
    return grid


class _Borders:
    """Which border segments exist, from the cell ownership of the grid."""

    def __init__(self, grid: Owners) -> None:
        self.grid = grid
        self.n_rows = len(grid)
        self.n_cols = len(grid[0]) if grid else 0

    def horizontal(self, boundary: int, col: int) -> bool:
        """Segment above grid row ``boundary`` in column ``col``."""
        if boundary in (0, self.n_rows):
            return True
        return self.grid[boundary - 1][col] != self.grid[boundary][col]

    def vertical(self, row: int, boundary: int) -> bool:
        """Segment left of grid column ``boundary`` in row ``row``."""
        if boundary in (0, self.n_cols):
            return True
        return self.grid[row][boundary - 1] != self.grid[row][boundary]

    def arms(self, i: int, j: int) -> tuple[bool, bool, bool, bool]:
        """Arms of the junction at row boundary ``i`` and column boundary ``j``."""
        return (
            i > 0 and self.vertical(i - 1, j),
            i < self.n_rows and self.vertical(i, j),
            j > 0 and self.horizontal(i, j - 1),
            j < self.n_cols and self.horizontal(i, j),
        )


def _offsets(sizes: Sequence[int]) -> list[int]:
    """Positions of the border lines before each size and after the last."""
    out = [0]
    for size in sizes:
        out.append(out[-1] + size + 1)
    return out


def _put(canvas: Canvas, y: int, x: int, text: str) -> None:
    """Write ``text`` at display column ``x``; the slots its width covers are emptied."""
    canvas[y][x] = text
    for k in range(1, display_width(text)):
        canvas[y][x + k] = ""


def _draw_borders(
    canvas: Canvas, borders: _Borders, xs: list[int], ys: list[int], *, ascii_only: bool
) -> None:
    dash, bar = ("-", "|") if ascii_only else ("─", "│")
    for i, y in enumerate(ys):
        for c in range(borders.n_cols):
            if borders.horizontal(i, c):
                for x in range(xs[c] + 1, xs[c + 1]):
                    canvas[y][x] = dash
    for r in range(borders.n_rows):
        for j, x in enumerate(xs):
            if borders.vertical(r, j):
                for y in range(ys[r] + 1, ys[r + 1]):
                    canvas[y][x] = bar
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            arms = borders.arms(i, j)
            if any(arms):
                canvas[y][x] = _ascii(*arms) if ascii_only else _BOX[arms]


def alignment(cell: TableCell) -> Align:
    """Row labels read from the left; headings and numbers are centred, as officially printed."""
    return Align.LEFT if cell.role is CellRole.LABEL else Align.CENTER


def _draw_cell(canvas: Canvas, cell: TableCell, lay: Layout, xs: list[int], ys: list[int]) -> None:
    width = lay.span_width(cell.col, cell.colspan)
    height = lay.span_height(cell.row, cell.rowspan)
    lines = wrap(cell.text, width)
    top = ys[cell.row] + 1 + (height - len(lines)) // 2  # vertically centred
    left = xs[cell.col] + 2  # border, then one space of padding
    for k, line in enumerate(lines):
        _put(canvas, top + k, left, pad(line, width, alignment(cell)))


#: Spans of every cell, (row, col, rowspan, colspan): what the borders depend on.
Spans = tuple[tuple[int, int, int, int], ...]


#: Empty tables kept (about 50 KB each): a few layouts per official table.
@functools.lru_cache(maxsize=128)
def _border_canvas(
    spans: Spans, n_rows: int, n_cols: int, lay: Layout, ascii_only: bool
) -> tuple[tuple[str, ...], ...]:
    """The empty table (borders only): the same for every report whose layout is the same."""
    xs = _offsets([w + COLUMN_CHROME - 1 for w in lay.widths])
    ys = _offsets(lay.heights)
    cells = tuple(TableCell("", r, c, CellRole.VALUE, rs, cs) for r, c, rs, cs in spans)
    table = Table("", "", n_rows, n_cols, 0, (), cells)
    canvas: Canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    _draw_borders(canvas, _Borders(owners(table)), xs, ys, ascii_only=ascii_only)
    return tuple(tuple(row) for row in canvas)


def render_table(table: Table, max_width: int, *, ascii_only: bool = False) -> list[str]:
    """The table as lines of equal display width, at most ``max_width`` wide when it can be."""
    if table.n_rows == 0 or table.n_cols == 0:
        return []
    lay = layout(table, max_width)
    xs = _offsets([w + COLUMN_CHROME - 1 for w in lay.widths])
    ys = _offsets(lay.heights)
    spans = tuple((c.row, c.col, c.rowspan, c.colspan) for c in table.cells)
    empty = _border_canvas(spans, table.n_rows, table.n_cols, lay, ascii_only)
    canvas: Canvas = [list(row) for row in empty]
    for cell in table.cells:
        _draw_cell(canvas, cell, lay, xs, ys)
    return ["".join(row) for row in canvas]
