"""The fill-in workbook's layout as data, generated from :mod:`govreport.spec`.

Both sides of the workbook read it: the writer puts every label, value,
formula and check where this module says, the reader finds them there.
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

import enum
import functools
import re
from collections.abc import Iterator
from typing import Final

import attrs
from openpyxl.utils.cell import get_column_letter, range_boundaries

from govreport import spec
from govreport.limits import MAX_AMOUNT_DECIMALS, MAX_COUNT
from govreport.model import AdminLevel, ListStyle
from govreport.spec import CellRole, TableSpec
from govreport.spec import applications as apps_spec
from govreport.spec import review as review_spec

#: Excel's own limits on sheet names.
MAX_SHEET_NAME: Final = 31
_FORBIDDEN_IN_SHEET_NAME: Final = re.compile(r"[\[\]:*?/\\]")

#: The row of a table sheet where the official table starts (1: heading, 2: note).
TABLE_TOP: Final = 3
#: Text sheets: the column naming a block, and the column of its paragraphs.
MARKER_COLUMN: Final = "A"
TEXT_COLUMN: Final = "B"
#: The result of a check cell that holds.
PASSED: Final = "通过"

BOOL_CHOICES: Final = ("是", "否")
LEVEL_CHOICES: Final = tuple(level.label for level in AdminLevel)
STYLE_CHOICES: Final = ("一是……二是……连排", "每项一段")
#: ListStyle ↔ its choice in the workbook.
STYLE_LABELS: Final = dict(zip(ListStyle, STYLE_CHOICES, strict=True))


class Kind(enum.Enum):
    """What an input cell takes; the writer's data validation and the reader's parse."""

    COUNT = "count"  # a whole number ≥ 0
    FEE = "fee"  # 万元, ≥ 0, up to MAX_AMOUNT_DECIMALS decimals
    YUAN = "yuan"  # 信息处理费 in 元, ≥ 0
    YEAR = "year"  # the report year
    DATE = "date"
    TEXT = "text"  # one line or one paragraph
    LEVEL = "level"  # one of LEVEL_CHOICES
    BOOL = "bool"  # 是 / 否
    OPTIONAL_BOOL = "optional_bool"  # 是 / 否 / blank
    STYLE = "style"  # one of STYLE_CHOICES


class SheetKind(enum.Enum):
    HELP = "help"
    INFO = "info"
    TABLE = "table"
    TEXT = "text"


class TextKind(enum.Enum):
    """How a block of a text sheet maps onto the model."""

    PARAGRAPHS = "paragraphs"  # one str, one paragraph per row (joined by "\n")
    ITEMS = "items"  # a tuple of str, one item per row
    PARTS = "parts"  # TextPart records: marker row = heading, rows below = text


@attrs.frozen
class SheetSpec:
    key: str  # "info", "applications", …: a section key for the section sheets
    name: str  # the sheet's title, as Excel shows it on the tab
    kind: SheetKind


@attrs.frozen
class Field:
    """An input cell at a fixed address."""

    path: str  # data-file path: "applications.received.natural_person"
    labels: tuple[str, ...]  # official label chain
    sheet: str  # sheet name
    cell: str  # "D6"; for a merged cell its top-left
    kind: Kind

    @property
    def address(self) -> str:
        return f"{self.sheet}!{self.cell}"


@attrs.frozen
class Total:
    """A 总计 cell: a formula; a number typed over it is a stated total."""

    path: str  # the stated-totals path: "applications.received.total"
    labels: tuple[str, ...]
    sheet: str
    cell: str
    formula: str  # "=SUM(D6:I6)"

    @property
    def address(self) -> str:
        return f"{self.sheet}!{self.cell}"


@attrs.frozen
class Check:
    """A live check: shows PASSED or the difference (left side minus right side)."""

    rule: str  # "R1" … "R6"
    sheet: str
    cell: str
    formula: str
    needs_previous: bool = False  # R6: only in a workbook made with last year's report


@attrs.frozen
class CheckLabel:
    """The text naming a row (or column) of checks; merged over ``cells``."""

    sheet: str
    cells: str  # "A32:C32"
    text: str
    needs_previous: bool = False


@attrs.frozen
class Reference:
    """Last year's figure shown beside this year's (written only with --from)."""

    path: str  # the path in last year's report
    labels: tuple[str, ...]
    sheet: str
    cell: str


@attrs.frozen
class TextBlock:
    """A block of paragraphs on a text sheet, found by its marker in column A."""

    path: str  # "overview.proactive", "problems.problems", "overview.parts"
    labels: tuple[str, ...]
    sheet: str
    marker: str  # column A's text: the last official label of the chain
    kind: TextKind
    blank_rows: int  # rows an empty workbook offers for it


@attrs.frozen
class TextSheet:
    key: str
    first_row: int  # the first row of the blocks


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


def grid_address(row: int, col: int) -> str:
    """The sheet cell of a spec table's grid position (0-based)."""
    return f"{get_column_letter(col + 1)}{TABLE_TOP + row}"


