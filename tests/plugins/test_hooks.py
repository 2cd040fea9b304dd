"""One or more tests per hook, each marked with the hook it exercises.

``tests/plugins/conftest.py`` checks the marker is true; ``test_hooks_documented.py``
checks every hook has such a test.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

from govreport import Capability, Engine, Finding, Rule, Severity, hookimpl
from govreport.document import (
    Heading,
    Paragraph,
    Placement,
    PlacementError,
    Section,
    SectionProvider,
)
from govreport.io import UnreadableFileError
from govreport.outputs.base import OptionError, OptionSpec
from govreport.plugins.contributions import Extension, HelperKind, InputLoader, TemplateHelper
from govreport.testing import DocxXml, render_text, sample_report

hook = pytest.mark.govreport_hook

# ---------------------------------------------------------------- outputs


class Recorder:
    """A format that records what it was given and renders the section headings."""

    name = "rec"
    extension = ".rec"
    media_type = "text/plain"
    description = "records its request"
    capabilities = frozenset({Capability.BINARY})
    options: ClassVar[dict[str, OptionSpec]] = {"upper": OptionSpec("upper-case", bool, False)}

    def __init__(self) -> None:
        self.requests: list[object] = []

    def render(self, document, request) -> bytes:
        self.requests.append(request)
        text = "\n".join(s.heading for s in document.sections)
        return (text.upper() if request.option("upper") else text).encode()


class OutputPlugin:
    def __init__(self) -> None:
        self.fmt = Recorder()

    @hookimpl
    def govreport_register_outputs(self, register) -> None:
        register(self.fmt)


@hook("govreport_register_outputs")
def test_hook_outputs_registers_a_format_with_checked_options() -> None:
    plugin = OutputPlugin()
    engine = Engine([plugin], autoload=False)
    assert engine.outputs["rec"] is plugin.fmt
    assert engine.render(sample_report(), "rec").decode().splitlines()[0] == "一、总体情况"
    # CLI strings are converted by the declared kind; unknown options are refused.
    engine.render(sample_report(), "rec", options={"upper": "true"})
    assert plugin.fmt.requests[-1].options == {"upper": True}
    with pytest.raises(OptionError, match="nope"):
        engine.render(sample_report(), "rec", options={"nope": 1})


# ---------------------------------------------------------------- sections


def _provider(placement: Placement) -> SectionProvider:
    def build(ctx):
        return Section(
            "extra",
            "补充事项",
            (Heading("小节", level=2), Paragraph(ctx.text("{{ year }}年"))),
        )

    return SectionProvider("extra", build, placement)


class SectionPlugin:
    def __init__(self, placement: Placement) -> None:
        self.provider = _provider(placement)

    @hookimpl
    def govreport_register_sections(self, register) -> None:
        register(self.provider, override=self.provider.placement.where.value == "replace")


def _headings(placement: Placement) -> list[str]:
    doc = Engine([SectionPlugin(placement)], autoload=False).document(sample_report())
    return [s.heading for s in doc.sections]


@hook("govreport_register_sections")
@pytest.mark.parametrize(
    ("placement", "expected"),
    [
        (Placement.at_end(), ["六、其他需要报告的事项", "七、补充事项"]),
        (Placement.before("other"), ["六、补充事项", "七、其他需要报告的事项"]),
        (Placement.after("problems"), ["六、补充事项", "七、其他需要报告的事项"]),
        (Placement.before("overview"), ["六、存在的主要问题及改进情况", "七、其他需要报告的事项"]),
        (Placement.replace("other"), ["五、存在的主要问题及改进情况", "六、补充事项"]),
        (Placement.extend("other"), ["五、存在的主要问题及改进情况", "六、其他需要报告的事项"]),
    ],
)
def test_hook_sections_places_a_section(placement: Placement, expected: list[str]) -> None:
    headings = _headings(placement)
    assert headings[-2:] == expected
    if placement.target == "overview":
        assert headings[0] == "一、补充事项"


@hook("govreport_register_sections")
def test_hook_sections_extend_numbers_the_subsection_in_every_format() -> None:
    engine = Engine([SectionPlugin(Placement.extend("other"))], autoload=False)
    report = sample_report()
    other = engine.document(report).section("other")
    assert [b.text for b in other.blocks][-2:] == ["（一）小节", "2024年"]
    assert "（一）小节" in render_text(report, engine=engine)
    assert "（一）小节" in DocxXml(engine.render(report, "docx")).paragraph_texts()
    assert "（一）小节" in engine.render(report, "html").decode()


@hook("govreport_register_sections")
def test_hook_sections_bad_target_is_named() -> None:
    engine = Engine([SectionPlugin(Placement.after("nowhere"))], autoload=False)
    with pytest.raises(PlacementError, match="'extra' targets section 'nowhere'"):
        engine.document(sample_report())


# ---------------------------------------------------------------- rules


class RulePlugin:
    @hookimpl
    def govreport_register_rules(self, register) -> None:
        def few_licences(ctx):
            if ctx.report.proactive.licensing < 10_000:
                yield Finding.at(
                    "X1", Severity.INFO, "proactive.licensing", "行政许可数量低于全省均值"
                )

        register(Rule("X1", "行政许可数量", few_licences))


@hook("govreport_register_rules")
def test_hook_rules_findings_join_the_builtin_ones() -> None:
    engine = Engine([RulePlugin()], autoload=False)
    assert "RulePlugin" in engine.rules.owner("X1")
    findings = engine.validate(sample_report())
    (x1,) = [f for f in findings if f.code == "X1"]
    assert x1.location == "第二十条第（五）项/行政许可/本年处理决定数量"
    assert not Engine(autoload=False).validate(sample_report())


# ---------------------------------------------------------------- extensions


@attrs.frozen(kw_only=True)
class Inspections:
    planned: int = attrs.field(default=0, metadata={"label": "计划检查次数"})
    done: int = attrs.field(default=0, metadata={"label": "完成检查次数"})
    lead: str = attrs.field(metadata={"label": "牵头科室"})


class ExtensionPlugin:
    @hookimpl
    def govreport_register_extensions(self, register) -> None:
        register(Extension("inspections", Inspections, "政务公开检查"))

    @hookimpl
    def govreport_register_rules(self, register) -> None:
        def done_within_planned(ctx):
            block = ctx.report.extensions.get("inspections")
            if block is not None and block.done > block.planned:
                path = "extensions.inspections.done"
                yield Finding.at("INS1", Severity.ERROR, path, "完成次数多于计划")

        register(Rule("INS1", "完成检查不多于计划", done_within_planned))


def _data_file(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "report.yaml"
    path.write_text(
        "agency: {name: 某某镇人民政府, level: township}\nyear: 2024\n" + textwrap.dedent(block),
        encoding="utf-8",
    )
    return path


def _engine_with_extension() -> Engine:
    engine = Engine(autoload=False)
    engine.add_plugin(ExtensionPlugin(), name="inspections-plugin")
    return engine


@hook("govreport_register_extensions")
def test_hook_extensions_structures_the_block(tmp_path: Path) -> None:
    path = _data_file(tmp_path, "extensions:\n  inspections: {planned: 3, done: 2, lead: 办公室}\n")
    loaded = _engine_with_extension().load_report(path)
    assert loaded.problems == ()
    assert loaded.report.extensions == {
        "inspections": Inspections(planned=3, done=2, lead="办公室")
    }


@hook("govreport_register_extensions")
def test_hook_extensions_errors_name_the_plugin_and_its_labels(tmp_path: Path) -> None:
    path = _data_file(tmp_path, "extensions:\n  inspections: {planned: 三, don: 1}\n")
    problems = {p.path: p for p in _engine_with_extension().load_report(path).problems}
    head = "扩展“政务公开检查”（插件 inspections-plugin）"
    assert problems["extensions.inspections.planned"].code == "D2"
    assert problems["extensions.inspections.planned"].location == f"{head}/计划检查次数"
    assert problems["extensions.inspections.lead"].code == "D3"
    assert problems["extensions.inspections.lead"].location == f"{head}/牵头科室"
    assert "是否应为 “done”" in problems["extensions.inspections.don"].message


@hook("govreport_register_extensions")
def test_hook_extensions_rule_findings_use_the_plugin_labels(tmp_path: Path) -> None:
    path = _data_file(tmp_path, "extensions:\n  inspections: {planned: 1, done: 2, lead: 办公室}\n")
    engine = _engine_with_extension()
    (finding,) = [f for f in engine.validate(engine.load_report(path).report) if f.code == "INS1"]
    assert finding.location == "扩展“政务公开检查”（插件 inspections-plugin）/完成检查次数"


@hook("govreport_register_extensions")
def test_hook_extensions_unknown_key_names_installed_plugins(tmp_path: Path) -> None:
    path = _data_file(tmp_path, "extensions:\n  suggestions: {handled: 1}\n")
    (problem,) = _engine_with_extension().load_report(path).problems
    assert (problem.code, problem.path) == ("D1", "extensions.suggestions")
    assert "inspections（插件 inspections-plugin）" in problem.message
    # With no plugin installed, the message names the built-in extension (the
    # 2019 trial format's block) and still names the key.
    (problem,) = Engine(autoload=False).load_report(path).problems
    assert problem.code == "D1" and "未知的扩展 “suggestions”" in problem.message
    assert "trial2019（插件 govreport.importing.plugin）" in problem.message


@hook("govreport_register_extensions")
def test_hook_extensions_placeholders_read_the_block(tmp_path: Path) -> None:
    path = _data_file(
        tmp_path,
        "other: {text: '检查{{ extensions.inspections.done }}次。'}\n"
        "extensions:\n  inspections: {planned: 3, done: 2, lead: 办公室}\n",
    )
    engine = _engine_with_extension()
    assert "检查2次。" in render_text(engine.load_report(path).report, engine=engine)


def test_extension_data_class_must_be_attrs() -> None:
    with pytest.raises(TypeError, match="attrs class"):
        Extension("x", dict)


# ---------------------------------------------------------------- loaders


def _read_lines(path: Path) -> dict[str, object]:
    pairs = dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())
    if "year" not in pairs:
        raise ValueError("缺少 year 行")
    return {
        "agency": {"name": pairs["name"], "level": "township"},
        "year": int(pairs["year"]),
        "extensions": {"inspections": {"lead": pairs.get("lead", "")}},
    }


class LoaderPlugin(ExtensionPlugin):
    @hookimpl
    def govreport_register_loaders(self, register) -> None:
        register(InputLoader("lines", (".lines",), _read_lines))


@hook("govreport_register_loaders")
def test_hook_loaders_reads_by_suffix_with_extensions(tmp_path: Path) -> None:
    engine = Engine([LoaderPlugin()], autoload=False)
    good = tmp_path / "r.LINES"  # suffixes match case-insensitively
    good.write_text("name=某某镇人民政府\nyear=2024\nlead=办公室", encoding="utf-8")
    loaded = engine.load_report(good)
    assert loaded.ok and loaded.report.extensions["inspections"].lead == "办公室"
    bad = tmp_path / "bad.lines"
    bad.write_text("name=x", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="lines: 缺少 year 行"):
        engine.load_report(bad)
    with pytest.raises(UnreadableFileError, match="文件不存在"):
        engine.load_report(tmp_path / "missing.lines")


# ---------------------------------------------------------------- template helpers


class HelperPlugin:
    def __init__(self) -> None:
        self.fmt = Recorder()

    @hookimpl
    def govreport_register_template_helpers(self, register) -> None:
        register(TemplateHelper("spaced", " ".join))
        register(TemplateHelper("portal", "www.example.gov.cn", HelperKind.GLOBAL))

    @hookimpl
    def govreport_register_outputs(self, register) -> None:
        register(self.fmt)


@hook("govreport_register_template_helpers")
def test_hook_template_helpers_reach_every_render_request() -> None:
    plugin = HelperPlugin()
    Engine([plugin], autoload=False).render(sample_report(), "rec")
    (request,) = plugin.fmt.requests
    assert request.template_filters["spaced"]("平潭") == "平 潭"
    assert request.template_globals == {"portal": "www.example.gov.cn"}


@hook("govreport_register_template_helpers")
def test_hook_template_helpers_reach_the_word_agency_template(tmp_path: Path) -> None:
    import docx

    from govreport.outputs.docx.templates import export_template

    template = export_template(tmp_path / "agency.docx")
    word = docx.Document(str(template))
    header = word.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "{{ organ|spaced }} {{ portal }}"
    word.save(str(template))
    data = Engine([HelperPlugin()], autoload=False).render(
        sample_report(), "docx", options={"template": str(template)}
    )
    package = DocxXml(data)
    headers = [DocxXml(data, n).text() for n in package.names if n.startswith("word/header")]
    assert any("平 潭 综 合" in h and "www.example.gov.cn" in h for h in headers)
