"""Reading a published report from a web page, as the portal served it.

:func:`read_html` and :func:`parse_html` turn a page into a
:class:`~govreport.importing.blocks.Source` of kind "html":

1. the bytes are decoded (:mod:`.htmlcharset`: byte-order mark, the page's
   declaration, else UTF-8, else GB18030; a file that is no page is refused);
2. the page is parsed without network or entity loading, scripts, styles and
   comments removed (:mod:`.htmldom`);
3. the report is found inside the portal's shell (:mod:`.htmlarticle`);
4. it is read in document order into paragraphs and tables with their real
   geometry (:mod:`.htmlwalk`, :mod:`.htmltable`, :mod:`.htmltext`).

The blocks are, in order: the report's title when the portal prints it
above the article rather than in it (a :class:`Para` whose ``where`` is
"标题"), then the article's paragraphs (``where`` "第N段") and tables
(``where`` "表格N").  ``Source.title`` is the page's ``<title>``.  What the
reader had to guess (the encoding, a clipped span, a nested table, a page
without a recognisable article) is in ``Source.notes`` (code I0).
"""

from __future__ import annotations

import os
from pathlib import Path

from govreport.importing.blocks import Block, Para, Source
from govreport.importing.htmlarticle import find_article
from govreport.importing.htmlcharset import decode_page
from govreport.importing.htmldom import measure, parse_page
from govreport.importing.htmltext import squeezed
from govreport.importing.htmlwalk import Walker
from govreport.io.regular import read_regular, too_large
from govreport.limits import MAX_IMPORT_FILE_BYTES

__all__ = ["parse_html", "read_html"]

#: ``where`` of the title printed above the article.
TITLE_WHERE = "标题"


def read_html(path: str | os.PathLike[str], data: bytes | None = None) -> Source:
    """The report in the web page at ``path`` (``data``: its bytes, when read already).

    Raises :class:`~govreport.io.errors.UnreadableFileError` for a file that
    cannot be read, is larger than ``MAX_IMPORT_FILE_BYTES``, or is no page.
    """
    path = Path(path)
    if data is None:
        data = read_regular(path, MAX_IMPORT_FILE_BYTES)
    return _parse(data, name=path.name, path=path)


def parse_html(data: bytes, *, name: str = "") -> Source:
    """The report in a web page's bytes; ``name`` says where they came from (for notes)."""
    return _parse(data, name=name, path=Path(name or "网页"))


def _parse(data: bytes, *, name: str, path: Path) -> Source:
    if len(data) > MAX_IMPORT_FILE_BYTES:
        raise too_large(path, len(data), MAX_IMPORT_FILE_BYTES)
    decoded = decode_page(data, name=name, path=path)
    page = parse_page(decoded.text, name=name, path=path)
    sizes = measure(page.body)
    article = find_article(page.body, sizes, name=name)
    reader = Walker(sizes)
    reader.read(article.element)
    blocks: list[Block] = reader.blocks
    if article.heading and not _starts_with(blocks, article.heading):
        blocks = [Para(article.heading, TITLE_WHERE), *blocks]
    notes = (*decoded.notes, *page.notes, *article.notes, *reader.notes)
    return Source("html", tuple(blocks), title=page.title, notes=notes, published=page.published)


def _starts_with(blocks: list[Block], heading: str) -> bool:
    """True if the article's first paragraph is the title printed above it."""
    first = next((block for block in blocks if isinstance(block, Para)), None)
    return first is not None and squeezed(first.text) == squeezed(heading)
