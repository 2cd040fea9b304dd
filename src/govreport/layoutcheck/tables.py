"""Tables found on their ruling lines, and rows split across a page break.

A table is a group of vertical rules whose spans overlap, with the horizontal
rules between them.  A row is the band between two horizontal rules that
cross the table's last column.  In the official tables every row has text in
its last column (a number, or a header); a row split by a page break leaves
one of its two parts with that cell empty, whether or not the renderer draws
a rule at the break.  A table whose rules stop short of a horizontal rule at
the page's edge is split too (Word and LibreOffice leave the row open).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from govreport.layoutcheck.pages import Char, Page, Rule

#: Rules closer than this (points) are the same line.
_SAME: float = 1.5


@attrs.frozen
class Table:
    x0: float
    x1: float
    top: float
    bottom: float
    #: Horizontal rules' positions, top to bottom.
    rows: tuple[float, ...]
    #: Vertical rules: (x, top, bottom).
    verticals: tuple[tuple[float, float, float], ...]
    #: Vertical rules run past the lowest or above the highest horizontal rule.
    open_bottom: bool
    open_top: bool

    def contains(self, char: Char) -> bool:
        return (
            self.x0 - _SAME <= char.cx <= self.x1 + _SAME
            and self.top - _SAME <= char.cy <= self.bottom + _SAME
        )

    def bands(self) -> list[tuple[float, float]]:
        return list(itertools.pairwise(self.rows))


def _merged(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SAME:
            out.append(value)
    return out


def tables_of(page: Page) -> list[Table]:
    verticals = sorted((r for r in page.rules if not r.horizontal), key=lambda r: r.top)
    horizontals = [r for r in page.rules if r.horizontal]
    groups: list[list[Rule]] = []
    bottom = 0.0
    for rule in verticals:
        if groups and rule.top <= bottom + _SAME:
            groups[-1].append(rule)
            bottom = max(bottom, rule.bottom)
        else:
            groups.append([rule])
            bottom = rule.bottom
    tables = []
    for group in groups:
        xs = _merged([r.x0 for r in group])
        if len(xs) < 2:
            continue
        top, low = min(r.top for r in group), max(r.bottom for r in group)
        x0, x1 = xs[0], xs[-1]
        # A row's rule must cross the last column to count as a row boundary.
        last = xs[-2]
        rows = _merged(
            [
                h.top
                for h in horizontals
                if top - _SAME <= h.top <= low + _SAME
                and h.x0 <= last + _SAME
                and h.x1 >= x1 - _SAME
            ]
        )
        if not rows:
            continue
        tables.append(
            Table(
                x0=x0,
                x1=x1,
                top=top,
                bottom=low,
                rows=tuple(rows),
                verticals=tuple((r.x0, r.top, r.bottom) for r in group),
                open_bottom=low - rows[-1] > _SAME * 2,
                open_top=rows[0] - top > _SAME * 2,
            )
        )
    return tables


def empty_last_cell(table: Table, band: tuple[float, float], chars: Sequence[Char]) -> bool:
    """Whether the row ``band`` has nothing printed in its last cell.

    The last cell reaches left to the nearest vertical rule crossing the row:
    a number merged across three columns (table 二) is that row's last cell.
    """
    top, bottom = band
    inner = [
        x
        for x, v_top, v_bottom in table.verticals
        if x < table.x1 - _SAME and v_top <= top + _SAME and v_bottom >= bottom - _SAME
    ]
    left = max(inner, default=table.x0)
    return not any(
        c.text.strip() and left <= c.cx <= table.x1 and top <= c.cy <= bottom for c in chars
    )


def band_texts(table: Table, chars: Sequence[Char]) -> list[str]:
    """Each row's text, top to bottom (for recognising a repeated header)."""
    texts = []
    for top, bottom in table.bands():
        inside = sorted(
            (c for c in chars if table.x0 <= c.cx <= table.x1 and top <= c.cy <= bottom),
            key=lambda c: (round(c.top), c.x0),
        )
        texts.append("".join(c.text for c in inside if c.text.strip()))
    return texts
