"""The Typst PDF of a real report, read back with pdfplumber: pages, fonts, lines, page numbers.

GB/T 9704: A4, 版心 156 × 225 mm at 37/35/28/26 mm margins, 3号 body on a
28.95 pt pitch (22 lines a page), 2号 title, "— N —" in 4号 on the outer side.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from govreport.document import Document, Paragraph, Section
from govreport.outputs.docx.shell import signature_indents
from govreport.outputs.typst import render_pdf

from ._pdf import (
    ARTIFACTS,
    BOTTOM,
    EXAMPLES,
    LEFT,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    TOP,
    baseline,
    body_lines,
    engine,
    open_pdf,
    page_number_chars,
    render_example,
    squeeze,
)

PITCH = 28.95


@pytest.fixture(scope="module")
def pingtan():
    data = render_example("pingtan-2024")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "typst-pingtan-2024.pdf").write_bytes(data)
    with open_pdf(data) as pdf:
        yield data, pdf


def test_a4_pages_and_a_sane_page_count(pingtan) -> None:
    _, pdf = pingtan
    assert 4 <= len(pdf.pages) <= 8  # the LibreOffice route makes 6 of this report
    for page in pdf.pages:
        assert page.width == pytest.approx(PAGE_WIDTH, abs=0.5)
        assert page.height == pytest.approx(PAGE_HEIGHT, abs=0.5)


def test_text_stays_inside_the_type_area(pingtan) -> None:
    _, pdf = pingtan
    for number, page in enumerate(pdf.pages, 1):
        for c in page.chars:
            if c["top"] > BOTTOM and c["size"] == pytest.approx(14):
                continue  # the page number
            # Half a character of slack: a line-end 、。， or line-start 《（ keeps
            # only half its box (compressed punctuation), the rest of the box
            # is still counted by pdfplumber.
            assert c["x0"] >= LEFT - 8.5 and c["x1"] <= RIGHT + 8.5, (number, c["text"])
            assert c["top"] >= TOP - 1 and c["bottom"] <= BOTTOM + 1, (number, c["text"])


def test_fonts_are_the_simplified_chinese_faces_embedded(pingtan) -> None:
    _, pdf = pingtan
    names = {c["fontname"].split("+", 1)[-1] for page in pdf.pages for c in page.chars}
    assert names, "no text"
    for name in names:
        assert "jp" not in name.lower() and "CJKjp" not in name, name
        assert "CJKsc" in name or name.startswith("Fandol"), name
    if shutil.which("pdffonts"):
        data, _ = pingtan
        out = subprocess.run(
            ["pdffonts", "-"], input=data, capture_output=True, check=False
        ).stdout.decode()
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        assert rows and all(r[-5] == "yes" for r in rows), out  # emb


def test_each_part_is_set_in_its_face_and_size(pingtan) -> None:
    _, pdf = pingtan
    first = pdf.pages[0]
    by_text = {squeeze(line["text"]): line for line in first.extract_text_lines()}
    title = by_text["平潭综合实验区"]["chars"][0]
    assert title["size"] == pytest.approx(22) and "NotoSerifCJKsc" in title["fontname"]
    heading = by_text["一、总体情况"]["chars"][0]
    assert heading["size"] == pytest.approx(16) and "NotoSansCJKsc" in heading["fontname"]
    body = next(line for t, line in by_text.items() if t.startswith("本报告根据"))["chars"][0]
    assert body["size"] == pytest.approx(16) and "FandolFang" in body["fontname"]
    kai = [c for p in pdf.pages for c in p.chars if "FandolKai" in c["fontname"]]
    assert kai and "".join(c["text"] for c in kai).startswith("（一）主动公开")


def test_body_lines_are_28_95_pt_apart(pingtan) -> None:
    _, pdf = pingtan
    for page in pdf.pages:
        ys = [baseline(page, line[0]) for line in body_lines(page)]
        assert len(ys) <= 22
        # Every gap is one pitch, or a whole number of them (a table between).
        for a, b in itertools.pairwise(ys):
            if b - a < 3 * PITCH:
                assert (b - a) / PITCH == pytest.approx(round((b - a) / PITCH), abs=0.01), b - a


def _long_text() -> Document:
    """Three pages of running text: full pages, full lines."""
    sentence = "各级行政机关坚持以公开为常态、不公开为例外，推进决策公开、执行公开、管理公开。"
    paragraphs = tuple(Paragraph(sentence * 9) for _ in range(6))
    return Document(("标题",), (), (Section("s", "总体情况", paragraphs, number="一、"),))


@pytest.fixture(scope="module")
def long_text():
    with open_pdf(render_pdf(_long_text())) as pdf:
        yield pdf


def test_a_full_page_holds_22_lines(long_text) -> None:
    pages = long_text.pages
    assert len(pages) >= 3
    for page in pages[1:-1]:
        ys = [baseline(page, line[0]) for line in body_lines(page)]
        assert len(ys) == 22
        assert all(b - a == pytest.approx(PITCH, abs=0.01) for a, b in itertools.pairwise(ys))
        # The first line's box starts at the 版心's top, the last ends at its foot.
        assert ys[0] - TOP == pytest.approx(PITCH / 2 + 0.38 * 16, abs=0.1)
        assert BOTTOM - ys[-1] > PITCH / 2 - 0.38 * 16


def test_a_full_line_holds_28_characters(long_text) -> None:
    counts = []
    for page in long_text.pages:
        lines = body_lines(page)
        for line, below in itertools.pairwise(lines):
            # The next line is no paragraph's first: this one is full.
            if below[0]["x0"] < LEFT + 8:
                counts.append(len(line) + (2 if line[0]["x0"] > LEFT + 16 else 0))
                assert line[-1]["x1"] == pytest.approx(RIGHT, abs=8.5)
    assert len(counts) > 40
    # 28 a line; 27 where a mark may not begin the next line and takes a character along.
    assert set(counts) <= {27, 28} and counts.count(28) > len(counts) * 0.7, counts


def test_page_numbers_in_4hao_on_the_outer_side(pingtan) -> None:
    _, pdf = pingtan
    for number, page in enumerate(pdf.pages, 1):
        chars = page_number_chars(page)
        assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{number}—"
        assert all(c["size"] == pytest.approx(14) for c in chars)
        assert all("NotoSerifCJKsc" in c["fontname"] for c in chars)
        x0, x1 = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
        if number % 2:  # odd: right, one 14 pt character in from the 版心's edge
            # (pdfplumber counts the last dash 2.5 pt wider than Typst sets it)
            assert x1 == pytest.approx(RIGHT - 14, abs=3), (number, x1)
        else:
            assert x0 == pytest.approx(LEFT + 14, abs=1.5), (number, x0)
        # The dash 7 mm below the 版心 (its middle, 0.38 em above the baseline).
        dash = baseline(page, chars[0]) - 0.38 * 14
        assert dash - BOTTOM == pytest.approx(7 * MM, abs=1.5)


def test_signature_and_date_per_7_3_5_2(pingtan) -> None:
    _, pdf = pingtan
    page = pdf.pages[-1]
    lines = body_lines(page)
    text = ["".join(c["text"] for c in line) for line in lines]
    signer, date = lines[text.index("平潭综合实验区")], lines[text.index("2025年3月10日")]
    # The date is longer than the name less two characters: it stands two
    # characters from the right and the name starts two characters left of it.
    signer_right, date_right = signature_indents("平潭综合实验区", "2025年3月10日")
    assert (signer_right, date_right) == (3.5, 2.0)
    char = 16 - 0.25
    assert RIGHT - date[-1]["x1"] == pytest.approx(date_right * char, abs=1)
    assert RIGHT - signer[-1]["x1"] == pytest.approx(signer_right * char, abs=1)
    assert date[0]["x0"] - signer[0]["x0"] == pytest.approx(2 * char, abs=1.5)
    # One blank line below the text, then the name, the date on the next line.
    above = baseline(page, lines[text.index("平潭综合实验区") - 1][0])
    assert baseline(page, signer[0]) - above == pytest.approx(2 * PITCH, abs=0.01)
    assert baseline(page, date[0]) - baseline(page, signer[0]) == pytest.approx(PITCH, abs=0.01)


def test_the_same_report_gives_the_same_bytes(pingtan) -> None:
    data, _ = pingtan
    assert render_example("pingtan-2024") == data
    assert b"/CreationDate" not in data and b"/ModDate" not in data


NASTY = (
    '#set page(fill: red) *粗体* _斜体_ $x^2$ @ref <label> \\ ] [ #eval("1+1") '
    "// 注释 /* 块 */ = 标题 - 列表 + 编号 `raw` ~ #[内容] \\u{41} -- ... \"引号\" 'x'"
)


def test_typst_markup_in_a_report_is_printed_as_it_is(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "shuangpu-2024.yaml").read_text(encoding="utf-8"))
    data["overview"]["intro"] = NASTY
    data["agency"]["contact"]["address"] = "#strong[地址] $1$ <a> \\ ]"
    eng = engine()
    report = eng.parse_report(data).report
    plain = eng.render(eng.read_report(EXAMPLES / "shuangpu-2024.yaml"), "pdf")
    with open_pdf(eng.render(report, "pdf")) as pdf, open_pdf(plain) as before:
        text = "".join(squeeze(p.extract_text()) for p in pdf.pages)
        assert squeeze(NASTY) in text
        assert "#strong[地址]$1$<a>\\]" in text
        # No markup took effect: no new page, heading, colour or font.
        assert len(pdf.pages) == len(before.pages)
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
        assert fonts <= {c["fontname"].split("+")[-1] for p in before.pages for c in p.chars}
        assert not [r for p in pdf.pages for r in p.rects if r.get("non_stroking_color")]


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_the_template_compiles_every_example_without_a_warning(name: str) -> None:
    from govreport.outputs.typst import fonts, render
    from govreport.outputs.typst.data import Layout, document_json

    eng = engine()
    document = eng.document(eng.read_report(EXAMPLES / f"{name}.yaml"))
    dirs = fonts.font_dirs()
    data = document_json(document, Layout(), fonts.default_choice(dirs).families)
    pdf, warned = render._compiler(dirs).compile_with_warnings(
        input=render.template(), format="pdf", sys_inputs={render.INPUT_KEY: data}
    )
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    assert [w.message for w in warned] == []
