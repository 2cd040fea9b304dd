"""The fill-in workbook's layout as data, generated from :mod:`govreport.spec`.

Both sides of the workbook read it: the writer puts every label, value,
formula and check where this module says, the reader finds them there.
The records are defined in :mod:`~govreport.workbook.records`, the totals'
formulas and the checks in :mod:`~govreport.workbook.formulas`; import them
all from here.
Nothing here is retyped: sheet names are the official section headings,
labels and merged cells come from ``spec.tables()``, label chains from
``spec.field_labels()``.

API (``LAYOUT`` is the one instance; everything is frozen)::

    LAYOUT.sheets                       # SheetSpec per sheet, in workbook order
    LAYOUT.sheet("applications").name   # "三、收到和处理政府信息公开申请情况"
    LAYOUT.fields                       # Field: every input cell with a fixed address
    LAYOUT.totals                       # Total: every 总计 cell, with its formula
    LAYOUT.checks                       # Check: every live check cell (R1–R6)
    LAYOUT.previous                     # Reference: last year's figures (only with --from)
    LAYOUT.texts                        # TextBlock: the paragraph blocks of 一、五、六
    LAYOUT.field(path) / LAYOUT.total(path)
    LAYOUT.cell_of(path)                # ("三、…", "D6") for a field or total
    LAYOUT.address(path)                # "三、…!D6", as errors print it
    LAYOUT.field_at(sheet, cell)        # Field | Total | None at a sheet name and "D6"

Sheets (names fixed, at most 31 characters, none of ``[]:*?/\\``)::

    说明 · 基本信息 · 一、总体情况 · 二、主动公开政府信息情况 ·
    三、收到和处理政府信息公开申请情况 · 四、政府信息公开行政复议、行政诉讼情况 ·
    五、存在的主要问题及改进情况 · 六、其他需要报告的事项

Table sheets: row 1 the section heading (merged over the table), row 2 a note,
the official table from row ``TABLE_TOP`` (3) and column A, one grid cell of
``spec`` per sheet cell (``grid_address``).  Checks sit right of table 三 (R1, one
per body row) and below the tables (R2, R3, R4, R5, and R6 with last year).

Text sheets (一、五、六): column A (``MARKER_COLUMN``) names the block, column B
(``TEXT_COLUMN``) holds one paragraph (or list item, or sub-heading) per row.
A block starts at the row whose A cell is its ``marker``; rows below with an
empty A belong to it.  A ``PARTS`` block (the agency's own sub-headings) starts
again at every marker row: B of that row is the sub-heading, the rows below its
paragraphs.  Fixed cells on these sheets (五's 列举方式, 六's 信息处理费) are
fields at ``B3``; blocks start at ``TextSheet.first_row``.

Cell values: counts are whole numbers, the fee (``proactive.fees``) a number in
万元, dates real dates, the level one of ``LEVEL_CHOICES`` (the official level
labels), booleans ``是``/``否`` (``BOOL_CHOICES``; ``agency.has_rulemaking_power``
may be blank: "as usual for the level"), 五's style one of ``STYLE_CHOICES``.
A blank number cell in a table is a blank cell of the report (``blank_cells``);
a table cell printed as ``/`` is written as that text.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from govreport import spec
from govreport.limits import MAX_COUNT
from govreport.model import AdminLevel, ListStyle
from govreport.spec import CellRole, TableSpec
from govreport.workbook.formulas import table_formulas

# The records, re-exported: both sides of the workbook import them from here.
from govreport.workbook.records import (
    MARKER_COLUMN,
    PASSED,
    TABLE_TOP,
    TEXT_COLUMN,
    Check,
    CheckLabel,
    Field,
    Kind,
    Reference,
    SheetKind,
    SheetSpec,
    TextBlock,
    TextKind,
    TextSheet,
    Total,
    cell_name,
    grid_address,
    iter_cells,
)

__all__ = [
    "BOOL_CHOICES",
    "COUNT_MAX",
    "INFO_FIELDS",
    "INFO_TOP",
    "LAYOUT",
    "LEVEL_CHOICES",
    "MARKER_COLUMN",
    "MAX_SHEET_NAME",
    "PASSED",
    "STYLE_CHOICES",
    "STYLE_LABELS",
    "TABLE_TOP",
    "TEXT_COLUMN",
    "TEXT_TOP",
    "Check",
    "CheckLabel",
    "Field",
    "Kind",
    "Layout",
    "Reference",
    "SheetKind",
    "SheetSpec",
    "TextBlock",
    "TextKind",
    "TextSheet",
    "Total",
    "build",
    "cell_name",
    "grid_address",
    "iter_cells",
]

#: Excel's own limits on sheet names.
MAX_SHEET_NAME: Final = 31
_FORBIDDEN_IN_SHEET_NAME: Final = re.compile(r"[\[\]:*?/\\]")

BOOL_CHOICES: Final = ("是", "否")
LEVEL_CHOICES: Final = tuple(level.label for level in AdminLevel)
STYLE_CHOICES: Final = ("一是……二是……连排", "每项一段")
#: ListStyle ↔ its choice in the workbook.
STYLE_LABELS: Final = dict(zip(ListStyle, STYLE_CHOICES, strict=True))


@attrs.frozen
class Layout:
    sheets: tuple[SheetSpec, ...]
    fields: tuple[Field, ...]
    totals: tuple[Total, ...]
    checks: tuple[Check, ...]
    check_labels: tuple[CheckLabel, ...]
    previous: tuple[Reference, ...]
    texts: tuple[TextBlock, ...]
    text_sheets: tuple[TextSheet, ...]

    _by_path: dict[str, Field | Total] = attrs.field(init=False, repr=False, eq=False)
    _by_cell: dict[tuple[str, str], Field | Total] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        both: tuple[Field | Total, ...] = (*self.fields, *self.totals)
        object.__setattr__(self, "_by_path", {x.path: x for x in both})
        object.__setattr__(self, "_by_cell", {(x.sheet, x.cell): x for x in both})

    def sheet(self, key: str) -> SheetSpec:
        """The sheet of ``key``: "help", "info" or an official section key."""
        return next(s for s in self.sheets if s.key == key)

    def field(self, path: str) -> Field:
        found = self._by_path.get(path)
        if not isinstance(found, Field):
            raise KeyError(f"no input cell in the workbook for {path!r}")
        return found

    def total(self, path: str) -> Total:
        found = self._by_path.get(path)
        if not isinstance(found, Total):
            raise KeyError(f"no total in the workbook for {path!r}")
        return found

    def text_sheet(self, key: str) -> TextSheet:
        return next(s for s in self.text_sheets if s.key == key)

    def cell_of(self, path: str) -> tuple[str, str]:
        """(sheet name, cell) of a field or total; ``KeyError`` for any other path."""
        found = self._by_path.get(path)
        if found is None:
            raise KeyError(f"no cell in the workbook for {path!r}")
        return found.sheet, found.cell

    def address(self, path: str) -> str:
        """``三、收到和处理政府信息公开申请情况!D6``: where errors point."""
        sheet, cell = self.cell_of(path)
        return f"{sheet}!{cell}"

    def field_at(self, sheet: str, cell: str) -> Field | Total | None:
        """The field or total at ``cell`` (``"D6"``) of the sheet named ``sheet``."""
        return self._by_cell.get((sheet, cell.upper()))

    def blocks_of(self, key: str) -> tuple[TextBlock, ...]:
        """The text blocks of a text sheet, in order."""
        name = self.sheet(key).name
        return tuple(b for b in self.texts if b.sheet == name)


# -- building ----------------------------------------------------------------


def _check_name(name: str) -> str:
    if len(name) > MAX_SHEET_NAME or _FORBIDDEN_IN_SHEET_NAME.search(name):
        raise ValueError(f"not a valid Excel sheet name: {name!r}")
    return name


def _sheets() -> tuple[SheetSpec, ...]:
    def section(key: str, kind: SheetKind) -> SheetSpec:
        return SheetSpec(key, _check_name(spec.heading(key).text), kind)

    return (
        SheetSpec("help", "说明", SheetKind.HELP),
        SheetSpec("info", "基本信息", SheetKind.INFO),
        section("overview", SheetKind.TEXT),
        section("proactive", SheetKind.TABLE),
        section("applications", SheetKind.TABLE),
        section("review_litigation", SheetKind.TABLE),
        section("problems", SheetKind.TEXT),
        section("other", SheetKind.TEXT),
    )


#: 基本信息, top to bottom from row 3: (path, kind).  Labels from spec.field_labels().
INFO_FIELDS: Final = (
    ("agency.name", Kind.TEXT),
    ("agency.level", Kind.LEVEL),
    ("agency.has_rulemaking_power", Kind.OPTIONAL_BOOL),
    ("year", Kind.YEAR),
    ("published", Kind.DATE),
    ("agency.contact.address", Kind.TEXT),
    ("agency.contact.postcode", Kind.TEXT),
    ("agency.contact.phone", Kind.TEXT),
    ("agency.contact.fax", Kind.TEXT),
    ("agency.contact.email", Kind.TEXT),
    ("agency.website", Kind.TEXT),
    ("title_text", Kind.TEXT),
    ("opening", Kind.TEXT),
    ("signatory", Kind.TEXT),
    ("signed", Kind.BOOL),
)
#: The first row of 基本信息's fields (row 1: title, row 2: column heads).
INFO_TOP: Final = 3


def _info_fields(sheet: str) -> list[Field]:
    labels = spec.field_labels()
    return [
        Field(path, labels[path], sheet, cell_name(2, INFO_TOP + i), kind)
        for i, (path, kind) in enumerate(INFO_FIELDS)
    ]


def _table_fields(table: TableSpec, sheet: str) -> list[Field]:
    labels = spec.field_labels()
    return [
        Field(
            c.path,
            labels[c.path],
            sheet,
            grid_address(c.row, c.col),
            Kind.FEE if c.path == "proactive.fees" else Kind.COUNT,
        )
        for c in table.cells
        if c.role is CellRole.VALUE
    ]


_TEXT_BLOCKS: Final = (
    ("overview", "overview.intro", TextKind.PARAGRAPHS, 2),
    *(("overview", f"overview.{key}", TextKind.PARAGRAPHS, 2) for key, _ in spec.OVERVIEW_PARTS),
    ("overview", "overview.parts", TextKind.PARTS, 3),
    ("problems", "problems.problems_intro", TextKind.PARAGRAPHS, 1),
    ("problems", "problems.problems", TextKind.ITEMS, 4),
    ("problems", "problems.improvements_intro", TextKind.PARAGRAPHS, 1),
    ("problems", "problems.improvements", TextKind.ITEMS, 4),
    ("problems", "problems.parts", TextKind.PARTS, 3),
    ("other", "other.text", TextKind.PARAGRAPHS, 3),
)
#: Fixed cells on text sheets, at B3: 五's 列举方式 and 六's 信息处理费.
_TEXT_SHEET_FIELDS: Final = {
    "problems": ("problems.style", Kind.STYLE),
    "other": ("other.processing_fee", Kind.YUAN),
}
#: The first row of a text sheet (1: heading, 2: column heads).
TEXT_TOP: Final = 3


def _texts(names: dict[str, str]) -> tuple[list[TextBlock], list[TextSheet], list[Field]]:
    labels = spec.field_labels()
    blocks = [
        TextBlock(path, labels[path], names[key], labels[path][-1], kind, rows)
        for key, path, kind, rows in _TEXT_BLOCKS
    ]
    sheets: list[TextSheet] = []
    fields: list[Field] = []
    for key in ("overview", "problems", "other"):
        fixed = _TEXT_SHEET_FIELDS.get(key)
        if fixed is not None:
            path, kind = fixed
            fields.append(Field(path, labels[path], names[key], f"{TEXT_COLUMN}{TEXT_TOP}", kind))
        sheets.append(TextSheet(key, TEXT_TOP + (1 if fixed else 0)))
    return blocks, sheets, fields


@functools.cache
def build() -> Layout:
    """The layout (cached: the spec never changes within a process)."""
    sheets = _sheets()
    names = {s.key: s.name for s in sheets}
    tables = spec.tables()
    fields = _info_fields(names["info"])
    for key in ("proactive", "applications", "review_litigation"):
        fields += _table_fields(tables[key], names[key])
    totals, checks, check_labels, previous = table_formulas(tables, names)
    blocks, text_sheets, text_fields = _texts(names)
    fields += text_fields
    return Layout(
        sheets=sheets,
        fields=tuple(fields),
        totals=tuple(totals),
        checks=tuple(checks),
        check_labels=tuple(check_labels),
        previous=tuple(previous),
        texts=tuple(blocks),
        text_sheets=tuple(text_sheets),
    )


#: The one layout both the writer and the reader use.
LAYOUT: Final = build()
#: Counts are bounded as in a data file.
COUNT_MAX: Final = MAX_COUNT
