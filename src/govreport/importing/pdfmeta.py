"""The document information of a PDF (Title, Producer, Creator), decoded.

pdfminer decodes a text string as UTF-16 only with a big-endian byte order
mark; WPS writes the title little-endian (``FF FE``), which would come out as
mojibake.  The strings are decoded here from their bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

#: Longest metadata string kept (characters): a title is a line.
_CHARS: Final = 500


def metadata_of(pdf: Any) -> dict[str, str]:
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
    return " ".join(text.replace("\x00", "").split())[:_CHARS]
