"""Table 三 — 收到和处理政府信息公开申请情况."""

from __future__ import annotations

from typing import Any

import attrs

from govreport.model.counts import ApplicantCounts, RowGroup, sum_rows


def _row() -> Any:
    return attrs.field(factory=ApplicantCounts)


@attrs.frozen(kw_only=True)
class Withheld(RowGroup):
    """（三）不予公开."""

    state_secret: ApplicantCounts = _row()
    prohibited_by_law: ApplicantCounts = _row()
    endangers_stability: ApplicantCounts = _row()
    third_party_rights: ApplicantCounts = _row()
    internal_affairs: ApplicantCounts = _row()
    process_information: ApplicantCounts = _row()
    enforcement_case_files: ApplicantCounts = _row()
    query_matters: ApplicantCounts = _row()


@attrs.frozen(kw_only=True)
class Unavailable(RowGroup):
    """（四）无法提供."""

    not_held: ApplicantCounts = _row()
    requires_creation: ApplicantCounts = _row()
    unclear_after_correction: ApplicantCounts = _row()


@attrs.frozen(kw_only=True)
class NotProcessed(RowGroup):
    """（五）不予处理."""

    complaints: ApplicantCounts = _row()
    repeated: ApplicantCounts = _row()
    publications: ApplicantCounts = _row()
    excessive_repeated: ApplicantCounts = _row()
    confirmation: ApplicantCounts = _row()


@attrs.frozen(kw_only=True)
class OtherHandling(RowGroup):
    """（六）其他处理."""

    not_corrected: ApplicantCounts = _row()
    fee_unpaid: ApplicantCounts = _row()
    other: ApplicantCounts = _row()


@attrs.frozen(kw_only=True)
class Results:
    """三、本年度办理结果."""

    disclosed: ApplicantCounts = _row()
    partially_disclosed: ApplicantCounts = _row()
    withheld: Withheld = attrs.field(factory=Withheld)
    unavailable: Unavailable = attrs.field(factory=Unavailable)
    not_processed: NotProcessed = attrs.field(factory=NotProcessed)
    other_handling: OtherHandling = attrs.field(factory=OtherHandling)

    def outcomes(self) -> tuple[tuple[str, ApplicantCounts], ...]:
        """（一）–（六） in order: each field name with its row, or its group's subtotal."""
        return (
            ("disclosed", self.disclosed),
            ("partially_disclosed", self.partially_disclosed),
            ("withheld", self.withheld.subtotal),
            ("unavailable", self.unavailable.subtotal),
            ("not_processed", self.not_processed.subtotal),
            ("other_handling", self.other_handling.subtotal),
        )

    @property
    def total(self) -> ApplicantCounts:
        """（七）总计 (rule R2): computed from every result row, never stored."""
        return sum_rows(counts for _, counts in self.outcomes())


@attrs.frozen(kw_only=True)
class Applications:
    """The whole of table 三."""

    received: ApplicantCounts = _row()
    carried_over: ApplicantCounts = _row()
    results: Results = attrs.field(factory=Results)
    carried_forward: ApplicantCounts = _row()

    @property
    def handled(self) -> ApplicantCounts:
        """新收 + 上年结转: what narratives often call 收到 (left side of R3)."""
        return self.received + self.carried_over

    @property
    def accounted(self) -> ApplicantCounts:
        """（七）总计 + 结转下年度 (right side of R3)."""
        return self.results.total + self.carried_forward
