"""assert_deterministic passes the built-in formats and catches the usual ways a format is not."""

from __future__ import annotations

import io
import itertools
import zipfile
from typing import Any, ClassVar

import pytest

from govreport import hookimpl
from govreport.document.blocks import Document
from govreport.outputs.base import Capability, OptionSpec, RenderRequest
from govreport.testing import (
    assert_deterministic,
    first_difference,
    make_engine,
    sample_report,
    zero_report,
)


class _Base:
    extension = ".x"
    media_type = "text/plain"
    description = "test"
    capabilities: ClassVar[frozenset[Capability]] = frozenset()
    options: ClassVar[dict[str, OptionSpec]] = {}

    @hookimpl
    def govreport_register_outputs(self, register: Any) -> None:
        register(self)


class Counter(_Base):
    """A serial number in the file: differs on the second rendering."""

    name = "counter"

    def __init__(self) -> None:
        self.count = itertools.count()

    def render(self, document: Document, request: RenderRequest) -> bytes:
        return f"report #{next(self.count)}".encode()


class OptionOrder(_Base):
    """Writes options in the order given."""

    name = "optorder"
    options: ClassVar[dict[str, OptionSpec]] = {
        "a": OptionSpec("甲", str, "1"),
        "b": OptionSpec("乙", str, "2"),
    }

    def render(self, document: Document, request: RenderRequest) -> bytes:
        return ",".join(f"{k}={v}" for k, v in request.options.items()).encode()


class YearCache(_Base):
    """Caches by year only, so another report of that year poisons the cache."""

    name = "yearcache"

    def __init__(self) -> None:
        self.cache: dict[int, bytes] = {}

    def render(self, document: Document, request: RenderRequest) -> bytes:
        year = request.report.year
        if year not in self.cache:
            self.cache[year] = document.author.encode()
        return self.cache[year]


class EngineCache:
    """A plugin whose template global is computed once per engine, then reused."""

    calls = 0

    @hookimpl
    def govreport_register_template_helpers(self, register: Any) -> None:
        from govreport.plugins.contributions import HelperKind, TemplateHelper

        EngineCache.calls += 1
        register(TemplateHelper("stamp", EngineCache.calls, HelperKind.GLOBAL))


class Stamped(_Base):
    name = "stamped"

    def render(self, document: Document, request: RenderRequest) -> bytes:
        return f"{document.author} {request.template_globals['stamp']}".encode()


class ZipCounter(Counter):
    """A zip package whose second member carries a serial number."""

    name = "zipcounter"

    def render(self, document: Document, request: RenderRequest) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr(zipfile.ZipInfo("a.xml", (2024, 1, 1, 0, 0, 0)), b"<same/>")
            body = f"<doc n='{next(self.count)}'/>".encode()
            package.writestr(zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0)), body)
        return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("txt", {"width": 80, "ascii": True}),
        ("html", {"fragment": True, "charts": True}),
        ("docx", {"line_pitch": 28, "bold_level3": True}),
    ],
)
def test_builtin_formats_are_deterministic(fmt: str, options: dict[str, Any]) -> None:
    data = assert_deterministic(make_engine(), fmt, sample_report(), options=options)
    assert data


@pytest.mark.parametrize(
    ("plugins", "fmt", "options", "what"),
    [
        ([Counter()], "counter", None, "rendered again"),
        ([YearCache()], "yearcache", None, "gives the same file for two different reports"),
        ([EngineCache(), Stamped()], "stamped", None, "in a fresh engine"),
    ],
)
def test_catches_a_nondeterministic_format(
    plugins: list[object], fmt: str, options: dict[str, str] | None, what: str
) -> None:
    engine = make_engine(plugins)
    with pytest.raises(AssertionError, match=f"format '{fmt}' ") as info:
        assert_deterministic(engine, fmt, sample_report(), options=options)
    assert what in str(info.value)


def test_the_engine_normalises_option_order() -> None:
    engine = make_engine([OptionOrder()])
    data = assert_deterministic(engine, "optorder", sample_report(), options={"b": "y", "a": "x"})
    assert data == b"a=x,b=y"


def test_names_the_rendering_and_the_first_differing_byte() -> None:
    with pytest.raises(AssertionError) as info:
        assert_deterministic(make_engine([Counter()]), "counter", sample_report())
    assert str(info.value) == (
        "format 'counter' is not deterministic: the file rendered again differs from the "
        "first rendering; first difference at byte offset 8 (lengths 9 and 9): "
        "b'report #0' != b'report #1'"
    )


def test_names_the_first_differing_zip_member_and_offset() -> None:
    engine = make_engine([ZipCounter()])
    with pytest.raises(AssertionError) as info:
        assert_deterministic(engine, "zipcounter", sample_report())
    message = str(info.value)
    assert "zip member 'word/document.xml'" in message
    assert "first difference at byte offset 8" in message  # <doc n='0'/> vs <doc n='1'/>


def test_first_difference() -> None:
    assert first_difference(b"abc", b"abc") is None
    assert "byte offset 2 (lengths 3 and 3)" in str(first_difference(b"abc", b"abd"))
    assert "byte offset 3 (lengths 3 and 4)" in str(first_difference(b"abc", b"abcd"))


def test_zip_metadata_difference_is_named() -> None:
    def package(stamp: tuple[int, int, int, int, int, int]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr(zipfile.ZipInfo("a.xml", stamp), b"<same/>")
        return buffer.getvalue()

    message = first_difference(package((2024, 1, 1, 0, 0, 0)), package((2025, 1, 1, 0, 0, 0)))
    assert message is not None and "'a.xml' has the same content but a different date_time" in (
        message
    )


def test_other_report_is_configurable() -> None:
    engine = make_engine([YearCache()])
    other = zero_report(year=2023)  # a different year: the bad cache is not hit
    assert assert_deterministic(engine, "yearcache", sample_report(), other=other)
