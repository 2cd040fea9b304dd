"""Table 四 — 政府信息公开行政复议、行政诉讼情况."""

from __future__ import annotations

import attrs

from govreport.model._validators import count_field, record_field
from govreport.model.errors import placed


@placed("review_litigation.review", shared=True)
@attrs.frozen(kw_only=True)
class Outcomes:
    """结果维持 / 结果纠正 / 其他结果 / 尚未审结, with the computed 总计 (R4)."""

    upheld: int = count_field()
    corrected: int = count_field()
    other: int = count_field()
    pending: int = count_field()

    @property
    def total(self) -> int:
        return self.upheld + self.corrected + self.other + self.pending


@placed("review_litigation")
@attrs.frozen(kw_only=True)
class ReviewLitigation:
    review: Outcomes = record_field(Outcomes)  # 行政复议
    litigation_direct: Outcomes = record_field(Outcomes)  # 未经复议直接起诉
    litigation_after_review: Outcomes = record_field(Outcomes)  # 复议后起诉

    @property
    def litigation_total(self) -> int:
        """All 行政诉讼 cases, as narratives quote them."""
        return self.litigation_direct.total + self.litigation_after_review.total
