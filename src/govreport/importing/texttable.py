"""Read back a table drawn by the text output (:mod:`govreport.outputs.textgrid`).

The drawing shows each cell as a closed box: a border is drawn between two
grid positions only where they belong to different cells, so a merged cell is
one box whose text runs across the lines where its neighbours have borders.
The reader traces the boxes, starting from the top-left corner: each box's
top edge runs right to the first junction with an arm going down (its top-right
corner), its left wall runs down to the first junction with an arm going right
(its bottom-left corner); the boxes to the right and below start at the
junctions on its right wall and bottom edge.  Only border positions are ever
looked at, so text inside a cell cannot mislead it, whatever characters it
holds (``│``, ``─``, ``┼``).

Drawn with ``--option ascii=true`` the junctions are all ``+`` and their arms
are read from the neighbouring characters; a cell may hold ``|`` or ``-``
there, which the padding rule (a wall has a space of padding either side)
tells apart from a border except for text such as ``a | b`` spanning an inner
column boundary exactly: a limit of that drawing, not of this reader.

The boxes' corners give the grid: every distinct x of a corner is a column
boundary and every distinct y a row boundary, so rowspan and colspan follow.
Cell text is the box's lines without padding, unwrapped at the box's content
width (known exactly: the drawing has one border and one space either side).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from wcwidth import iter_graphemes

from govreport import limits
from govreport.importing.blocks import Cell, Grid
from govreport.importing.textjoin import join_wrapped
from govreport.importing.textspace import squeeze_lines
from govreport.outputs.textwidth import display_width

#: Border plus padding each column adds to its content width (as the drawing does).
_CHROME: Final = 3


class Arms(NamedTuple):
    up: bool
    down: bool
    left: bool
    right: bool


_NONE: Final = Arms(False, False, False, False)
_VERTICAL: Final = Arms(True, True, False, False)
_HORIZONTAL: Final = Arms(False, False, True, True)

#: Box-drawing characters and which of their arms are drawn.
BOX_ARMS: Final[dict[str, Arms]] = {
    "│": _VERTICAL,
    "─": _HORIZONTAL,
    "┌": Arms(False, True, False, True),
    "┐": Arms(False, True, True, False),
    "└": Arms(True, False, False, True),
    "┘": Arms(True, False, True, False),
    "├": Arms(True, True, False, True),
    "┤": Arms(True, True, True, False),
    "┬": Arms(False, True, True, True),
    "┴": Arms(True, False, True, True),
    "┼": Arms(True, True, True, True),
    "╵": Arms(True, False, False, False),
    "╷": Arms(False, True, False, False),
    "╴": Arms(False, False, True, False),
    "╶": Arms(False, False, False, True),
}


class TableShapeError(ValueError):
    """The lines are not a table the text output drew; the message says where it failed."""


def slots(line: str) -> list[str]:
    """One entry per display column; a wide character's second column is ''.

    A zero-width grapheme (a lone combining mark) joins the column before it.
    """
    out: list[str] = []
    for grapheme in iter_graphemes(line):
        width = display_width(grapheme)
        if width <= 0 and out:
            out[-1] += grapheme
            continue
        out.append(grapheme)
        out.extend([""] * (width - 1))
    return out


def is_top_border(line: str) -> bool:
    """The first line of a drawn table: ``┌──┬──┐`` or ``+--+--+``."""
    if len(line) < 3:
        return False
    if line[0] == "┌":
        return line[-1] == "┐" and all(ch in "─┬" for ch in line[1:-1])
    return line[0] == "+" == line[-1] and all(ch in "-+" for ch in line[1:-1])


def is_bottom_border(line: str) -> bool:
    """The last line of a drawn table: ``└──┴──┘`` or ``+--+--+``."""
    if len(line) < 3:
        return False
    if line[0] == "└":
        return line[-1] == "┘" and all(ch in "─┴" for ch in line[1:-1])
    return is_top_border(line) and line[0] == "+"


class _Canvas:
    def __init__(self, lines: Sequence[str]) -> None:
        self.rows = [slots(line) for line in lines]
        self.height = len(self.rows)
        self.width = len(self.rows[0]) if self.rows else 0
        self.ascii = bool(self.rows) and self.rows[0][0] == "+"
        if any(len(row) != self.width for row in self.rows):
            raise TableShapeError("表格各行宽度不一致 (lines of unequal width)")

    def at(self, y: int, x: int) -> str:
        if 0 <= y < self.height and 0 <= x < self.width:
            return self.rows[y][x]
        return ""

    def _padded(self, y: int, x: int) -> bool:
        """A wall's neighbours on a text line are padding spaces (or outside the table)."""
        return all(self.at(y, n) in (" ", "") for n in (x - 1, x + 1))

    def arms(self, y: int, x: int) -> Arms:
        ch = self.at(y, x)
        if not self.ascii:
            return BOX_ARMS.get(ch, _NONE)
        if ch == "|":
            return _VERTICAL
        if ch == "-":
            return _HORIZONTAL
        if ch != "+":
            return _NONE
        return Arms(
            self.at(y - 1, x) in ("|", "+") and self._padded(y - 1, x),
            self.at(y + 1, x) in ("|", "+") and self._padded(y + 1, x),
            self.at(y, x - 1) in ("-", "+"),
            self.at(y, x + 1) in ("-", "+"),
        )


