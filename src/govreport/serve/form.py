"""The form model, generated from :mod:`govreport.spec` and the model: never retyped.

Contract with ``serve/app.py`` (serve-core), which renders ``templates/page.html.j2``:

* ``form = build_form(engine)`` once per app (it reads the engine's registered
  :class:`~govreport.plugins.contributions.Extension` classes);
* ``render_page(page_context(form, fields, csrf_token, draft_id, version, formats,
  findings=(), totals=None))`` → the HTML of ``GET /`` (``draft_id=None``,
  ``version=0``) or ``GET /drafts/{draft_id}``.  ``fields`` are the form fields
  (data-file path → text, :func:`govreport.serve.formdata.to_fields`),
  ``formats`` the installed download formats in the order to offer them,
  ``findings`` the ``/api/check`` findings as dicts (``code``, ``severity``,
  ``message``, ``location``, ``paths``), ``totals`` the computed 总计 cells
  (path → text).  The template's own names are the keys :func:`page_context`
  returns; nothing else reaches it.  Jinja2 autoescapes every value.

Every input is named by its data-file path; every table input's accessible
name is its official label chain (``spec.field_labels()``), given by
``aria-labelledby`` pointing at the header and row-label cells that print it.

Plugin extension blocks: each field of the registered attrs class whose type
is ``str``, ``int``, ``Decimal``, ``bool``, ``datetime.date`` or an ``Enum``
(optional or not) gets an input, labelled by ``metadata["label"]`` or the
field name.  Not supported in the form (listed in :attr:`ExtensionBlock.skipped`
and shown as such on the page; edit them in the data file): nested attrs
classes, lists and mappings.  Extensions registered with ``in_skeleton=False``
(blocks only a program writes, such as the 2019 trial format's) are left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import jinja2

from govreport import spec
from govreport.io.structure import field_types, split_optional
from govreport.model import AdminLevel, ListStyle
from govreport.plugins.engine import Engine
from govreport.spec.grid import CellRole, CellSpec, TableSpec

__all__ = [
    "Cell",
    "ExtensionBlock",
    "Field",
    "Form",
    "ListField",
    "Table",
    "build_form",
    "field_id",
    "form_path",
    "page_context",
    "render_page",
    "templates_dir",
]

#: Download formats in the order the page offers them, with their Chinese names.
FORMAT_NAMES: Final = {
    "docx": "Word 文档（.docx）",
    "pdf": "PDF",
    "html": "网页（.html）",
    "txt": "纯文本（.txt）",
    "yaml": "数据文件（.yaml）",
    "xlsx": "填报工作簿（.xlsx）",
}

_ITEM: Final = re.compile(r"\[(\d+)\]")

#: How 五's lists are printed: the ListStyle values in words a civil servant knows.
_STYLE_NAMES: Final = {
    ListStyle.ENUMERATED: "一是……二是……（连成一段）",
    ListStyle.PARAGRAPHS: "每项单独成段",
}


@attrs.frozen
class Field:
    """One input outside the tables."""

    path: str
    label: str
    #: text, textarea, count, amount, year, date, select
    kind: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, shown) for a select
    required: bool = False
    hint: str = ""
    is_list: bool = attrs.field(default=False, init=False)

    @property
    def id(self) -> str:
        return field_id(self.path)


@attrs.frozen
class ListField:
    """A list the agency grows and shrinks: texts, or (heading, text) parts."""

    path: str
    label: str
    item_label: str
    #: ("text",) for a list of texts, ("heading", "text") for TextPart items.
    keys: tuple[str, ...]
    key_labels: tuple[str, ...]
    is_list: bool = attrs.field(default=True, init=False)


@attrs.frozen
class Cell:
    """A table cell as the page prints it: the spec's cell plus ids for labelling."""

    spec: CellSpec
    id: str
    #: Ids of the cells whose texts are the official label chain (VALUE, TOTAL).
    labelledby: tuple[str, ...] = ()
    label: str = ""  # the chain joined with “/”, for messages and titles

    @property
    def role(self) -> str:
        return self.spec.role.value

    @property
    def path(self) -> str:
        return self.spec.path

    @property
    def is_input(self) -> bool:
        return self.spec.role is CellRole.VALUE

    @property
    def is_output(self) -> bool:
        return self.spec.role is CellRole.TOTAL

    @property
    def is_header(self) -> bool:
        return self.spec.role in (CellRole.HEADER, CellRole.GROUP, CellRole.LABEL)

    @property
    def inputmode(self) -> str:
        return "decimal" if self.spec.path == "proactive.fees" else "numeric"


@attrs.frozen
class Table:
    key: str
    heading: str  # 二、主动公开政府信息情况
    n_cols: int
    header_rows: int
    rows: tuple[tuple[Cell, ...], ...]
    col_weights: tuple[int, ...]

    def cells(self) -> tuple[Cell, ...]:
        return tuple(c for row in self.rows for c in row)


@attrs.frozen
class ExtensionBlock:
    name: str
    title: str
    fields: tuple[Field, ...]
    skipped: tuple[str, ...] = ()  # field names the form cannot show


