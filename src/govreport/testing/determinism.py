"""``assert_deterministic``: same input, same bytes, whatever was rendered before.

A format that embeds the time, iterates a set, or caches by the wrong key
produces a file that changes from run to run: an office cannot tell what
changed between two drafts, and reproducible builds break.  The helper
renders one report several ways that must all give the same file and, when
they do not, says where the bytes first differ (for a zip package such as
.docx: which member, and where in it).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from typing import Any

from govreport.model import AnnualReport
from govreport.plugins.engine import Engine
from govreport.testing.factory import zero_report

__all__ = ["assert_deterministic", "first_difference"]

_CONTEXT = 16  # bytes shown either side of the first difference


def _snippet(data: bytes, at: int) -> str:
    return repr(data[max(0, at - _CONTEXT) : at + _CONTEXT])


def _bytes_difference(a: bytes, b: bytes) -> str:
    pairs = enumerate(zip(a, b, strict=False))
    at = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    return (
        f"first difference at byte offset {at} (lengths {len(a)} and {len(b)}): "
        f"{_snippet(a, at)} != {_snippet(b, at)}"
    )


def _is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and zipfile.is_zipfile(io.BytesIO(data))


def _zip_difference(a: bytes, b: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        names_a, names_b = za.namelist(), zb.namelist()
        if names_a != names_b:
            return f"zip members differ: {names_a} != {names_b}"
        for name in names_a:
            member_a, member_b = za.read(name), zb.read(name)
            if member_a != member_b:
                return f"zip member {name!r}: {_bytes_difference(member_a, member_b)}"
        for info_a, info_b in zip(za.infolist(), zb.infolist(), strict=True):
            for field in ("date_time", "compress_type", "external_attr", "create_system"):
                if getattr(info_a, field) != getattr(info_b, field):
                    return (
                        f"zip member {info_a.filename!r} has the same content but a different "
                        f"{field}: {getattr(info_a, field)!r} != {getattr(info_b, field)!r}"
                    )
    return "zip members are identical; " + _bytes_difference(a, b)


def first_difference(a: bytes, b: bytes) -> str | None:
    """Where ``b`` first differs from ``a``, in words; ``None`` if they are identical."""
    if a == b:
        return None
    if _is_zip(a) and _is_zip(b):
        return _zip_difference(a, b)
    return _bytes_difference(a, b)


def _fresh_engine(engine: Engine) -> Engine:
    """A new engine with the same plugins (built-ins too): engine-level caches start empty."""
    fresh = Engine(builtins=False, autoload=False)
    for name, plugin in engine.pm.list_name_plugin():
        fresh.add_plugin(plugin, name)
    return fresh


def assert_deterministic(
    engine: Engine,
    fmt: str,
    report: AnnualReport,
    *,
    options: Mapping[str, Any] | None = None,
    previous: AnnualReport | None = None,
    other: AnnualReport | None = None,
) -> bytes:
    """Render ``report`` in ``fmt`` several ways and assert the bytes are identical.

    The renderings compared with the first one:

    1. the same call again;
    2. ``options`` given in the reverse order (the engine normalises the order
       today; this keeps it so);
    3. after rendering ``other`` (default: :func:`zero_report` of the same year)
       with the default options, which catches a cache keyed on too little.
       ``other`` must not give the very same file as ``report``: a format whose
       cache ignores the report shows up there.  Pass ``other=report`` to skip
       that check for a format that does not depend on the report;
    4. a fresh engine with the same plugin objects (engine-level caches empty).

    Process-wide state (module caches, the clock) is shared by all four, so a
    timestamp is only caught when the renderings straddle a clock tick.
    Returns the bytes, for further assertions.  Raises ``AssertionError``
    naming the rendering that differed and the first difference.
    """
    given = dict(options or {})

    def render(eng: Engine, opts: Mapping[str, Any], what: AnnualReport = report) -> bytes:
        return eng.render(what, fmt, options=opts, previous=previous)

    first = render(engine, given)
    reversed_options = dict(reversed(list(given.items())))

    def after_other() -> bytes:
        between = other if other is not None else zero_report(year=report.year)
        if render(engine, {}, between) == first and between != report:
            raise AssertionError(
                f"format {fmt!r} gives the same file for two different reports "
                f"({report.agency.name} and {between.agency.name}): "
                "a cache keyed on too little, or a format that ignores the report?"
            )
        return render(engine, given)

    attempts: list[tuple[str, Callable[[], bytes]]] = [
        ("rendered again", lambda: render(engine, given)),
        ("options in reverse order", lambda: render(engine, reversed_options)),
        ("after rendering another report", after_other),
        ("in a fresh engine", lambda: render(_fresh_engine(engine), given)),
    ]
    for what, attempt in attempts:
        difference = first_difference(first, attempt())
        if difference is not None:
            raise AssertionError(
                f"format {fmt!r} is not deterministic: the file {what} differs from the "
                f"first rendering; {difference}"
            )
    return first
