"""make_engine and render_text are hermetic: installed plugins do not leak in."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import attrs
import pytest

from govreport import ValidationRefusedError
from govreport.document import Paragraph, Placement, Section, SectionProvider
from govreport.plugins import DISABLE_AUTOLOAD_ENV, hookimpl
from govreport.testing import make_engine, render_bytes, render_text, sample_report


class Note:
    @hookimpl
    def govreport_register_sections(self, register) -> None:
        register(
            SectionProvider(
                "note",
                lambda ctx: Section("note", "附注", (Paragraph("数据截至年底。"),)),
                Placement.extend("other"),
            )
        )


def test_render_text_with_plugins_and_width() -> None:
    text = render_text(sample_report(), [Note()], width=40)
    assert "数据截至年底。" in text
    # The width option reaches the format: prose wraps sooner (tables keep their minimum).
    assert len(text.splitlines()) > len(render_text(sample_report(), [Note()]).splitlines())
    assert "数据截至年底。" not in render_text(sample_report())


def test_render_bytes_any_format() -> None:
    assert render_bytes(sample_report(), "docx").startswith(b"PK")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gr_leak.py").write_text(
        textwrap.dedent(
            """
            from govreport import hookimpl
            @hookimpl
            def govreport_register_rules(register):
                from govreport.rules.base import Rule
                register(Rule("LEAK", "leak", lambda ctx: ()))
            """
        ),
        encoding="utf-8",
    )
    dist = tmp_path / "gr_leak-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gr-leak\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[govreport]\nleak = gr_leak\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    yield
    sys.modules.pop("gr_leak", None)


@pytest.mark.usefixtures("installed")
def test_make_engine_ignores_installed_plugins_unless_asked() -> None:
    assert "LEAK" not in make_engine().rules
    assert "LEAK" in make_engine(autoload=True).rules


def test_render_helpers_refuse_errors_like_the_engine_unless_allowed() -> None:
    # A stated 总计 that does not add up: rule R1, an error.
    report = attrs.evolve(sample_report(), stated_totals={"applications.received.total": 999})
    with pytest.raises(ValidationRefusedError, match="999"):
        render_text(report)
    assert report.agency.name in render_text(report, allow_errors=True)
