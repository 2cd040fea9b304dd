"""Tables of a PDF page with their real geometry, from the ruling lines printed.

pdfplumber finds cells as the rectangles the page's ruling lines enclose;
this module decides which lines count and rebuilds a :class:`Grid` from the
cells:

* only lines a reader can see count: stroked lines and rectangles that are
  not white, and filled bars at most 3 pt thick (how Chromium and some Word
  exports draw borders).  A large filled rectangle is shading, not a border:
  WPS puts white ones behind paragraphs, which would otherwise become
  one-column “tables”;
* a table broken by a page break is often left open at the break (Chromium
  draws no border there; a merged cell continuing on the next page has none
  either): vertical lines that end at the top or bottom of the page's content
  with no line across them are closed by one, so that the rows at the break
  are cells too;
* the grid is the sorted distinct x and y of the cells' edges (within 2 pt);
  each cell's row, column and spans follow from its box, and its text is the
  glyphs inside the box, line by line.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
from pdfplumber.table import TableFinder, TableSettings, merge_edges
from pdfplumber.utils.geometry import filter_edges, obj_to_edges

from govreport.importing.blocks import Cell, Grid
from govreport.importing.pdfchars import Glyph, text_in

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

#: Thickest filled rectangle read as a ruling line (points).
_BAR: Final = 3.0
#: Edges this close (points) are one grid line.
_SNAP: Final = 2.0
#: How far from a line's end another line may pass and still meet it (points).
_MEET: Final = 2.0
#: The part of a page's height at its top and bottom where running headers,
#: footers and page numbers are printed.
BAND: Final = 0.1


@attrs.frozen
class PageTable:
    """A table found on a page: its box and its grid."""

    bbox: BBox
    grid: Grid
    #: Glyphs inside the table's box that are in none of its cells.
    stray: tuple[Glyph, ...] = ()


def _inked(color: Any) -> bool:
    """Whether a colour prints on white paper (gray, RGB, CMYK; a pattern counts)."""
    if color is None or isinstance(color, str):
        return True
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return True
    if len(values) == 4:  # CMYK: white is no ink at all
        return any(v > 0.05 for v in values)
    if values:
        return any(v < 0.95 for v in values)
    return True


def _visible(obj: Mapping[str, Any]) -> bool:
    """Whether a line, rectangle or curve is printed as a ruling line."""
    kind = obj.get("object_type")
    stroked = bool(obj.get("stroke")) and _inked(obj.get("stroking_color"))
    if kind == "rect":
        thin = min(float(obj.get("width", 0)), float(obj.get("height", 0))) <= _BAR
        filled = bool(obj.get("fill")) and _inked(obj.get("non_stroking_color"))
        return stroked or (filled and thin)
    return stroked


def _straight(edge: Mapping[str, Any]) -> bool:
    """A horizontal or vertical edge; a diagonal (a slashed header cell, a curve) is none."""
    if edge.get("orientation") == "h":
        return abs(float(edge["bottom"]) - float(edge["top"])) < 1
    if edge.get("orientation") == "v":
        return abs(float(edge["x1"]) - float(edge["x0"])) < 1
    return False


def ruling_edges(objects: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The visible ruling lines of a page as edges, joined and snapped like pdfplumber's."""
    edges: list[dict[str, Any]] = []
    for obj in objects:
        if _visible(obj):
            edges.extend(e for e in obj_to_edges(dict(obj)) if _straight(e))
    merged = merge_edges(
        edges, snap_x_tolerance=3, snap_y_tolerance=3, join_x_tolerance=3, join_y_tolerance=3
    )
    return list(filter_edges(merged, min_length=3))


def _meets(line: Mapping[str, Any], x: float, y: float) -> bool:
    """Whether a horizontal edge passes through (x, y)."""
    return (
        abs(float(line["top"]) - y) <= _MEET
        and float(line["x0"]) - _MEET <= x <= float(line["x1"]) + _MEET
    )


def _closer(y: float, x0: float, x1: float) -> dict[str, Any]:
    return {
        "object_type": "closing_edge",
        "orientation": "h",
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "doctop": y,
        "width": x1 - x0,
        "height": 0.0,
    }


