"""White space in imported text, the one way every reader here treats it.

The block interface (:mod:`govreport.importing.blocks`) keeps text as printed
except that runs of white space inside a line become one space.  White space
means the space separators a reader cannot tell apart on the page: ASCII
space, tab, no-break space, ideographic space (U+3000) and the other Unicode
spaces.  Line and paragraph separators (U+2028, U+2029, U+0085) and control
characters are *not* white space here: they are kept, so that rule T1 sees
and names them instead of a reader eating them silently.
"""

from __future__ import annotations

import re
from typing import Final

#: Space separators (Unicode category Zs) and the tab, as a regular-expression class.
SPACE_CLASS: Final = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_RUN: Final = re.compile(f"{SPACE_CLASS}+")


def squeeze(line: str) -> str:
    """``line`` with each run of white space made one space, none at either end."""
    return _RUN.sub(" ", line).strip(" ")


def squeeze_lines(text: str) -> str:
    """Each line of ``text`` squeezed; empty lines dropped; lines joined by ``\\n``."""
    return "\n".join(s for s in (squeeze(line) for line in text.split("\n")) if s)
