"""The data the template gets: every text as a JSON string, the layout decided in Python."""

from __future__ import annotations

import json

import attrs
import pytest

from govreport.document import Heading, Paragraph
from govreport.outputs.typst.data import (
    Layout,
    block_data,
    document_data,
    document_json,
    surely_fits,
    table_data,
)
from govreport.xmlchars import IllegalTextError

from ._pdf import EXAMPLES, engine

FONTS = {"fang": ("FandolFang R",), "song": ("Noto Serif CJK SC",)}


@pytest.fixture(scope="module")
def document():
    eng = engine()
    return eng.document(eng.read_report(EXAMPLES / "pingtan-2024.yaml"))


def test_every_printed_text_is_in_the_data_as_it_is(document) -> None:
    data = json.loads(document_json(document, Layout(), FONTS))
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    # A table's caption is not printed, as in the Word output: its section's heading names it.
    captions = {t.caption for t in document.tables()}
    for where, text in document.texts():
        if text and text not in captions:
            assert text in strings, (where, text)


def test_blocks_in_reading_order_with_section_headings_at_level_1(document) -> None:
    data = document_data(document, Layout(), FONTS)
    kinds = [(b["kind"], b.get("level")) for b in data["blocks"]]
    assert kinds[0] == ("paragraph", None)  # the opening paragraph
    headings = [b["text"] for b in data["blocks"] if b["kind"] == "heading" and b["level"] == 1]
    assert headings == [s.heading for s in document.sections]
    tables = [b for b in data["blocks"] if b["kind"] == "table"]
    assert [(t["key"], t["keep_whole"], t["size"]) for t in tables] == [
        ("proactive", True, 10.5),  # 五号, one page
        ("applications", False, 9.0),  # 小五, breaks between rows
        ("review_litigation", True, 9.0),
    ]
    cell = tables[1]["cells"][0]
    assert set(cell) == {"text", "row", "col", "rowspan", "colspan", "role"}
    assert (cell["rowspan"], cell["colspan"], cell["role"]) == (3, 3, "header")


def test_signature_indents_follow_7_3_5_2(document) -> None:
    sig = document_data(document, Layout(), FONTS)["signature"]
    assert sig == {
        "signer": "平潭综合实验区",
        "date": "2025年3月10日",
        "signer_right": 3.5,
        "date_right": 2.0,
    }
    assert (
        document_data(attrs.evolve(document, signature=None), Layout(), FONTS)["signature"] is None
    )


def test_layout_defaults_are_gb_t_9704_and_options_override(document) -> None:
    assert document_data(document, Layout(), FONTS)["layout"] == {
        "line_pitch": 28.95,
        "char_spacing": -0.25,
        "bold_level3": False,
    }
    given = Layout.from_options({"line_pitch": 28.0, "bold_level3": True})
    assert document_data(document, given, FONTS)["layout"]["line_pitch"] == 28.0


def test_same_document_same_json(document) -> None:
    assert document_json(document, Layout(), FONTS) == document_json(document, Layout(), FONTS)


def test_deeper_headings_look_like_level_4() -> None:
    assert block_data(Heading("x", level=6), "一、")["level"] == 4


def test_a_control_character_is_refused_naming_the_part() -> None:
    with pytest.raises(IllegalTextError, match=r"U\+0007.*五、存在的主要问题.*PDF"):
        block_data(Paragraph("问题\x07一"), "五、存在的主要问题及改进情况")


def test_a_short_table_is_kept_whole_only_when_it_surely_fits(document) -> None:
    proactive = document.tables()[0]
    assert surely_fits(proactive, 10.5)
    long = attrs.evolve(
        proactive,
        cells=tuple(attrs.evolve(c, text="很长的说明" * 60) for c in proactive.cells),
    )
    assert not surely_fits(long, 10.5)
    assert table_data(long)["keep_whole"] is False