def closing_edges(
    edges: Sequence[Mapping[str, Any]], glyphs: Sequence[Glyph], height: float
) -> list[dict[str, Any]]:
    """Horizontal lines closing a table left open at a page break.

    A vertical edge's end is open when no horizontal edge passes through it.
    Open ends at the same height are closed by one line (extended over any
    horizontal edge already there) when the table starts or ends the page's
    content: nothing but running headers or footers is printed beyond them.
    """
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    ends: dict[str, list[tuple[float, float]]] = {"top": [], "bottom": []}
    for edge in vertical:
        x = float(edge["x0"])
        for side in ("top", "bottom"):
            y = float(edge[side])
            if not any(_meets(h, x, y) for h in horizontal):
                ends[side].append((y, x))
    closers = []
    for side, found in ends.items():
        for y, xs in _grouped(found):
            if not _at_page_edge(side, y, glyphs, height):
                continue
            across = [h for h in horizontal if abs(float(h["top"]) - y) <= _MEET]
            x0 = min([*xs, *(float(h["x0"]) for h in across)])
            x1 = max([*xs, *(float(h["x1"]) for h in across)])
            if x1 - x0 >= 3:
                closers.append(_closer(y, x0, x1))
    return closers


def _grouped(ends: Iterable[tuple[float, float]]) -> list[tuple[float, list[float]]]:
    """Open ends (y, x) grouped by height within the snapping distance."""
    groups: list[tuple[float, list[float]]] = []
    for y, x in sorted(ends):
        if groups and y - groups[-1][0] <= _SNAP:
            groups[-1][1].append(x)
        else:
            groups.append((y, [x]))
    return groups


def _at_page_edge(side: str, y: float, glyphs: Sequence[Glyph], height: float) -> bool:
    """Whether only the top (or bottom) band's furniture is printed beyond height ``y``."""
    if side == "top":
        return all(g.bottom > y - 1 or g.bottom < BAND * height for g in glyphs if not g.blank)
    return all(g.top < y + 1 or g.top > (1 - BAND) * height for g in glyphs if not g.blank)


def table_cells(page: Any, edges: Sequence[dict[str, Any]]) -> list[list[BBox]]:
    """The cells of each table pdfplumber finds on ``page`` from ``edges``."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    settings = TableSettings.resolve(
        {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        }
    )
    finder = TableFinder(page, settings)
    return [
        [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in table.cells]
        for table in finder.tables
    ]


def _snapped(values: Iterable[float]) -> list[float]:
    """Distinct values, those within the snapping distance as one (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= _SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def _index(lines: Sequence[float], value: float) -> int:
    """The grid line nearest to ``value``."""
    at = bisect.bisect_left(lines, value)
    near = [i for i in (at - 1, at) if 0 <= i < len(lines)]
    return min(near, key=lambda i: abs(lines[i] - value))


def grid_lines(cells: Sequence[BBox]) -> tuple[list[float], list[float]]:
    """The distinct x and y of the cells' edges (within the snapping distance)."""
    xs = _snapped(v for c in cells for v in (c[0], c[2]))
    ys = _snapped(v for c in cells for v in (c[1], c[3]))
    return xs, ys


def grid_of(
    cells: Sequence[BBox],
    lines: tuple[list[float], list[float]],
    glyphs: Sequence[Glyph],
    where: str,
) -> PageTable:
    """The table of ``cells`` on the grid ``lines`` (from :func:`grid_lines`) as a Grid.

    Each glyph goes to the cell covering the grid position of its centre; one
    covering no cell (a gap in the ruling) is stray.
    """
    xs, ys = lines
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    placed: list[tuple[int, int, int, int]] = []
    owner: dict[tuple[int, int], int] = {}
    for x0, top, x1, bottom in cells:
        row, col = _index(ys, top), _index(xs, x0)
        rowspan = max(1, _index(ys, bottom) - row)
        colspan = max(1, _index(xs, x1) - col)
        for r in range(row, row + rowspan):
            for c in range(col, col + colspan):
                owner.setdefault((r, c), len(placed))
        placed.append((row, col, rowspan, colspan))
    mine: list[list[Glyph]] = [[] for _ in placed]
    stray = []
    for glyph in glyphs:
        if not (bbox[0] <= glyph.cx <= bbox[2] and bbox[1] <= glyph.cy <= bbox[3]):
            continue
        row = min(max(bisect.bisect_right(ys, glyph.cy) - 1, 0), len(ys) - 2)
        col = min(max(bisect.bisect_right(xs, glyph.cx) - 1, 0), len(xs) - 2)
        index = owner.get((row, col))
        if index is None:
            if not glyph.blank:
                stray.append(glyph)
        else:
            mine[index].append(glyph)
    built = [
        Cell(text_in(found), row, col, rowspan, colspan)
        for (row, col, rowspan, colspan), found in zip(placed, mine, strict=True)
    ]
    built.sort(key=lambda c: (c.row, c.col))
    grid = Grid(tuple(built), n_rows=len(ys) - 1, n_cols=len(xs) - 1, where=where)
    return PageTable(bbox, grid, tuple(stray))
