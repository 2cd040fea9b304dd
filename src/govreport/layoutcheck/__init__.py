"""Measure a finished PDF of a report against GB/T 9704: ``check_layout(path)``.

A service over a file, as the audit is: it reads the PDF (characters with
their positions and fonts, ruling lines, through pdfplumber in a bounded
child process), never the report's data, so it checks any PDF, whichever
path made it.
"""

from __future__ import annotations

from pathlib import Path

from govreport.findings import Severity
from govreport.layoutcheck.measure import measure
from govreport.layoutcheck.reading import LayoutUnreadableError, read_pages
from govreport.layoutcheck.report import LayoutFinding, LayoutReport, PageLayout
from govreport.layoutcheck.rules import check


def check_layout(path: str | Path) -> LayoutReport:
    """Measure the PDF at ``path`` page by page; :class:`LayoutUnreadableError` if unreadable."""
    path = Path(path)
    measured = [measure(page) for page in read_pages(path)]
    pages, findings = check(measured)
    return LayoutReport(path, tuple(pages), tuple(findings))


__all__ = [
    "LayoutFinding",
    "LayoutReport",
    "LayoutUnreadableError",
    "PageLayout",
    "Severity",
    "check_layout",
]
