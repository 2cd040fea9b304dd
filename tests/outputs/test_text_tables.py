"""The txt format's tables: read back as a picture, independent of how they were drawn.

A drawn table is parsed into regions: connected areas without border
characters.  With correct borders every region is one cell, rectangular, and
its text read row by row is the cell's text.
"""

from __future__ import annotations

import pytest
from wcwidth import wcswidth, wcwidth

import govreport
from govreport import spec
from govreport.document.blocks import Table, TableCell
from govreport.document.official import format_number
from govreport.model import resolve
from govreport.outputs.textgrid import BOX_CHARACTERS, render_table
from govreport.spec.grid import CellRole
from govreport.testing import sample_report, zero_report

Point = tuple[int, int]


def slots(line: str) -> list[str]:
    """One entry per display column; a wide character's second column is ''."""
    out: list[str] = []
    for ch in line:
        out.append(ch)
        out.extend([""] * (wcwidth(ch) - 1))
    return out


def regions(lines: list[str]) -> list[tuple[set[Point], str]]:
    """Connected border-free areas and the text each holds, top to bottom."""
    grid = [slots(line) for line in lines]
    seen: set[Point] = set()
    found = []
    for y, row in enumerate(grid):
        for x, ch in enumerate(row):
            if (y, x) in seen or ch in BOX_CHARACTERS:
                continue
            area, todo = set(), [(y, x)]
            while todo:
                p = todo.pop()
                py, px = p
                if p in area or not (0 <= py < len(grid) and 0 <= px < len(grid[py])):
                    continue
                if grid[py][px] in BOX_CHARACTERS:
                    continue
                area.add(p)
                todo += [(py + 1, px), (py - 1, px), (py, px + 1), (py, px - 1)]
            seen |= area
            ys = sorted({p[0] for p in area})
            xs = sorted({p[1] for p in area})
            text = "".join(
                "".join(grid[ry][rx] for rx in xs if (ry, rx) in area).strip() for ry in ys
            )
            found.append((area, text))
    return found


def bbox(area: set[Point]) -> tuple[int, int, int, int]:
    ys = [p[0] for p in area]
    xs = [p[1] for p in area]
    return min(ys), max(ys), min(xs), max(xs)


def drawn_tables(text: str) -> list[list[str]]:
    """The box-drawn tables of a rendered document, as lists of lines."""
    tables: list[list[str]] = []
    current: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("┌"):
            current = []
        if current is not None:
            current.append(line)
            if line.startswith("└"):
                tables.append(current)
                current = None
    return tables


def render(report=None, **options) -> str:
    engine = govreport.Engine(autoload=False)
    return engine.render(report or sample_report(), "txt", options=options).decode("utf-8")


WIDTHS = (60, 80, 100, 140)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_line_of_a_table_has_the_same_display_width(width):
    tables = drawn_tables(render(width=width))
    assert len(tables) == 3
    for lines in tables:
        assert len({wcswidth(line) for line in lines}) == 1


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("make", [sample_report, zero_report])
def test_each_cell_is_one_rectangle_holding_its_text(width, make):
    report = make()
    document = govreport.Engine(autoload=False).document(report)
    for table, lines in zip(
        document.tables(), drawn_tables(render(report, width=width)), strict=True
    ):
        found = regions(lines)
        for area, _ in found:
            top, bottom, left, right = bbox(area)
            assert len(area) == (bottom - top + 1) * (right - left + 1), "cell is not a rectangle"
        assert sorted(text for _, text in found) == sorted(c.text for c in table.cells)


def test_every_official_label_and_every_number_of_the_report_is_shown():
    report = sample_report()
    drawn = dict(zip(spec.tables(), drawn_tables(render(report)), strict=True))
    for key, table_spec in spec.tables().items():
        texts = [text for _, text in regions(drawn[key])]
        for label in table_spec.labels():
            assert label in texts, label
        for cell in table_spec.value_cells():
            assert format_number(resolve(report, cell.path)) in texts, cell.path


def label(prefix: str) -> str:
    """An official label of table 三, read from the spec, never retyped."""
    [text] = [t for t in spec.tables()["applications"].labels() if t.startswith(prefix)]
    return text


def _region(found, text):
    [area] = [area for area, t in found if t == text]
    return bbox(area)


