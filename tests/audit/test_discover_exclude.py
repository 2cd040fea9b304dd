"""The audit's own output is never audited: a second run sees the same reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import govreport

EXAMPLE = Path(__file__).parents[2] / "examples" / "pingtan-2024.yaml"


def test_annotated_pages_and_the_json_are_left_out(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "report.yaml")
    (tmp_path / "marked").mkdir()
    (tmp_path / "marked" / "report.html").write_text("<p>audit page</p>", encoding="utf-8")
    (tmp_path / "audit.json").write_text("{}", encoding="utf-8")
    everything = govreport.audit_paths([tmp_path])
    assert sorted(a.file.name for a in everything.reports) == [
        "audit.json",
        "report.html",
        "report.yaml",
    ]
    result = govreport.audit_paths(
        [tmp_path], exclude=[tmp_path / "marked", tmp_path / "audit.json"]
    )
    assert [a.file.name for a in result.reports] == ["report.yaml"]


def test_the_first_problem_is_the_reports_own(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    wrong = text.replace("pending: 1, total: 7}", "pending: 1, total: 0}")
    (tmp_path / "b.yaml").write_text(wrong, encoding="utf-8")
    audits = {a.file.name: a for a in govreport.audit_paths([tmp_path]).reports}
    assert {f.code for f in audits["b.yaml"].findings} >= {"A1", "R4"}
    first = audits["b.yaml"].first_problem
    assert first is not None and first.code == "R4"
    first = audits["a.yaml"].first_problem
    assert first is not None and first.code == "A1"  # nothing of its own: the set's
