from __future__ import annotations

from typing import ClassVar

import pytest

from govreport import Capability, Engine, hookimpl
from govreport.document import Paragraph, Placement, Section, SectionProvider
from govreport.errors import UnknownFormatError
from govreport.plugins import DISABLE_AUTOLOAD_ENV, DuplicateNameError, PluginLoadError
from govreport.testing import sample_report

from .entry_points import Site, site_fixture  # noqa: F401  (the site fixture)


class Shout:
    """A whole output format in a few lines: the section headings, upper-cased."""

    name = "shout"
    extension = ".shout"
    media_type = "text/plain"
    description = "headings only"
    capabilities = frozenset({Capability.BINARY})
    options: ClassVar[dict[str, object]] = {}

    def render(self, document, request) -> bytes:
        return "\n".join(s.heading for s in document.sections).encode()


class FormatPlugin:
    @hookimpl
    def govreport_register_outputs(self, register) -> None:
        register(Shout())


class SectionPlugin:
    @hookimpl
    def govreport_register_sections(self, register) -> None:
        register(
            SectionProvider(
                "suggestions",
                lambda ctx: Section("suggestions", "建议提案办理情况", (Paragraph("办理完毕。"),)),
                Placement.after("problems"),
            )
        )


def test_plugin_adds_a_section_after_five_and_a_format() -> None:
    engine = Engine([FormatPlugin(), SectionPlugin()], autoload=False)
    out = engine.render(sample_report(), "shout").decode()
    assert out.splitlines()[4:] == [
        "五、存在的主要问题及改进情况",
        "六、建议提案办理情况",
        "七、其他需要报告的事项",
    ]


def test_duplicate_format_needs_override() -> None:
    class Again(FormatPlugin):
        pass

    with pytest.raises(DuplicateNameError, match=r"output format 'shout'.*override=True"):
        Engine([FormatPlugin(), Again()], autoload=False)

    class Override:
        @hookimpl
        def govreport_register_outputs(self, register) -> None:
            fmt = Shout()
            fmt.description = "replaced"
            register(fmt, override=True)

    engine = Engine([FormatPlugin(), Override()], autoload=False)
    assert engine.outputs["shout"].description == "replaced"


def test_builtins_are_plugins_too() -> None:
    engine = Engine(autoload=False)
    names = [i.name for i in engine.plugin_infos()]
    assert names[:3] == [
        "govreport.document.plugin",
        "govreport.rules.plugin",
        "govreport.outputs.text",
    ]
    assert engine.sections.owner("overview") == "govreport.document.plugin"


def test_misspelled_hook_is_refused_with_its_name() -> None:
    class Typo:
        @hookimpl
        def govreport_register_output(self, register) -> None:  # missing s
            raise AssertionError("never called")

    with pytest.raises(PluginLoadError, match="govreport_register_output"):
        Engine([Typo()], autoload=False)


def test_unknown_format_lists_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match=r"nope.*txt、html、docx、docx-pdf、pdf") as caught:
        Engine(autoload=False).render(sample_report(), "nope")
    assert isinstance(caught.value, KeyError)  # what callers caught before 1.0
    assert caught.value.known[:5] == ("txt", "html", "docx", "docx-pdf", "pdf")


GOOD = """
    from govreport import hookimpl
    from govreport.document import Paragraph, Placement, Section, SectionProvider

    @hookimpl
    def govreport_register_sections(register):
        register(SectionProvider(
            "ep_extra",
            lambda ctx: Section("ep_extra", "入口点章节", (Paragraph("x"),)),
            Placement.after("problems"),
        ))
"""


def test_entry_point_plugin_is_loaded_with_its_version(site: Site) -> None:
    site.install("gr_ep_good", GOOD, "good")
    engine = Engine()
    info = {i.name: i for i in engine.plugin_infos()}["good"]
    assert (info.version, info.source) == ("1.2.3", "entry point")
    assert "ep_extra" in engine.document(sample_report()).section_keys


def test_broken_entry_point_is_one_line_and_the_rest_works(site: Site) -> None:
    site.install("gr_ep_good", GOOD, "good")
    site.install("gr_ep_broken", "raise ImportError('no such thing')\n", "broken")
    engine = Engine()
    assert [f.name for f in engine.failures] == ["broken"]
    assert "no such thing" in engine.failures[0].line()
    assert "ep_extra" in engine.sections


def test_environment_switch_disables_autoload(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.install("gr_ep_good", GOOD, "good")
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    assert "ep_extra" not in Engine().sections
    assert "ep_extra" in Engine(autoload=True).sections


def test_engines_are_independent() -> None:
    a = Engine([FormatPlugin()], autoload=False)
    b = Engine(autoload=False)
    assert "shout" in a.outputs and "shout" not in b.outputs
