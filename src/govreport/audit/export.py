"""An audit as JSON (one entry per report) and as CSV (one row per finding).

Both are deterministic: reports sorted by file, findings in their sorted order,
no timestamps, so two runs over the same files give the same bytes and a diff
between two audits shows what changed.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Final

from govreport.audit.result import AuditResult, ReportAudit, Status
from govreport.findings import Finding


def report_data(audit: ReportAudit) -> dict[str, Any]:
    """One report as plain data: file, agency, year, status, counts and findings."""
    return {
        "file": str(audit.file),
        "agency": audit.agency,
        "year": audit.year,
        "status": audit.status.value,
        "previous": str(audit.previous) if audit.previous else None,
        "errors": audit.errors,
        "warnings": audit.warnings,
        "findings": [f.to_dict() for f in audit.findings],
    }


def result_data(result: AuditResult) -> dict[str, Any]:
    return {
        "summary": {
            "reports": len(result.reports),
            **{status.value: result.count(status) for status in Status},
        },
        "reports": [report_data(r) for r in result.reports],
    }


def to_json(result: AuditResult) -> str:
    return json.dumps(result_data(result), ensure_ascii=False, indent=2) + "\n"


COLUMNS: Final = (
    "file",
    "agency",
    "year",
    "status",
    "code",
    "severity",
    "location",
    "path",
    "message",
    "formula",
    "difference",
)

#: A spreadsheet runs a cell starting with these as a formula (CSV injection):
#: agency names and clauses quoted from reports are anyone's text.
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _row(audit: ReportAudit, finding: Finding) -> list[str]:
    ev = finding.to_dict().get("evidence") or {}
    values: list[object] = [
        str(audit.file),
        audit.agency,
        audit.year,
        audit.status.value,
        finding.code,
        finding.severity.value,
        finding.location,
        finding.path,
        finding.message,
        ev.get("formula", ""),
        ev.get("difference", ""),
    ]
    return [_cell(v) for v in values]


def to_csv(result: AuditResult) -> str:
    """One row per finding; a report without any has one row with no code, so it is listed.

    Write it as UTF-8 with a byte-order mark (``utf-8-sig``): spreadsheet
    programs take a CSV without one for the local code page and garble Chinese.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for audit in result.reports:
        if not audit.findings:
            head = [str(audit.file), audit.agency, audit.year, audit.status.value]
            writer.writerow([_cell(v) for v in head] + [""] * (len(COLUMNS) - len(head)))
        for finding in audit.findings:
            writer.writerow(_row(audit, finding))
    return out.getvalue()
