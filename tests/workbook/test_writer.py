"""The workbook writer: the official layout, formulas, checks, validation, protection, bytes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from govreport import read_report, spec
from govreport.model import AnnualReport, TextPart
from govreport.model.paths import resolve
from govreport.spec import CellRole
from govreport.testing.determinism import first_difference
from govreport.workbook.layout import (
    LAYOUT,
    MARKER_COLUMN,
    TEXT_COLUMN,
    Kind,
    grid_address,
    iter_cells,
)
from govreport.workbook.package import FIXED_TIME
from govreport.workbook.writer import (
    ExtensionDataError,
    TextTooLongError,
    blank_workbook,
    write_workbook,
)

EXAMPLES = Path(__file__).parents[2] / "examples"
TABLES = ("proactive", "applications", "review_litigation")


def _report(name: str = "pingtan-2024") -> AnnualReport:
    return read_report(EXAMPLES / f"{name}.yaml")


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def pingtan() -> AnnualReport:
    return _report()


@pytest.fixture(scope="module")
def book(pingtan: AnnualReport) -> openpyxl.Workbook:
    return _open(write_workbook(pingtan))


# ------------------------------------------------------------------ the package


def test_same_report_same_bytes_with_fixed_times(pingtan: AnnualReport) -> None:
    first, second = write_workbook(pingtan), write_workbook(pingtan)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
        names = set(archive.namelist())
    assert "1980-01-01T00:00:00Z" in core and core.count("1980-01-01") == 2
    # No macros, no external links, no pictures: what Excel and WPS open without a prompt.
    assert not [n for n in names if "vba" in n.lower() or "externalLink" in n]
    assert write_workbook(_report("shuangpu-2024")) != first
    assert _open(first).properties.created == FIXED_TIME


def test_same_bytes_in_another_process_with_another_hash_seed(pingtan: AnnualReport) -> None:
    """No set or dict order leaks into the file: a fresh interpreter writes the same bytes."""
    code = (
        "import sys; from govreport import read_report;"
        "from govreport.workbook.writer import write_workbook;"
        "sys.stdout.buffer.write(write_workbook(read_report(sys.argv[1])))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "pingtan-2024.yaml")],
        capture_output=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert first_difference(done.stdout, write_workbook(pingtan)) is None


def test_sheets_in_order_opening_on_basic_information(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == [s.name for s in LAYOUT.sheets]
    assert book.active.title == "基本信息"
    assert book.calculation.fullCalcOnLoad


# ------------------------------------------------------------------ the tables


@pytest.mark.parametrize("key", TABLES)
def test_tables_have_the_official_labels_and_merged_cells(
    book: openpyxl.Workbook, key: str
) -> None:
    ws = book[LAYOUT.sheet(key).name]
    merged = {str(r) for r in ws.merged_cells.ranges}
    table = spec.tables()[key]
    for cell in table.cells:
        top_left = grid_address(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            bottom = grid_address(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
            assert f"{top_left}:{bottom}" in merged, cell
        if cell.text:
            assert ws[top_left].value == cell.text
            assert ws[top_left].protection.locked


def test_every_figure_is_in_its_cell_and_every_total_is_a_formula(
    book: openpyxl.Workbook, pingtan: AnnualReport
) -> None:
    for field in LAYOUT.fields:
        if field.kind not in (Kind.COUNT, Kind.FEE):
            continue
        cell = book[field.sheet][field.cell]
        # openpyxl reads numbers back as float: compare as written, in decimal.
        assert Decimal(str(cell.value)) == resolve(pingtan, field.path), field
        assert not cell.protection.locked
    for total in LAYOUT.totals:
        cell = book[total.sheet][total.cell]
        # pingtan's stated totals all add up: each is written as its formula.
        assert cell.value == total.formula
        assert cell.protection.locked


def test_a_stated_total_that_does_not_add_up_is_kept_as_typed(pingtan: AnnualReport) -> None:
    path = "applications.received.total"
    wrong = attrs.evolve(pingtan, stated_totals={path: resolve(pingtan, path) + 5})
    ws_name, cell = LAYOUT.cell_of(path)
    ws = _open(write_workbook(wrong))[ws_name]
    assert ws[cell].value == resolve(pingtan, path) + 5
    other = LAYOUT.total("applications.carried_over.total")
    assert ws[other.cell].value == other.formula


def test_blank_and_slash_cells_are_written_as_printed(pingtan: AnnualReport) -> None:
    blanks = {"review_litigation.review.upheld": "", "proactive.licensing": "/"}
    report = attrs.evolve(pingtan, blank_cells=blanks)
    book = _open(write_workbook(report))
    assert (
        book[LAYOUT.field("review_litigation.review.upheld").sheet][
            LAYOUT.field("review_litigation.review.upheld").cell
        ].value
        is None
    )
    licensing = LAYOUT.field("proactive.licensing")
    assert book[licensing.sheet][licensing.cell].value == "/"


def test_the_fee_is_written_exactly(pingtan: AnnualReport) -> None:
    fee = Decimal("5949.088667")
    report = attrs.evolve(pingtan, proactive=attrs.evolve(pingtan.proactive, fees=fee))
    field = LAYOUT.field("proactive.fees")
    with zipfile.ZipFile(io.BytesIO(write_workbook(report))) as archive:
        sheet_xml = _sheet_xml(archive, field.sheet)
    assert f'<c r="{field.cell}" s="' in sheet_xml and "<v>5949.088667</v>" in sheet_xml


def _sheet_xml(archive: zipfile.ZipFile, name: str) -> str:
    index = [s.name for s in LAYOUT.sheets].index(name) + 1
    return archive.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_checks_are_formulas_turning_red_when_not_passed(book: openpyxl.Workbook) -> None:
    for key in TABLES:
        ws = book[LAYOUT.sheet(key).name]
        checks = [c for c in LAYOUT.checks if c.sheet == ws.title and not c.needs_previous]
        assert checks
        for check in checks:
            assert ws[check.cell].value == check.formula
        (rule_range,) = ws.conditional_formatting
        covered = {c for area in str(rule_range.sqref).split() for c in iter_cells(area)}
        assert covered == {c.cell for c in checks}
        (rule,) = rule_range.rules
        assert rule.operator == "notEqual" and rule.formula == ['"通过"']
        assert rule.dxf.fill.fgColor.rgb == "FFFFC7CE"
    # R6 needs last year's report.
    sheet = book[LAYOUT.sheet("applications").name]
    assert all(sheet[c.cell].value is None for c in LAYOUT.checks if c.needs_previous)


# ------------------------------------------------------------------ validation, protection


def _validations(ws: Worksheet) -> dict[str, tuple[str, str]]:
    """Cell → (validation type, input message) for every validated cell."""
    out: dict[str, tuple[str, str]] = {}
    for dv in ws.data_validations.dataValidation:
        for area in str(dv.sqref).split():
            for cell in iter_cells(area):
                out[cell] = (dv.type, f"{dv.promptTitle}|{dv.prompt}")
    return out


def test_every_input_cell_is_validated_with_a_chinese_message(book: openpyxl.Workbook) -> None:
    by_sheet = {name: _validations(book[name]) for name in book.sheetnames}
    expected_type = {
        Kind.COUNT: "whole",
        Kind.FEE: "custom",
        Kind.LEVEL: "list",
        Kind.DATE: "date",
        Kind.YEAR: "whole",
        Kind.TEXT: "textLength",
    }
    for field in LAYOUT.fields:
        kind, message = by_sheet[field.sheet][field.cell]
        assert field.labels[-1] in message, field
        if field.kind in expected_type:
            assert kind == expected_type[field.kind], field
        assert not book[field.sheet][field.cell].protection.locked
    for ws in book.worksheets:  # Excel "repairs" a file with longer messages
        for dv in ws.data_validations.dataValidation:
            assert len(dv.promptTitle) <= 32 and len(dv.prompt) <= 255 and len(dv.error) <= 225
    level = next(dv for dv in book["基本信息"].data_validations.dataValidation if dv.type == "list")
    assert "乡镇（街道）" in level.formula1 and "国务院部门" in level.formula1


def test_sheets_are_protected_without_password_and_print_on_a4(book: openpyxl.Workbook) -> None:
    for ws in book.worksheets:
        assert ws.protection.sheet and not ws.protection.password
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
    assert book[LAYOUT.sheet("applications").name].page_setup.orientation == "landscape"
    # Text sheets let rows be added and removed.
    assert not book[LAYOUT.sheet("overview").name].protection.insertRows


# ------------------------------------------------------------------ text sheets


def _block_rows(ws: Worksheet, first_row: int) -> list[tuple[str, str]]:
    rows = []
    for row in range(first_row, ws.max_row + 1):
        a, b = ws[f"{MARKER_COLUMN}{row}"].value, ws[f"{TEXT_COLUMN}{row}"].value
        rows.append((a or "", b or ""))
    return rows


def test_text_sheets_hold_one_paragraph_a_row(pingtan: AnnualReport) -> None:
    report = attrs.evolve(
        pingtan,
        overview=attrs.evolve(
            pingtan.overview,
            intro="第一段。\n第二段。",
            parts=(TextPart(heading="（六）其他", text="甲。\n乙。"),),
        ),
        other=attrs.evolve(pingtan.other, text="=1+1 不是公式。"),
    )
    book = _open(write_workbook(report))
    ws = book[LAYOUT.sheet("overview").name]
    rows = _block_rows(ws, LAYOUT.text_sheet("overview").first_row)
    assert rows[:2] == [("概述", "第一段。"), ("", "第二段。")]
    marker = next(b.marker for b in LAYOUT.texts if b.path == "overview.parts")
    assert rows[-3:] == [(marker, "（六）其他"), ("", "甲。"), ("", "乙。")]
    other = book[LAYOUT.sheet("other").name]
    first = LAYOUT.text_sheet("other").first_row
    assert other[f"{TEXT_COLUMN}{first}"].value == "=1+1 不是公式。"
    assert other[f"{TEXT_COLUMN}{first}"].data_type == "s"
    assert other[LAYOUT.field("other.processing_fee").cell].value == report.other.processing_fee
    problems = book[LAYOUT.sheet("problems").name]
    items = [b for a, b in _block_rows(problems, LAYOUT.text_sheet("problems").first_row)]
    assert list(report.problems.problems) == items[1 : 1 + len(report.problems.problems)]


def test_a_paragraph_longer_than_a_cell_is_refused_clearly(pingtan: AnnualReport) -> None:
    report = attrs.evolve(pingtan, other=attrs.evolve(pingtan.other, text="字" * 40000))
    with pytest.raises(TextTooLongError, match="六、其他需要报告的事项/正文：一段 40000 字"):
        write_workbook(report)


# ------------------------------------------------------------------ the form to fill


def test_blank_form_from_last_year_carries_over_and_compares() -> None:
    last = _report("shuangpu-2024")  # 2 applications carried forward to 2025
    assert last.applications.carried_forward.natural_person == 2
    book = _open(blank_workbook(previous=last))
    info = book["基本信息"]
    assert info[LAYOUT.field("year").cell].value == last.year + 1
    assert info[LAYOUT.field("agency.name").cell].value == last.agency.name
    assert info[LAYOUT.field("agency.level").cell].value == last.agency.level.label
    assert info[LAYOUT.field("published").cell].value is None
    applications = book[LAYOUT.sheet("applications").name]
    for key in spec.applications.APPLICANT_COLUMNS.all_keys():
        field = LAYOUT.field(f"applications.carried_over.{key}")
        expected = resolve(last, f"applications.carried_forward.{key}")
        assert applications[field.cell].value == expected
        assert LAYOUT.field(f"applications.received.{key}").cell  # the rest is 0 to overwrite
        assert applications[LAYOUT.field(f"applications.received.{key}").cell].value == 0
    for ref in LAYOUT.previous:
        assert book[ref.sheet][ref.cell].value == resolve(last, ref.path), ref
    for check in (c for c in LAYOUT.checks if c.needs_previous):
        assert book[check.sheet][check.cell].value == check.formula
    # Last year's texts as a draft.
    overview = book[LAYOUT.sheet("overview").name]
    first = LAYOUT.text_sheet("overview").first_row
    assert overview[f"{TEXT_COLUMN}{first}"].value == last.overview.intro.split("\n")[0]


def test_blank_form_from_options() -> None:
    from govreport.model import AdminLevel

    book = _open(blank_workbook(year=2025, agency="某某镇人民政府", level=AdminLevel.TOWNSHIP))
    info = book["基本信息"]
    assert info[LAYOUT.field("year").cell].value == 2025
    assert info[LAYOUT.field("agency.name").cell].value == "某某镇人民政府"
    assert info[LAYOUT.field("agency.level").cell].value == "乡镇（街道）"
    assert all(book[f.sheet][f.cell].value == 0 for f in LAYOUT.fields if f.kind is Kind.COUNT)
    # No last year: no row for it, no R6.
    assert all(book[r.sheet][r.cell].value is None for r in LAYOUT.previous)
    labels = [c for c in spec.tables()["applications"].cells if c.role is CellRole.LABEL]
    assert labels


def test_a_report_with_extension_data_is_refused_not_dropped(
    pingtan: AnnualReport, tmp_path: Path
) -> None:
    from govreport import Engine
    from govreport.plugins.contributions import DataWriterError

    @attrs.frozen
    class Suggestions:
        handled: int = 3

    report = attrs.evolve(pingtan, extensions={"suggestions": Suggestions()})
    with pytest.raises(ExtensionDataError, match="extensions：suggestions"):
        write_workbook(report)
    target = tmp_path / "r.xlsx"
    with pytest.raises(DataWriterError, match=r"r\.xlsx：无法写成 xlsx") as refused:
        Engine(autoload=False).save_report(report, target)
    assert refused.value.exit_status == 2 and not target.exists()
