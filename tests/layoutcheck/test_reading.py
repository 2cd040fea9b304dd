"""Files the check cannot measure: exit status 2 material, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import limits
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


def _encrypted() -> bytes:
    """A one-page PDF encrypted (RC4, revision 2) with a password that is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    ident = b"<00112233445566778899aabbccddeeff>"
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s%s] >>\n" % (
        len(objects) + 1,
        ident,
        ident,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_an_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted())
    assert _refused(path) == "PDF 已加密，无法测量版式 (encrypted PDF)"


def test_more_pages_than_the_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child reads the bound from govreport.limits (a forked child sees the patch)."""
    pdf = typeset(tmp_path, "long", paragraphs=4)
    monkeypatch.setattr(limits, "MAX_IMPORT_PAGES", 3)
    reason = _refused(pdf)
    assert "超过 3 页的上限" in reason


def test_a_file_over_the_size_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = typeset(tmp_path, "big", paragraphs=1)
    monkeypatch.setattr(limits, "MAX_IMPORT_FILE_BYTES", 1000)
    assert "文件超过" in _refused(pdf)
