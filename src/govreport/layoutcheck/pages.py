"""What the layout check reads from each PDF page: characters and ruling lines."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Char:
    """One printed character, in points from the page's top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@attrs.frozen
class Rule:
    """A ruling line (a table border): horizontal when it is wider than tall."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@attrs.frozen
class Page:
    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rules: tuple[Rule, ...]


def to_wire(page: Page) -> list[Any]:
    return [
        page.number,
        page.width,
        page.height,
        [[c.text, c.x0, c.x1, c.top, c.bottom, c.size, c.font] for c in page.chars],
        [[r.x0, r.x1, r.top, r.bottom] for r in page.rules],
    ]


def from_wire(item: list[Any]) -> Page:
    number, width, height, chars, rules = item
    return Page(
        int(number),
        float(width),
        float(height),
        tuple(
            Char(str(t), float(x0), float(x1), float(top), float(bottom), float(size), str(font))
            for t, x0, x1, top, bottom, size, font in chars
        ),
        tuple(Rule(*map(float, r)) for r in rules),
    )
