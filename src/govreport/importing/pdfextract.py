"""A PDF's text layer read into a :class:`Source`: the work done in the child process.

Page by page (:mod:`.pdfpage`): the characters are cleaned
(:mod:`.pdfchars`), tables are found on the ruling lines and rebuilt with
their spans (:mod:`.pdftables`), and the characters outside the tables
become lines.  The title comes from the metadata (:mod:`.pdfmeta`).  Then,
over the whole
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
from typing import Any

import attrs

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Source
from govreport.importing.pdfbrowser import article, printed_by_browser
from govreport.importing.pdfchars import Line
from govreport.importing.pdffurniture import furniture
from govreport.importing.pdfmeta import metadata_of
from govreport.importing.pdfpage import WEB_PAGE_LINKS, Pages, note, read_page
from govreport.importing.pdfparagraphs import Item, Measure, paragraphs
from govreport.importing.pdftables import PageTable


@attrs.frozen
class Refusal:
    """Why a file cannot be read at all (Chinese, with the English in brackets)."""

    reason: str


class _Stop(Exception):
    """Reading stops: the file cannot be read at all."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
        metadata = metadata_of(pdf)
        browser = printed_by_browser(metadata)
        doc = Pages()
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _Stop(_broken(exc)) from None
        for page in pages:
            if time.monotonic() > deadline:
                raise _Stop(timeout_reason())
            read_page(page, doc, browser)
        return _assembled(doc, metadata, browser)
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _assembled(doc: Pages, metadata: Mapping[str, str], browser: bool) -> Source:
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
    kept = _without_furniture(doc)
    measure = Measure.of([item for items in kept for item in items if isinstance(item, Line)])
    flowed = paragraphs([item for items in kept for item in items], measure)
    notes = list(doc.notes)
    if browser and doc.links_dropped >= WEB_PAGE_LINKS:
        flowed, cut = article(flowed, metadata.get("Title", ""))
        if cut is not None:
            notes.append(cut)
    notes.extend(_reading_notes(doc))
    blocks: list[Block] = [b.grid if isinstance(b, PageTable) else b for b in flowed]
    return Source("pdf", tuple(blocks), metadata.get("Title", ""), tuple(notes))


def _without_furniture(doc: Pages) -> list[list[Item]]:
    lines = [[item for item in items if isinstance(item, Line)] for items in doc.pages]
    kept_lines = furniture(lines, doc.heights)
    kept_ids = {id(line) for page in kept_lines for line in page}
    return [
        [item for item in items if isinstance(item, PageTable) or id(item) in kept_ids]
        for items in doc.pages
    ]


def _pages_text(numbers: Sequence[int]) -> str:
    return (
        "第" + "、".join(str(n) for n in numbers[:20]) + ("等" if len(numbers) > 20 else "") + "页"
    )


def _reading_notes(doc: Pages) -> list[Finding]:
    notes = []
    if doc.scanned:
        notes.append(
            note(
                Severity.WARNING,
                f"{_pages_text(doc.scanned)}是扫描图片，没有文字层，其内容未读入"
                " (scanned pages without a text layer, not read)",
                _pages_text(doc.scanned),
            )
        )
    if doc.outlined:
        notes.append(
            note(
                Severity.WARNING,
                f"{_pages_text(doc.outlined)}没有文字层（文字已被转为图形），其内容未读入"
                " (pages whose text was turned into outlines, not read)",
                _pages_text(doc.outlined),
            )
        )
    if doc.failed:
        notes.append(
            note(
                Severity.WARNING,
                f"{_pages_text(doc.failed)}无法解析，其内容未读入 (pages that could not be parsed)",
                _pages_text(doc.failed),
            )
        )
    repairs = doc.repairs
    if repairs.unmapped:
        pages = _pages_text(repairs.unmapped_pages)
        notes.append(
            note(
                Severity.WARNING,
                f"有 {repairs.unmapped} 个字符的字体没有文字编码，无法识别，记为“\ufffd”"
                " (glyphs without a Unicode mapping)",
                pages,
            )
        )
    if repairs.lookalikes:
        notes.append(
            note(
                Severity.INFO,
                f"文字层把 {repairs.lookalikes} 个字符编码为同形的其他字符（如以部首“⼯”代“工”），"
                "已按字形读作通行的字符 (look-alike characters of the text layer read as printed)",
            )
        )
    if doc.links_dropped:
        notes.append(
            note(
                Severity.INFO,
                f"浏览器打印的网页：略去 {doc.links_dropped} 行只由链接组成的文字（网站导航）"
                " (navigation lines made only of links left out)",
            )
        )
    return notes
