"""Report → workbook → report: the same document, whichever way the workbook was filled.

Acceptance of issue 12: for the bundled examples, the workbook written from a
data file renders the same tables and texts as the data file itself; and the
form made from last year's report (``workbook --from``), filled in cell by
cell as a user would, renders the same tables as this year's data file.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from govreport.document.blocks import Document, Table
from govreport.model import AnnualReport
from govreport.model.paths import resolve
from govreport.workbook.layout import LAYOUT, Kind
from govreport.workbook.writer import blank_workbook

from .books import engine, example, written

EXAMPLES = ("shuangpu-2024", "pingtan-2024", "pingtan-2025")


def _tables(document: Document) -> list[Table]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_converted_workbook_renders_as_its_data_file(tmp_path: Path, name: str) -> None:
    eng = engine()
    report = example(name)
    back = eng.read_report(written(tmp_path, report))
    assert eng.document(back) == eng.document(report)
    assert _tables(eng.document(back))  # the comparison covers the three tables
    for fmt in ("txt", "docx"):
        assert eng.render(back, fmt, allow_errors=True) == eng.render(
            report, fmt, allow_errors=True
        ), fmt


def _fill(path: Path, report: AnnualReport) -> None:
    """Type this year's figures into every number cell, as a civil servant would."""
    book = openpyxl.load_workbook(path)
    for field in LAYOUT.fields:
        if field.kind in (Kind.COUNT, Kind.FEE, Kind.YUAN):
            value = resolve(report, field.path)
            book[field.sheet][field.cell] = float(value) if isinstance(value, Decimal) else value
    info = book[LAYOUT.sheet("info").name]
    info[LAYOUT.field("published").cell] = report.published
    book.save(path)


def test_last_years_form_filled_in_renders_this_years_tables(tmp_path: Path) -> None:
    last, this = example("pingtan-2024"), example("pingtan-2025")
    path = tmp_path / "2025.xlsx"
    path.write_bytes(blank_workbook(previous=last))
    _fill(path, this)
    eng = engine()
    loaded = eng.load_report(path)
    assert loaded.problems == ()
    assert loaded.report.year == this.year
    assert loaded.report.agency.name == this.agency.name
    assert _tables(eng.document(loaded.report)) == _tables(eng.document(this))

    # The texts are last year's draft; the tables' rules (R1–R6) find the same.
    def arithmetic(report: AnnualReport) -> list[object]:
        return [f for f in eng.validate(report, previous=last) if f.code[:1] == "R"]

    assert arithmetic(loaded.report) == arithmetic(this)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_totals_libreoffice_computed_are_stated_and_hold(tmp_path: Path) -> None:
    """A workbook saved by a spreadsheet program caches every formula's value.

    LibreOffice recalculates the workbook and saves it again; the reader then
    finds every 总计 stated, each equal to the model's own total.
    """
    report = example("pingtan-2025")
    source = written(tmp_path, report, "in.xlsx")
    out = tmp_path / "calc"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    eng = engine()
    loaded = eng.load_report(out / "in.xlsx")
    assert loaded.problems == ()
    stated = loaded.report.stated_totals
    assert set(stated) == {t.path for t in LAYOUT.totals}
    assert all(value == resolve(report, path) for path, value in stated.items())
    assert eng.validate(loaded.report) == eng.validate(report)
    assert eng.document(loaded.report) == eng.document(report)


def test_a_wrong_stated_total_survives_the_round_trip(tmp_path: Path) -> None:
    """A source that stated a 总计 that does not add up keeps saying so as a workbook."""
    eng = engine()
    report = example()
    path = "applications.received.total"
    wrong = attrs.evolve(report, stated_totals={path: resolve(report, path) + 4})
    back = eng.read_report(written(tmp_path, wrong))
    assert back.stated_totals == wrong.stated_totals
    assert eng.validate(back) == eng.validate(wrong)
    assert [f.code for f in eng.validate(back)] == ["R1"]
