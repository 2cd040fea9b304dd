"""check-layout on both PDF routes (Typst ``pdf``, LibreOffice ``docx-pdf``).

Every bundled example and a report with very long texts and a table 三 over
a page break go through both routes; each PDF must pass.  (Table 三 runs over
two pages, not three: its labels are fixed and neither route wraps a number
inside its cell, so valid data cannot make it taller.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.layoutcheck import LayoutReport, check_layout
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
