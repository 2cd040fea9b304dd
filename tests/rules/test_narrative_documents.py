"""N6 and N7: 行政规范性文件 and 规章 counts in the text match table 二.

A real report says 393 normative documents while its table says 470.  The verb
says which column is meant: 制发/印发 this year's, 废止 the repealed,
现行有效 those in force; 公开/发布 may mean this year's or all in force.
sample_report(): 规章 0/0/0, 行政规范性文件 制发 62, 废止 33, 现行有效 440.
"""

from __future__ import annotations

import attrs
import pytest

from govreport.model import AnnualReport
from govreport.rules.quotes import Quantity, quotes
from govreport.testing import sample_report

from .builders import run


def _proactive(text: str) -> AnnualReport:
    report = sample_report()
    return attrs.evolve(report, overview=attrs.evolve(report.overview, proactive=text))


def _codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in run(_proactive(text)) if f.code in ("N6", "N7")]


@pytest.mark.parametrize(
    "text",
    [
        "本年度制发行政规范性文件62件。",
        "全年印发区政府行政规范性文件 62 件。",
        "废止行政规范性文件33件。",
        "现行有效行政规范性文件440件。",
        "行政规范性文件现行有效４４０件。",
        "主动公开行政规范性文件62件。",  # this year's
        "主动公开行政规范性文件440件。",  # or all in force
        "制定规章0件。",
    ],
)
def test_figures_matching_table_2_are_quiet(text: str) -> None:
    assert _codes(text) == []


def test_393_in_force_against_440_is_flagged() -> None:
    ((code, message),) = _codes("截至年底，现行有效行政规范性文件 393 件。")
    assert code == "N6"
    assert "写的是393，" in message and "现行有效件数为440" in message


def test_issued_is_compared_with_the_issued_column_only() -> None:
    ((code, message),) = _codes("本年度制发行政规范性文件440件。")
    assert code == "N6" and "本年制发件数为62" in message


def test_a_township_quoting_rules_it_cannot_make() -> None:
    ((code, message),) = _codes("全年新增公开规章 1 件。")
    assert code == "N7" and "规章本年制发件数为0" in message


@pytest.mark.parametrize(
    "text",
    [
        "制发规章和行政规范性文件15件。",  # two rows at once
        "依申请公开行政规范性文件3件。",  # table 三's business
        "制定党内规范性文件5件。",  # not the government's
        "印发《关于加强行政规范性文件管理的通知》1件。",  # a title
        "清理行政规范性文件120件。",  # 清理 is neither column
        "2023年制发行政规范性文件50件。",  # another year
        "制发行政规范性文件近60件。",  # approximate
    ],
)
def test_counts_not_attributable_to_one_cell_are_ignored(text: str) -> None:
    assert [q for q in quotes(text, 2024) if q.quantity is Quantity.NORMATIVE_DOCUMENTS] == []
    assert _codes(text) == []
