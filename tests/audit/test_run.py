"""audit_paths: every rule per report, cross-year pairs, one bad file never stops the rest."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from govreport.audit import Status, audit_paths
from govreport.audit.result import AMBIGUOUS_PREVIOUS, DUPLICATE, UNREADABLE
from govreport.plugins import Engine
from govreport.plugins.contributions import InputLoader
from govreport.plugins.hookspecs import hookimpl

from . import reports


def _by_name(result: Any) -> dict[str, Any]:
    return {r.file.name: r for r in result.reports}


def test_each_report_gets_its_verdict_and_a_bad_file_does_not_stop_the_rest(
    tmp_path: Path,
) -> None:
    reports.clean(tmp_path)
    reports.review_total_zero(tmp_path)
    reports.says_17_of_95(tmp_path)
    reports.unreadable(tmp_path)
    result = audit_paths([tmp_path])
    # Sorted by file name.
    assert [r.file.name for r in result.reports] == [
        "broken.yaml",
        "clean.yaml",
        "seventeen.yaml",
        "zero.yaml",
    ]
    by = _by_name(result)
    assert by["clean.yaml"].status is Status.OK and by["clean.yaml"].findings == ()
    assert (by["clean.yaml"].agency, by["clean.yaml"].year) == ("甲区", 2024)
    zero = by["zero.yaml"]
    assert zero.status is Status.ERRORS
    assert [f.code for f in zero.findings] == ["R4"]
    assert zero.findings[0].evidence is not None
    seventeen = by["seventeen.yaml"]
    assert seventeen.status is Status.WARNINGS
    assert [f.code for f in seventeen.findings] == ["N1"]
    assert "17" in seventeen.findings[0].message and "95" in seventeen.findings[0].message
    broken = by["broken.yaml"]
    assert broken.status is Status.UNREADABLE and broken.unreadable
    assert [f.code for f in broken.findings] == [UNREADABLE]
    assert "YAML" in broken.findings[0].message
    assert result.failed() and result.count(Status.UNREADABLE) == 1


def test_exit_rule_errors_unreadable_and_strict_warnings(tmp_path: Path) -> None:
    reports.clean(tmp_path)
    assert not audit_paths([tmp_path]).failed(strict=True)
    reports.says_17_of_95(tmp_path)
    warned = audit_paths([tmp_path])
    assert not warned.failed() and warned.failed(strict=True)


def test_consecutive_years_of_one_agency_are_checked_together(tmp_path: Path) -> None:
    last = reports.clean(tmp_path, "a-2024.yaml", agency="丁区")
    this = reports.next_year(tmp_path, "a-2025.yaml", agency="丁区")
    result = _by_name(audit_paths([tmp_path]))
    assert result["a-2025.yaml"].previous == last
    assert result["a-2024.yaml"].previous is None
    # The 2025 example's stock-flow differs from 2024's by 清理: S4 ran, so R6 did too.
    assert "S4" in {f.code for f in result["a-2025.yaml"].findings}
    # 2024 carried 3 forward in this copy: 2025's 上年结转 (0) no longer matches.
    text = last.read_text(encoding="utf-8").replace(
        "carried_forward: [0, 0, 0, 0, 0, 0, 0]", "carried_forward: [3, 0, 0, 0, 0, 0, 3]"
    )
    text = text.replace("not_held: [75, 0, 0, 0, 0, 0, 75]", "not_held: [72, 0, 0, 0, 0, 0, 72]")
    text = text.replace("total: [217, 1, 0, 0, 0, 0, 218]", "total: [214, 1, 0, 0, 0, 0, 215]")
    last.write_text(text, encoding="utf-8")
    result = _by_name(audit_paths([this, last]))
    r6 = [f for f in result["a-2025.yaml"].findings if f.code == "R6"]
    assert len(r6) == 1 and r6[0].evidence is not None
    assert r6[0].evidence.right[0].value == 3
    assert r6[0].evidence.right[0].report == "2024年度报告"
    assert result["a-2024.yaml"].status is Status.OK


def test_other_agencies_are_not_paired(tmp_path: Path) -> None:
    reports.clean(tmp_path, "a.yaml", agency="甲区")
    reports.next_year(tmp_path, "b.yaml", agency="乙区")
    assert all(r.previous is None for r in audit_paths([tmp_path]).reports)


def test_two_reports_of_one_agency_and_year_are_flagged(tmp_path: Path) -> None:
    reports.clean(tmp_path, "one.yaml", agency="甲 区")  # a stray space is still 甲区
    reports.clean(tmp_path, "three.yaml", agency="甲区\u3000")  # so is a full-width one
    reports.clean(tmp_path, "two.yaml", agency="甲区")
    reports.next_year(tmp_path, "next.yaml", agency="甲区")
    by = _by_name(audit_paths([tmp_path]))
    for name in ("one.yaml", "two.yaml", "three.yaml"):
        dup = [f for f in by[name].findings if f.code == DUPLICATE]
        assert len(dup) == 1, by[name].findings
    assert "three.yaml" in next(f for f in by["one.yaml"].findings if f.code == DUPLICATE).message
    # Which one is last year's cannot be told: said, not guessed.
    assert by["next.yaml"].previous is None
    assert AMBIGUOUS_PREVIOUS in {f.code for f in by["next.yaml"].findings}


def test_a_missing_path_is_an_unreadable_entry(tmp_path: Path) -> None:
    clean = reports.clean(tmp_path)
    result = audit_paths([clean, tmp_path / "gone"])
    assert [r.status for r in result.reports] == [Status.OK, Status.UNREADABLE]


def test_progress_is_told_of_every_step(tmp_path: Path) -> None:
    reports.clean(tmp_path, "a.yaml", agency="甲区")
    reports.next_year(tmp_path, "b.yaml", agency="甲区")
    reports.unreadable(tmp_path)
    steps: list[tuple[int, int, str]] = []
    audit_paths([tmp_path], progress=lambda d, t, p: steps.append((d, t, p.name)))
    # Three files, then the one pair checked again with last year's beside it.
    assert steps == [(1, 3, "a.yaml"), (2, 3, "b.yaml"), (3, 3, "broken.yaml"), (4, 4, "b.yaml")]


class _Crashing:
    @hookimpl
    def govreport_register_loaders(self, register: Any) -> None:
        def read(path: Path) -> dict[str, Any]:
            raise RuntimeError("boom")

        register(InputLoader("crash", (".crash",), read))


def test_a_loader_plugin_that_crashes_is_one_unreadable_file(tmp_path: Path) -> None:
    reports.clean(tmp_path)
    (tmp_path / "x.crash").write_text("x", encoding="utf-8")
    result = audit_paths([tmp_path], engine=Engine([_Crashing()], autoload=False))
    by = _by_name(result)
    assert by["clean.yaml"].status is Status.OK
    assert by["x.crash"].status is Status.UNREADABLE
    assert "boom" in by["x.crash"].findings[0].message


def test_each_file_is_loaded_once_even_when_paired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two agencies, two years each, each 2025 checked with its 2024: four loads, not eight."""
    from govreport.audit import run

    reports.clean(tmp_path, "a-2024.yaml", agency="丁区")
    reports.next_year(tmp_path, "a-2025.yaml", agency="丁区")
    reports.clean(tmp_path, "b-2024.yaml", agency="戊区")
    reports.next_year(tmp_path, "b-2025.yaml", agency="戊区")
    eng = Engine(autoload=False)
    loads: Counter[str] = Counter()
    load = eng.load_report

    def counting(path: Any) -> Any:
        loads[Path(path).name] += 1
        return load(path)

    monkeypatch.setattr(eng, "load_report", counting)
    result = _by_name(audit_paths([tmp_path], engine=eng))
    assert result["a-2025.yaml"].previous == tmp_path / "a-2024.yaml"
    assert result["b-2025.yaml"].previous == tmp_path / "b-2024.yaml"
    assert loads == dict.fromkeys(("a-2024.yaml", "a-2025.yaml", "b-2024.yaml", "b-2025.yaml"), 1)
    # Beyond what the first pass keeps, a paired file is read again: memory stays bounded.
    loads.clear()
    monkeypatch.setattr(run, "KEEP_LOADED", 1)
    again = _by_name(audit_paths([tmp_path], engine=eng))
    assert {name: r.previous for name, r in again.items()} == {
        name: r.previous for name, r in result.items()
    }
    assert sum(loads.values()) > 4
