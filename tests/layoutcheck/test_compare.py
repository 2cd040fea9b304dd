"""The two PDF routes of one report agree: pages (±1) and every number, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

import govreport
from tests.layoutcheck.reports import EXAMPLES, NAMES, ROUTES


def _pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


@pytest.mark.parametrize("name", NAMES)
def test_the_routes_agree(pdfs: dict[str, Path], name: str) -> None:
    typst, office = (_pages(pdfs[f"{r}/{name}"]) for r in ROUTES)
    assert abs(typst - office) <= 1
    first, second = (govreport.read_report(pdfs[f"{r}/{name}"]) for r in ROUTES)
    assert first.proactive == second.proactive
    assert first.applications == second.applications
    assert first.review_litigation == second.review_litigation
    source = govreport.read_report(EXAMPLES / f"{name}.yaml") if name != "long-2024" else None
    if source is not None:
        assert first.applications == source.applications
