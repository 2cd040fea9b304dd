"""N1–N7 read a figure however the text typesets it: spaces, full-width digits, 1,234.

Real reports put spaces around figures (淮安市 2024: "受理政府信息公开申请 3119 件"),
no-break spaces from a Word export, ideographic spaces, full-width digits, and
thousands separators.  A text that says 17 applications while its table says
95 must be reported whichever way the 17 is written, and a text that agrees
with its table must give no finding whichever way it is written.
"""

from __future__ import annotations

import time

import attrs
import pytest

from govreport.model import (
    AnnualReport,
    ApplicantCounts,
    Applications,
    DocumentCounts,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Overview,
    Results,
    ReviewLitigation,
    TextPart,
    Unavailable,
    Withheld,
)
from govreport.rules.quotes import Quantity, quotes
from govreport.spec.wording import fee_statements
from govreport.testing import sample_report

from .builders import run

#: 17 as real texts typeset it.  sample_report()'s table says 218 received.
SEVENTEEN = {
    "plain": "17件",
    "space": "17 件",
    "spaces both sides": " 17 ",
    "no-break space": "\u00a017\u00a0件",
    "ideographic space": "\u300017\u3000件",
    "thin space": "\u200917\u2009件",
    "narrow no-break space": "\u202f17\u202f件",
    "zero-width space": "\u200b17\u200b件",
    "tab": "\t17\t件",
    "full-width": "１７件",
    "full-width with spaces": "\u3000１７\u3000件",
    "full-width digits split by a space": "１ ７件",
}


def _narrative(findings):
    return [f for f in findings if f.code.startswith("N")]


def _on_request(report: AnnualReport, text: str) -> AnnualReport:
    return attrs.evolve(report, overview=attrs.evolve(report.overview, on_request=text))


def _sentence(figure: str) -> str:
    # "spaces both sides" has no 件 of its own.
    tail = "" if figure.endswith("件") else "件"
    return f"本年度共受理政府信息公开申请{figure}{tail}。"


@pytest.mark.parametrize("writing", sorted(SEVENTEEN))
def test_17_against_a_table_of_218_is_flagged_however_written(writing: str) -> None:
    report = _on_request(sample_report(), _sentence(SEVENTEEN[writing]))
    (finding,) = _narrative(run(report))
    assert finding.code == "N1"
    assert "写的是17，" in finding.message and "218" in finding.message


@pytest.mark.parametrize("writing", sorted(SEVENTEEN))
def test_a_figure_matching_the_table_is_quiet_however_written(writing: str) -> None:
    figure = SEVENTEEN[writing].replace("17", "218").replace("１７", "２１８")
    figure = figure.replace("１ ７", "２ １８")
    report = _on_request(sample_report(), _sentence(figure))
    assert _narrative(run(report)) == [], figure


def test_the_message_quotes_the_text_as_printed() -> None:
    report = _on_request(sample_report(), "全年受理政府信息公开申请\u00a017\u00a0件。")
    (finding,) = _narrative(run(report))
    assert "申请\u00a017\u00a0件" in finding.message


@pytest.mark.parametrize(
    "written", ["1,234件", "1，234件", "１,２３４件", "1 234件", "1\u00a0234件"]
)
def test_thousands_separators_make_one_figure(written: str) -> None:
    (quote,) = quotes(f"全年共收到政府信息公开申请{written}。", 2024)
    assert (quote.quantity, quote.value) == (Quantity.APPLICATIONS, 1234)


def test_a_comma_between_two_figures_is_not_a_thousands_separator() -> None:
    found = [(q.quantity, q.value) for q in quotes("行政复议12,行政诉讼3件。", 2024)]
    assert found == [(Quantity.LITIGATION, 3)]
    found = [(q.quantity, q.value) for q in quotes("收到申请5,1234件", 2024)]
    assert found == []  # 5,1234 is no thousands grouping: say nothing


def test_1234_against_its_table_is_quiet_and_against_218_flagged() -> None:
    text = "全年共收到政府信息公开申请1,234件。"
    (finding,) = _narrative(run(_on_request(sample_report(), text)))
    assert "写的是1234，" in finding.message
    big = sample_report()
    apps = attrs.evolve(
        big.applications,
        received=ApplicantCounts(natural_person=1234),
        results=Results(disclosed=ApplicantCounts(natural_person=1234)),
    )
    big = attrs.evolve(big, applications=apps)
    assert _narrative(run(_on_request(big, text))) == []


def _row(natural: int, commercial: int = 0, legal: int = 0, other: int = 0) -> ApplicantCounts:
    return ApplicantCounts(
        natural_person=natural,
        commercial_enterprise=commercial,
        legal_service_agency=legal,
        other=other,
    )


