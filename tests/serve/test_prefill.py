"""从上年报告开始: last year's data file, workbook or published report → this year's draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import Engine, read_report
from govreport.model import AnnualReport
from govreport.model.nextyear import CARRIED_OVER
from govreport.serve.formdata import to_data
from govreport.serve.prefill import prefill
from tests.cli_process import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
#: Field paths of this year's draft that may hold a number: the year and 上年结转.
CARRIED_NUMBERS = {"year", *CARRIED_OVER}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _draft(engine: Engine, fields: dict[str, str]) -> AnnualReport:
    """The draft as the form would send it back, loaded as the server does."""
    result = engine.parse_report(to_data(fields, extensions=engine.extension_classes()))
    assert not [p for p in result.problems if p.code.startswith("D")], result.lines()
    return result.report


def _assert_carried(draft: AnnualReport, fields: dict[str, str], last: AnnualReport) -> None:
    assert draft.year == last.year + 1
    assert draft.agency.name == last.agency.name
    assert draft.agency.level is last.agency.level
    assert draft.agency.contact == last.agency.contact
    assert draft.applications.carried_over == last.applications.carried_forward
    assert draft.overview == last.overview
    assert draft.problems == last.problems
    assert draft.other.text == last.other.text
    # No other number: this year's figures are this year's to type.
    numbers = {p for p, v in fields.items() if v.strip().isdigit()} - CARRIED_NUMBERS
    assert not {p for p in numbers if p.startswith(("proactive.", "applications.", "review"))}
    assert draft.applications.received.total == 0
    assert draft.proactive.licensing == 0
    assert draft.published is None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_from_a_bundled_example(engine: Engine, path: Path) -> None:
    last = read_report(path)
    fields, notes = prefill(path, engine)
    _assert_carried(_draft(engine, fields), fields, last)
    assert fields["year"] == str(last.year + 1)
    assert fields["agency.level"] == last.agency.level.value
    assert any("初稿" in n for n in notes)  # the texts are last year's: say so


def _render(source: Path, fmt: str, out: Path) -> Path:
    """``govreport render SOURCE -f FMT``, run as a civil servant runs it."""
    done = run_cli("render", str(source), "-f", fmt, cwd=out)
    assert done.returncode == 0, done.stderr
    return out / "out" / f"{source.stem}.{fmt}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_from_last_years_report_imported_from_its_own_html(
    engine: Engine, path: Path, tmp_path: Path
) -> None:
    last = read_report(path)
    published = _render(path, "html", tmp_path)
    fields, notes = prefill(published, engine)
    draft = _draft(engine, fields)
    imported = engine.load_report(published).report
    assert draft.year == last.year + 1
    assert draft.agency.name == last.agency.name
    assert draft.applications.carried_over == last.applications.carried_forward
    # The page does not print the level: the import guessed it, and the notes say so.
    assert draft.agency.level is imported.agency.level
    guessed = (
        [n for n in imported.source.notes if n.path == "agency.level"] if imported.source else []
    )
    assert bool(guessed) == any("行政级别" in n and "推定" in n for n in notes), notes
    # The texts as printed: placeholders were filled in, so compare with the page's.
    assert draft.overview == imported.overview
    assert draft.other.text == imported.other.text
    assert draft.overview.intro or draft.overview.parts
    assert not any("有误" in n for n in notes), notes


def test_from_a_workbook(engine: Engine, tmp_path: Path) -> None:
    last = read_report(EXAMPLES[-1])
    book = engine.save_report(last, tmp_path / "上年.xlsx")
    fields, _ = prefill(book, engine)
    _assert_carried(_draft(engine, fields), fields, last)


BROKEN = """\
agency: {name: 某某镇人民政府, level: township, contact: {phone: 0571-1234567}}
year: 2025
applications:
  received: [3, 0, 0, 0, 0, 0]
  results:
    disclosed: [1, 0, 0, 0, 0, 0]
  carried_forward: [abc, 2, 0, 0, 0, "/"]
other: {text: 本年度未收取信息处理费。}
"""


def test_a_wrong_or_blank_cell_is_not_carried_silently(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "2025.yaml"
    source.write_text(BROKEN, encoding="utf-8")
    fields, notes = prefill(source, engine)
    # "abc" was read as 0: the field stays empty for the agency to fill, and a note says why.
    assert "applications.carried_over.natural_person" not in fields
    assert fields["applications.carried_over.commercial_enterprise"] == "2"
    assert fields["agency.contact.phone"] == "0571-1234567"
    wrong = [n for n in notes if "有误" in n]
    assert len(wrong) == 1
    assert "四、结转下年度继续办理/自然人" in wrong[0]
    assert "二、上年结转政府信息公开申请数量/自然人" in wrong[0]
    assert '"abc"' in wrong[0]
    # “/” reads as 0 and is carried as 0, with a note to confirm it.
    assert fields["applications.carried_over.other"] == "0"
    assert any("“/”" in n and "按 0 填入" in n for n in notes)
    assert any("1 处错误" in n for n in notes)


def test_an_agencys_own_title_is_not_carried(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "2025.yaml"
    source.write_text(BROKEN.replace("abc", "0") + "title_text: 某某镇2025年政务公开年报\n")
    fields, notes = prefill(source, engine)
    assert "title_text" not in fields
    assert any("标题" in n and "未带入" in n for n in notes)


def test_an_unreadable_file_is_refused_as_the_loader_refuses_it(
    engine: Engine, tmp_path: Path
) -> None:
    from govreport import UnreadableFileError

    source = tmp_path / "2025.yaml"
    source.write_bytes(b"agency: [unclosed")
    with pytest.raises(UnreadableFileError):
        prefill(source, engine)
