"""Table 三 — 收到和处理政府信息公开申请情况."""

from __future__ import annotations

from typing import Any

import attrs

from govreport.model._validators import record_field
from govreport.model.counts import ApplicantCounts, RowGroup, RowTotal, row_field, sum_rows
from govreport.model.errors import placed


def _row() -> Any:
    return row_field()


@placed("applications.results.withheld")
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


@placed("applications.results.unavailable")
@attrs.frozen(kw_only=True)
class Unavailable(RowGroup):
    """（四）无法提供."""

    not_held: ApplicantCounts = _row()
    requires_creation: ApplicantCounts = _row()
    unclear_after_correction: ApplicantCounts = _row()


@placed("applications.results.not_processed")
@attrs.frozen(kw_only=True)
class NotProcessed(RowGroup):
    """（五）不予处理."""

    complaints: ApplicantCounts = _row()
    repeated: ApplicantCounts = _row()
    publications: ApplicantCounts = _row()
    excessive_repeated: ApplicantCounts = _row()
    confirmation: ApplicantCounts = _row()


@placed("applications.results.other_handling")
@attrs.frozen(kw_only=True)
class OtherHandling(RowGroup):
    """（六）其他处理."""

    not_corrected: ApplicantCounts = _row()
    fee_unpaid: ApplicantCounts = _row()
    other: ApplicantCounts = _row()


@placed("applications.results")
@attrs.frozen(kw_only=True)
class Results:
    """三、本年度办理结果."""

    disclosed: ApplicantCounts = _row()
    partially_disclosed: ApplicantCounts = _row()
    withheld: Withheld = record_field(Withheld)
    unavailable: Unavailable = record_field(Unavailable)
    not_processed: NotProcessed = record_field(NotProcessed)
    other_handling: OtherHandling = record_field(OtherHandling)

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
    def total_row(self) -> ApplicantCounts:
        """The （七）总计 row (rule R2): the sum of every result row, never stored."""
        return sum_rows(counts for _, counts in self.outcomes())

    @property
    def total(self) -> RowTotal:
        """（七）总计: the number of applications handled to a result, like ``received.total``.

        An ``int`` (the row's 总计 column) that still exposes the row's cells,
        so ``results.total.natural_person`` and ``results.total.total`` keep
        resolving; use :attr:`total_row` for the row itself.
        """
        return RowTotal(self.total_row)


@placed("applications")
@attrs.frozen(kw_only=True)
class Applications:
    """The whole of table 三."""

    received: ApplicantCounts = _row()
    carried_over: ApplicantCounts = _row()
    results: Results = record_field(Results)
    carried_forward: ApplicantCounts = _row()

    @property
    def handled(self) -> ApplicantCounts:
        """新收 + 上年结转: what narratives often call 收到 (left side of R3)."""
        return self.received + self.carried_over

    @property
    def accounted(self) -> ApplicantCounts:
        """（七）总计 + 结转下年度 (right side of R3)."""
        return self.results.total_row + self.carried_forward
