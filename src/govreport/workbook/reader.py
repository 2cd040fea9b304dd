"""A filled-in workbook → the mapping a YAML data file holds.

The workbook's layout (:mod:`govreport.workbook.layout`) says where every
label, figure, total and paragraph is.  Reading checks first that the layout
is still there: every sheet under its name, every official label of the
tables at its cell (a row inserted or deleted moves them, and the message
says which row moved where), every block of the text sheets under its name in
column A.  A workbook that fails this is refused as a whole (exit status 2),
since its figures would land in the wrong rows.

The figures are then passed on as they are, for the data-file layer to check
like a YAML file's: text in a number cell is a problem (D2) at that cell's
label, a blank cell a blank (D4).  A 总计 is a *stated* total (the data
file's ``total`` keys): the value a formula came to, as the program that saved
the workbook cached it, or a number typed over the formula; rule R1, R2 and R4
check it like any stated total.  A workbook saved by a program that caches no
formula values (openpyxl, some scripts) states no totals, and loses nothing.

The returned mapping is a :class:`~govreport.plugins.contributions.PlacedData`:
it knows the cell of every value, so that every problem the data-file layer
finds names the sheet and cell too (``三、收到和处理政府信息公开申请情况!D8``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from openpyxl.utils.cell import column_index_from_string

from govreport import spec
from govreport.io.errors import UnreadableFileError
from govreport.io.regular import read_regular
from govreport.limits import MAX_DATA_FILE_BYTES
from govreport.model import AdminLevel
from govreport.plugins.contributions import PlacedData
from govreport.spec import CellRole
from govreport.spec.wording import clip
from govreport.workbook.layout import (
    BOOL_CHOICES,
    LAYOUT,
    STYLE_LABELS,
    TEXT_COLUMN,
    Field,
    Kind,
    SheetKind,
    Total,
    grid_address,
)
from govreport.workbook.readcells import SheetCells, read_cells
from govreport.workbook.readguard import check_xlsx
from govreport.workbook.readtext import read_text_sheet
from govreport.workbook.readvalues import (
    address,
    as_date,
    as_text,
    norm,
    number,
    position,
    put,
    shown,
)

#: Most structural problems listed; past the first few, they are consequences.
MAX_LISTED: Final = 10
#: Rows below a label searched for it when it is not where it belongs.
_SEARCH_ROWS: Final = 200
_HINT: Final = (
    "请不要在表格中插入、删除行或列，不要改动工作表名称和灰色的标签；"
    "可重新用 govreport workbook 生成工作簿后把数字填回去"
)


# ---------------------------------------------------------------- layout checks


def _sheet_problems(names: list[str], cells: dict[str, SheetCells]) -> list[str]:
    """A sheet missing (deleted or renamed), said with what the workbook has instead."""
    problems = []
    present = set(names)
    expected = {s.name for s in LAYOUT.sheets}
    strangers = [n for n in names if n not in expected]
    for sheet in LAYOUT.sheets:
        if sheet.kind is SheetKind.HELP or sheet.name in present:
            continue
        hint = (
            f"工作簿中另有工作表{'、'.join(f'“{clip(n)}”' for n in strangers)}，"
            f"如果是改了名，请改回“{sheet.name}”"
            if strangers
            else "该工作表被删除了"
        )
        problems.append(f"缺少工作表“{sheet.name}”（{hint}） (sheet missing or renamed)")
    return problems


def _find(sheet: SheetCells, want: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """Where the label ``want`` is now: its own column first, then its own row."""
    row, col = near
    rows = range(max(1, row - _SEARCH_ROWS), row + _SEARCH_ROWS)
    for r in sorted(rows, key=lambda r: abs(r - row)):
        if norm(sheet.value(r, col)) == want:
            return r, col
    for (r, c), value in sheet.values.items():
        if r == row and norm(value) == want:
            return r, c
    return None


def _moved(name: str, label: str, want: tuple[int, int], found: tuple[int, int] | None) -> str:
    here = address(name, *want)
    if found is None:
        return f"{here} 应为“{label}”，但在附近找不到它 (label missing)"
    (row, col), (frow, fcol) = want, found
    if fcol == col:
        n = frow - row
        what = f"插入了{n}行" if n > 0 else f"删除了{-n}行"
        return (
            f"“{label}”应在第{row}行（{here}），现在在第{frow}行：在它上方似乎{what} "
            f"(rows inserted or deleted)"
        )
    n = fcol - col
    what = f"插入了{n}列" if n > 0 else f"删除了{-n}列"
    return (
        f"“{label}”应在{here}，现在在{address(name, frow, fcol)}：在它左侧似乎{what} "
        f"(columns inserted or deleted)"
    )


def _label_problems(
    name: str, sheet: SheetCells, labels: Iterable[tuple[str, int, int]]
) -> list[str]:
    """The first label that is not at its cell, said with where it went (one per sheet).

    A label found nearby moved there (rows or columns inserted); a cell that
    holds another label, expected elsewhere, has that label moved to it (rows
    or columns deleted, its own label gone with them).
    """
    labels = list(labels)
    counts: dict[str, int] = {}
    for text, _, _ in labels:
        counts[norm(text)] = counts.get(norm(text), 0) + 1
    home = {norm(text): (row, col) for text, row, col in labels if counts[norm(text)] == 1}
    for text, row, col in labels:
        want = norm(text)
        actual = sheet.value(row, col)
        if norm(actual) == want:
            continue
        found = _find(sheet, want, (row, col))
        if found is None and norm(actual) in home:
            return [_moved(name, str(actual), home[norm(actual)], (row, col))]
        if found is None and actual not in (None, ""):
            here = address(name, row, col)
            return [f"{here} 应为“{text}”，实际为{shown(actual)} (label changed)"]
        return [_moved(name, text, (row, col), found)]
    return []


def _table_labels(key: str) -> list[tuple[str, int, int]]:
    table = spec.tables()[key]
    out = []
    for c in table.cells:
        if c.role is CellRole.VALUE or c.role is CellRole.TOTAL or not c.text:
            continue
        out.append((c.text, *position(grid_address(c.row, c.col))))
    return out


def _field_labels(name: str) -> list[tuple[str, int, int]]:
    """基本信息 and the fixed cells of the text sheets: the label left of each field."""
    out = []
    for field in LAYOUT.fields:
        if field.sheet != name:
            continue
        row, col = position(field.cell)
        out.append((field.labels[-1], row, col - 1))
    return out


# ---------------------------------------------------------------- values


_LEVELS: Final = {level.label: level.value for level in AdminLevel}
_STYLES: Final = {label: style.value for style, label in STYLE_LABELS.items()}
_BOOLS: Final = dict(zip(BOOL_CHOICES, (True, False), strict=True))


def _choice(value: Any, choices: dict[str, Any]) -> Any:
    """A drop-down's label → the data file's value; anything else as found (a D2 then)."""
    if isinstance(value, str):
        return choices.get(norm(value), value.strip())
    return value


def _field_value(field: Field, value: Any) -> tuple[bool, Any]:
    """(whether the data file gets the key, its value)."""
    kind = field.kind
    if kind in (Kind.COUNT, Kind.FEE, Kind.YUAN):
        return True, number(value)  # blank stays None: a blank cell (D4), as in a data file
    if value is None or (isinstance(value, str) and not value.strip()):
        if kind is Kind.OPTIONAL_BOOL:
            return True, None
        return kind is Kind.YEAR, None  # a missing year is reported; other blanks are defaults
    if kind is Kind.YEAR:
        return True, number(value)
    if kind is Kind.DATE:
        return True, as_date(value)
    if kind is Kind.LEVEL:
        return True, _choice(value, _LEVELS)
    if kind is Kind.STYLE:
        return True, _choice(value, _STYLES)
    if kind in (Kind.BOOL, Kind.OPTIONAL_BOOL):
        return True, value if isinstance(value, bool) else _choice(value, _BOOLS)
    return True, as_text(value)


def _total_value(sheet: SheetCells, total: Total) -> tuple[bool, Any]:
    """A 总计 as stated: a formula's cached number, or whatever was typed over it."""
    row, col = position(total.cell)
    value = sheet.value(row, col)
    if sheet.is_formula(row, col):
        # No cached value, or an error such as #VALUE!: the total is not stated.
        if isinstance(value, int | float) and not isinstance(value, bool):
            return True, number(value)
        return False, None
    if value is None:
        return False, None
    return True, number(value)


