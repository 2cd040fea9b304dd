"""An existing aggregate report against its units: each printed cell that differs.

The aggregate's cell is what it printed (a stated 总计 as stated); the units'
side is the sum of their cells, 总计 cells computed from each unit's own cells.
Each difference is a finding at the cell, with the aggregate's cell on the
left of its evidence and each unit's non-zero cell on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from govreport.aggregation.cells import Number, computed_paths, printed_paths
from govreport.aggregation.summing import sum_cells
from govreport.aggregation.units import Unit
from govreport.findings import Evidence, EvidenceCell, Finding, Severity
from govreport.model import AnnualReport, resolve

DIFFERS: Final = "G1"


def _shown(report: AnnualReport, path: str) -> tuple[Number, bool]:
    """The printed value at ``path`` and whether the report stated it."""
    stated = report.stated_totals.get(path)
    if stated is not None:
        return stated, True
    return resolve(report, path), path not in computed_paths()


def compare(parent: AnnualReport, units: Sequence[Unit]) -> list[Finding]:
    """One finding per printed cell of tables 二–四 where ``parent`` ≠ the units' sum."""
    paths = printed_paths()
    sums = sum_cells((u.report for u in units), paths)
    formula = f"汇总报告 = 各单位之和（{len(units)} 个单位）"
    found: list[Finding] = []
    for path in paths:
        value, stated = _shown(parent, path)
        if value == sums[path]:
            continue
        computed = path in computed_paths()
        right = tuple(
            EvidenceCell.at(path, v, stated=not computed, report=u.name)
            for u in units
            if (v := resolve(u.report, path)) != 0
        )
        evidence = Evidence(
            formula, (EvidenceCell.at(path, value, stated=stated),), right, value - sums[path]
        )
        found.append(
            Finding.at(
                DIFFERS,
                Severity.ERROR,
                path,
                f"汇总报告为{value}，各单位之和为{sums[path]}，相差{value - sums[path]} "
                "(the aggregate differs from the sum of its units)",
                evidence=evidence,
            )
        )
    return found
