"""The official tables read by their labels, clean and messed up the way real portals print them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from govreport import Engine, spec
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Cell, Grid, Para, Source
from govreport.importing.mapper import map_source
from govreport.importing.tables import classify
from govreport.limits import MAX_IMPORT_GRID_POSITIONS
from tests.importing.mapper_grids import (
    cell_with,
    delete_rows,
    edit_cells,
    expected_data,
    insert_row,
    official_grid,
    row_with,
    sample_numbers,
    split_grid,
)

TABLES = ("proactive", "applications", "review_litigation")
SAMPLES = ("2024_pingtan", "2025_pingtan", "2024_huaian_shi")


def numbers(**changes: str) -> dict[str, str]:
    """平潭 2024's numbers, with ``changes`` (model path with ``__`` for ``.`` → printed text)."""
    out = sample_numbers("2024_pingtan")
    out.update({k.replace("__", "."): v for k, v in changes.items()})
    return out


def source(*grids: Grid) -> Source:
    blocks: list[Para | Grid] = []
    for key, grid in zip(TABLES, grids, strict=False):
        blocks += [Para(spec.heading(key).text), grid]
    blocks += list(grids[len(TABLES) :])
    return Source("html", tuple(blocks))


def grids(nums: dict[str, str]) -> list[Grid]:
    return [official_grid(key, nums, f"表格{i}") for i, key in enumerate(TABLES, 1)]


def read(*grids: Grid) -> tuple[dict[str, Any], list[Finding]]:
    imported = map_source(source(*grids))
    table_notes = [n for n in imported.notes if n.code not in ("M2", "M3", "M15", "M1")]
    return imported.data, table_notes


def tables_of(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in TABLES if key in data}


def codes(notes: list[Finding]) -> list[str]:
    return [n.code for n in notes]


@pytest.mark.parametrize("name", SAMPLES)
def test_clean_tables_read_exactly_with_no_note(name: str) -> None:
    nums = sample_numbers(name)
    data, notes = read(*grids(nums))
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_tables_are_found_by_their_labels_not_their_order() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    data, notes = read(four, two, three)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_a_missing_table_is_an_error_and_left_out() -> None:
    two, _, four = grids(numbers())
    imported = map_source(Source("html", (two, four)))
    assert "applications" not in imported.data
    missing = [n for n in imported.notes if n.code == "M4"]
    assert [(n.severity, n.location) for n in missing] == [
        (Severity.ERROR, "三、收到和处理政府信息公开申请情况")
    ]


@pytest.mark.parametrize("after", [[Para("附表")], []])
def test_a_grid_of_no_official_table_is_left_out_with_a_note(after: list[Para]) -> None:
    """Right after table 四 or not, a grid with labels of its own is no continuation."""
    other = Grid(
        (Cell("序号", 0, 0), Cell("事项", 0, 1), Cell("1", 1, 0), Cell("公开", 1, 1)), 2, 2
    )
    data, notes = read(*grids(numbers()), *after, other)
    assert tables_of(data) == expected_data(numbers())
    assert codes(notes) == ["M16"] * len(after) + ["M12"]
    assert "序号" in notes[-1].message


def test_a_huge_grid_is_not_read_as_a_table() -> None:
    n = MAX_IMPORT_GRID_POSITIONS + 1
    huge = Grid((Cell("规章", 0, 0), Cell("行政许可", 0, 1)), n, 1)
    assert classify(huge) is None
    _, notes = read(*grids(numbers()), Para("附表"), huge)
    assert codes(notes) == ["M16", "M12"] and "超过" in notes[1].message


# -- labels as portals print them -------------------------------------------------------

BROKEN_LABELS = {
    "商业企业": "商业\n企业",
    "总计": "总 计",
    "社会公益组织": "社会公益\n组织",
    "4.无正当理由大量反复申请": "4.无正当理由大量反复 申请",
    "1.属于国家秘密": "１．属于国家秘密",
    "2.重复申请": "2、重复申请",
    "3.危及“三安全一稳定”": '3.危及"三安全一稳定"',
    "（一）予以公开": "(一)予以公开",
    "一、本年新收政府信息公开申请数量": "一、本年新收政府信息\n公开申请数量",
    "结果维持": "结\n果\n维\n持",
    "未经复议直接起诉": "未经复议 直接起诉",
    "行政规范性文件": "行政规范性\u3000文件",
    "第二十条第（五）项": "第二十条 第（五）项",
}