Box = tuple[int, int, int, int]  # top, left, bottom, right (border positions)


def _box(canvas: _Canvas, top: int, left: int) -> Box:
    """The box whose top-left corner is at (top, left)."""
    where = f"第{top + 1}行第{left + 1}列"
    corner = canvas.arms(top, left)
    if not (corner.down and corner.right):
        raise TableShapeError(f"{where}不是单元格的左上角 (no cell corner)")
    right = left + 1
    while True:  # along the top edge to the first junction going down
        arms = canvas.arms(top, right)
        if not arms.left:
            raise TableShapeError(f"{where}起的上边框中断 (broken top border)")
        if arms.down:
            break
        right += 1
    bottom = top + 1
    while True:  # down the left wall to the first junction going right
        arms = canvas.arms(bottom, left)
        if not arms.up:
            raise TableShapeError(f"{where}起的左边框中断 (broken left border)")
        if arms.right:
            break
        bottom += 1
    for y in range(top + 1, bottom):
        arms = canvas.arms(y, right)
        if not (arms.up and arms.down) or arms.left:
            raise TableShapeError(f"{where}起的单元格右边框中断 (broken right border)")
    if not (canvas.arms(bottom, right).up and canvas.arms(bottom, right).left):
        raise TableShapeError(f"{where}起的单元格缺右下角 (no bottom-right corner)")
    for x in range(left + 1, right):
        arms = canvas.arms(bottom, x)
        if not (arms.left and arms.right) or arms.up:
            raise TableShapeError(f"{where}起的单元格下边框中断 (broken bottom border)")
    return top, left, bottom, right


def _boxes(canvas: _Canvas) -> list[Box]:
    found: list[Box] = []
    corners = [(0, 0)]
    seen: set[tuple[int, int]] = set()
    while corners:
        corner = corners.pop()
        if corner in seen:
            continue
        seen.add(corner)
        top, left, bottom, right = box = _box(canvas, *corner)
        found.append(box)
        if right < canvas.width - 1:
            corners += [(y, right) for y in range(top, bottom) if canvas.arms(y, right).right]
        if bottom < canvas.height - 1:
            corners += [(bottom, x) for x in range(left, right) if canvas.arms(bottom, x).down]
    return found


def _text(canvas: _Canvas, box: Box) -> str:
    top, left, bottom, right = box
    lines = ["".join(canvas.rows[y][left + 1 : right]).strip(" ") for y in range(top + 1, bottom)]
    lines = [line for line in lines if line]
    return squeeze_lines(join_wrapped(lines, right - left - _CHROME, cuts=False))


def parse_table(lines: Sequence[str], where: str = "") -> Grid:
    """The Grid of a table drawn by the text output, or :class:`TableShapeError`."""
    if not lines or not is_top_border(lines[0]) or not is_bottom_border(lines[-1]):
        raise TableShapeError("不是完整的表格边框 (no complete table border)")
    if sum(len(line) for line in lines) > limits.MAX_IMPORT_TEXT_TABLE_CHARS:
        raise TableShapeError(
            f"表格超过{limits.MAX_IMPORT_TEXT_TABLE_CHARS}个字符的上限，未读取 (table too large)"
        )
    canvas = _Canvas(lines)
    boxes = _boxes(canvas)
    xs = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    ys = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    col_of = {x: i for i, x in enumerate(xs)}
    row_of = {y: i for i, y in enumerate(ys)}
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    covered: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    for box in sorted(boxes):
        top, left, bottom, right = box
        row, col = row_of[top], col_of[left]
        rowspan, colspan = row_of[bottom] - row, col_of[right] - col
        area = {(r, c) for r in range(row, row + rowspan) for c in range(col, col + colspan)}
        if area & covered:
            raise TableShapeError("单元格相互重叠 (overlapping cells)")
        covered |= area
        cells.append(Cell(_text(canvas, box), row, col, rowspan, colspan))
    if len(covered) != n_rows * n_cols:
        raise TableShapeError("单元格没有铺满表格 (cells do not cover the table)")
    cells.sort(key=lambda c: (c.row, c.col))
    return Grid(tuple(cells), n_rows, n_cols, where)
