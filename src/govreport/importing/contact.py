"""The contact details and website a report's opening paragraphs give.

``如对本报告有疑问，请与XX联系（地址：……，邮编：223001，电话：0517-83605210，
传真：……，电子邮箱：……）`` and ``本报告电子版可在“中国上海”门户网站
（www.shanghai.gov.cn）下载``.  Each value is kept as printed.
"""

from __future__ import annotations

import re
from typing import Final

_DIGIT: Final = "0-9０-９"
_FIELDS: Final[dict[str, re.Pattern[str]]] = {
    "address": re.compile(
        r"(?:通讯地址|通信地址|联系地址|办公地址|地址)\s*[:：]\s*([^，,；;。）)\n]+)"
    ),
    "postcode": re.compile(rf"(?:邮政编码|邮编)\s*[:：]?\s*([{_DIGIT}]{{6}})(?![{_DIGIT}])"),
    "phone": re.compile(
        rf"(?<!传真)(?:联系电话|咨询电话|办公电话|电话)(?:号码)?\s*[:：]?\s*"
        rf"([(（]?[{_DIGIT}][{_DIGIT}\-－—()（） ]*[{_DIGIT}]"
        rf"(?:\s*[、/或]\s*[{_DIGIT}][{_DIGIT}\-－— ]*[{_DIGIT}])*)"
    ),
    "fax": re.compile(
        rf"传真(?:电话|号码)?\s*[:：]?\s*([(（]?[{_DIGIT}][{_DIGIT}\-－—()（） ]*[{_DIGIT}])"
    ),
    "email": re.compile(
        r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail|Email)\s*[:：]?\s*"
        r"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)",
        re.I,
    ),
}
_WEBSITE: Final = re.compile(
    r"(https?://[A-Za-z0-9.\-]+(?:/[A-Za-z0-9._~%/\-?=&#]*)?|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"
)


def contact_of(text: str) -> dict[str, str]:
    """address, postcode, phone, email and fax found in ``text`` ("" for each not given)."""
    out: dict[str, str] = {}
    for key, pattern in _FIELDS.items():
        m = pattern.search(text)
        out[key] = m.group(1).strip() if m else ""
    return out


def website_of(text: str) -> str:
    """The first web address in ``text``, as printed ("" for none)."""
    m = _WEBSITE.search(text)
    return m.group(1).rstrip(".") if m else ""
