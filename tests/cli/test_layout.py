"""``govreport check-layout``: the table, the JSON, the exit statuses, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govreport.cli.main import main
from tests.layoutcheck.made import typeset


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-layout")


def test_a_passing_pdf_prints_its_pages_and_exits_0(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = typeset(folder, "ok", paragraphs=2)
    assert main(["check-layout", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "— 1 —" in out and "28.95" in out
    assert "FandolFang-Regular" in out
    assert out.rstrip().endswith("版式合格 (layout passes)")


def test_json_holds_every_page_and_finding(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = typeset(folder, "centred", numbers="centre", paragraphs=2)
    assert main(["check-layout", str(pdf), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False
    assert [p["page_number_side"] for p in data["pages"]] == ["centre"] * len(data["pages"])
    assert {f["code"] for f in data["findings"]} == {"L4"}
    assert data["findings"][0] == {
        "code": "L4",
        "page": 1,
        "severity": "error",
        "message": "第 1 页：页码居中（单页页码应居右，在外侧） "
        "(page number on the centre, not the right)",
    }


def test_broken_rules_are_listed_and_exit_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = typeset(folder, "pitch29", pitch=29.0, paragraphs=3)
    assert main(["check-layout", str(pdf)]) == 1
    out = capsys.readouterr().out
    assert "[错误 L1] 第 1 页：满页正文 21 行（应为 22 行）" in out
    assert "版式有" in out and "处不合规定 (layout rules broken)" in out


def test_an_unreadable_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"PK\x03\x04 not a pdf")
    assert main(["check-layout", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"错误 (error)：{path}：不是 PDF 文件 (not a PDF file)\n"
