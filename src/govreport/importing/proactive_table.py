"""Table 二 (主动公开政府信息情况) read from its printed rows, 2021 or trial format.

Table 二 is four (trial format: five) blocks, each a group row
(``第二十条第（一）项``), a header row (``信息内容`` and the value columns) and
its rows.  Row labels are unique across the table, so a row is recognised by
its own label and its values are named by the last header row printed above
it, whichever Grid it is in (a page break may fall anywhere).  A value cell
goes where its (row, column) pair belongs: the 2021 columns to ``proactive``,
the trial format's to the ``trial2019`` block (:mod:`.trial2019`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from govreport import spec
from govreport.importing import labels as lab
from govreport.importing import notes as codes
from govreport.importing import trial2019
from govreport.importing.blocks import Cell
from govreport.importing.notes import Notes, place, quoted
from govreport.importing.numbers import Reading, read_amount, read_count
from govreport.importing.rows import PrintedRow
from govreport.importing.sheet import Sheet
from govreport.spec import proactive as table

PREFIX: Final = table.PREFIX
HEADING: Final = spec.heading(PREFIX).text
INFO_CONTENT: Final = lab.normalise(table.INFO_CONTENT)
#: Row key → accepted labels (the trial format says 规范性文件).
ROWS: Final[dict[str, tuple[str, ...]]] = {
    **{key: (text,) for key, text in table.DOCUMENT_ROWS},
    **{key: (text,) for block in table.SINGLE_VALUE_BLOCKS for key, text in block.rows},
    **{key: (text,) for key, text in trial2019.ROWS.items()},
}
ROWS["normative_documents"] = (*ROWS["normative_documents"], trial2019.NORMATIVE_DOCUMENTS)
#: Column kind → header label, 2021 format.
COLUMNS_2021: Final[dict[str, str]] = {
    **{key: text for key, text in table.DOCUMENT_COLUMNS},
    "decisions": table.DECISIONS,
}
#: The fee column: its label without the unit, which is read from the header.
_FEE_LABEL: Final = lab.normalise(table.FEE_AMOUNT).split("(")[0]
_UNIT: Final = re.compile(r"单位:?(万元|元)")
_GROUP: Final = re.compile(r"^第二十条第\(([一二三四五六七八九十]+)\)项$")
#: The 2021 rows with one value column: row key → that column's kind.
_SINGLE: Final[dict[str, str]] = {
    key: ("fee" if block.value_label == table.FEE_AMOUNT else "decisions")
    for block in table.SINGLE_VALUE_BLOCKS
    for key, _ in block.rows
}


@functools.cache
def vocabulary() -> frozenset[str]:
    """The normalised labels that identify table 二, in either format."""
    texts = [
        table.ARTICLE_20_1,
        table.ARTICLE_20_5,
        table.ARTICLE_20_6,
        table.ARTICLE_20_8,
        trial2019.ARTICLE_20_9,
        table.INFO_CONTENT,
        table.FEE_AMOUNT,
        *(t for texts in ROWS.values() for t in texts),
        *COLUMNS_2021.values(),
        *trial2019.COLUMNS.values(),
    ]
    return frozenset(lab.normalise(t) for t in texts)


@attrs.frozen
class Column:
    """A value column named by a header: its kind and, for the fee, its unit."""

    col: int
    kind: str
    unit: str = ""


def _column(cell: Cell) -> Column | None:
    norm = lab.normalise(cell.text)
    if norm.startswith(_FEE_LABEL):
        unit = _UNIT.search(norm)
        return Column(cell.col, "fee", unit.group(1) if unit else "")
    hit = lab.match(cell.text, {**COLUMNS_2021, **trial2019.COLUMNS})
    return Column(cell.col, hit.key) if hit is not None else None


def _default_columns(row_key: str) -> list[Column]:
    """The 2021 columns of a row, for a row printed before any header."""
    if row_key in _SINGLE:
        return [Column(1, _SINGLE[row_key], "万元" if _SINGLE[row_key] == "fee" else "")]
    return [Column(i + 1, key) for i, (key, _) in enumerate(table.DOCUMENT_COLUMNS)]


@attrs.define
class Found:
    """What table 二 held: the data and whether it is in the trial format."""

    proactive: dict[str, Any] = attrs.Factory(dict)
    trial: dict[str, Any] = attrs.Factory(dict)
    is_trial: bool = False
    #: Rows were read without a header (said once).
    headless: bool = False


def read(rows: Sequence[PrintedRow], sheet: Sheet, notes: Notes) -> Found:
    """Table 二's data from its printed rows, in reading order."""
    found = Found()
    header: list[Column] | None = None
    for row in rows:
        cells = [c for c in row.cells if c.text.strip()]
        if not cells:
            continue
        first = lab.normalise(cells[0].text)
        group = _GROUP.match(first)
        if group is not None:
            found.is_trial |= group.group(1) == "九"
            continue
        if first == INFO_CONTENT:
            header = [c for c in (_column(cell) for cell in row.cells[1:]) if c is not None]
            found.is_trial |= any(c.kind in trial2019.TRIAL_ONLY_COLUMNS for c in header)
            _unknown_headers(row, header, notes)
            continue
        label = cells[0]
        hit = lab.match(label.text, ROWS)
        if hit is None:
            _left_out(row, notes)
            continue
        found.is_trial |= hit.key in trial2019.ROWS
        if hit.how.is_guess:
            notes.warn(
                codes.LABEL,
                f"行标签{quoted(label.text)}与规定文字不同，读作“{ROWS[hit.key][0]}” "
                "(label read as the official one)",
                location=place(HEADING, row.where(label)),
            )
        columns = header
        if columns is None:
            columns = _default_columns(hit.key)
            if not found.headless:
                found.headless = True
                notes.info(
                    codes.LABEL,
                    "表格中没有“信息内容”表头，按2021年格式的列读入 (no header: 2021 columns)",
                    location=place(HEADING, row.where()),
                )
        _read_row(
            row, label=label, key=hit.key, columns=columns, sheet=sheet, notes=notes, found=found
        )
    sheet.end()
    for cell in spec.tables()[PREFIX].value_cells():
        if found.is_trial and cell.path in trial2019.UNFILLED:
            # The trial format has no such cell: left out (not null, which
            # the loader would report as printed blank); M14 says so once.
            continue
        sheet.lack(cell.path, "", "表格中未找到该行或该列")
    _collect(sheet, found)
    return found


