"""``govreport workbook`` and ``govreport convert … .xlsx``: the commands civil servants run."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from govreport import read_report
from govreport.cli.main import main
from govreport.workbook.layout import LAYOUT
from govreport.workbook.writer import blank_workbook, write_workbook

EXAMPLE = Path(__file__).parents[2] / "examples" / "shuangpu-2024.yaml"


def test_workbook_from_last_year_is_the_library_s_bytes(tmp_path: Path) -> None:
    target = tmp_path / "2025.xlsx"
    assert main(["workbook", "-o", str(target), "--from", str(EXAMPLE)]) == 0
    assert target.read_bytes() == blank_workbook(previous=read_report(EXAMPLE))


def test_workbook_from_options(tmp_path: Path) -> None:
    target = tmp_path / "form.XLSX"
    args = ["workbook", "-o", str(target), "--year", "2025", "--agency", "某某镇人民政府"]
    assert main([*args, "--level", "county_department"]) == 0
    info = openpyxl.load_workbook(target)["基本信息"]
    assert info[LAYOUT.field("year").cell].value == 2025
    assert info[LAYOUT.field("agency.name").cell].value == "某某镇人民政府"
    assert info[LAYOUT.field("agency.level").cell].value == "县级人民政府部门"


def test_workbook_refuses_another_suffix_and_a_broken_last_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["workbook", "-o", str(tmp_path / "old.xls")]) == 2
    assert "应为 .xlsx 文件" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("punishment: 15", "punishment: 十五"),
        encoding="utf-8",
    )
    assert main(["workbook", "-o", str(tmp_path / "w.xlsx"), "--from", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "行政处罚" in err and "上年数据文件有错误" in err
    assert main(["workbook", "-o", str(tmp_path / "w.xlsx"), "--from", str(tmp_path / "no")]) == 2
    assert not list(tmp_path.glob("*.xls*"))


def test_workbook_into_a_folder_that_is_a_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["workbook", "-o", str(tmp_path / "file" / "w.xlsx")]) == 2
    assert "已有同名的文件，不是文件夹" in capsys.readouterr().err


def test_convert_to_and_from_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "report.xlsx"
    assert main(["convert", str(EXAMPLE), str(book)]) == 0
    report = read_report(EXAMPLE)
    assert book.read_bytes() == write_workbook(report)
    back = tmp_path / "back.yaml"
    assert main(["convert", str(book), str(back)]) == 0
    assert read_report(back) == report
    sheet = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))[LAYOUT.sheet("applications").name]
    assert sheet[LAYOUT.field("applications.received.natural_person").cell].value == 23


def test_convert_to_a_workbook_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(EXAMPLE), "/dev/full/x.xlsx"]) == 2
    assert "/dev/full" in capsys.readouterr().err
    assert main(["convert", str(EXAMPLE), str(tmp_path / "R.XLSX")]) == 0
    assert (tmp_path / "R.XLSX").read_bytes() == write_workbook(read_report(EXAMPLE))
