"""The child process that parses the PDF: pdfplumber, bounded in pages, time and memory.

pdfminer trusts the file: a stream of millions of operators keeps it busy for
minutes, a compressed stream of zeros inflates to gigabytes in one call.  So
the parsing runs in a child whose address space is capped (an allocation past
the cap raises MemoryError there) and which checks its deadline between
pages; the parent kills it when it does not answer in time
(:mod:`govreport.childproc`, from :mod:`.reading`).
``python -m govreport.layoutcheck.worker`` reads the PDF's bytes on stdin and
writes JSON on stdout, for systems where forking is not safe.
"""

from __future__ import annotations

import io
import json
import logging
import sys
import time
from typing import Any

from govreport import limits
from govreport.childproc import serve_stdin
from govreport.layoutcheck.pages import Char, Page, Rule, to_wire

#: Most characters and ruling lines one page may hold: a report's densest
#: page (table 三) has about 1,500 characters and 200 lines.
MAX_PAGE_ITEMS = 50_000


class Refused(Exception):
    """The file cannot be measured; the message says why (Chinese, English in brackets)."""


def _open(data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise Refused("PDF 已加密，无法测量版式 (encrypted PDF)") from None
        raise Refused(f"PDF 文件已损坏，无法解析（{str(cause)[:120]}） (corrupt PDF)") from None


def _page(page: Any, deadline: float) -> Page:
    chars: list[Char] = []
    for c in page.chars:
        chars.append(
            Char(
                str(c.get("text", "")),
                float(c["x0"]),
                float(c["x1"]),
                float(c["top"]),
                float(c["bottom"]),
                float(c.get("size") or 0.0),
                str(c.get("fontname", "")),
            )
        )
        if len(chars) > MAX_PAGE_ITEMS:
            raise Refused(
                f"第 {page.page_number} 页字符过多，不像是一份年度报告 (too many characters)"
            )
    if time.monotonic() > deadline:
        raise Refused(_timeout())
    rules = [
        Rule(float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"]))
        for e in page.edges[:MAX_PAGE_ITEMS]
    ]
    return Page(page.page_number, float(page.width), float(page.height), tuple(chars), tuple(rules))


def _timeout() -> str:
    return (
        f"测量 PDF 超过 {limits.MAX_IMPORT_SECONDS:g} 秒的时间上限"
        f" (measuring the PDF took longer than {limits.MAX_IMPORT_SECONDS:g} s)"
    )


def read(data: bytes) -> list[Page]:
    """Every page of the PDF ``data``; raises :class:`Refused` for a file that cannot be read."""
    deadline = time.monotonic() + limits.MAX_IMPORT_SECONDS
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with _open(data) as pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise Refused(
                f"PDF 文件已损坏，无法解析（{type(exc).__name__}） (corrupt PDF)"
            ) from None
        if count == 0:
            raise Refused("PDF 中没有任何页面 (PDF has no pages)")
        if count > limits.MAX_IMPORT_PAGES:
            raise Refused(
                f"PDF 有 {count} 页，超过 {limits.MAX_IMPORT_PAGES} 页的上限，不像是一份年度报告"
                f" (more than {limits.MAX_IMPORT_PAGES} pages)"
            )
        pages = []
        for page in pdf.pages:
            pages.append(_page(page, deadline))
            page.close()
    if not any(p.chars for p in pages):
        raise Refused("PDF 没有文字层（可能是扫描件），无法测量版式 (no text layer: a scan?)")
    return pages


def answer(data: bytes) -> bytes:
    """The PDF's pages (or why not) as JSON for the parent; never raises."""
    try:
        result: dict[str, Any] = {"pages": [to_wire(p) for p in read(data)]}
    except Refused as refused:
        result = {"refused": str(refused)}
    except MemoryError:
        result = {
            "refused": f"测量 PDF 所需内存超过 {limits.MAX_IMPORT_MEMORY_BYTES // 2**20} MB 的上限"
            " (the PDF needs too much memory)"
        }
    except RecursionError:
        result = {"refused": "PDF 结构嵌套过深，无法解析 (PDF structure nested too deeply)"}
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        result = {"refused": f"PDF 无法解析（{type(exc).__name__}） (PDF could not be parsed)"}
    return json.dumps(result, ensure_ascii=False).encode("utf-8")


def main() -> int:
    return serve_stdin(answer)


if __name__ == "__main__":
    sys.exit(main())
