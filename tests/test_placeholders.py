"""Narrative placeholders: numbers from the tables, evaluated in a bounded sandbox."""

from __future__ import annotations

import pytest

from govreport.placeholders import PlaceholderError, context, render_text
from govreport.testing import sample_report


@pytest.fixture(scope="module")
def names():
    return context(sample_report())


def test_numbers_totals_and_labels(names) -> None:
    text = (
        "新收{{ applications.received.total }}件，"
        "其中自然人{{ applications.received.natural_person }}件，"
        "办结{{ applications.results.total.total }}件；{{ agency.level }}；{{ published }}；"
        "收费{{ proactive.fees }}万元"
    )
    assert render_text(text, names) == (
        "新收218件，其中自然人217件，办结218件；设区的市级人民政府；2025年3月10日；收费18651.06万元"
    )


def test_plain_text_is_untouched(names) -> None:
    text = "没有占位符的文字 {不是占位符} 100%"
    assert render_text(text, names) is text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ applications.recieved.total }}", "未知的占位符名称“recieved”"),
        ("{{ nope }}", "未知的占位符名称“nope”"),
        ("{{ }}", "占位符语法错误"),
        ("{{ applications._obj }}", "不允许"),
        ("{{ agency.name.__class__.__mro__ }}", "不允许"),
        ("{{ ''.__class__ }}", "不允许"),
        ("{{ 'x' * 10**9 }}", "重复次数过大"),
        ("{{ [0] * 100000000 }}", "重复次数过大"),
        ("{{ 9 ** 99999999 }}", "数字过大"),
        ("{% for i in range(10**9) %}{% endfor %}", "无法求值"),
    ],
)
def test_mistakes_and_attacks_are_clear_errors(names, text: str, message: str) -> None:
    with pytest.raises(PlaceholderError, match=message):
        render_text(text, names)


def test_small_arithmetic_still_works(names) -> None:
    assert render_text(
        "{{ 'ab' * 2 }} {{ 2 ** 10 }} {{ applications.received.total * 2 }}", names
    ) == ("abab 1024 436")
