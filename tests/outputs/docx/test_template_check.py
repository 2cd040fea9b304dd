"""`template check` and rendering judge a template alike: one environment, one list of problems."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from govreport import Engine, hookimpl
from govreport.cli import common
from govreport.cli.main import main
from govreport.outputs.docx import TemplateError
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.template import load_template
from govreport.outputs.docx.templates import check_template, export_template
from govreport.plugins.contributions import HelperKind, TemplateHelper
from govreport.testing import sample_report

from ._docx import ROOT, parts, render

EXAMPLE = ROOT / "examples" / "shuangpu-2024.yaml"


class Helpers:
    @hookimpl
    def govreport_register_template_helpers(self, register):
        register(TemplateHelper("spaced", " ".join))
        register(TemplateHelper("portal", "www.example.gov.cn", HelperKind.GLOBAL))


def _edit(path: Path, edit) -> Path:
    d = docx.Document(str(path))
    edit(d)
    d.save(str(path))
    return path


def _add_paragraph(text: str):
    def edit(d):
        d.paragraphs[-1].insert_paragraph_before(text)

    return edit


def _replace_body(text: str):
    def edit(d):
        for p in d.paragraphs:
            if "body" in p.text:
                p.text = text

    return edit


def _plugin_template(tmp_path: Path) -> Path:
    def header(d):
        h = d.sections[0].header
        h.is_linked_to_previous = False
        h.paragraphs[0].text = "{{ organ|spaced }} {{ portal }}"

    return _edit(export_template(tmp_path / "plugin.docx"), header)


# -- defect 1: check sees the plugins' filters and globals -------------------------------


def test_check_template_takes_plugin_filters_and_globals(tmp_path):
    path = _plugin_template(tmp_path)
    filters, globals_ = Engine([Helpers()], autoload=False).template_namespace()
    assert check_template(path, filters=filters, globals=globals_) == []
    # Without them: named problems, not a traceback.
    codes = sorted(p.code for p in check_template(path))
    assert codes == ["unknown-filter", "unknown-placeholder"]


def test_cli_check_uses_the_engines_plugins(tmp_path, monkeypatch, capsys):
    path = _plugin_template(tmp_path)
    monkeypatch.setattr(common, "default_engine", lambda: Engine([Helpers()], autoload=False))
    assert main(["template", "check", str(path)]) == 0
    assert "模板可用" in capsys.readouterr().out
    monkeypatch.setattr(common, "default_engine", lambda: Engine(autoload=False))
    assert main(["template", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "[unknown-filter]" in out and "|spaced" in out
    assert "[unknown-placeholder]" in out and "portal" in out


def test_a_jinja_builtin_global_is_not_an_unknown_placeholder(tmp_path):
    path = _edit(
        export_template(tmp_path / "t.docx"),
        _add_paragraph("{% for i in range(1) %}{{ organ }}{% endfor %}"),
    )
    assert check_template(path) == []


# -- defect 2: a bad template fails render with check's message ---------------------------


def _not_a_docx(tmp_path: Path) -> Path:
    path = tmp_path / "t.docx"
    path.write_text("x\n")
    return path


BAD = {
    "not-a-docx": None,
    "syntax": _add_paragraph("{{ title | }}"),
    "missing-body": _replace_body("正文"),
    "unknown-placeholder": _add_paragraph("{{ agency_seal }}"),
    "unknown-filter": _add_paragraph("{{ organ|nope }}"),
    "unknown-test": _add_paragraph("{% if organ is nope %}x{% endif %}"),
    "body-in-a-run": _replace_body("正文：{{ body }}"),
    "sandbox": _add_paragraph("{{ organ.__class__.__mro__ }}"),
}


def _bad(tmp_path: Path, case: str) -> Path:
    edit = BAD[case]
    if edit is None:
        return _not_a_docx(tmp_path)
    return _edit(export_template(tmp_path / "t.docx"), edit)


@pytest.mark.parametrize("case", sorted(BAD))
def test_render_refuses_a_bad_template_with_checks_message(tmp_path, case):
    path = _bad(tmp_path, case)
    problems = check_template(path)
    assert problems, case
    with pytest.raises(TemplateError) as info:
        render(sample_report(), template=str(path))
    message = str(info.value)
    assert "\n" not in message
    for problem in problems:
        assert problem.message in message, (case, problem, message)


@pytest.mark.parametrize(
    "case", ["not-a-docx", "syntax", "missing-body", "unknown-placeholder", "unknown-filter"]
)
def test_cli_render_with_a_bad_template_is_one_line(tmp_path, case, capsys):
    path = _bad(tmp_path, case)
    problems = check_template(path)
    code = main(
        ["render", str(EXAMPLE), "-f", "docx", "--template", str(path), "-o", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for problem in problems:
        assert problem.message in lines[0]
    assert not (tmp_path / "shuangpu-2024.docx").exists()


def test_the_default_template_is_checked_once_per_content():
    from govreport.outputs.docx.check import template_problems

    load_template(None, DocxSettings(line_pitch=27.5))
    before = template_problems.cache_info()
    # Another compile of the same bytes (new settings) reuses the check.
    load_template(None, DocxSettings(line_pitch=27.25))
    after = template_problems.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 1


# -- defect 4: python-docx reads the styles; Word's split runs render ---------------------


def test_a_required_style_of_the_wrong_type_is_reported(tmp_path):
    def to_character_style(d):
        d.styles["公文正文"].element.set(qn("w:type"), "character")

    path = _edit(export_template(tmp_path / "t.docx"), to_character_style)
    problems = check_template(path)
    assert [p.code for p in problems] == ["wrong-style-type"]
    assert "GRBody" in problems[0].message and "段落样式" in problems[0].message


def _rewrite(path: Path, part: str, change) -> Path:
    with zipfile.ZipFile(path) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, blob in members:
            zf.writestr(info, change(blob.decode()).encode() if info.filename == part else blob)
    path.write_bytes(out.getvalue())
    return path


def test_a_tag_split_across_word_runs_renders(tmp_path):
    # What Word writes after someone edits inside a placeholder: one tag, two runs.
    split = (
        '<w:p><w:r><w:t xml:space="preserve">{{ ti</w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">tle }}</w:t></w:r></w:p>'
    )

    def add(xml: str) -> str:
        head, sep, tail = xml.partition("<w:body>")
        assert sep
        return head + sep + split + tail

    path = _rewrite(export_template(tmp_path / "t.docx"), "word/document.xml", add)
    assert check_template(path) == []
    data = render(sample_report(), template=str(path))
    first = docx.Document(io.BytesIO(data)).paragraphs[0]
    assert first.text == "平潭综合实验区管理委员会2024年政府信息公开工作年度报告"
    assert "{{" not in parts(data)["word/document.xml"].decode()
