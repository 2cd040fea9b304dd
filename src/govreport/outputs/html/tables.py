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

import functools
import re
import typing
from collections.abc import Sequence
from typing import Final

import attrs
from markupsafe import Markup, escape

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
    head: tuple[Sequence[CellView], ...]
    bodies: tuple[tuple[Sequence[CellView], ...], ...]
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


def _table_view(table: Table, prefix: str) -> TableView:
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


#: Table shapes whose views are kept: three official tables and any a plugin adds.
VIEW_CACHE: Final = 64

#: (row, col, role, rowspan, colspan, path) of every cell: all but its text.
CellShape = tuple[int, int, CellRole, int, int, str]


@attrs.frozen
class _Shape:
    """Everything :func:`_table_view` reads from a table except the cells' texts."""

    key: str
    caption: str
    n_rows: int
    n_cols: int
    header_rows: int
    col_weights: tuple[int, ...]
    cells: tuple[CellShape, ...]


@functools.lru_cache(maxsize=VIEW_CACHE)
def _shaped(shape: _Shape, prefix: str) -> tuple[TableView, _Rows | None]:
    """The view of a table of this shape with empty texts, and its rows ready to fill.

    The headers of every number cell take a walk over the labels and header
    bands in force; that walk depends on the geometry only, which is the same
    for every report, so it runs once per shape and process.
    """
    cells = tuple(
        TableCell("", row, col, role, rowspan, colspan, path)
        for row, col, role, rowspan, colspan, path in shape.cells
    )
    table = Table(
        shape.key,
        shape.caption,
        shape.n_rows,
        shape.n_cols,
        shape.header_rows,
        shape.col_weights,
        cells,
    )
    view = _table_view(table, prefix)
    base = f"{prefix}-{slug(table.key)}"
    index = {f"{base}-r{c.row}c{c.col}": i for i, c in enumerate(cells)}
    # Two cells at one position (a plugin's malformed table) share an id: no cache then.
    if len(index) != len(cells):
        return view, None

    def row(views: Sequence[CellView]) -> _RowShape:
        parts = tuple((_start_tag(_tag_key(v)), index[v.id], f"</{v.tag}>") for v in views)
        return _RowShape(tuple(views), parts, index)

    head = tuple(row(r) for r in view.head)
    return view, (head, tuple(tuple(row(r) for r in body) for body in view.bodies))


@attrs.frozen
class _RowShape:
    """A row of a kept view: its cells with empty texts, and each cell's tags around its text."""

    views: tuple[CellView, ...]
    parts: tuple[tuple[str, int, str], ...]  # (start tag, the text's index, end tag)
    index: dict[str, int] = attrs.field(eq=False, hash=False)


#: The head's rows and each body's rows of a kept view.
_Rows = tuple[tuple[_RowShape, ...], tuple[tuple[_RowShape, ...], ...]]


def table_view(table: Table, prefix: str = "gr") -> TableView:
    """The HTML view of ``table``: cached by shape, then the texts of this table filled in."""
    shape = _Shape(
        table.key,
        table.caption,
        table.n_rows,
        table.n_cols,
        table.header_rows,
        table.col_weights,
        tuple((c.row, c.col, c.role, c.rowspan, c.colspan, c.path) for c in table.cells),
    )
    view, rows = _shaped(shape, prefix)
    if rows is None:
        return _table_view(table, prefix)
    texts = tuple(c.text for c in table.cells)
    head, bodies = rows
    return attrs.evolve(
        view,
        head=tuple(FilledRow(row, texts) for row in head),
        bodies=tuple(tuple(FilledRow(row, texts) for row in body) for body in bodies),
    )


class FilledRow(Sequence[CellView]):
    """A row of a kept table view with one table's texts, its cells made only when read.

    The page writes a row through :func:`row_html`, which needs each cell's
    start tag (the same for every report) and its text: some three hundred
    cell objects a report were made for nothing but that.  Read as a
    sequence, the row gives the very cells the view would hold.
    """

    __slots__ = ("_shape", "_texts")

    def __init__(self, shape: _RowShape, texts: tuple[str, ...]) -> None:
        self._shape = shape
        self._texts = texts

    def _cell(self, view: CellView) -> CellView:
        return attrs.evolve(view, text=self._texts[self._shape.index[view.id]])

    @typing.overload
    def __getitem__(self, item: int) -> CellView: ...

    @typing.overload
    def __getitem__(self, item: slice) -> tuple[CellView, ...]: ...

    def __getitem__(self, item: int | slice) -> CellView | tuple[CellView, ...]:
        if isinstance(item, slice):
            return tuple(self._cell(v) for v in self._shape.views[item])
        return self._cell(self._shape.views[item])

    def __len__(self) -> int:
        return len(self._shape.views)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"FilledRow({tuple(self)!r})"

    def html(self) -> str:
        """The row's cells as :func:`row_html` writes them, without making the cells."""
        texts = self._texts
        return "".join(f"{start}{_esc(texts[i])}{end}" for start, i, end in self._shape.parts)


def _view(c: TableCell, tag: str, id_: str, *, scope: str, headers: str, css: str) -> CellView:
    return CellView(tag, c.text, id_, c.rowspan, c.colspan, scope, headers, css, c.path)


#: What autoescape changes; most texts (numbers, ids) have none of it.
_SPECIAL: Final = re.compile("[&<>'\"]")


def _esc(text: str) -> str:
    """``text`` escaped exactly as the template's autoescape would, cheaply when clean."""
    return str(escape(text)) if _SPECIAL.search(text) else text


#: A cell's view but its text: (tag, id, class, rowspan, colspan, scope, headers, path).
TagKey = tuple[str, str, str, int, int, str, str, str]


@functools.lru_cache(maxsize=4096)
def _start_tag(key: TagKey) -> str:
    """A cell's start tag: the same for every report (bounded: a few tables' cells)."""
    tag, id_, css, rowspan, colspan, scope, headers, path = key
    out = [f'<{tag} id="{_esc(id_)}" class="{_esc(css)}"']
    if rowspan > 1:
        out.append(f' rowspan="{rowspan}"')
    if colspan > 1:
        out.append(f' colspan="{colspan}"')
    if scope:
        out.append(f' scope="{_esc(scope)}"')
    if headers:
        out.append(f' headers="{_esc(headers)}"')
    if path:
        out.append(f' data-path="{_esc(path)}"')
    return "".join(out) + ">"


def _tag_key(c: CellView) -> TagKey:
    return (c.tag, c.id, c.css_class, c.rowspan, c.colspan, c.scope, c.headers, c.path)


def cell_html(c: CellView) -> str:
    """One cell's element, escaped exactly as the template's autoescape would."""
    return f"{_start_tag(_tag_key(c))}{_esc(c.text)}</{c.tag}>"


def row_html(row: Sequence[CellView]) -> Markup:
    """A table row's cells (the template's ``cells`` filter)."""
    if isinstance(row, FilledRow):
        return Markup(row.html())
    return Markup("".join(cell_html(c) for c in row))
