"""The official tables in the Typst PDF, read back from its ruling lines with pdfplumber.

Every merged cell must be drawn with the document's exact spans, its text in
it; table 三's head is drawn again on each page it runs onto; tables 二 and
四 stay on one page; no row is split between pages.
"""

from __future__ import annotations

import pytest

from govreport.document import Document, Paragraph, Section, Table, TableCell
from govreport.outputs.typst import render_pdf
from govreport.spec.grid import CellRole

from ._pdf import (
    EXAMPLES,
    drawn_cells,
    engine,
    expected_cells,
    open_pdf,
    pieces,
    squeeze,
)

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module", params=NAMES)
def example(request):
    eng = engine()
    report = eng.read_report(EXAMPLES / f"{request.param}.yaml")
    document = eng.document(report)
    pdf = open_pdf(eng.render(report, "pdf"))
    yield document, list(pieces(pdf))
    pdf.close()


def _match(document: Document, found):
    """Each document table with the pieces it is drawn in: [(page, rows shown, cells)]."""
    out = []
    found = list(found)
    for table in document.tables():
        parts = []
        shown_until = 0
        while shown_until < table.n_rows:
            number, page, drawn = found.pop(0)
            cells = drawn_cells(page, drawn, table.col_weights)
            n = max(r + rs for r, _, rs, _ in cells)
            head = list(range(table.header_rows)) if parts else []
            shown = head + list(range(shown_until, shown_until + n - len(head)))
            assert n > len(head), f"page {number}: table {table.key} drawn with its head only"
            parts.append((number, shown, cells))
            shown_until = shown[-1] + 1
        out.append((table, parts))
    assert not found, f"tables no document table accounts for: {found}"
    return out


def test_every_merged_cell_is_drawn_with_its_spans_and_text(example) -> None:
    document, found = example
    for table, parts in _match(document, found):
        for number, shown, cells in parts:
            expected = expected_cells(table, shown)
            extra, missing = set(cells) - set(expected), set(expected) - set(cells)
            assert not extra and not missing, (
                f"{table.key}, page {number}: cells drawn but not in the document "
                f"{sorted(extra)}, missing {sorted(missing)}"
            )
            for shape, text in expected.items():
                if text is not None:
                    assert cells[shape] == text, (table.key, number, shape)


def test_tables_two_and_four_on_one_page_three_with_its_head_again(example) -> None:
    document, found = example
    for table, parts in _match(document, found):
        if table.n_rows <= 15:
            assert len(parts) == 1, f"table {table.key} split over pages {[p for p, *_ in parts]}"
        for _, shown, _ in parts[1:]:
            assert shown[: table.header_rows] == list(range(table.header_rows))
    assert [t.key for t in document.tables()] == ["proactive", "applications", "review_litigation"]


def _long_table(rows: int) -> Document:
    """A plugin's table whose rows are many lines tall: some must meet a page break."""
    cells = [TableCell("项目", 0, 0, CellRole.HEADER), TableCell("说明", 0, 1, CellRole.HEADER)]
    for r in range(1, rows):
        words = "长文本" * (40 + 37 * (r % 4))
        cells += [
            TableCell(f"第{r}行", r, 0, CellRole.LABEL),
            TableCell(f"始{r}：{words}终{r}。", r, 1, CellRole.LABEL),
        ]
    table = Table("long", "长表", rows, 2, 1, (1, 4), tuple(cells))
    section = Section("long", "长表", (table,), number="一、")
    return Document(("标题",), (Paragraph("开头。"),), (section,))


@pytest.mark.parametrize("rows", [13, 30])  # kept whole if it fits; longer: breaks anyway
def test_no_row_is_split_between_pages(rows: int) -> None:
    with open_pdf(render_pdf(_long_table(rows))) as pdf:
        texts = [squeeze(page.extract_text()) for page in pdf.pages]
    for r in range(1, rows):
        start = [i for i, t in enumerate(texts) if f"始{r}：" in t]
        end = [i for i, t in enumerate(texts) if f"终{r}。" in t]
        assert start == end and len(start) == 1, f"row {r} starts on {start}, ends on {end}"
    assert len(texts) >= 3
    # The head is drawn again on every page the table runs onto.
    assert all("项目说明" in t for t in texts[1:])
