"""The cells an aggregate report adds up: tables 二, 三 and 四 of the official format."""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Final

from govreport import spec
from govreport.spec.grid import CellRole

Number = int | Decimal

#: The tables summed, by key, in the order of the report.
TABLE_KEYS: Final = (spec.proactive.PREFIX, spec.applications.PREFIX, spec.review.PREFIX)


@functools.cache
def stored_paths() -> tuple[str, ...]:
    """Every number a data file stores (the 总计 cells are computed from them)."""
    return tuple(
        c.path
        for key in TABLE_KEYS
        for c in spec.tables()[key].value_cells()
        if c.role is CellRole.VALUE
    )


@functools.cache
def printed_paths() -> tuple[str, ...]:
    """Every number cell of the printed tables, 总计 cells included, in reading order."""
    return tuple(c.path for key in TABLE_KEYS for c in spec.tables()[key].value_cells())


@functools.cache
def computed_paths() -> frozenset[str]:
    return frozenset(printed_paths()) - frozenset(stored_paths())


def in_tables(path: str) -> bool:
    """Is ``path`` a cell (or a row) of one of the summed tables?"""
    return path.split(".", 1)[0] in TABLE_KEYS


def table_titles() -> tuple[str, ...]:
    """The sections of the summed tables: ``二、主动公开政府信息情况`` …"""
    return tuple(spec.heading(key).text for key in TABLE_KEYS)
