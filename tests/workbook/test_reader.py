"""Reading a filled-in workbook back: the same report, stated totals, problems at their cells."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from govreport import UnreadableFileError
from govreport.model import AdminLevel, ListStyle
from govreport.workbook.layout import LAYOUT

from .books import (
    APPLICATIONS,
    INFO,
    cache_formula_values,
    edit_part,
    edited,
    engine,
    example,
    set_cells,
    written,
)

RECEIVED = LAYOUT.field("applications.received.natural_person")
RECEIVED_TOTAL = LAYOUT.total("applications.received.total")
PROBLEMS = LAYOUT.sheet("problems").name
OVERVIEW = LAYOUT.sheet("overview").name


@pytest.mark.parametrize("name", ["shuangpu-2024", "pingtan-2024", "pingtan-2025"])
def test_a_written_workbook_reads_back_as_the_same_report(tmp_path: Path, name: str) -> None:
    report = example(name)
    loaded = engine().load_report(written(tmp_path, report))
    assert loaded.problems == ()
    # openpyxl caches no formula value: the workbook states no total, loses nothing.
    assert loaded.report.stated_totals == {}
    assert loaded.report == attrs.evolve(report, stated_totals={})


def test_numbers_dates_levels_and_choices_become_data_file_values(tmp_path: Path) -> None:
    path = set_cells(
        written(tmp_path),
        INFO,
        {
            LAYOUT.field("agency.level").cell: AdminLevel.COUNTY_DEPARTMENT.label,
            LAYOUT.field("agency.contact.postcode").cell: 310024,  # typed as a number
            LAYOUT.field("published").cell: dt.datetime(2025, 1, 20),
        },
    )
    report = engine().read_report(path)
    assert report.agency.level is AdminLevel.COUNTY_DEPARTMENT
    assert report.agency.contact.postcode == "310024"
    assert report.published == dt.date(2025, 1, 20)
    assert report.problems.style is ListStyle.ENUMERATED


@pytest.mark.parametrize("typed", ["2025年1月20日", "2025/1/20", "2025.01.20", "2025-1-20"])
def test_a_date_typed_as_text_is_read(tmp_path: Path, typed: str) -> None:
    path = set_cells(written(tmp_path), INFO, {LAYOUT.field("published").cell: typed})
    assert engine().read_report(path).published == dt.date(2025, 1, 20)


def test_an_impossible_date_is_located(tmp_path: Path) -> None:
    published = LAYOUT.field("published")
    path = set_cells(written(tmp_path), INFO, {published.cell: "2025年2月30日"})
    (problem,) = engine().load_report(path).problems
    assert problem.code == "D2" and published.address in problem.location


def test_text_in_a_number_cell_is_named_by_label_and_cell(tmp_path: Path) -> None:
    path = set_cells(written(tmp_path), APPLICATIONS, {RECEIVED.cell: "二十三"})
    loaded = engine().load_report(path)
    (problem,) = loaded.problems
    assert problem.code == "D2"
    assert f"（{APPLICATIONS}!{RECEIVED.cell}）" in problem.location
    assert problem.location.startswith("一、本年新收政府信息公开申请数量/自然人")
    assert "应为不小于0的整数" in problem.message and "二十三" in problem.message
    line = loaded.lines()[0]
    assert f"{APPLICATIONS}!{RECEIVED.cell}" in line and "自然人" in line


def test_a_fee_keeps_its_decimals_and_a_bad_one_is_located(tmp_path: Path) -> None:
    fees = LAYOUT.field("proactive.fees")
    path = set_cells(written(tmp_path), fees.sheet, {fees.cell: 5949.088667})
    assert engine().read_report(path).proactive.fees == Decimal("5949.088667")
    set_cells(path, fees.sheet, {fees.cell: "约6千"})
    (problem,) = engine().load_report(path).problems
    assert problem.code == "D2" and fees.address in problem.location


def test_a_blank_cell_is_a_blank_of_the_report_at_its_cell(tmp_path: Path) -> None:
    path = set_cells(written(tmp_path), APPLICATIONS, {RECEIVED.cell: None})
    loaded = engine().load_report(path)
    assert loaded.report.blank_cells == {RECEIVED.path: ""}
    (problem,) = loaded.problems
    assert problem.code == "D4" and RECEIVED.address in problem.location


def test_a_number_typed_over_a_total_formula_is_a_stated_total_checked_by_r1(
    tmp_path: Path,
) -> None:
    report = example()
    right = report.applications.received.total
    path = set_cells(written(tmp_path, report), APPLICATIONS, {RECEIVED_TOTAL.cell: right})
    loaded = engine().load_report(path)
    assert loaded.report.stated_totals == {RECEIVED_TOTAL.path: right}
    assert engine().validate(loaded.report) == []
    set_cells(path, APPLICATIONS, {RECEIVED_TOTAL.cell: right + 5})
    findings = engine().validate(engine().read_report(path))
    assert [(f.code, f.path) for f in findings] == [("R1", RECEIVED_TOTAL.path)]
    assert str(right + 5) in findings[0].message


def test_cached_formula_values_are_stated_totals(tmp_path: Path) -> None:
    report = example()
    right = report.applications.received.total
    path = cache_formula_values(
        written(tmp_path, report), APPLICATIONS, {RECEIVED_TOTAL.cell: right}
    )
    loaded = engine().load_report(path)
    assert loaded.report.stated_totals == {RECEIVED_TOTAL.path: right}
    assert engine().validate(loaded.report) == []
    # A value the formula could not have come to (the cell's inputs changed
    # after the program saved it, say) is checked like any stated total.
    path = cache_formula_values(written(tmp_path, report), APPLICATIONS, {RECEIVED_TOTAL.cell: 1})
    (finding,) = engine().validate(engine().read_report(path))
    assert finding.code == "R1" and finding.path == RECEIVED_TOTAL.path


def test_text_typed_over_a_total_is_a_problem_at_its_cell(tmp_path: Path) -> None:
    path = set_cells(written(tmp_path), APPLICATIONS, {RECEIVED_TOTAL.cell: "见上"})
    (problem,) = engine().load_report(path).problems
    assert problem.code == "D2" and RECEIVED_TOTAL.address in problem.location


def test_paragraphs_and_items_added_in_a_text_block_are_read(tmp_path: Path) -> None:
    report = example()

    def change(book: openpyxl.Workbook) -> None:
        ws = book[PROBLEMS]
        rows = [r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value == "改进情况（引言）"]
        ws.insert_rows(rows[0])  # one more problem, right after the last one
        ws[f"B{rows[0]}"] = "新增的问题"

    path = edited(written(tmp_path, report), change)
    problems = engine().read_report(path).problems
    assert problems.problems == (*report.problems.problems, "新增的问题")
    assert problems.improvements == report.problems.improvements


def test_a_problem_in_a_text_block_is_located_at_its_name(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        ws = book[OVERVIEW]
        (row,) = [r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value == "概述"]
        ws.insert_rows(row + 1, 4)
        for r in range(row + 1, row + 5):  # a cell holds 32,767 characters at most
            ws[f"B{r}"] = "长" * 30_000

    loaded = engine().load_report(edited(written(tmp_path), change))
    (problem,) = loaded.problems
    assert problem.path == "overview.intro" and problem.code == "D2"
    assert problem.location.endswith(f"（{OVERVIEW}!A3）")


# ---------------------------------------------------------------- layout changed


def _refused(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        engine().load_report(path)
    assert caught.value.exit_status == 2
    return str(caught.value)


def test_a_renamed_sheet_is_named_with_its_new_name(tmp_path: Path) -> None:
    path = edited(written(tmp_path), lambda book: setattr(book[APPLICATIONS], "title", "表三"))
    message = _refused(path)
    assert f"缺少工作表“{APPLICATIONS}”" in message and "“表三”" in message
    assert "改回" in message


def test_a_deleted_sheet_is_named(tmp_path: Path) -> None:
    path = edited(written(tmp_path), lambda book: book.remove(book[OVERVIEW]))
    message = _refused(path)
    assert f"缺少工作表“{OVERVIEW}”" in message and "删除" in message


def test_rows_inserted_in_a_table_say_which_row_moved_where(tmp_path: Path) -> None:
    row = int(RECEIVED.cell[1:])
    path = edited(written(tmp_path), lambda book: book[APPLICATIONS].insert_rows(row, 2))
    message = _refused(path)
    assert f"“一、本年新收政府信息公开申请数量”应在第{row}行" in message
    assert f"现在在第{row + 2}行" in message and "插入了2行" in message


def test_a_row_deleted_in_the_info_sheet_is_found(tmp_path: Path) -> None:
    row = int(LAYOUT.field("year").cell[1:])
    path = edited(written(tmp_path), lambda book: book[INFO].delete_rows(row))
    message = _refused(path)
    assert "删除了1行" in message and INFO in message


def test_a_changed_label_is_named_with_what_it_says_now(tmp_path: Path) -> None:
    path = set_cells(written(tmp_path), APPLICATIONS, {"A6": "一、新收申请"})
    message = _refused(path)
    assert f"{APPLICATIONS}!A6 应为“一、本年新收政府信息公开申请数量”" in message
    assert "“一、新收申请”" in message


def test_a_block_name_deleted_on_a_text_sheet_is_refused(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        ws = book[PROBLEMS]
        for row in ws.iter_rows(max_col=1):
            if row[0].value == "改进情况":
                row[0].value = None

    message = _refused(edited(written(tmp_path), change))
    assert "缺少栏目“改进情况”" in message


def test_an_unknown_block_name_is_refused_at_its_cell(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        ws = book[OVERVIEW]
        ws.cell(ws.max_row + 2, 1, "（六）其他")
        ws.cell(ws.max_row, 2, "一段")

    message = _refused(edited(written(tmp_path), change))
    assert "“（六）其他”不是本表的栏目名称" in message and f"{OVERVIEW}!A" in message


# ---------------------------------------------------------------- bounded reading


def test_a_paragraph_on_the_last_row_of_a_sheet_is_read(tmp_path: Path) -> None:
    """Empty rows cost nothing: a cell at row 1,048,576 (Excel's last) is read, quickly."""
    other = LAYOUT.sheet("other").name
    path = set_cells(written(tmp_path), other, {"B1048576": "最后一段"})
    assert engine().read_report(path).other.text.endswith("\n最后一段")


_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')


def test_a_sheet_that_understates_its_size_hides_nothing(tmp_path: Path) -> None:
    """``<dimension ref="A1"/>``: openpyxl's read-only mode would stop at A1."""
    report = example()
    path = written(tmp_path, report)
    for sheet in (APPLICATIONS, PROBLEMS):
        edit_part(path, sheet, lambda xml: _DIMENSION.sub('<dimension ref="A1"/>', xml))
    assert engine().read_report(path) == report
