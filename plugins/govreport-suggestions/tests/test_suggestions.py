"""The plugin from the outside: data block, rule, and the subsection in every format."""

from __future__ import annotations

import textwrap
from pathlib import Path

import attrs
import pytest
from govreport.document import Heading
from govreport.spec import SECTIONS

import govreport_suggestions.plugin as plugin
from govreport_suggestions import Suggestions
from govreport_suggestions.data import TITLE

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "plugins" / "shuangpu-2024-suggestions.yaml"


def _with(report, **numbers):
    return attrs.evolve(report, extensions={"suggestions": Suggestions(**numbers)})


NUMBERS = {
    "deputy_suggestions_handled": 7,
    "deputy_suggestions_published": 5,
    "cppcc_proposals_handled": 3,
    "cppcc_proposals_published": 3,
}


@pytest.fixture
def engine(govreport_engine):
    return govreport_engine(plugin)


def test_subsection_is_appended_to_six_and_numbered(engine, sample_report):
    doc = engine.document(_with(sample_report, **NUMBERS))
    other = doc.section("other")
    assert other.heading.startswith("六、")
    headings = [b for b in other.blocks if isinstance(b, Heading)]
    assert [h.text for h in headings] == [f"（一）{TITLE}"]
    assert doc.section_keys == tuple(key for key, _ in SECTIONS)  # no new top-level section


def test_without_data_the_report_is_unchanged(engine, govreport_engine, sample_report):
    plain = govreport_engine()
    assert engine.render(sample_report, "txt") == plain.render(sample_report, "txt")


def test_numbers_appear_in_the_text(engine, sample_report, render_text):
    text = render_text(_with(sample_report, **NUMBERS), engine=engine, width=200)
    assert "办理人大代表建议7件、政协提案3件" in text
    assert "公开人大代表建议办理结果5件、政协提案办理结果3件" in text
    assert "全部公开" not in text  # 5 of 7 published


def test_subsection_in_docx_and_html_without_their_help(engine, sample_report, docx_xml):
    report = _with(sample_report, **NUMBERS)
    paragraphs = docx_xml(engine.render(report, "docx")).paragraph_texts()
    i = paragraphs.index(f"（一）{TITLE}")
    assert "办理人大代表建议7件" in paragraphs[i + 1]
    assert TITLE in engine.render(report, "html").decode()


def test_note_placeholders_read_the_block(engine, sample_report, render_text):
    note = "共{{ extensions.suggestions.cppcc_proposals_handled }}件提案。"
    report = _with(sample_report, **NUMBERS, note=note)
    assert "共3件提案。" in render_text(report, engine=engine)


def test_rule_sug1_published_not_above_handled(engine, sample_report):
    ok = _with(sample_report, **NUMBERS)
    assert [f.code for f in engine.validate(ok)] == []
    bad = _with(sample_report, **{**NUMBERS, "cppcc_proposals_published": 4})
    (finding,) = engine.validate(bad)
    assert (finding.code, finding.severity.value) == ("SUG1", "error")
    assert finding.path == "extensions.suggestions.cppcc_proposals_published"
    # Located and explained in the plugin's own labels, naming the plugin.
    assert finding.location.endswith("/公开政协提案办理结果件数")
    assert TITLE in finding.location and "插件" in finding.location
    assert "（4）不能大于办理政协提案件数（3）" in finding.message


def test_rule_sug2_negative_counts(engine, sample_report):
    bad = _with(sample_report, deputy_suggestions_handled=-1)
    assert [f.code for f in engine.validate(bad)] == ["SUG2"]


def _write(tmp_path: Path, block: str) -> Path:
    base = EXAMPLE.read_text(encoding="utf-8").split("\nextensions:")[0]
    path = tmp_path / "r.yaml"
    path.write_text(base + "\nextensions:\n" + textwrap.indent(block, "  "), encoding="utf-8")
    return path


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs the govreport repository's examples/")
def test_loader_checks_the_block_like_core_fields(engine, tmp_path):
    path = _write(
        tmp_path,
        "suggestions:\n  deputy_suggestions_handled: 三件\n  cppcc_proposal_handled: 1\n",
    )
    problems = {p.path: p for p in engine.load_report(path).problems}
    bad = problems["extensions.suggestions.deputy_suggestions_handled"]
    assert bad.code == "D2" and "办理人大代表建议件数" in bad.location
    typo = problems["extensions.suggestions.cppcc_proposal_handled"]
    assert typo.code == "D1" and "cppcc_proposals_handled" in typo.message


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs the govreport repository's examples/")
def test_example_file_is_clean(engine):
    loaded = engine.load_report(EXAMPLE)
    assert loaded.problems == ()
    assert engine.validate(loaded.report, stated=loaded.stated) == []


def test_installed_entry_point_is_found(govreport_engine):
    engine = govreport_engine(autoload=True)
    assert engine.extensions.owner("suggestions") == "suggestions"
    assert "SUG1" in engine.rules
