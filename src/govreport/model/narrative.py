"""The narrative sections: 一、总体情况, 五 and 六."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govreport.model._validators import amount_field, enum_field, text_field, texts_field
from govreport.model.errors import placed


@placed("overview")
@attrs.frozen(kw_only=True)
class Overview:
    """一、总体情况: free intro text, then the five customary sub-parts.

    An empty sub-part is left out of the document.
    """

    intro: str = text_field()
    proactive: str = text_field()  # （一）主动公开
    on_request: str = text_field()  # （二）依申请公开
    information_management: str = text_field()  # （三）政府信息管理
    platforms: str = text_field()  # （四）政府信息公开平台建设
    supervision: str = text_field()  # （五）监督保障


class ListStyle(enum.Enum):
    """How 五's lists are printed."""

    ENUMERATED = "enumerated"  # 一是……；二是……。 run into one paragraph
    PARAGRAPHS = "paragraphs"  # one paragraph per item


@placed("problems")
@attrs.frozen(kw_only=True)
class ProblemsAndImprovements:
    """五、存在的主要问题及改进情况."""

    problems_intro: str = text_field()
    problems: tuple[str, ...] = texts_field()
    improvements_intro: str = text_field()
    improvements: tuple[str, ...] = texts_field()
    style: ListStyle = enum_field(ListStyle, default=ListStyle.ENUMERATED)


@placed("other")
@attrs.frozen(kw_only=True)
class OtherMatters:
    """六、其他需要报告的事项, with the 信息处理费 (国办函〔2020〕109号) in 元.

    ``processing_fee`` also takes an int, a float (converted by its repr:
    ``0.5`` → ``Decimal("0.5")``) or a number in text (``"0.5"``).
    """

    text: str = text_field()
    processing_fee: Decimal = amount_field()
