"""What a file named ``.docx`` really is, before python-docx opens it.

People rename files.  A portal's "Word" download may be an old Word 97-2003
``.doc``, an RTF or a web page saved by Word, and a protected report is an
encrypted OLE container, not a zip.  Each is named for what it is, with what
to do in Word.  A real ``.docx`` is a zip archive: its directory is checked
with the same bounds as an agency's Word template
(:func:`govreport.outputs.docx.parts.check_archive`: entry count, sizes,
compression ratio) before anything is inflated, so a zip bomb is refused from
its directory alone.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Final

from govreport.io.errors import UnreadableFileError
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.parts import check_archive

_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS: Final = "请在 Word 或 WPS 中打开，“另存为”Word 文档（.docx）后再导入"


def _utf16(name: str) -> bytes:
    """How an OLE container's directory stores a stream name."""
    return name.encode("utf-16-le")


def _ole_reason(data: bytes) -> str:
    if _utf16("EncryptedPackage") in data:
        return (
            "文件已加密（设置了打开密码），无法读取；请在 Word 中取消密码后另存为 .docx "
            "(encrypted document)"
        )
    if _utf16("WordDocument") in data:
        return (
            f"这是旧版 Word 97-2003 文档（.doc），只是扩展名为 .docx；{_SAVE_AS} "
            "(old .doc format, save as .docx)"
        )
    return f"这是旧版 Office 复合文档，不是 .docx；{_SAVE_AS} (old Office format)"


def _text_reason(head: bytes) -> str | None:
    """Text formats Word opens happily and people save with a .docx name."""
    if head.startswith(b"{\\rtf"):
        return f"这是 RTF 文件，只是扩展名为 .docx；{_SAVE_AS} (RTF, not .docx)"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "这是网页（HTML）文件，只是扩展名为 .docx；请改用 .html 扩展名导入 (HTML, not .docx)"
    if b"word.document" in lowered or b"<w:worddocument" in lowered:
        return f"这是 Word 2003 XML 文档，不是 .docx；{_SAVE_AS} (Word 2003 XML)"
    if head.startswith(b"%PDF-"):
        return "这是 PDF 文件，只是扩展名为 .docx；请改用 .pdf 扩展名导入 (PDF, not .docx)"
    return None


def _zip_reason(names: set[str]) -> str | None:
    """A zip that is some other office file, or no Word package at all."""
    if "xl/workbook.xml" in names:
        return "这是 Excel 表格文件（.xlsx），不是 Word 文档 (an Excel workbook)"
    if "ppt/presentation.xml" in names:
        return "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档 (a PowerPoint file)"
    if "content.xml" in names and "mimetype" in names:
        return f"这是 OpenDocument（.odt，WPS/LibreOffice）文件；{_SAVE_AS} (OpenDocument)"
    if "[Content_Types].xml" not in names:
        return "zip 压缩包中没有 Word 文档的内容，不是 .docx 文件 (a zip, but not a Word file)"
    return None


def check_docx(path: Path, data: bytes) -> None:
    """Raise :class:`UnreadableFileError` unless ``data`` looks like a .docx within bounds."""
    if data.startswith(_OLE):
        raise UnreadableFileError(path, _ole_reason(data))
    head = data[:4096].lstrip(b"\xef\xbb\xbf\r\n\t ")
    reason = _text_reason(head)
    if reason is not None:
        raise UnreadableFileError(path, reason)
    if not data.startswith(b"PK"):
        raise UnreadableFileError(
            path, "不是 Word（.docx）文件：文件不是 zip 压缩包 (not a .docx: not a zip archive)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise UnreadableFileError(
            path, f"Word 文件已损坏，zip 压缩包无法打开（{exc}） (corrupt zip archive)"
        ) from None
    try:
        check_archive(members, "该 Word 文件")
    except TemplateError as exc:
        raise UnreadableFileError(path, f"{exc} (archive too large: zip bomb?)") from None
    if any(info.flag_bits & 0x1 for info in members):
        raise UnreadableFileError(path, "zip 压缩包内容已加密，无法读取 (encrypted zip entries)")
    reason = _zip_reason({info.filename for info in members})
    if reason is not None:
        raise UnreadableFileError(path, reason)
