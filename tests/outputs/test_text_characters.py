"""The txt output keeps every character it is given (issue 9, H): it measures, never deletes.

Each kind of character that has no width of its own, or that Python's Unicode
database does not know, must reach the file unchanged and be measured right:
a table cell holding it still lines up with the others.
"""

from __future__ import annotations

import attrs
import pytest

import govreport
from govreport.document.blocks import Table, TableCell
from govreport.outputs.textgrid import render_table
from govreport.outputs.textwidth import (
    TextCharacterError,
    clean,
    display_width,
    min_width,
    units,
    wrap,
)
from govreport.spec.grid import CellRole
from govreport.testing import sample_report

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of three, joined by ZWJ

#: (kind, text as written in a data file).
KEPT = [
    ("zero-width joiner in an emoji", f"家庭{FAMILY}服务"),
    ("soft hyphen", "infor\u00admation公开"),
    ("right-to-left mark", "名称\u200f（阿拉伯文）"),
    ("left-to-right embedding", "\u202a2024\u202c年"),
    ("zero-width space", "政府\u200b信息"),
    ("private-use code point for a rare character", "杭州市\ue000镇"),
    ("supplementary private use", "村民\U000f0001某"),
    ("CJK extension I (Unicode 15.1)", "\U0002ebf0姓"),
    ("CJK extension J (unassigned in Python 3.11)", "\U00031350\U0003135a村"),
    ("combining accent", "Cafe\u0301公开"),
    ("variation selector", "葛\U000e0100氏"),
    ("DEL, which rule T1 lets through", "a\x7fb"),
    ("C1 next line, which rule T1 lets through", "一\x85二"),
    ("line separator", "甲\u2028乙"),
]


def engine() -> govreport.Engine:
    return govreport.Engine(autoload=False)


def render_with(text: str, **options: object) -> str:
    report = sample_report()
    report = attrs.evolve(
        report,
        overview=attrs.evolve(report.overview, information_management=text),
        problems=attrs.evolve(report.problems, problems=(text, "第二项")),
    )
    return engine().render(report, "txt", options=options).decode("utf-8")


@pytest.mark.parametrize(("kind", "text"), KEPT, ids=[k for k, _ in KEPT])
def test_clean_keeps_every_character(kind: str, text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(("kind", "text"), KEPT, ids=[k for k, _ in KEPT])
def test_the_rendered_file_holds_the_text_unchanged(kind: str, text: str) -> None:
    out = render_with(text, width=200)
    assert text in out
    assert f"一是{text}；" in out  # the section-五 list item too


def test_an_emoji_joined_by_zwj_is_measured_as_one_and_never_split() -> None:
    assert display_width(FAMILY) == 2
    assert FAMILY in units(f"家庭{FAMILY}服务")
    for width in range(2, 8):
        assert all(
            FAMILY in line or "\u200d" not in line for line in wrap(f"家庭{FAMILY}服务", width)
        )


def test_characters_of_no_width_take_no_column() -> None:
    assert display_width("杭州市\ue000镇") == display_width("杭州市") + 1 + display_width("镇")
    assert display_width("政府\u200b信息") == 8
    assert display_width("a\x7fb") == 2
    assert display_width("") == 0


def test_cjk_newer_than_pythons_database_is_wide() -> None:
    assert display_width("\U0002ebf0") == 2
    assert display_width("\U00031350") == 2


def test_min_width_of_a_combining_sequence() -> None:
    assert min_width("e\u0301") == 1


def test_line_ends_and_tabs_are_normalised_not_lost() -> None:
    assert clean("甲\r\n乙\r丙\t丁") == "甲\n乙\n丙 丁"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x0b", "\x0c", "\ud800", "\ufffe"])
def test_a_character_rule_t1_refuses_is_refused_by_name_never_dropped(char: str) -> None:
    with pytest.raises(TextCharacterError, match=f"U\\+{ord(char):04X}") as info:
        clean(f"认真落实{char}条例")
    assert "认真落实" in str(info.value)
    assert isinstance(info.value, govreport.GovreportError)


def test_a_refused_character_is_located_by_section_in_the_render() -> None:
    with pytest.raises(TextCharacterError, match="一、总体情况"):
        engine().render(
            attrs.evolve(
                sample_report(),
                overview=attrs.evolve(sample_report().overview, information_management="甲\x1b乙"),
            ),
            "txt",
            allow_errors=True,
        )


@pytest.mark.parametrize(("kind", "text"), KEPT, ids=[k for k, _ in KEPT])
def test_a_table_cell_holding_it_still_lines_up(kind: str, text: str) -> None:
    cells = (
        TableCell("名称", 0, 0, CellRole.HEADER),
        TableCell("数量", 0, 1, CellRole.HEADER),
        TableCell(clean(text), 1, 0, CellRole.LABEL),
        TableCell("12", 1, 1, CellRole.VALUE),
    )
    lines = render_table(Table("t", "", 2, 2, 1, (1, 1), cells), 60, ascii_only=False)
    assert any(text in line for line in lines)
    # Every drawn line is as wide as the others, measured as a terminal does.
    assert len({display_width(line) for line in lines}) == 1
