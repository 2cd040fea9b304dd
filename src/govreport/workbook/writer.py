"""Write the fill-in workbook: an empty form, next year's draft, or a filled report.

``write_workbook(report)`` gives the workbook of any report (``govreport
convert report.yaml report.xlsx``); ``blank_workbook(previous=…, year=…,
agency=…, level=…)`` the form to fill (``govreport workbook``).  Both return
the .xlsx bytes, the same bytes for the same input.  The workbook has no
macros and no external links: formulas refer to cells of their own sheet.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.properties import CalcProperties

from govreport.fileio import atomic_write
from govreport.model import AdminLevel, AnnualReport
from govreport.workbook import content as contents
from govreport.workbook.content import Content
from govreport.workbook.infosheet import write_help_sheet, write_info_sheet
from govreport.workbook.layout import LAYOUT, SheetKind
from govreport.workbook.package import workbook_bytes
from govreport.workbook.tablesheet import write_table_sheet
from govreport.workbook.textsheet import TextTooLongError, write_text_sheet

__all__ = [
    "ExtensionDataError",
    "TextTooLongError",
    "blank_workbook",
    "build",
    "save_workbook",
    "write_workbook",
]


class ExtensionDataError(ValueError):
    """A report with a plugin's data block: the workbook has no place for it."""


def build(content: Content) -> Workbook:
    """The openpyxl workbook of ``content`` (every sheet, in the layout's order)."""
    wb = Workbook()
    default = wb.active
    for sheet in LAYOUT.sheets:
        ws = wb.create_sheet(sheet.name)
        if sheet.kind is SheetKind.HELP:
            write_help_sheet(ws)
        elif sheet.kind is SheetKind.INFO:
            write_info_sheet(ws, content)
        elif sheet.kind is SheetKind.TABLE:
            write_table_sheet(ws, sheet.key, content)
        else:
            write_text_sheet(ws, sheet.key, content)
    if default is not None:
        wb.remove(default)
    # Open on 基本信息 (the first thing to fill), not on 说明.
    wb.active = 1
    # Every client computes the formulas on opening: the file carries no cached values.
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    return wb


def write_workbook(report: AnnualReport, *, previous: AnnualReport | None = None) -> bytes:
    """The workbook with every figure and text of ``report`` filled in.

    A stated total (``report.stated_totals``) that differs from the sum is
    written as that number instead of the formula, so the check beside it
    shows the difference, as in the source.  A report with extension data
    raises :class:`ExtensionDataError`; a paragraph longer than a cell holds
    :class:`TextTooLongError` (both ``ValueError``).
    """
    if report.extensions:
        # Dropping a plugin's data silently would lose it on the way back.
        names = "、".join(sorted(report.extensions))
        raise ExtensionDataError(
            f"工作簿不能保存插件的扩展数据（extensions：{names}），请转换为 YAML、JSON 或 TOML "
            "(a workbook holds no extension data)"
        )
    return workbook_bytes(build(contents.from_report(report, previous)))


def blank_workbook(
    *,
    previous: AnnualReport | None = None,
    year: int | None = None,
    agency: str | None = None,
    level: AdminLevel | None = None,
) -> bytes:
    """The form to fill: zeros, or from ``previous`` next year's draft (see ``content.blank``)."""
    content = contents.blank(previous=previous, year=year, agency=agency, level=level)
    return workbook_bytes(build(content))


def save_workbook(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write ``data`` atomically: no half-written workbook is left on failure."""
    return atomic_write(path, data)
