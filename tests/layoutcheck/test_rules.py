"""Each rule of GB/T 9704 the check measures, on small PDFs typeset by Typst in the test.

Every PDF is the same page of 3号 FandolFang on the 22-line grid, with one
setting changed; the unchanged one passes, so each finding below comes from
the setting changed and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.layoutcheck import LayoutReport, Severity, check_layout
from tests.layoutcheck.made import typeset


def _codes(report: LayoutReport) -> set[str]:
    return {f.code for f in report.errors}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("made")


def test_the_standard_page_passes(folder: Path) -> None:
    report = check_layout(typeset(folder, "standard"))
    assert report.passed, [f.message for f in report.findings]
    full = [page for page in report.pages if page.full]
    assert len(full) >= 4
    assert {page.lines for page in full} == {22}
    assert {page.chars_per_line for page in full} == {28}
    assert [page.page_number_side for page in report.pages[:2]] == ["right", "left"]
    assert report.pages[0].page_number == "— 1 —"
    assert report.pages[0].page_number_size == pytest.approx(14)
    assert all(p.pitch == pytest.approx(28.95, abs=0.02) for p in full)


def test_29_pt_line_spacing_gives_21_lines_and_fails(folder: Path) -> None:
    report = check_layout(typeset(folder, "pitch29", pitch=29.0))
    assert not report.passed
    lines = [f for f in report.errors if f.code == "L1"]
    assert lines, report.findings
    assert all(
        "满页正文 21 行（应为 22 行），行距 29.00 磅（应为 28.95 磅）" in f.message for f in lines
    )
    assert lines[0].message.startswith(f"第 {lines[0].page} 页：")
    assert _codes(report) == {"L1"}


def test_no_tracking_gives_27_characters_a_line_and_fails(folder: Path) -> None:
    """Without Word's -0.25 pt, 3号 characters fit 27 times in 156 mm (the line is stretched)."""
    report = check_layout(typeset(folder, "tracking0", tracking=0.0))
    chars = [f for f in report.errors if f.code == "L2"]
    assert [f.page for f in chars] == [p.number for p in report.pages]
    assert all("正文每行 27 字（应为 28 字）" in f.message for f in chars)
    assert _codes(report) == {"L2"}


def test_centred_page_numbers_fail_on_every_page(folder: Path) -> None:
    report = check_layout(typeset(folder, "centred", numbers="centre"))
    numbers = [f for f in report.errors if f.code == "L4"]
    assert [f.page for f in numbers] == [p.number for p in report.pages]
    assert "第 1 页：页码居中（单页页码应居右，在外侧）" in numbers[0].message
    assert "第 2 页：页码居中（双页页码应居左，在外侧）" in numbers[1].message
    assert _codes(report) == {"L4"}


def test_a_body_set_in_heiti_is_a_wrong_face(folder: Path) -> None:
    """The silent fallback the check exists for: the whole body in a sans-serif face."""
    report = check_layout(typeset(folder, "heiti", font="Noto Sans CJK SC"))
    faces = [f for f in report.errors if f.code == "L5"]
    assert faces and all("正文字体为 NotoSansCJKsc-Regular（黑体）" in f.message for f in faces)
    assert "应为 仿宋_GB2312（替代：FandolFang）" in faces[0].message
    assert _codes(report) == {"L5"}


def test_an_unknown_font_is_reported_as_substituted(folder: Path) -> None:
    """Latin letters in Typst's own Libertinus: named, a warning; the body is still 仿宋."""
    pdf = typeset(
        folder, "libertinus", font=["Libertinus Serif", "FandolFang R"], tail="Version 2024"
    )
    report = check_layout(pdf)
    substituted = {name for page in report.pages for name in page.substituted}
    assert substituted == {"LibertinusSerif-Regular"}
    warnings = [f for f in report.findings if f.severity is Severity.WARNING]
    assert warnings and all(
        "使用了非规定字体 LibertinusSerif-Regular" in f.message for f in warnings
    )
    assert report.passed


def test_a_table_row_split_across_pages_fails(folder: Path) -> None:
    """Typst draws a rule at the break, so only the empty last cell shows the split."""
    pdf = typeset(folder, "split", paragraphs=1, table=True, rows=14, cell="很长的说明文字" * 12)
    report = check_layout(pdf)
    split = [f for f in report.errors if f.code == "L6"]
    assert split, report.findings
    assert "被分页拆开，跨到第 3 页（表格行不得跨页拆分）" in split[0].message
    assert report.pages[split[0].page - 1].split_rows


def test_a_table_over_pages_with_whole_rows_passes(folder: Path) -> None:
    report = check_layout(typeset(folder, "rows", paragraphs=1, table=True, rows=60, cell="短"))
    assert sum(page.tables for page in report.pages) >= 2
    assert report.passed, [f.message for f in report.findings]
