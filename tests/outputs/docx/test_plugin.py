"""The docx plugin end to end: registration, every report, determinism, hostile text."""

from __future__ import annotations

import io

import attrs
import docx
import pytest
from lxml import etree

from govreport.model import Overview
from govreport.outputs.docx import IllegalTextError
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.template import load_template
from govreport.testing import sample_report
from govreport.testing.docx import NS

from ._docx import engine, parts, render, reports, w, xml

REPORTS = reports()


def _first_section(doc, text: str):
    from govreport.document.blocks import Paragraph

    return attrs.evolve(doc.sections[0], blocks=(Paragraph(text),))


def test_registered_as_a_plugin():
    fmt = engine().output("docx")
    assert fmt.extension == ".docx"
    assert {"template", "line_pitch", "char_spacing", "bold_level3", "signature"} <= set(
        fmt.options
    )


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_renders_and_opens_in_python_docx(name):
    report = REPORTS[name]
    data = render(report)
    d = docx.Document(io.BytesIO(data))
    assert len(d.tables) == 3
    text = "\n".join(p.text for p in d.paragraphs)
    assert report.agency.name in text
    assert "五、存在的主要问题及改进情况" in text
    # Every part is well-formed XML.
    for name_, blob in parts(data).items():
        if name_.endswith((".xml", ".rels")):
            etree.fromstring(blob)


def test_same_input_same_bytes():
    assert render(sample_report()) == render(sample_report())


def test_no_publication_date_uses_a_fixed_date_not_the_clock():
    data = render(sample_report(published=None))
    assert "2000-01-01T00:00:00Z" in parts(data)["docProps/core.xml"].decode()
    assert render(sample_report(published=None)) == data


def test_compiled_template_is_cached():
    assert load_template(None, DocxSettings()) is load_template(None, DocxSettings())
    assert load_template(None, DocxSettings(line_pitch=28)) is not load_template(
        None, DocxSettings()
    )


def _with_intro(text: str):
    report = sample_report()
    return attrs.evolve(report, overview=attrs.evolve(report.overview, intro=text))


HOSTILE = (
    "A & B < C > D \"引号\" 'single' {{ applications }} {% if x %}y{% endif %} 😀 𠀀 tab\there"
)


def test_hostile_text_is_written_literally():
    # Narrative goes through govreport placeholders first; build the Document
    # by hand so the text reaches the renderer exactly as given.
    doc = engine().document(sample_report())
    section = doc.sections[0]
    from govreport.document.blocks import Paragraph

    doc = attrs.evolve(
        doc,
        sections=(attrs.evolve(section, blocks=(Paragraph(HOSTILE),)), *doc.sections[1:]),
        title_lines=("{{ organ }} & <机关>", "{% raw %}2024"),
        signature=attrs.evolve(doc.signature, signer="甲&乙 {{ date }}"),
    )
    from govreport.outputs.base import RenderRequest

    data = engine().output("docx").render(doc, RenderRequest(sample_report()))
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    assert HOSTILE.replace("\t", "\t") in texts
    assert "{{ organ }} & <机关>" in texts
    assert "{% raw %}2024" in texts
    assert "甲&乙 {{ date }}" in texts


def test_long_paragraph_renders():
    data = render(_with_intro("很长的段落。" * 5000))
    d = docx.Document(io.BytesIO(data))
    assert max(len(p.text) for p in d.paragraphs) >= 30000


def test_control_characters_are_refused_with_a_clear_error():
    report = sample_report()
    doc = engine().document(report)
    from govreport.document.blocks import Paragraph
    from govreport.outputs.base import RenderRequest

    bad = attrs.evolve(
        doc,
        sections=(
            attrs.evolve(doc.sections[0], blocks=(Paragraph("前文\x0b后文"),)),
            *doc.sections[1:],
        ),
    )
    with pytest.raises(IllegalTextError, match="U\\+000B") as info:
        engine().output("docx").render(bad, RenderRequest(report))
    assert "一、总体情况" in str(info.value)
    bad_title = attrs.evolve(doc, title_lines=("机关\x00", "标题"))
    with pytest.raises(IllegalTextError, match="U\\+0000"):
        engine().output("docx").render(bad_title, RenderRequest(report))


def test_newline_in_text_becomes_a_line_break():
    # The document layer makes paragraphs of blank-line-separated text; a
    # single newline left inside a block is a line break in Word.
    from govreport.document.blocks import Paragraph
    from govreport.outputs.base import RenderRequest

    doc = engine().document(sample_report())
    doc = attrs.evolve(
        doc,
        sections=(
            attrs.evolve(doc.sections[0], blocks=(Paragraph("第一行\n第二行"),)),
            *doc.sections[1:],
        ),
    )
    body = xml(engine().output("docx").render(doc, RenderRequest(sample_report())))
    assert any(
        p.find(".//w:br", NS) is not None and "第一行" in "".join(p.itertext())
        for p in body.iter(w("p"))
    )


def test_placeholders_in_narrative_are_resolved_before_rendering():
    report = sample_report(overview=Overview(intro="共{{ applications.received.total }}件"))
    d = docx.Document(io.BytesIO(render(report)))
    assert "共218件" in [p.text for p in d.paragraphs]
