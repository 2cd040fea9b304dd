"""A page whose text runs sideways, turned so that its text is upright.

A landscape table is often put on a portrait page turned a quarter (a page
with ``/Rotate 90``, or content drawn rotated): its characters then run down
or up the page, and read as they lie, every character would be a line of its
own and the table's rows would be columns.  The direction most characters
run in (their text matrix) says how the page is turned; characters and
ruling lines are then placed in the turned page's coordinates, where the
rest of the reader works as on any page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from govreport.importing.pdfchars import Glyph

#: How the text runs on the page (top-down coordinates) → quarter turns.
UPRIGHT, DOWN, UPSIDE_DOWN, UP = 0, 1, 2, 3


def direction(chars: Iterable[Mapping[str, Any]]) -> int:
    """The direction most printed characters run in (UPRIGHT, DOWN, UPSIDE_DOWN, UP)."""
    votes: Counter[int] = Counter()
    for char in chars:
        if not str(char.get("text", "")).strip():
            continue
        matrix = char.get("matrix")
        try:
            a, b = float(matrix[0]), float(matrix[1])  # type: ignore[index]
        except (TypeError, ValueError, IndexError):
            votes[UPRIGHT] += 1
            continue
        dx, dy = a, -b  # PDF space has y up; the page's top-down space has it down
        if abs(dx) >= abs(dy):
            votes[UPRIGHT if dx >= 0 else UPSIDE_DOWN] += 1
        else:
            votes[DOWN if dy > 0 else UP] += 1
    return votes.most_common(1)[0][0] if votes else UPRIGHT


@attrs.frozen
class Turn:
    """Coordinates of a page of ``width`` × ``height`` turned so its text is upright."""

    way: int
    width: float
    height: float

    @property
    def upright(self) -> bool:
        return self.way == UPRIGHT

    @property
    def size(self) -> tuple[float, float]:
        """Width and height of the turned page."""
        if self.way in (DOWN, UP):
            return self.height, self.width
        return self.width, self.height

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.way == DOWN:  # the page turned back a quarter anticlockwise
            return y, self.width - x
        if self.way == UP:  # … clockwise
            return self.height - y, x
        if self.way == UPSIDE_DOWN:
            return self.width - x, self.height - y
        return x, y

    def box(
        self, x0: float, top: float, x1: float, bottom: float
    ) -> tuple[float, float, float, float]:
        (ax, ay), (bx, by) = self.point(x0, top), self.point(x1, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def glyph(self, glyph: Glyph) -> Glyph:
        if self.upright:
            return glyph
        x0, top, x1, bottom = self.box(glyph.x0, glyph.top, glyph.x1, glyph.bottom)
        return attrs.evolve(glyph, x0=x0, x1=x1, top=top, bottom=bottom)

    def edge(self, edge: Mapping[str, Any]) -> dict[str, Any]:
        """A ruling edge in the turned page (a vertical one becomes horizontal or stays)."""
        if self.upright:
            return dict(edge)
        box = self.box(
            float(edge["x0"]), float(edge["top"]), float(edge["x1"]), float(edge["bottom"])
        )
        x0, top, x1, bottom = box
        orientation = edge["orientation"]
        if self.way in (DOWN, UP):
            orientation = "v" if orientation == "h" else "h"
        return {
            "object_type": edge.get("object_type", "line"),
            "orientation": orientation,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": x1 - x0,
            "height": bottom - top,
        }
