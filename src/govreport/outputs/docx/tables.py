"""An official table → ``w:tbl``, every merge written explicitly from the geometry.

The spans come from the ``Table`` block (which copies ``govreport.spec``), so
the printed table has exactly the official merges: ``w:gridSpan`` for
colspan, ``w:vMerge`` restart/continue for rowspan.  Word and LibreOffice
need a ``w:tc`` at every grid row a vertical merge covers, so covered
positions are written as empty continuation cells.
"""

from __future__ import annotations

from typing import Final

from govreport.document.blocks import Table, TableCell
from govreport.outputs.docx.settings import DEFAULT_TABLE_SIZE, TABLE_SIZES, TYPE_AREA_WIDTH, Style
from govreport.outputs.docx.xml import size_rpr, text_runs
from govreport.spec.grid import CellRole

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


def _cell_ppr(cell: TableCell, mark: str, keep: bool = False) -> str:
    """Paragraph properties of a cell; ``mark`` sizes the paragraph mark like its text.

    ``keep`` sets keep-with-next, which is how Word and LibreOffice keep a
    table's rows on the page of the row below.
    """
    header = cell.role in (CellRole.HEADER, CellRole.GROUP)
    style = Style.TABLE_HEADER if header else Style.TABLE_TEXT
    # Row labels read left-aligned like the official form; merged group
    # labels, headers and numbers are centred.
    jc = '<w:jc w:val="left"/>' if cell.role is CellRole.LABEL and cell.rowspan == 1 else ""
    # Off the 28.95 pt line grid, or every line of every cell takes a full body line.
    keep_next = "<w:keepNext/>" if keep else ""
    return (
        f'<w:pPr><w:pStyle w:val="{style}"/>{keep_next}<w:snapToGrid w:val="0"/>{jc}{mark}</w:pPr>'
    )


def table_xml(table: Table) -> str:
    widths = column_widths(table.col_weights)
    size = TABLE_SIZES.get(table.key, DEFAULT_TABLE_SIZE)
    rpr = size_rpr(size) if size != DEFAULT_TABLE_SIZE else ""

    # Which cell covers each grid position.
    cover: dict[tuple[int, int], TableCell] = {}
    for spec in table.cells:
        for r in range(spec.row, spec.row + spec.rowspan):
            for c in range(spec.col, spec.col + spec.colspan):
                cover[(r, c)] = spec

    out: list[str] = [
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
    ]
    keep_whole = table.n_rows <= KEEP_WHOLE_ROWS
    for r in range(table.n_rows):
        keep = keep_whole and r < table.n_rows - 1
        # Rows never split across pages; the head repeats on each page.
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        c = 0
        while c < table.n_cols:
            cell = cover.get((r, c))
            if cell is None:
                raise ValueError(f"table {table.key}: no cell covers row {r}, column {c}")
            width = sum(widths[cell.col : cell.col + cell.colspan])
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            starts = cell.row == r
            if cell.rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
            else:
                merge = ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}'
                '<w:vAlign w:val="center"/></w:tcPr>'
            )
            body = text_runs(cell.text, rpr, where=f"{table.caption}") if starts else ""
            out.append(f"<w:p>{_cell_ppr(cell, rpr, keep)}{body}</w:p></w:tc>")
            c += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
