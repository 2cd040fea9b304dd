"""How the workbook looks: fonts, fills, borders, widths, print setup, protection.

A few fixed style objects, shared by every sheet, so the styles part stays
small and the same from one workbook to the next.
"""

from __future__ import annotations

import copy
import math
import weakref
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

#: 宋体 is on every Chinese Windows, WPS ships it, LibreOffice maps it.
FONT_NAME: Final = "宋体"
FONT: Final = Font(name=FONT_NAME, size=11)
BOLD: Final = Font(name=FONT_NAME, size=11, bold=True)
TITLE: Final = Font(name=FONT_NAME, size=14, bold=True)
CODE: Final = Font(name="Consolas", size=11, bold=True)
NOTE: Final = Font(name=FONT_NAME, size=10, color="FF595959")
#: The font of a check that fails (with RED_FILL, by conditional formatting).
RED_FONT: Final = Font(color="FF9C0006", bold=True)

_THIN: Final = Side(style="thin", color="FF000000")
BOX: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
NO_BORDER: Final = Border()
NO_FILL: Final = PatternFill()

#: Labels and headers: light grey, like a printed form's fixed text.
LABEL_FILL: Final = PatternFill("solid", fgColor="FFF2F2F2")
#: Formulas (总计): a darker grey, "not for typing".
FORMULA_FILL: Final = PatternFill("solid", fgColor="FFD9D9D9")
#: Cells to fill in: pale yellow, the usual "input here".
INPUT_FILL: Final = PatternFill("solid", fgColor="FFFFF9E5")
#: Checks that pass: pale green; those that fail turn red.
CHECK_FILL: Final = PatternFill("solid", fgColor="FFE2EFDA")
RED_FILL: Final = PatternFill("solid", fgColor="FFFFC7CE")

CENTER: Final = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT: Final = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT: Final = Alignment(horizontal="left", vertical="top", wrap_text=True)

UNLOCKED: Final = Protection(locked=False)
LOCKED: Final = Protection(locked=True)

COUNT_FORMAT: Final = "0"
DATE_FORMAT: Final = "yyyy-mm-dd"

#: Excel's width unit is one "0" of the default font; a CJK character of
#: 11 pt 宋体 (or the Noto CJK LibreOffice puts in its place) is a little over two.
CHARS_PER_CJK: Final = 2.25


def put_text(cell: Cell | MergedCell, text: str) -> None:
    """Write ``text`` as text, even when it starts with ``=`` (openpyxl would make a formula).

    An empty text leaves the cell blank.
    """
    if not text:
        cell.value = None
        return
    cell.value = text
    cell.data_type = "s"


#: Per workbook: a style's key → the cell style openpyxl made of it the first time.
_MADE: weakref.WeakKeyDictionary[Workbook, dict[tuple[object, ...], StyleArray]] = (
    weakref.WeakKeyDictionary()
)


def style(
    cell: Cell | MergedCell,
    *,
    font: Font = FONT,
    fill: PatternFill | None = None,
    alignment: Alignment = CENTER,
    border: bool = True,
    locked: bool = True,
    number_format: str | None = None,
) -> None:
    """Give ``cell`` a style, made once per workbook and copied after that.

    Setting font, fill, alignment… one by one hashes each into the
    workbook's style lists again for every cell: most of the writer's time.
    The styles are module constants, so their ids make the key.
    """
    key = (id(font), id(fill), id(alignment), border, locked, number_format)
    styled: Any = cell  # the style array is openpyxl's own, not in its type stubs
    book = cell.parent.parent
    made = _MADE.setdefault(book, {}) if book is not None else {}
    known = made.get(key)
    if known is not None:
        styled._style = copy.copy(known)
        return
    cell.font = font
    cell.fill = fill if fill is not None else NO_FILL
    cell.alignment = alignment
    cell.border = BOX if border else NO_BORDER
    cell.protection = LOCKED if locked else UNLOCKED
    cell.number_format = number_format or "General"
    made[key] = copy.copy(styled._style)


def box(cell: Cell | MergedCell) -> None:
    """Only the thin border: the cells a merged cell covers."""
    style(cell, font=FONT, alignment=CENTER)


def print_setup(
    ws: Worksheet, *, landscape: bool, title_rows: str | None = None, centered: bool = True
) -> None:
    """A4, fit to one page wide (as many pages tall as needed), the form's margins.

    ``centered=False`` for a sheet of one wide text column: LibreOffice
    centres it unscaled and cuts its left edge off.
    """
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = centered
    if title_rows:
        ws.print_title_rows = title_rows


def protect(ws: Worksheet, *, rows_may_change: bool = False) -> None:
    """Lock labels and formulas without a password; ``rows_may_change`` on text sheets.

    Without a password anyone can lift it (审阅 → 撤销工作表保护): it guards
    against typing over a label by mistake, not against a determined user.
    """
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen a column to read a label
    ws.protection.formatRows = False
    if rows_may_change:
        ws.protection.insertRows = False
        ws.protection.deleteRows = False


#: Row height (points) of one line of 11 pt 宋体.
LINE_HEIGHT: Final = 15


def fit_height(text: str, width: float) -> float | None:
    """The row height that shows ``text`` wrapped in a column ``width`` wide.

    Neither LibreOffice nor Excel reliably sizes a wrapped row on opening a
    file, so the height is set: None (the default) for one line.
    """
    lines = sum(
        max(1, math.ceil(text_width(line) / max(width - 1, 1))) for line in text.split("\n")
    )
    return None if lines <= 1 else lines * LINE_HEIGHT + 3


def text_width(text: str) -> float:
    """An Excel column width that shows ``text`` on one line."""
    return sum(CHARS_PER_CJK if ord(ch) > 0x2E7F else 1 for ch in text) + 2
