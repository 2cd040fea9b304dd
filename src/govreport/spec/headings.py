"""Section headings of the report, verbatim from 国办公开办函〔2021〕30号.

Titles are stored without their ordinal: the document layer numbers sections
by position (一、二、…), so a plugin that inserts or replaces a section never
has to renumber the others by hand.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from govreport.spec.labels import Labels, label_set

#: The six official sections, in order: ``SECTIONS.of("other").text`` → ``其他需要报告的事项``.
SECTIONS: Final[Labels] = label_set(
    ("overview", "总体情况"),
    ("proactive", "主动公开政府信息情况"),
    ("applications", "收到和处理政府信息公开申请情况"),
    ("review_litigation", "政府信息公开行政复议、行政诉讼情况"),
    ("problems", "存在的主要问题及改进情况"),
    ("other", "其他需要报告的事项"),
)

#: The five customary sub-parts of 一、总体情况, in order.
OVERVIEW_PARTS: Final[Labels] = label_set(
    ("proactive", "主动公开"),
    ("on_request", "依申请公开"),
    ("information_management", "政府信息管理"),
    ("platforms", "政府信息公开平台建设"),
    ("supervision", "监督保障"),
)

TITLE_SUFFIX: Final = "年政府信息公开工作年度报告"

_ORDINALS: Final = "一二三四五六七八九十"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十, 101 → 一百零一, 1010 → 一千零一十, 10001 → 一万零一.

    Any positive count: a section-五 list or a plugin's numbering may run past
    99, and a render must not fail on the number of items it is given.
    """
    if n < 1:
        raise ValueError(f"ordinal out of range: {n}")
    text = _chinese_number(n)
    # 十一 rather than 一十一, but only at the start: 一百一十 keeps its 一.
    return text[1:] if text.startswith("一十") else text


_OWN_ORDINAL: Final = re.compile(r"^\s*([一二三四五六七八九十百]+)是")


def own_ordinal(item: str) -> int | None:
    """The number an item of 五 carries itself (``二是加强……`` → 2), or None.

    Real reports type the 一是、二是 into each item; printing them as written
    (and a rule warning when the sequence is wrong) beats numbering them again.
    """
    m = _OWN_ORDINAL.match(item)
    if not m:
        return None
    return _ordinal_values().get(m.group(1))


@functools.cache
def _ordinal_values() -> dict[str, int]:
    """一 … 九十九 → their values, for :func:`own_ordinal`."""
    return {chinese_ordinal(n): n for n in range(1, 100)}


#: Units of the large groups, from the smallest: 10**4 is 万, 10**8 is 亿.
_GROUPS: Final = ((10**8, "亿"), (10**4, "万"))


def _chinese_number(n: int) -> str:
    for size, unit in _GROUPS:
        if n >= size:
            high, low = divmod(n, size)
            if low == 0:
                return f"{_chinese_number(high)}{unit}"
            # A gap inside the number is read as one 零: 一万零一, 一亿零五百.
            gap = "零" if low < size // 10 else ""
            return f"{_chinese_number(high)}{unit}{gap}{_chinese_number(low)}"
    return _below_10000(n)


def _below_10000(n: int) -> str:
    out: list[str] = []
    pending_zero = False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // power % 10
        if digit == 0:
            pending_zero = bool(out)  # a zero counts only after a digit was written
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_ORDINALS[digit - 1] + unit)
    return "".join(out)


def section_heading(position: int, title: str) -> str:
    """``section_heading(1, "总体情况")`` → ``一、总体情况``."""
    return f"{chinese_ordinal(position)}、{title}"


def subsection_heading(position: int, title: str) -> str:
    """``subsection_heading(2, "依申请公开")`` → ``（二）依申请公开``."""
    return f"（{chinese_ordinal(position)}）{title}"


@attrs.frozen
class OfficialHeading:
    """An official section's heading: ``heading("applications").text`` → ``三、收到和……``.

    ``number`` is the position in the official order.  (In a document with
    plugin sections the printed number may differ; labels and messages name
    the official section.)
    """

    key: str
    number: int
    title: str

    @property
    def ordinal(self) -> str:
        """``三`` for the third section."""
        return chinese_ordinal(self.number)

    @property
    def text(self) -> str:
        return section_heading(self.number, self.title)


def heading(key: str) -> OfficialHeading:
    """The official section ``key`` (``KeyError`` for a key that is not one of the six)."""
    label = SECTIONS.of(key)
    return OfficialHeading(key, SECTIONS.index(label) + 1, label.text)


def section_title(key: str) -> str:
    """``section_title("other")`` → ``其他需要报告的事项`` (no ordinal)."""
    return SECTIONS.of(key).text


def official_heading(key: str) -> str:
    """``official_heading("other")`` → ``六、其他需要报告的事项``; see :func:`heading`."""
    return heading(key).text
