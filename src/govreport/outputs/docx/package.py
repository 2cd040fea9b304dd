"""Writing the .docx zip: deterministic bytes, compressed parts reused.

A small zip writer of our own instead of :mod:`zipfile`, for two reasons:
every member gets the same fixed timestamp and attributes (same input, same
bytes), and a part that does not change between reports (styles, settings,
footers) is compressed once and its deflated bytes are reused.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import Final

import attrs

from govreport.outputs.docx.xml import escape

#: 1980-01-01 00:00:00 in MS-DOS format, the earliest a zip can say.
_DOS_TIME: Final = 0
_DOS_DATE: Final = (1 << 5) | 1
_VERSION: Final = 20
_DEFLATE: Final = 8
#: Level 6 (zlib's default): the size Word itself writes, at a fraction of the time of 9.
DEFAULT_LEVEL: Final = 6


@attrs.frozen
class Member:
    """One zip member, already deflated."""

    name: str
    size: int
    crc: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes, level: int = DEFAULT_LEVEL) -> Member:
        co = zlib.compressobj(level, zlib.DEFLATED, -15)
        return cls(name, len(data), zlib.crc32(data), co.compress(data) + co.flush())


def write_zip(members: Iterable[Member]) -> bytes:
    """The zip archive of ``members`` in the given order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for m in members:
        name = m.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        fields = (_DEFLATE, _DOS_TIME, _DOS_DATE, m.crc, len(m.deflated), m.size, len(name))
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, flags, *fields, 0)
        out += (local, name, m.deflated)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _VERSION,
                _VERSION,
                flags,
                *fields,
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            )
            + name
        )
        offset += len(local) + len(name) + len(m.deflated)
        count += 1
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end


#: Used when a report has no publication date: never the clock.
FIXED_DATE: Final = "2000-01-01"


def core_properties(title: str, author: str, date: str = "") -> bytes:
    """docProps/core.xml from the report's own metadata."""
    stamp = f"{date or FIXED_DATE}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title, '文件属性：标题')}</dc:title>"
        f"<dc:creator>{escape(author, '文件属性：作者')}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>"
        "<dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()