def test_labels_broken_by_breaks_spaces_widths_numbering_and_quotes_need_no_note() -> None:
    nums = numbers()

    def broken(cell: Cell) -> Cell:
        return attrs.evolve(cell, text=BROKEN_LABELS.get(cell.text, cell.text))

    data, notes = read(*(edit_cells(g, broken) for g in grids(nums)))
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_the_known_typo_is_read_with_a_warning_at_its_row() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    three = edit_cells(
        three,
        lambda c: (
            attrs.evolve(c, text="2.其他法律行政止公开")
            if c.text == "2.其他法律行政法规禁止公开"
            else c
        ),
    )
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert [(n.code, n.severity, n.path) for n in notes] == [
        ("M5", Severity.WARNING, "applications.results.withheld.prohibited_by_law")
    ]
    assert "其他法律行政止公开" in notes[0].message
    assert notes[0].location == (
        "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开（表格2第9行）"
    )


def test_table_3_columns_are_named_by_the_header_not_by_position() -> None:
    """Swap 商业企业 and 科研机构 (header and values): each number stays with its label."""
    nums = numbers(
        applications__received__commercial_enterprise="5",
        applications__received__research_institution="9",
    )
    three = official_grid("applications", nums)
    swap = {4: 5, 5: 4}
    three = edit_cells(three, lambda c: attrs.evolve(c, col=swap.get(c.col, c.col)))
    data, notes = read(grids(nums)[0], three, grids(nums)[2])
    assert tables_of(data) == expected_data(nums)
    assert data["applications"]["received"][1:3] == [5, 9]
    assert notes == []


