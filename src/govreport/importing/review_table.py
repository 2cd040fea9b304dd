"""Table 四 (政府信息公开行政复议、行政诉讼情况) read from its printed rows.

Each of the fifteen value columns is named by the header labels above it: its
group (行政复议, 未经复议直接起诉, 复议后起诉) and its outcome (结果维持 …
总计).  Where the header cannot name all fifteen, a row of exactly fifteen
values is read in the official order, with a note; a shorter row under a
header naming some columns gives those (never a value read into another
column by its position), the rest said and left out.  The value row is the
first row of values; an empty row printed under it is left out with a note.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final

from govreport import spec
from govreport.importing import labels as lab
from govreport.importing import notes as codes
from govreport.importing.blocks import Cell
from govreport.importing.notes import Notes, place
from govreport.importing.numbers import read_count
from govreport.importing.rows import PrintedRow, is_value
from govreport.importing.sheet import Sheet
from govreport.spec import review as table

PREFIX: Final = table.PREFIX
HEADING: Final = spec.heading(PREFIX).text
#: Group key → the header label naming it (the innermost of its chain).
GROUPS: Final[dict[str, str]] = {g.key: g.chain[-1] for g in table.GROUPS}
#: Outcome key → label, 总计 last.
OUTCOMES: Final[dict[str, str]] = {key: text for key, text in (*table.OUTCOMES, table.TOTAL)}
#: The fifteen cells in official order: (group, outcome).
ORDER: Final = tuple((g, o) for g in GROUPS for o in OUTCOMES)


@functools.cache
def vocabulary() -> frozenset[str]:
    """The normalised labels that identify table 四."""
    texts = [table.REVIEW, table.LITIGATION, *GROUPS.values(), *OUTCOMES.values()]
    return frozenset(lab.normalise(t) for t in texts)


def _column_names(header: Sequence[PrintedRow]) -> dict[tuple[str, str], int]:
    """(group, outcome) → the first grid column the header names so."""
    found: dict[tuple[str, str], int] = {}
    if not header:
        return found
    for col in range(header[0].grid.n_cols):
        group = outcome = ""
        for row in header:
            cell = row.at(col)
            if cell is None or not cell.text.strip():
                continue
            g = lab.match(cell.text, GROUPS)
            if g is not None and (not group or g.key != "review"):
                group = g.key  # 未经复议直接起诉 / 复议后起诉 are more precise than 行政诉讼
            o = lab.match(cell.text, OUTCOMES)
            if o is not None:
                outcome = o.key
        if group and outcome:
            found.setdefault((group, outcome), col)
    return found


def _header_row(row: PrintedRow) -> bool:
    """A row with a label of the table's header (a value row has none)."""
    known = vocabulary()
    return any(lab.normalise(c.text) in known for c in row.cells)


def _value_row(row: PrintedRow) -> bool:
    """A row of values: no header label, and at least one value (a bad cell is still a cell)."""
    return not _header_row(row) and any(is_value(c) for c in row.cells)


def _empty(row: PrintedRow) -> bool:
    return all(read_count(c.text).is_empty for c in row.cells)


def read(rows: Sequence[PrintedRow], sheet: Sheet, notes: Notes) -> dict[str, Any] | None:
    """Table 四's data (``review_litigation:``), or None when no value row is printed."""
    header: dict[int, list[PrintedRow]] = {}
    named: dict[tuple[str, str], int] = {}
    named_width = -1
    values: PrintedRow | None = None
    for row in rows:
        if _value_row(row):
            if values is None or (_empty(values) and not _empty(row)):
                if values is not None:
                    _extra_row(values, notes)
                values = row
                cols = _column_names(header.get(id(row.grid), []))
                if len(cols) >= len(named):
                    named, named_width = cols, row.grid.n_cols
            else:
                _extra_row(row, notes)
            continue
        if _header_row(row) and values is None:
            header.setdefault(id(row.grid), []).append(row)
            cols = _column_names(header[id(row.grid)])
            if len(cols) >= len(named):
                named, named_width = cols, row.grid.n_cols
    if values is None:
        return _transposed(rows, sheet, notes)
    cells, said = _cells(values, named if values.grid.n_cols == named_width else {}, notes)
    placed = [(values, cell) for cell in cells]
    return _write(placed, sheet, said=said)


def _write(
    placed: Sequence[tuple[PrintedRow, Cell | None]], sheet: Sheet, *, said: bool = False
) -> dict[str, Any]:
    """The fifteen cells, in official order, into the data (``said``: missing ones noted)."""
    out: dict[str, Any] = {}
    for (group, outcome), (row, cell) in zip(ORDER, placed, strict=True):
        path = f"{PREFIX}.{group}.{outcome}"
        if cell is None:
            sheet.lack(path, row.where(), "该列没有单元格", said=said)
        else:
            sheet.put(path, read_count(cell.text), row.where(cell))
        group_data = out.setdefault(group, {})
        if path in sheet.values:  # a cell not printed is left out, not null
            group_data[outcome] = sheet.values[path]
    sheet.end()
    return out


