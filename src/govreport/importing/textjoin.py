"""Undo the text output's line wrapping: lines back into the text they were cut from.

:func:`govreport.outputs.textwidth.wrap` breaks a line between two units (a
CJK character, a run of ASCII such as ``18651.06``, a mark glued to its
neighbour) and drops the space it breaks at.  So two wrapped lines join
without a space unless a space was dropped there, and a space can only have
been dropped where the wrap could break on it:

- two ASCII characters either side of the break were one unit, so the wrap
  broke at a space, or cut a unit wider than the whole line (a long web
  address in a paragraph: the line is then that unit alone, exactly the width
  wide; a table's layout never cuts a unit);
- when the width is known: if the next line's first unit would have fitted
  on the line without a space, the wrap did not break there for want of room,
  so it broke at a space; if it would have fitted even with a space, it was no
  wrap at all but a line break of the text itself.

Between a CJK character and anything else the wrap may have dropped a space
or not; Chinese text has none there, so none is put back.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from wcwidth import iter_graphemes

from govreport.outputs.textwidth import display_width, units


class Break(enum.Enum):
    """What a line end was in the text before wrapping."""

    GLUE = ""  # a wrap between two units: join without anything
    SPACE = " "  # a wrap at a space: join with one space
    LINE = "\n"  # the text's own line break


def _narrow(grapheme: str) -> bool:
    return grapheme != " " and display_width(grapheme) <= 1


def _last_grapheme(text: str) -> str:
    graphemes = list(iter_graphemes(text))
    return graphemes[-1] if graphemes else ""


def _first_grapheme(text: str) -> str:
    return next(iter(iter_graphemes(text)), "")


def line_break(
    before: str, before_width: int, after: str, width: int | None, *, cuts: bool = True
) -> Break:
    """What the end of the line ``before`` (``before_width`` columns as printed)
    was, given the next line ``after``, for a text wrapped at ``width`` (None:
    not known).  ``cuts``: the wrap may have cut a unit wider than the line."""
    if after.startswith(" "):
        # Only a run of spaces leaves one at the start of a line: a space was dropped.
        return Break.SPACE
    if not before or not after:
        return Break.LINE
    pieces = units(after)
    unit_width = display_width(pieces[0] if pieces else after)
    if width is not None:
        if before_width + 1 + unit_width <= width:
            return Break.LINE
        if before_width + unit_width <= width:
            return Break.SPACE
    if _narrow(_last_grapheme(before)) and _narrow(_first_grapheme(after)):
        # A cut piece fills a line of its own: one unit, the whole width.
        cut = cuts and width is not None and before_width >= width and len(units(before)) == 1
        return Break.GLUE if cut else Break.SPACE
    return Break.GLUE


def join_wrapped(
    lines: Sequence[str],
    width: int | None,
    *,
    first_extra: int = 0,
    keep_line_breaks: bool = True,
    cuts: bool = True,
) -> str:
    """The text that ``lines`` were wrapped from (at ``width`` display columns).

    ``lines`` are as printed without their alignment padding; ``first_extra``
    is the width printed before the first line's text (an indent).  Without
    ``keep_line_breaks`` a line end that cannot be a wrap is joined as a wrap
    anyway (a paragraph of the text output never holds a line break: a width
    too small to explain it is a wrong guess of the width).  ``cuts``: the wrap
    may have cut a unit wider than the line (a paragraph's; never a table cell's).
    """
    if len(lines) > 1 and not lines[0]:
        # The indent stood alone: the first unit did not fit after it.
        lines, first_extra = lines[1:], 0
    if not lines:
        return ""
    out = [lines[0]]
    before_width = first_extra + display_width(lines[0])
    for after in lines[1:]:
        found = line_break(out[-1], before_width, after, width, cuts=cuts)
        if found is Break.LINE and not keep_line_breaks:
            found = line_break(out[-1], before_width, after, None, cuts=cuts)
        out.append(found.value)
        out.append(after.lstrip(" ") if found is Break.SPACE else after)
        before_width = display_width(after)
    return "".join(out)