@pytest.mark.parametrize("width", WIDTHS)
def test_results_label_is_one_open_box_over_its_22_rows(width):
    lines = drawn_tables(render(width=width))[1]
    found = regions(lines)
    top, bottom, left, right = _region(found, label("三、"))
    first = _region(found, label("（一）"))
    last = _region(found, label("（七）"))
    # The flood fill crossed no border from the first to the last of its rows...
    assert top <= first[0] and bottom >= last[1]
    # ...and sits left of them, from the table's left border.
    assert left == 1 and right < first[2]


@pytest.mark.parametrize("width", (80, 100))
def test_table_three_fits_the_width_by_wrapping_long_labels(width):
    lines = drawn_tables(render(width=width))[1]
    assert wcswidth(lines[0]) <= width
    top, bottom, _, _ = _region(regions(lines), label("（二）"))
    assert bottom > top, "the long label should wrap inside its cell"


def test_ascii_borders_use_plus_minus_bar_only():
    text = render(ascii=True)
    assert not BOX_CHARACTERS & set(text)
    assert "+---" in text and "| 行政许可" in text


def _cell(text, row, col, role=CellRole.LABEL, rowspan=1, colspan=1):
    return TableCell(text, row, col, role, rowspan, colspan)


def _table(n_rows, n_cols, *cells):
    return Table("t", "", n_rows, n_cols, 0, (1,) * n_cols, tuple(cells))


def test_colspan_draws_tee_junctions():
    table = _table(
        2,
        2,
        _cell("标题", 0, 0, CellRole.HEADER, colspan=2),
        _cell("1", 1, 0, CellRole.VALUE),
        _cell("2", 1, 1, CellRole.VALUE),
    )
    assert render_table(table, 100) == [
        "┌───────┐",
        "│ 标题  │",
        "├───┬───┤",
        "│ 1 │ 2 │",
        "└───┴───┘",
    ]


def test_rowspan_text_runs_over_the_border_line_between_its_rows():
    table = _table(
        2,
        2,
        _cell("甲", 0, 0, rowspan=2),
        _cell("1", 0, 1, CellRole.VALUE),
        _cell("2", 1, 1, CellRole.VALUE),
    )
    assert render_table(table, 100) == [
        "┌────┬───┐",
        "│    │ 1 │",
        "│ 甲 ├───┤",
        "│    │ 2 │",
        "└────┴───┘",
    ]
    assert render_table(table, 100, ascii_only=True) == [
        "+----+---+",
        "|    | 1 |",
        "| 甲 +---+",
        "|    | 2 |",
        "+----+---+",
    ]


MIXED = (
    "ABC中文123",
    "全角（括号）与“引号”",
    "2024年收到申请12345件",
    "x",
    "很长的中文标签需要在单元格内折行显示并保持对齐很长的中文标签",
    "",
)


@pytest.mark.parametrize("width", (30, 45, 70, 120))
def test_mixed_wide_and_narrow_text_never_breaks_alignment(width):
    table = _table(
        4,
        4,
        _cell(MIXED[0], 0, 0, CellRole.HEADER, colspan=2),
        _cell(MIXED[1], 0, 2, CellRole.HEADER, rowspan=2),
        _cell(MIXED[2], 0, 3),
        _cell(MIXED[3], 1, 0, rowspan=3),
        _cell(MIXED[4], 1, 1, colspan=1),
        _cell(MIXED[5], 1, 3, CellRole.VALUE),
        _cell("99", 2, 1, CellRole.VALUE, colspan=3),
        _cell("7", 3, 1, CellRole.VALUE),
        _cell("8", 3, 2, CellRole.VALUE, colspan=2),
    )
    lines = render_table(table, width)
    assert len({wcswidth(line) for line in lines}) == 1
    found = regions(lines)
    assert sorted(t for _, t in found) == sorted(c.text for c in table.cells)
    for area, _ in found:
        top, bottom, left, right = bbox(area)
        assert len(area) == (bottom - top + 1) * (right - left + 1)
    # Digit runs are never split across lines.
    assert any("12345" in line for line in lines)


def test_same_table_same_lines():
    document = govreport.Engine(autoload=False).document(sample_report())
    for table in document.tables():
        assert render_table(table, 90) == render_table(table, 90)
