"""One PDF page read: its tables with their geometry, and its lines of text.

What a page gives is gathered in :class:`Pages` for the document-wide steps
(furniture, paragraphs): its items in reading order (tables and lines, top to
bottom), its height, and what could not be read on it, as notes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any, Final

import attrs

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.pdfchars import Glyph, Repairs, glyphs_of, lines_of
from govreport.importing.pdfparagraphs import Item
from govreport.importing.pdftables import (
    PageTable,
    closing_edges,
    grid_lines,
    grid_of,
    ruling_edges,
    table_cells,
)
from govreport.importing.pdfturn import Turn, direction

#: Code of the notes the PDF reader leaves about how it read the file (as the HTML reader's).
READER_NOTE: Final = "I0"
#: Navigation lines that show a PDF is a printed web page, not a report
#: printed again through a browser's PDF viewer.
WEB_PAGE_LINKS: Final = 3
#: Shapes on a page without characters that show its text was turned into outlines.
_OUTLINED: Final = 200


def note(severity: Severity, message: str, where: str = "") -> Finding:
    return Finding(READER_NOTE, severity, message, "", where)


@attrs.define
class Pages:
    """What the pages gave, before the document-wide steps."""

    pages: list[list[Item]] = attrs.Factory(list)
    heights: list[float] = attrs.Factory(list)
    notes: list[Finding] = attrs.Factory(list)
    repairs: Repairs = attrs.Factory(Repairs)
    scanned: list[int] = attrs.Factory(list)
    #: Pages without characters but with many drawn shapes: text turned into outlines.
    outlined: list[int] = attrs.Factory(list)
    failed: list[int] = attrs.Factory(list)
    links_dropped: int = 0
    glyphs: int = 0


def read_page(page: Any, doc: Pages, browser: bool) -> None:
    number = int(page.page_number)
    height = float(page.height)
    try:
        items, height = _page_items(page, number, doc, browser)
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:
        # pdfplumber wraps what pdfminer raised, running out of memory included.
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, MemoryError | RecursionError):
            raise cause from None
        doc.failed.append(number)
        items = []
    finally:
        with contextlib.suppress(Exception):
            page.close()
    doc.pages.append(items)
    doc.heights.append(height)


def _page_items(page: Any, number: int, doc: Pages, browser: bool) -> tuple[list[Item], float]:
    """The page's tables and lines in reading order, and its height (turned upright)."""
    chars = page.dedupe_chars().chars
    turn = Turn(direction(chars), float(page.width), float(page.height))
    glyphs = [turn.glyph(g) for g in glyphs_of(chars, number, doc.repairs)]
    height = turn.size[1]
    inked = [g for g in glyphs if not g.blank]
    doc.glyphs += len(inked)
    if not inked:
        if page.images:
            doc.scanned.append(number)
        elif len(page.curves) + len(page.rects) + len(page.lines) >= _OUTLINED:
            doc.outlined.append(number)
        return [], height
    if not turn.upright:
        doc.notes.append(
            note(
                Severity.INFO,
                "本页文字横向排印（页面旋转），已转正后读取 (page turned to read its text upright)",
                f"第{number}页",
            )
        )
    tables = _tables(page, number, glyphs, turn, doc)
    outside = [g for g in glyphs if not any(_holds(t, g) for t in tables)]
    links = [turn.box(*link) for link in _links(page)] if browser else []
    lines = lines_of(outside, number, links)
    if browser:
        doc.links_dropped += sum(line.linked for line in lines)
        lines = [line for line in lines if not line.linked]
    items: list[Item] = [*tables, *lines]
    items.sort(key=lambda item: item.bbox[1] if isinstance(item, PageTable) else item.top)
    return items, height


def _holds(table: PageTable, glyph: Glyph) -> bool:
    x0, top, x1, bottom = table.bbox
    return x0 <= glyph.cx <= x1 and top <= glyph.cy <= bottom


def _links(page: Any) -> list[tuple[float, float, float, float]]:
    """The page's hyperlink areas (none past the bound: each glyph is tested on each)."""
    try:
        links = page.hyperlinks
        if len(links) > limits.MAX_IMPORT_PAGE_LINKS:
            return []
        return [
            (float(h["x0"]), float(h["top"]), float(h["x1"]), float(h["bottom"])) for h in links
        ]
    except Exception:
        return []


def _tables(
    page: Any, number: int, glyphs: Sequence[Glyph], turn: Turn, doc: Pages
) -> list[PageTable]:
    where = f"第{number}页"
    try:
        return _found_tables(page, where, glyphs, turn, doc)
    except (MemoryError, RecursionError):
        raise
    except Exception:
        # The page's text is still read, as paragraphs: only its tables are lost.
        doc.notes.append(
            note(
                Severity.WARNING,
                "本页的表格框线无法解析，其文字按段落读入 (table lines could not be read)",
                where,
            )
        )
        return []


def _found_tables(
    page: Any, where: str, glyphs: Sequence[Glyph], turn: Turn, doc: Pages
) -> list[PageTable]:
    edges = [turn.edge(e) for e in ruling_edges([*page.lines, *page.rects, *page.curves])]
    if len(edges) > limits.MAX_IMPORT_PAGE_RULES:
        doc.notes.append(
            note(
                Severity.WARNING,
                f"本页有 {len(edges)} 条线条，超过 {limits.MAX_IMPORT_PAGE_RULES} 条的上限，"
                "未查找表格，其文字按段落读入 (too many ruling lines: page read as text)",
                where,
            )
        )
        return []
    edges = [*edges, *closing_edges(edges, glyphs, turn.size[1])]
    tables = []
    for cells in table_cells(page, edges):
        xs, ys = grid_lines(cells)
        positions = (len(xs) - 1) * (len(ys) - 1)
        if positions <= 1:
            continue  # a framed paragraph, not a table: its text is read as a paragraph
        if positions > limits.MAX_IMPORT_GRID_POSITIONS or len(cells) > positions:
            doc.notes.append(
                note(
                    Severity.WARNING,
                    f"表格有 {len(ys) - 1} 行 {len(xs) - 1} 列，超过上限，"
                    "其文字按段落读入 (table too large: read as text)",
                    where,
                )
            )
            continue
        table = grid_of(cells, (xs, ys), glyphs, where)
        _check_table(table, where, doc)
        tables.append(table)
    return tables


def _check_table(table: PageTable, where: str, doc: Pages) -> None:
    grid = table.grid
    covered = sum(cell.rowspan * cell.colspan for cell in grid.cells)
    holes = grid.n_rows * grid.n_cols - covered
    if holes > 0:
        doc.notes.append(
            note(
                Severity.WARNING,
                f"表格（{grid.n_rows} 行 {grid.n_cols} 列）有 {holes} 个位置没有框线围成的单元格，"
                "按空白读入 (table positions without a ruled cell, read as blank)",
                where,
            )
        )
    if table.stray:
        text = "".join(g.text for g in table.stray)
        doc.notes.append(
            note(
                Severity.WARNING,
                f"表格框内有文字不在任何单元格中，未读入：“{text[:40]}”"
                " (text inside a table but in no cell, left out)",
                where,
            )
        )
