"""Low-level WordprocessingML text: escaping and the few element builders the body needs.

Everything here returns ``str`` fragments.  Building strings (not lxml trees)
is what makes a report render in a few milliseconds; correctness comes from
escaping every piece of text in exactly one place, :func:`text_runs`.
"""

from __future__ import annotations

import re
from typing import Final

from govreport.xmlchars import check_text

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_SPECIAL: Final = re.compile("[&<>\t\n\r]")


def escape(text: str, where: str = "") -> str:
    """Text for an XML text node or a double-quoted attribute value."""
    check_text(text, where)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _run(rpr: str, inner: str) -> str:
    return f"<w:r>{rpr}{inner}</w:r>"


def text_runs(text: str, rpr: str = "", where: str = "") -> str:
    """One or more ``w:r`` carrying ``text`` literally.

    Tabs become ``w:tab`` and line breaks ``w:br``; everything else is escaped.
    The text is never interpreted (no Jinja, no markup): ``{{ x }}`` stays
    ``{{ x }}``.
    """
    if not text:
        return ""
    check_text(text, where)
    if not _SPECIAL.search(text):
        return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{chunk}</w:t>')
    return _run(rpr, "".join(parts))


def ppr(style: str, extra: str = "") -> str:
    """A paragraph-properties element naming a style; ``extra`` follows in schema order."""
    return f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>'


def paragraph(style: str, text: str, *, extra_ppr: str = "", rpr: str = "", where: str = "") -> str:
    return f"<w:p>{ppr(style, extra_ppr)}{text_runs(text, rpr, where)}</w:p>"


def size_rpr(half_points: int) -> str:
    return f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
