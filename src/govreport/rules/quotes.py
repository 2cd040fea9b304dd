"""Find the counts a narrative quotes: 收到申请N件, 结转N件, 行政复议N起, 制发行政规范性文件N件 …

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

from govreport.spec.wording import THOUSANDS, plain_figures

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERALS = "零〇一二两三四五六七八九十百千万"

#: A count: digits (after :func:`plain_figures`) or Chinese numerals, then 件/起.
#: Neither kind starts inside a run of its own kind: 300,000 一 before 元 must
#: not be tried from each of its characters (quadratic: minutes).
_COUNT = re.compile(
    rf"(?:(?<![\d.])(?P<digits>\d+)|(?<![{_CN_NUMERALS}])(?P<numeral>[{_CN_NUMERALS}]+))(件|起)"
)
#: Clauses end at these, and at a comma that is not a thousands separator (1,234件).
_CLAUSE_BREAK = re.compile(rf"[。；;！!？?\n、：:（）()【】\[\]]|(?!{THOUSANDS.pattern})[,，]")

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

#: Table 二's document rows, named right before the count after a verb that
#: says which column: a few words between (印发区政府行政规范性文件), no title.
_GAP = "[^\\d《》〈〉“”件起]{0,10}?"
_DOCUMENT = "(?:规章|规范性文件)"
_DOCUMENT_VERBS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(rf"(?:制发|印发|出台|制定|新增){_GAP}{_DOCUMENT}{_FILLER}$"), ("issued",)),
    (re.compile(rf"(?:废止|宣布失效){_GAP}{_DOCUMENT}{_FILLER}$"), ("repealed",)),
    (
        re.compile(rf"(?:现行有效{_GAP}{_DOCUMENT}|{_DOCUMENT}{_GAP}现行有效){_FILLER}$"),
        ("in_force",),
    ),
    # 主动公开规章13件: this year's, or all in force; either is right.
    (re.compile(rf"(?:公开|发布){_GAP}{_DOCUMENT}{_FILLER}$"), ("issued", "in_force")),
)
#: 依申请公开 is table 三's; 党内规范性文件 are not the government's.
_NOT_TABLE_2 = re.compile("申请|党内")


class Quantity(enum.Enum):
    """A table figure a narrative may quote."""

    APPLICATIONS = "applications"  # 收到/新收/受理/办理…申请: 新收, or 新收 + 上年结转
    COMPLETED = "completed"  # 办结: （七）总计
    CARRIED = "carried"  # 结转: direction below
    REVIEW = "review"  # 行政复议 总计
    LITIGATION = "litigation"  # 行政诉讼: both kinds together
    RULES = "rules"  # 规章 (table 二): columns in Quote.columns
    NORMATIVE_DOCUMENTS = "normative_documents"  # 行政规范性文件 (table 二), likewise


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
    #: For 规章 and 行政规范性文件: the columns of table 二 the verb may mean
    #: (``issued``, ``repealed``, ``in_force``); any of them is right.
    columns: tuple[str, ...] = ()


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


def _document(lead: str) -> tuple[Quantity, tuple[str, ...]] | None:
    """规章 or 行政规范性文件 and the columns the verb names, if the lead names one."""
    if _NOT_TABLE_2.search(lead):
        return None
    for pattern, columns in _DOCUMENT_VERBS:
        said = pattern.search(lead)
        if said is None:
            continue
        rules, normative = "规章" in said.group(), "规范性文件" in said.group()
        if rules == normative:  # 制发规章和行政规范性文件15件: two rows at once
            return None
        return (Quantity.RULES if rules else Quantity.NORMATIVE_DOCUMENTS), columns
    return None


def _classify(lead: str, tail: str, year: int) -> Quote | None:
    """What the count between ``lead`` and ``tail`` is (value and clause left at 0 and "")."""
    # Order matters: 行政复议/行政诉讼 and 结转 are more specific than 申请,
    # e.g. 办理因政府信息公开申请引发的行政复议36起 is a review count.
    if _REVIEW.search(lead):
        return Quote(Quantity.REVIEW, 0, "")
    if _LITIGATION.search(lead):
        return Quote(Quantity.LITIGATION, 0, "")
    document = _document(lead)
    if document is not None:
        return Quote(document[0], 0, "", columns=document[1])
    if _CARRIED_BEFORE.search(lead) or _CARRIED_AFTER.search(tail):
        return Quote(Quantity.CARRIED, 0, "", _direction(lead + tail, year))
    if _COMPLETED.search(lead):
        return Quote(Quantity.COMPLETED, 0, "")
    if _APPLICATION_AFTER.search(lead) or (
        _APPLICATION_VERB_BEFORE.search(lead) and _APPLICATION_NOUN_AFTER.search(tail)
    ):
        return Quote(Quantity.APPLICATIONS, 0, "")
    return None


def _other_year(clause: str, year: int) -> bool:
    """A clause about another year (e.g. a comparison with 2023) quotes no figure of ours."""
    return any(int(y) != year for y in re.findall(r"(?<!\d)(\d{4})年(?!\d)", clause))


def quotes(text: str, year: int) -> Iterator[Quote]:
    """Every count in ``text`` clearly attributable to a table figure of ``year``'s report.

    Figures are read however they are typeset (``申请 17 件``, ``１７件``,
    ``1,234件``); each quote keeps its clause as printed, for the message.
    """
    for printed in _CLAUSE_BREAK.split(text):
        if "件" not in printed and "起" not in printed:
            continue  # no count: most clauses, read at no cost
        clause = plain_figures(printed)
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
            # 结转至2026年 names next year on purpose; elsewhere another year
            # means the clause is about something else.
            if found.quantity is not Quantity.CARRIED and _other_year(clause, year):
                continue
            value = _number(m.group("digits") or m.group("numeral"))
            yield attrs.evolve(found, value=value, clause=printed.strip())
