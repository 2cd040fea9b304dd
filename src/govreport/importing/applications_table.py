"""Table 三 (收到和处理政府信息公开申请情况) read from its printed rows, by label.

A body row is recognised by its own label, the rightmost label cell of the
row (``2.其他法律行政法规禁止公开``), never by its position: the merged
labels on its left (``三、本年度办理结果``, ``（三）不予公开``) may be
printed as one tall cell, as two stacked cells, or one character per row, and
are not needed.  Where the rightmost label alone is not enough, the row's
label cells joined must end with an official label.

The seven value columns are found by the header labels (自然人 … 总计) where
the Grid has a header; a continuation Grid after a page break reuses the
header of the Grid before it when it has as many columns, and otherwise the
last seven cells of each row are the values.  A header that names only some
of the seven (a table printed with fewer columns) places the values it names;
each column it lacks is said once (M13) and left empty.

Real mess handled here, each with a note: a row printed as one where the
format has sub-rows (（六）其他处理: its numbers go to ``3.其他``); a label
unreadable or missing between two recognised rows (taken by position); a
row of the format not printed at all (left empty).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from govreport import spec
from govreport.importing import labels as lab
from govreport.importing import notes as codes
from govreport.importing.blocks import Cell
from govreport.importing.notes import Notes, place, quoted
from govreport.importing.numbers import Kind, read_count
from govreport.importing.rows import PrintedRow, has_label
from govreport.importing.sheet import Sheet, printed_values
from govreport.spec import applications as table

PREFIX: Final = table.PREFIX
HEADING: Final = spec.heading(PREFIX).text
#: Leaf rows in official order: key below ``applications`` → official label.
LEAVES: Final[dict[str, str]] = {
    path.removeprefix(f"{PREFIX}."): chain[-1] for path, chain, _ in table.leaf_rows()
}
_LEAF_ORDER: Final = tuple(LEAVES)
#: Groups of rows (（三）–（六）) → label; a group printed as a row of its own is handled.
GROUPS: Final[dict[str, str]] = {
    f"results.{row.key}": row.label for row in table.RESULTS.children if row.children
}
#: The group whose numbers have a home when it is printed as one row: its last sub-row.
COLLAPSIBLE: Final[dict[str, str]] = {"results.other_handling": "results.other_handling.other"}
#: The seven value columns: key → header label.
COLUMNS: Final[dict[str, str]] = {key: text for key, text in table.COLUMNS}
_COLUMN_KEYS: Final = tuple(COLUMNS)
#: Header texts that are not column labels but mark a header row.
_HEADER_MARKS: Final = frozenset(
    lab.normalise(t) for t in (table.BALANCE_NOTE, table.APPLICANTS, table.ORGANISATIONS)
)


#: Labels of merged cells, printed in pieces on rows of their own by some PDFs.
_MERGED_LABELS: Final = (table.RESULTS.label, *GROUPS.values())


def vocabulary() -> frozenset[str]:
    """The normalised labels that identify table 三."""
    texts = [*LEAVES.values(), *GROUPS.values(), table.RESULTS.label, *COLUMNS.values()]
    return frozenset(lab.normalise(t) for t in texts) | _HEADER_MARKS


@attrs.define
class _Body:
    """A body row as found: its values and what its label matched."""

    row: PrintedRow
    values: list[Cell | None]
    label: str  # the printed label, for messages
    leaf: str = ""  # a key of LEAVES
    group: str = ""  # a key of GROUPS (the group printed as one row)
    how: lab.How | None = None
    #: Value columns the table's header does not have (said once for the table).
    absent: frozenset[str] = frozenset()


def _geometry(header: Sequence[PrintedRow]) -> dict[str, int] | None:
    """Column key → grid column, from the header rows of one Grid (None if it names none)."""
    if not header:
        return None
    found: dict[str, int] = {}
    n_cols = header[0].grid.n_cols
    for col in range(n_cols):
        for row in reversed(header):  # the lowest header label names the column
            cell = row.at(col)
            if cell is None:
                continue
            hit = lab.match(cell.text, COLUMNS, similar=False)
            if hit is not None:
                found.setdefault(hit.key, col)
                break
    return found or None


def _is_header(row: PrintedRow) -> bool:
    if any(read_count(c.text).kind is Kind.NUMBER for c in row.cells):
        return False
    for cell in row.cells:
        norm = lab.normalise(cell.text)
        if norm in _HEADER_MARKS or lab.match(cell.text, COLUMNS, similar=False):
            return True
    return False


def _split(
    row: PrintedRow, geometry: dict[str, int] | None
) -> tuple[list[Cell], list[Cell | None], frozenset[str]]:
    """A body row's label cells, its seven value cells (None where none is printed),
    and the value columns left empty because the header lacks them.

    A header naming all seven places them; without one, the last seven cells
    are the values; a header naming some places those (the rest None) when
    the row is too short to be read by position.
    """
    n = len(_COLUMN_KEYS)
    placed: tuple[list[Cell], list[Cell | None], frozenset[str]] | None = None
    if geometry is not None:
        first = min(geometry.values())
        values = [row.at(geometry[key]) if key in geometry else None for key in _COLUMN_KEYS]
        chosen = [c for c in values if c is not None]
        distinct = len({id(c) for c in chosen}) == len(chosen)
        if distinct and all(c.col >= first for c in chosen):
            absent = frozenset(k for k in _COLUMN_KEYS if k not in geometry)
            placed = [c for c in row.cells if c.col < first], values, absent
            if not absent:
                return placed
    cells = list(row.cells)
    if len(cells) > n:
        return cells[:-n], list(cells[-n:]), frozenset()
    if placed is not None:
        return placed
    return cells, [None] * n, frozenset()


def _recognise(body: _Body, labels: list[Cell], taken: set[str]) -> None:
    """Which official row ``body`` is, from its label cells (or nothing)."""
    named = [c for c in labels if c.text.strip() and has_label(c)]
    if not named:
        return
    right = named[-1]
    body.label = right.text
    free = {k: v for k, v in LEAVES.items() if k not in taken}
    hit = lab.match(right.text, LEAVES, similar=False) or lab.match(right.text, free)
    if hit is None:
        joined = "".join(c.text for c in named)
        hit = lab.match(joined, LEAVES, suffix=True, similar=False)
        if hit is not None:
            body.label = joined
    if hit is not None:
        body.leaf, body.how = hit.key, hit.how
        return
    # A group label counts as a row of its own only in a cell of this row alone:
    # a tall merged cell beside the sub-rows is the group, not a row.
    if right.rowspan <= 1:
        group = lab.match(right.text, GROUPS)
        if group is not None:
            body.group, body.how = group.key, group.how


@attrs.frozen
class _Columns:
    """Where the seven value columns are in Grids of one width."""

    at: dict[str, int]
    width: int


def read(rows: Sequence[PrintedRow], sheet: Sheet, notes: Notes, *, trial: bool) -> dict[str, Any]:
    """Table 三's data (``applications:``) from its printed rows, in reading order."""
    headers: dict[int, list[PrintedRow]] = {}
    columns_of: dict[int, _Columns | None] = {}
    last: _Columns | None = None
    bodies: list[_Body] = []
    taken: set[str] = set()
    for row in rows:
        gid = id(row.grid)
        if gid not in columns_of:
            # A Grid without a header of its own continues the table after a
            # page break: the same columns if it is as wide.
            same = last is not None and row.grid.n_cols == last.width
            columns_of[gid] = last if same else None
        if _is_header(row):
            headers.setdefault(gid, []).append(row)
            found = _geometry(headers[gid])
            if found is not None:
                columns_of[gid] = last = _Columns(found, row.grid.n_cols)
            continue
        columns = columns_of[gid]
        label_cells, values, absent = _split(row, columns.at if columns else None)
        if all(c is None for c in values):
            _not_a_row(row, notes)
            continue
        body = _Body(row, values, "", absent=absent)
        _recognise(body, label_cells, taken)
        if body.leaf:
            taken.add(body.leaf)
        elif not body.group and not body.label and _all_empty(values):
            continue  # an empty row (a spacer under the table): nothing to keep
        bodies.append(body)
    _by_position(bodies, notes)
    _absent_columns(bodies, notes)
    return _write(bodies, sheet, notes, trial=trial)


