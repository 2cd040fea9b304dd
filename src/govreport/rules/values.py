"""The numbers of one report by dotted path, each computed once per validation.

The model computes every total itself (``results.total`` adds up some twenty
rows each time it is read), and the rules read the same totals again and
again: R2 and R3 read （七）总计 once per column, R1 and the narrative rules
once per cell.  :func:`values_of` answers :func:`govreport.model.resolve` for
a report with each intermediate object (a row, a group, a computed total)
fetched once, so validation pays for every total once instead of dozens of times.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from govreport.model import AnnualReport, ApplicantCounts, RowTotal

#: （七）总计, which the model adds up row by row through validated rows.
_RESULTS_TOTAL: Final = "applications.results.total"
_COLUMNS: Final = tuple(a.name for a in attrs.fields(ApplicantCounts))

Number = int | Decimal


class Values:
    """``values(path)`` is ``resolve(report, path)``, memoised by path prefix.

    Safe because a report is frozen: the same path always reads the same number.
    """

    __slots__ = ("_objects", "report")

    def __init__(self, report: AnnualReport) -> None:
        self.report = report
        self._objects: dict[str, object] = {"": report}

    def object_at(self, path: str) -> object:
        """The row, group or number at ``path`` ("" for the report itself)."""
        try:
            return self._objects[path]
        except KeyError:
            head, _, name = path.rpartition(".")
            if path == _RESULTS_TOTAL:
                value: object = _results_total(self.object_at(head))
            else:
                value = getattr(self.object_at(head), name)
            self._objects[path] = value
            return value

    def __call__(self, path: str) -> Number:
        value = self.object_at(path)
        # As resolve() does: a path that names a row or a group is a caller's mistake.
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise TypeError(f"{path} is not a number: {value!r}")
        return value


def _rows(record: object) -> list[ApplicantCounts]:
    """Every row stored in ``record`` (a row itself, or a group of rows and groups)."""
    if isinstance(record, ApplicantCounts):
        return [record]
    fields = attrs.fields(type(record))  # type: ignore[arg-type]
    return [row for a in fields for row in _rows(getattr(record, a.name))]


def _results_total(results: object) -> RowTotal:
    """``Results.total``, the same number: the rows added column by column as plain ints.

    The model adds the rows one at a time, each sum a new validated row (some
    thirty per total); this builds one.
    """
    sums = (sum(column) for column in zip(*(row.values() for row in _rows(results)), strict=True))
    return RowTotal(ApplicantCounts(**dict(zip(_COLUMNS, sums, strict=True))))


#: The last report's values: the rules of one validation all ask about the same
#: report, one after the other.  One entry, so memory stays flat over a batch.
_last: list[tuple[AnnualReport, Values] | None] = [None]


def values_of(report: AnnualReport) -> Values:
    """The memoised numbers of ``report`` (shared by every rule of one validation)."""
    last = _last[0]  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is report:
        return last[1]
    values = Values(report)
    _last[0] = (report, values)
    return values
