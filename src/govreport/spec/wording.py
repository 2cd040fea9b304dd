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
from typing import Final, NamedTuple

from govreport.limits import MAX_ECHO_CHARS

#: 六 customarily states this fee (国办函〔2020〕109号); the builder adds a
#: sentence when the text does not (:func:`states_fee`), and rule S1 says so.
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


#: Spaces a typesetter or a Word export puts around figures (``申请 17 件``):
#: ASCII, no-break, ideographic, the fixed-width and thin spaces, the zero-width
#: ones.  Inside a Chinese clause none of them means anything.
_SPACES: Final = re.compile("[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_FULL_WIDTH: Final = str.maketrans("０１２３４５６７８９．", "0123456789.")
#: A thousands separator: ``1,234`` (or ``1，234``) is one figure.  Exactly three
#: digits must follow, so ``5,1234`` and ``12,3`` stay two figures.
THOUSANDS: Final = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


def plain_figures(text: str) -> str:
    """``text`` with its figures as plain ASCII digits: ``申请 １,２３４ 件`` → ``申请1234件``.

    Full-width digits become ASCII, spaces go (a space also groups thousands,
    ``1 234``) and so do thousands separators.  For reading figures, never for
    showing text: a message quotes the text as printed.
    """
    return THOUSANDS.sub("", _SPACES.sub("", text.translate(_FULL_WIDTH)))


class FeeStatement(NamedTuple):
    """One sentence of 六 that states the 信息处理费."""

    sentence: str  # as printed
    #: In 元: 0 for "未收取……", None when the fee is named without an amount.
    amount: Decimal | None


_SENTENCE_END: Final = re.compile(r"(?<=[。；;！!？?\n])")
#: A document's title names the fee without stating it: 《政府信息公开信息处理费管理办法》.
_TITLE: Final = re.compile(r"《[^《》]*》")
#: Only this name: 处理费 alone is also 污水处理费, 垃圾处理费.
_FEE: Final = "(?:信息处理费)"
#: Words before 收取 that negate it, as real reports write them.
_NOT: Final = "(?:不存在|没有|并未|均未|从未|未曾|暂无|未|无|不)"
_NO_FEE: Final = re.compile(
    "|".join(
        (
            # 未收取信息处理费, 没有收取信息处理费, 不存在收取信息处理费的情况,
            # 无收取信息处理费情况, 未产生信息处理费, 未向申请人收取任何费用
            rf"{_NOT}(?:向申请人|对申请人)?(?:依申请)?(?:收取|收|产生|发生|征收)"
            rf"(?:过|了|任何|相关|的)*(?:政府信息公开)?(?:{_FEE}|费用)",
            # 未发生收费情况, 无收费情况, 无信息处理费收取情况, 未发生收费, 未涉及收费事项
            rf"{_NOT}(?:发生|产生|存在|涉及)?(?:政府信息公开)?{_FEE}?(?:的)?(?:收取|收费)"
            "(?:的)?(?:情况|情形|行为|事项|现象)",
            rf"{_NOT}(?:发生|产生|涉及)(?:政府信息公开)?{_FEE}?(?:的)?(?:收取|收费)",
            # 免收信息处理费, 一律不收费, 零收费
            rf"免(?:收|予收取|于收取|除)(?:政府信息公开)?(?:{_FEE}|费用)",
            r"(?:均|一律|概)?不(?:予)?收费",
            r"(?:零|0)收费",
            # 信息处理费为零, 信息处理费收取情况：无
            rf"{_FEE}(?:的)?(?:收取)?(?:情况|金额|数额|总额)?(?:均|为|是|：|:)*(?:无|零)",
        )
    )
)
#: Words that make an amount a rate or a bound, not what was charged (收费标准为每件100元).
_NOT_CHARGED: Final = "(?!标准|每|按|超|以上|以下|起)"
_CHARGED: Final = rf"(?:{_FEE}|(?:收取|收缴|征收)(?:了)?(?:任何)?费用|收费(?:金额|总额|总计|合计)?)"
_AMOUNT: Final = r"(?P<n>\d+(?:\.\d+)?|零)(?P<unit>万?元)"
_AMOUNT_FIRST: Final = r"(?P<n2>\d+(?:\.\d+)?|零)(?P<unit2>万?元)"
_FEE_AMOUNT: Final = re.compile(
    # 收取信息处理费 3940 元, 信息处理费共计0元, 收取费用120元
    rf"{_CHARGED}(?:{_NOT_CHARGED}[^。；，,、\d]){{0,12}}?{_AMOUNT}"
    # 收取3940元信息处理费
    rf"|(?:收取|收)(?:了)?(?:共计|合计|总计|共|计)?{_AMOUNT_FIRST}(?:的)?(?:{_FEE}|费用)"
)
#: 六 may report 行政事业性收费 too: that is table 二's, not the 信息处理费.
_OTHER_CHARGES: Final = re.compile("行政事业性收费")


def _amount(match: re.Match[str]) -> Decimal:
    number = match.group("n") or match.group("n2")
    unit = match.group("unit") or match.group("unit2")
    value = Decimal(0) if number == "零" else Decimal(number)
    return value * 10000 if unit == "万元" else value


def fee_statements(text: str) -> list[FeeStatement]:
    """The sentences of ``text`` (六) that state the 信息处理费, in order.

    A sentence states it by an amount (``收取信息处理费 3940 元``), by saying
    none was charged in any of the ways real reports do (``未发生收费情况``,
    ``无收取信息处理费情况``, ``信息处理费0元``: amount 0), or by naming the
    fee outside a document's title (amount None).  ``《政府信息公开信息处理费
    管理办法》`` alone states nothing.
    """
    found: list[FeeStatement] = []
    for sentence in _SENTENCE_END.split(text):
        if "费" not in sentence:
            continue  # every way of stating it has 费 (信息处理费, 收费, 费用)
        plain = _OTHER_CHARGES.sub("□", _TITLE.sub("《》", plain_figures(sentence)))
        charged = _FEE_AMOUNT.search(plain)
        if charged is not None:
            found.append(FeeStatement(sentence.strip(), _amount(charged)))
        elif _NO_FEE.search(plain):
            found.append(FeeStatement(sentence.strip(), Decimal(0)))
        elif FEE_TERM in plain:
            found.append(FeeStatement(sentence.strip(), None))
    return found


def states_fee(text: str) -> bool:
    """Whether ``text`` (六, placeholders evaluated) states the 信息处理费.

    The one decision behind both rule S1 and the document, which adds
    :func:`fee_sentence` exactly when this is false: never a second sentence.
    """
    return bool(fee_statements(text))


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
