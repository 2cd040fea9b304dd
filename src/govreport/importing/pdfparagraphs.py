"""Lines of a PDF joined into the paragraphs the writer typed.

A PDF's lines are hard-wrapped at the right margin.  A line continues the
line before it unless one of these says a paragraph starts:

* the line before it is short: it ends before the right margin (by more
  than two characters, which a ragged right edge may leave);
* it is indented (a first-line indent of two full-width characters) or
  centred;
* it reads as a heading: ``一、`` … ``十、``, ``（一）``;
* more space than between the lines of a paragraph is left above it, or its
  font size differs: a title, a signature block.

Lines on consecutive pages join the same way (furniture in between is gone
by then); a table ends the paragraph before it.  Consecutive centred lines
in a larger font (a title printed on two lines) are one paragraph.

The margins, the body font size and the usual space between lines are
measured on the document itself, so a WPS export (justified, 16 pt) and a
browser print (ragged, 12 pt) are read alike.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from govreport.importing.blocks import Para
from govreport.importing.pdfchars import Line
from govreport.importing.pdftables import PageTable

#: A heading starting a paragraph: 一、 … 十、, （一）, (一).
_HEADING: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])"
)
#: Latin text joined across a line break needs the space the break replaced.
_LATIN_END: Final = re.compile(r"[A-Za-z0-9,.;:!?)]$")
_LATIN_START: Final = re.compile(r"^[A-Za-z0-9(]")

Item = Line | PageTable


def is_heading(text: str) -> bool:
    return bool(_HEADING.match(text))


@attrs.frozen
class Measure:
    """The body text's geometry, measured on the document."""

    left: float
    right: float
    size: float
    #: Usual space between two lines of one paragraph (points).
    leading: float

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Measure:
        if not lines:
            return cls(0.0, 0.0, 12.0, 6.0)
        weights: Counter[float] = Counter()
        for line in lines:
            weights[round(line.size, 1)] += len(line.text)
        size = weights.most_common(1)[0][0]
        body = [line for line in lines if abs(line.size - size) < 1.0] or list(lines)
        left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
        long_lines = sorted(line.x1 for line in body if len(line.text) >= 5) or [
            line.x1 for line in body
        ]
        right = long_lines[int(0.9 * (len(long_lines) - 1))]
        gaps = [
            b.top - a.bottom
            for a, b in itertools.pairwise(body)
            if a.page == b.page and 0 < b.top - a.bottom < 3 * size
        ]
        leading = statistics.median(gaps) if gaps else 0.5 * size
        return cls(float(left), float(right), size, leading)

    def full(self, line: Line) -> bool:
        """Whether a line runs (about) to the right margin."""
        return line.x1 >= self.right - 2 * line.size

    def indented(self, line: Line) -> bool:
        return line.x0 > self.left + line.size

    def title(self, line: Line) -> bool:
        """A centred line in a larger font than the body's."""
        middle = (self.left + self.right) / 2
        centred = abs((line.x0 + line.x1) / 2 - middle) < 2 * line.size
        return centred and line.size >= 1.15 * self.size and self.indented(line)


def _continues(before: Line, line: Line, measure: Measure) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``before``."""
    if abs(before.size - line.size) > 1.0:
        return False
    same_page = before.page == line.page
    if measure.title(before) and measure.title(line):
        return not same_page or line.top - before.bottom < 1.5 * (line.bottom - line.top)
    if not measure.full(before) or measure.indented(line) or is_heading(line.text):
        return False
    return not (same_page and line.top - before.bottom > measure.leading + 0.8 * line.size)


def _joined(before: str, after: str) -> str:
    if not before or not after:
        return before + after
    wide = unicodedata.east_asian_width(before[-1]) in "WF"
    wide = wide or unicodedata.east_asian_width(after[0]) in "WF"
    latin = bool(_LATIN_END.search(before) and _LATIN_START.match(after))
    return f"{before} {after}" if latin and not wide else before + after


def paragraphs(items: Sequence[Item], measure: Measure) -> list[Para | PageTable]:
    """Lines joined into paragraphs; tables pass through in their place."""
    blocks: list[Para | PageTable] = []
    text = ""
    last: Line | None = None
    where = ""
    for item in items:
        if isinstance(item, PageTable):
            if last is not None:
                blocks.append(Para(text, where))
                last = None
            blocks.append(item)
            continue
        if last is not None and _continues(last, item, measure):
            text = _joined(text, item.text)
        else:
            if last is not None:
                blocks.append(Para(text, where))
            text, where = item.text, f"第{item.page}页"
        last = item
    if last is not None:
        blocks.append(Para(text, where))
    return blocks