def _absent_columns(bodies: Sequence[_Body], notes: Notes) -> None:
    """One note per value column the header lacks, for all the rows read without it."""
    absent = sorted({key for body in bodies for key in body.absent}, key=_COLUMN_KEYS.index)
    for key in absent:
        where = next(b.row.where() for b in bodies if key in b.absent)
        notes.warn(
            codes.ROW_MISSING,
            f"表头中未找到“{COLUMNS[key]}”一列，各行该列未读入，留空 "
            "(column not in the header; left empty in every row)",
            path=f"{PREFIX}",
            location=place(f"{HEADING}/{COLUMNS[key]}", where),
        )


def _not_a_row(row: PrintedRow, notes: Notes) -> None:
    """A row with no value cells (a caption, ``单位：件``): its text is not kept."""
    text = "".join(c.text for c in row.cells if row.starts_here(c)).strip()
    norm = lab.normalise(text)
    if any(norm in lab.normalise(label) for label in _MERGED_LABELS):
        return  # a piece of a merged label printed a character per line (淮安)
    if text:
        notes.info(
            codes.EXTRA,
            f"表格中的文字{quoted(text)}不属于规定的行，未读入 (text row in the table left out)",
            location=place(HEADING, row.where()),
        )


def _all_empty(values: Sequence[Cell | None]) -> bool:
    return all(c is None or read_count(c.text).is_empty for c in values)


