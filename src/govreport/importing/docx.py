"""Read a Word file (.docx): the body's paragraphs and tables in document order.

python-docx opens the package (it follows the relationships to the main
document whatever the parts are called, as Word, WPS and LibreOffice name
them differently); the body is then read from its XML, because the printed
order and geometry are there: ``w:p`` and ``w:tbl`` children in order,
including those inside content controls (``w:sdt``) and custom XML.  A table
of contents control is the document's own index, not its text: it is left
out, with a note.  Headers and footers (page numbers, running titles) are
page furniture and not read.  Auto-numbered paragraphs get their printed
number back (:mod:`govreport.importing.docxnumbering`).

Everything is bounded before python-docx sees it: the file's size, and the
zip directory (:mod:`govreport.importing.docxcheck`).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any, Final

from lxml import etree  # type: ignore[import-untyped]

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Para, Source
from govreport.importing.docxcheck import check_docx
from govreport.importing.docxnumbering import Numbering
from govreport.importing.docxtable import TABLE_NOTE, read_table
from govreport.importing.docxtext import Element, W, paragraph_text
from govreport.io.errors import UnreadableFileError
from govreport.io.regular import read_regular

#: Code of the notes on parts of a Word file that were not read (text boxes,
#: a table of contents) or not read as printed (merged cells); as docxtable's.
DOCX_NOTE: Final = TABLE_NOTE


class _Body:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.notes: list[Finding] = []
        self.paragraphs = 0
        self.tables = 0

    def note(self, where: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.notes.append(Finding(DOCX_NOTE, severity, message, location=where))

    def paragraph(self, p: Element) -> None:
        self.paragraphs += 1
        where = f"第{self.paragraphs}段"
        text, floating = paragraph_text(p)
        label = self.numbering.label(p)
        if label and text:
            text = f"{label}{text}"
        if floating:
            self.note(
                where, f"本段有{floating}个文本框或图形，其中的文字未读取 (text box not read)"
            )
        if text:
            self.blocks.append(Para(text, where))

    def table(self, tbl: Element) -> None:
        self.tables += 1
        read = read_table(tbl, self.tables)
        self.blocks.append(read.grid)
        self.notes += read.notes
        if read.floating:
            self.note(
                read.grid.where,
                f"表格中有{read.floating}个文本框或图形，其中的文字未读取 (text box not read)",
            )
        for nested in read.nested:
            self.table(nested)

    def walk(self, container: Element) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag == f"{W}sdt":
                self.control(child)
            elif tag == f"{W}customXml":
                self.walk(child)

    def control(self, sdt: Element) -> None:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        if gallery is not None and "contents" in gallery.get(f"{W}val", "").lower():
            self.note(
                f"第{self.paragraphs + 1}段",
                "目录（自动生成的目录控件）不是正文，未读取 (table of contents skipped)",
                Severity.INFO,
            )
            return
        content = sdt.find(f"{W}sdtContent")
        if content is not None:
            self.walk(content)


def _opened(path: Path, data: bytes) -> Any:
    """The python-docx Document, or :class:`UnreadableFileError` saying why not."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:  # "not a Word file, content type is …" (.docm, .dotx)
        reason = f"不是可读取的 Word 文档（.docx）：{exc}；请在 Word 中另存为 .docx (not a .docx)"
    except (KeyError, PackageNotFoundError) as exc:
        reason = f"Word 文件缺少必需的部件（{exc}），文件不完整或已损坏 (missing part)"
    except etree.XMLSyntaxError as exc:
        reason = f"Word 文件中的 XML 已损坏：{' '.join(str(exc).split())} (malformed XML)"
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        reason = f"Word 文件已损坏，无法解压（{exc}） (corrupt archive)"
    except NotImplementedError as exc:  # a compression method zipfile lacks
        reason = f"Word 文件使用了不支持的压缩方式（{exc}） (unsupported compression)"
    except Exception as exc:  # python-docx on a package it does not expect
        reason = f"Word 文件的结构无法识别（{type(exc).__name__}: {exc}） (unreadable package)"
    raise UnreadableFileError(path, reason)


def _title(document: Any) -> str:
    """The title in the file's properties (a hint); "" when they cannot be read."""
    try:
        return str(document.core_properties.title or "")
    except Exception:  # a damaged docProps/core.xml must not stop the body being read
        return ""


def read_docx(path: Path, data: bytes | None = None) -> Source:
    """A Word file's body as paragraphs and tables, as printed; see the module notes.

    ``data``: the file's bytes, when read already (the import hashes them).
    """
    if data is None:
        data = read_regular(path, limits.MAX_IMPORT_FILE_BYTES)
    check_docx(path, data)
    document = _opened(path, data)
    body = _Body(Numbering.of(document))
    element = document.element.body
    if element is not None:
        body.walk(element)
    return Source("docx", tuple(body.blocks), title=_title(document), notes=tuple(body.notes))
