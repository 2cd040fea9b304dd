"""The pytest plugin works in a foreign test suite, found through its pytest11 entry point."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from ..pytest_subprocess import run_pytest

SUITE = """
from govreport.document import Paragraph, Placement, Section, SectionProvider
from govreport.plugins import hookimpl


class Note:
    @hookimpl
    def govreport_register_sections(self, register):
        register(SectionProvider(
            "note", lambda ctx: Section("note", "附注", (Paragraph("数据截至年底。"),)),
            Placement.extend("other")))


def test_fixtures(govreport_engine, sample_report, render_text, docx_xml):
    import os
    engine = govreport_engine(Note())
    assert os.environ["GOVREPORT_DISABLE_PLUGIN_AUTOLOAD"] == "1"
    assert "数据截至年底。" in render_text(sample_report, engine=engine)
    assert "数据截至年底。" in docx_xml(engine.render(sample_report, "docx")).paragraph_texts()
"""


def test_fixtures_in_a_plugin_authors_suite(tmp_path: Path) -> None:
    eps = metadata.entry_points(group="pytest11")
    if not any(ep.value == "govreport.testing.pytest_plugin" for ep in eps):
        pytest.skip("this govreport install predates its pytest11 entry point: pip install -e .")
    (tmp_path / "test_mine.py").write_text(SUITE, encoding="utf-8")
    # No conftest, no -p: the entry point alone brings the fixtures.
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
