"""Portal pages printed to PDF by a browser: the article without the site around it.

A printed portal page holds the whole site: menus, search boxes,
breadcrumbs, share buttons, related links, the footer.  The HTML reader
finds the article by its markup; a PDF has none, so the article is found by
what it reads like:

* a line made only of hyperlinks (the PDF keeps a page's links) is
  navigation, never report text: such lines are dropped before paragraphs
  are made;
* the report's paragraphs are sentences (they end with 。 or ；), headings
  (一、 … （一）) and tables, close together.  The page's chrome is short
  lines without sentences.  The article is the longest run of such blocks
  with at most six other blocks in between; the report's title is kept when
  it is printed before it (the PDF's title names it: “标题_栏目_网站”) with
  the portal's line about the article (``来源：… 时间：…``, which dates a
  report that prints no date), and a date line of the signature right after
  it.

Only PDFs made by a browser (their producer or creator names it) with
navigation links on their pages are cut this way, so an agency's own PDF is
never cut, not even when it was printed again through a browser's viewer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from govreport.findings import Finding, Severity
from govreport.importing.blocks import Para
from govreport.importing.pdfparagraphs import is_heading
from govreport.importing.pdftables import PageTable

#: Producers and creators of browser-printed PDFs.
_BROWSERS: Final = re.compile(r"skia/pdf|chrome|chromium|mozilla|firefox|safari|edg/", re.I)
_SENTENCE: Final = re.compile(r"[。；！？;]")
_ITEM: Final = re.compile(r"^\s*(\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}是)")
_DATE: Final = re.compile(
    r"^\s*(\d{4}|[一二〇○零OΟ]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
_TITLE_PARTS: Final = re.compile(r"\s*(?:_|｜|\||——|—|-)\s*")
#: A report's title when the page title does not name it: “……2024年……报告”.
_REPORT_TITLE: Final = re.compile(r"\d{4}\s*年.*报告$")
#: The portal's data on the article printed beside its title (source, date):
#: the only line between the title and the report that is kept, for its date.
_PORTAL_DATA: Final = re.compile(
    r"^\s*(?:发布日期|发布时间|成文日期|日期|时间|来源|信息来源|发布机构|发文机关|索引号|文号|发文字号)"
    r"\s*[:：]"
)
#: Blocks of chrome allowed between two parts of one article.
_GAP: Final = 6
#: Blocks after the article searched for the signature's date.
_SIGNATURE: Final = 4

Block = Para | PageTable


def printed_by_browser(metadata: Mapping[str, str]) -> bool:
    made_by = f"{metadata.get('Producer', '')} {metadata.get('Creator', '')}"
    return bool(_BROWSERS.search(made_by))


def _anchor(block: Block) -> bool:
    """A block that reads like the report: a table, a heading, a sentence, a list item."""
    if isinstance(block, PageTable):
        return True
    text = block.text
    return (
        is_heading(text)
        or bool(_ITEM.match(text))
        or (len(text) >= 10 and bool(_SENTENCE.search(text)))
    )


def _size(block: Block) -> int:
    if isinstance(block, PageTable):
        return sum(len(cell.text) for cell in block.grid.cells) + 50
    return len(block.text)


def _runs(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """(first, last) indexes of runs of anchors at most ``_GAP`` blocks apart."""
    runs: list[tuple[int, int]] = []
    for i, block in enumerate(blocks):
        if not _anchor(block):
            continue
        if runs and i - runs[-1][1] - 1 <= _GAP:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _title_index(blocks: Sequence[Block], before: int, title: str) -> int | None:
    """The last paragraph before ``before`` printing the page title's first part."""
    wanted = "".join(_TITLE_PARTS.split(title.strip(), maxsplit=1)[0].split()) if title else ""
    texts = [
        "".join(block.text.split()) if isinstance(block, Para) else "" for block in blocks[:before]
    ]
    for i in range(before - 1, -1, -1):
        if wanted and texts[i] == wanted:
            return i
    for i in range(before - 1, -1, -1):
        if len(texts[i]) <= 60 and _REPORT_TITLE.search(texts[i]):
            return i
    return None


def article(blocks: Sequence[Block], title: str) -> tuple[list[Block], Finding | None]:
    """The article's blocks and a note saying what was cut (None if nothing was)."""
    runs = _runs(blocks)
    if not runs:
        return list(blocks), None
    first, last = max(runs, key=lambda r: sum(_size(b) for b in blocks[r[0] : r[1] + 1]))
    for i in range(last + 1, min(len(blocks), last + 1 + _SIGNATURE)):
        block = blocks[i]
        if isinstance(block, Para) and _DATE.match(block.text):
            last = i
            break
    head = _title_index(blocks, first, title)
    front = range(head + 1 if head is not None else max(0, first - _GAP), first)
    kept = [
        *([blocks[head]] if head is not None else []),
        *(b for i in front if isinstance(b := blocks[i], Para) and _PORTAL_DATA.match(b.text)),
        *blocks[first : last + 1],
    ]
    cut_before = first - (len(kept) - (last + 1 - first))
    cut_after = len(blocks) - last - 1
    if not cut_before and not cut_after:
        return kept, None
    start, end = kept[0], kept[-1]
    message = (
        f"浏览器打印的网页：只读入正文，略去正文前 {cut_before} 段、正文后 {cut_after} 段"
        f"（网站导航、栏目、页脚等）；正文自{_quote(start)}起，至{_quote(end)}止"
        " (browser-printed page: the site around the article was left out)"
    )
    return kept, Finding("I0", Severity.INFO, message, "", _where(start))


def _quote(block: Block) -> str:
    if isinstance(block, PageTable):
        return f"{block.grid.where}的表格"
    text = block.text
    return f"“{text[:20]}…”" if len(text) > 20 else f"“{text}”"


def _where(block: Block) -> str:
    return block.grid.where if isinstance(block, PageTable) else block.where
