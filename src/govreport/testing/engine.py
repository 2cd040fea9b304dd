"""Engines and renderings for tests: hermetic by default, one call each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govreport.model import AnnualReport
from govreport.plugins.engine import Engine


def make_engine(plugins: Iterable[object] = (), *, autoload: bool = False) -> Engine:
    """Built-ins plus ``plugins`` (modules or objects with hook implementations).

    Entry-point plugins are not loaded unless ``autoload=True``: a test then
    sees exactly the plugins it names, whatever else is installed.
    """
    return Engine(plugins, autoload=autoload)


def render_bytes(
    report: AnnualReport,
    format_name: str,
    plugins: Iterable[object] = (),
    *,
    engine: Engine | None = None,
    options: Mapping[str, Any] | None = None,
    allow_errors: bool = False,
) -> bytes:
    """One format's file for ``report``, from ``engine`` or a fresh hermetic one.

    Like :meth:`Engine.render` it refuses a report with validation errors
    (``ValidationRefusedError``); a test of how a format draws hostile or
    broken data passes ``allow_errors=True``.
    """
    eng = engine or make_engine(plugins)
    return eng.render(report, format_name, options=options, allow_errors=allow_errors)


def render_text(
    report: AnnualReport,
    plugins: Iterable[object] = (),
    *,
    engine: Engine | None = None,
    width: int | None = None,
    allow_errors: bool = False,
) -> str:
    """The plain-text rendering (format ``txt``) as a string, for ``in`` assertions."""
    options = {"width": width} if width is not None else None
    data = render_bytes(
        report, "txt", plugins, engine=engine, options=options, allow_errors=allow_errors
    )
    return data.decode("utf-8")
