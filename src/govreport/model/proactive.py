"""Table 二 — 主动公开政府信息情况."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govreport.model._validators import amount_field, count_field, record_field
from govreport.model.errors import placed


@placed("proactive.rules", shared=True)
@attrs.frozen(kw_only=True)
class DocumentCounts:
    """第二十条第（一）项: one row of 规章 or 行政规范性文件."""

    issued: int = count_field()  # 本年制发件数
    repealed: int = count_field()  # 本年废止件数
    in_force: int = count_field()  # 现行有效件数


@placed("proactive")
@attrs.frozen(kw_only=True)
class ProactiveDisclosure:
    """The ten values of table 二."""

    rules: DocumentCounts = record_field(DocumentCounts)
    normative_documents: DocumentCounts = record_field(DocumentCounts)
    licensing: int = count_field()  # 第二十条第（五）项 行政许可
    punishment: int = count_field()  # 第二十条第（六）项 行政处罚
    coercion: int = count_field()  # 第二十条第（六）项 行政强制
    #: 第二十条第（八）项 行政事业性收费, in 万元, printed exactly as given.
    fees: Decimal = amount_field()
