"""Table block → the rows and cells an HTML table needs, with accessible headers.

The geometry comes from the document's ``Table`` block (which comes from the
spec); this module only decides the HTML semantics:

* the first ``header_rows`` rows become ``<thead>``, so browsers repeat them on
  every printed page;
* the body is split into ``<tbody>`` row groups: at each full-width group label
  (table 二's 第二十条第（…）项), or around a label that spans several rows
  (table 三's 三、本年度办理结果), so ``scope="rowgroup"`` means what it says;
* every number cell gets a ``headers`` attribute naming each header and row
  label that applies to it.  ``scope`` alone cannot describe the official
  tables (row labels three deep, sub-headers repeated inside table 二's body),
  and screen readers follow ``headers`` exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govreport.document.blocks import Table, TableCell
from govreport.spec.grid import CellRole


@attrs.frozen
class CellView:
    tag: str  # "th" or "td"
    text: str
    id: str
    rowspan: int
    colspan: int
    scope: str  # "" for data cells
    headers: str  # space-separated ids, "" when none
    css_class: str
    #: The model path of a number cell ("" for labels): ``data-path``, so that a
    #: tool (``govreport audit --annotate``) can find the cell a finding is about.
    path: str = ""


@attrs.frozen
class TableView:
    key: str
    slug: str  # the key made safe for class names and ids
    id: str
    caption: str
    n_cols: int
    head: tuple[tuple[CellView, ...], ...]
    bodies: tuple[tuple[tuple[CellView, ...], ...], ...]
    col_widths: tuple[str, ...]  # percentages, fixed precision


def slug(text: str) -> str:
    """A table key made safe for ids and CSS class names (plugins may add any key)."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-") or "table"


def col_widths(weights: Sequence[int]) -> tuple[str, ...]:
    total = sum(weights) or 1
    return tuple(f"{100 * w / total:.2f}%" for w in weights)


def _is_header_row(row: Sequence[TableCell]) -> bool:
    return bool(row) and all(c.role is CellRole.HEADER for c in row)


def _is_group_row(row: Sequence[TableCell]) -> bool:
    return bool(row) and all(c.role is CellRole.GROUP for c in row)


def _overlaps(a: TableCell, b: TableCell) -> bool:
    """Do the column ranges of ``a`` and ``b`` intersect?"""
    return a.col < b.col + b.colspan and b.col < a.col + a.colspan


def _row_groups(table: Table) -> list[list[int]]:
    """Body row indices split into ``<tbody>`` groups."""
    body = range(table.header_rows, table.n_rows)
    rows = table.rows()
    has_groups = any(_is_group_row(rows[i]) for i in body)
    groups: list[list[int]] = []
    span_end: int | None = None
    for i in body:
        row = rows[i]
        first = row[0] if row and row[0].col == 0 else None
        if has_groups:
            new = _is_group_row(row)
        else:
            new = i == span_end
            if first is not None and first.rowspan > 1:
                new, span_end = True, i + first.rowspan
        if new or not groups:
            groups.append([])
        groups[-1].append(i)
    return groups


def table_view(table: Table, prefix: str = "gr") -> TableView:
    key = slug(table.key)
    base = f"{prefix}-{key}"

    def cell_id(c: TableCell) -> str:
        return f"{base}-r{c.row}c{c.col}"

    rows = table.rows()
    groups = _row_groups(table)
    group_len = {i: len(g) for g in groups for i in g}

    # Walk top to bottom, remembering which headers are in force.
    band: list[TableCell] = []  # the current run of header rows
    band_open = False
    group_cell: TableCell | None = None
    labels: list[TableCell] = []  # every row label seen so far
    views: list[tuple[CellView, ...]] = []
    for i, row in enumerate(rows):
        out: list[CellView] = []
        if _is_header_row(row):
            if not band_open:
                band, band_open = [], True
            band.extend(row)
        else:
            band_open = False
        if _is_group_row(row):
            group_cell, band = row[0], []
        for c in row:
            if c.role is CellRole.HEADER:
                scope = "col" if c.colspan == 1 else "colgroup"
                out.append(_view(c, "th", cell_id(c), scope=scope, headers="", css="gr-head"))
            elif c.role is CellRole.GROUP:
                out.append(_view(c, "th", cell_id(c), scope="rowgroup", headers="", css="gr-group"))
            elif c.role is CellRole.LABEL:
                labels.append(c)
                whole_group = c.rowspan > 1 and c.rowspan == group_len.get(i, 0)
                scope = "rowgroup" if whole_group else "row"
                out.append(_view(c, "th", cell_id(c), scope=scope, headers="", css="gr-label"))
            else:
                applying: list[TableCell] = []
                if group_cell is not None:
                    applying.append(group_cell)
                applying.extend(
                    sorted(
                        (
                            lab
                            for lab in labels
                            if lab.row <= i < lab.row + lab.rowspan and lab.col < c.col
                        ),
                        key=lambda lab: lab.col,
                    )
                )
                applying.extend(h for h in band if _overlaps(h, c))
                css = "gr-num gr-total" if c.role is CellRole.TOTAL else "gr-num"
                headers = " ".join(cell_id(h) for h in applying)
                out.append(_view(c, "td", cell_id(c), scope="", headers=headers, css=css))
        views.append(tuple(out))

    return TableView(
        key=table.key,
        slug=key,
        id=base,
        caption=table.caption,
        n_cols=table.n_cols,
        head=tuple(views[: table.header_rows]),
        bodies=tuple(tuple(views[i] for i in g) for g in groups),
        col_widths=col_widths(table.col_weights),
    )


def _view(c: TableCell, tag: str, id_: str, *, scope: str, headers: str, css: str) -> CellView:
    return CellView(tag, c.text, id_, c.rowspan, c.colspan, scope, headers, css, c.path)
