"""Files the check cannot measure: exit status 2 material, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.layoutcheck import LayoutUnreadableError, check_layout
from tests.layoutcheck.made import typeset


def _refused(path: Path) -> str:
    with pytest.raises(LayoutUnreadableError) as caught:
        check_layout(path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}：")
    return caught.value.reason


def test_a_missing_file(tmp_path: Path) -> None:
    assert "无法读取文件" in _refused(tmp_path / "missing.pdf")


def test_a_text_file_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("本报告根据……", encoding="utf-8")
    assert _refused(path) == "不是 PDF 文件 (not a PDF file)"


def test_a_truncated_pdf(tmp_path: Path) -> None:
    whole = typeset(tmp_path, "whole", paragraphs=1).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    assert "PDF" in _refused(path)


def test_a_pdf_without_text_is_a_scan(tmp_path: Path) -> None:
    typst = pytest.importorskip("typst", reason="the typst package is not installed")
    source = tmp_path / "scan.typ"
    source.write_text('#set page(paper: "a4")\n#rect(width: 100%, height: 80%)\n')
    path = tmp_path / "scan.pdf"
    path.write_bytes(typst.compile(str(source)))
    assert "没有文字层" in _refused(path)
