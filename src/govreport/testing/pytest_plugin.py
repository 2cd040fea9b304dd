"""pytest fixtures for govreport plugin authors, loaded automatically (entry point ``pytest11``).

Installing govreport makes these fixtures available in any test suite::

    def test_my_section(govreport_engine, sample_report, render_text):
        engine = govreport_engine(my_plugin)
        assert "我的小节" in render_text(sample_report, engine=engine)

Imports are deferred to the fixtures so that loading this plugin costs a
test run nothing when it does not use them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from govreport.model import AnnualReport
    from govreport.plugins.engine import Engine
    from govreport.testing.docx import DocxXml


@pytest.fixture
def govreport_engine(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Engine]:
    """A factory: ``govreport_engine(plugin, ...)`` → an Engine with built-ins and those plugins.

    Entry-point autoloading is off (the environment switch is set for the
    test too), so installed plugins never leak into a test; pass
    ``autoload=True`` to test your installed entry point itself.
    """
    from govreport.plugins.engine import DISABLE_AUTOLOAD_ENV
    from govreport.testing.engine import make_engine

    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")

    def factory(*plugins: object, autoload: bool = False) -> Engine:
        if autoload:
            monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
        return make_engine(plugins, autoload=autoload)

    return factory


@pytest.fixture
def sample_report() -> AnnualReport:
    """A report that passes every built-in rule: :func:`govreport.testing.sample_report`."""
    from govreport.testing.factory import sample_report as make

    return make()


@pytest.fixture
def render_text() -> Callable[..., str]:
    """:func:`govreport.testing.render_text`: a report (and plugins or engine) → its text."""
    from govreport.testing.engine import render_text as render

    return render


@pytest.fixture
def docx_xml() -> Callable[[bytes], DocxXml]:
    """:class:`govreport.testing.DocxXml`: .docx bytes → parsed ``word/document.xml``."""
    from govreport.testing.docx import DocxXml

    return DocxXml


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "govreport_hook(name): the test exercises the govreport hook NAME "
        "(govreport's own suite checks every hook has one)",
    )
