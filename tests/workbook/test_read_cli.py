"""The commands a civil servant runs on a workbook: validate, render, convert back to YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import read_report
from govreport.cli.main import main
from govreport.workbook.layout import LAYOUT

from .books import APPLICATIONS, EXAMPLES, set_cells, written

RECEIVED = LAYOUT.field("applications.received.natural_person")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_convert_to_a_workbook_and_render_it_as_the_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "2024.xlsx"
    assert run(capsys, "convert", str(EXAMPLES / "shuangpu-2024.yaml"), str(book))[0] == 0
    assert run(capsys, "validate", str(book))[0] == 0
    for source, folder in ((book, "from-book"), (EXAMPLES / "shuangpu-2024.yaml", "from-yaml")):
        code, _, err = run(capsys, "render", str(source), "-f", "txt", "-o", str(tmp_path / folder))
        assert code == 0, err
    assert (tmp_path / "from-book" / "2024.txt").read_text(encoding="utf-8") == (
        tmp_path / "from-yaml" / "shuangpu-2024.txt"
    ).read_text(encoding="utf-8")


def test_convert_a_workbook_back_to_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = written(tmp_path)
    target = tmp_path / "back.yaml"
    assert run(capsys, "convert", str(book), str(target))[0] == 0
    assert read_report(target) == read_report(EXAMPLES / "shuangpu-2024.yaml")


def test_validate_names_the_label_and_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = set_cells(written(tmp_path), APPLICATIONS, {RECEIVED.cell: "二十三"})
    code, out, err = run(capsys, "validate", str(book))
    assert code == 1
    (line,) = [ln for ln in out.splitlines() if "D2" in ln]
    assert "一、本年新收政府信息公开申请数量/自然人" in line
    assert f"{APPLICATIONS}!{RECEIVED.cell}" in line
    assert "应为不小于0的整数" in line and "二十三" in line
    code, _, err = run(capsys, "render", str(book), "-f", "docx", "-o", str(tmp_path / "out"))
    assert code == 1 and f"{APPLICATIONS}!{RECEIVED.cell}" in err
    assert not (tmp_path / "out").exists()


def test_a_broken_workbook_is_one_line_and_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "2025.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"))
    code, out, err = run(capsys, "validate", str(old))
    assert code == 2 and out == ""
    assert "请在 Excel/WPS 中另存为 .xlsx" in err and "Traceback" not in err


def test_a_rule_names_the_cell_of_a_total_typed_over_its_formula(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    total = LAYOUT.total("applications.received.total")
    book = set_cells(written(tmp_path), APPLICATIONS, {total.cell: 99})
    code, out, _ = run(capsys, "validate", str(book))
    assert code == 1
    (line,) = [ln for ln in out.splitlines() if "R1" in ln]
    assert f"一、本年新收政府信息公开申请数量/总计（{total.address}）" in line
    assert "总计填报为99" in line