@attrs.frozen
class Section:
    key: str
    heading: str
    #: Fields and lists in the order the report prints them.
    items: tuple[Field | ListField, ...] = ()

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(i for i in self.items if isinstance(i, Field))

    @property
    def lists(self) -> tuple[ListField, ...]:
        return tuple(i for i in self.items if isinstance(i, ListField))


@attrs.frozen
class Form:
    basic: Section
    tables: tuple[Table, ...]
    overview: Section
    problems: Section
    other: Section
    extensions: tuple[ExtensionBlock, ...]

    def inputs(self) -> tuple[str, ...]:
        """Every field path the page has an input for (list items excluded)."""
        plain = [
            f.path for s in (self.basic, self.overview, self.problems, self.other) for f in s.fields
        ]
        cells = [c.path for t in self.tables for c in t.cells() if c.is_input]
        ext = [f.path for b in self.extensions for f in b.fields]
        return (*plain, *cells, *ext)


def form_path(path: str) -> str:
    """A finding's model path as a form field's name: ``parts[0].text`` → ``parts.0.text``."""
    return _ITEM.sub(r".\1", path)


def field_id(path: str) -> str:
    """An HTML id for a field path (paths hold only [a-z0-9_.])."""
    return "f-" + path.replace(".", "-")


def _label(path: str) -> str:
    return spec.field_labels()[path][-1]


def _field(path: str, kind: str, **kwargs: Any) -> Field:
    return Field(path, _label(path), kind, **kwargs)


def _basic() -> Section:
    levels = tuple((level.value, level.label) for level in AdminLevel)
    power = (("", "按行政级别确定"), ("true", "有"), ("false", "无"))
    return Section(
        "agency",
        _label("agency"),
        items=(
            _field("agency.name", "text", required=True),
            _field("agency.level", "select", choices=(("", "请选择"), *levels), required=True),
            _field("agency.has_rulemaking_power", "select", choices=power),
            _field("year", "year", required=True),
            _field("published", "date", hint="格式 YYYY-MM-DD，如 2025-01-20"),
            _field("agency.contact.address", "text"),
            _field("agency.contact.postcode", "text"),
            _field("agency.contact.phone", "text"),
            _field("agency.contact.fax", "text"),
            _field("agency.contact.email", "text"),
            _field("agency.website", "text"),
            _field("signatory", "text", hint="不填则为机关名称"),
            _field("title_text", "text", hint="不填则按机关名称和年度生成"),
            _field("opening", "textarea", hint="不填则按机关名称和年度生成"),
        ),
    )


def _parts(path: str) -> ListField:
    return ListField(
        path,
        _label(path),
        "部分",
        ("heading", "text"),
        ("小标题", "正文"),
    )


def _overview() -> Section:
    customary = tuple(_field(f"overview.{label.key}", "textarea") for label in spec.OVERVIEW_PARTS)
    return Section(
        "overview",
        spec.heading("overview").text,
        items=(_field("overview.intro", "textarea"), *customary, _parts("overview.parts")),
    )


def _problems() -> Section:
    styles = tuple((style.value, _STYLE_NAMES[style]) for style in ListStyle)
    return Section(
        "problems",
        spec.heading("problems").text,
        items=(
            _field("problems.problems_intro", "textarea"),
            ListField("problems.problems", _label("problems.problems"), "问题", ("",), ("",)),
            _field("problems.improvements_intro", "textarea"),
            ListField(
                "problems.improvements", _label("problems.improvements"), "措施", ("",), ("",)
            ),
            _field("problems.style", "select", choices=styles),
            _parts("problems.parts"),
        ),
    )


def _other() -> Section:
    return Section(
        "other",
        spec.heading("other").text,
        items=(
            _field("other.text", "textarea"),
            _field("other.processing_fee", "amount", hint="单位：元；未收取填 0"),
        ),
    )


# ---------------------------------------------------------------- tables


def _covers(cell: CellSpec, row: int, col: int) -> tuple[bool, bool]:
    """(covers the row, covers the column) of a grid position."""
    return (
        cell.row <= row < cell.row + cell.rowspan,
        cell.col <= col < cell.col + cell.colspan,
    )


def _labelled_by(table: TableSpec, value: CellSpec, chain: Sequence[str]) -> tuple[CellSpec, ...]:
    """The printed cells whose texts are ``chain``: row labels left, headers above.

    Where one text is printed twice (``本年处理决定数量`` above several rows), the
    nearest cell wins.
    """
    found = []
    for text in chain:
        candidates = []
        for cell in table.cells:
            if cell.text != text:
                continue
            in_row, in_col = _covers(cell, value.row, value.col)
            left = in_row and cell.col < value.col
            above = in_col and cell.row < value.row
            if left or above:
                distance = (value.row - cell.row) if above else (value.col - cell.col)
                candidates.append((distance, cell))
        if not candidates:
            raise ValueError(f"{table.key}: no printed cell “{text}” labels {value.path}")
        found.append(min(candidates, key=lambda pair: pair[0])[1])
    return tuple(found)


