"""The characters of a PDF page as printed, cleaned, and grouped into lines.

A PDF has no lines or paragraphs, only glyphs placed on the page.  This
module turns pdfplumber's character dicts into :class:`Glyph` objects and
groups them into :class:`Line` objects (glyphs sharing a baseline band,
ordered left to right).  Two repairs are made to the text layer, because the
text it gives is not what is printed:

* a glyph a font shares between a CJK radical and the ideograph of the same
  shape is often mapped back to the radical (Chromium's Noto CJK gives
  ``⼯作`` for 工作, ``⺠`` for 民): the radical is replaced by the ideograph;
* a Latin ligature (``ﬁ``) is written as its letters, and a character
  with a canonical equivalent (〈 U+2329 for 〈 U+3008) is
  written in its composed (NFC) form, as the HTML of the same page has it;
* a glyph without any Unicode mapping comes out as ``(cid:123)``: it becomes
  U+FFFD, and the reader says how many there were.

Spaces are kept where the PDF has a space character or a gap at least half a
character wide between CJK characters (a fifth of one between Latin letters
and digits): Word and WPS put a quarter-em gap between Chinese and Latin
characters (“2024 年”) that is spacing, not a printed space.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

#: CJK Radicals Supplement characters that fonts share with a unified
#: ideograph of the same shape (Unicode's EquivalentUnifiedIdeograph.txt),
#: for those that stand for a whole character in running text.  The Kangxi
#: radicals (U+2F00–U+2FD5) need no table: NFKC maps them.
_SUPPLEMENT: Final[Mapping[int, str]] = {
    0x2E9F: "母",
    0x2EA0: "民",
    0x2EA9: "王",
    0x2EC4: "西",
    0x2EC5: "见",
    0x2EC6: "角",
    0x2EC9: "贝",
    0x2ECB: "车",
    0x2ED1: "長",
    0x2ED3: "长",
    0x2ED4: "门",
    0x2ED7: "雨",
    0x2ED8: "青",
    0x2ED9: "韦",
    0x2EDA: "页",
    0x2EDB: "风",
    0x2EDC: "飞",
    0x2EDD: "食",
    0x2EE2: "马",
    0x2EE3: "骨",
    0x2EE4: "鬼",
    0x2EE5: "鱼",
    0x2EE6: "鸟",
    0x2EE7: "卤",
    0x2EE8: "麦",
    0x2EE9: "黄",
    0x2EEA: "黾",
    0x2EEC: "齐",
    0x2EEE: "齿",
    0x2EF0: "龙",
    0x2EF3: "龟",
}

_CID = re.compile(r"\(cid:\d+\)")
_REPLACEMENT: Final = "\ufffd"

#: A gap this many font sizes wide between two glyphs is a space (CJK, Latin).
_WIDE_GAP: Final = 0.5
_NARROW_GAP: Final = 0.2


@attrs.frozen
class Glyph:
    """One printed character (or ligature) with its box, in points from the top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@attrs.frozen
class Line:
    """Glyphs on one baseline band, left to right, as one string."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    #: The usual font size of the line (median of its glyphs).
    size: float
    #: Page number, from 1.
    page: int
    #: Every glyph lies inside a hyperlink's area (a web page's navigation).
    linked: bool = False


@attrs.define
class Repairs:
    """What the cleaning changed, for the reader's notes."""

    lookalikes: int = 0
    unmapped: int = 0
    #: Pages (from 1) where unmapped glyphs were found.
    unmapped_pages: list[int] = attrs.Factory(list)


