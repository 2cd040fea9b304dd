"""One page measured: its lines of 3号 text, the text block, the page number, fonts, tables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from govreport.layoutcheck import standard as gb
from govreport.layoutcheck.faces import Face, base_name, face_of
from govreport.layoutcheck.lines import TextLine, line_pitch, lines_of
from govreport.layoutcheck.pages import Char, Page
from govreport.layoutcheck.tables import Table, tables_of

_PAGE_NUMBER = re.compile(r"^\D{0,3}?(\d{1,4})\D{0,3}$")
_HEADING1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_HEADING2 = re.compile(r"^（[一二三四五六七八九十]{1,3}）")


@attrs.frozen
class PageNumber:
    text: str
    number: int
    size: float
    x0: float
    x1: float
    top: float


@attrs.frozen
class Measured:
    """What one page shows, before any rule is applied."""

    page: Page
    lines: tuple[TextLine, ...]
    #: Lines of 3号 text (body and headings), outside tables.
    body: tuple[TextLine, ...]
    titles: tuple[TextLine, ...]
    tables: tuple[Table, ...]
    page_number: PageNumber | None
    #: The text block: every character and rule but the page number (points).
    block: tuple[float, float, float, float] | None

    @property
    def pitch(self) -> float | None:
        return line_pitch([line.top for line in self.body], 1.9 * gb.BODY_PITCH)

    def role(self, line: TextLine) -> str:
        if line.size >= gb.TITLE_MIN_SIZE:
            return "title"
        if _HEADING1.match(line.text) and line.x1 - line.start < 0.8 * gb.BLOCK_WIDTH:
            return "heading1"
        if _HEADING2.match(line.text) and line.x1 - line.start < 0.8 * gb.BLOCK_WIDTH:
            return "heading2"
        return "body"


def _is_body_size(line: TextLine) -> bool:
    return abs(line.size - gb.BODY_SIZE) <= gb.SIZE_TOLERANCE


def _page_number(lines: Sequence[TextLine]) -> TextLine | None:
    """The last line below the 版心 that is a number with at most three marks around it."""
    for line in reversed(lines):
        if line.top >= gb.BLOCK_BOTTOM - gb.BLOCK_TOLERANCE and _PAGE_NUMBER.match(
            line.text.replace(" ", "")
        ):
            return line
    return None


def measure(page: Page) -> Measured:
    tables = tuple(tables_of(page))
    outside = [c for c in page.chars if not any(t.contains(c) for t in tables)]
    lines = lines_of(outside)
    number_line = _page_number(lines)
    text_lines = tuple(line for line in lines if line is not number_line)
    number = None
    if number_line is not None:
        found = _PAGE_NUMBER.match(number_line.text.replace(" ", ""))
        assert found is not None
        number = PageNumber(
            text=number_line.text,
            number=int(found.group(1)),
            size=number_line.size,
            x0=number_line.start,
            x1=number_line.x1,
            top=number_line.top,
        )
    inside: list[Char] = [
        c for c in page.chars if c.text.strip() and any(t.contains(c) for t in tables)
    ]
    boxes = [(line.start, line.top, line.end, line.bottom) for line in text_lines]
    boxes += [(c.x0, c.top, c.x1, c.bottom) for c in inside]
    boxes += [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    block = (
        (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        if boxes
        else None
    )
    return Measured(
        page=page,
        lines=text_lines,
        body=tuple(line for line in text_lines if _is_body_size(line)),
        titles=tuple(line for line in text_lines if line.size >= gb.TITLE_MIN_SIZE),
        tables=tables,
        page_number=number,
        block=block,
    )


def fonts_of(page: Page) -> Counter[str]:
    """Characters printed per font (its name without the subset prefix)."""
    return Counter(base_name(c.font) for c in page.chars if c.text.strip())


def substituted(fonts: Counter[str]) -> list[str]:
    """Fonts that are neither an official face nor its stand-in."""
    return sorted(name for name in fonts if face_of(name) is Face.OTHER)
