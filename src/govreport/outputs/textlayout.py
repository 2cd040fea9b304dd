"""Column widths and row heights of a table drawn in a monospaced terminal.

Geometry of the drawing: every column is ``│ content │`` — one border column
and one space of padding either side — so a column of content width ``w``
takes ``w + 3`` columns and the table ``sum(w) + 3 * n + 1``.  A cell that
spans columns also owns the borders and padding between them; a cell that
spans rows also owns the border lines between them, so its text runs on
without gaps.

Column widths start at what the text wants and shrink one column at a time
until the table fits, each time choosing the column whose shrinking costs the
fewest extra lines (a tall merged label absorbs wrapping for free).  Columns
are kept at least two CJK characters wide while possible, since narrower
ones read as vertical text.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Sequence
from typing import Final, Protocol

import attrs

from govreport.document.blocks import Table
from govreport.outputs.textwidth import display_width, min_width, units, wrap

#: Border plus padding each column adds to its content width.
COLUMN_CHROME = 3
#: Two CJK characters: the width below which a column reads as vertical text.
SOFT_MIN_WIDTH = 4


@attrs.frozen
class Layout:
    widths: tuple[int, ...]  # content width of each column
    heights: tuple[int, ...]  # content lines of each row

    def span_width(self, col: int, colspan: int) -> int:
        return span_width(self.widths, col, colspan)

    def span_height(self, row: int, rowspan: int) -> int:
        return sum(self.heights[row : row + rowspan]) + rowspan - 1

    @property
    def total_width(self) -> int:
        return table_width(self.widths)


def span_width(widths: Sequence[int], col: int, colspan: int) -> int:
    """Content width of a cell: its columns plus the borders and padding between them."""
    return sum(widths[col : col + colspan]) + COLUMN_CHROME * (colspan - 1)


def table_width(widths: Sequence[int]) -> int:
    return sum(widths) + COLUMN_CHROME * len(widths) + 1


def _spread(sizes: list[int], start: int, count: int, extra: int) -> None:
    """Add ``extra`` over ``sizes[start:start+count]`` evenly, the remainder to the first."""
    for k in range(count):
        sizes[start + k] += extra // count + (1 if k < extra % count else 0)


def _natural(n_cols: int, wants: Sequence[tuple[int, int, int, int]]) -> list[int]:
    """Natural widths from ``(colspan, row, col, widest line)`` of each cell, in table order."""
    widths = [1] * n_cols
    for colspan, _, col, want in sorted(wants, key=lambda w: w[:3]):
        short = want - span_width(widths, col, colspan)
        if short > 0:
            _spread(widths, col, colspan, short)
    return widths


def natural_widths(table: Table) -> list[int]:
    """Widths at which no cell wraps."""
    return _natural(
        table.n_cols,
        [
            (c.colspan, c.row, c.col, max(display_width(line) for line in c.text.split("\n")))
            for c in table.cells
        ],
    )


def _fits(table: Table, widths: Sequence[int]) -> bool:
    """No cell has to split an unbreakable unit (a number, ``（三）``)."""
    return all(
        span_width(widths, c.col, c.colspan) >= max(min_width(c.text), 1) for c in table.cells
    )


def _line_counts(table: Table, widths: Sequence[int]) -> list[int]:
    """How many lines each cell wraps into, in ``table.cells`` order."""
    return [len(wrap(c.text, span_width(widths, c.col, c.colspan))) for c in table.cells]


def _heights(table: Table, counts: Sequence[int]) -> list[int]:
    heights = [1] * table.n_rows
    for cell, lines in zip(table.cells, counts, strict=True):
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], lines)
    tall = sorted(
        (c.rowspan, c.row, c.col, lines)
        for c, lines in zip(table.cells, counts, strict=True)
        if c.rowspan > 1
    )
    for rowspan, row, _, lines in tall:
        short = lines - (sum(heights[row : row + rowspan]) + rowspan - 1)
        if short > 0:
            _spread(heights, row, rowspan, short)
    return heights


def row_heights(table: Table, widths: Sequence[int]) -> list[int]:
    """Lines per row: the tallest one-row cell, then rows grown for merged cells."""
    return _heights(table, _line_counts(table, widths))


Cost = tuple[int, int, int]


def _cost(table: Table, widths: Sequence[int], natural: Sequence[int]) -> Cost:
    """How bad a set of widths is: columns narrowed below two characters, then the
    table's height in lines, then how many lines its cells are wrapped into."""
    narrow = sum(max(0, min(SOFT_MIN_WIDTH, n) - w) for w, n in zip(widths, natural, strict=True))
    counts = _line_counts(table, widths)
    return narrow, sum(_heights(table, counts)), sum(counts)


