"""Whatever a reader gives it, the mapper returns a mapping and notes: never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport import spec
from govreport.importing.blocks import Cell, Grid, Para, Source
from govreport.importing.mapper import map_source

#: Texts that steer the mapper into each of its paths, mixed with anything at all.
SNIPPETS = [
    *(spec.heading(k).text for k in spec.SECTIONS.all_keys()),
    *(c.text for t in spec.tables().values() for c in t.cells if c.text),
    "某某县民政局2024年政府信息公开工作年度报告",
    "（一）主动公开情况。全年公开1件。",
    "2025年1月20日",
    "某某县民政局",
    "/",
    "",
    "12",
    "1,234",
    "75394432.52元",
    "（六）其他处理",
    "第二十条第（九）项",
    "本年新制作数量",
]
texts = st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=30))


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    n_rows = draw(st.integers(0, 30))
    n_cols = draw(st.integers(0, 16))
    cells = draw(
        st.lists(
            st.builds(
                Cell,
                texts,
                st.integers(-2, 32),
                st.integers(-2, 18),
                st.integers(-1, 40),
                st.integers(-1, 20),
            ),
            max_size=60,
        )
    )
    return Grid(tuple(cells), n_rows, n_cols, draw(st.sampled_from(["", "第3页"])))


blocks = st.lists(st.one_of(texts.map(Para), grids()), max_size=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks, texts)
def test_any_source_maps_without_an_exception(found: list[Para | Grid], title: str) -> None:
    imported = map_source(Source("html", tuple(found), title))
    assert isinstance(imported.data, dict)
    assert "agency" in imported.data and "year" in imported.data


def test_an_official_table_printed_twice_keeps_the_first() -> None:
    numbers = {c.path: "1" for c in spec.tables()["review_litigation"].value_cells()}
    table = spec.tables()["review_litigation"]
    cells = [
        Cell(
            numbers.get(c.path, c.text) if c.is_number else c.text,
            c.row,
            c.col,
            c.rowspan,
            c.colspan,
        )
        for c in table.cells
    ]
    first = Grid(tuple(cells), table.n_rows, table.n_cols)
    again = Grid(
        tuple(Cell("2", 3, c.col) if c.row == 3 else c for c in cells), table.n_rows, table.n_cols
    )
    imported = map_source(Source("html", (first, Para("附"), again)))
    assert imported.data["review_litigation"]["review"]["upheld"] == 1
    assert any(n.code == "M12" for n in imported.notes)


def test_a_long_report_is_read() -> None:
    long = tuple(Para("这是一段很长的文字，" * 200) for _ in range(2000))
    imported = map_source(Source("txt", (Para("一、总体情况"), *long)))
    assert imported.data["overview"]["intro"].count("\n") == 1999
