"""Reading a text-based PDF report: paragraphs and tables as printed.

Two kinds of PDF are met: an agency's own export from WPS or Word (the
published original) and a portal page printed to PDF by a browser.  Both
have a text layer; a scanned PDF has none and is refused with that reason.

pdfplumber is used because it gives each character with its position and
font size, and the page's ruling lines, from which table cells and their
spans are rebuilt; ``pdftotext -layout`` gives only text in columns, which
loses cell boundaries and merged cells.

The file is checked here (a regular file of bounded size that starts like
a PDF), then parsed in a bounded child process (:mod:`.pdfbounded`); the
parsing itself is :mod:`.pdfextract`.  A file that cannot be read raises
:class:`~govreport.io.errors.UnreadableFileError` with the reason in Chinese.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import attrs

from govreport.findings import Finding, Severity
from govreport.importing.blocks import Source
from govreport.importing.pdfextract import Refusal
from govreport.importing.pdfpage import READER_NOTE
from govreport.io.errors import UnreadableFileError
from govreport.io.regular import read_regular
from govreport.limits import MAX_IMPORT_FILE_BYTES

#: Acrobat accepts ``%PDF-`` anywhere in the first 1024 bytes.
_HEADER_WINDOW: Final = 1024
#: A complete PDF ends with ``%%EOF``, perhaps followed by a little padding.
_TAIL_WINDOW: Final = 4096

#: What a file that is not a PDF is, by its first bytes.
_KINDS: Final = (
    (b"PK\x03\x04", "ZIP 压缩包（如 Word .docx、OFD 文件）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（如 Word .doc、WPS .wps）"),
    (b"{\\rtf", "RTF 文档"),
    (b"%!PS", "PostScript 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
)


def _what(data: bytes) -> str:
    for magic, kind in _KINDS:
        if data.startswith(magic):
            return kind
    head = data[:_HEADER_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta")):
        return "网页或 XML 文件"
    return "未知格式"


def read_pdf(path: Path, data: bytes | None = None) -> Source:
    """The report in the PDF at ``path``, as printed (kind "pdf").

    ``data``: the file's bytes, when read already (the import hashes them).
    """
    if data is None:
        data = read_regular(path, MAX_IMPORT_FILE_BYTES)
    if not data:
        raise UnreadableFileError(path, "文件是空的 (empty file)")
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise UnreadableFileError(
            path, f"不是 PDF 文件：这是{_what(data)}（文件开头没有“%PDF-”） (not a PDF file)"
        )
    from govreport.importing.pdfbounded import parse

    result = parse(data)
    if isinstance(result, Refusal):
        raise UnreadableFileError(path, result.reason)
    if b"%%EOF" not in data[-_TAIL_WINDOW:]:
        cut = Finding(
            READER_NOTE,
            Severity.WARNING,
            "文件末尾没有“%%EOF”结束标记，可能下载不完整，后面的页面可能缺失"
            " (the file seems truncated: pages may be missing)",
        )
        result = attrs.evolve(result, notes=(*result.notes, cut))
    return result
