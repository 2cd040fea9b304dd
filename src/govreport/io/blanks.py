"""Blank and ``/`` cells: read as 0, kept as printed, reported once per region.

A published table often leaves whole blocks empty (a real page had 125 empty
cells).  One warning per cell buries every other finding; one per region (a
run of consecutive blank cells of one table, in the order the table prints
them) says the same thing once, with where it starts and ends.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from govreport import spec
from govreport.findings import Finding, Severity
from govreport.io.errors import BLANK_CELL


@functools.cache
def _order() -> dict[str, tuple[str, int]]:
    """Number-cell path → (table key, position in print order)."""
    order: dict[str, tuple[str, int]] = {}
    for key, table in spec.tables().items():
        for i, cell in enumerate(c for c in table.cells if c.is_number):
            order[cell.path] = (key, i)
    return order


def _printed(texts: set[str]) -> str:
    shown = "、".join(f"“{t}”" if t else "空白" for t in sorted(texts))
    return shown


def blank_regions(blank: Mapping[str, str]) -> list[list[str]]:
    """Blank cell paths grouped into runs of consecutive cells of one table.

    A path outside the official tables (a plugin's count) is a region alone.
    """
    order = _order()
    placed = sorted((order[p], p) for p in blank if p in order)
    regions: list[list[str]] = []
    last: tuple[str, int] | None = None
    for (table, i), path in placed:
        if last is not None and last == (table, i - 1):
            regions[-1].append(path)
        else:
            regions.append([path])
        last = (table, i)
    regions.extend([p] for p in sorted(blank) if p not in order)
    return regions


def blank_findings(blank: Mapping[str, str]) -> list[Finding]:
    """One warning per region of blank cells, naming its first and last cell."""
    out = []
    for region in blank_regions(blank):
        first, last = region[0], region[-1]
        printed = _printed({blank[p] for p in region})
        if len(region) == 1:
            message = f"请填写0而不是空白或“/”（实际为{printed}），已按0处理"
        else:
            message = (
                f"自此至“{spec.location_of(last)}”共 {len(region)} 个单元格为{printed}，"
                f"已按0处理；请填写0 ({len(region)} blank cells read as 0, up to {last})"
            )
        out.append(Finding.at(BLANK_CELL, Severity.WARNING, first, message))
    return out
