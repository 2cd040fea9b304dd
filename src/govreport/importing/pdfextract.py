"""A PDF's text layer read into a :class:`Source`: the work done in the child process.

Page by page: the characters are cleaned (:mod:`.pdfchars`), tables are
found on the ruling lines and rebuilt with their spans (:mod:`.pdftables`),
and the characters outside the tables become lines.  Then, over the whole
document, page furniture is dropped (:mod:`.pdffurniture`), lines are joined
into paragraphs (:mod:`.pdfparagraphs`) and, in a browser-printed page, the
article is cut from the site around it (:mod:`.pdfbrowser`).

Whatever could not be read becomes a note: a scanned page without text, a
glyph without a Unicode mapping, a page the parser failed on, text inside a
table's frame but in none of its cells.  A file that cannot be read at all
gives a :class:`Refusal` with the reason, in Chinese, never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Source
from govreport.importing.pdfbrowser import article, printed_by_browser
from govreport.importing.pdfchars import Glyph, Line, Repairs, glyphs_of, lines_of
from govreport.importing.pdffurniture import furniture
from govreport.importing.pdfparagraphs import Item, Measure, paragraphs
from govreport.importing.pdftables import (
    PageTable,
    closing_edges,
    grid_lines,
    grid_of,
    ruling_edges,
    table_cells,
)

#: Code of the notes the PDF reader leaves about how it read the file (as the HTML reader's).
READER_NOTE: Final = "I0"
_TITLE_CHARS: Final = 500
#: Most hyperlinks of a page used to find navigation lines (a portal page has
#: a few hundred).
_MAX_LINKS: Final = 2_000
#: Navigation lines that show a PDF is a printed web page, not a report
#: printed again through a browser's PDF viewer.
_WEB_PAGE_LINKS: Final = 3
#: Shapes on a page without characters that show its text was turned into outlines.
_OUTLINED: Final = 200


@attrs.frozen
class Refusal:
    """Why a file cannot be read at all (Chinese, with the English in brackets)."""

    reason: str


class _Stop(Exception):
    """Reading stops: the file cannot be read at all."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.define
class _Document:
    """What the pages gave, before the document-wide steps."""

    pages: list[list[Item]] = attrs.Factory(list)
    heights: list[float] = attrs.Factory(list)
    notes: list[Finding] = attrs.Factory(list)
    repairs: Repairs = attrs.Factory(Repairs)
    scanned: list[int] = attrs.Factory(list)
    #: Pages without characters but with many drawn shapes: text turned into outlines.
    outlined: list[int] = attrs.Factory(list)
    failed: list[int] = attrs.Factory(list)
    links_dropped: int = 0
    glyphs: int = 0


def _note(severity: Severity, message: str, where: str = "") -> Finding:
    return Finding(READER_NOTE, severity, message, "", where)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs a warning per odd font: the notes say what matters."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def extract(data: bytes, deadline: float) -> Source | Refusal:
    """Read the PDF ``data``; stop with a Refusal past ``deadline`` (time.monotonic())."""
    with _quiet():
        try:
            return _read(data, deadline)
        except _Stop as stop:
            return Refusal(stop.reason)
        except MemoryError:
            return Refusal(memory_reason())
        except RecursionError:
            return Refusal("PDF 结构嵌套过深，无法解析 (PDF structure nested too deeply)")


def memory_reason() -> str:
    return (
        f"解析 PDF 所需内存超过 {limits.MAX_IMPORT_MEMORY_BYTES // (1024 * 1024)} MB 的上限，"
        "文件可能含有异常压缩的内容 (PDF needs too much memory to parse)"
    )


def timeout_reason() -> str:
    return (
        f"读取 PDF 超过 {limits.MAX_IMPORT_SECONDS:g} 秒的时间上限，未读取"
        f" (reading the PDF took longer than {limits.MAX_IMPORT_SECONDS:g} s)"
    )