class _Costs(Protocol):
    """What the width search asks of a table.  ``accept`` sets the widths that
    the ``trial`` of ``fits`` and ``cost`` differs from, in the columns named."""

    def accept(self, widths: Sequence[int]) -> None: ...

    def fits(self, trial: Sequence[int], shrunk: int) -> bool: ...

    def cost(self, trial: Sequence[int], changed: tuple[int, ...]) -> Cost: ...

    def heights(self, widths: Sequence[int]) -> list[int]: ...


class _PlainCosts:
    """Every question answered from the whole table: the definition, and the
    fallback when :class:`_FastCosts`'s premise does not hold."""

    def __init__(self, table: Table, natural: Sequence[int]) -> None:
        self.table = table
        self.natural = natural

    def accept(self, widths: Sequence[int]) -> None:
        pass

    def fits(self, trial: Sequence[int], shrunk: int) -> bool:
        return _fits(self.table, trial)

    def cost(self, trial: Sequence[int], changed: tuple[int, ...]) -> Cost:
        return _cost(self.table, trial, self.natural)

    def heights(self, widths: Sequence[int]) -> list[int]:
        return row_heights(self.table, widths)


#: What the layout needs of a cell's text: its widest line, the narrowest width
#: it fits (``_fits``), and — when every line is one unbreakable unit, as a
#: number is — its line count, the same at every width it fits.
TextShape = tuple[int, int, int | None]
#: row, col, rowspan, colspan, widest line, narrowest fit, line count or the text.
CellShape = tuple[int, int, int, int, int, int, int | str]


@functools.lru_cache(maxsize=16384)
def _text_shape(text: str) -> TextShape:
    parts = text.split("\n")
    want = max(display_width(line) for line in parts)
    rigid = all(len(units(line)) <= 1 for line in parts)
    return want, max(min_width(text), 1), len(parts) if rigid else None


@attrs.frozen
class _Shape:
    """All of a table that its layout depends on, as a cache key.

    One-cell numbers count only through the widest per column and the most
    lines per row, so reports whose numbers differ but are as wide share a
    layout.  Every other cell (labels, merged cells) is kept whole.
    """

    n_rows: int
    n_cols: int
    col_want: tuple[int, ...]  # widest one-cell number of each column
    col_need: tuple[int, ...]  # what each column needs for them to fit
    row_lines: tuple[int, ...]  # most lines of a one-cell number in each row
    others: tuple[CellShape, ...]


def _shape(table: Table) -> _Shape:
    n_rows, n_cols = table.n_rows, table.n_cols
    col_want, col_need, row_lines = [0] * n_cols, [0] * n_cols, [0] * n_rows
    others: list[CellShape] = []
    for c in table.cells:
        want, need, lines = _text_shape(c.text)
        if lines is None:
            others.append((c.row, c.col, c.rowspan, c.colspan, want, need, c.text))
        elif c.rowspan == c.colspan == 1 and 0 <= c.row < n_rows and 0 <= c.col < n_cols:
            col_want[c.col] = max(col_want[c.col], want)
            col_need[c.col] = max(col_need[c.col], need)
            row_lines[c.row] = max(row_lines[c.row], lines)
        else:
            others.append((c.row, c.col, c.rowspan, c.colspan, want, need, lines))
    return _Shape(n_rows, n_cols, tuple(col_want), tuple(col_need), tuple(row_lines), tuple(others))


