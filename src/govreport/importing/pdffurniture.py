"""Page furniture of a PDF: page numbers, running headers and footers.

What is printed on every page for the reader's orientation is not part of
the report and would break a paragraph running over a page break.  A line is
furniture when it is

* the first or last line of its page and reads as a page number
  (``- 3 -``, ``— 3 —``, ``3``, ``第 3 页 共 5 页``, ``3/5``, ``Page 3 of 5``);
* in the top or bottom band of its page, and the same text (digits aside)
  is there on at least two pages and half of them: a running header or
  footer, such as the date, title, address and ``n/m`` a browser prints
  around each page;
* in the top or bottom band and shaped like what a browser prints there (a
  date and time first; a ``file://`` or ``http`` address with the page count
  ``n/m``), so that a one-page print loses them too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from govreport.importing.pdfchars import Line
from govreport.importing.pdftables import BAND

_DASHES: Final = r"[-‐‑‒–—―－─━_~·•*\s]*"
_PAGE_NUMBER: Final = (
    re.compile(rf"^{_DASHES}\d{{1,3}}{_DASHES}$"),
    re.compile(r"^一\s*\d{1,3}\s*一$"),
    re.compile(r"^第\s*\d{1,3}\s*页\s*[,，/]?\s*(共\s*\d{1,3}\s*页)?$"),
    re.compile(r"^共\s*\d{1,3}\s*页\s*[,，/]?\s*第\s*\d{1,3}\s*页$"),
    re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),
    re.compile(r"^(page|p\.)\s*\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.IGNORECASE),
)
_BROWSER: Final = (
    # 11/29/26, 10:58 PM …   2025/3/10 15:35 …   2025-03-10 15:35 …
    re.compile(r"^\d{1,4}[/.\-年]\d{1,2}[/.\-月]\d{1,4}日?[,，]?\s*(上午|下午)?\s*\d{1,2}:\d{2}"),
    # file:///…/page.html 3/8 (an address alone may begin a line of the report)
    re.compile(r"^(file|https?)://\S*.*\s\d{1,3}\s*/\s*\d{1,3}$"),
)


def is_page_number(text: str) -> bool:
    text = text.strip()
    return any(p.match(text) for p in _PAGE_NUMBER)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _in_band(line: Line, height: float) -> bool:
    return line.top < BAND * height or line.bottom > (1 - BAND) * height


def _edge_lines(lines: Sequence[Line], height: float) -> list[Line]:
    """The first two and last two lines of a page, where they lie in the top or bottom band."""
    chosen = [*lines[:2], *lines[-2:]]
    unique = list({id(line): line for line in chosen}.values())
    return [line for line in unique if _in_band(line, height)]


def _running(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[str]:
    """Texts (digits aside) printed in the bands of at least two pages and half of them."""
    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        counts.update({_key(line.text) for line in _edge_lines(lines, height)})
    printed = sum(1 for lines in pages if lines)
    return {key for key, n in counts.items() if n >= 2 and 2 * n >= printed}


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """Each page's lines without its furniture."""
    running = _running(pages, heights)
    kept_pages = []
    for lines, height in zip(pages, heights, strict=True):
        edge = {id(line) for line in _edge_lines(lines, height)}
        kept = [
            line
            for line in lines
            if not (
                id(line) in edge
                and (_key(line.text) in running or any(p.search(line.text) for p in _BROWSER))
            )
        ]
        # A page number is the first or last line left: take up to two off each end.
        for _ in range(2):
            if kept and is_page_number(kept[-1].text):
                kept.pop()
            if kept and is_page_number(kept[0].text):
                kept.pop(0)
        kept_pages.append(kept)
    return kept_pages
