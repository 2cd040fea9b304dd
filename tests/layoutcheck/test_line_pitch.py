"""A line pitch of 29 pt through either PDF route: the check finds 21 lines on every full page."""

from __future__ import annotations

from pathlib import Path

import pytest

import govreport
from govreport.layoutcheck import check_layout
from govreport.outputs.pdf import find_soffice
from tests.layoutcheck.reports import ROUTES


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