def _opened(data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise _Stop("PDF 已加密，需要密码才能打开 (encrypted PDF, password required)") from None
        if isinstance(cause, PDFEncryptionError):
            raise _Stop(
                f"PDF 已加密，加密方式不受支持（{cause}） (encrypted PDF, unsupported encryption)"
            ) from None
        raise _Stop(_broken(cause)) from None
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        raise _Stop(_broken(exc)) from None


def _broken(exc: object) -> str:
    detail = str(exc).strip()[:120] or type(exc).__name__
    return f"PDF 文件已损坏或不完整，无法解析（{detail}） (corrupt or truncated PDF)"


def _page_count(pdf: Any) -> int:
    """Pages counted without building them, stopping past the bound."""
    from pdfminer.pdfpage import PDFPage

    count = 0
    try:
        for _ in PDFPage.create_pages(pdf.doc):
            count += 1
            if count > limits.MAX_IMPORT_PAGES:
                raise _Stop(
                    f"PDF 超过 {limits.MAX_IMPORT_PAGES} 页，不像是一份年度报告，未读取"
                    f" (more than {limits.MAX_IMPORT_PAGES} pages)"
                )
    except (_Stop, MemoryError, RecursionError):
        raise
    except Exception as exc:
        raise _Stop(_broken(exc)) from None
    if count == 0:
        raise _Stop("PDF 中没有任何页面 (PDF has no pages)")
    return count


def _read(data: bytes, deadline: float) -> Source:
    pdf = _opened(data)
    try:
        _page_count(pdf)
        metadata = _metadata(pdf)
        browser = printed_by_browser(metadata)
        doc = _Document()
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _Stop(_broken(exc)) from None
        for page in pages:
            if time.monotonic() > deadline:
                raise _Stop(timeout_reason())
            _read_page(page, doc, browser)
        return _assembled(doc, metadata, browser)
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _metadata(pdf: Any) -> dict[str, str]:
    """Title, Producer and Creator from the document information, decoded."""
    found: dict[str, str] = {}
    try:
        infos = list(pdf.doc.info)
    except Exception:
        return found
    for info in infos:
        if not isinstance(info, Mapping):
            continue
        for key in ("Title", "Producer", "Creator"):
            if key in info and key not in found:
                found[key] = _text_of(info[key])
    return found


def _text_of(value: Any) -> str:
    """A metadata string: UTF-16 with either byte order (WPS writes little-endian), UTF-8
    or PDFDocEncoding."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    try:
        value = resolve1(value)
    except Exception:
        return ""
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            text = value[2:].decode("utf-16-be", "replace")
        elif value.startswith(b"\xff\xfe"):
            text = value[2:].decode("utf-16-le", "replace")
        elif value.startswith(b"\xef\xbb\xbf"):
            text = value[3:].decode("utf-8", "replace")
        else:
            text = decode_text(value)
    elif isinstance(value, PSLiteral):
        text = str(value.name)
    elif isinstance(value, str):
        text = value
    else:
        return ""
    return " ".join(text.replace("\x00", "").split())[:_TITLE_CHARS]


def _read_page(page: Any, doc: _Document, browser: bool) -> None:
    number = int(page.page_number)
    doc.heights.append(float(page.height))
    try:
        items = _page_items(page, number, doc, browser)
    except (_Stop, MemoryError, RecursionError):
        raise
    except Exception as exc:
        # pdfplumber wraps what pdfminer raised, running out of memory included.
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, MemoryError | RecursionError):
            raise cause from None
        doc.failed.append(number)
        items = []
    finally:
        with contextlib.suppress(Exception):
            page.close()
    doc.pages.append(items)


def _page_items(page: Any, number: int, doc: _Document, browser: bool) -> list[Item]:
    glyphs = glyphs_of(page.dedupe_chars().chars, number, doc.repairs)
    inked = [g for g in glyphs if not g.blank]
    doc.glyphs += len(inked)
    if not inked:
        if page.images:
            doc.scanned.append(number)
        elif len(page.curves) + len(page.rects) + len(page.lines) >= _OUTLINED:
            doc.outlined.append(number)
        return []
    tables = _tables(page, number, glyphs, doc)
    outside = [g for g in glyphs if not any(_holds(t, g) for t in tables)]
    links = _links(page) if browser else []
    lines = lines_of(outside, number, links)
    if browser:
        doc.links_dropped += sum(line.linked for line in lines)
        lines = [line for line in lines if not line.linked]
    items: list[Item] = [*tables, *lines]
    items.sort(key=lambda item: item.bbox[1] if isinstance(item, PageTable) else item.top)
    return items


def _holds(table: PageTable, glyph: Glyph) -> bool:
    x0, top, x1, bottom = table.bbox
    return x0 <= glyph.cx <= x1 and top <= glyph.cy <= bottom


def _links(page: Any) -> list[tuple[float, float, float, float]]:
    """The page's hyperlink areas (none past _MAX_LINKS: each glyph is tested on each)."""
    try:
        links = page.hyperlinks
        if len(links) > _MAX_LINKS:
            return []
        return [
            (float(h["x0"]), float(h["top"]), float(h["x1"]), float(h["bottom"])) for h in links
        ]
    except Exception:
        return []


def _tables(page: Any, number: int, glyphs: Sequence[Glyph], doc: _Document) -> list[PageTable]:
    where = f"第{number}页"
    try:
        return _found_tables(page, where, glyphs, doc)
    except (_Stop, MemoryError, RecursionError):
        raise
    except Exception:
        # The page's text is still read, as paragraphs: only its tables are lost.
        doc.notes.append(
            _note(
                Severity.WARNING,
                "本页的表格框线无法解析，其文字按段落读入 (table lines could not be read)",
                where,
            )
        )
        return []


def _found_tables(
    page: Any, where: str, glyphs: Sequence[Glyph], doc: _Document
) -> list[PageTable]:
    edges = ruling_edges([*page.lines, *page.rects, *page.curves])
    if len(edges) > limits.MAX_IMPORT_PAGE_RULES:
        doc.notes.append(
            _note(
                Severity.WARNING,
                f"本页有 {len(edges)} 条线条，超过 {limits.MAX_IMPORT_PAGE_RULES} 条的上限，"
                "未查找表格，其文字按段落读入 (too many ruling lines: page read as text)",
                where,
            )
        )
        return []
    edges = [*edges, *closing_edges(edges, glyphs, float(page.height))]
    tables = []
    for cells in table_cells(page, edges):
        xs, ys = grid_lines(cells)
        positions = (len(xs) - 1) * (len(ys) - 1)
        if positions <= 1:
            continue  # a framed paragraph, not a table: its text is read as a paragraph
        if positions > limits.MAX_IMPORT_GRID_POSITIONS or len(cells) > positions:
            doc.notes.append(
                _note(
                    Severity.WARNING,
                    f"表格有 {len(ys) - 1} 行 {len(xs) - 1} 列，超过上限，"
                    "其文字按段落读入 (table too large: read as text)",
                    where,
                )
            )
            continue
        table = grid_of(cells, (xs, ys), glyphs, where)
        _check_table(table, where, doc)
        tables.append(table)
    return tables


def _check_table(table: PageTable, where: str, doc: _Document) -> None:
    grid = table.grid
    covered = sum(cell.rowspan * cell.colspan for cell in grid.cells)
    holes = grid.n_rows * grid.n_cols - covered
    if holes > 0:
        doc.notes.append(
            _note(
                Severity.WARNING,
                f"表格（{grid.n_rows} 行 {grid.n_cols} 列）有 {holes} 个位置没有框线围成的单元格，"
                "按空白读入 (table positions without a ruled cell, read as blank)",
                where,
            )
        )
    if table.stray:
        text = "".join(g.text for g in table.stray)
        doc.notes.append(
            _note(
                Severity.WARNING,
                f"表格框内有文字不在任何单元格中，未读入：“{text[:40]}”"
                " (text inside a table but in no cell, left out)",
                where,
            )
        )


def _assembled(doc: _Document, metadata: Mapping[str, str], browser: bool) -> Source:
    if doc.glyphs == 0:
        if doc.scanned:
            raise _Stop(
                "这是扫描件：PDF 的页面是图片，没有文字层，无法读取文字；"
                "请使用原始的 Word/WPS 文件或带文字的 PDF (scanned PDF without a text layer)"
            )
        if doc.outlined:
            raise _Stop(
                "PDF 没有文字层：页面上的文字已被转为图形（曲线），无法读取文字"
                " (no text layer: the text was turned into outlines)"
            )
        if doc.failed:
            raise _Stop(_broken("所有页面都无法解析 (no page could be parsed)"))
        raise _Stop("PDF 中没有任何文字 (PDF contains no text)")
    kept = _without_furniture(doc, browser)
    measure = Measure.of([item for items in kept for item in items if isinstance(item, Line)])
    flowed = paragraphs([item for items in kept for item in items], measure)
    notes = list(doc.notes)
    if browser and doc.links_dropped >= _WEB_PAGE_LINKS:
        flowed, cut = article(flowed, metadata.get("Title", ""))
        if cut is not None:
            notes.append(cut)
    notes.extend(_reading_notes(doc))
    blocks: list[Block] = [b.grid if isinstance(b, PageTable) else b for b in flowed]
    return Source("pdf", tuple(blocks), metadata.get("Title", ""), tuple(notes))


def _without_furniture(doc: _Document, browser: bool) -> list[list[Item]]:
    lines = [[item for item in items if isinstance(item, Line)] for items in doc.pages]
    kept_lines = furniture(lines, doc.heights, browser)
    kept_ids = {id(line) for page in kept_lines for line in page}
    return [
        [item for item in items if isinstance(item, PageTable) or id(item) in kept_ids]
        for items in doc.pages
    ]


def _pages_text(numbers: Sequence[int]) -> str:
    return (
        "第" + "、".join(str(n) for n in numbers[:20]) + ("等" if len(numbers) > 20 else "") + "页"
    )


def _reading_notes(doc: _Document) -> list[Finding]:
    notes = []
    if doc.scanned:
        notes.append(
            _note(
                Severity.WARNING,
                f"{_pages_text(doc.scanned)}是扫描图片，没有文字层，其内容未读入"
                " (scanned pages without a text layer, not read)",
                _pages_text(doc.scanned),
            )
        )
    if doc.outlined:
        notes.append(
            _note(
                Severity.WARNING,
                f"{_pages_text(doc.outlined)}没有文字层（文字已被转为图形），其内容未读入"
                " (pages whose text was turned into outlines, not read)",
                _pages_text(doc.outlined),
            )
        )
    if doc.failed:
        notes.append(
            _note(
                Severity.WARNING,
                f"{_pages_text(doc.failed)}无法解析，其内容未读入 (pages that could not be parsed)",
                _pages_text(doc.failed),
            )
        )
    repairs = doc.repairs
    if repairs.unmapped:
        pages = _pages_text(repairs.unmapped_pages)
        notes.append(
            _note(
                Severity.WARNING,
                f"有 {repairs.unmapped} 个字符的字体没有文字编码，无法识别，记为“\ufffd”"
                " (glyphs without a Unicode mapping)",
                pages,
            )
        )
    if repairs.lookalikes:
        notes.append(
            _note(
                Severity.INFO,
                f"文字层把 {repairs.lookalikes} 个字符编码为同形的其他字符（如以部首“⼯”代“工”），"
                "已按字形读作通行的字符 (look-alike characters of the text layer read as printed)",
            )
        )
    if doc.links_dropped:
        notes.append(
            _note(
                Severity.INFO,
                f"浏览器打印的网页：略去 {doc.links_dropped} 行只由链接组成的文字（网站导航）"
                " (navigation lines made only of links left out)",
            )
        )
    return notes
