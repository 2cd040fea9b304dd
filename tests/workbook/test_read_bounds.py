"""Hostile and odd workbooks through the real command, each bounded in time and memory.

The bad-input catalogue's harness (tests/badinput/harness.py) runs each case
as ``python -m govreport.cli.main`` in its own process, with 2 GB of address
space and 30 s, and fails on a traceback, a hang or a file left behind.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from govreport.limits import MAX_WORKBOOK_PART_BYTES
from govreport.workbook.layout import LAYOUT
from govreport.workbook.writer import write_workbook

from ..badinput.harness import Case, ids, run
from .books import example

OTHER = LAYOUT.sheet("other").name


def _book() -> bytes:
    return write_workbook(example())


def _with_part(part: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_book())) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[part] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@functools.cache
def _filled(change: object) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(_book()))
    change(book)  # type: ignore[operator]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _far_row(book: openpyxl.Workbook) -> None:
    book[OTHER]["B1048576"] = "最后一段"


def _full_sheet(book: openpyxl.Workbook) -> None:
    """A text sheet as large as a part may be: some 90,000 numbers beside the text."""
    sheet = book[OTHER]
    for row in range(100, 100 + 45_000):
        sheet.cell(row, 3, 123456)
        sheet.cell(row, 4, 7)


def _laughs(depth: int) -> bytes:
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, depth)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE sst [{"".join(entities)}]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<si><t>&l{depth - 1};</t></si></sst>"
    ).encode()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(64):  # 64 MB of zeros, 64 KB compressed
                member.write(chunk)
    return out.getvalue()


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    validate = ("validate", "2025.xlsx")
    return [
        Case("xls", validate, 2, ("另存为 .xlsx",), files={"2025.xlsx": _OLD_XLS}),
        Case("zip-bomb", validate, 2, ("sheet1.xml", "上限"), files={"2025.xlsx": _bomb()}),
        Case(
            "billion-laughs",
            validate,
            2,
            ("DOCTYPE",),
            files={"2025.xlsx": _with_part("xl/sharedStrings.xml", _laughs(9))},
        ),
        Case("far-row", validate, 0, ("校验通过",), files={"2025.xlsx": _filled(_far_row)}),
        Case("full-sheet", validate, 0, ("校验通过",), files={"2025.xlsx": _filled(_full_sheet)}),
        Case(
            "render-refused-nothing-written",
            ("render", "2025.xlsx", "-f", "docx", "-o", "out"),
            2,
            ("另存为 .xlsx",),
            files={"2025.xlsx": _OLD_XLS},
        ),
        Case(
            "convert-back",
            ("convert", "2025.xlsx", "2025.yaml"),
            0,
            ("2025.yaml",),
            files={"2025.xlsx": _book()},
            leaves=("2025.yaml",),
        ),
    ]


_OLD_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")

NAMES = ["xls", "zip-bomb", "billion-laughs", "far-row", "full-sheet"]
NAMES += ["render-refused-nothing-written", "convert-back"]


@pytest.mark.parametrize("name", NAMES)
def test_case(cases: list[Case], name: str, tmp_path: Path) -> None:
    assert ids(cases) == NAMES
    (case,) = [c for c in cases if c.id == name]
    run(case, tmp_path)


def test_the_full_sheet_is_near_the_part_bound() -> None:
    """The ``full-sheet`` case is a real test of the bound's time, not a small file."""
    with zipfile.ZipFile(io.BytesIO(_filled(_full_sheet))) as archive:
        sizes = [i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
    assert MAX_WORKBOOK_PART_BYTES // 2 < max(sizes) <= MAX_WORKBOOK_PART_BYTES
