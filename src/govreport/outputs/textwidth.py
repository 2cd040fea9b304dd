"""Display width and line breaking for mixed Chinese and ASCII text.

A terminal shows a CJK character in two columns and an ASCII one in one, so
all padding is done in display columns (``wcwidth``), never in characters.

Line breaking: a line may break between any two CJK characters, but an ASCII
run (``2024``, ``18651.06``, ``1.``) stays whole, a closing mark (``）``,
``，``, ``”``) never starts a line and an opening mark (``（``, ``“``) never
ends one, as in Chinese typesetting (禁则).
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Final

from wcwidth import iter_graphemes, wcswidth

from govreport.xmlchars import ILLEGAL_XML_CHARS, IllegalTextError

FULLWIDTH_SPACE = "\u3000"
#: Marks that must not start a line; they stick to the unit before them.
_CLOSING = frozenset("）】」』》〉〕”’，。、；：！？…%)]},.;:!?")
#: Marks that must not end a line; they stick to the unit after them.
_OPENING = frozenset("（【「『《〈〔“‘([{")


#: Texts up to this long (table cells, headings, numbers) are cached: they recur
#: in every report.  A paragraph never does, and caching it (with every prefix
#: of every line measured while wrapping) grew a batch's memory without bound.
CACHED_CHARS: Final = 64

#: Characters of which each is one grapheme of width 1 or 2 (ASCII, Latin-1
#: letters, CJK ideographs, kana, CJK and fullwidth punctuation): the width of
#: a run of them is the sum of its parts', so a line's width is kept as a running sum.
_ADDITIVE: Final = re.compile(
    "[\x20-\x7e\xa1-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u3000-\u3029"
    "\u3030-\u303f\u3041-\u3096\u30a1-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uff01-\uff60\uffe0-\uffe6]*"
)


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class TextCharacterError(IllegalTextError):
    """A control character a text file (and a terminal) cannot carry.

    These are exactly the characters rule T1 refuses, so only ``--force`` gets
    here; every output refuses the same ones.  The text output never drops a
    character silently.
    """

    def __init__(
        self,
        text: str,
        char: str,
        where: str = "",
        medium: str = "纯文本输出",
        english: str = "control character in text output",
    ) -> None:
        super().__init__(text, char, where, medium, english)


def clean(text: str) -> str:
    """``text`` ready for layout (see :func:`_clean`); short texts cached."""
    return _clean_cached(text) if len(text) <= CACHED_CHARS else _clean(text)


def _clean(text: str) -> str:
    """``text`` ready for layout: line ends unified, tabs as spaces, nothing else removed.

    Every other character is kept: zero-width joiners, soft hyphens, direction
    marks, private-use code points (rare characters in names) and characters
    newer than Python's Unicode database all reach the file;
    :func:`display_width` measures them.  A control character that would
    corrupt the file or the terminal raises :class:`TextCharacterError`.
    """
    found = ILLEGAL_XML_CHARS.search(text)
    if found:
        raise TextCharacterError(text, found.group())
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


_clean_cached = functools.lru_cache(maxsize=16384)(_clean)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK = 2); short texts cached."""
    return _width_cached(text) if len(text) <= CACHED_CHARS else _width(text)


def _width(text: str) -> int:
    width = int(wcswidth(text))
    if width >= 0:
        return width
    # wcswidth gives -1 for any non-printable (DEL, C1 controls, which rule T1
    # lets through): they take no column; measure the rest, nothing is removed.
    return sum(max(int(wcswidth(g)), 0) for g in iter_graphemes(text)) if text else 0


_width_cached = functools.lru_cache(maxsize=16384)(_width)


def _is_narrow_word_char(ch: str) -> bool:
    return ch != " " and display_width(ch) <= 1


def _atoms(text: str) -> list[str]:
    """Runs of narrow non-space graphemes, single wide graphemes, single spaces.

    Graphemes, not code points: an emoji joined by zero-width joiners or a
    letter with its combining accent is never split across two lines.
    """
    atoms: list[str] = []
    narrow_before = False
    for grapheme in iter_graphemes(text):
        narrow = _is_narrow_word_char(grapheme)
        if atoms and narrow and narrow_before:
            atoms[-1] += grapheme
        else:
            atoms.append(grapheme)
        narrow_before = narrow
    return atoms


def units(text: str) -> tuple[str, ...]:
    """The unbreakable pieces of one line of text, spaces kept as their own units."""
    return _units_cached(text) if len(text) <= CACHED_CHARS else _units(text)


