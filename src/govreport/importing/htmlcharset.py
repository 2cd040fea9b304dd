"""A web page's bytes as text: the byte-order mark, then the page's own
declaration, else UTF-8 and then GB18030.

Portals of Chinese governments serve UTF-8, GBK or GB2312 pages, and many
declare one charset while sending another (a template saved as UTF-8 still
says ``gb2312``).  GB2312 and GBK are subsets of GB18030, so both are read as
GB18030, which also has the characters GBK lacks (rare names in 𠮷-like forms).
UTF-8 is tried before GB18030 because almost no GBK text is valid UTF-8, while
UTF-8 bytes often form valid but meaningless GB18030.

A file that is no web page (a PDF, a Word file, an image, binary data) is
refused here with :class:`UnreadableFileError`, before any parsing.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import attrs

from govreport.findings import Finding, Severity
from govreport.io.errors import UnreadableFileError

#: Code of the notes a reader leaves about how it read the file.
READER_NOTE = "I0"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\x84\x31\x95\x33", "gb18030"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Files that are clearly something else, by their first bytes.
_MAGIC = (
    (b"%PDF-", "这是PDF文件，不是网页 (a PDF file, not HTML)"),
    (b"PK\x03\x04", "这是ZIP压缩包或Word（.docx）文件，不是网页 (a ZIP or .docx file, not HTML)"),
    (
        b"\xd0\xcf\x11\xe0",
        "这是旧版Office（.doc/.xls）文件，不是网页 (an old Office file, not HTML)",
    ),
    (b"\x89PNG", "这是图片（PNG），不是网页 (an image, not HTML)"),
    (b"\xff\xd8\xff", "这是图片（JPEG），不是网页 (an image, not HTML)"),
    (b"GIF8", "这是图片（GIF），不是网页 (an image, not HTML)"),
    (b"\x1f\x8b", "这是gzip压缩文件，请先解压 (a gzip file, not HTML)"),
    (b"Rar!", "这是RAR压缩包，不是网页 (a RAR archive, not HTML)"),
    (b"7z\xbc\xaf", "这是7z压缩包，不是网页 (a 7z archive, not HTML)"),
)

#: Names under which pages declare a subset of GB18030.
_GB_NAMES = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "windows-936", "ms936"}
    | {"csgb2312", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58", "gb18030"}
)
#: Western single-byte names: a Chinese page declaring one was saved by a
#: misconfigured server, so its bytes are read as if nothing were declared.
_WESTERN = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252"})

# The declaration of a page: <meta charset=…>, <meta http-equiv … content="…; charset=…">
# or an XHTML page's <?xml … encoding="…"?>.
_META = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]+)", re.IGNORECASE)
_XML_DECL = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:+-]+)", re.IGNORECASE)
#: Bytes searched for the declaration (real pages have long heads of meta tags).
_PRESCAN_BYTES = 64 * 1024

_MARKUP = re.compile(r"<\s*[A-Za-z!?/]")
# C0 controls other than tab, line feed, form feed and carriage return: no
# page prints them, and an XML tree cannot hold them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


@attrs.frozen
class Decoded:
    """A page's text, the encoding it was read with, and what had to be guessed."""

    text: str
    encoding: str
    notes: tuple[Finding, ...] = ()


