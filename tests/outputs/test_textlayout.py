"""The txt table layout: the fast, cached search gives exactly the widths the
plain search (every cost from the whole table) gives."""

from __future__ import annotations

import random

import pytest

import govreport
from govreport.document.blocks import Table, TableCell
from govreport.outputs import textlayout
from govreport.outputs.textlayout import Layout, layout, natural_widths, table_width
from govreport.spec.grid import CellRole
from govreport.testing import sample_report

#: Pieces that wrap differently: CJK, ASCII runs, 禁则 punctuation, spaces, and
#: characters whose width is not the sum of their parts (emoji + VS16, ZWJ,
#: combining marks, Hangul jamo) to drive the fallback.
PIECES = (
    "属于国家秘密", "申请", "行政", "（三）", "“三安全一稳定”", "，", "。", "、", "1.", "2024",
    "18651.06", " ", "ab", "x", "http://example.org/very/long/path", "😀\ufe0f", "👩\u200d💻",
    "e\u0301", "\u1100\u1161", "🇨🇳", "\n",
)  # fmt: skip


def plain_layout(table: Table, max_width: int) -> Layout:
    natural = natural_widths(table)
    return textlayout._search(textlayout._PlainCosts(table, natural), natural, max_width)


def random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return str(rng.choice([0, 7, 42, 365, 4530, 18651]))
    if kind < 0.43:
        return ""
    if kind < 0.45:
        return "a\u200d中"  # one column wide, but its unit 中 needs two
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))).strip("\n")


def random_table(rng: random.Random) -> Table:
    n_rows, n_cols = rng.randint(1, 7), rng.randint(1, 6)
    taken = [[False] * n_cols for _ in range(n_rows)]
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            if taken[r][c] or rng.random() < 0.05:  # a few positions left uncovered
                continue
            rowspan = rng.choice([1, 1, 1, 2, 3])
            colspan = rng.choice([1, 1, 1, 2, 3])
            rowspan = min(rowspan, n_rows - r)
            while colspan > 1 and any(taken[r][c + k] for k in range(min(colspan, n_cols - c))):
                colspan -= 1
            colspan = min(colspan, n_cols - c)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[r + dr][c + dc] = True
            role = rng.choice([CellRole.LABEL, CellRole.VALUE])
            cells.append(TableCell(random_text(rng), r, c, role, rowspan, colspan))
    return Table("t", "", n_rows, n_cols, 0, (1,) * n_cols, tuple(cells))


@pytest.mark.parametrize("seed", range(300))
def test_fast_layout_equals_plain_layout_on_random_tables(seed):
    rng = random.Random(seed)
    table = random_table(rng)
    natural = table_width(natural_widths(table))
    for max_width in sorted({natural, natural - 5, natural // 2, 10}):
        assert layout(table, max_width) == plain_layout(table, max_width)


def test_text_narrower_than_its_widest_unit_takes_the_plain_search():
    # wcwidth joins "a" + ZWJ + "中" into one column, narrower than "中" alone.
    odd = TableCell("a\u200d中", 0, 0, CellRole.LABEL)
    label = TableCell("其他法律行政法规禁止公开", 0, 1, CellRole.LABEL)
    table = Table("t", "", 1, 2, 0, (1, 1), (odd, label))
    assert textlayout._shared_layout(textlayout._shape(table), 12) is None
    assert layout(table, 12) == plain_layout(table, 12)


@pytest.mark.parametrize("max_width", [40, 100])
def test_fast_layout_equals_plain_layout_on_the_official_tables(max_width):
    document = govreport.Engine(autoload=False).document(sample_report())
    for table in document.tables():
        assert layout(table, max_width) == plain_layout(table, max_width)


def test_tables_whose_numbers_are_as_wide_share_a_layout_and_others_do_not():
    label = TableCell("本年新收政府信息公开申请数量", 0, 0, CellRole.LABEL)

    def table(*numbers: str) -> Table:
        values = (TableCell(n, 0, k + 1, CellRole.VALUE) for k, n in enumerate(numbers))
        return Table("t", "", 1, 3, 0, (1, 1, 1), (label, *values))

    textlayout._FOUND.clear()
    first = layout(table("12", "345"), 20)
    assert layout(table("98", "765"), 20) is first  # from the cache
    wider = layout(table("12", "34567"), 20)
    assert wider.widths[2] == 5 and wider.widths[0] < first.widths[0]
    assert wider == plain_layout(table("12", "34567"), 20)


@pytest.mark.parametrize("max_width", [40, 72, 100])
def test_generated_reports_tables_get_the_plain_layout(max_width):
    from govreport.testing.synthetic import generate

    engine = govreport.Engine(autoload=False)
    for item in generate(8, seed=max_width):
        for table in engine.document(item.report).tables():
            assert layout(table, max_width) == plain_layout(table, max_width), table.key


def test_a_table_too_wide_even_at_its_narrowest_is_laid_out_without_a_search():
    # Table 四 (15 columns of numbers) at a terminal's 72 columns: every column
    # at its narrowest fit, which is where the search ends.
    document = govreport.Engine(autoload=False).document(sample_report())
    table = next(t for t in document.tables() if t.key == "review_litigation")
    pinned = textlayout._pinned_layout(textlayout._shape(table), 72)
    assert pinned is not None and pinned.total_width >= 72
    assert pinned == plain_layout(table, 72)
    # Wide enough to fit: the search decides.
    assert textlayout._pinned_layout(textlayout._shape(table), 400) is None