def _by_position(bodies: list[_Body], notes: Notes) -> None:
    """Rows whose label was not recognised, between two that were: by position if it fits."""
    index = {key: i for i, key in enumerate(_LEAF_ORDER)}
    taken = {b.leaf for b in bodies if b.leaf}
    i = 0
    while i < len(bodies):
        if bodies[i].leaf or bodies[i].group:
            i += 1
            continue
        j = i
        while j < len(bodies) and not (bodies[j].leaf or bodies[j].group):
            j += 1
        before = index[bodies[i - 1].leaf] if i > 0 and bodies[i - 1].leaf else None
        after = index[bodies[j].leaf] if j < len(bodies) and bodies[j].leaf else None
        if before is None and after is not None:
            before = after - (j - i) - 1
        if after is None and before is not None:
            after = before + (j - i) + 1
        if before is not None and after is not None and after - before - 1 == j - i:
            keys = _LEAF_ORDER[before + 1 : after] if before + 1 >= 0 else ()
            if len(keys) == j - i and not taken.intersection(keys):
                for body, key in zip(bodies[i:j], keys, strict=True):
                    body.leaf, body.how = key, None
                    notes.warn(
                        codes.LABEL,
                        f"行标签{quoted(body.label) if body.label else '空白'}无法识别，"
                        f"按所在位置读作“{LEAVES[key]}” (label unreadable; row taken by position)",
                        path=f"{PREFIX}.{key}",
                        location=place(_chain(key), body.row.where()),
                    )
        i = j


def _chain(key: str) -> str:
    return spec.location_of(f"{PREFIX}.{key}")