class _FastCosts:
    """The same answers as :class:`_PlainCosts`, from the few cells a trial changes.

    Premise: the accepted widths fit (true of the natural widths, checked by
    :func:`_natural_of`, and of every width the search accepts).  Then a
    trial fits when the cells over its narrowed column do, a one-unit cell
    ("18651.06") keeps its line count, and only wrappable cells over a
    changed column need re-wrapping; if none wraps differently, the heights
    are the accepted ones.
    """

    def __init__(self, shape: _Shape, natural: Sequence[int]) -> None:
        n_cols = len(natural)
        columns = range(n_cols)
        self.soft = [min(SOFT_MIN_WIDTH, n) for n in natural]
        self.single_need = list(shape.col_need)
        #: What each column's own cells but its numbers need.
        self.label_need = [0] * n_cols
        self.multi_over: list[list[tuple[int, int, int]]] = [[] for _ in columns]
        self.var_over: list[list[int]] = [[] for _ in columns]
        self.var_cells: list[tuple[int, int, str]] = []
        self.var_lines: list[dict[int, int]] = []
        self.var_single: list[tuple[int, int]] = []
        self.fixed_lines = 0
        # Lines of one-cell numbers are the same in every trial: left out.
        self.base_rows = [max(1, lines) for lines in shape.row_lines]
        tall: list[tuple[int, int, int, int, int]] = []
        for row, col, rowspan, colspan, _, need, text in shape.others:
            over = columns[col : col + colspan]
            if colspan == 1 and len(over) == 1:
                self.single_need[over[0]] = max(self.single_need[over[0]], need)
                self.label_need[over[0]] = max(self.label_need[over[0]], need)
            else:
                for c in over:
                    self.multi_over[c].append((col, colspan, need))
            index, lines = -1, 0
            if isinstance(text, str):
                index = len(self.var_cells)
                self.var_cells.append((col, colspan, text))
                self.var_lines.append({})
                for c in over:
                    self.var_over[c].append(index)
                if rowspan == 1:
                    self.var_single.append((row, index))
            else:
                lines = text
                self.fixed_lines += lines
                if rowspan == 1:
                    self.base_rows[row] = max(self.base_rows[row], lines)
            if rowspan > 1:
                tall.append((rowspan, row, col, index, lines))
        tall.sort()
        # _heights orders merged cells by (rowspan, row, col, lines); lines only
        # decide between two cells anchored alike, which a sane table never has.
        self.tall_ties = len({t[:3] for t in tall}) < len(tall)
        self.tall = tall
        self.height_of: dict[tuple[int, ...], int] = {}
        self.widths: list[int] = []
        self.spans: list[int] = []  # each wrappable cell's width at the accepted widths
        self.counts: list[int] = []
        self.rows: list[int] = []
        self.narrow = self.height = self.lines = 0

    def _wrapped(self, index: int, width: int) -> int:
        known = self.var_lines[index]
        lines = known.get(width)
        if lines is None:
            lines = known[width] = len(wrap(self.var_cells[index][2], width))
        return lines

    def _heights(self, counts: Sequence[int]) -> list[int]:
        heights = list(self.base_rows)
        for row, index in self.var_single:
            heights[row] = max(heights[row], counts[index])
        tall = [(s, r, c, counts[i] if i >= 0 else n) for s, r, c, i, n in self.tall]
        if self.tall_ties:
            tall.sort()
        for rowspan, row, _, lines in tall:
            short = lines - (sum(heights[row : row + rowspan]) + rowspan - 1)
            if short > 0:
                _spread(heights, row, rowspan, short)
        return heights

    def accept(self, widths: Sequence[int]) -> None:
        self.widths = list(widths)
        self.spans = [span_width(widths, col, colspan) for col, colspan, _ in self.var_cells]
        self.counts = [self._wrapped(i, span) for i, span in enumerate(self.spans)]
        self.rows = self._heights(self.counts)
        self.narrow = sum(max(0, s - w) for s, w in zip(self.soft, widths, strict=True))
        self.height = sum(self.rows)
        self.lines = self.fixed_lines + sum(self.counts)

    def fits(self, trial: Sequence[int], shrunk: int) -> bool:
        return trial[shrunk] >= self.single_need[shrunk] and all(
            span_width(trial, col, colspan) >= need
            for col, colspan, need in self.multi_over[shrunk]
        )

    def cost(self, trial: Sequence[int], changed: tuple[int, ...]) -> Cost:
        narrow, soft, widths = self.narrow, self.soft, self.widths
        for c in changed:
            narrow += max(0, soft[c] - trial[c]) - max(0, soft[c] - widths[c])
        # A cell's width in the trial: its accepted width plus what its changed columns moved.
        moved: dict[int, int] = {}
        for c in changed:
            step = trial[c] - widths[c]
            if step:
                for index in self.var_over[c]:
                    moved[index] = moved.get(index, 0) + step
        counts: list[int] | None = None
        delta = 0
        for index, step in moved.items():
            if step:  # 0: a move within the cell's own columns, wrapped as accepted
                lines = self._wrapped(index, self.spans[index] + step)
                if lines != self.counts[index]:
                    if counts is None:
                        counts = list(self.counts)
                    delta += lines - counts[index]
                    counts[index] = lines
        if counts is None:
            return narrow, self.height, self.lines
        # Trials of one step, and moves back and forth, often wrap alike.
        key = tuple(counts)
        height = self.height_of.get(key)
        if height is None:
            height = self.height_of[key] = sum(self._heights(counts))
        return narrow, height, self.lines + delta

    def heights(self, widths: Sequence[int]) -> list[int]:
        self.accept(widths)
        return list(self.rows)