def _cell_id(table: TableSpec, cell: CellSpec) -> str:
    return f"t-{table.key}-{cell.row}-{cell.col}"


def _table(table: TableSpec) -> Table:
    labels = spec.field_labels()
    rows = []
    for row in table.rows():
        cells = []
        for cell in row:
            if cell.is_number:
                chain = labels[cell.path]
                by = tuple(_cell_id(table, c) for c in _labelled_by(table, cell, chain))
                cells.append(Cell(cell, field_id(cell.path), by, "/".join(chain)))
            else:
                cells.append(Cell(cell, _cell_id(table, cell)))
        rows.append(tuple(cells))
    return Table(
        table.key,
        spec.heading(table.key).text,
        table.n_cols,
        table.header_rows,
        tuple(rows),
        table.col_weights,
    )


# ---------------------------------------------------------------- extensions


def _extension_field(path: str, label: str, hint: object) -> Field | None:
    inner, optional = split_optional(hint)
    if inner is str:
        return Field(path, label, "text")
    if inner is int:
        return Field(path, label, "count")
    if inner is Decimal:
        return Field(path, label, "amount")
    if inner is dt.date:
        return Field(path, label, "date")
    if inner is bool:
        choices = (("", "（未填）"), ("true", "是"), ("false", "否"))
        return Field(path, label, "select", choices=choices)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        shown = tuple((str(m.value), str(getattr(m, "label", m.value))) for m in inner)
        options: tuple[tuple[str, str], ...] = (("", "（未填）"), *shown) if optional else shown
        return Field(path, label, "select", choices=options)
    return None


def _extension(name: str, title: str, cls: type) -> ExtensionBlock:
    hints = field_types(cls)
    fields, skipped = [], []
    for attribute in attrs.fields(cls):
        label = str(attribute.metadata.get("label", attribute.name))
        made = _extension_field(f"extensions.{name}.{attribute.name}", label, hints[attribute.name])
        if made is None:
            skipped.append(label)
        else:
            fields.append(made)
    return ExtensionBlock(name, title or name, tuple(fields), tuple(skipped))


def build_form(engine: Engine) -> Form:
    """The whole form for ``engine``'s plugins (their extension blocks included)."""
    extensions = tuple(
        _extension(name, ext.title, ext.data_class)
        for name, ext in sorted(engine.extensions.items())
        if ext.in_skeleton
    )
    return Form(
        basic=_basic(),
        tables=tuple(_tables()),
        overview=_overview(),
        problems=_problems(),
        other=_other(),
        extensions=extensions,
    )


@functools.cache
def _tables() -> tuple[Table, ...]:
    return tuple(_table(t) for t in spec.tables().values())


# ---------------------------------------------------------------- the page


def _items(fields: Mapping[str, str], path: str, keys: Sequence[str]) -> list[dict[str, str]]:
    """A list's items as the fields hold them, in index order (for the template)."""
    found: dict[int, dict[str, str]] = {}
    prefix = f"{path}."
    for key, text in fields.items():
        if not key.startswith(prefix):
            continue
        index, _, name = key[len(prefix) :].partition(".")
        if index.isdigit() and name in keys:
            found.setdefault(int(index), {})[name] = text
    return [found[i] for i in sorted(found)]


def page_context(  # noqa: PLR0917 (the signature serve/app.py codes against)
    form: Form,
    fields: Mapping[str, str],
    csrf_token: str,
    draft_id: str | None,
    version: int,
    formats: Sequence[str],
    *,
    findings: Sequence[Mapping[str, Any]] = (),
    totals: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything ``page.html.j2`` reads (see the module docstring)."""
    lists = {
        lst.path: _items(fields, lst.path, lst.keys)
        for section in (form.overview, form.problems)
        for lst in section.lists
    }
    by_path: dict[str, list[Mapping[str, Any]]] = {}
    in_table: dict[str, list[Mapping[str, Any]]] = {t.key: [] for t in form.tables}
    for finding in findings:
        paths = [form_path(str(p)) for p in finding.get("paths") or [finding.get("path", "")]]
        for path in paths:
            by_path.setdefault(path, []).append(finding)
        tables = {path.partition(".")[0] for path in paths} & in_table.keys()
        for key in sorted(tables):
            in_table[key].append(finding)
    errors = sum(1 for f in findings if f.get("severity") == "error")
    return {
        "form": form,
        "fields": dict(fields),
        "csrf_token": csrf_token,
        "draft_id": draft_id or "",
        "version": version,
        "formats": [(fmt, FORMAT_NAMES.get(fmt, fmt)) for fmt in formats],
        "findings": list(findings),
        "findings_at": by_path,
        "errors": errors,
        "table_findings": in_table,
        "totals": dict(totals or {}),
        "lists": lists,
        "field_id": field_id,
        "form_path": form_path,
    }


TEMPLATES: Final = Path(__file__).with_name("templates")


def templates_dir() -> Path:
    return TEMPLATES


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(context: Mapping[str, Any]) -> str:
    """The form page's HTML for :func:`page_context`'s ``context``."""
    return _environment().get_template("page.html.j2").render(**context)