def huaian_2024() -> AnnualReport:
    """淮安市人民政府办公室 2024's tables 三 and 四 and 规章/行政规范性文件, as published.

    Source: shared/samples/2024_huaian_shi.json, read off ``szfgs2024.pdf``
    (GitHub zxj6827111-blip/govnianbao).
    """
    base = sample_report()
    return attrs.evolve(
        base,
        proactive=attrs.evolve(
            base.proactive,
            rules=DocumentCounts(issued=1, repealed=0, in_force=11),
            normative_documents=DocumentCounts(issued=8, repealed=26, in_force=66),
        ),
        applications=Applications(
            received=_row(3001, 53, 61, 4),
            carried_over=_row(34),
            results=Results(
                disclosed=_row(1288, 21, 50, 3),
                partially_disclosed=_row(447, 7),
                withheld=Withheld(
                    state_secret=_row(2),
                    prohibited_by_law=_row(30, 1),
                    endangers_stability=_row(5),
                    third_party_rights=_row(6),
                    internal_affairs=_row(7, 1),
                    process_information=_row(12),
                    enforcement_case_files=_row(9),
                    query_matters=_row(105),
                ),
                unavailable=Unavailable(
                    not_held=_row(746, 12, 10, 1),
                    requires_creation=_row(11),
                    unclear_after_correction=_row(1),
                ),
                not_processed=NotProcessed(
                    complaints=_row(56, 6), repeated=_row(25), confirmation=_row(1)
                ),
                other_handling=OtherHandling(
                    not_corrected=_row(67, 3, 1), fee_unpaid=_row(6), other=_row(108, 2)
                ),
            ),
            carried_forward=_row(103),
        ),
        review_litigation=ReviewLitigation(
            review=Outcomes(upheld=72, corrected=64, other=178, pending=37),
            litigation_direct=Outcomes(upheld=13, corrected=4, other=8, pending=1),
            litigation_after_review=Outcomes(upheld=12, corrected=1, other=1, pending=6),
        ),
    )


# 淮安市 2024, 一（一）and（二）, as the PDF prints them (spaces around every
# figure), with the hard-wrapped lines joined.
HUAIAN_PROACTIVE = (
    "（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，"
    "全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件，"
    "通过文字、图片等形式制作政策解读 21 个，制作《淮安市人民政府公报》6 期。"
)
HUAIAN_ON_REQUEST = (
    "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，"
    "另有 103 件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351 件，"
    "其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；"
    "政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。"
)


def _huaian_text(report: AnnualReport) -> AnnualReport:
    overview = Overview(proactive=HUAIAN_PROACTIVE, on_request=HUAIAN_ON_REQUEST)
    return attrs.evolve(report, overview=overview)


def test_real_huaian_text_with_spaced_figures_is_read() -> None:
    found = {(q.quantity, q.value) for q in quotes(HUAIAN_ON_REQUEST, 2024)}
    assert {
        (Quantity.APPLICATIONS, 3119),
        (Quantity.CARRIED, 34),
        (Quantity.REVIEW, 351),
        (Quantity.LITIGATION, 46),
    } <= found


def test_real_huaian_text_agrees_with_its_own_tables() -> None:
    assert _narrative(run(_huaian_text(huaian_2024()))) == []


def test_real_huaian_text_against_other_tables_is_flagged() -> None:
    # The same text on 平潭 2024's tables: every quoted figure disagrees.
    findings = _narrative(run(_huaian_text(sample_report())))
    codes = sorted({f.code for f in findings})
    assert codes == ["N1", "N2", "N3", "N4", "N7"]
    n1 = next(f for f in findings if f.code == "N1")
    assert "写的是3119，" in n1.message and "218" in n1.message


def test_an_imported_reports_own_sub_headings_are_read() -> None:
    """An import keeps 一's text under the agency's own headings (``overview.parts``)."""
    report = sample_report()
    part = TextPart(heading="（二）依申请公开情况", text="全年共受理政府信息公开申请 17 件。")
    report = attrs.evolve(report, overview=Overview(parts=(part,)))
    (finding,) = _narrative(run(report))
    assert (finding.code, finding.path) == ("N1", "overview.parts[0].text")
    assert finding.location.startswith("一、总体情况")
    assert "写的是17，" in finding.message


@pytest.mark.parametrize("run_of", ["一", "1", "十"])
def test_a_long_run_of_numerals_is_read_in_linear_time(run_of: str) -> None:
    """A count is never tried from inside a run of numerals (it was: minutes for 100,000)."""
    text = "受理政府信息公开申请" + run_of * 100_000 + "元。"
    started = time.monotonic()
    assert list(quotes(text, 2024)) == []
    assert fee_statements("收取信息处理费" + run_of * 100_000 + "件。") == [
        (f"收取信息处理费{run_of * 100_000}件。", None)
    ]
    assert time.monotonic() - started < 10