# ---------------------------------------------------------------- the whole


def _widths() -> dict[str, int]:
    """Sheet name → the last column the reader looks at."""
    widths: dict[str, int] = {}
    for s in LAYOUT.sheets:
        if s.kind is SheetKind.TABLE:
            widths[s.name] = spec.tables()[s.key].n_cols
        elif s.kind is SheetKind.TEXT:
            widths[s.name] = column_index_from_string(TEXT_COLUMN)
        elif s.kind is SheetKind.INFO:
            widths[s.name] = max(position(f.cell)[1] for f in LAYOUT.fields if f.sheet == s.name)
    return widths


def _formula_areas() -> dict[str, tuple[int, int]]:
    """Sheet name → the last (row, column) of a 总计 on it: where formulas matter."""
    areas: dict[str, tuple[int, int]] = {}
    for total in LAYOUT.totals:
        row, col = position(total.cell)
        last_row, last_col = areas.get(total.sheet, (0, 0))
        areas[total.sheet] = (max(row, last_row), max(col, last_col))
    return areas


def read_workbook(path: Path) -> PlacedData:
    """The data of a filled-in workbook; :class:`UnreadableFileError` for a broken one."""
    path = Path(path)
    raw = read_regular(path, MAX_DATA_FILE_BYTES)
    check_xlsx(path, raw)
    names, cells = read_cells(path, raw, _widths(), _formula_areas())
    problems = _sheet_problems(names, cells)
    data: dict[str, Any] = {}
    places: dict[str, str] = {}
    # Every sheet there is is checked, so one message lists every change.
    for s in LAYOUT.sheets:
        if s.name not in cells:
            continue
        if s.kind is SheetKind.TABLE:
            problems += _label_problems(s.name, cells[s.name], _table_labels(s.key))
        elif s.kind in (SheetKind.INFO, SheetKind.TEXT):
            problems += _label_problems(s.name, cells[s.name], _field_labels(s.name))
    for text_sheet in LAYOUT.text_sheets:
        name = LAYOUT.sheet(text_sheet.key).name
        if name in cells:
            problems += read_text_sheet(name, cells[name], text_sheet.first_row, data, places)
    if problems:
        listed = problems[:MAX_LISTED]
        more = len(problems) - len(listed)
        lines = [f"工作簿的格式被改动了，无法读取 (workbook layout changed)；{_HINT}："]
        lines += [f"  - {p}" for p in listed]
        if more:
            lines.append(f"  另有 {more} 处未列出 ({more} more)")
        raise UnreadableFileError(path, "\n".join(lines))
    for field in LAYOUT.fields:
        row, col = position(field.cell)
        given, value = _field_value(field, cells[field.sheet].value(row, col))
        if given:
            put(data, field.path, value)
        places[field.path] = field.address
    for total in LAYOUT.totals:
        stated, value = _total_value(cells[total.sheet], total)
        if stated:
            put(data, total.path, value)
        places[total.path] = total.address
    return PlacedData(data, places)
