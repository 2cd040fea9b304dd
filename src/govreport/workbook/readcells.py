"""The cells of a workbook as openpyxl reads them, twice: cached values and formulas.

openpyxl gives either a formula cell's formula or the value the program that
saved the workbook cached for it, never both; the reader needs both (which
totals are formulas, and what they came to), so the workbook is read twice in
read-only mode, which streams each sheet instead of building it.  Only the
columns the layout uses are kept, and only cells that hold something.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from govreport.io.errors import UnreadableFileError
from govreport.spec.wording import clip

#: (row, column), both 1-based, as openpyxl counts.
Position = tuple[int, int]


@attrs.frozen
class SheetCells:
    """One sheet: what each cell shows, and which cells hold formulas."""

    values: Mapping[Position, Any]
    formulas: frozenset[Position]

    def value(self, row: int, col: int) -> Any:
        return self.values.get((row, col))

    def is_formula(self, row: int, col: int) -> bool:
        return (row, col) in self.formulas


def _read_pass(
    data: bytes, data_only: bool, widths: Mapping[str, int], depths: Mapping[str, int]
) -> tuple[list[str], dict[str, dict[Position, Any]]]:
    """(the sheet names, the cells of the sheets in ``widths``): up to their width and depth."""
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about data validation, conditional formatting and
        # print settings it does not read back: nothing the reader needs.
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False
        )
        try:
            out: dict[str, dict[Position, Any]] = {}
            for name in book.sheetnames:
                if name not in widths:
                    continue
                sheet = book[name]
                # A wrong <dimension> must not hide rows: read every row there is.
                sheet.reset_dimensions()
                cells: dict[Position, Any] = {}
                for row in sheet.iter_rows(max_col=widths[name], max_row=depths.get(name)):
                    for cell in row:
                        value: Any = cell.value
                        if value is None or not hasattr(cell, "row"):
                            continue
                        if not data_only and getattr(cell, "data_type", "") == "f":
                            value = _FORMULA
                        cells[(int(cell.row or 0), int(cell.column or 0))] = value
                out[name] = cells
            return list(book.sheetnames), out
        finally:
            book.close()


#: Stands for a formula in the formula pass (its text is not needed).
_FORMULA = object()


def read_cells(
    path: Path, data: bytes, widths: Mapping[str, int], formulas_in: Mapping[str, Position]
) -> tuple[list[str], dict[str, SheetCells]]:
    """(every sheet name in order, the cells of the sheets named in ``widths``).

    ``widths`` maps a sheet name to the last column read; ``formulas_in`` the
    sheets whose formulas matter to the last (row, column) where they do, so
    the second pass reads only those.  Anything openpyxl cannot make of the
    file becomes an :class:`UnreadableFileError`.
    """
    try:
        names, shown = _read_pass(data, True, widths, {})
        _, formulas = _read_pass(
            data,
            False,
            {name: col for name, (_, col) in formulas_in.items()},
            {name: row for name, (row, _) in formulas_in.items()},
        )
    except UnreadableFileError:
        raise
    except MemoryError:
        raise UnreadableFileError(path, "工作簿过大，内存不足 (workbook too large)") from None
    except Exception as exc:  # openpyxl raises anything (KeyError, TypeError, …) for a bad part
        raise UnreadableFileError(
            path,
            f"工作簿已损坏，无法读取（{type(exc).__name__}: {clip(str(exc))}） (corrupt workbook)",
        ) from None
    sheets = {
        name: SheetCells(
            values=shown[name],
            formulas=frozenset(p for p, v in formulas.get(name, {}).items() if v is _FORMULA),
        )
        for name in shown
    }
    return names, sheets
