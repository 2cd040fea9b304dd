"""The three official tables found among a report's Grids, by their labels.

A Grid is taken for an official table when its cells hold more of that
table's labels than of any other's (never by its position in the report).  A
Grid with no labels of its own right after another Grid continues it: a table
broken across pages.  Each table's Grids are then read row after row as one
table by its reader (:mod:`.proactive_table`, :mod:`.applications_table`,
:mod:`.review_table`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from govreport import spec
from govreport.importing import applications_table, proactive_table, review_table
from govreport.importing import labels as lab
from govreport.importing import notes as codes
from govreport.importing.blocks import Block, Grid
from govreport.importing.notes import Notes, place, quoted
from govreport.importing.rows import fits, is_value, rows_of
from govreport.importing.sheet import Sheet
from govreport.importing.trial2019 import TITLE as TRIAL_TITLE
from govreport.importing.trial2019 import UNFILLED
from govreport.limits import MAX_IMPORT_GRID_POSITIONS

#: A Grid must hold at least this many labels of a table to be taken for it.
_FEWEST_LABELS: Final = 2
KEYS: Final = ("proactive", "applications", "review_litigation")


def _vocabularies() -> dict[str, frozenset[str]]:
    return {
        "proactive": proactive_table.vocabulary(),
        "applications": applications_table.vocabulary(),
        "review_litigation": review_table.vocabulary(),
    }


def _texts(grid: Grid) -> set[str]:
    return {lab.corrected(lab.normalise(c.text))[0] for c in grid.cells}


def classify(grid: Grid) -> str | None:
    """Which official table ``grid`` is (by the labels it holds), or None."""
    if not fits(grid):
        return None
    texts = _texts(grid)
    scores = sorted(
        ((len(texts & vocabulary), key) for key, vocabulary in _vocabularies().items()),
        reverse=True,
    )
    (best, key), (second, _) = scores[0], scores[1]
    return key if best >= _FEWEST_LABELS and best > second else None


def continues(grid: Grid, key: str) -> bool:
    """Whether ``grid``, right after table ``key``, can be its continuation.

    It can if it holds a label of that table, or no label at all (values only):
    a Grid with labels of its own (序号, 事项) is some other table.
    """
    if not fits(grid):
        return False
    if _texts(grid) & _vocabularies()[key]:
        return True
    return all(is_value(c) for c in grid.cells)


@attrs.frozen
class Tables:
    """The data read from the three tables (a key is absent when its table is)."""

    data: dict[str, Any]
    trial: dict[str, Any] | None


def grids_by_table(blocks: Sequence[Block], notes: Notes) -> dict[str, list[tuple[int, Grid]]]:
    """Each official table's Grids in reading order, numbered among all Grids from 1."""
    found: dict[str, list[tuple[int, Grid]]] = {key: [] for key in KEYS}
    previous: str | None = None
    number = 0
    for block in blocks:
        if not isinstance(block, Grid):
            previous = None
            continue
        number += 1
        key = classify(block)
        if key is None and previous is not None and continues(block, previous):
            key = previous  # no labels of its own, right after a table: its continuation
        if key is None:
            _not_official(block, number, notes)
        else:
            found[key].append((number, block))
        previous = key
    return found


def _not_official(grid: Grid, number: int, notes: Notes) -> None:
    where = grid.where or f"表格{number}"
    if not fits(grid):
        notes.info(
            codes.EXTRA,
            f"该表格有 {grid.n_rows} 行 {grid.n_cols} 列，超过 {MAX_IMPORT_GRID_POSITIONS} "
            "个位置，不是规定的表格，未读入 (a grid too large to be an official table)",
            location=where,
        )
        return
    first = next((c.text for c in grid.cells if c.text.strip()), "")
    notes.info(
        codes.EXTRA,
        f"该表格（{quoted(first) if first else '空表格'}）不是规定的三张表格之一，未读入 "
        "(a table that is not one of the official three, left out)",
        location=where,
    )


def read_tables(blocks: Sequence[Block], notes: Notes) -> Tables:
    """The data of tables 二, 三 and 四, and the trial-format block if table 二 is one."""
    grids = grids_by_table(blocks, notes)
    data: dict[str, Any] = {}
    trial: dict[str, Any] | None = None
    is_trial = False
    if grids["proactive"]:
        found = proactive_table.read(rows_of(grids["proactive"]), Sheet(notes), notes)
        data["proactive"] = found.proactive
        if found.is_trial:
            is_trial = True
            trial = found.trial
            _trial_note(notes)
    if grids["applications"]:
        rows = rows_of(grids["applications"])
        data["applications"] = applications_table.read(rows, Sheet(notes), notes, trial=is_trial)
    if grids["review_litigation"]:
        review = review_table.read(rows_of(grids["review_litigation"]), Sheet(notes), notes)
        if review is not None:
            data["review_litigation"] = review
    for key in KEYS:
        if key not in data:
            notes.error(
                codes.TABLE_MISSING,
                f"未找到表格“{spec.heading(key).text}”，该表格的数字均未读入 "
                "(official table not found; none of its numbers was read)",
                path=key,
                location=spec.heading(key).text,
            )
    return Tables(data, trial)


def _trial_note(notes: Notes) -> None:
    cells = "、".join(spec.location_of(path) for path in UNFILLED)
    notes.info(
        codes.TRIAL_2019,
        f"表格二为{TRIAL_TITLE}（国办公开办函〔2019〕60号）：含义相同的数字读入规定位置，"
        f"其余保存在扩展“trial2019”中；2021年格式的以下单元格试行格式没有，未印出，"
        f"不写入数据文件（读入时按0处理）：{cells} "
        "(trial format: the 2021-only cells were not printed and are left out)",
        path="proactive",
        location=place(spec.heading("proactive").text),
    )
