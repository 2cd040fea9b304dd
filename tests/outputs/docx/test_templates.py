"""Agency templates: export, edit in python-docx (as Word would), check, render."""

from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from govreport.cli.template import template_group
from govreport.outputs.docx import TemplateError
from govreport.outputs.docx.templates import check_template, export_template
from govreport.testing import sample_report
from govreport.testing.docx import NS

from ._docx import parts, render, w, xml


@pytest.fixture
def exported(tmp_path):
    return export_template(tmp_path / "ours.docx")


def _edit(path, edit):
    d = docx.Document(str(path))
    edit(d)
    d.save(str(path))
    return path


def _letterhead_and_font(d):
    # A red letterhead line before the title, and the body in 宋体.
    first = d.paragraphs[0]
    head = first.insert_paragraph_before("某某市人民政府办公室")
    run = head.runs[0]
    run.font.size = docx.shared.Pt(26)
    run.font.color.rgb = docx.shared.RGBColor(0xFF, 0, 0)
    body = d.styles["公文正文"]
    body.font.name = "宋体"
    body.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    header = d.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "{{ organ }}"


def test_export_refuses_to_overwrite(tmp_path, exported):
    with pytest.raises(FileExistsError):
        export_template(exported)
    export_template(exported, overwrite=True)


def test_custom_template_renders_letterhead_font_and_body(exported):
    _edit(exported, _letterhead_and_font)
    assert check_template(exported) == []
    data = render(sample_report(), template=str(exported))
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "某某市人民政府办公室"
    assert texts[1:3] == ["平潭综合实验区管理委员会", "2024年政府信息公开工作年度报告"]
    assert "一、总体情况" in texts and len(d.tables) == 3
    styles = xml(data, "word/styles.xml")
    rfonts = styles.find("w:style[@w:styleId='GRBody']/w:rPr/w:rFonts", NS)
    assert rfonts.get(w("eastAsia")) == "宋体"
    headers = [n for n in parts(data) if n.startswith("word/header")]
    assert headers
    assert "平潭综合实验区管理委员会" in parts(data)[headers[0]].decode()


def test_custom_template_output_is_deterministic(exported):
    _edit(exported, _letterhead_and_font)
    assert render(sample_report(), template=str(exported)) == render(
        sample_report(), template=str(exported)
    )


def _drop_style(d):
    d.styles["公文正文"].element.getparent().remove(d.styles["公文正文"].element)


def test_missing_style_fails_check_with_a_clear_message(exported):
    _edit(exported, _drop_style)
    problems = check_template(exported)
    assert [p.code for p in problems] == ["missing-style"]
    assert "GRBody" in problems[0].message and "正文" in problems[0].message


def test_unknown_placeholder_and_missing_body(exported):
    def edit(d):
        for p in d.paragraphs:
            if "body" in p.text:
                p.text = "{{ agency_seal }}"

    _edit(exported, edit)
    codes = sorted(p.code for p in check_template(exported))
    assert codes == ["missing-body", "unknown-placeholder"]
    with pytest.raises(TemplateError, match="agency_seal"):
        render(sample_report(), template=str(exported))


def test_body_placeholder_inside_a_run_is_refused(exported):
    def edit(d):
        for p in d.paragraphs:
            if "body" in p.text:
                p.text = "正文：{{ body }}"

    _edit(exported, edit)
    assert [p.code for p in check_template(exported)] == ["invalid"]


def test_foreign_templates_are_sandboxed(exported):
    def edit(d):
        d.paragraphs[-1].insert_paragraph_before("{{ organ.__class__.__mro__ }}")

    _edit(exported, edit)
    with pytest.raises(TemplateError):
        render(sample_report(), template=str(exported))


def test_not_a_docx_and_missing_file(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert [p.code for p in check_template(bad)] == ["unreadable"]
    with pytest.raises(TemplateError, match="不是有效的 Word"):
        render(sample_report(), template=str(bad))
    with pytest.raises(TemplateError, match="找不到模板"):
        render(sample_report(), template=str(tmp_path / "missing.docx"))


def test_cli_export_and_check(tmp_path):
    runner = CliRunner()
    target = tmp_path / "t.docx"
    result = runner.invoke(template_group, ["export", str(target)])
    assert result.exit_code == 0 and target.exists()
    assert runner.invoke(template_group, ["check", str(target)]).exit_code == 0
    _edit(target, _drop_style)
    result = runner.invoke(template_group, ["check", str(target)])
    assert result.exit_code == 1
    assert "GRBody" in result.output


def test_plugin_filters_and_globals_reach_agency_templates(exported):
    from govreport import Engine, hookimpl
    from govreport.plugins.contributions import HelperKind, TemplateHelper

    class Helpers:
        @hookimpl
        def govreport_register_template_helpers(self, register):
            register(TemplateHelper("spaced", " ".join))
            register(TemplateHelper("portal", "www.example.gov.cn", HelperKind.GLOBAL))

    def header(d):
        h = d.sections[0].header
        h.is_linked_to_previous = False
        h.paragraphs[0].text = "{{ organ|spaced }} {{ portal }}"

    _edit(exported, header)
    engine = Engine([Helpers()], autoload=False)
    data = engine.render(sample_report(), "docx", options={"template": str(exported)})
    headers = [parts(data)[n].decode() for n in parts(data) if n.startswith("word/header")]
    assert any("平 潭 综 合" in h and "www.example.gov.cn" in h for h in headers)
    # Without the plugin the same template is refused with the unknown filter named.
    with pytest.raises(TemplateError, match="spaced"):
        Engine(autoload=False).render(sample_report(), "docx", options={"template": str(exported)})
