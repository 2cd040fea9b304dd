"""An official table → ``w:tbl``, every merge written explicitly from the geometry.

The spans come from the ``Table`` block (which copies ``govreport.spec``), so
the printed table has exactly the official merges: ``w:gridSpan`` for
colspan, ``w:vMerge`` restart/continue for rowspan.  Word and LibreOffice
need a ``w:tc`` at every grid row a vertical merge covers, so covered
positions are written as empty continuation cells.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

import attrs

from govreport.document.blocks import Table
from govreport.outputs.docx.settings import DEFAULT_TABLE_SIZE, TABLE_SIZES, TYPE_AREA_WIDTH, Style
from govreport.outputs.docx.xml import size_rpr, text_runs
from govreport.spec.grid import CellRole, covering

#: 0.5 pt single black lines (w:sz is in eighths of a point).
_BORDER: Final = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_BORDERS: Final = (
    "<w:tblBorders>"
    + "".join(
        _BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
#: 1 mm left and right inside each cell; narrow columns keep two characters a line.
_CELL_MARGINS: Final = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
)


def column_widths(weights: tuple[int, ...], total: int = TYPE_AREA_WIDTH) -> tuple[int, ...]:
    """Fixed widths in twips that add up to ``total`` exactly (the 156 mm 版心)."""
    whole = sum(weights)
    widths = [total * w // whole for w in weights]
    widths[-1] += total - sum(widths)
    return tuple(widths)


#: A table of at most this many rows is kept on one page (tables 二 and 四):
#: a short table split over two pages reads badly.  Table 三 splits, with its
#: head repeated.
KEEP_WHOLE_ROWS: Final = 15


def _cell_ppr(role: CellRole, rowspan: int, mark: str, keep: bool = False) -> str:
    """Paragraph properties of a cell; ``mark`` sizes the paragraph mark like its text.

    ``keep`` sets keep-with-next, which is how Word and LibreOffice keep a
    table's rows on the page of the row below.
    """
    header = role in (CellRole.HEADER, CellRole.GROUP)
    style = Style.TABLE_HEADER if header else Style.TABLE_TEXT
    # Row labels read left-aligned like the official form; merged group
    # labels, headers and numbers are centred.
    jc = '<w:jc w:val="left"/>' if role is CellRole.LABEL and rowspan == 1 else ""
    # Off the 28.95 pt line grid, or every line of every cell takes a full body line.
    keep_next = "<w:keepNext/>" if keep else ""
    return (
        f'<w:pPr><w:pStyle w:val="{style}"/>{keep_next}<w:snapToGrid w:val="0"/>{jc}{mark}</w:pPr>'
    )


class _CellShape(NamedTuple):
    """A cell without its text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: CellRole


#: A table's shape: everything but the cells' text.
_Shape = tuple[str, int, int, int, tuple[int, ...], tuple[_CellShape, ...]]


@attrs.frozen
class _Layout:
    """The XML of a table shape with holes for the cells' text.

    ``rows`` holds, per grid row, its opening tag and per grid position a
    ``(cell index or -1, xml before the text, xml after it)``.  The official
    tables have one shape each, so the merges, widths and properties are
    worked out once per process; a report only fills in its numbers.
    """

    head: str
    rows: tuple[tuple[str, tuple[tuple[int, str, str], ...]], ...]
    rpr: str


def _shape(table: Table) -> _Shape:
    geometry = tuple(_CellShape(c.row, c.col, c.rowspan, c.colspan, c.role) for c in table.cells)
    return (table.key, table.n_rows, table.n_cols, table.header_rows, table.col_weights, geometry)


@functools.lru_cache(maxsize=64)
def _layout(shape: _Shape) -> _Layout:
    key, n_rows, n_cols, header_rows, col_weights, geometry = shape
    widths = column_widths(col_weights)
    size = TABLE_SIZES.get(key, DEFAULT_TABLE_SIZE)
    rpr = size_rpr(size) if size != DEFAULT_TABLE_SIZE else ""

    cover = covering(geometry)

    head = "".join(
        (
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{TYPE_AREA_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>',
            _BORDERS,
            '<w:tblLayout w:type="fixed"/>',
            _CELL_MARGINS,
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        )
    )
    keep_whole = n_rows <= KEEP_WHOLE_ROWS
    rows = []
    for r in range(n_rows):
        keep = keep_whole and r < n_rows - 1
        # Rows never split across pages; the head repeats on each page.
        header = "<w:tblHeader/>" if r < header_rows else ""
        positions = []
        c = 0
        while c < n_cols:
            at = cover.get((r, c))
            if at is None:
                raise ValueError(f"table {key}: no cell covers row {r}, column {c}")
            row, col, rowspan, colspan, role = geometry[at]
            width = sum(widths[col : col + colspan])
            span = f'<w:gridSpan w:val="{colspan}"/>' if colspan > 1 else ""
            starts = row == r
            if rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
            else:
                merge = ""
            before = (
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}'
                '<w:vAlign w:val="center"/></w:tcPr>'
                f"<w:p>{_cell_ppr(role, rowspan, rpr, keep)}"
            )
            # A position a vertical merge continues gets an empty cell.
            positions.append((at if starts else -1, before, "</w:p></w:tc>"))
            c += colspan
        rows.append((f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>", tuple(positions)))
    return _Layout(head, tuple(rows), rpr)


def table_xml(table: Table) -> str:
    layout = _layout(_shape(table))
    cells = table.cells
    out: list[str] = [layout.head]
    for row_open, positions in layout.rows:
        out.append(row_open)
        for index, before, after in positions:
            out.append(before)
            if index >= 0:
                out.append(_cell_text(cells[index].text, layout.rpr, table.caption))
            out.append(after)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _cell_text(text: str, rpr: str, where: str) -> str:
    # Labels repeat in every report and numbers are few: most cells hit the cache.
    return text_runs(text, rpr, where=where)
