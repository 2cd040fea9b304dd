"""Chinese numbering for any count (issue 9, I: a 五 list of 100 items crashed every render)."""

from __future__ import annotations

import attrs
import pytest

import govreport
from govreport.document.official import enumerate_items
from govreport.spec.headings import chinese_ordinal
from govreport.testing import sample_report


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (999, "九百九十九"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (10000, "一万"),
        (10001, "一万零一"),
        (10100, "一万零一百"),
        (11000, "一万一千"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (1000000, "一百万"),
        (100000000, "一亿"),
        (120034005, "一亿二千零三万四千零五"),
    ],
)
def test_chinese_ordinal(n: int, text: str) -> None:
    assert chinese_ordinal(n) == text


@pytest.mark.parametrize("n", [0, -1])
def test_no_ordinal_below_one(n: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        chinese_ordinal(n)


def test_every_ordinal_up_to_ten_thousand_is_distinct_and_well_formed() -> None:
    seen = [chinese_ordinal(n) for n in range(1, 10001)]
    assert len(set(seen)) == len(seen)
    assert not any("零零" in s or s.endswith("零") for s in seen)


def test_a_list_of_150_items_is_numbered_to_the_end() -> None:
    listed = enumerate_items(tuple(f"问题{i}" for i in range(1, 151)))
    assert listed[99] == "一百是问题100；"
    assert listed[-1] == "一百五十是问题150。"


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_a_report_with_120_problems_renders(fmt: str) -> None:
    report = sample_report()
    many = tuple(f"问题{i}" for i in range(1, 121))
    report = attrs.evolve(report, problems=attrs.evolve(report.problems, problems=many))
    data = govreport.Engine(autoload=False).render(report, fmt)
    if fmt != "docx":
        assert "一百二十是问题120" in data.decode("utf-8")
