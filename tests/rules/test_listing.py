"""L1 and IMPORT: what the document prints as written, and what an import noted."""

from __future__ import annotations

import attrs

import govreport
from govreport.model import ProblemsAndImprovements, Provenance, SourceNote
from govreport.testing import zero_report


def _codes(report: govreport.AnnualReport, code: str) -> list[tuple[str, str]]:
    return [(f.path, f.message) for f in govreport.Engine().validate(report) if f.code == code]


def test_a_wrong_sequence_is_a_warning_per_item() -> None:
    report = zero_report(problems=ProblemsAndImprovements(improvements=("一是甲；", "三是乙。")))
    found = _codes(report, "L1")
    assert [path for path, _ in found] == ["problems.improvements[1]"]
    assert "应以“二是”开头，实际“三是”" in found[0][1]


def test_items_without_their_own_numbers_or_in_sequence_are_quiet() -> None:
    for items in (("甲", "乙"), ("一是甲；", "二是乙。")):
        assert _codes(zero_report(problems=ProblemsAndImprovements(problems=items)), "L1") == []


def test_a_last_item_ending_with_a_semicolon_is_named() -> None:
    report = zero_report(problems=ProblemsAndImprovements(problems=("一是甲；", "二是乙；")))
    assert [path for path, _ in _codes(report, "L1")] == ["problems.problems[1]"]


def test_import_notes_are_reported_on_every_check() -> None:
    note = SourceNote(code="I7", severity="warning", message="（六）其他处理印成一行", path="x")
    report = zero_report(source=Provenance(file="page.html", format="html", notes=(note,)))
    findings = [f for f in govreport.Engine().validate(report) if f.code == "I7"]
    assert len(findings) == 1
    assert findings[0].severity is govreport.Severity.WARNING
    assert "page.html" in findings[0].message and "（六）其他处理印成一行" in findings[0].message


def test_five_written_as_parts_is_not_empty() -> None:
    from govreport.model import TextPart

    written = ProblemsAndImprovements(parts=(TextPart(heading="", text="一是人手不足。"),))
    assert _codes(zero_report(problems=written), "S2") == []
    assert [p for p, _ in _codes(zero_report(), "S2")] == ["problems"]


def test_a_deadline_from_a_guessed_level_is_a_warning_until_the_later_one() -> None:
    import datetime as dt

    from govreport.model import AdminLevel

    note = SourceNote(code="M2", severity="info", message="推定", path="agency.level")
    guessed = Provenance(file="p.html", format="html", notes=(note,))
    base = zero_report(published=dt.date(2025, 3, 10))  # a township: due 2025-01-31
    assert base.agency.level is AdminLevel.TOWNSHIP
    (known,) = _findings(base, "DATE2")
    assert known.severity is govreport.Severity.ERROR
    (guess,) = _findings(attrs.evolve(base, source=guessed), "DATE2")
    assert guess.severity is govreport.Severity.WARNING and "推定" in guess.message
    late = zero_report(published=dt.date(2025, 4, 2), source=guessed)
    (past_both,) = _findings(late, "DATE2")
    assert past_both.severity is govreport.Severity.ERROR


def _findings(report: govreport.AnnualReport, code: str) -> list[govreport.Finding]:
    return [f for f in govreport.Engine().validate(report) if f.code == code]
