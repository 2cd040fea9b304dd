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
from collections import OrderedDict
from collections.abc import Sequence
from typing import Final

import attrs

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


@attrs.frozen
class _Slot:
    """Where a number cell goes in a frame: its lines' string offsets and its size."""

    cell: int  # index in table.cells
    width: int
    height: int
    align: Align
    rows: tuple[tuple[int, int], ...]  # (line number, string offset) of each line it covers


@attrs.frozen
class _Frame:
    """A table drawn with every cell but its numbers, and where each number goes."""

    lines: tuple[str, ...]
    slots: tuple[_Slot, ...]
    #: Each line that holds numbers when every number is one line (the common
    #: case): (line number, the frame's text around the slots, slot indices).
    single: tuple[tuple[int, tuple[str, ...], tuple[int, ...]], ...]


def _draw(table: Table, lay: Layout, ascii_only: bool, skip: frozenset[int]) -> list[str]:
    """The table's lines, drawn cell by cell; cells at the indices in ``skip`` left blank."""
    xs = _offsets([w + COLUMN_CHROME - 1 for w in lay.widths])
    ys = _offsets(lay.heights)
    spans = tuple((c.row, c.col, c.rowspan, c.colspan) for c in table.cells)
    empty = _border_canvas(spans, table.n_rows, table.n_cols, lay, ascii_only)
    canvas: Canvas = [list(row) for row in empty]
    for index, cell in enumerate(table.cells):
        if index not in skip:
            _draw_cell(canvas, cell, lay, xs, ys)
    return ["".join(row) for row in canvas]


def _frame(table: Table, lay: Layout, ascii_only: bool) -> _Frame | None:
    """None when a number's place is not blank in the frame (a label overflowing its cell)."""
    filled = frozenset(i for i, c in enumerate(table.cells) if c.is_number)
    drawn = _draw(table, lay, ascii_only, filled)
    xs = _offsets([w + COLUMN_CHROME - 1 for w in lay.widths])
    ys = _offsets(lay.heights)
    # Display column → string offset, per line: a CJK character takes two columns.
    offsets: list[dict[int, int]] = []
    for line in drawn:
        at: dict[int, int] = {}
        column = 0
        for k, ch in enumerate(line):
            at[column] = k
            column += display_width(ch)
        at[column] = len(line)
        offsets.append(at)
    slots = []
    for index in sorted(filled):
        cell = table.cells[index]
        top, left = ys[cell.row] + 1, xs[cell.col] + 2
        height = lay.span_height(cell.row, cell.rowspan)
        width = lay.span_width(cell.col, cell.colspan)
        rows = []
        for y in range(top, top + height):
            start = offsets[y].get(left)
            if start is None or drawn[y][start : start + width] != " " * width:
                return None
            rows.append((y, start))
        slots.append(_Slot(index, width, height, alignment(cell), tuple(rows)))
    return _Frame(tuple(drawn), tuple(slots), _single_lines(drawn, slots))


def _single_lines(
    drawn: Sequence[str], slots: Sequence[_Slot]
) -> tuple[tuple[int, tuple[str, ...], tuple[int, ...]], ...]:
    """Where one-line numbers go: each on its cell's middle line (vertically centred)."""
    on_line: dict[int, list[tuple[int, int, int]]] = {}
    for i, slot in enumerate(slots):
        y, start = slot.rows[(slot.height - 1) // 2]
        on_line.setdefault(y, []).append((start, slot.width, i))
    out = []
    for y, places in sorted(on_line.items()):
        parts, at, order = [], 0, []
        for start, width, i in sorted(places):
            parts.append(drawn[y][at:start])
            order.append(i)
            at = start + width  # the frame holds one space per column there
        parts.append(drawn[y][at:])
        out.append((y, tuple(parts), tuple(order)))
    return tuple(out)


#: Frames kept (a few KB each): one per official table and layout.
FRAMES_KEPT: Final = 256
_FRAMES: OrderedDict[tuple[object, ...], _Frame | None] = OrderedDict()


def _cached_frame(table: Table, lay: Layout, ascii_only: bool) -> _Frame | None:
    """The table's frame, drawn on first use of its key (the numbers are not part of it)."""
    key = _frame_key(table, lay, ascii_only)
    try:
        _FRAMES.move_to_end(key)
        return _FRAMES[key]
    except KeyError:
        pass
    frame = _FRAMES[key] = _frame(table, lay, ascii_only)
    if len(_FRAMES) > FRAMES_KEPT:
        _FRAMES.popitem(last=False)
    return frame


def _frame_key(table: Table, lay: Layout, ascii_only: bool) -> tuple[object, ...]:
    """All a frame depends on: the geometry, the layout, the text of every cell but the numbers."""
    return (
        table.n_rows,
        table.n_cols,
        lay,
        ascii_only,
        tuple(
            (c.row, c.col, c.rowspan, c.colspan, c.role, "" if c.is_number else c.text)
            for c in table.cells
        ),
    )


def _one_line(text: str, width: int) -> bool:
    """Is ``text`` one line of one-column characters that fits ``width``: a number?"""
    return len(text) <= width and text.isascii() and text.isprintable() and " " not in text


def _filled(frame: _Frame, table: Table) -> list[str] | None:
    """The frame with the table's numbers in place; None where one would not fit its cell."""
    cells = table.cells
    texts = [cells[slot.cell].text for slot in frame.slots]
    if all(_one_line(text, slot.width) for text, slot in zip(texts, frame.slots, strict=True)):
        padded = [
            pad(t, slot.width, slot.align) for t, slot in zip(texts, frame.slots, strict=True)
        ]
        out = list(frame.lines)
        for y, parts, order in frame.single:
            pieces = [parts[0]]
            for k, i in enumerate(order):
                pieces += (padded[i], parts[k + 1])
            out[y] = "".join(pieces)
        return out
    return _filled_wrapped(frame, table)


def _filled_wrapped(frame: _Frame, table: Table) -> list[str] | None:
    """:func:`_filled` for numbers of any text: each wrapped and centred in its cell."""
    edits: dict[int, list[tuple[int, str, int]]] = {}
    for slot in frame.slots:
        lines = wrap(table.cells[slot.cell].text, slot.width)
        if len(lines) > slot.height:
            return None
        skip = (slot.height - len(lines)) // 2  # vertically centred
        for (y, start), line in zip(slot.rows[skip:], lines, strict=False):
            if display_width(line) > slot.width:
                return None  # it would overwrite the border: drawn cell by cell instead
            edits.setdefault(y, []).append((start, pad(line, slot.width, slot.align), slot.width))
    out = list(frame.lines)
    for y, pieces in edits.items():
        line, parts, at = out[y], [], 0
        for start, text, width in sorted(pieces):
            parts += [line[at:start], text]
            at = start + width  # the frame holds one space per column there
        parts.append(line[at:])
        out[y] = "".join(parts)
    return out


def render_table(table: Table, max_width: int, *, ascii_only: bool = False) -> list[str]:
    """The table as lines of equal display width, at most ``max_width`` wide when it can be.

    The frame (borders, headings, labels) is drawn once per layout and kept;
    each report's numbers are then set into it.  That gives the lines drawing
    every cell would, in a fraction of the time.
    """
    if table.n_rows == 0 or table.n_cols == 0:
        return []
    lay = layout(table, max_width)
    frame = _cached_frame(table, lay, ascii_only)
    filled = None if frame is None else _filled(frame, table)
    return filled if filled is not None else _draw(table, lay, ascii_only, frozenset())
