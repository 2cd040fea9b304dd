"""The workbook layout: each official cell once, at its spec place; totals over the right cells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl.utils.cell import range_boundaries

from govreport import read_report, spec
from govreport.model import AnnualReport
from govreport.model.paths import resolve
from govreport.testing.synthetic import generate
from govreport.workbook.layout import (
    LAYOUT,
    MAX_SHEET_NAME,
    TABLE_TOP,
    Field,
    Kind,
    SheetKind,
    Total,
    grid_address,
    iter_cells,
)

TABLE_KEYS = ("proactive", "applications", "review_litigation")
EXAMPLES = Path(__file__).parents[2] / "examples"


def _reports() -> list[AnnualReport]:
    """The real 平潭 report (many non-zero cells) and a few synthetic ones."""
    synthetic = [s.report for s in generate(4, seed=7)]
    return [read_report(EXAMPLES / "pingtan-2024.yaml"), *synthetic]  # type: ignore[list-item]


def test_sheet_names_are_the_official_headings_and_valid_for_excel() -> None:
    names = [s.name for s in LAYOUT.sheets]
    assert names[:2] == ["说明", "基本信息"]
    assert names[2:] == [spec.heading(key).text for key, _ in spec.SECTIONS]
    for name in names:
        assert len(name) <= MAX_SHEET_NAME
        assert not re.search(r"[\[\]:*?/\\]", name)
    assert [s.key for s in LAYOUT.sheets if s.kind is SheetKind.TABLE] == list(TABLE_KEYS)


@pytest.mark.parametrize("key", TABLE_KEYS)
def test_every_number_cell_of_the_spec_is_a_field_or_total_at_its_grid_position(key: str) -> None:
    table = spec.tables()[key]
    sheet = LAYOUT.sheet(key).name
    for cell in table.cells:
        if not cell.is_number:
            assert LAYOUT.field_at(sheet, grid_address(cell.row, cell.col)) is None
            continue
        found = LAYOUT.field_at(sheet, grid_address(cell.row, cell.col))
        assert found is not None, cell
        assert found.path == cell.path
        assert found.labels == spec.field_labels()[cell.path]
        assert isinstance(found, Field if cell.role is spec.CellRole.VALUE else Total)
        assert LAYOUT.address(cell.path) == f"{sheet}!{grid_address(cell.row, cell.col)}"


def test_table_three_cell_addresses_read_like_the_printed_table() -> None:
    sheet = "三、收到和处理政府信息公开申请情况"
    # Header rows 3–5, 一、本年新收 in row 6; 自然人 is column D, 总计 column J.
    assert LAYOUT.cell_of("applications.received.natural_person") == (sheet, "D6")
    assert LAYOUT.cell_of("applications.received.total") == (sheet, "J6")
    assert LAYOUT.cell_of("applications.carried_forward.other") == (sheet, "I30")
    assert LAYOUT.field_at(sheet, "d12").path == (  # type: ignore[union-attr]
        "applications.results.withheld.endangers_stability.natural_person"
    )
    assert TABLE_TOP == 3


def test_cells_are_unique_and_kinds_match_the_model() -> None:
    cells = [(x.sheet, x.cell) for x in (*LAYOUT.fields, *LAYOUT.totals)]
    assert len(cells) == len(set(cells))
    paths = [x.path for x in (*LAYOUT.fields, *LAYOUT.totals)]
    assert len(paths) == len(set(paths))
    assert LAYOUT.field("proactive.fees").kind is Kind.FEE
    assert LAYOUT.field("agency.level").kind is Kind.LEVEL
    assert LAYOUT.field("published").kind is Kind.DATE
    # Every number field resolves in a real report.
    for report in _reports():
        for field in LAYOUT.fields:
            if field.kind in (Kind.COUNT, Kind.FEE):
                resolve(report, field.path)
    with pytest.raises(KeyError):
        LAYOUT.cell_of("applications.nothing")


def _sum_cells(formula: str) -> set[str]:
    m = re.fullmatch(r"=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)", formula)
    assert m, formula
    return set(iter_cells(m.group(1)))


def test_every_total_sums_exactly_the_cells_the_model_adds() -> None:
    reports = _reports()
    for total in LAYOUT.totals:
        covered = _sum_cells(total.formula)
        parts = [LAYOUT.field_at(total.sheet, c) for c in sorted(covered)]
        paths = [p.path for p in parts if p is not None]
        assert len(paths) == len(covered), total  # no blank or label cell inside
        # The cells summed add up to the model's own total on a real report.
        for report in reports:
            assert sum(resolve(report, p) for p in paths) == resolve(report, total.path), total


def test_checks_and_their_labels_sit_outside_the_tables() -> None:
    occupied = {(x.sheet, x.cell) for x in (*LAYOUT.fields, *LAYOUT.totals)}
    for key in TABLE_KEYS:
        table = spec.tables()[key]
        sheet = LAYOUT.sheet(key).name
        last = f"{grid_address(table.n_rows - 1, table.n_cols - 1)}"
        min_col, min_row, max_col, max_row = range_boundaries(f"A{TABLE_TOP}:{last}")
        for check in (c for c in LAYOUT.checks if c.sheet == sheet):
            col, row, _, _ = range_boundaries(check.cell)
            assert not (min_col <= col <= max_col and min_row <= row <= max_row), check  # type: ignore[operator]
            assert (check.sheet, check.cell) not in occupied
            assert check.formula.startswith("=IF(") and '"通过"' in check.formula
    rules = {c.rule for c in LAYOUT.checks}
    assert rules == {"R1", "R2", "R3", "R4", "R5", "R6"}
    assert all(c.needs_previous == (c.rule == "R6") for c in LAYOUT.checks)


def test_text_blocks_are_named_by_their_official_label() -> None:
    markers = {b.path: b.marker for b in LAYOUT.texts}
    assert markers["overview.proactive"] == "（一）主动公开"
    assert markers["problems.problems"] == "存在的主要问题"
    assert LAYOUT.field("other.processing_fee").cell == "B3"
    for key in ("overview", "problems", "other"):
        blocks = LAYOUT.blocks_of(key)
        assert blocks and len({b.marker for b in blocks}) == len(blocks)
