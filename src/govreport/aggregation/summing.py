"""Adding up units' tables into an aggregate report (全区/全市).

Every stored cell of tables 二, 三 and 四 is the sum of the units' cells; the
总计 cells follow, computed by the model.  Fees are added as exact Decimals
(an inexact sum raises rather than rounds).  The parent report keeps its
agency, texts and everything else; what it stated or left blank in the
replaced tables no longer applies and is dropped.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from govreport import spec
from govreport.aggregation.cells import Number, computed_paths, in_tables, stored_paths
from govreport.aggregation.units import Unit
from govreport.errors import GovreportError
from govreport.findings import Finding, Severity
from govreport.limits import MAX_COUNT
from govreport.model import (
    AnnualReport,
    Applications,
    ProactiveDisclosure,
    ReviewLitigation,
    resolve,
)

BLANK_CELLS: Final = "G6"
STATED_TOTALS: Final = "G7"


class SumTooLargeError(GovreportError, ValueError):
    """A count adds up beyond what a data file may hold: the aggregate could not be read back."""

    def __init__(self, path: str, value: Number) -> None:
        self.path = path
        self.value = value
        super().__init__(
            f"{spec.location_of(path)}（{path}）各单位之和为 {value}，超过数据文件的上限 "
            f"{MAX_COUNT}，未汇总 (the sum is beyond a data file's bound: not aggregated)"
        )


def _exact() -> decimal.Context:
    context = decimal.Context(prec=60)
    context.traps[decimal.Inexact] = True
    return context


def sum_cells(reports: Iterable[AnnualReport], paths: Sequence[str]) -> dict[str, Number]:
    """``path → sum over reports`` of each cell, exactly."""
    totals: dict[str, Number] = dict.fromkeys(paths, 0)
    with decimal.localcontext(_exact()):
        for report in reports:
            for path in paths:
                totals[path] += resolve(report, path)
    return totals


def _nested(values: Mapping[str, Number]) -> dict[str, Any]:
    """``{"a.b.c": 1}`` → ``{"a": {"b": {"c": 1}}}``."""
    out: dict[str, Any] = {}
    for path, value in values.items():
        *parents, last = path.split(".")
        here = out
        for key in parents:
            here = here.setdefault(key, {})
        here[last] = value
    return out


def with_tables(parent: AnnualReport, values: Mapping[str, Number]) -> AnnualReport:
    """``parent`` with tables 二, 三 and 四 built from ``values`` (every stored cell).

    A count beyond a data file's bound raises :class:`SumTooLargeError`; an
    amount beyond the model's, :class:`govreport.model.ModelError`.
    """
    for path, value in values.items():
        if isinstance(value, int) and value > MAX_COUNT:
            raise SumTooLargeError(path, value)
    data = _nested(values)
    return attrs.evolve(
        parent,
        proactive=ProactiveDisclosure(**data["proactive"]),
        applications=Applications(**data["applications"]),
        review_litigation=ReviewLitigation(**data["review_litigation"]),
        stated_totals={p: v for p, v in parent.stated_totals.items() if not in_tables(p)},
        blank_cells={p: v for p, v in parent.blank_cells.items() if not in_tables(p)},
    )


def unit_notes(unit: Unit) -> list[Finding]:
    """What a reader of the sum should know about one unit's own table."""
    report, notes = unit.report, []
    blanks = sorted(p for p in report.blank_cells if in_tables(p))
    if blanks:
        notes.append(
            Finding(
                BLANK_CELLS,
                Severity.WARNING,
                f"单位“{unit.name}”有 {len(blanks)} 个单元格空白或填“/”，按 0 计入合计 "
                "(blank cells summed as 0)",
                "",
                str(unit.source),
            )
        )
    computed = computed_paths()
    off = [
        p
        for p, v in sorted(report.stated_totals.items())
        if p in computed and resolve(report, p) != v
    ]
    if off:
        notes.append(
            Finding(
                STATED_TOTALS,
                Severity.WARNING,
                f"单位“{unit.name}”有 {len(off)} 个填报的总计与各项之和不符，合计按各项计算 "
                "(stated totals differ from the cells: the cells are summed)",
                "",
                str(unit.source),
            )
        )
    return notes


@attrs.frozen
class Aggregation:
    """The aggregate report built, and the notes about its units."""

    report: AnnualReport
    notes: tuple[Finding, ...]


def aggregate(parent: AnnualReport, units: Sequence[Unit]) -> Aggregation:
    """``parent`` with tables 二, 三 and 四 replaced by the sum of ``units``' tables.

    The units are taken as given: choose them with
    :func:`~govreport.aggregation.units.select_units` first.
    """
    values = sum_cells((u.report for u in units), stored_paths())
    notes = [n for u in units for n in unit_notes(u)]
    return Aggregation(with_tables(parent, values), tuple(notes))
