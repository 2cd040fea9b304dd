"""The form's checks: the fields through the same engine and rules as ``govreport validate``.

Nothing here knows a rule: the fields become the mapping a data file holds
(:mod:`govreport.serve.formdata`), the engine parses it (the data file's
problems, D1–D4) and validates the report (every registered rule, plugins'
too), and the findings come back in the order ``govreport validate`` prints
them.  The computed totals fill the form's read-only 总计 cells.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from govreport import spec
from govreport.findings import Finding, Severity
from govreport.io import LoadResult
from govreport.model import AnnualReport, resolve
from govreport.plugins import Engine
from govreport.rules.report import sort_findings
from govreport.serve.formdata import to_data
from govreport.spec.grid import CellRole

__all__ = [
    "Checked",
    "check_fields",
    "check_response",
    "finding_json",
    "parse_fields",
    "total_paths",
    "totals",
]

#: What the findings and errors name as the file: the form itself.
FORM_SOURCE: Final = "表单 (form)"


@attrs.frozen
class Checked:
    """The form's report, its problems and findings together, and the error count."""

    loaded: LoadResult
    findings: tuple[Finding, ...]

    @property
    def report(self) -> AnnualReport:
        return self.loaded.report

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)


def parse_fields(engine: Engine, fields: Mapping[str, str]) -> LoadResult:
    """The form's fields read as a data file with the same content would be."""
    data = to_data(fields, extensions=engine.extension_classes())
    return engine.parse_report(data, source=FORM_SOURCE)


def check_fields(engine: Engine, fields: Mapping[str, str]) -> Checked:
    """The data file's problems and every rule's findings, as ``govreport validate`` lists them."""
    loaded = parse_fields(engine, fields)
    findings = engine.validate(loaded.report)
    return Checked(loaded, tuple(sort_findings([*loaded.problems, *findings])))


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding for the page: its cells (``paths``) to show it beside them."""
    out = finding.to_dict()
    cells = [c.path for c in finding.evidence.cells] if finding.evidence else []
    out["paths"] = list(dict.fromkeys([p for p in (finding.path, *cells) if p]))
    out["label"] = finding.severity.label
    return out


@functools.cache
def total_paths() -> tuple[str, ...]:
    """Every computed 总计 cell of the three tables, in table order (from the spec)."""
    return tuple(
        cell.path
        for table in spec.tables().values()
        for cell in table.cells
        if cell.role is CellRole.TOTAL and cell.path
    )


def totals(report: AnnualReport) -> dict[str, str]:
    """The computed totals as the form shows them."""
    out: dict[str, str] = {}
    for path in total_paths():
        value = resolve(report, path)
        out[path] = _number_text(value)
    return out


def _number_text(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def check_response(engine: Engine, fields: Mapping[str, str]) -> dict[str, Any]:
    """The body of ``POST /api/check``."""
    checked = check_fields(engine, fields)
    return {
        "findings": [finding_json(f) for f in checked.findings],
        "errors": checked.errors,
        "totals": totals(checked.report),
    }
