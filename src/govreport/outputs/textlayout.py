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

from collections.abc import Sequence

import attrs

from govreport.document.blocks import Table
from govreport.outputs.textwidth import display_width, min_width, wrap

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


def natural_widths(table: Table) -> list[int]:
    """Widths at which no cell wraps."""
    widths = [1] * table.n_cols
    for cell in sorted(table.cells, key=lambda c: (c.colspan, c.row, c.col)):
        want = max(display_width(line) for line in cell.text.split("\n"))
        short = want - span_width(widths, cell.col, cell.colspan)
        if short > 0:
            _spread(widths, cell.col, cell.colspan, short)
    return widths


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


def _cost(table: Table, widths: Sequence[int], natural: Sequence[int]) -> tuple[int, int, int]:
    """How bad a set of widths is: columns narrowed below two characters, then the
    table's height in lines, then how many lines its cells are wrapped into."""
    narrow = sum(max(0, min(SOFT_MIN_WIDTH, n) - w) for w, n in zip(widths, natural, strict=True))
    counts = _line_counts(table, widths)
    return narrow, sum(_heights(table, counts)), sum(counts)


def _narrowed(table: Table, widths: list[int], natural: Sequence[int]) -> list[int] | None:
    """``widths`` with the cheapest column made one narrower; None if none can be."""
    best: tuple[tuple[int, int, int, int, int], list[int]] | None = None
    for col, width in enumerate(widths):
        trial = [*widths[:col], width - 1, *widths[col + 1 :]]
        if width <= 1 or not _fits(table, trial):
            continue
        # Equal cost: narrow the widest column, then the leftmost (deterministic).
        key = (*_cost(table, trial, natural), -width, col)
        if best is None or key < best[0]:
            best = (key, trial)
    return None if best is None else best[1]


def _moves(n_cols: int) -> list[tuple[int, int, int]]:
    # Steps of 1 and 2 columns: a CJK character needs 2 before a wrap changes.
    return [
        (src, dst, step)
        for step in (1, 2)
        for src in range(n_cols)
        for dst in range(n_cols)
        if src != dst
    ]


def _rebalanced(table: Table, widths: list[int], natural: Sequence[int]) -> list[int]:
    """Move width between columns while that lowers the cost.

    Greedy narrowing is path-dependent: a tall merged label (（三）不予公开)
    narrows for free early on and is left wrapped more than it needs to be.
    """
    best = _cost(table, widths, natural)
    improved = True
    while improved:
        improved = False
        for src, dst, step in _moves(len(widths)):
            if widths[src] - step < 1:
                continue
            trial = list(widths)
            trial[src] -= step
            trial[dst] += step
            if not _fits(table, trial):
                continue
            cost = _cost(table, trial, natural)
            if cost < best:
                widths, best, improved = trial, cost, True
    return widths


def layout(table: Table, max_width: int) -> Layout:
    """Widths and heights for ``table`` drawn at most ``max_width`` columns wide.

    A table that cannot fit even with every cell at its narrowest is drawn at
    that narrowest, wider than ``max_width``, rather than cutting numbers.
    """
    natural = natural_widths(table)
    widths = list(natural)
    while table_width(widths) > max_width:
        narrower = _narrowed(table, widths, natural)
        if narrower is None:
            break
        widths = narrower
    widths = _rebalanced(table, widths, natural)
    return Layout(tuple(widths), tuple(row_heights(table, widths)))