def _narrowed(costs: _Costs, widths: list[int]) -> list[int] | None:
    """``widths`` with the cheapest column made one narrower; None if none can be."""
    costs.accept(widths)
    best: tuple[tuple[int, int, int, int, int], list[int]] | None = None
    for col, width in enumerate(widths):
        if width <= 1:
            continue
        trial = [*widths[:col], width - 1, *widths[col + 1 :]]
        if not costs.fits(trial, col):
            continue
        # Equal cost: narrow the widest column, then the leftmost (deterministic).
        key = (*costs.cost(trial, (col,)), -width, col)
        if best is None or key < best[0]:
            best = (key, trial)
    return None if best is None else best[1]


@functools.lru_cache(maxsize=64)
def _moves(n_cols: int) -> tuple[tuple[int, int, int], ...]:
    # Steps of 1 and 2 columns: a CJK character needs 2 before a wrap changes.
    return tuple(
        (src, dst, step)
        for step in (1, 2)
        for src in range(n_cols)
        for dst in range(n_cols)
        if src != dst
    )


def _rebalanced(costs: _Costs, widths: list[int]) -> list[int]:
    """Move width between columns while that lowers the cost.

    Greedy narrowing is path-dependent: a tall merged label (（三）不予公开)
    narrows for free early on and is left wrapped more than it needs to be.
    """
    costs.accept(widths)
    best = costs.cost(widths, ())
    improved = True
    while improved:
        improved = False
        for src, dst, step in _moves(len(widths)):
            if widths[src] - step < 1:
                continue
            trial = list(widths)
            trial[src] -= step
            trial[dst] += step
            if not costs.fits(trial, src):
                continue
            cost = costs.cost(trial, (src, dst))
            if cost < best:
                widths, best, improved = trial, cost, True
                costs.accept(widths)
    return widths


def _search(costs: _Costs, natural: Sequence[int], max_width: int) -> Layout:
    widths = list(natural)
    while table_width(widths) > max_width:
        narrower = _narrowed(costs, widths)
        if narrower is None:
            break
        widths = narrower
    widths = _rebalanced(costs, widths)
    return Layout(tuple(widths), tuple(costs.heights(widths)))


def _natural_of(shape: _Shape) -> list[int] | None:
    """The natural widths of a table of this shape; None when they do not fit its cells
    (odd Unicode whose width is not the sum of its parts' widths)."""
    natural = _natural(
        shape.n_cols,
        [(1, 0, col, want) for col, want in enumerate(shape.col_want)]
        + [(s[3], s[0], s[1], s[4]) for s in shape.others],
    )
    if any(w < need for w, need in zip(natural, shape.col_need, strict=True)):
        return None
    for col, colspan, need in ((s[1], s[3], s[5]) for s in shape.others):
        if span_width(natural, col, colspan) < need:
            return None
    return natural


class _RecordingCosts(_FastCosts):
    """:class:`_FastCosts` that notes, per column, the range of number widths its answers allow.

    The numbers' widths enter the search only through ``fits``, as each
    column's widest number: a trial narrowing column ``c`` to ``w`` that the
    rest of the table allows is accepted when that number is at most ``w``
    wide and refused otherwise.  Noting the narrowest ``w`` accepted and the
    widest refused for that reason gives, per column, the range of widths its
    widest number may have for every answer to come out the same, so for the
    search to take the very same steps to the very same layout.
    """

    def __init__(self, shape: _Shape, natural: Sequence[int]) -> None:
        super().__init__(shape, natural)
        self.numbers = shape.col_need
        self.upto: list[int] = list(natural)
        self.above: list[int] = [-1] * len(natural)

    def fits(self, trial: Sequence[int], shrunk: int) -> bool:
        ok = super().fits(trial, shrunk)
        width = trial[shrunk]
        if ok:
            self.upto[shrunk] = min(self.upto[shrunk], width)
        elif width < self.numbers[shrunk] and self._fits_but_numbers(trial, shrunk):
            self.above[shrunk] = max(self.above[shrunk], width)
        return ok

    def _fits_but_numbers(self, trial: Sequence[int], shrunk: int) -> bool:
        """Would the trial fit if column ``shrunk`` held no number?"""
        return trial[shrunk] >= self.label_need[shrunk] and all(
            span_width(trial, col, colspan) >= need
            for col, colspan, need in self.multi_over[shrunk]
        )


