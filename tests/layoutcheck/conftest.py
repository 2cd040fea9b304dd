"""Every bundled example and a long report, rendered once through both PDF routes."""

from __future__ import annotations

from pathlib import Path

import pytest

import govreport
from govreport.outputs.pdf import PdfConverter, find_soffice
from tests.layoutcheck.reports import EXAMPLES, long_report


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    found = {p.stem: p for p in EXAMPLES.glob("*.yaml")}
    found["long-2024"] = long_report(folder)
    return found


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory, sources: dict[str, Path]) -> dict[str, Path]:
    """Each report through each route, rendered once: ``{"pdf/name": path}``."""
    pytest.importorskip("typst", reason="the typst package is not installed")
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("pdfs")
    engine = govreport.Engine()
    reports = {name: govreport.read_report(source) for name, source in sources.items()}
    made = {}
    for name, report in reports.items():
        made[f"pdf/{name}"] = folder / f"{name}.pdf.pdf"
        made[f"pdf/{name}"].write_bytes(engine.render(report, "pdf"))
    # The docx-pdf route, with one LibreOffice for all (what docx-pdf does one by one).
    with PdfConverter() as converter:
        converted = converter.convert_many([engine.render(r, "docx") for r in reports.values()])
    for name, data in zip(reports, converted, strict=True):
        made[f"docx-pdf/{name}"] = folder / f"{name}.docx-pdf.pdf"
        made[f"docx-pdf/{name}"].write_bytes(data)
    return made
