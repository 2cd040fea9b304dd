"""Workbooks for the reader's tests: the real writer's, then changed as a user would."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from govreport import Engine, read_report
from govreport.model import AnnualReport
from govreport.plugins.contributions import InputLoader
from govreport.plugins.hookspecs import RegisterLoader, hookimpl
from govreport.workbook.layout import LAYOUT
from govreport.workbook.reader import read_workbook
from govreport.workbook.writer import write_workbook

EXAMPLES = Path(__file__).parents[2] / "examples"
APPLICATIONS = LAYOUT.sheet("applications").name
INFO = LAYOUT.sheet("info").name


class _Loader:
    """The reader as a plugin registers it, for an engine without autoloading."""

    @hookimpl
    def govreport_register_loaders(self, register: RegisterLoader) -> None:
        register(InputLoader("xlsx", (".xlsx",), read_workbook))


def engine() -> Engine:
    """An engine that reads workbooks: the built-ins (the workbook plugin once it is one)."""
    built_in = Engine(autoload=False)
    if ".xlsx" in {s for loader in built_in.loaders.values() for s in loader.suffixes}:
        return built_in
    return Engine([_Loader()], autoload=False)


def example(name: str = "shuangpu-2024") -> AnnualReport:
    return read_report(EXAMPLES / f"{name}.yaml")


def written(tmp_path: Path, report: AnnualReport | None = None, name: str = "book.xlsx") -> Path:
    """The workbook the writer makes of ``report`` (the township example by default)."""
    path = tmp_path / name
    path.write_bytes(write_workbook(report or example()))
    return path


def edited(path: Path, change: Callable[[openpyxl.Workbook], None]) -> Path:
    """``path`` opened, changed and saved with openpyxl, as a script (or a user) would."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def set_cells(path: Path, sheet: str, values: Mapping[str, object]) -> Path:
    def change(book: openpyxl.Workbook) -> None:
        ws: Worksheet = book[sheet]
        for cell, value in values.items():
            ws[cell] = value

    return edited(path, change)


def edit_part(path: Path, sheet: str, change: Callable[[str], str]) -> Path:
    """Change the XML of one sheet of ``path`` in place, nothing else."""
    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index(sheet) + 1
    book.close()
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[part] = change(members[part].decode("utf-8")).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def cache_formula_values(path: Path, sheet: str, values: Mapping[str, int]) -> Path:
    """Give formula cells a cached value, as Excel, WPS and LibreOffice save them.

    openpyxl writes formulas without values; a spreadsheet program writes
    ``<c r="J6"><f>SUM(D6:I6)</f><v>23</v></c>``.  The sheet's XML is changed
    in place, nothing else.
    """

    def change(xml: str) -> str:
        for cell, value in values.items():
            pattern = re.compile(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*(<v>[^<]*</v>|<v\s*/>)?')
            xml, count = pattern.subn(rf"\1<v>{value}</v>", xml)
            assert count == 1, f"no formula at {sheet}!{cell}"
        return xml

    return edit_part(path, sheet, change)
