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
import unicodedata

from wcwidth import wcswidth, wcwidth

FULLWIDTH_SPACE = "\u3000"
#: Marks that must not start a line; they stick to the unit before them.
_CLOSING = frozenset("）】」』》〉〕”’，。、；：！？…%)]},.;:!?")
#: Marks that must not end a line; they stick to the unit after them.
_OPENING = frozenset("（【「『《〈〔“‘([{")


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@functools.lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Tabs become spaces and other control characters go: they have no width."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return "".join(ch for ch in text if ch == "\n" or not unicodedata.category(ch).startswith("C"))


@functools.lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK = 2)."""
    width = int(wcswidth(text))
    if width >= 0:
        return width
    # wcswidth gives -1 for any non-printable; count the printable rest.
    return sum(max(int(wcwidth(ch)), 0) for ch in text)


def _is_narrow_word_char(ch: str) -> bool:
    return ch != " " and display_width(ch) <= 1


def _atoms(text: str) -> list[str]:
    """Runs of narrow non-space characters, single wide characters, single spaces."""
    atoms: list[str] = []
    for ch in text:
        if atoms and _is_narrow_word_char(ch) and _is_narrow_word_char(atoms[-1][-1]):
            atoms[-1] += ch
        else:
            atoms.append(ch)
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
    for ch in unit:
        if pieces[-1] and display_width(pieces[-1] + ch) > width:
            pieces.append("")
        pieces[-1] += ch
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