def _repaired(text: str, repairs: Repairs, page: int) -> str:
    if "(cid:" in text:
        count = len(_CID.findall(text))
        if count:
            repairs.unmapped += count
            if page not in repairs.unmapped_pages:
                repairs.unmapped_pages.append(page)
            text = _CID.sub(_REPLACEMENT, text)
    out = []
    for ch in text:
        cp = ord(ch)
        if 0x2F00 <= cp <= 0x2FD5:
            repairs.lookalikes += 1
            out.append(unicodedata.normalize("NFKC", ch))
        elif cp in _SUPPLEMENT:
            repairs.lookalikes += 1
            out.append(_SUPPLEMENT[cp])
        elif 0xFB00 <= cp <= 0xFB06:  # a Latin ligature (ﬁ) prints its letters
            repairs.lookalikes += 1
            out.append(unicodedata.normalize("NFKC", ch))
        elif unicodedata.category(ch) == "Cc" and not ch.isspace():
            continue  # a control character is never printed
        elif unicodedata.decomposition(ch) and not unicodedata.decomposition(ch).startswith("<"):
            # A canonical equivalent (〈 U+2329 for 〈 U+3008, a CJK compatibility
            # ideograph): the same character by Unicode's definition.
            composed = unicodedata.normalize("NFC", ch)
            repairs.lookalikes += composed != ch
            out.append(composed)
        else:
            out.append(ch)
    return "".join(out)


def glyphs_of(chars: Iterable[Mapping[str, Any]], page: int, repairs: Repairs) -> list[Glyph]:
    """pdfplumber's character dicts as glyphs, their text repaired; empty ones dropped."""
    found = []
    for char in chars:
        text = _repaired(str(char.get("text", "")), repairs, page)
        if not text:
            continue
        x0, x1 = float(char["x0"]), float(char["x1"])
        top, bottom = float(char["top"]), float(char["bottom"])
        size = float(char.get("size") or (bottom - top) or 1.0)
        if not all(map(_finite, (x0, x1, top, bottom, size))):
            continue
        found.append(Glyph(text, x0, x1, top, bottom, size))
    return found


def _finite(value: float) -> bool:
    return math.isfinite(value) and abs(value) < 1e7


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def _bands(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline band: overlapping vertically by half the smaller height."""
    bands: list[list[Glyph]] = []
    top = bottom = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.cy, g.x0)):
        height = glyph.bottom - glyph.top
        if bands:
            shared = _overlap(top, bottom, glyph.top, glyph.bottom)
            if shared >= 0.5 * min(height, bottom - top):
                bands[-1].append(glyph)
                top, bottom = min(top, glyph.top), max(bottom, glyph.bottom)
                continue
        bands.append([glyph])
        top, bottom = glyph.top, glyph.bottom
    return bands


def _joined(glyphs: Sequence[Glyph]) -> str:
    """The text of one band, left to right, with the spaces the page shows."""
    parts: list[str] = []
    previous: Glyph | None = None
    pending_space = False
    for glyph in sorted(glyphs, key=lambda g: g.x0):
        if glyph.blank:
            pending_space = previous is not None
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = min(glyph.size, previous.size)
            wide = _wide(previous.text[-1]) or _wide(glyph.text[0])
            if pending_space or gap >= (_WIDE_GAP if wide else _NARROW_GAP) * size:
                parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
        pending_space = False
    return "".join(parts)


def lines_of(
    glyphs: Sequence[Glyph], page: int, links: Sequence[tuple[float, float, float, float]] = ()
) -> list[Line]:
    """The glyphs as lines, top to bottom; blank lines are dropped."""
    lines = []
    for band in _bands(glyphs):
        text = _joined(band)
        if not text.strip():
            continue
        inked = [g for g in band if not g.blank]
        linked = bool(links) and all(_inside_any(g, links) for g in inked)
        lines.append(
            Line(
                text=" ".join(text.split()),
                x0=min(g.x0 for g in inked),
                x1=max(g.x1 for g in inked),
                top=min(g.top for g in inked),
                bottom=max(g.bottom for g in inked),
                size=statistics.median(g.size for g in inked),
                page=page,
                linked=linked,
            )
        )
    return lines


def _inside_any(glyph: Glyph, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    return any(x0 <= glyph.cx <= x1 and top <= glyph.cy <= bottom for x0, top, x1, bottom in boxes)


def text_in(glyphs: Sequence[Glyph]) -> str:
    """The text of glyphs in one cell: its lines joined by "\\n"."""
    return "\n".join(line.text for line in lines_of(glyphs, 0))
