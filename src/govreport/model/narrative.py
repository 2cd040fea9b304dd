"""The narrative sections: 一、总体情况, 五 and 六."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govreport.model._validators import (
    amount_field,
    enum_field,
    records_field,
    text_field,
    texts_field,
)
from govreport.model.errors import placed


@placed("", shared=True)
@attrs.frozen(kw_only=True)
class TextPart:
    """A part of a section under the agency's own sub-heading, printed as written.

    ``heading`` is printed verbatim, numbering included (``（一）主动公开情况``);
    an empty heading is text before the first sub-heading.  ``text`` holds
    paragraphs separated by line breaks.
    """

    heading: str = text_field()
    text: str = text_field()


@placed("overview")
@attrs.frozen(kw_only=True)
class Overview:
    """一、总体情况: free intro text, then the five customary sub-parts.

    An empty sub-part is left out of the document.  ``parts`` holds sub-parts
    under the agency's own headings (any wording, any number, as an imported
    report printed them); they follow the customary ones.
    """

    intro: str = text_field()
    proactive: str = text_field()  # （一）主动公开
    on_request: str = text_field()  # （二）依申请公开
    information_management: str = text_field()  # （三）政府信息管理
    platforms: str = text_field()  # （四）政府信息公开平台建设
    supervision: str = text_field()  # （五）监督保障
    parts: tuple[TextPart, ...] = records_field(TextPart)


class ListStyle(enum.Enum):
    """How 五's lists are printed."""

    ENUMERATED = "enumerated"  # 一是……；二是……。 run into one paragraph
    PARAGRAPHS = "paragraphs"  # one paragraph per item


@placed("problems")
@attrs.frozen(kw_only=True)
class ProblemsAndImprovements:
    """五、存在的主要问题及改进情况.

    Either as lists (``problems``, ``improvements``: numbered 一是……二是……
    when printed), or as written (``parts``: the agency's own sub-headings and
    paragraphs, printed verbatim, as an imported report has them).  When both
    are given the lists come first.
    """

    problems_intro: str = text_field()
    problems: tuple[str, ...] = texts_field()
    improvements_intro: str = text_field()
    improvements: tuple[str, ...] = texts_field()
    style: ListStyle = enum_field(ListStyle, default=ListStyle.ENUMERATED)
    parts: tuple[TextPart, ...] = records_field(TextPart)


@placed("other")
@attrs.frozen(kw_only=True)
class OtherMatters:
    """六、其他需要报告的事项, with the 信息处理费 (国办函〔2020〕109号) in 元.

    ``processing_fee`` also takes an int, a float (converted by its repr:
    ``0.5`` → ``Decimal("0.5")``) or a number in text (``"0.5"``).
    """

    text: str = text_field()
    processing_fee: Decimal = amount_field()
