"""Find the counts a hand-written narrative quotes: 收到申请N件, 结转N件, 行政复议N起 …

Deliberately narrow: a count is attributed to a quantity only when the words
right before it (or, for 结转, right after it) clearly name that quantity, in
the same clause.  A miss costs a warning nobody sees; a false attribution
costs a civil servant's time, so when in doubt this module says nothing.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "[零〇一二两三四五六七八九十百千万]+"

#: A count: digits (ASCII or full-width, after normalising) or Chinese numerals, then 件/起.
_COUNT = re.compile(rf"(?<![\d.])(\d+|{_CN_NUMBER})(件|起)")
_CLAUSE_BREAK = re.compile(r"[。；;！!？?\n，,、：:（）()【】\[\]]")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

#: Words that make the count approximate or a comparison, not the table's figure.
_APPROXIMATE = re.compile(r"(约|近|超过|超|逾|不足|大约|将近|余|多|增加|减少|增长|下降|第)$")
_COMPARISON = re.compile(r"同比|较上年|比上年|上年同期|较去年|比去年")

_FILLER = "(?:共计|合计|总计|累计|共|为|有|达|计)*"
_VERB = "(?:收到|新收|受理|接收|办理|收悉)"
_QUALIFIER = "(?:了|各类|的|共计|合计|总计|累计|共|依|政府信息公开|信息公开|公开|新)*"
_APPLICATION_AFTER = re.compile(rf"{_VERB}{_QUALIFIER}申请(?:公开)?件?(?:数量|数)?{_FILLER}$")
_APPLICATION_VERB_BEFORE = re.compile(rf"{_VERB}(?:了)?{_FILLER}$")
_APPLICATION_NOUN_AFTER = re.compile(rf"^{_QUALIFIER}申请")
_COMPLETED = re.compile(rf"办结(?:了)?{_QUALIFIER}(?:申请)?(?:件)?{_FILLER}$")
_REVIEW = re.compile(rf"行政复议(?:案件|案)?(?:数量|数)?{_FILLER}$")
_LITIGATION = re.compile(rf"行政诉讼(?:案件|案)?(?:数量|数)?{_FILLER}$")
_CARRIED_BEFORE = re.compile(r"结转[^件起]{0,15}$")
_CARRIED_AFTER = re.compile(r"^(?:申请)?(?:为|被|需)?结转")


class Quantity(enum.Enum):
    """A table figure a narrative may quote."""

    APPLICATIONS = "applications"  # 收到/新收/受理/办理…申请: 新收, or 新收 + 上年结转
    COMPLETED = "completed"  # 办结: （七）总计
    CARRIED = "carried"  # 结转: direction below
    REVIEW = "review"  # 行政复议 总计
    LITIGATION = "litigation"  # 行政诉讼: both kinds together


class Direction(enum.Enum):
    """For 结转: from last year (二) or into next year (四); UNKNOWN accepts either."""

    OVER = "over"
    FORWARD = "forward"
    UNKNOWN = "unknown"


@attrs.frozen
class Quote:
    quantity: Quantity
    value: int
    clause: str  # the clause it was found in, for the message
    direction: Direction = Direction.UNKNOWN


def chinese_number(text: str) -> int:
    """十七 → 17, 二百一十八 → 218, 二〇二四 → 2024, 一万零五 → 10005."""
    if all(ch in _CN_DIGITS for ch in text):  # digit by digit, like a year
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch == "万":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            section += (digit or 1) * _CN_UNITS[ch]  # 十七: the leading 一 is implied
            digit = 0
    return total + section + digit


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text)


def _direction(context: str, year: int) -> Direction:
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})年", context)]
    back = re.search(r"上一?年|去年", context) is not None or any(y < year for y in years)
    ahead = re.search(r"下一?年|明年|次年|继续办理", context) is not None or any(
        y > year for y in years
    )
    if back == ahead:
        return Direction.UNKNOWN
    return Direction.OVER if back else Direction.FORWARD


def _classify(lead: str, tail: str, year: int) -> tuple[Quantity, Direction] | None:
    # Order matters: 行政复议/行政诉讼 and 结转 are more specific than 申请,
    # e.g. 办理因政府信息公开申请引发的行政复议36起 is a review count.
    if _REVIEW.search(lead):
        return Quantity.REVIEW, Direction.UNKNOWN
    if _LITIGATION.search(lead):
        return Quantity.LITIGATION, Direction.UNKNOWN
    if _CARRIED_BEFORE.search(lead) or _CARRIED_AFTER.search(tail):
        return Quantity.CARRIED, _direction(lead + tail, year)
    if _COMPLETED.search(lead):
        return Quantity.COMPLETED, Direction.UNKNOWN
    if _APPLICATION_AFTER.search(lead) or (
        _APPLICATION_VERB_BEFORE.search(lead) and _APPLICATION_NOUN_AFTER.search(tail)
    ):
        return Quantity.APPLICATIONS, Direction.UNKNOWN
    return None


def _other_year(clause: str, year: int) -> bool:
    """A clause about another year (e.g. a comparison with 2023) quotes no figure of ours."""
    return any(int(y) != year for y in re.findall(r"(?<!\d)(\d{4})年(?!\d)", clause))


def quotes(text: str, year: int) -> Iterator[Quote]:
    """Every count in ``text`` clearly attributable to a table figure of ``year``'s report."""
    for clause in _CLAUSE_BREAK.split(text.translate(_FULL_WIDTH)):
        if _COMPARISON.search(clause):
            continue
        matches = list(_COUNT.finditer(clause))
        for i, m in enumerate(matches):
            start = matches[i - 1].end() if i else 0
            stop = matches[i + 1].start() if i + 1 < len(matches) else len(clause)
            lead, tail = clause[start : m.start()], clause[m.end() : stop]
            if _APPROXIMATE.search(lead) or tail.startswith(("余", "多", "左右")):
                continue
            found = _classify(lead, tail, year)
            if found is None:
                continue
            quantity, direction = found
            # 结转至2026年 names next year on purpose; elsewhere another year
            # means the clause is about something else.
            if quantity is not Quantity.CARRIED and _other_year(clause, year):
                continue
            yield Quote(quantity, _number(m.group(1)), clause.strip(), direction)