def test_an_empty_column_between_labels_and_values_is_not_a_value() -> None:
    """pdfplumber-like: a blank cell after the label; the header still names the columns."""
    nums = numbers()
    three = official_grid("applications", nums)
    wider = edit_cells(
        three,
        lambda c: (
            attrs.evolve(c, col=c.col + 1)
            if c.col >= 3
            else (
                attrs.evolve(c, colspan=c.colspan + 1)
                if c.col + c.colspan == 3 and c.row < 3
                else c
            )
        ),
    )
    wider = attrs.evolve(wider, n_cols=wider.n_cols + 1)
    two, _, four = grids(nums)
    data, notes = read(two, wider, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


# -- rows printed otherwise -------------------------------------------------------------


def _collapse_other_handling(grid: Grid, values: list[str]) -> Grid:
    first = row_with(grid, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    grid = delete_rows(grid, {first + 1, first + 2})
    kept = [c for c in grid.cells if c.row != first or c.col == 0]
    row = [Cell("（六）其他处理", first, 1, 1, 2)] + [
        Cell(v, first, 3 + i) for i, v in enumerate(values)
    ]
    return attrs.evolve(grid, cells=tuple(kept + row))


def test_other_handling_printed_as_one_row_goes_to_3_other_with_a_warning() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    three = _collapse_other_handling(three, ["2", "1", "0", "0", "0", "0", "3"])
    data, notes = read(two, three, four)
    handled = data["applications"]["results"]["other_handling"]
    assert handled["other"] == [2, 1, 0, 0, 0, 0, 3]
    # The sub-rows not printed are left out (the model's 0), not written blank.
    assert "not_corrected" not in handled and "fee_unpaid" not in handled
    collapsed = [n for n in notes if n.code == "M11"]
    assert len(collapsed) == 1 and collapsed[0].severity is Severity.WARNING
    assert "未印出分项" in collapsed[0].message and "3.其他" in collapsed[0].message
    assert collapsed[0].path == "applications.results.other_handling.other"
    # The two sub-rows not printed are left out, which that one note says.
    assert codes(notes) == ["M11"]
    assert not [p for p in Engine().parse_report(data).problems if p.code == "D4"]
    rest = dict(data["applications"])
    expected = expected_data(nums)["applications"]
    rest["results"] = {k: v for k, v in rest["results"].items() if k != "other_handling"}
    expected["results"] = {k: v for k, v in expected["results"].items() if k != "other_handling"}
    assert rest == expected


def test_a_subtotal_row_beside_its_sub_rows_is_left_out_with_its_numbers_in_the_note() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    at = row_with(three, "1.信访举报投诉类申请")
    group = cell_with(three, "（五）不予处理")
    three = insert_row(
        three,
        at,
        [Cell("（五）不予处理", 0, 1, 1, 2)] + [Cell("9", 0, 3 + i) for i in range(7)],
    )
    # The tall group cell now starts one row lower, under its printed subtotal.
    three = edit_cells(
        three,
        lambda c: (
            attrs.evolve(c, row=c.row + 1, rowspan=c.rowspan - 1)
            if c.text == group.text and c.rowspan > 1
            else c
        ),
    )
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert codes(notes) == ["M12"]
    assert "小计行" in notes[0].message and "9、9" in notes[0].message


@pytest.mark.parametrize("how", ["stacked", "per_character"])
def test_results_label_printed_in_pieces_changes_nothing(how: str) -> None:
    nums = numbers()
    two, three, four = grids(nums)
    tall = cell_with(three, "三、本年度办理结果")
    others = [c for c in three.cells if c is not tall]
    if how == "stacked":
        half = tall.rowspan // 2
        pieces = [
            Cell("三、本年度", tall.row, 0, half),
            Cell("办理结果", tall.row + half, 0, tall.rowspan - half),
        ]
    else:
        chars = "三、本年度办理结果"
        pieces = [
            Cell(chars[i - 5] if 5 <= i < 5 + len(chars) else "", tall.row + i, 0)
            for i in range(tall.rowspan)
        ]
    three = attrs.evolve(three, cells=tuple(others + pieces))
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_pieces_of_the_results_label_on_rows_of_their_own_are_skipped() -> None:
    """A PDF may give 三、 本 年 度 … rows of their own between the data rows (淮安)."""
    nums = numbers()
    two, three, four = grids(nums)
    tall = cell_with(three, "三、本年度办理结果")
    three = attrs.evolve(three, cells=tuple(c for c in three.cells if c is not tall))
    for i, piece in enumerate(("三、", "本", "年", "度")):
        three = insert_row(three, tall.row + 2 + 2 * i, [Cell(piece, 0, 0)])
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_an_unreadable_label_between_two_read_rows_is_taken_by_position() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    three = edit_cells(
        three,
        lambda c: attrs.evolve(c, text="？？？") if c.text == "6.属于四类过程性信息" else c,
    )
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert codes(notes) == ["M5"] and "按所在位置" in notes[0].message
    assert notes[0].path == "applications.results.withheld.process_information"


def test_an_extra_empty_row_under_table_4_is_left_out_with_a_note() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    four = insert_row(four, four.n_rows, [Cell("", 0, c) for c in range(15)])
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert [(n.code, n.severity) for n in notes] == [("M12", Severity.INFO)]
    assert "空白行" in notes[0].message


def test_table_4_values_before_an_empty_row_are_kept_even_if_the_empty_row_comes_first() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    four = insert_row(four, 3, [Cell("", 0, c) for c in range(15)])
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert codes(notes) == ["M12"]


# -- page breaks ---------------------------------------------------------------------------


def test_table_3_broken_across_pages_inside_a_group_is_joined() -> None:
    """淮安: the break falls inside （四）无法提供, printed “（四）无” above and “法提供” below."""
    nums = sample_numbers("2024_huaian_shi")
    two, three, four = grids(nums)
    at = row_with(three, "2.没有现成信息需要另行制作")
    top, bottom = split_grid(
        three,
        at,
        {
            "（四）无法提供": ("（四）无", "法提供"),
            "三、本年度办理结果": ("三、本年度办", "理结果"),
        },
    )
    data, notes = read(two, top, bottom, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_table_3_continued_on_a_narrower_grid_uses_its_last_seven_cells() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    at = row_with(three, "1.信访举报投诉类申请")
    top, bottom = split_grid(three, at)
    # The next page drops the outermost label column altogether.
    bottom = Grid(
        tuple(
            attrs.evolve(c, col=max(c.col - 1, 0), colspan=c.colspan - (c.col == 0))
            for c in bottom.cells
            if c.col > 0 or c.colspan > 1
        ),
        bottom.n_rows,
        bottom.n_cols - 1,
        bottom.where,
    )
    data, notes = read(two, top, bottom, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_table_2_broken_after_a_group_row_keeps_reading_by_row_labels() -> None:
    """淮安: 第二十条第（六）项 ends page 3; its header and rows start page 4."""
    nums = sample_numbers("2024_huaian_shi")
    two, three, four = grids(nums)
    top, bottom = split_grid(two, row_with(two, "第二十条第（六）项") + 1)
    data, notes = read(top, bottom, three, four)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


def test_table_4_values_on_the_next_page_are_joined() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    head, values = split_grid(four, 3)
    data, notes = read(two, three, head, values)
    assert tables_of(data) == expected_data(nums)
    assert notes == []


# -- cell values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "fees", "unit_note"),
    [
        ("75394432.52元", Decimal("7539.443252"), True),
        ("18651.06万元", Decimal("18651.06"), False),
        ("5949.088667", Decimal("5949.088667"), False),
        ("１８６５１．０６", Decimal("18651.06"), False),
    ],
)
def test_fees_are_exact_and_in_10000_yuan(printed: str, fees: Decimal, unit_note: bool) -> None:
    data, notes = read(*grids(numbers(proactive__fees=printed)))
    assert data["proactive"]["fees"] == fees
    assert str(data["proactive"]["fees"]) == str(fees)
    assert ("M10" in codes(notes)) is unit_note
    if unit_note:
        [note] = [n for n in notes if n.code == "M10"]
        assert "75394432.52元 = 7539.443252万元" in note.message
        assert note.location.startswith(
            "第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）"
        )


def test_a_fee_column_in_yuan_is_converted() -> None:
    nums = numbers(proactive__fees="1234.5")
    two = edit_cells(
        official_grid("proactive", nums),
        lambda c: attrs.evolve(c, text="本年收费金额（单位：元）") if "收费金额" in c.text else c,
    )
    data, notes = read(two, *grids(nums)[1:])
    assert data["proactive"]["fees"] == Decimal("0.12345")
    assert codes(notes) == ["M10"]


def test_blank_and_slash_cells_are_kept_as_printed_and_left_to_the_loader() -> None:
    """The loader says once per region what a run of blank cells is (D4): no mapper note."""
    blank_rows = ("prohibited_by_law", "endangers_stability")
    changes = {
        f"applications__results__withheld__{row}__{col}": ""
        for row in blank_rows
        for col, _ in spec.applications.COLUMNS
    }
    changes |= {
        f"review_litigation__litigation_direct__{o}": "/"
        for o in (*spec.review.OUTCOMES.all_keys(), "total")
    }
    data, notes = read(*grids(numbers(**changes)))
    withheld = data["applications"]["results"]["withheld"]
    assert withheld["prohibited_by_law"] == [None] * 7
    assert withheld["endangers_stability"] == [None] * 7
    assert data["review_litigation"]["litigation_direct"] == dict.fromkeys(
        ("upheld", "corrected", "other", "pending", "total"), "/"
    )
    # Only the blank totals are the mapper's to say (no total stated), as information.
    assert [(n.code, n.severity) for n in notes] == [("M7", Severity.INFO)] * 2
    assert {n.path for n in notes} == {
        "applications.results.withheld.prohibited_by_law.total",
        "review_litigation.litigation_direct.total",
    }
    assert notes[0].location == (
        "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开/总计"
        "（表格2第9行第10列至表格2第10行第10列）"
    )
    loaded = Engine().parse_report(data)
    d4 = [p for p in loaded.problems if p.code == "D4"]
    assert [p.path for p in d4] == [
        "applications.results.withheld.prohibited_by_law.natural_person",
        "review_litigation.litigation_direct.upheld",
    ]
    assert "共 14 个单元格" in d4[0].message and "“/”" in d4[1].message


def test_a_blank_total_column_stays_absent_with_one_note() -> None:
    changes = {f"{path}__total": "" for path, _, _ in spec.applications.leaf_rows()}
    changes = {k.replace(".", "__"): v for k, v in changes.items()}
    data, notes = read(*grids(numbers(**changes)))
    assert data["applications"]["received"] == [217, 1, 0, 0, 0, 0, None]
    assert data["applications"]["results"]["total"][6] is None
    assert [(n.code, n.severity) for n in notes] == [("M7", Severity.INFO)]
    assert "共 25 个总计单元格" in notes[0].message


def test_thousands_separators_and_full_width_digits_are_read_with_a_note() -> None:
    data, notes = read(
        *grids(
            numbers(
                proactive__licensing="4,529",
                applications__received__natural_person="２１７",
                review_litigation__review__total="7件",
            )
        )
    )
    assert data["proactive"]["licensing"] == 4529
    assert data["applications"]["received"][0] == 217
    assert data["review_litigation"]["review"]["total"] == 7
    assert [(n.code, n.severity) for n in notes] == [("M9", Severity.INFO)] * 3
    assert "千位分隔符" in notes[0].message and "全角数字" in notes[1].message


def test_a_cell_that_is_not_a_number_is_null_with_a_warning_and_its_place() -> None:
    data, notes = read(*grids(numbers(applications__results__disclosed__natural_person="七十一")))
    assert data["applications"]["results"]["disclosed"][0] is None
    assert [(n.code, n.severity) for n in notes] == [("M8", Severity.WARNING)]
    assert "七十一" in notes[0].message
    assert notes[0].location == "三、本年度办理结果/（一）予以公开/自然人（表格2第6行第4列）"


def test_stated_totals_are_kept_as_printed_even_when_wrong() -> None:
    data, notes = read(
        *grids(
            numbers(
                applications__received__total="300",
                applications__results__total__total="1",
                review_litigation__review__total="0",
            )
        )
    )
    assert data["applications"]["received"][6] == 300
    assert data["applications"]["results"]["total"][6] == 1
    assert data["review_litigation"]["review"]["total"] == 0
    assert notes == []


def test_a_row_not_printed_is_left_empty_with_one_note() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    three = delete_rows(three, {row_with(three, "3.要求提供公开出版物")})
    data, notes = read(two, three, four)
    assert "publications" not in data["applications"]["results"]["not_processed"]
    assert [(n.code, n.path) for n in notes] == [
        ("M13", "applications.results.not_processed.publications")
    ]
    # Not printed is not printed blank: the loader has no blank cell to report.
    loaded = Engine().parse_report(data)
    assert [p for p in loaded.problems if p.path.startswith("applications")] == []
    assert loaded.report.applications.results.not_processed.publications.total == 0


def test_table_4_printed_on_its_side_is_read_by_its_labels() -> None:
    nums = numbers()
    outcomes = [*spec.review.OUTCOMES.all_texts(), "总计"]
    cells = [Cell("", 0, 0)] + [Cell(t, 0, i + 1) for i, t in enumerate(outcomes)]
    keys = [*spec.review.OUTCOMES.all_keys(), "total"]
    rows = (
        ("行政复议", "review"),
        ("未经复议直接起诉", "litigation_direct"),
        ("复议后起诉", "litigation_after_review"),
    )
    for r, (label, group) in enumerate(rows, 1):
        cells.append(Cell(label, r, 0))
        cells += [
            Cell(nums[f"review_litigation.{group}.{k}"], r, i + 1) for i, k in enumerate(keys)
        ]
    four = Grid(tuple(cells), 4, 6)
    two, three, _ = grids(nums)
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert [(n.code, n.severity) for n in notes] == [("M5", Severity.INFO)]


def test_table_2_without_its_header_rows_reads_the_2021_columns_with_one_note() -> None:
    nums = numbers()
    two, three, four = grids(nums)
    headers = {c.row for c in two.cells if c.text == "信息内容"}
    two = delete_rows(two, headers)
    data, notes = read(two, three, four)
    assert tables_of(data) == expected_data(nums)
    assert [(n.code, n.severity) for n in notes] == [("M5", Severity.INFO)]
