"""Section headings of the report, verbatim from 国办公开办函〔2021〕30号.

Titles are stored without their ordinal: the document layer numbers sections
by position (一、二、…), so a plugin that inserts or replaces a section never
has to renumber the others by hand.
"""

from __future__ import annotations

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
    """1 → 一, 11 → 十一, 20 → 二十 (enough for any report's sections)."""
    if not 1 <= n <= 99:
        raise ValueError(f"ordinal out of range: {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ORDINALS[tens - 1] + "十")
    return head + ("" if ones == 0 else _ORDINALS[ones - 1])


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
