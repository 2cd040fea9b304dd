"""The three official tables in WordprocessingML, checked against the official geometry."""

from __future__ import annotations

import pytest

from govreport import spec
from govreport.document.blocks import Table
from govreport.outputs.docx.settings import TYPE_AREA_WIDTH
from govreport.outputs.docx.tables import column_widths, table_xml
from govreport.testing import sample_report
from govreport.testing.docx import NS

from ._docx import engine, paragraph_text, render, w, xml


def _grid(tbl) -> dict[tuple[int, int], dict]:
    """Each w:tc by (row, first grid column): text, span and vMerge state."""
    out = {}
    for r, tr in enumerate(tbl.findall("w:tr", NS)):
        col = 0
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(w("val"))) if span_el is not None else 1
            vm = tc.find("w:tcPr/w:vMerge", NS)
            vmerge = None if vm is None else (vm.get(w("val")) or "continue")
            out[(r, col)] = {"text": paragraph_text(tc), "span": span, "vmerge": vmerge}
            col += span
    return out


@pytest.fixture(scope="module")
def tables():
    data = render(sample_report())
    return xml(data).findall(".//w:tbl", NS)


def test_three_tables_in_official_order(tables):
    assert len(tables) == 3


@pytest.mark.parametrize(
    "index,key", [(0, "proactive"), (1, "applications"), (2, "review_litigation")]
)
def test_labels_and_merges_match_the_official_geometry(tables, index, key):
    t = spec.tables()[key]
    grid = _grid(tables[index])
    expected: dict[tuple[int, int], dict] = {}
    for cell in t.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            expected[(r, cell.col)] = {
                "span": cell.colspan,
                "vmerge": None
                if cell.rowspan == 1
                else ("restart" if r == cell.row else "continue"),
                "text": cell.text if (r == cell.row and not cell.is_number) else None,
            }
    assert set(grid) == set(expected)
    for pos, exp in expected.items():
        got = grid[pos]
        assert got["span"] == exp["span"], pos
        assert got["vmerge"] == exp["vmerge"], pos
        if exp["text"] is not None:
            assert got["text"] == exp["text"], pos
        elif exp["vmerge"] == "continue":
            assert got["text"] == "", pos
    # Every official label appears verbatim.
    texts = [g["text"] for g in grid.values()]
    for label in t.labels():
        assert label in texts


def test_numbers_are_printed_as_given(tables):
    doc = engine().document(sample_report())
    for block, tbl in zip(doc.tables(), tables, strict=True):
        grid = _grid(tbl)
        for cell in block.cells:
            if cell.is_number:
                assert grid[(cell.row, cell.col)]["text"] == cell.text
    assert "18651.06" in [g["text"] for g in _grid(tables[0]).values()]


def test_rows_do_not_split_and_headers_repeat(tables):
    for tbl, key in zip(tables, ("proactive", "applications", "review_litigation"), strict=True):
        rows = tbl.findall("w:tr", NS)
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
        flags = [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows]
        n = spec.tables()[key].header_rows
        assert flags == [True] * n + [False] * (len(rows) - n)


def test_cells_are_off_the_line_grid_and_borders_are_half_a_point(tables):
    for tbl in tables:
        for p in tbl.iter(w("p")):
            snap = p.find("w:pPr/w:snapToGrid", NS)
            assert snap is not None and snap.get(w("val")) == "0"
        borders = tbl.find("w:tblPr/w:tblBorders", NS)
        sides = {etree_local(b): b.get(w("sz")) for b in borders}
        assert sides == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "4")


def etree_local(el) -> str:
    return el.tag.rsplit("}", 1)[1]


def test_tables_fit_the_type_area(tables):
    for tbl in tables:
        widths = [int(g.get(w("w"))) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(widths) == TYPE_AREA_WIDTH
        assert tbl.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"


def test_table_font_sizes(tables):
    # 二 at 五号 (the style's 10.5 pt); 三 and 四 at 小五 (9 pt = 18 half-points).
    assert tables[0].find(".//w:r/w:rPr/w:sz", NS) is None
    for tbl in tables[1:]:
        sizes = {s.get(w("val")) for s in tbl.iterfind(".//w:r/w:rPr/w:sz", NS)}
        assert sizes == {"18"}


def test_column_widths_add_up_exactly():
    assert sum(column_widths((3, 4, 12, 4, 4, 4, 4, 4, 4, 4))) == TYPE_AREA_WIDTH
    assert column_widths((1, 1), total=11) == (5, 6)


def test_a_hole_in_the_geometry_is_refused():
    doc = engine().document(sample_report())
    t = doc.tables()[0]
    broken = Table(t.key, t.caption, t.n_rows, t.n_cols, t.header_rows, t.col_weights, t.cells[1:])
    with pytest.raises(ValueError, match="no cell covers"):
        table_xml(broken)


def test_short_tables_are_kept_on_one_page(tables):
    def kept(tbl):
        rows = tbl.findall("w:tr", NS)
        return [
            all(p.find("w:pPr/w:keepNext", NS) is not None for p in r.iter(w("p"))) for r in rows
        ]

    proactive, applications, review = tables
    # every row but the last keeps with the next: the table moves as a whole
    assert kept(proactive) == [True] * 13 + [False]
    assert kept(review) == [True, True, True, False]
    # table 三 is long: it may split, its head repeats instead
    assert not any(kept(applications))
