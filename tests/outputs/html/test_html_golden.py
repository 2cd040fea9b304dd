"""Golden files: the HTML of the example reports, checked in after a look in a browser.

Regenerate after a deliberate change with ``GOVREPORT_UPDATE_GOLDEN=1 pytest
tests/outputs/html/test_html_golden.py``, then look at the pages again (the
browser test saves screenshots under test-artifacts/html/) before committing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govreport
from govreport.fileio import atomic_write
from govreport.model import AnnualReport
from govreport.testing import sample_report

from .support import EXAMPLES, previous_report, render

GOLDEN = Path(__file__).parent / "golden"


def _example(name: str) -> Callable[[], AnnualReport]:
    def load() -> AnnualReport:
        path = EXAMPLES / f"{name}.yaml"
        if not path.exists():
            pytest.skip(f"example {path.name} is not in this checkout")
        report: AnnualReport = govreport.read_report(path)
        return report

    return load


Factory = Callable[[], AnnualReport]

#: name → (report, previous, options)
CASES: dict[str, tuple[Factory, Factory | None, dict[str, Any]]] = {
    "sample-page": (sample_report, None, {}),
    "sample-fragment-charts": (sample_report, previous_report, {"fragment": True, "charts": True}),
    "shuangpu-2024-page-charts": (_example("shuangpu-2024"), None, {"charts": True}),
    "pingtan-2024-fragment": (_example("pingtan-2024"), None, {"fragment": True}),
}


def case_html(name: str) -> str:
    report, previous, options = CASES[name]
    return render(report(), previous() if previous else None, **options)


@pytest.mark.parametrize("name", CASES)
def test_matches_golden(name: str) -> None:
    html = case_html(name)
    path = GOLDEN / f"{name}.html"
    if os.environ.get("GOVREPORT_UPDATE_GOLDEN"):
        atomic_write(path, html.encode("utf-8"))
    assert path.exists(), f"no golden file {path.name}; run with GOVREPORT_UPDATE_GOLDEN=1"
    assert html == path.read_text("utf-8")
