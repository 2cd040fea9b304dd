"""``--previous`` refuses last year's file of another agency, or of a year that is not the previous.

Comparing 结转 (R6) with a stranger's report, or with the wrong year's, gives
findings that look authoritative and are meaningless.  The CLI exits 2 naming
both files and both values; the library raises PreviousReportMismatchError.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import govreport
from govreport.cli.main import main
from govreport.errors import GovreportError
from govreport.testing import sample_report

EXAMPLES = Path(__file__).parents[2] / "examples"

THIS_YEAR = """\
agency: {name: 某某镇人民政府, level: township}
year: 2025
published: 2026-01-20
applications:
  received: [2, 0, 0, 0, 0, 0]
  carried_over: [1, 0, 0, 0, 0, 0]
  results:
    disclosed: [3, 0, 0, 0, 0, 0]
  carried_forward: [0, 0, 0, 0, 0, 0]
"""

LAST_YEAR = """\
agency: {name: 某某镇人民政府, level: township}
year: 2024
published: 2025-01-20
applications:
  received: [1, 0, 0, 0, 0, 0]
  results: {}
  carried_forward: [1, 0, 0, 0, 0, 0]
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    this = tmp_path / "report.yaml"
    this.write_text(THIS_YEAR, encoding="utf-8")
    return this, tmp_path / "last.yaml"


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_matching_previous_year_is_used(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], command: str
) -> None:
    this, last = files
    last.write_text(LAST_YEAR, encoding="utf-8")
    out = ["-o", str(this.parent / "out")] if command == "render" else []
    code, stdout, err = run(capsys, command, str(this), "--previous", str(last), *out)
    assert code == 0, stdout + err
    # Stray spaces around a name are no other agency.
    spaced = LAST_YEAR.replace("某某镇人民政府", "' 某某镇人民政府\u3000'")
    last.write_text(spaced, encoding="utf-8")
    code, stdout, err = run(capsys, command, str(this), "--previous", str(last), *out)
    assert code == 0, stdout + err


@pytest.mark.parametrize("command", ["validate", "render"])
def test_another_agencys_file_is_refused(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], command: str
) -> None:
    this, last = files
    last.write_text(LAST_YEAR.replace("某某镇人民政府", "另一镇人民政府"), encoding="utf-8")
    out_dir = this.parent / "out"
    extra = ["-o", str(out_dir)] if command == "render" else []
    code, out, err = run(capsys, command, str(this), "--previous", str(last), *extra)
    assert code == 2
    assert out == "" and "Traceback" not in err
    (line,) = err.splitlines()
    assert "report.yaml" in line and "last.yaml" in line
    assert "“某某镇人民政府”" in line and "“另一镇人民政府”" in line
    assert "机关名称" in line
    assert not out_dir.exists()


@pytest.mark.parametrize(("year", "shown"), [(2025, "2025"), (2023, "2023"), (2026, "2026")])
def test_a_year_that_is_not_the_previous_is_refused(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], year: int, shown: str
) -> None:
    this, last = files
    last.write_text(LAST_YEAR.replace("year: 2024", f"year: {year}"), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(this), "--previous", str(last))
    assert code == 2 and out == ""
    assert "report.yaml" in err and "last.yaml" in err
    assert f"{shown}年度" in err and "2025年度" in err and "应为2024年度" in err


def test_both_mismatches_are_named_at_once(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    this, last = files
    last.write_text(
        LAST_YEAR.replace("某某镇人民政府", "另一镇人民政府").replace("2024", "2022"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(this), "--previous", str(last), "--format", "json")
    assert code == 2 and out == ""
    assert "另一镇人民政府" in err and "2022年度" in err


def test_a_previous_file_without_name_or_year_is_not_called_a_stranger(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    """What the file lacks is its own D3 problem, listed under its name; not a mismatch."""
    this, last = files
    text = LAST_YEAR.replace("name: 某某镇人民政府, ", "").replace("year: 2024\n", "")
    last.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(this), "--previous", str(last), "--format", "json")
    assert code == 1, err  # the previous file's D3 errors
    found = {(f["code"], f["path"], Path(f["file"]).name) for f in json.loads(out)["findings"]}
    assert ("D3", "agency.name", "last.yaml") in found and ("D3", "year", "last.yaml") in found


def test_the_real_pingtan_years_match(capsys: pytest.CaptureFixture[str]) -> None:
    this, last = EXAMPLES / "pingtan-2025.yaml", EXAMPLES / "pingtan-2024.yaml"
    code, out, _ = run(capsys, "validate", str(this), "--previous", str(last))
    assert code == 0, out
    # And the other way round: 2024's previous cannot be 2025.
    code, _, err = run(capsys, "validate", str(last), "--previous", str(this))
    assert code == 2 and "pingtan-2024.yaml" in err and "pingtan-2025.yaml" in err


# ---------------------------------------------------------------- the library


def test_engine_validate_refuses_a_mismatched_previous() -> None:
    from govreport.rules.previous import PreviousReportMismatchError

    engine = govreport.Engine(autoload=False)
    report = sample_report()  # 平潭综合实验区管理委员会, 2024
    stranger = attrs.evolve(
        sample_report(year=2023), agency=attrs.evolve(report.agency, name="某某县人民政府")
    )
    with pytest.raises(PreviousReportMismatchError) as caught:
        engine.validate(report, previous=stranger)
    exc = caught.value
    assert isinstance(exc, GovreportError) and isinstance(exc, ValueError)
    assert exc.exit_status == 2
    assert "平潭综合实验区管理委员会" in str(exc) and "某某县人民政府" in str(exc)
    with pytest.raises(PreviousReportMismatchError, match="应为2023年度"):
        engine.validate(report, previous=report)
    # The right previous year passes, whatever brackets the name is typed with.
    assert engine.validate(report, previous=sample_report(year=2023)) is not None
    named = attrs.evolve(report, agency=attrs.evolve(report.agency, name="某区（开发区）管委会"))
    before = attrs.evolve(
        sample_report(year=2023), agency=attrs.evolve(report.agency, name="某区(开发区)管委会")
    )
    assert engine.validate(named, previous=before) is not None


def test_check_previous_names_the_files_it_is_given() -> None:
    from govreport.rules.previous import PreviousReportMismatchError, check_previous

    report = sample_report()
    with pytest.raises(PreviousReportMismatchError) as caught:
        check_previous(report, report, report_file="a.yaml", previous_file="b.yaml")
    assert "a.yaml" in str(caught.value) and "b.yaml" in str(caught.value)
    assert caught.value.problems == (
        "年度不对：本报告（a.yaml）为2024年度，上年度报告（b.yaml）为2024年度，应为2023年度",
    )