def _cell(col: int, row: int) -> str:
    """1-based column and row → ``"D6"``."""
    return f"{get_column_letter(col)}{row}"


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
        Field(path, labels[path], sheet, _cell(2, INFO_TOP + i), kind)
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


def _positions(table: TableSpec) -> dict[str, tuple[int, int]]:
    """Model path → 1-based (column, row) of every number cell of ``table``."""
    return {c.path: (c.col + 1, TABLE_TOP + c.row) for c in table.cells if c.is_number}


def _applications(
    table: TableSpec, sheet: str
) -> tuple[list[Total], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    cols = apps_spec.APPLICANT_COLUMNS.all_keys()
    rows = apps_spec.leaf_rows()
    first_col, last_col = at[f"{rows[0][0]}.{cols[0]}"][0], at[f"{rows[0][0]}.{cols[-1]}"][0]
    total_col = at[f"{rows[0][0]}.total"][0]
    results = [path for path, _, computed in rows if path.startswith("applications.results.")]
    result_rows = [at[f"{p}.{cols[0]}"][1] for p in results if p != "applications.results.total"]
    first_result, last_result = min(result_rows), max(result_rows)
    row_of = {path: at[f"{path}.{cols[0]}"][1] for path, _, _ in rows}
    totals: list[Total] = []
    checks: list[Check] = []
    check_labels: list[CheckLabel] = []
    L = get_column_letter
    for path, _, computed in rows:
        r = row_of[path]
        row_sum = f"SUM({L(first_col)}{r}:{L(last_col)}{r})"
        totals.append(
            Total(
                f"{path}.total", labels[f"{path}.total"], sheet, _cell(total_col, r), f"={row_sum}"
            )
        )
        if computed:
            for key in cols:
                c = at[f"{path}.{key}"][0]
                formula = f"=SUM({L(c)}{first_result}:{L(c)}{last_result})"
                totals.append(
                    Total(f"{path}.{key}", labels[f"{path}.{key}"], sheet, _cell(c, r), formula)
                )
    # R1, one check per body row, right of the table.
    check_col = table.n_cols + 2
    head = TABLE_TOP
    check_labels.append(
        CheckLabel(
            sheet, f"{_cell(check_col, head)}:{_cell(check_col, head + table.header_rows - 1)}", _R1
        )
    )
    for path, _, _ in rows:
        r = row_of[path]
        total = f"{L(total_col)}{r}"
        checks.append(
            Check(
                "R1",
                sheet,
                _cell(check_col, r),
                _differs(total, f"SUM({L(first_col)}{r}:{L(last_col)}{r})"),
            )
        )
    # R2, R3, R5 and R6 below the table, one per value column.
    below = TABLE_TOP + table.n_rows + 1
    label_span = f"A{{r}}:{L(first_col - 1)}{{r}}"
    received, carried_over = row_of["applications.received"], row_of["applications.carried_over"]
    results_total, forward = (
        row_of["applications.results.total"],
        row_of["applications.carried_forward"],
    )
    for offset, (rule, text) in enumerate((("R2", _R2), ("R3", _R3))):
        r = below + offset
        check_labels.append(CheckLabel(sheet, label_span.format(r=r), text))
        for c in range(first_col, total_col + 1):
            x = L(c)
            if rule == "R2":
                formula = _differs(
                    f"{x}{results_total}", f"SUM({x}{first_result}:{x}{last_result})"
                )
            else:
                formula = _differs(
                    f"{x}{received}+{x}{carried_over}", f"{x}{results_total}+{x}{forward}"
                )
            checks.append(Check(rule, sheet, _cell(c, r), formula))
    r5 = below + 2
    check_labels.append(CheckLabel(sheet, label_span.format(r=r5), _R5))
    span = f"{L(first_col)}{TABLE_TOP + table.header_rows}:{L(last_col)}{forward}"
    checks.append(Check("R5", sheet, _cell(first_col, r5), _passes(_bad_cells([span], whole=True))))
    return totals, checks, check_labels


#: Where last year's 结转下年度 row and the R6 check go on table 三's sheet,
#: counted from the first row below the checks.
def _applications_previous(
    table: TableSpec, sheet: str
) -> tuple[list[Reference], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    L = get_column_letter
    below = TABLE_TOP + table.n_rows + 1 + 3
    refs: list[Reference] = []
    checks: list[Check] = []
    carried_over = "applications.carried_over"
    forward = "applications.carried_forward"
    first_col = at[f"{forward}.{apps_spec.APPLICANT_COLUMNS.all_keys()[0]}"][0]
    span = f"A{{r}}:{L(first_col - 1)}{{r}}"
    check_labels = [
        CheckLabel(sheet, span.format(r=below), _PREVIOUS_FORWARD, needs_previous=True),
        CheckLabel(sheet, span.format(r=below + 1), _R6, needs_previous=True),
    ]
    for key in apps_spec.COLUMNS.all_keys():
        c, _ = at[f"{forward}.{key}"]
        refs.append(
            Reference(f"{forward}.{key}", labels[f"{forward}.{key}"], sheet, _cell(c, below))
        )
        this_year = f"{L(c)}{at[f'{carried_over}.{key}'][1]}"
        checks.append(
            Check(
                "R6",
                sheet,
                _cell(c, below + 1),
                _differs(this_year, f"{L(c)}{below}"),
                needs_previous=True,
            )
        )
    return refs, checks, check_labels


def _proactive(
    table: TableSpec, sheet: str
) -> tuple[list[Check], list[CheckLabel], list[Reference]]:
    at = _positions(table)
    labels = spec.field_labels()
    # Count cells by runs of rows, each run one range over the value columns
    # (a merged cell's other columns are blank, which passes): short formulas.
    fee_row = at["proactive.fees"][1]
    runs: list[list[int]] = []
    for r in sorted({at[c.path][1] for c in table.cells if c.role is CellRole.VALUE}):
        if r == fee_row:
            continue
        if runs and runs[-1][-1] == r - 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    last = get_column_letter(table.n_cols)
    counts = [f"B{run[0]}:{last}{run[-1]}" for run in runs]
    below = TABLE_TOP + table.n_rows + 1
    fee = _cell(*at["proactive.fees"])
    checks = [
        Check(
            "R5",
            sheet,
            f"B{below}",
            _passes(_bad_cells(counts, whole=True) + "+" + _bad_cells([fee], whole=False)),
        )
    ]
    check_labels = [CheckLabel(sheet, f"A{below}", _R5)]
    # Last year's 现行有效件数, two columns right of the table, beside this year's.
    refs: list[Reference] = []
    col = table.n_cols + 2
    for key in spec.proactive.DOCUMENT_ROWS.all_keys():
        path = f"proactive.{key}.in_force"
        _, r = at[path]
        refs.append(Reference(path, labels[path], sheet, _cell(col, r)))
    head_row = at[f"proactive.{spec.proactive.DOCUMENT_ROWS.all_keys()[0]}.in_force"][1] - 1
    check_labels.append(
        CheckLabel(sheet, _cell(col, head_row), _PREVIOUS_IN_FORCE, needs_previous=True)
    )
    return checks, check_labels, refs


def _review(table: TableSpec, sheet: str) -> tuple[list[Total], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    L = get_column_letter
    below = TABLE_TOP + table.n_rows + 1
    totals: list[Total] = []
    checks: list[Check] = []
    outcomes = review_spec.OUTCOMES.all_keys()
    inputs: list[str] = []
    for group in review_spec.GROUPS:
        first, r = at[f"{review_spec.PREFIX}.{group.key}.{outcomes[0]}"]
        last, _ = at[f"{review_spec.PREFIX}.{group.key}.{outcomes[-1]}"]
        path = f"{review_spec.PREFIX}.{group.key}.total"
        c, _ = at[path]
        row_sum = f"SUM({L(first)}{r}:{L(last)}{r})"
        totals.append(Total(path, labels[path], sheet, _cell(c, r), f"={row_sum}"))
        checks.append(Check("R4", sheet, _cell(c, below), _differs(f"{L(c)}{r}", row_sum)))
        inputs.append(f"{L(first)}{r}:{L(last)}{r}")
    first_total = min(at[t.path][0] for t in totals)
    check_labels = [
        CheckLabel(sheet, f"A{below}:{L(first_total - 1)}{below}", _R4),
        CheckLabel(sheet, f"A{below + 1}:{L(first_total - 1)}{below + 1}", _R5),
    ]
    checks.append(
        Check("R5", sheet, _cell(first_total, below + 1), _passes(_bad_cells(inputs, whole=True)))
    )
    return totals, checks, check_labels


# What each row of checks says; the rules' own wording (official-format.md).
_R1: Final = "校验R1：六类申请人之和＝总计"
_R2: Final = "校验R2：（一）至（六）各项之和＝（七）总计"
_R3: Final = "校验R3：第一项加第二项之和＝第三项加第四项之和"
_R4: Final = "校验R4：结果维持＋结果纠正＋其他结果＋尚未审结＝总计"
_R5: Final = "校验R5：负数、小数或文字的单元格个数"
_R6: Final = "校验R6：二、上年结转＝上年报告的结转下年度"
_PREVIOUS_FORWARD: Final = "上年报告：四、结转下年度继续办理"
_PREVIOUS_IN_FORCE: Final = "上年报告：现行有效件数"


def _differs(left: str, right: str) -> str:
    """PASSED when ``left`` equals ``right``, else their difference."""
    return f'=IF(({left})=({right}),"{PASSED}",({left})-({right}))'


def _passes(count: str) -> str:
    """PASSED when ``count`` is 0, else the count."""
    return f'=IF(({count})=0,"{PASSED}",{count})'


def _bad_cells(ranges: list[str], *, whole: bool) -> str:
    """How many cells of ``ranges`` are negative, text, or (``whole``) not whole numbers.

    COUNTIF and SUMPRODUCT take one range each, so every range is a term.  The
    fractional test runs only when a range holds no text (IF evaluates one
    branch): TRUNC of a text cell would turn the whole check into #VALUE!.
    """
    terms = []
    for rng in ranges:
        text = f"(COUNTA({rng})-COUNT({rng}))"
        negative = f'COUNTIF({rng},"<0")'
        if whole:
            fraction = f"SUMPRODUCT(--({rng}<>TRUNC({rng})))"
        else:
            fraction = f"SUMPRODUCT(--({rng}<>ROUND({rng},{MAX_AMOUNT_DECIMALS})))"
        terms.append(f"IF({text}>0,{text}+{negative},{negative}+{fraction})")
    return "+".join(terms)


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
    totals: list[Total] = []
    checks: list[Check] = []
    check_labels: list[CheckLabel] = []
    previous: list[Reference] = []
    for key in ("proactive", "applications", "review_litigation"):
        fields += _table_fields(tables[key], names[key])
    p_checks, p_labels, p_refs = _proactive(tables["proactive"], names["proactive"])
    a_totals, a_checks, a_labels = _applications(tables["applications"], names["applications"])
    a_refs, a_prev_checks, a_prev_labels = _applications_previous(
        tables["applications"], names["applications"]
    )
    r_totals, r_checks, r_labels = _review(tables["review_litigation"], names["review_litigation"])
    totals += a_totals + r_totals
    checks += p_checks + a_checks + a_prev_checks + r_checks
    check_labels += p_labels + a_labels + a_prev_labels + r_labels
    previous += p_refs + a_refs
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


def iter_cells(area: str) -> Iterator[str]:
    """Every cell of ``"A1:C2"`` (or the one cell ``"A1"``), row by row."""
    min_col, min_row, max_col, max_row = range_boundaries(area)
    if min_col is None or min_row is None or max_col is None or max_row is None:
        raise ValueError(f"not a cell range: {area!r}")
    for r in range(min_row, max_row + 1):
        for c in range(min_col, max_col + 1):
            yield _cell(c, r)


#: The one layout both the writer and the reader use.
LAYOUT: Final = build()
#: Counts are bounded as in a data file.
COUNT_MAX: Final = MAX_COUNT
