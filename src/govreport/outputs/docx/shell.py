"""The shell's per-report context: the values a template's placeholders receive.

The shell is the agency-editable part of the document (title, 署名, 日期,
headers and footers); only these few values change from one report to the
next.  The 署名/日期 indents are computed here because where the signature
stands depends on the lengths of the signer and the date (GB/T 9704 7.3.5.2).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any, Final

from markupsafe import Markup

from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.xml import escape
from govreport.xmlchars import check_text

#: The names a template may use.
VARIABLES: Final[Mapping[str, str]] = {
    "body": "报告正文（必需，写作 {{p body }}）",
    "title_lines": "标题各行（机关名称、“YYYY年政府信息公开工作年度报告”）",
    "title": "报告全称",
    "organ": "机关名称",
    "signer": "发文机关署名",
    "date": "成文日期（2025年1月20日）",
    "signature": "是否显示署名和成文日期（真/假）",
}
#: Set by the renderer on the 署名 and 日期 paragraphs (GB/T 9704 7.3.5.2).
INDENT_VARIABLES: Final = (
    "signer_indent",
    "signer_indent_chars",
    "date_indent",
    "date_indent_chars",
)


def text_width(text: str) -> float:
    """Width in body characters: hanzi count 1, digits and Latin ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def signature_indents(signer: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of 署名 and 成文日期, GB/T 9704 7.3.5.2.

    The 署名 stands two characters from the right; the date starts two
    characters right of the 署名's first character.  A date longer than that
    allows stands two characters from the right and pushes the 署名 left.
    """
    ls, ld = text_width(signer), text_width(date)
    date_right = ls - ld
    if date_right >= 2:
        return 2.0, date_right
    return 4 + ld - ls, 2.0


def _value(text: str, where: str) -> str:
    """A shell value: checked, and with line breaks kept (docxtpl's listing behaviour)."""
    check_text(text, where)
    if "\n" not in text and "\t" not in text:
        return text
    xml = escape(text).replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return Markup(xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">'))


def shell_context(
    *,
    title_lines: tuple[str, ...],
    title: str,
    organ: str,
    signer: str,
    date: str,
    signature: bool,
    settings: DocxSettings,
) -> dict[str, Any]:
    signer_right, date_right = signature_indents(signer, date)
    width = settings.char_width()
    return {
        "title_lines": [_value(t, "标题") for t in title_lines],
        "title": _value(title, "标题"),
        "organ": _value(organ, "机关名称"),
        "signer": _value(signer, "署名"),
        "date": _value(date, "成文日期"),
        "signature": signature,
        "signer_indent": round(signer_right * width),
        "signer_indent_chars": round(signer_right * 100),
        "date_indent": round(date_right * width),
        "date_indent_chars": round(date_right * 100),
    }
