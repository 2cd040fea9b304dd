"""The numbers of the report under validation, each computed once (:class:`Numbers`).

R1 reads every cell, R2 and R3 read （七）总计 once per column, the narrative
rules read the totals they quote: one :class:`~govreport.model.Numbers` per
report lets them all share what was fetched and computed.
"""

from __future__ import annotations

from govreport.model import AnnualReport, Numbers

#: The last report's numbers: the rules of one validation all ask about the same
#: report, one after the other.  One entry, so memory stays flat over a batch.
_last: list[tuple[AnnualReport, Numbers] | None] = [None]


def values_of(report: AnnualReport) -> Numbers:
    """The memoised numbers of ``report`` (shared by every rule of one validation)."""
    last = _last[0]  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is report:
        return last[1]
    values = Numbers(report)
    _last[0] = (report, values)
    return values