def _units(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for atom in _atoms(text):
        glue_back = atom[0] in _CLOSING and out and out[-1] != " "
        glue_forward = out and out[-1][-1] in _OPENING and atom != " "
        if glue_back or glue_forward:
            out[-1] += atom
        else:
            out.append(atom)
    return tuple(out)


_units_cached = functools.lru_cache(maxsize=4096)(_units)


def min_width(text: str) -> int:
    """The narrowest width ``text`` can be wrapped to without splitting a unit."""
    return _min_width_cached(text) if len(text) <= CACHED_CHARS else _min_width(text)


def _min_width(text: str) -> int:
    return max((display_width(u) for line in text.split("\n") for u in units(line)), default=0)


_min_width_cached = functools.lru_cache(maxsize=4096)(_min_width)


def _hard_split(unit: str, width: int) -> list[str]:
    """Cut a unit wider than the line (a long URL) by characters: better than overflowing."""
    pieces = [""]
    for grapheme in iter_graphemes(unit):
        if pieces[-1] and display_width(pieces[-1] + grapheme) > width:
            pieces.append("")
        pieces[-1] += grapheme
    return pieces


def _wrap_line(text: str, width: int) -> list[str]:
    if _ADDITIVE.fullmatch(text):
        return _wrap_additive(text, width)
    lines: list[str] = []
    current = ""
    for unit in units(text):
        pieces = _hard_split(unit, width) if display_width(unit) > width else [unit]
        for piece in pieces:
            if not current or display_width(current + piece) <= width:
                current += piece
                continue
            lines.append(current.rstrip(" "))
            current = "" if piece == " " else piece
    lines.append(current.rstrip(" "))
    return lines


@functools.lru_cache(maxsize=65536)
def _char_width(ch: str) -> int:
    return display_width(ch)  # bounded: one entry per distinct character


def _additive_units(text: str) -> list[tuple[str, int]]:
    """:func:`units` of a text of :data:`_ADDITIVE` characters, with their widths.

    Each such character is a grapheme of its own, so the atoms are runs of
    narrow non-space characters, single wide characters and single spaces.
    """
    out: list[tuple[str, int]] = []
    narrow_before = False
    for ch in text:
        w = _char_width(ch)
        narrow = ch != " " and w <= 1
        if out and narrow and narrow_before:  # the same atom: no glue decision
            unit, used = out[-1]
            out[-1] = (unit + ch, used + w)
        else:
            glue_back = ch in _CLOSING and out and out[-1][0] != " "
            glue_forward = out and out[-1][0][-1] in _OPENING and ch != " "
            if glue_back or glue_forward:
                unit, used = out[-1]
                out[-1] = (unit + ch, used + w)
            else:
                out.append((ch, w))
        narrow_before = narrow
    return out


def _wrap_additive(text: str, width: int) -> list[str]:
    """:func:`_wrap_line` for a text of :data:`_ADDITIVE` characters, the same lines.

    The line's width is kept as a running sum instead of measuring the line
    again for every unit (quadratic in the line, and each prefix was cached).
    """
    lines: list[str] = []
    current, used = "", 0
    for unit, unit_width in _additive_units(text):
        pieces = _hard_split(unit, width) if unit_width > width else [unit]
        for piece in pieces:
            piece_width = unit_width if piece is unit else display_width(piece)
            if not current or used + piece_width <= width:
                current += piece
                used += piece_width
                continue
            lines.append(current.rstrip(" "))
            current, used = ("", 0) if piece == " " else (piece, piece_width)
    lines.append(current.rstrip(" "))
    return lines


def wrap(text: str, width: int) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` (``\\n`` forces a break)."""
    return (_wrap_cached if len(text) <= CACHED_CHARS else _wrap_long)(text, width)


def _wrap(text: str, width: int) -> tuple[str, ...]:
    width = max(width, 1)
    return tuple(line for part in text.split("\n") for line in _wrap_line(part, width))


_wrap_cached = functools.lru_cache(maxsize=16384)(_wrap)
#: A few paragraphs (a few KB each): the same report rendered again, a
#: paragraph every report of a batch shares; never more than this many.
_wrap_long = functools.lru_cache(maxsize=256)(_wrap)


def pad(text: str, width: int, align: Align) -> str:
    """``text`` padded with spaces to exactly ``width`` display columns (never cut)."""
    room = max(width - display_width(text), 0)
    if align is Align.LEFT:
        return text + " " * room
    if align is Align.RIGHT:
        return " " * room + text
    left = room // 2
    return " " * left + text + " " * (room - left)
