"""What a file named ``.xlsx`` really is, before openpyxl opens it.

People rename files and save them in whatever Excel or WPS offers: an old
Excel 97-2003 ``.xls`` (an OLE container, magic ``D0 CF 11 E0``), a
password-protected workbook (also an OLE container), a web page, a CSV, a Word
file.  Each is named for what it is, with what to do in Excel or WPS.

A real ``.xlsx`` is a zip archive.  Its directory is checked before anything
is inflated, with the bounds of an agency's Word template (entry count, total
size, compression ratio) and a tighter bound on each part, because openpyxl
holds the shared strings and styles in memory.  Its XML parts are then
scanned for a document type declaration: a workbook never has one, and one is
the only way to an entity attack (“billion laughs”, an external entity), so no
XML parser ever sees it.  Inflating is bounded by the sizes checked first
(``zipfile`` never yields more than an entry declares).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from govreport import limits
from govreport.io.errors import UnreadableFileError

_OLE: Final = b"\xd0\xcf\x11\xe0"
_SAVE_AS: Final = "请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再使用"

#: Markup that opens a document type declaration or an entity, in the
#: encodings an XML part may use (UTF-8, UTF-16 either way round).
_DTD_MARKS: Final = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_XML_SUFFIXES: Final = (".xml", ".rels", ".vml")
_CHUNK: Final = 1 << 20


def _utf16(name: str) -> bytes:
    """How an OLE container's directory stores a stream name."""
    return name.encode("utf-16-le")


def _ole_reason(data: bytes) -> str:
    if _utf16("EncryptedPackage") in data:
        return (
            "工作簿已加密（设置了打开密码），无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx "
            "(encrypted workbook)"
        )
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return (
            "这是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx；请在 Excel/WPS 中另存为 .xlsx "
            "(old .xls format: save as .xlsx)"
        )
    return f"这是旧版 Office 复合文档（如 .xls、.et），不是 .xlsx；{_SAVE_AS} (old Office format)"


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 or GB18030 (a CSV saved by Excel in China) without control characters."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 3:  # more than a character cut at the end
                continue
            text = head[: exc.start].decode(encoding)
        return not any(ch < " " and ch not in "\t\r\n" for ch in text)
    return False


def _text_reason(head: bytes) -> str:
    """What a file that is no zip is, as far as its first bytes tell."""
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<table" in lowered:
        return f"这是网页（HTML）文件，只是扩展名为 .xlsx；{_SAVE_AS} (HTML, not .xlsx)"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered or b"excel.sheet" in lowered:
        return f"这是 Excel 2003 XML 表格，不是 .xlsx；{_SAVE_AS} (Excel 2003 XML)"
    if head.startswith(b"{\\rtf"):
        return f"这是 RTF 文件，只是扩展名为 .xlsx；{_SAVE_AS} (RTF, not .xlsx)"
    if head.startswith(b"%PDF-"):
        return "这是 PDF 文件，只是扩展名为 .xlsx，不是工作簿 (PDF, not .xlsx)"
    if not _looks_like_text(head):
        return "不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包 (not an .xlsx: not a zip archive)"
    return f"这是文本文件（如 CSV），不是 Excel 工作簿；{_SAVE_AS} (a text file, not .xlsx)"


def _zip_reason(names: set[str]) -> str | None:
    """A zip that is some other office file, or no workbook at all."""
    if "xl/workbook.xml" in names:
        return None
    if "word/document.xml" in names:
        return "这是 Word 文档（.docx），不是 Excel 工作簿 (a Word file, not a workbook)"
    if "ppt/presentation.xml" in names:
        return "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿 (a PowerPoint file)"
    if "content.xml" in names and "mimetype" in names:
        return f"这是 OpenDocument 表格（.ods，WPS/LibreOffice）；{_SAVE_AS} (OpenDocument)"
    return "zip 压缩包中没有 Excel 工作簿的内容，不是 .xlsx 文件 (a zip, but not a workbook)"


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _bounds_reason(members: list[zipfile.ZipInfo]) -> str | None:
    """Too many or too large members, from the directory alone (a zip bomb)."""
    if len(members) > limits.MAX_TEMPLATE_ENTRIES:
        return (
            f"工作簿含有{len(members)}个部件，超过{limits.MAX_TEMPLATE_ENTRIES}个的上限"
            "（不像是本工具的工作簿） (too many archive entries)"
        )
    total = 0
    for info in members:
        size = info.file_size
        if size > limits.MAX_WORKBOOK_PART_BYTES:
            return (
                f"工作簿的部件 {info.filename} 解压后有{_mib(size)}，超过每个部件"
                f"{_mib(limits.MAX_WORKBOOK_PART_BYTES)}的上限 (archive entry too large)"
            )
        ratio = size / max(info.compress_size, 1)
        if size >= limits.TEMPLATE_RATIO_FROM_BYTES and ratio > limits.MAX_TEMPLATE_RATIO:
            return (
                f"工作簿的部件 {info.filename} 压缩比为{ratio:.0f}倍，超过"
                f"{limits.MAX_TEMPLATE_RATIO}倍的上限（疑似压缩炸弹） (zip bomb?)"
            )
        total += size
    if total > limits.MAX_TEMPLATE_TOTAL_BYTES:
        return (
            f"工作簿解压后共有{_mib(total)}，超过{_mib(limits.MAX_TEMPLATE_TOTAL_BYTES)}的上限"
            " (archive too large)"
        )
    return None


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part holds a DOCTYPE or ENTITY declaration (scanned in bounded chunks)."""
    overlap = max(len(mark) for mark in _DTD_MARKS) - 1
    tail = b""
    for chunk in _chunks(archive, info):
        window = tail + chunk
        if any(mark in window for mark in _DTD_MARKS):
            return True
        tail = window[-overlap:]
    return False


def check_xlsx(path: Path, data: bytes) -> None:
    """Raise :class:`UnreadableFileError` unless ``data`` looks like an .xlsx within bounds."""
    if data.startswith(_OLE):
        raise UnreadableFileError(path, _ole_reason(data))
    if not data.startswith(b"PK"):
        head = data[:4096].lstrip(b"\xef\xbb\xbf\r\n\t ")
        raise UnreadableFileError(path, _text_reason(head) if head else "文件是空的 (empty file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            reason = _bounds_reason(members)
            if reason is None and any(info.flag_bits & 0x1 for info in members):
                reason = "zip 压缩包内容已加密，无法读取 (encrypted zip entries)"
            if reason is None:
                reason = _zip_reason({info.filename for info in members})
            if reason is None and any(
                info.filename.lower().endswith(_XML_SUFFIXES) and _declares_dtd(archive, info)
                for info in members
            ):
                reason = (
                    "工作簿的 XML 部件含有文档类型声明（DOCTYPE/ENTITY），Excel 和 WPS 不会写出这种"
                    "内容，为安全起见不予读取 (XML with a DTD refused)"
                )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
    ) as exc:
        raise UnreadableFileError(
            path, f"工作簿已损坏，zip 压缩包无法打开（{exc}） (corrupt zip archive)"
        ) from None
    except NotImplementedError as exc:  # a compression method zipfile lacks
        raise UnreadableFileError(
            path, f"工作簿使用了不支持的压缩方式（{exc}） (unsupported compression)"
        ) from None
    if reason is not None:
        raise UnreadableFileError(path, reason)
