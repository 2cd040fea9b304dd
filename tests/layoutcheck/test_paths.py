"""check-layout on both PDF routes (Typst ``pdf``, LibreOffice ``docx-pdf``).

Every bundled example and a report with very long texts and a table 三 over
a page break go through both routes; each PDF must pass.  (Table 三 runs over
two pages, not three: its labels are fixed and neither route wraps a number
inside its cell, so valid data cannot make it taller.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govreport
from govreport.layoutcheck import LayoutReport, check_layout
from govreport.outputs.pdf import find_soffice
from tests.layoutcheck.reports import NAMES, ROUTES


@pytest.fixture(scope="module")
def checked(pdfs: dict[str, Path]) -> dict[str, LayoutReport]:
    return {key: check_layout(path) for key, path in pdfs.items()}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", NAMES)
def test_the_layout_passes(checked: dict[str, LayoutReport], route: str, name: str) -> None:
    report = checked[f"{route}/{name}"]
    assert report.passed, [f.message for f in report.findings]
    assert [p.page_number for p in report.pages] == [
        f"— {n} —" for n in range(1, len(report.pages) + 1)
    ]
    assert {f for p in report.pages for f in p.substituted} == set()


@pytest.mark.parametrize("route", ROUTES)
def test_the_long_report_fills_its_pages(checked: dict[str, LayoutReport], route: str) -> None:
    """Full pages were measured (22 lines of 28), and table 三 runs over a page break."""
    report = checked[f"{route}/long-2024"]
    full = [p for p in report.pages if p.full]
    assert len(full) >= 10
    assert {(p.lines, p.chars_per_line) for p in full} == {(22, 28)}
    tables = [p.number for p in report.pages if p.tables]
    assert len(tables) >= 2 and tables == list(range(tables[0], tables[-1] + 1))


@pytest.mark.parametrize("route", ROUTES)
def test_29_pt_line_spacing_fails_on_either_route(
    sources: dict[str, Path], tmp_path: Path, route: str
) -> None:
    """The output's own ``line_pitch`` option set to 29 pt: 21 lines on every full page."""
    if route == "docx-pdf" and find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    pytest.importorskip("typst", reason="the typst package is not installed")
    report = govreport.read_report(sources["long-2024"])
    path = tmp_path / f"pitch29.{route}.pdf"
    path.write_bytes(govreport.Engine().render(report, route, options={"line_pitch": 29.0}))
    checked = check_layout(path)
    lines = [f for f in checked.errors if f.code == "L1"]
    assert len(lines) >= 10
    assert all("满页正文 21 行（应为 22 行），行距 29.00 磅" in f.message for f in lines)