def _transposed(rows: Sequence[PrintedRow], sheet: Sheet, notes: Notes) -> dict[str, Any] | None:
    """Table 四 printed on its side: a row per group (行政复议 …), a column per outcome."""
    columns: dict[str, int] = {}
    by_group: dict[str, PrintedRow] = {}
    for row in rows:
        outcomes: dict[str, int] = {}
        for cell in row.cells:
            hit = lab.match(cell.text, OUTCOMES, similar=False)
            if hit is not None:
                outcomes.setdefault(hit.key, cell.col)
        if len(outcomes) == len(OUTCOMES):
            columns = outcomes
            continue
        labels = [c for c in row.cells if c.text.strip() and not is_value(c)]
        if not labels or not any(is_value(c) for c in row.cells):
            continue
        for cell in reversed(labels):  # 行政诉讼 | 未经复议直接起诉: the innermost names it
            hit = lab.match(cell.text, GROUPS, similar=False)
            if hit is not None:
                by_group.setdefault(hit.key, row)
                break
    if len(by_group) != len(GROUPS) or not columns:
        return None
    notes.info(
        codes.LABEL,
        "表格横竖颠倒印出（每类一行），按行列标签读入 (printed on its side: read by its labels)",
        location=place(HEADING, by_group["review"].where()),
    )
    placed: list[tuple[PrintedRow, Cell | None]] = []
    for group, outcome in ORDER:
        row = by_group[group]
        placed.append((row, row.at(columns[outcome])))
    return _write(placed, sheet)


def _cells(
    row: PrintedRow, named: dict[tuple[str, str], int], notes: Notes
) -> tuple[list[Cell | None], bool]:
    """The fifteen cells in official order, and whether the missing ones are noted already."""
    partial: list[Cell | None] | None = None
    if named:
        chosen = [row.at(named[key]) if key in named else None for key in ORDER]
        present = [c for c in chosen if c is not None]
        if len({id(c) for c in present}) == len(present):
            if len(named) == len(ORDER):
                return chosen, False
            partial = chosen
    cells = list(row.cells)
    if partial is not None and len(cells) != len(ORDER):
        return _partly_named(row, partial, notes), True
    if len(cells) == len(ORDER):
        notes.info(
            codes.LABEL,
            "表头未能逐列识别，15个数字按规定顺序读入 "
            "(header not read; 15 values in official order)",
            location=place(HEADING, row.where()),
        )
        return list(cells), False
    notes.warn(
        codes.LABEL,
        f"表头未能逐列识别，且该行有 {len(cells)} 个单元格而不是15个：按规定顺序读入前15个 "
        "(header not read and the row is not 15 cells wide: read in order)",
        location=place(HEADING, row.where()),
    )
    return [*cells[: len(ORDER)], *[None] * (len(ORDER) - len(cells))], False


def _partly_named(row: PrintedRow, chosen: list[Cell | None], notes: Notes) -> list[Cell | None]:
    """The cells under the columns the header names; the others said once and left out."""
    used = {id(c) for c in chosen if c is not None}
    unnamed = [c.text.strip() or "空白" for c in row.cells if id(c) not in used]
    missing = [
        f"{GROUPS[g]}/{OUTCOMES[o]}" for (g, o), c in zip(ORDER, chosen, strict=True) if c is None
    ]
    shown = f"；未识别表头的单元格（{'、'.join(unnamed)}）未读入" if unnamed else ""
    notes.warn(
        codes.LABEL,
        f"表头只识别出 {len(ORDER) - len(missing)} 列，按表头读入；"
        f"未找到的列（{'、'.join(missing)}）不写入数据文件{shown} "
        "(header names only some columns: those read, the others left out)",
        location=place(HEADING, row.where()),
    )
    return chosen


def _extra_row(row: PrintedRow, notes: Notes) -> None:
    if _empty(row):
        notes.info(
            codes.EXTRA,
            "表格下方多出一行空白行，未读入 (an extra empty row under the table, left out)",
            location=place(HEADING, row.where()),
        )
    else:
        printed = "、".join(c.text.strip() or "空白" for c in row.cells)
        notes.warn(
            codes.EXTRA,
            f"表格中多出一行数字（{printed}），未读入；只读入第一行 "
            "(a second row of values, left out)",
            location=place(HEADING, row.where()),
        )
