"""The characters of a text file: UTF-8 (with or without BOM), else GB18030.

Chinese Windows tools still save text as GBK, which GB18030 contains; a file
that is neither is refused rather than read with replacement characters,
since a report is evidence and a wrong character in a number or a name must
not slip in unseen.  A file that is no text at all (a Word file or a PDF
given a ``.txt`` name) is named for what it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from govreport.findings import Finding, Severity
from govreport.io.errors import UnreadableFileError

#: Code of the note that the text was read as GB18030, not UTF-8 (I0, as every
#: reader's notes).
ENCODING_GUESSED: Final = "I0"

_UTF8_BOM: Final = b"\xef\xbb\xbf"
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")

#: First bytes of files that are not text, and what to say about them.
_NOT_TEXT: Final = (
    (b"PK\x03\x04", "这是一个 zip 压缩包（如 Word .docx 文件），不是纯文本 (a zip/Word file)"),
    (b"%PDF-", "这是一个 PDF 文件，不是纯文本；请以 .pdf 导入 (a PDF file)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "这是一个旧版 Office 文件（.doc/.xls），不是纯文本 (an old Office file)",
    ),
    (b"{\\rtf", "这是一个 RTF 文件，不是纯文本；请用 Word 另存为 .docx (an RTF file)"),
)


def decode_text(path: str | Path, data: bytes) -> tuple[str, tuple[Finding, ...]]:
    """The text of ``data`` and a note when its encoding had to be guessed."""
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8"), ()
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(
                path, f"文件标明为 UTF-8，但第{exc.start + 3}字节起不是 UTF-8 (invalid UTF-8)"
            ) from None
    if data.startswith(_UTF16_BOMS):  # Windows Notepad's "Unicode"
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise UnreadableFileError(
                path, "文件标明为 UTF-16，但内容不是 UTF-16 (invalid UTF-16)"
            ) from None
    for magic, reason in _NOT_TEXT:
        if data.startswith(magic):
            raise UnreadableFileError(path, reason)
    if b"\x00" in data[:8192]:
        raise UnreadableFileError(path, "文件含有空字节，不是纯文本 (binary file, not text)")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableFileError(
            path, "文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本 (unknown text encoding)"
        ) from None
    note = Finding(
        ENCODING_GUESSED,
        Severity.WARNING,
        "文件不是 UTF-8 编码，已按 GB18030（GBK）读取，请核对文字 (not UTF-8: read as GB18030)",
    )
    return text, (note,)