def decode_page(data: bytes, *, name: str, path: Path) -> Decoded:
    """The text of a page's bytes; :class:`UnreadableFileError` (at ``path``) if no page."""
    _refuse_non_html(data, path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _decode_as(data[len(bom) :], encoding, name)
            break
    else:
        decoded = _decode_plain(data, name)
    return _checked_text(decoded, name, path)


def _refuse_non_html(data: bytes, path: Path) -> None:
    if not data.strip():
        raise UnreadableFileError(path, "文件为空 (empty file)")
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise UnreadableFileError(path, reason)


def _decode_plain(data: bytes, name: str) -> Decoded:
    """Bytes without a byte-order mark: the declaration, then UTF-8, then GB18030."""
    if data[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without a mark
        return _decode_as(data, "utf-16-le" if data[0] else "utf-16-be", name)
    declared = _declared(data[:_PRESCAN_BYTES])
    if declared is None:
        return _guess(data, name, declared=None)
    label, codec = declared
    if codec is None:
        note = _note(
            Severity.INFO,
            f"网页声明的字符编码“{label}”无法识别，已自动判断 (unknown declared charset)",
            name,
        )
        return _with_note(_guess(data, name, declared=None), note)
    if codec in _WESTERN and not data.isascii():
        return _guess(data, name, declared=label)
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        return _guess(data, name, declared=label, declared_codec=codec)


def _declared(head: bytes) -> tuple[str, str | None] | None:
    """The charset the page declares, and Python's codec for it (None if unknown)."""
    found = _META.search(head) or _XML_DECL.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii", "replace").lower()
    if label in _GB_NAMES:
        return label, "gb18030"
    if label in _WESTERN:
        return label, "windows-1252" if label != "ascii" else "ascii"
    try:
        return label, codecs.lookup(label).name
    except LookupError:
        return label, None


def _guess(
    data: bytes, name: str, *, declared: str | None, declared_codec: str | None = None
) -> Decoded:
    """UTF-8, then GB18030, strictly; else the one that needs fewer replacements."""
    for codec in ("utf-8", "gb18030"):
        if codec == declared_codec:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if declared is None:
            return Decoded(text, codec)
        note = _note(
            Severity.INFO,
            f"网页声明的字符编码为“{declared}”，但内容实为{codec.upper()}，已按{codec.upper()}读取"
            f" (declared charset {declared}, read as {codec})",
            name,
        )
        return Decoded(text, codec, (note,))
    if declared_codec is not None:
        return _replaced(data.decode(declared_codec, "replace"), declared_codec, name)
    text = data.decode("utf-8", "replace")
    if _mostly_utf8(text):
        return _replaced(text, "utf-8", name)
    return _replaced(data.decode("gb18030", "replace"), "gb18030", name)


def _mostly_utf8(text: str) -> bool:
    """UTF-8 with a few broken bytes rather than text of another encoding.

    GBK text read as UTF-8 is mostly errors: only some of its byte pairs form
    a valid sequence by chance.  Real UTF-8 with a few damaged bytes has far
    more valid characters beyond ASCII than errors.
    """
    errors = text.count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f") - errors
    return valid >= 2 * errors


def _decode_as(data: bytes, codec: str, name: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        return _replaced(data.decode(codec, "replace"), codec, name)


def _replaced(text: str, codec: str, name: str) -> Decoded:
    count = text.count("\ufffd")
    note = _note(
        Severity.WARNING,
        f"网页中有{count}处字节无法按{codec.upper()}解码，已显示为替换字符“\ufffd”，"
        f"相应文字可能有误 (undecodable bytes replaced)",
        name,
    )
    return Decoded(text, codec, (note,))


def _checked_text(decoded: Decoded, name: str, path: Path) -> Decoded:
    """Refuse text that is no markup; drop the few control characters a page may hold."""
    text = decoded.text
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise UnreadableFileError(
            path, "这不是网页，而是二进制数据 (binary data, not an HTML page)"
        )
    if not _MARKUP.search(text):
        raise UnreadableFileError(path, "文件中没有任何HTML标记，不是网页 (no HTML markup found)")
    if not controls:
        return decoded
    note = _note(
        Severity.INFO,
        f"网页中有{controls}个不可见的控制字符，已删除 (control characters removed)",
        name,
    )
    return _with_note(attrs.evolve(decoded, text=_CONTROLS.sub("", text)), note)


def _with_note(decoded: Decoded, note: Finding) -> Decoded:
    return attrs.evolve(decoded, notes=(*decoded.notes, note))


def _note(severity: Severity, message: str, name: str) -> Finding:
    return Finding(READER_NOTE, severity, message, "", name)
