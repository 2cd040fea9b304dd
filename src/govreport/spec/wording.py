"""How the report writes dates, amounts and the fee sentence: conventions, not layout.

The document writes them and the rules quote them in their messages (S1 shows
the sentence the builder will add; DATE1–3 show dates as the report prints
them), so they live here, at the bottom of the import graph, rather than in
the document layer the rules must not import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from govreport.limits import MAX_ECHO_CHARS

#: 六 customarily states this fee (国办函〔2020〕109号); the builder adds a
#: sentence when the text does not, and rule S1 says so.
FEE_TERM: Final = "信息处理费"


def official_date(d: date) -> str:
    """GB/T 9704 7.3.5.4: full year, no zero padding: 2025年1月20日."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_number(value: int | Decimal) -> str:
    """Counts as digits; money exactly as given (``18651.06``, never ``18651.060000001``)."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def fee_sentence(year: int, fee: int | Decimal) -> str:
    """The sentence on the 信息处理费 of ``year``, stated even when nothing was charged."""
    if fee == 0:
        return f"{year}年度，本机关未收取{FEE_TERM}。"
    return f"{year}年度，本机关共收取{FEE_TERM}{format_number(fee)}元。"


#: Characters that would break a one-line message or the terminal showing it:
#: C0/C1 controls (a newline, an escape sequence) and Unicode line separators.
_UNPRINTABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]  # \n, \x1b, \u2028


def clip(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """``text`` as echoed in a message: on one line, cut after ``limit`` characters.

    A cut text states its length; a line break or control character shows as
    its escape (``\\n``), so that one problem stays one line of output.
    """
    shown = _UNPRINTABLE.sub(_escaped, text[:limit])
    if len(text) <= limit:
        return shown
    return f"{shown}…（共 {len(text)} 字）"


def text_of(value: object) -> str:
    """``str(value)``, except for an integer too long for ``str()`` (over 4,300 digits)."""
    if isinstance(value, int) and value.bit_length() > 4 * MAX_ECHO_CHARS:
        return f"<约 {int(value.bit_length() * 0.30103) + 1} 位的整数>"
    return str(value)


def _integer(value: int) -> str:
    # str() of an int over 4,300 digits raises ValueError; its size is what matters.
    if value.bit_length() > 4 * MAX_ECHO_CHARS:
        return f"整数（约 {int(value.bit_length() * 0.30103) + 1} 位）"
    return f"整数 {clip(str(value))}"


def describe(value: object, *, python: bool = False) -> str:
    """What was found, in Chinese, for "实际为…" messages: ``字符串 "12"``, ``整数 3``.

    Data-file messages spell literals as YAML does (``空值``, ``true``); with
    ``python=True`` (a model constructor's caller) as Python does (``None``,
    ``True``, a float's repr, a mapping's keys, an object's repr).
    """
    if value is None:
        return "空值 None" if python else "空值"
    if isinstance(value, bool):
        return f"布尔值 {value if python else str(value).lower()}"
    if isinstance(value, int):
        return _integer(value)
    if isinstance(value, Decimal) and value.as_tuple().exponent == 0:
        return f"整数 {clip(str(value))}"  # a whole number too long for int()
    if isinstance(value, float) and python:
        return f"小数 {value!r}"
    if isinstance(value, Decimal | float):
        return f"小数 {clip(str(value))}"
    if isinstance(value, str):
        return f'字符串 "{clip(value)}"'
    if isinstance(value, datetime):
        return f"日期时间 {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, Mapping):
        if not python:
            return "键值映射"
        keys = clip("、".join(clip(str(k)) for k in list(value)[:MAX_ECHO_CHARS]))
        return f"键值映射（键：{keys}）" if keys else "空的键值映射"
    if isinstance(value, list | tuple):
        return f"列表（{len(value)}项）"
    return f"{type(value).__name__} {clip(repr(value))}" if python else type(value).__name__
