"""A table's numbers set into its kept frame give the lines drawing every cell gives."""

from __future__ import annotations

import itertools
import random

import attrs
import pytest

import govreport
from govreport.document.blocks import Table, TableCell
from govreport.outputs import textgrid
from govreport.outputs.textgrid import render_table
from govreport.outputs.textlayout import layout
from govreport.spec.grid import CellRole
from govreport.testing.synthetic import generate


def _drawn_cell_by_cell(table: Table, width: int, ascii_only: bool = False) -> list[str]:
    return textgrid._draw(table, layout(table, width), ascii_only, frozenset())


def _tables(n: int) -> list[Table]:
    engine = govreport.Engine(autoload=False)
    tables = []
    for item in itertools.islice(generate(n, seed=5), n):
        document = engine.document(item.report)
        tables += [b for s in document.sections for b in s.blocks if isinstance(b, Table)]
    return tables


@pytest.mark.parametrize("width", [40, 72, 100, 160])
def test_generated_reports_tables_are_the_same_either_way(width: int) -> None:
    tables = _tables(12)
    assert len(tables) == 36
    for table in tables:
        assert render_table(table, width) == _drawn_cell_by_cell(table, width)
        assert render_table(table, width, ascii_only=True) == _drawn_cell_by_cell(
            table, width, ascii_only=True
        )


def test_the_frame_is_shared_by_reports_whose_numbers_differ_but_not_their_widths() -> None:
    table = _tables(1)[0]
    rng = random.Random(1)
    lay = layout(table, 100)
    first = textgrid._cached_frame(table, lay, False)
    # Other numbers of the same widths: the same layout, the same frame object.
    other = attrs.evolve(
        table,
        cells=tuple(
            attrs.evolve(c, text="".join(rng.choice("0123456789") for _ in c.text))
            if c.is_number
            else c
            for c in table.cells
        ),
    )
    assert layout(other, 100) == lay
    assert textgrid._cached_frame(other, lay, False) is first
    assert render_table(other, 100) == _drawn_cell_by_cell(other, 100)


def _cell(text: str, row: int, col: int, role: CellRole, rowspan: int = 1, colspan: int = 1):
    return TableCell(text, row, col, role, rowspan, colspan)


def test_a_number_cell_holding_wrapped_or_wide_text_is_the_same_either_way() -> None:
    # A plugin's table may put text in a value cell; it wraps over several lines.
    table = Table(
        "x",
        "",
        3,
        3,
        1,
        (),
        (
            _cell("项目", 0, 0, CellRole.HEADER),
            _cell("说明", 0, 1, CellRole.HEADER, colspan=2),
            _cell("第一行标签", 1, 0, CellRole.LABEL, rowspan=2),
            _cell("一段较长的中文说明文字，会折成好几行 mixed text", 1, 1, CellRole.VALUE),
            _cell("12", 1, 2, CellRole.TOTAL),
            _cell("", 2, 1, CellRole.VALUE),
            _cell("18651.06", 2, 2, CellRole.VALUE),
        ),
    )
    for width in (20, 30, 50):
        assert render_table(table, width) == _drawn_cell_by_cell(table, width)


def test_a_number_too_wide_for_its_cell_is_drawn_cell_by_cell() -> None:
    # At a width it cannot fit, the number overflows its cell exactly as before.
    table = Table(
        "x",
        "",
        1,
        2,
        0,
        (),
        (_cell("总计", 0, 0, CellRole.LABEL), _cell("1234567890123", 0, 1, CellRole.VALUE)),
    )
    assert render_table(table, 8) == _drawn_cell_by_cell(table, 8)
