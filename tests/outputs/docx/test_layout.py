"""Page setup, fonts and paragraph layout of the rendered document (GB/T 9704)."""

from __future__ import annotations

import pytest

from govreport.testing import sample_report
from govreport.testing.docx import NS

from ._docx import engine, paragraph_text, parts, render, w, xml

SLOTS = ("ascii", "eastAsia", "hAnsi", "cs")


@pytest.fixture(scope="module")
def data() -> bytes:
    return render(sample_report())


def test_page_setup_in_twips(data):
    sect = xml(data).find(".//w:body/w:sectPr", NS)
    pg = sect.find("w:pgSz", NS)
    assert (pg.get(w("w")), pg.get(w("h"))) == ("11906", "16838")  # A4
    mar = sect.find("w:pgMar", NS)
    got = {k: mar.get(w(k)) for k in ("top", "bottom", "left", "right")}
    # 37/35/28/26 mm
    assert got == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
    grid = sect.find("w:docGrid", NS)
    assert (grid.get(w("type")), grid.get(w("linePitch"))) == ("lines", "579")


def test_every_rfonts_sets_all_four_slots_and_language_is_zh_cn(data):
    styles = xml(data, "word/styles.xml")
    rfonts = list(styles.iter(w("rFonts")))
    assert len(rfonts) >= 6
    for rf in rfonts:
        values = {rf.get(w(s)) for s in SLOTS}
        assert len(values) == 1 and None not in values, rf.attrib
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def _style(styles, sid):
    return styles.find(f"w:style[@w:styleId='{sid}']", NS)


def _font(styles, sid) -> str:
    rf = _style(styles, sid).find("w:rPr/w:rFonts", NS)
    return rf.get(w("eastAsia"))


def test_fonts_sizes_and_indents(data):
    styles = xml(data, "word/styles.xml")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert default.find("w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"
    assert default.find("w:sz", NS).get(w("val")) == "32"  # 三号
    assert _font(styles, "GRTitle") == "方正小标宋简体"
    assert _style(styles, "GRTitle").find("w:rPr/w:sz", NS).get(w("val")) == "44"  # 二号
    assert _font(styles, "Heading1") == "黑体"
    assert _font(styles, "Heading2") == "楷体_GB2312"
    assert _font(styles, "Heading3") == "仿宋_GB2312"
    ind = _style(styles, "GRBody").find("w:pPr/w:ind", NS)
    assert (ind.get(w("firstLineChars")), ind.get(w("firstLine"))) == ("200", "640")
    spacing = _style(styles, "GRBody").find("w:rPr/w:spacing", NS)
    assert spacing.get(w("val")) == "-5"  # 28 characters a line
    line = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert (line.get(w("line")), line.get(w("lineRule"))) == ("579", "exact")


def test_title_on_two_lines_then_body(data):
    body = xml(data).find("w:body", NS)
    paras = body.findall("w:p", NS)
    titles = [p for p in paras if p.find("w:pPr/w:pStyle[@w:val='GRTitle']", NS) is not None]
    assert [paragraph_text(p) for p in titles] == [
        "平潭综合实验区管理委员会",
        "2024年政府信息公开工作年度报告",
    ]
    headings = [
        paragraph_text(p)
        for p in paras
        if p.find("w:pPr/w:pStyle[@w:val='Heading1']", NS) is not None
    ]
    assert headings[0] == "一、总体情况" and headings[-1] == "六、其他需要报告的事项"
    # No template tag survives rendering.
    assert "{%" not in parts(data)["word/document.xml"].decode()


def test_page_numbers_odd_right_even_left(data):
    p = parts(data)
    settings = xml(data, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    sect = xml(data).find(".//w:body/w:sectPr", NS)
    refs = {r.get(w("type")) for r in sect.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}
    jcs = set()
    for name in ("word/footer1.xml", "word/footer2.xml"):
        footer = xml(data, name)
        text = "".join(footer.itertext())
        assert text.startswith("— ") and text.endswith(" —")
        assert "PAGE" in text
        jcs.add(footer.find(".//w:jc", NS).get(w("val")))
        assert "<w:fldChar" in p[name].decode()
    assert jcs == {"left", "right"}


def _signature(data):
    paras = xml(data).findall("w:body/w:p", NS)
    out = {}
    for p in paras:
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(w("val")) in ("GRSignature", "GRDate"):
            ind = p.find("w:pPr/w:ind", NS)
            out[style.get(w("val"))] = (paragraph_text(p), int(ind.get(w("rightChars"))))
    return out


def test_signature_block_gb9704_7352(data):
    sig = _signature(data)
    signer, signer_right = sig["GRSignature"]
    date, date_right = sig["GRDate"]
    assert (signer, date) == ("平潭综合实验区管理委员会", "2025年3月10日")
    assert signer_right == 200  # two characters from the right
    # The date starts two characters right of the signer's first character:
    # 12 characters of name, 6.5 of date → 5.5 characters from the right.
    assert date_right == 550


def test_long_date_pushes_the_signer_left():
    from govreport.outputs.docx.shell import signature_indents

    signer_right, date_right = signature_indents("某镇", "2025年12月31日")
    assert date_right == 2.0
    # date starts 2 + 7 = 9 chars from the right; signer starts 2 chars left of that.
    assert signer_right + 2 == 2 + 7 + 2


def test_signature_can_be_switched_off():
    data = engine().render(sample_report(), "docx", signature=False)
    assert _signature(data) == {}
    assert "平潭综合实验区管理委员会" in parts(data)["word/document.xml"].decode()


def test_docx_signature_option_is_deprecated_but_still_works():
    with pytest.warns(DeprecationWarning, match="--no-signature"):
        data = render(sample_report(), signature=False)
    assert _signature(data) == {}
    with pytest.warns(DeprecationWarning, match=r"Engine.render\(signature=False\)"):
        assert set(_signature(render(sample_report(), signature=True))) == {"GRSignature", "GRDate"}


def test_signature_kept_without_the_option_and_without_a_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        data = render(sample_report())
    assert set(_signature(data)) == {"GRSignature", "GRDate"}


def test_layout_settings_override_the_template():
    data = render(sample_report(), line_pitch=28, char_spacing=0, bold_level3=True)
    grid = xml(data).find(".//w:body/w:sectPr/w:docGrid", NS)
    assert grid.get(w("linePitch")) == "560"
    styles = xml(data, "word/styles.xml")
    body = _style(styles, "GRBody")
    assert body.find("w:pPr/w:spacing", NS).get(w("line")) == "560"
    assert body.find("w:rPr/w:spacing", NS).get(w("val")) == "0"
    b = _style(styles, "Heading3").find("w:rPr/w:b", NS)
    assert b is not None and b.get(w("val")) is None
    plain = xml(render(sample_report(), bold_level3=False), "word/styles.xml")
    assert _style(plain, "Heading3").find("w:rPr/w:b", NS).get(w("val")) == "0"


def test_core_properties_come_from_the_report(data):
    core = parts(data)["docProps/core.xml"].decode()
    assert "<dc:title>平潭综合实验区管理委员会2024年政府信息公开工作年度报告</dc:title>" in core
    assert "<dc:creator>平潭综合实验区管理委员会</dc:creator>" in core
    assert "2025-03-10T00:00:00Z" in core
