"""Printed labels compared with the official ones (importing.labels)."""

from __future__ import annotations

import pytest

from govreport import spec
from govreport.importing.labels import How, match, normalise, without_number

LEAVES = {path: chain[-1] for path, chain, _ in spec.applications.leaf_rows()}


@pytest.mark.parametrize(
    ("printed", "official"),
    [
        ("商业\n企业", "商业企业"),
        ("总 计", "总计"),
        ("总\u3000计", "总计"),
        ("总\u00a0计", "总计"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("1．属于国家秘密", "1.属于国家秘密"),
        ("１．属于国家秘密", "1.属于国家秘密"),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
        ("3.危及‘三安全一稳定’", "3.危及“三安全一稳定”"),
        ("(一)予以公开", "（一）予以公开"),
        ("第二十条 第（一）项", "第二十条第（一）项"),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
    ],
)
def test_meaningless_differences_vanish(printed: str, official: str) -> None:
    assert normalise(printed) == normalise(official)


def test_amounts_keep_their_point() -> None:
    assert normalise("18651.06") == "18651.06"
    assert normalise("1,234") == "1,234"


def test_exact_match_of_every_official_leaf() -> None:
    for key, label in LEAVES.items():
        found = match(label, LEAVES)
        assert found is not None and (found.key, found.how) == (key, How.EXACT)


def test_the_known_typo() -> None:
    found = match("2.其他法律行政止公开", LEAVES)
    assert found is not None
    assert (found.key, found.how) == ("applications.results.withheld.prohibited_by_law", How.TYPO)
    assert found.how.is_guess


def test_a_label_without_its_number_or_with_another() -> None:
    found = match("属于国家秘密", LEAVES)
    assert found is not None and found.how is How.NUMBER
    found = match("其他", LEAVES)
    assert found is not None and found.key.endswith("other_handling.other")


def test_joined_label_cells_end_with_the_label() -> None:
    found = match("三、本年度办理结果（三）不予公开1.属于国家秘密", LEAVES, suffix=True)
    assert found is not None and found.how is How.SUFFIX
    assert found.key == "applications.results.withheld.state_secret"


def test_a_close_misspelling_is_a_guess_and_a_different_label_is_none() -> None:
    found = match("6.属于四类过程信息", LEAVES)
    assert found is not None and found.how is How.SIMILAR
    assert found.key == "applications.results.withheld.process_information"
    assert match("合计", LEAVES) is None
    assert match("", LEAVES) is None


def test_without_number() -> None:
    assert without_number("1.属于国家秘密") == "属于国家秘密"
    assert without_number("(七)总计") == "总计"
    assert without_number("一、本年新收") == "本年新收"
