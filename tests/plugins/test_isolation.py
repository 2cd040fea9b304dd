"""Issue 8, defects 1, 2, 4, 6 and 7: right answers by default, plugins called in pluggy's order
and isolated from each other.  Each test failed on the main before the fix."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import attrs
import pytest

import govreport
from govreport import (
    Capability,
    Engine,
    PluginError,
    PluginLoadError,
    ValidationRefusedError,
    hookimpl,
)
from govreport.cli import common
from govreport.cli.main import main
from govreport.document import Placement, Section, SectionProvider
from govreport.testing import sample_report

from .entry_points import Site, site_fixture  # noqa: F401  (the site fixture)

EXAMPLE = Path(__file__).parents[2] / "examples" / "shuangpu-2024.yaml"


@pytest.fixture
def wrong_total(tmp_path: Path) -> Path:
    """The bundled example with one stated 总计 that does not add up."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "received: [23, 0, 0, 0, 0, 0]" in text
    path = tmp_path / "wrong.yaml"
    path.write_text(
        text.replace("received: [23, 0, 0, 0, 0, 0]", "received: [23, 0, 0, 0, 0, 0, 24]")
    )
    return path


# -- 1. the README's library example checks what the CLI checks ------------------------------


def test_library_validate_checks_stated_totals_like_the_cli(
    wrong_total: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = govreport.read_report(wrong_total)
    assert report.stated_totals == {"applications.received.total": 24}
    codes = [f.code for f in Engine(autoload=False).validate(report)]
    assert "R1" in codes
    assert main(["validate", str(wrong_total)]) == 1
    assert "R1" in capsys.readouterr().out


def test_stated_totals_survive_conversion(wrong_total: Path, tmp_path: Path) -> None:
    report = govreport.read_report(wrong_total)
    for suffix in (".json", ".toml", ".yaml"):
        again = govreport.read_report(govreport.save_report(report, tmp_path / f"r{suffix}"))
        assert again.stated_totals == report.stated_totals
        assert again == report


def test_old_io_read_report_warns_and_gives_the_same_answer(wrong_total: Path) -> None:
    from govreport.io import read_report

    with pytest.deprecated_call(match=r"govreport\.read_report"):
        report = read_report(wrong_total)
    assert report == govreport.read_report(wrong_total)


# -- 7. Engine.render refuses a report with errors, explicitly ------------------------------


def test_render_refuses_errors_unless_allowed(wrong_total: Path) -> None:
    engine = Engine(autoload=False)
    report = govreport.read_report(wrong_total)
    with pytest.raises(ValidationRefusedError, match=r"R1|总计") as caught:
        engine.render(report, "txt")
    assert [f.code for f in caught.value.errors] == ["R1"]
    assert caught.value.findings[0].path == "applications.received.total"
    assert isinstance(caught.value, govreport.GovreportError)
    assert "双浦镇" in engine.render(report, "txt", allow_errors=True).decode()


# -- 2. read_report knows installed plugins' data blocks ------------------------------------


BLOCK = """
    import attrs
    from govreport import Extension, hookimpl

    @attrs.frozen
    class Honours:
        count: int = 0

    @hookimpl
    def govreport_register_extensions(register):
        register(Extension("honours", Honours, "荣誉"))
"""


def test_read_report_reads_an_installed_plugins_block(site: Site, tmp_path: Path) -> None:
    site.install("gr_iso_block", BLOCK, "honours")
    path = tmp_path / "with-block.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "extensions:\n  honours: {count: 3}\n")
    report = govreport.read_report(path)
    assert attrs.asdict(report.extensions["honours"]) == {"count": 3}  # type: ignore[arg-type]


# -- 4. pluggy's order; wrappers refused; one bad plugin is one line ------------------------


def test_hooks_run_in_pluggys_order() -> None:
    calls: list[str] = []

    def plugin(name: str, **marks: bool) -> object:
        class P:
            @hookimpl(**marks)
            def govreport_register_rules(self, register: object) -> None:
                calls.append(name)

        return P()

    Engine(
        [plugin("first", tryfirst=True), plugin("a"), plugin("b"), plugin("last", trylast=True)],
        autoload=False,
    )
    ours = [c for c in calls if c in ("first", "a", "b", "last")]
    # As pluggy calls any hook: tryfirst, then last registered first, then trylast.
    assert ours == ["first", "b", "a", "last"]


def test_override_wins_whatever_the_call_order() -> None:
    class Shout:
        name, extension, media_type, description = "txt", ".txt", "text/plain", "大写"
        capabilities = frozenset({Capability.BINARY})
        options: ClassVar[dict[str, object]] = {}

        def render(self, document: object, request: object) -> bytes:
            return b"SHOUT"

    class Early:  # called before the built-in txt because it says tryfirst
        @hookimpl(tryfirst=True)
        def govreport_register_outputs(self, register) -> None:  # type: ignore[no-untyped-def]
            register(Shout(), override=True)

    engine = Engine([Early()], autoload=False)
    assert engine.outputs.owner("txt") != "govreport.outputs.text"
    assert list(engine.outputs)[:5] == [
        "txt",
        "html",
        "docx",
        "docx-pdf",
        "pdf",
    ]  # listing stays put
    assert engine.render(sample_report(), "txt") == b"SHOUT"


def test_wrapper_is_refused_with_its_name() -> None:
    class Wraps:
        @hookimpl(wrapper=True)
        def govreport_register_rules(self, register):  # type: ignore[no-untyped-def]
            return (yield)

    with pytest.raises(PluginLoadError, match=r"wrapper.*tryfirst"):
        Engine([Wraps()], autoload=False)


RAISES = """
    from govreport import hookimpl

    @hookimpl
    def govreport_register_rules(register):
        raise RuntimeError("my bug")
"""

TAKES_TXT = """
    from govreport import hookimpl

    class Txt:
        name, extension, media_type, description = "txt", ".txt", "text/plain", "mine"
        capabilities = frozenset()
        options = {}
        def render(self, document, request):
            return b"mine"

    @hookimpl
    def govreport_register_outputs(register):
        register(Txt())
"""

GOOD = """
    from govreport import Paragraph, Placement, Section, SectionProvider, hookimpl

    @hookimpl
    def govreport_register_sections(register):
        register(SectionProvider(
            "still_here",
            lambda ctx: Section("still_here", "仍然可用", (Paragraph("x"),)),
            Placement.at_end(),
        ))
"""


def test_broken_plugins_are_one_line_each_and_the_rest_works(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.install("gr_iso_raises", RAISES, "raises")
    site.install("gr_iso_takes", TAKES_TXT, "takes_txt")
    site.install("gr_iso_good", GOOD, "good")
    engine = Engine()
    lines = sorted(f.line() for f in engine.failures)
    assert len(lines) == 2
    assert "raises" in lines[0] and "my bug" in lines[0]
    assert "takes_txt" in lines[1] and "'txt'" in lines[1] and "override=True" in lines[1]
    assert engine.outputs.owner("txt") == "govreport.outputs.text"
    assert "still_here" in engine.sections
    # Nothing half-registered: the failed plugins are gone, hooks and all.
    assert {"raises", "takes_txt"}.isdisjoint(i.name for i in engine.plugin_infos())

    assert main(["plugins"]) == 0
    out = capsys.readouterr()
    assert "raises" in out.out and "good" in out.out
    out_dir = tmp_path / "out"
    assert main(["render", str(EXAMPLE), "-f", "txt", "-o", str(out_dir)]) == 0
    err = capsys.readouterr().err
    assert err.count("my bug") == 1 and "Traceback" not in err
    assert "仍然可用" in (out_dir / "shuangpu-2024.txt").read_text(encoding="utf-8")


# -- 6. plugin errors at render time name the plugin, the hook and the target ---------------


class BadSection:
    @hookimpl
    def govreport_register_sections(self, register) -> None:  # type: ignore[no-untyped-def]
        def build(ctx: object) -> Section:
            raise ZeroDivisionError("division by zero in the province's section")

        register(SectionProvider("province", build, Placement.at_end()))


class StrFormat:
    name, extension, media_type, description = "strfmt", ".s", "text/plain", "returns str"
    capabilities = frozenset()
    options: ClassVar[dict[str, object]] = {}

    def render(self, document: object, request: object) -> str:
        return "not bytes"


class StrFormatPlugin:
    @hookimpl
    def govreport_register_outputs(self, register) -> None:  # type: ignore[no-untyped-def]
        register(StrFormat())


def test_section_provider_that_raises_is_named() -> None:
    engine = Engine([BadSection()], autoload=False)
    with pytest.raises(PluginError) as caught:
        engine.render(sample_report(), "txt")
    err = caught.value
    assert (err.hook, err.target) == ("build", "province")
    assert "BadSection" in err.plugin and "ZeroDivisionError" in str(err)
    assert isinstance(err.__cause__, ZeroDivisionError)


def test_format_returning_str_is_named() -> None:
    engine = Engine([StrFormatPlugin()], autoload=False)
    with pytest.raises(PluginError, match="bytes") as caught:
        engine.render(sample_report(), "strfmt")
    assert (caught.value.hook, caught.value.target) == ("render", "strfmt")


def test_cli_plugin_error_is_one_line_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(common, "default_engine", lambda: Engine([BadSection()], autoload=False))
    args = ["render", str(EXAMPLE), "-f", "txt", "-o", str(tmp_path)]
    assert main(args) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "province" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())  # nothing half-written
    assert main(["--debug", *args]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_a_rule_that_raises_is_a_finding_not_a_crash() -> None:
    class BadRule:
        @hookimpl
        def govreport_register_rules(self, register) -> None:  # type: ignore[no-untyped-def]
            def check(ctx: object) -> list[object]:
                raise KeyError("oops")

            register(govreport.Rule("X9", "坏规则", check))

    findings = Engine([BadRule()], autoload=False).validate(sample_report())
    (crash,) = [f for f in findings if f.code == "PLUGIN"]
    assert crash.severity is govreport.Severity.ERROR and "X9" in crash.message
