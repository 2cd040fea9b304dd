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

from wcwidth import iter_graphemes, wcswidth

from govreport.xmlchars import ILLEGAL_XML_CHARS, IllegalTextError

FULLWIDTH_SPACE = "\u3000"
#: Marks that must not start a line; they stick to the unit before them.
_CLOSING = frozenset("）】」』》〉〕”’，。、；：！？…%)]},.;:!?")
#: Marks that must not end a line; they stick to the unit after them.
_OPENING = frozenset("（【「『《〈〔“‘([{")


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


@functools.lru_cache(maxsize=65536)
def clean(text: str) -> str:
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


@functools.lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK = 2)."""
    width = int(wcswidth(text))
    if width >= 0:
        return width
    # wcswidth gives -1 for any non-printable (DEL, C1 controls, which rule T1
    # lets through): they take no column; measure the rest, nothing is removed.
    return sum(max(int(wcswidth(g)), 0) for g in iter_graphemes(text)) if text else 0


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


@functools.lru_cache(maxsize=4096)
def units(text: str) -> tuple[str, ...]:
    """The unbreakable pieces of one line of text, spaces kept as their own units."""
    out: list[str] = []
    for atom in _atoms(text):
        glue_back = atom[0] in _CLOSING and out and out[-1] != " "
        glue_forward = out and out[-1][-1] in _OPENING and atom != " "
        if glue_back or glue_forward:
            out[-1] += atom
        else:
            out.append(atom)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def min_width(text: str) -> int:
    """The narrowest width ``text`` can be wrapped to without splitting a unit."""
    return max((display_width(u) for line in text.split("\n") for u in units(line)), default=0)


def _hard_split(unit: str, width: int) -> list[str]:
    """Cut a unit wider than the line (a long URL) by characters: better than overflowing."""
    pieces = [""]
    for grapheme in iter_graphemes(unit):
        if pieces[-1] and display_width(pieces[-1] + grapheme) > width:
            pieces.append("")
        pieces[-1] += grapheme
    return pieces


def _wrap_line(text: str, width: int) -> list[str]:
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
def wrap(text: str, width: int) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` (``\\n`` forces a break)."""
    width = max(width, 1)
    return tuple(line for part in text.split("\n") for line in _wrap_line(part, width))


def pad(text: str, width: int, align: Align) -> str:
    """``text`` padded with spaces to exactly ``width`` display columns (never cut)."""
    room = max(width - display_width(text), 0)
    if align is Align.LEFT:
        return text + " " * room
    if align is Align.RIGHT:
        return " " * room + text
    left = room // 2
    return " " * left + text + " " * (room - left)
