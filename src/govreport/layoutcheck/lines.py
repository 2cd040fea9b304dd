"""Characters grouped into printed lines: glyphs sharing a baseline band, left to right."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from govreport.layoutcheck import standard as gb
from govreport.layoutcheck.faces import Face, face_of
from govreport.layoutcheck.pages import Char


# Compared by identity: a line is one place on one page.
@attrs.frozen(eq=False)
class TextLine:
    chars: tuple[Char, ...]

    @property
    def text(self) -> str:
        """The characters, with a space where the gap is a quarter of the size or more."""
        parts = [self.chars[0].text]
        for before, char in itertools.pairwise(self.chars):
            if char.x0 - before.x1 >= 0.25 * char.size:
                parts.append(" ")
            parts.append(char.text)
        return "".join(parts)

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def step(self) -> float | None:
        """The usual advance from one Chinese character to the next (points).

        3号 less the tracking where the line fits exactly; more where it is
        stretched to fill the 版心.  A punctuation mark squeezed to half a cell
        (Typst) is left out.  None for a line of fewer than ten such steps.
        """
        steps = [
            b.x0 - a.x0
            for a, b in itertools.pairwise(self.chars)
            if _cjk(a.text) and _cjk(b.text) and 0.75 * a.size <= b.x0 - a.x0 <= 1.5 * a.size
        ]
        return float(statistics.median(steps)) if len(steps) >= 10 else None

    @property
    def _hanging(self) -> bool:
        last = self.chars[-1]
        return len(self.chars) > 1 and last.text in _HANGING and last.x1 > gb.BLOCK_RIGHT

    @property
    def end(self) -> float:
        """Where the line ends, a punctuation mark hanging past the 版心 not counted.

        LibreOffice, like Word, lets a closing mark (、，。) hang into the
        margin rather than break before it; the standard allows it.
        """
        return self.chars[-2].x1 if self._hanging else self.chars[-1].x1

    @property
    def start(self) -> float:
        """Where the line starts, the empty half of an opening mark in the margin not counted."""
        first = self.chars[0]
        if first.text in _OPENING and first.x0 < gb.BLOCK_LEFT:
            return first.x1 - (first.x1 - first.x0) / 2
        return first.x0

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        """The line's usual font size (median of its characters)."""
        return float(statistics.median(c.size for c in self.chars))

    @property
    def face(self) -> Face:
        """The face most of its Chinese characters are set in (all characters if none)."""
        cjk = [c for c in self.chars if _cjk(c.text)] or list(self.chars)
        return Counter(face_of(c.font) for c in cjk).most_common(1)[0][0]

    @property
    def font(self) -> str:
        """The font most of its Chinese characters are set in."""
        cjk = [c for c in self.chars if _cjk(c.text)] or list(self.chars)
        return Counter(c.font for c in cjk).most_common(1)[0][0]


#: Marks that may hang past the line's end.
_HANGING = frozenset("、，。；：！？）》」』”’.,;:")


#: Marks whose glyph is empty on its left half: LibreOffice sets them into the margin.
_OPENING = frozenset("（《「『“‘〔【〈")


def _cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def lines_of(chars: Iterable[Char]) -> list[TextLine]:
    """Visible characters as lines, top to bottom.

    A character joins the current line when it overlaps the line's band by
    half the smaller height; characters are visited by their vertical centre.
    """
    lines: list[list[Char]] = []
    top = bottom = 0.0
    for char in sorted((c for c in chars if c.text.strip()), key=lambda c: (c.cy, c.x0)):
        if lines:
            shared = min(bottom, char.bottom) - max(top, char.top)
            if shared >= 0.5 * min(char.bottom - char.top, bottom - top):
                lines[-1].append(char)
                top, bottom = min(top, char.top), max(bottom, char.bottom)
                continue
        lines.append([char])
        top, bottom = char.top, char.bottom
    return [TextLine(tuple(sorted(line, key=lambda c: c.x0))) for line in lines]


def line_pitch(tops: Sequence[float], limit: float) -> float | None:
    """The distance between consecutive line tops, ignoring gaps of ``limit`` or more.

    Positions are rounded in the PDF (28.9, 29.0, 28.9 …), so the pitch is the
    mean of the gaps within a point of their median, not the median itself.
    """
    gaps = [b - a for a, b in itertools.pairwise(tops) if 0 < b - a < limit]
    if not gaps:
        return None
    usual = statistics.median(gaps)
    return float(statistics.fmean(g for g in gaps if abs(g - usual) <= 1.0))