def _write(bodies: list[_Body], sheet: Sheet, notes: Notes, *, trial: bool) -> dict[str, Any]:
    rows: dict[str, list[Any]] = {}
    printed_leaves = {b.leaf for b in bodies if b.leaf}
    for body in bodies:
        key = body.leaf
        if not key and body.group in COLLAPSIBLE:
            group = body.group
            if any(leaf.startswith(f"{group}.") for leaf in printed_leaves):
                key = ""  # a subtotal printed beside its sub-rows: reported below
            else:
                key = COLLAPSIBLE[group]
                _collapsed(body, group, key, notes, trial=trial)
        if not key:
            _left_out(body, notes)
            continue
        if body.how is not None and body.how.is_guess:
            notes.warn(
                codes.LABEL,
                f"行标签{quoted(body.label)}与规定文字不同，读作“{LEAVES[key]}” "
                f"(label read as the official one: {body.how.value})",
                path=f"{PREFIX}.{key}",
                location=place(_chain(key), body.row.where()),
            )
        if key in rows:
            notes.info(
                codes.DUPLICATE,
                f"该行再次印出（{printed_values([c.text if c else None for c in body.values])}），"
                "保留先印出的一行 (row printed again; the first is kept)",
                path=f"{PREFIX}.{key}",
                location=place(_chain(key), body.row.where()),
            )
            continue
        rows[key] = _row_values(body, key, sheet)
    collapsed = {b.group for b in bodies if b.group in COLLAPSIBLE and not b.leaf}
    for key in _LEAF_ORDER:
        if key not in rows:
            # The sub-rows of a group printed as one row: said by its note (M11).
            said = any(key.startswith(f"{group}.") for group in collapsed)
            if not said:
                notes.warn(
                    codes.ROW_MISSING,
                    f"表格中未找到“{LEAVES[key]}”一行，该行未写入数据文件（读入时按0处理） "
                    "(row not found; left out)",
                    path=f"{PREFIX}.{key}",
                    location=_chain(key),
                )
            # Not printed, so not written: a null row would read as printed blank (D4).
            for col in _COLUMN_KEYS:
                sheet.lack(f"{PREFIX}.{key}.{col}", "", "", said=True)
    sheet.end()
    return _nest(rows)


def _row_values(body: _Body, key: str, sheet: Sheet) -> list[Any]:
    out: list[Any] = []
    for col, cell in zip(_COLUMN_KEYS, body.values, strict=True):
        path = f"{PREFIX}.{key}.{col}"
        if cell is None:
            sheet.lack(path, body.row.where(), "该行此列没有单元格", said=col in body.absent)
        else:
            sheet.put(path, read_count(cell.text), body.row.where(cell))
        out.append(sheet.values.get(path))
    return out


def _collapsed(body: _Body, group: str, key: str, notes: Notes, *, trial: bool) -> None:
    label = GROUPS[group]
    subrows = "、".join(v for k, v in LEAVES.items() if k.startswith(f"{group}."))
    where = place(_chain(key), body.row.where())
    if trial:
        notes.info(
            codes.COLLAPSED_ROW,
            f"2019年试行格式中“{label}”只有一行，其数字读入“{LEAVES[key]}”，"
            "其余分项未印出，不写入数据文件 (the trial format has one row; its numbers go to "
            "3.其他, the other sub-rows are left out)",
            path=f"{PREFIX}.{key}",
            location=where,
        )
    else:
        notes.warn(
            codes.COLLAPSED_ROW,
            f"“{label}”印为一行，未印出分项（{subrows}）；其数字读入“{LEAVES[key]}”，"
            "其余分项不写入数据文件 (printed as one row without its sub-rows; its numbers go "
            "to 3.其他, the others are left out)",
            path=f"{PREFIX}.{key}",
            location=where,
        )


def _left_out(body: _Body, notes: Notes) -> None:
    values = printed_values([c.text.strip() if c else None for c in body.values])
    if body.group:
        what = f"“{GROUPS[body.group]}”的小计行不属于规定格式"
    elif body.label:
        what = f"行标签{quoted(body.label)}不是规定的行"
    else:
        what = "无行标签的一行"
    notes.warn(
        codes.EXTRA,
        f"{what}，未读入（印出的数字：{values}） (row outside the format, left out)",
        location=place(HEADING, body.row.where()),
    )


def _nest(rows: dict[str, list[Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _LEAF_ORDER:
        if key not in rows:
            continue
        here = out
        *parents, last = key.split(".")
        for part in parents:
            here = here.setdefault(part, {})
        here[last] = rows[key]
    return out
