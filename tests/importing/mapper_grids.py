"""Test helpers: the official tables as clean Grids, from spec geometry and a report's numbers.

``official_grid("applications", numbers)`` lays out table 三 exactly as the
format prints it (merged cells once, at their top-left position), with each
number cell's text taken from ``numbers`` (model path → printed text).  The
tests then mess these grids up the way real portals do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govreport import spec
from govreport.importing.blocks import Cell, Grid, Para

DATA = Path(__file__).parent.parent / "data" / "importing" / "mapper"


def official_grid(key: str, numbers: Mapping[str, str], where: str = "") -> Grid:
    """Table ``key`` as the format prints it, number cells from ``numbers`` (missing: "0")."""
    table = spec.tables()[key]
    cells = tuple(
        Cell(
            numbers.get(c.path, "0") if c.is_number else c.text,
            c.row,
            c.col,
            c.rowspan,
            c.colspan,
        )
        for c in table.cells
    )
    return Grid(cells, table.n_rows, table.n_cols, where)


def sample_numbers(name: str) -> dict[str, str]:
    """Model path → printed text for every number cell of a sample's JSON (平潭, 淮安)."""
    raw = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    by_chain = {"/".join(chain): path for path, chain in spec.field_labels().items()}
    out: dict[str, str] = {}
    for group, rows in raw["proactive"].items():
        for row_label, columns in rows.items():
            for col_label, value in columns.items():
                out[by_chain[f"{group}/{row_label}/{col_label}"]] = str(value)
    columns = [key for key, _ in spec.applications.COLUMNS]
    for chain, values in raw["applications"]["rows"].items():
        row = by_chain[chain]
        for col, value in zip(columns, values, strict=True):
            out[f"{row}.{col}"] = "" if value is None else str(value)
    review = [
        f"review_litigation.{g.key}.{o}"
        for g in spec.review.GROUPS
        for o in [*spec.review.OUTCOMES.all_keys(), "total"]
    ]
    for path, value in zip(review, raw["review_litigation"], strict=True):
        out[path] = "" if value is None else str(value)
    return out


def expected_data(numbers: Mapping[str, str]) -> dict[str, Any]:
    """What the mapper should write for clean tables holding ``numbers`` (all integers but fees)."""

    def value(path: str) -> Any:
        text = numbers[path]
        return Decimal(text) if path == "proactive.fees" else int(text)

    proactive: dict[str, Any] = {}
    for cell in spec.tables()["proactive"].value_cells():
        _put(proactive, cell.path.removeprefix("proactive."), value(cell.path))
    applications: dict[str, Any] = {}
    for path, _chain, _ in spec.applications.leaf_rows():
        row = [value(f"{path}.{key}") for key, _ in spec.applications.COLUMNS]
        _put(applications, path.removeprefix("applications."), row)
    review: dict[str, Any] = {}
    for cell in spec.tables()["review_litigation"].value_cells():
        _put(review, cell.path.removeprefix("review_litigation."), value(cell.path))
    return {"proactive": proactive, "applications": applications, "review_litigation": review}


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def edit_cells(grid: Grid, change: Callable[[Cell], Cell | None]) -> Grid:
    """``grid`` with each cell replaced by ``change(cell)`` (None drops it)."""
    cells = tuple(c for c in (change(cell) for cell in grid.cells) if c is not None)
    return attrs.evolve(grid, cells=cells)


def paras(*texts: str) -> tuple[Para, ...]:
    return tuple(Para(t) for t in texts)


def html_grids(html: str) -> list[Grid]:
    """The tables of a plain HTML transcription as Grids (rowspan/colspan kept, as printed).

    Only for the transcribed fixtures (``*.tables.html``): a cell's paragraphs
    and ``<br>`` become line breaks, ``&nbsp;`` a blank.
    """
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    grids = []
    for table in root.iter("table"):
        taken: set[tuple[int, int]] = set()
        cells = []
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for td in tr.iter("td", "th"):
                while (r, c) in taken:
                    c += 1
                rowspan, colspan = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                for br in td.iter("br"):
                    br.tail = "\n" + (br.tail or "")
                lines = [p.text_content() for p in td.iter("p")] or [td.text_content()]
                text = "\n".join(line.replace("\xa0", " ").strip() for line in lines).strip()
                cells.append(Cell(text, r, c, rowspan, colspan))
                taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
                c += colspan
        n_rows = max(r for r, _ in taken) + 1
        n_cols = max(c for _, c in taken) + 1
        grids.append(Grid(tuple(cells), n_rows, n_cols))
    return grids


# -- messing a grid up: rows deleted, inserted, split across pages ---------------


def row_with(grid: Grid, text: str) -> int:
    """The row of the cell whose text is ``text``."""
    return next(c.row for c in grid.cells if c.text == text)


def cell_with(grid: Grid, text: str) -> Cell:
    return next(c for c in grid.cells if c.text == text)


def delete_rows(grid: Grid, rows: set[int]) -> Grid:
    """``grid`` without ``rows``: their cells go, spans over them shrink, rows below move up."""
    out = []
    for cell in grid.cells:
        kept = [r for r in range(cell.row, cell.row + cell.rowspan) if r not in rows]
        if not kept:
            continue
        above = len([r for r in rows if r < kept[0]])
        out.append(attrs.evolve(cell, row=kept[0] - above, rowspan=len(kept)))
    return Grid(tuple(out), grid.n_rows - len(rows), grid.n_cols, grid.where)


def insert_row(grid: Grid, at: int, cells: list[Cell]) -> Grid:
    """``grid`` with a row of ``cells`` (their row ignored) inserted before row ``at``."""
    out = []
    for c in grid.cells:
        if c.row >= at:
            out.append(attrs.evolve(c, row=c.row + 1))
        elif c.row + c.rowspan > at:
            out.append(attrs.evolve(c, rowspan=c.rowspan + 1))
        else:
            out.append(c)
    out += [attrs.evolve(c, row=at) for c in cells]
    return Grid(tuple(out), grid.n_rows + 1, grid.n_cols, grid.where)


def split_grid(
    grid: Grid, at: int, continued: Mapping[str, tuple[str, str]] | None = None
) -> tuple[Grid, Grid]:
    """``grid`` broken before row ``at``, as a page break does (no header repeated).

    A cell spanning the break is printed on both pages: ``continued`` maps its
    text to (the text above the break, the text below it); by default the
    whole text above and nothing below.
    """
    continued = continued or {}
    top, bottom = [], []
    for c in grid.cells:
        if c.row + c.rowspan <= at:
            top.append(c)
        elif c.row >= at:
            bottom.append(attrs.evolve(c, row=c.row - at))
        else:
            above, below = continued.get(c.text, (c.text, ""))
            top.append(attrs.evolve(c, text=above, rowspan=at - c.row))
            bottom.append(attrs.evolve(c, text=below, row=0, rowspan=c.row + c.rowspan - at))
    return (
        Grid(tuple(top), at, grid.n_cols, "第1页表格"),
        Grid(tuple(bottom), grid.n_rows - at, grid.n_cols, "第2页表格"),
    )
