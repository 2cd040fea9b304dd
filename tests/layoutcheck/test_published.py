"""Published PDFs, as agencies and browsers made them: what the check finds in real files."""

from __future__ import annotations

from pathlib import Path

from govreport.findings import Severity
from govreport.layoutcheck import check_layout

PDFS = Path(__file__).resolve().parents[1] / "data" / "importing" / "pdf"


def test_an_agency_export_from_word() -> None:
    """淮安市 2024, exported by the agency: its own grid, hyphens and a smaller page number."""
    report = check_layout(PDFS / "2024_huaian_shi.pdf")
    assert not report.passed
    messages = [f.message for f in report.errors]
    assert any(
        m.startswith("第 2 页：满页正文 25 行（应为 22 行），行距 28.13 磅") for m in messages
    )
    assert any(m.startswith("第 2 页：正文每行 27 字（应为 28 字）") for m in messages)
    assert any(m.startswith("第 1 页：页码为“- 1 -”（应为“— 1 —”）") for m in messages)
    # Its page numbers are on the outer side, and its faces (named in GBK) are the official
    # ones but for a run-in heading Word set in Arial Unicode, a substitute.
    assert [p.page_number_side for p in report.pages] == ["right", "left"] * 3
    faces = [f.message for f in report.errors if f.code == "L5"]
    assert faces == [
        "第 2 页：正文字体为 ArialUnicodeMS（其他）（应为 仿宋_GB2312（替代：FandolFang））"
        " (body set in the wrong face)"
    ]
    fonts = {name for page in report.pages for name in page.fonts}
    assert {"仿宋", "楷体", "黑体", "FZFSK--GBK1-0"} <= fonts
    substituted = [f for f in report.findings if f.severity is Severity.WARNING]
    assert substituted and all("使用了非规定字体 ArialUnicodeMS" in f.message for f in substituted)


def test_a_web_page_printed_by_a_browser_is_no_a4_document() -> None:
    report = check_layout(PDFS / "2024_pingtan.chromium.pdf")
    paper = [f for f in report.errors if f.code == "L0"]
    assert [f.page for f in paper] == [p.number for p in report.pages]
    assert "纸张为 216 × 279 mm（应为 A4，210 × 297 mm）" in paper[0].message
