"""The official tables in HTML: geometry from the spec, header semantics, row groups."""

from __future__ import annotations

import pytest

import govreport
from govreport import spec
from govreport.document.official import format_number, table_block
from govreport.model import resolve
from govreport.outputs.html.tables import col_widths, slug, table_view
from govreport.spec import applications as app_spec
from govreport.spec.grid import CellRole
from govreport.testing import sample_report, zero_report

from .support import parse, render

KEYS = tuple(spec.tables())


@pytest.fixture(scope="module")
def page() -> str:
    return render(sample_report())


@pytest.mark.parametrize("key", KEYS)
def test_rows_spans_and_labels_follow_the_official_geometry(page: str, key: str) -> None:
    report = sample_report()
    table = parse(page).official()[key]
    expected = spec.tables()[key].rows()
    assert len(table.rows) == len(expected)
    for got_row, want_row in zip(table.rows, expected, strict=True):
        assert len(got_row) == len(want_row)
        for got, want in zip(got_row, want_row, strict=True):
            want_text = format_number(resolve(report, want.path)) if want.is_number else want.text
            assert (got.text, got.rowspan, got.colspan) == (want_text, want.rowspan, want.colspan)
            assert got.tag == ("td" if want.is_number else "th")


@pytest.mark.parametrize("key", KEYS)
def test_thead_holds_exactly_the_header_rows(page: str, key: str) -> None:
    table = parse(page).official()[key]
    n_head = spec.tables()[key].header_rows
    assert table.sections[:n_head] == ["thead"] * n_head
    assert set(table.sections[n_head:]) == {"tbody"}
    assert table.caption == spec.tables()[key].title


@pytest.mark.parametrize("key", KEYS)
def test_every_number_names_its_official_labels_in_headers(page: str, key: str) -> None:
    """A screen reader announces each number with the labels spec.field_labels() gives it."""
    parsed = parse(page)
    labels = spec.field_labels()
    # Table 三's column headings nest: 商业企业 sits under 申请人情况 and 法人或其他组织.
    column_ancestors = {app_spec.APPLICANTS, app_spec.ORGANISATIONS}
    cells = [c for row in parsed.official()[key].rows for c in row if c.tag == "td"]
    assert cells
    for cell in cells:
        path = cell.attrs["id"]
        announced = [parsed.by_id[i] for i in cell.attrs["headers"].split()]
        want = labels[_path_of(key, path)]
        assert set(want) <= set(announced), (path, announced, want)
        assert set(announced) - set(want) <= column_ancestors


def _path_of(key: str, cell_id: str) -> str:
    """The model path of the spec cell at the id's grid position."""
    row, col = cell_id.rsplit("-", 1)[1][1:].split("c")
    cell = spec.tables()[key].cell_at(int(row), int(col))
    assert cell is not None
    return cell.path


def test_scopes_say_which_way_a_header_reads(page: str) -> None:
    parsed = parse(page)
    for key, table in parsed.official().items():
        for row in table.rows:
            for cell in row:
                if cell.tag == "td":
                    assert "scope" not in cell.attrs
                    continue
                spec_cell = spec.tables()[key].cell_at(*_grid(cell.attrs["id"]))
                assert spec_cell is not None
                scope = cell.attrs["scope"]
                if spec_cell.role is CellRole.HEADER:
                    assert scope == ("col" if spec_cell.colspan == 1 else "colgroup")
                else:
                    assert scope in ("row", "rowgroup")


def _grid(cell_id: str) -> tuple[int, int]:
    row, col = cell_id.rsplit("-", 1)[1][1:].split("c")
    return int(row), int(col)


def test_row_groups_match_the_tables_structure() -> None:
    report = zero_report()
    proactive = table_view(table_block(report, "proactive"))
    # Table 二: one <tbody> per 第二十条第（…）项, each opened by its group label.
    assert [b[0][0].text for b in proactive.bodies] == [
        c.text for c in spec.tables()["proactive"].cells if c.role is CellRole.GROUP
    ]
    assert all(b[0][0].scope == "rowgroup" for b in proactive.bodies)
    applications = table_view(table_block(report, "applications"))
    # Table 三: 三、本年度办理结果 spans its whole group, so it is a rowgroup header.
    results = [b for b in applications.bodies if b[0][0].text == app_spec.RESULTS.label]
    assert len(results) == 1
    assert results[0][0][0].scope == "rowgroup"
    assert len(results[0]) == results[0][0][0].rowspan
    # （三）不予公开 spans only part of that group: a row header.
    withheld = next(
        c for b in applications.bodies for r in b for c in r if c.text.startswith("（三）")
    )
    assert withheld.scope == "row"


def test_column_widths_are_fixed_precision_percentages() -> None:
    widths = col_widths((1, 2, 3))
    assert widths == ("16.67%", "33.33%", "50.00%")
    assert col_widths(()) == ()


@pytest.mark.parametrize(
    ("key", "want"), [("applications", "applications"), ("x y</style>", "x-y-style")]
)
def test_slug_keeps_plugin_keys_out_of_css_syntax(key: str, want: str) -> None:
    assert slug(key) == want


@pytest.mark.parametrize("seed", [1, 2])
def test_a_kept_views_rows_give_the_cells_and_html_of_a_fresh_view(seed: int) -> None:
    from govreport.outputs.html import tables
    from govreport.testing.synthetic import generate

    engine = govreport.Engine(autoload=False)
    for item in generate(3, seed=seed):
        for table in engine.document(item.report).tables():
            kept, fresh = table_view(table), tables._table_view(table, "gr")
            assert kept == fresh  # row by row, cell by cell
            rows = [*kept.head, *(r for body in kept.bodies for r in body)]
            plain = [*fresh.head, *(r for body in fresh.bodies for r in body)]
            assert all(isinstance(r, tables.FilledRow) for r in rows)
            assert [tables.row_html(r) for r in rows] == [tables.row_html(r) for r in plain]
            assert [tuple(r) for r in rows] == [tuple(r) for r in plain]
