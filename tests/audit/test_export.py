"""The audit as JSON and CSV: deterministic, with the evidence, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from govreport.audit import AuditResult, ReportAudit, audit_paths, to_csv, to_json
from govreport.audit.export import COLUMNS
from govreport.findings import Finding, Severity

from . import reports


def _folder(tmp_path: Path) -> Path:
    reports.clean(tmp_path)
    reports.review_total_zero(tmp_path)
    reports.says_17_of_95(tmp_path)
    reports.unreadable(tmp_path)
    return tmp_path


def test_json_has_every_report_with_its_findings_and_their_evidence(tmp_path: Path) -> None:
    data = json.loads(to_json(audit_paths([_folder(tmp_path)])))
    assert data["summary"] == {
        "reports": 4,
        "ok": 1,
        "warnings": 1,
        "errors": 1,
        "unreadable": 1,
    }
    by = {Path(r["file"]).name: r for r in data["reports"]}
    assert by["clean.yaml"]["status"] == "ok" and by["clean.yaml"]["findings"] == []
    r4 = by["zero.yaml"]["findings"][0]
    assert (r4["code"], r4["location"]) == ("R4", "行政复议/总计")
    ev = r4["evidence"]
    assert ev["formula"] == "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"
    assert [c["value"] for c in ev["left"]] == [2, 1, 3, 1]
    assert ev["right"] == [
        {
            "path": "review_litigation.review.total",
            "location": "行政复议/总计",
            "value": 0,
            "stated": True,
            "report": "",
        }
    ]
    assert ev["difference"] == 7
    broken = by["broken.yaml"]
    assert (broken["status"], broken["agency"], broken["year"]) == ("unreadable", "", None)
    assert broken["findings"][0]["code"] == "UNREADABLE"
    assert "YAML" in broken["findings"][0]["message"]


def test_json_is_the_same_on_every_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = to_json(audit_paths([folder]))
    # Given in another order, the files are still listed sorted.
    files = sorted(folder.iterdir(), reverse=True)
    assert to_json(audit_paths(files)) == first


def test_csv_has_one_row_per_finding_and_one_per_clean_report(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(audit_paths([_folder(tmp_path)])))))
    assert [(Path(r["file"]).name, r["code"]) for r in rows] == [
        ("broken.yaml", "UNREADABLE"),
        ("clean.yaml", ""),
        ("seventeen.yaml", "N1"),
        ("zero.yaml", "R4"),
    ]
    r4 = rows[3]
    assert r4["formula"] == "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"
    assert (r4["difference"], r4["status"], r4["severity"]) == ("7", "errors", "error")
    assert list(rows[0]) == list(COLUMNS)


def test_csv_cells_a_spreadsheet_would_run_are_defused() -> None:
    finding = Finding("X1", Severity.WARNING, '=HYPERLINK("http://evil")', "year", "@年度")
    result = AuditResult((ReportAudit(Path("-r.yaml"), "+机关", 2024, (finding,)),))
    row = next(csv.DictReader(io.StringIO(to_csv(result))))
    assert row["message"] == '\'=HYPERLINK("http://evil")'
    assert (row["file"], row["agency"], row["location"]) == ("'-r.yaml", "'+机关", "'@年度")
    assert row["year"] == "2024"
