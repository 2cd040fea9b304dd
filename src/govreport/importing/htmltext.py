"""The text of one paragraph of a web page, as a browser shows it.

Markup leaves white space everywhere: the line breaks of the HTML source,
``&nbsp;`` padding in table cells, Word's ``mso-spacerun`` spans.  A browser
collapses each run of it to one space, and so does :func:`clean`, with a
no-break space counted as white space.  Two browser rules matter for Chinese:

- a line break of the source between two wide (CJK) characters disappears
  (CSS Text 3, segment break transformation): Word wraps long lines of its
  HTML inside Chinese text, and a space there would split words;
- the ideographic space U+3000 is no white space to collapse: it is kept as
  printed inside the text, and only stripped at a paragraph's start and end
  (where it indents the first line).

Invisible characters some editors leave (zero-width space, a stray BOM, soft
hyphen) are removed: no reader sees them, and they would split a number.
"""

from __future__ import annotations

import re
import unicodedata

# ASCII white space, no-break space and the typographic spaces U+2000–U+200A,
# U+202F, U+205F.  Not U+3000 (see the module doc), not U+2028/U+2029.
_WHITE_RUN = re.compile("[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad"))
_EDGES = " \u3000"


def clean(raw: str) -> str:
    """``raw`` with white space collapsed as a browser does, trimmed at both ends."""
    text = raw.translate(_INVISIBLE)

    def collapsed(run: re.Match[str]) -> str:
        start, end = run.span()
        if (
            _is_segment_break(run.group())
            and start > 0
            and end < len(text)
            and _is_wide(text[start - 1])
            and _is_wide(text[end])
        ):
            return ""
        return " "

    return _WHITE_RUN.sub(collapsed, text).strip(_EDGES)


def squeezed(text: str) -> str:
    """``text`` without any white space (U+3000 included): for matching labels."""
    return "".join(text.split())


def _is_segment_break(run: str) -> bool:
    """A line break of the source with only collapsible spaces around it."""
    return ("\n" in run or "\r" in run) and "\u00a0" not in run


def _is_wide(char: str) -> bool:
    """A character CSS counts as East Asian wide for line breaks (Hangul aside)."""
    if "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f":
        return False
    return unicodedata.east_asian_width(char) in ("W", "F", "H")
