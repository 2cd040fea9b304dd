"""Test helpers: the official tables as clean Grids, from spec geometry and a report's numbers.

``official_grid("applications", numbers)`` lays out table 三 exactly as the
format prints it (merged cells once, at their top-left position), with each
number cell's text taken from ``numbers`` (model path → printed text).  The
tests then mess these grids up the way real portals do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from govreport import spec
from govreport.importing.blocks import Cell, Grid, Para

SAMPLES = Path("/work/shared/samples")
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
    raw = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
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
    from decimal import Decimal

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
