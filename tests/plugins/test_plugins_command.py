"""`govreport plugins` from the outside: versions, every kind of contribution, failures."""

from __future__ import annotations

import json

import pytest

from govreport.cli import common
from govreport.cli.main import main
from govreport.plugins import Engine

from .entry_points import Site, site_fixture  # noqa: F401  (the site fixture)

PLUGIN = """
    import attrs
    from govreport import hookimpl
    from govreport.plugins.contributions import Extension, InputLoader, TemplateHelper

    @attrs.frozen
    class Block:
        n: int = 0

    @hookimpl
    def govreport_register_extensions(register):
        register(Extension("block", Block, "数据块"))

    @hookimpl
    def govreport_register_loaders(register):
        register(InputLoader("lines", (".lines",), lambda path: {}))

    @hookimpl
    def govreport_register_template_helpers(register):
        register(TemplateHelper("upper", str.upper))
"""

MISSPELLED = """
    from govreport import hookimpl

    @hookimpl
    def govreport_register_output(register):
        pass
"""


@pytest.fixture
def installed(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.install("gr_cli_all", PLUGIN, "everything", "2.0.1")
    site.install("gr_cli_typo", MISSPELLED, "typo", "0.0.1")
    site.install("gr_cli_broken", "import no_such_module_here\n", "broken", "0.1")
    engine = Engine()
    monkeypatch.setattr(common, "default_engine", lambda: engine)


@pytest.mark.usefixtures("installed")
def test_plugins_lists_versions_contributions_and_failures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins"]) == 0
    out, err = capsys.readouterr()
    assert "未能加载" not in err  # listed once, in the listing itself
    assert "  everything 2.0.1 [entry point]" in out
    assert "  block (everything)" in out
    assert "  lines (everything)" in out
    assert "  filter:upper (everything)" in out
    failures = [line for line in out.splitlines() if "未能加载" in line]
    assert len(failures) == 2
    (typo,) = [line for line in failures if "插件 typo " in line]
    # The misspelled hook is named, with the one that was meant.
    assert "unknown hook 'govreport_register_output'" in typo
    assert "did you mean 'govreport_register_outputs'" in typo
    (broken,) = [line for line in failures if "插件 broken " in line]
    assert "no_such_module_here" in broken


FORMAT_WITH_OPTIONS = """
    from govreport import hookimpl
    from govreport.document import Numbering, Paragraph, Placement, Section, SectionProvider
    from govreport.outputs.base import Capability, OptionSpec

    class Fmt:
        name = "fancy"
        extension = ".fancy"
        media_type = "text/x-fancy"
        description = "花式"
        capabilities = frozenset({Capability.FRAGMENT})
        options = {
            "style": OptionSpec(
                "样式", str, "plain", description="Style.", choices=("plain", "bold")
            ),
            "size": OptionSpec("字号", int, 12),
        }

        def render(self, document, request):
            return b""

    @hookimpl
    def govreport_register_outputs(register):
        register(Fmt())

    @hookimpl
    def govreport_register_sections(register):
        register(SectionProvider(
            "annex", lambda ctx: Section("annex", "附件", (Paragraph("略"),)),
            Placement.after("other"), numbering=Numbering.NONE))
"""


@pytest.fixture
def fancy(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.install("gr_cli_fancy", FORMAT_WITH_OPTIONS, "fancy", "1.2.3")
    site.install("gr_cli_broken", "import no_such_module_here\n", "broken", "0.1")
    engine = Engine()
    monkeypatch.setattr(common, "default_engine", lambda: engine)


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["plugins", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.usefixtures("fancy")
def test_plugins_json_lists_formats_with_their_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys)
    assert data["schema"] == 1
    fancy = next(p for p in data["plugins"] if p["name"] == "fancy")
    assert fancy == {
        "name": "fancy",
        "version": "1.2.3",
        "source": "entry point",
        "hooks": ["govreport_register_outputs", "govreport_register_sections"],
    }
    formats = {f["name"]: f for f in data["formats"]}
    assert [f["name"] for f in data["formats"]] == sorted(formats)
    assert {"txt", "html", "docx", "docx-pdf", "pdf", "fancy"} <= set(formats)
    assert formats["fancy"] == {
        "name": "fancy",
        "extension": ".fancy",
        "media_type": "text/x-fancy",
        "description": "花式",
        "capabilities": ["fragment"],
        "plugin": "fancy",
        "options": [
            {
                "name": "style",
                "type": "str",
                "default": "plain",
                "help": "样式",
                "description": "Style.",
                "choices": ["plain", "bold"],
                "minimum": None,
                "maximum": None,
            },
            {
                "name": "size",
                "type": "int",
                "default": 12,
                "help": "字号",
                "description": "",
                "choices": [],
                "minimum": None,
                "maximum": None,
            },
        ],
    }
    width = next(o for o in formats["txt"]["options"] if o["name"] == "width")
    assert (width["type"], width["minimum"]) == ("int", 20)
    assert width["description"]
    sections = [s["name"] for s in data["sections"]]
    assert sections[-1] == "annex" and sections[0] == "overview"
    assert data["sections"][-1] == {
        "name": "annex",
        "placement": "after",
        "target": "other",
        "numbering": "none",
        "plugin": "fancy",
    }
    assert data["sections"][0]["numbering"] == "auto"
    assert any(r["code"] == "R1" for r in data["rules"])
    (failure,) = data["failures"]
    assert failure["name"] == "broken" and "no_such_module_here" in failure["reason"]


@pytest.mark.usefixtures("installed")
def test_plugins_json_lists_extensions_loaders_and_helpers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys)
    assert [e for e in data["extensions"] if e["plugin"] != "govreport.importing.plugin"] == [
        {
            "name": "block",
            "title": "数据块",
            "data_class": "gr_cli_all.Block",
            "plugin": "everything",
        }
    ]
    assert {"name": "lines", "suffixes": [".lines"], "plugin": "everything"} in data["loaders"]
    assert data["template_helpers"] == [{"name": "upper", "kind": "filter", "plugin": "everything"}]
    assert [f["name"] for f in data["failures"]] == ["broken", "typo"]


@pytest.mark.usefixtures("fancy")
def test_plugins_json_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["plugins", "--format", "json"]) == 0
    assert capsys.readouterr().out == first


@pytest.mark.usefixtures("fancy")
def test_plugins_text_lists_each_format_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "      style=plain (str) {plain|bold} 样式" in out
    assert "      size=12 (int) 字号" in out
    assert "      ascii=false (bool) 表格边框用" in out
    assert "      line_pitch (float) 行距" in out  # no default: the template decides