def _unknown_headers(row: PrintedRow, header: list[Column], notes: Notes) -> None:
    named = {c.col for c in header}
    for cell in row.cells[1:]:
        if cell.text.strip() and cell.col not in named:
            notes.warn(
                codes.LABEL,
                f"表头{quoted(cell.text)}不是规定的列名，该列未读入 (unknown column, left out)",
                location=place(HEADING, row.where(cell)),
            )


def _assign(row: PrintedRow, label: Cell, columns: list[Column]) -> list[Cell | None]:
    """The value cell of each column: in printed order if the counts agree, else by position."""
    values = [c for c in row.cells if c.col > label.col]
    if len(values) == len(columns):
        return list(values)
    by_col = [row.at(c.col) for c in columns]
    present = [c for c in by_col if c is not None and c is not label]
    if len(present) == len(columns) and len({id(c) for c in present}) == len(present):
        return list(by_col)
    filled: list[Cell | None] = [c for c in values if c.text.strip()]
    if len(filled) == len(columns):
        return filled
    return [*values[: len(columns)], *[None] * (len(columns) - len(values))]


def _read_row(
    row: PrintedRow,
    *,
    label: Cell,
    key: str,
    columns: list[Column],
    sheet: Sheet,
    notes: Notes,
    found: Found,
) -> None:
    for column, cell in zip(columns, _assign(row, label, columns), strict=True):
        path = _target(key, column)
        if path is None:
            if cell is not None and cell.text.strip():
                notes.warn(
                    codes.EXTRA,
                    f"“{ROWS[key][0]}”一行的该列（{quoted(cell.text)}）不属于规定格式，未读入 "
                    "(cell outside the format, left out)",
                    location=place(HEADING, row.where(cell)),
                )
            continue
        found.is_trial |= path.startswith(trial2019.PREFIX)
        if cell is None:
            sheet.lack(path, row.where(), "该行此列没有单元格")
            continue
        sheet.put(path, _reading(cell.text, column), row.where(cell))
        if column.kind == "amount":
            reading = read_amount(cell.text, "", convert=False)
            sheet.values[f"{trial2019.PREFIX}.procurement.unit"] = reading.unit


def _reading(text: str, column: Column) -> Reading:
    if column.kind == "fee":
        return read_amount(text, column.unit or "万元")
    if column.kind == "amount":
        return read_amount(text, "", convert=False)
    return read_count(text)


def _target(key: str, column: Column) -> str | None:
    if column.kind in ("issued", "repealed", "in_force"):
        if key in ("rules", "normative_documents"):
            return f"{PREFIX}.{key}.{column.kind}"
        return None
    if column.kind == "fee":
        return f"{PREFIX}.fees" if key == "fees" else None
    return trial2019.target(key, column.kind)


def _left_out(row: PrintedRow, notes: Notes) -> None:
    text = "、".join(c.text.strip() for c in row.cells if c.text.strip())
    notes.warn(
        codes.EXTRA,
        f"表格中的一行（{quoted(text)}）不是规定的行，未读入 (row outside the format, left out)",
        location=place(HEADING, row.where()),
    )


def _collect(sheet: Sheet, found: Found) -> None:
    """The sheet's table-二 values as the nested data of ``proactive`` and ``trial2019``."""
    for path, value in sheet.values.items():
        if path.startswith(f"{PREFIX}."):
            _set(found.proactive, path.removeprefix(f"{PREFIX}."), value)
        elif path.startswith(f"{trial2019.PREFIX}."):
            _set(found.trial, path.removeprefix(f"{trial2019.PREFIX}."), value)


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value
