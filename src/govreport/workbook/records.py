"""The records the workbook's layout is made of: what a cell holds and where it is.

:mod:`govreport.workbook.layout` builds them from the spec and re-exports
them; import them from there.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Final

import attrs
from openpyxl.utils.cell import get_column_letter, range_boundaries

#: The row of a table sheet where the official table starts (1: heading, 2: note).
TABLE_TOP: Final = 3
#: Text sheets: the column naming a block, and the column of its paragraphs.
MARKER_COLUMN: Final = "A"
TEXT_COLUMN: Final = "B"
#: The result of a check cell that holds.
PASSED: Final = "通过"


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


def grid_address(row: int, col: int) -> str:
    """The sheet cell of a spec table's grid position (0-based)."""
    return f"{get_column_letter(col + 1)}{TABLE_TOP + row}"


def cell_name(col: int, row: int) -> str:
    """1-based column and row → ``"D6"``."""
    return f"{get_column_letter(col)}{row}"


def iter_cells(area: str) -> Iterator[str]:
    """Every cell of ``"A1:C2"`` (or the one cell ``"A1"``), row by row."""
    min_col, min_row, max_col, max_row = range_boundaries(area)
    if min_col is None or min_row is None or max_col is None or max_row is None:
        raise ValueError(f"not a cell range: {area!r}")
    for r in range(min_row, max_row + 1):
        for c in range(min_col, max_col + 1):
            yield cell_name(c, r)
