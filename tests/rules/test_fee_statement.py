"""六 and the 信息处理费: one decision for rule S1 and for the document.

Real reports say "no fee" in many ways (平潭: "无收取信息处理费情况"; 双浦镇:
"本年度未收取信息处理费"; others "未发生收费情况").  S1 must accept them, the
document must then add no second fee sentence, and when the text states an
amount the data's ``processing_fee`` contradicts, S5 says so.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govreport
from govreport.document.blocks import Paragraph
from govreport.model import AnnualReport
from govreport.spec.wording import fee_statements, states_fee
from govreport.testing import sample_report

from .builders import run

#: Ways of saying no fee was charged: real reports' (first three) and common ones.
NO_FEE = (
    "2024年，无收取信息处理费情况。",  # 平潭 2024, verbatim
    "按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）"
    "规定的按件、按量收费标准，本年度未收取信息处理费。",  # 双浦镇 2024, verbatim
    "本年度未发生收费情况。",
    "本机关没有收取信息处理费。",
    "本年度信息处理费0元。",
    "本年度信息处理费 0 元。",
    "本年度信息处理费０元。",
    "未产生信息处理费。",
    "不存在收取信息处理费的情况。",
    "本年度无收费情况。",
    "本年度未向申请人收取任何费用。",
    "依申请公开政府信息均未收取费用。",
    "本年度无信息处理费收取情况。",
    "本机关依法免收信息处理费。",
    "本年度信息处理费收取情况：无。",
    "本年度信息处理费为零。",
    "本年度收取信息处理费0.00元。",
)

#: Texts of 六 that do not state the fee.
NO_STATEMENT = (
    "本年度无其他需要报告的事项。",
    # A title names the fee without stating it.
    "本机关严格执行《政府信息公开信息处理费管理办法》。",
    # 收费 of another kind.
    "申请人逾期未按收费通知要求缴纳费用的，本机关不再处理其申请。",
    "本年度行政事业性收费96171.6万元。",
    "本年度公开污水处理费收费标准。",
)


def _other(text: str, fee: int | str = 0) -> AnnualReport:
    report = sample_report()
    return attrs.evolve(report, other=attrs.evolve(report.other, text=text, processing_fee=fee))


def _other_section(report: AnnualReport) -> list[str]:
    doc = govreport.Engine(autoload=False).document(report)
    section = next(s for s in doc.sections if s.key == "other")
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("text", NO_FEE)
def test_s1_accepts_each_way_of_saying_no_fee(text: str) -> None:
    assert run(_other(text), code="S1") == []
    assert [s.amount for s in fee_statements(text)] == [Decimal(0)]


@pytest.mark.parametrize("text", NO_FEE)
def test_no_second_fee_sentence_is_added(text: str) -> None:
    assert _other_section(_other(text)) == [text]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_s1_fires_and_the_document_adds_the_sentence_when_not_stated(text: str) -> None:
    (finding,) = run(_other(text), code="S1")
    assert finding.path == "other.text"
    paragraphs = _other_section(_other(text))
    assert paragraphs == [text, "2024年度，本机关未收取信息处理费。"]


@pytest.mark.parametrize("text", (*NO_FEE, *NO_STATEMENT, ""))
def test_s1_and_the_document_decide_alike(text: str) -> None:
    added = len(_other_section(_other(text))) > len([t for t in [text] if t])
    assert added == (not states_fee(text))
    # An empty 六 gets the sentence without a warning: nothing was written.
    assert bool(run(_other(text), code="S1")) == (added and bool(text))


def test_real_huaian_amount_with_spaces_is_read() -> None:
    # 淮安市 2024, 六, verbatim from the PDF (lines joined).
    text = (
        "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，"
        "全年收取政府信息公开信息处理费 3940 元。"
    )
    assert [s.amount for s in fee_statements(text)] == [Decimal(3940)]
    report = _other(text, 3940)
    assert run(report, code="S1") == [] and run(report, code="S5") == []
    assert _other_section(report) == [text]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("共收取信息处理费1,234.50元。", Decimal("1234.50")),
        ("共收取信息处理费０．５万元。", Decimal("5000")),
        ("共收取3940元信息处理费。", Decimal(3940)),
        ("收取费用共计120元。", Decimal(120)),
    ],
)
def test_amounts(text: str, amount: Decimal) -> None:
    assert [s.amount for s in fee_statements(text)] == [amount]


def test_a_rate_is_not_an_amount_charged() -> None:
    (statement,) = fee_statements("信息处理费按每件100元收取，本年度未收取信息处理费。")
    assert statement.amount == 0
    assert fee_statements("信息处理费收费标准为每件100元。") == [
        ("信息处理费收费标准为每件100元。", None)
    ]


def test_s5_text_says_none_but_the_data_says_3940() -> None:
    (finding,) = run(_other("本年度未发生收费情况。", 3940), code="S5")
    assert finding.path == "other.processing_fee"
    assert "0" in finding.message and "3940" in finding.message
    assert "未发生收费情况" in finding.message


def test_s5_text_says_3940_but_the_data_says_none() -> None:
    (finding,) = run(_other("全年收取信息处理费 3940 元。", 0), code="S5")
    assert "3940" in finding.message


def test_s5_quiet_when_they_agree_or_no_amount_is_stated() -> None:
    assert run(_other("全年收取信息处理费3940元。", 3940), code="S5") == []
    assert run(_other("共收取信息处理费1,234.50元。", "1234.5"), code="S5") == []
    assert run(_other("信息处理费按规定收取。", 3940), code="S5") == []
    assert run(_other("本年度无其他需要报告的事项。", 3940), code="S5") == []


def test_s5_reads_the_text_with_placeholders_evaluated() -> None:
    text = "全年收取信息处理费{{ other.processing_fee }}元。"
    assert run(_other(text, 3940), code="S5") == []
    assert run(_other(text, 3940), code="S1") == []
    assert _other_section(_other(text, 3940)) == ["全年收取信息处理费3940元。"]