@attrs.frozen
class _Loose:
    """A table's shape but for the widths of its one-cell numbers."""

    n_rows: int
    n_cols: int
    natural: tuple[int, ...]
    row_lines: tuple[int, ...]
    others: tuple[CellShape, ...]


@attrs.frozen
class _Found:
    """A layout, and the widths of each column's widest number it holds for."""

    above: tuple[int, ...]  # each column's widest number is wider than this...
    upto: tuple[int, ...]  # ...and at most this wide
    layout: Layout

    def holds_for(self, numbers: Sequence[int]) -> bool:
        return all(a < n <= u for a, n, u in zip(self.above, numbers, self.upto, strict=True))


#: Table shapes (but for their numbers' widths) and widths kept, and layouts kept per shape.
SHAPES_KEPT: Final = 512
LAYOUTS_PER_SHAPE: Final = 32
_FOUND: OrderedDict[tuple[_Loose, int], list[_Found]] = OrderedDict()


def _shared_layout(shape: _Shape, max_width: int) -> Layout | None:
    """The layout of a shape, shared by every shape alike but for numbers of widths it holds for.

    Table 四 has one row of numbers, so almost every report is a new shape;
    the widths of its numbers fall in few ranges that lead the search the
    same way.  None when the natural widths do not fit (the plain search then).
    """
    natural = _natural_of(shape)
    if natural is None:
        return None
    loose = _Loose(shape.n_rows, shape.n_cols, tuple(natural), shape.row_lines, shape.others)
    found = _FOUND.get((loose, max_width))
    if found is None:
        found = _FOUND[(loose, max_width)] = []
        if len(_FOUND) > SHAPES_KEPT:
            _FOUND.popitem(last=False)
    else:
        _FOUND.move_to_end((loose, max_width))
    for known in found:
        if known.holds_for(shape.col_need):
            return known.layout
    costs = _RecordingCosts(shape, natural)
    result = _search(costs, natural, max_width)
    found.append(_Found(tuple(costs.above), tuple(costs.upto), result))
    if len(found) > LAYOUTS_PER_SHAPE:
        del found[0]
    return result


def _pinned_layout(shape: _Shape, max_width: int) -> Layout | None:
    """The layout of a table too wide even at its narrowest, without searching; else None.

    When every column at the narrowest width its own cells fit in (its widest
    number, its widest unbreakable label) also satisfies the cells spanning
    columns, and the table is still no narrower than ``max_width``, the search
    has one end: it narrows while any column can narrow and the table is too
    wide, so every column down to that width; and it cannot move width
    between columns afterwards, since none can give any.  Tables 三 and 四 at
    a terminal's width are such tables, with a new shape in almost every report.
    """
    natural = _natural_of(shape)
    if natural is None:
        return None
    costs = _FastCosts(shape, natural)
    narrowest = costs.single_need
    if table_width(narrowest) < max_width or any(
        w < 1 or w > n for w, n in zip(narrowest, natural, strict=True)
    ):
        return None
    for col, colspan, need in {m for over in costs.multi_over for m in over}:
        if span_width(narrowest, col, colspan) < need:
            return None
    return Layout(tuple(narrowest), tuple(costs.heights(narrowest)))


def layout(table: Table, max_width: int) -> Layout:
    """Widths and heights for ``table`` drawn at most ``max_width`` columns wide.

    A table that cannot fit even with every cell at its narrowest is drawn at
    that narrowest, wider than ``max_width``, rather than cutting numbers.
    """
    shape = _shape(table)
    found = _pinned_layout(shape, max_width) or _shared_layout(shape, max_width)
    if found is not None:
        return found
    natural = natural_widths(table)
    return _search(_PlainCosts(table, natural), natural, max_width)
