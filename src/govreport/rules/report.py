"""Presenting findings: errors or not, a stable order, one Chinese line each."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from govreport import spec
from govreport.model import AdminLevel, Agency, AnnualReport
from govreport.rules.base import Finding, Severity
from govreport.rules.texts import all_text_fields


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


@functools.cache
def _path_order() -> dict[str, int]:
    """Every known path at its position in the printed report.

    Agency data and the opening come first, then 一, the three tables cell by
    cell in reading order, then 五 and 六 (text fields keep document order).
    """
    empty = AnnualReport(agency=Agency(name="", level=AdminLevel.TOWNSHIP), year=0)
    texts = [p for p, _ in all_text_fields(empty)]
    head = ["agency", *texts[:5], "year", "published", "opening", "overview"]
    head += [p for p in texts if p.startswith("overview.")]
    cells = [c.path for t in spec.tables().values() for c in t.value_cells()]
    tail = ["problems", *(p for p in texts if p.startswith("problems.")), "problems.problems"]
    tail += ["problems.improvements", "other", "other.text", "other.processing_fee", "signatory"]
    order: dict[str, int] = {}
    for path in (*head, *cells, *tail):
        order.setdefault(path, len(order))
    return order


def _position(path: str) -> tuple[int, int]:
    """(place of the path or of its nearest known ancestor, list index if any)."""
    order = _path_order()
    parts = path.split(".")
    index = int(parts[-1]) if parts[-1].isdigit() else -1
    while parts:
        here = ".".join(parts)
        if here in order:
            return order[here], index
        # A group path (applications.results.withheld) sorts before its first cell.
        first = next((p for p in order if p.startswith(here + ".")), None)
        if first is not None:
            return order[first], index
        parts.pop()
    return -1, index  # report-wide findings first


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors, then warnings, then notes; within each, in the order of the report."""
    return sorted(
        findings, key=lambda f: (f.severity.rank, _position(f.path), f.path, f.code, f.message)
    )


def format_finding(f: Finding) -> str:
    """``[错误 R3] 三、…/总计 (applications.carried_forward.total): 勾稽关系不成立…``"""
    where = f"{f.where}: " if f.where else ""
    return f"[{f.severity.label} {f.code}] {where}{f.message}"
