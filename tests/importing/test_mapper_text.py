"""The report's text read by the mapper: title, opening, sections, signature and date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from govreport.findings import Finding, Severity
from govreport.importing.blocks import Grid, Para, Source
from govreport.importing.mapper import map_source
from govreport.importing.parts import sub_heading
from govreport.importing.titles import read_title
from tests.importing.mapper_grids import official_grid, sample_numbers

OPENING = (
    "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。"
    "报告所列统计期限自2024年1月1日至2024年12月31日。"
)
SECTIONS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def tables() -> list[Grid]:
    nums = sample_numbers("2024_huaian_shi")
    return [official_grid(k, nums) for k in ("proactive", "applications", "review_litigation")]


def report(
    *,
    front: tuple[str, ...] = ("淮安市人民政府2024年政府信息公开工作年度报告", OPENING),
    overview: tuple[str, ...] = ("2024年，我市圆满完成了各项任务。",),
    problems: tuple[str, ...] = ("一是政策解读质量仍需提升；二是队伍建设还需加强。",),
    other: tuple[str, ...] = ("2024年，全年收取政府信息公开信息处理费3940元。",),
    closing: tuple[str, ...] = ("淮安市人民政府", "2025年3月20日"),
    headings: dict[str, str] | None = None,
    title: str = "",
) -> Source:
    h = {**SECTIONS, **(headings or {})}
    two, three, four = tables()
    blocks: list[Para | Grid] = [Para(t) for t in front]
    blocks += [Para(h["一"]), *(Para(t) for t in overview)]
    blocks += [Para(h["二"]), two, Para(h["三"]), three, Para(h["四"]), four]
    blocks += [Para(h["五"]), *(Para(t) for t in problems)]
    blocks += [Para(h["六"]), *(Para(t) for t in other), *(Para(t) for t in closing)]
    return Source("html", tuple(b for b in blocks if not isinstance(b, Para) or b.text), title)


def mapped(source: Source) -> tuple[dict[str, Any], list[Finding]]:
    imported = map_source(source)
    return imported.data, list(imported.notes)


def with_code(notes: list[Finding], code: str) -> list[Finding]:
    return [n for n in notes if n.code == code]


# -- title -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "agency", "year"),
    [
        ("淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", 2024),
        ("平潭综合实验区2024年度政府信息公开工作年度报告", "平潭综合实验区", 2024),
        ("某某镇人民政府2024年政府信息公开工作年报告", "某某镇人民政府", 2024),
        ("《某某县民政局2023年政府信息公开工作年度报告》", "某某县民政局", 2023),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("2025-01-20 某某县民政局2024年政府信息公开工作年度报告", "某某县民政局", 2024),
        ("淮安市人民政府2024 年政府信息公开工作年度报告", "淮安市人民政府", 2024),
    ],
)
def test_title_variants(printed: str, agency: str, year: int) -> None:
    data, _ = mapped(report(front=(printed, OPENING)))
    assert (data["agency"]["name"], data["year"]) == (agency, year)
    assert data["opening"] == OPENING


def test_title_text_is_kept_as_printed_without_a_leading_date() -> None:
    data, _ = mapped(
        report(front=("2025年1月20日 《某某县民政局2024年政府信息公开工作年报告》", OPENING))
    )
    assert data["title_text"] == "《某某县民政局2024年政府信息公开工作年报告》"


def test_a_title_split_across_two_paragraphs() -> None:
    data, notes = mapped(
        report(front=("淮安市人民政府", "2024 年政府信息公开工作年度报告", OPENING))
    )
    assert data["agency"]["name"] == "淮安市人民政府"
    assert data["title_text"] == "淮安市人民政府2024 年政府信息公开工作年度报告"
    assert data["opening"] == OPENING
    assert not with_code(notes, "M1") and not with_code(notes, "M16")


def test_a_title_only_in_the_metadata_is_used_with_a_note() -> None:
    source = report(
        front=(OPENING,),
        title="平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
    )
    data, notes = mapped(source)
    assert data["agency"]["name"] == "平潭综合实验区" and data["year"] == 2024
    assert data["title_text"] == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert [n.severity for n in with_code(notes, "M1")] == [Severity.INFO]


def test_no_title_agency_from_signature_and_year_from_the_period() -> None:
    data, notes = mapped(report(front=(OPENING,)))
    assert data["agency"]["name"] == "淮安市人民政府"
    assert data["year"] == 2024
    assert data["title_text"] == ""
    assert [n.path for n in with_code(notes, "M1")] == ["agency.name", "year"]


def test_text_before_the_title_and_portal_metadata_are_left_out_with_a_note() -> None:
    data, notes = mapped(
        report(
            front=(
                "首页 > 政府信息公开年报",
                "时间：2025-01-22 15:35",
                "淮安市人民政府2024年政府信息公开工作年度报告",
                "来源：淮安市人民政府办公室",
                OPENING,
            ),
            closing=(),
        )
    )
    assert data["opening"] == OPENING
    assert data["published"] == dt.date(2025, 1, 22)
    left = with_code(notes, "M16")
    assert [n.location for n in left] == ["标题之前", "网页信息"]
    assert any("网页的发布日期" in n.message for n in with_code(notes, "M15"))


def test_the_level_guess_is_said_in_a_note() -> None:
    data, notes = mapped(report())
    assert data["agency"]["level"] == "city_government"
    [note] = with_code(notes, "M2")
    assert note.severity is Severity.INFO and "设区的市级人民政府" in note.message


def test_running_text_is_no_title() -> None:
    assert read_title("本报告根据《条例》编制，是2024年政府信息公开工作年度报告的一部分。") is None


# -- opening and contact --------------------------------------------------------------


def test_contact_details_and_website_from_the_opening() -> None:
    contact = (
        "如对本报告有疑问，请与本机关联系（地址：淮安市翔宇南道1号，邮编：223001，"
        "电话：0517-83605210，传真：0517-83605211，电子邮箱：hazwgkc@163.com）。"
        "本报告电子版可在“中国淮安”门户网站（www.huaian.gov.cn）下载。"
    )
    data, _ = mapped(
        report(front=("淮安市人民政府2024年政府信息公开工作年度报告", OPENING, contact))
    )
    assert data["opening"] == f"{OPENING}\n{contact}"
    assert data["agency"]["contact"] == {
        "address": "淮安市翔宇南道1号",
        "postcode": "223001",
        "phone": "0517-83605210",
        "fax": "0517-83605211",
        "email": "hazwgkc@163.com",
    }
    assert data["agency"]["website"] == "www.huaian.gov.cn"


@pytest.mark.parametrize("word", ["邮箱：", "E-mail:", "Email："])
def test_email_spellings(word: str) -> None:
    text = f"{OPENING}联系电话：(0517)83605210，{word}gk@huaian.gov.cn。"
    data, _ = mapped(report(front=("淮安市人民政府2024年政府信息公开工作年度报告", text)))
    assert data["agency"]["contact"]["email"] == "gk@huaian.gov.cn"
    assert data["agency"]["contact"]["phone"] == "(0517)83605210"


# -- headings ------------------------------------------------------------------------


def test_heading_variants_are_recognised_and_named_in_a_note() -> None:
    data, notes = mapped(
        report(
            headings={
                "一": "一 、总体情况",
                "四": "四、政府信息公开行政法复议、行政诉讼情况",
                "五": "五．存在的主要问题及改进情况",
                "六": "六、其他需要报告的事项：",
            }
        )
    )
    assert data["problems"]["parts"][0]["text"].startswith("一是")
    assert data["other"]["text"].startswith("2024年")
    assert [(n.path, n.severity) for n in with_code(notes, "M3")] == [
        ("review_litigation", Severity.INFO)
    ]
    assert "行政法复议" in with_code(notes, "M3")[0].message


def test_the_heading_without_the_pause_between_review_and_litigation() -> None:
    _, notes = mapped(report(headings={"四": "四、政府信息公开行政复议行政诉讼情况"}))
    assert not with_code(notes, "M3")


def test_a_heading_with_its_text_in_the_same_paragraph_is_split() -> None:
    data, _ = mapped(
        report(headings={"一": "一、总体情况 2024年，本机关坚持依法公开。"}, overview=())
    )
    assert data["overview"]["intro"] == "2024年，本机关坚持依法公开。"


def test_numbered_items_in_section_5_are_not_section_headings() -> None:
    problems = ("一、队伍建设有待加强。", "二、主动公开政府信息的质量有待提升。")
    data, notes = mapped(report(problems=problems))
    assert data["problems"]["parts"] == [{"heading": "", "text": "\n".join(problems)}]
    assert not with_code(notes, "M3")


def test_a_missing_section_is_a_warning() -> None:
    source = report()
    blocks = tuple(
        b for b in source.blocks if not (isinstance(b, Para) and b.text.startswith("五、"))
    )
    data, notes = mapped(Source("html", blocks))
    assert "problems" not in data
    assert [(n.path, n.severity) for n in with_code(notes, "M3")] == [
        ("problems", Severity.WARNING)
    ]


def test_text_under_a_table_heading_is_left_out_with_a_note() -> None:
    source = report()
    blocks = list(source.blocks)
    blocks.insert(blocks.index(Para(SECTIONS["三"])) + 1, Para("单位：件"))
    _, notes = mapped(Source("html", tuple(blocks)))
    [note] = with_code(notes, "M16")
    assert note.location == SECTIONS["三"] and "单位：件" in note.message


# -- sections 一 and 五 as written ------------------------------------------------------------


def test_overview_sub_headings_as_paragraphs_and_as_lead_ins() -> None:
    overview = (
        "2024年，我市圆满完成了各项任务。",
        "（一）主动公开情况",
        "全年主动公开信息5500余条。",
        "制作政策解读21个。",
        "（二）依申请公开情况。全年受理申请3119件。",
        "（三）政府信息管理：坚持“先审查、后公开”。",
        "（四）2024年，我市开展平台建设，成效明显。",
    )
    data, _ = mapped(report(overview=overview))
    assert data["overview"] == {
        "intro": "2024年，我市圆满完成了各项任务。",
        "parts": [
            {
                "heading": "（一）主动公开情况",
                "text": "全年主动公开信息5500余条。\n制作政策解读21个。",
            },
            {"heading": "（二）依申请公开情况", "text": "全年受理申请3119件。"},
            {
                "heading": "（三）政府信息管理",
                "text": "坚持“先审查、后公开”。\n（四）2024年，我市开展平台建设，成效明显。",
            },
        ],
    }


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("（一）主动公开情况", ("（一）主动公开情况", "")),
        ("（一）主动公开情况。", ("（一）主动公开情况。", "")),
        ("(二)依申请公开情况：全年受理3件。", ("(二)依申请公开情况", "全年受理3件。")),
        ("（三）2024年，我市开展平台建设。", None),
        ("一是加强队伍建设。", None),
    ],
)
def test_sub_headings(text: str, found: tuple[str, str] | None) -> None:
    assert sub_heading(text) == found


def test_problems_as_written_with_their_own_sub_headings_and_items_verbatim() -> None:
    problems = (
        "对照新要求，还有不足。",
        "（一）存在的主要问题",
        "一是政策解读质量仍需提升；二是队伍建设还需加强。",
        "（二）改进情况",
        "一是加强解读；三是强化培训。",
    )
    data, _ = mapped(report(problems=problems))
    assert data["problems"] == {
        "parts": [
            {"heading": "", "text": "对照新要求，还有不足。"},
            {
                "heading": "（一）存在的主要问题",
                "text": "一是政策解读质量仍需提升；二是队伍建设还需加强。",
            },
            {"heading": "（二）改进情况", "text": "一是加强解读；三是强化培训。"},
        ]
    }


# -- 六, signature and date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("other", "fee"),
    [
        (("全年收取政府信息公开信息处理费 3940 元。",), Decimal(3940)),
        (("2024年，无收取信息处理费情况。",), Decimal(0)),
        (("本年度收取信息处理费0.5万元。",), Decimal(5000)),
    ],
)
def test_the_processing_fee_stated_in_6(other: tuple[str, ...], fee: Decimal) -> None:
    data, _ = mapped(report(other=other))
    assert data["other"] == {"text": "\n".join(other), "processing_fee": fee}


def test_no_fee_stated_leaves_the_fee_out() -> None:
    data, _ = mapped(report(other=("无。",)))
    assert data["other"] == {"text": "无。"}


@pytest.mark.parametrize(
    "printed",
    [
        "2025年3月20日",
        "2025-03-20",
        "二〇二五年三月二十日",
        "2025 年 3 月 20 日",
        "２０２５年３月２０日",
    ],
)
def test_date_forms(printed: str) -> None:
    data, _ = mapped(report(closing=("淮安市人民政府", printed)))
    assert data["published"] == dt.date(2025, 3, 20)
    assert data["signed"] is True and data["signatory"] == "淮安市人民政府"
    assert data["other"]["text"] == "2024年，全年收取政府信息公开信息处理费3940元。"


def test_signature_and_date_in_one_paragraph() -> None:
    data, _ = mapped(report(closing=("淮安市人民政府办公室 2025年1月20日",)))
    assert (data["signatory"], data["published"]) == ("淮安市人民政府办公室", dt.date(2025, 1, 20))


def test_a_date_without_signature() -> None:
    data, notes = mapped(report(closing=("2025年1月20日",)))
    assert data["signed"] is False and data["signatory"] == ""
    assert data["published"] == dt.date(2025, 1, 20)
    assert [n.path for n in with_code(notes, "M15")] == ["signatory"]


def test_no_signature_and_no_date_add_nothing() -> None:
    data, notes = mapped(report(closing=(), other=("无。",)))
    assert data["signed"] is False and data["signatory"] == "" and data["published"] is None
    assert data["other"] == {"text": "无。"}
    assert sorted(n.path for n in with_code(notes, "M15")) == ["published", "signatory"]


def test_a_short_last_sentence_is_not_a_signature() -> None:
    data, _ = mapped(report(other=("无",), closing=("2025年1月20日",)))
    assert data["other"]["text"] == "无" and data["signed"] is False


def test_the_readers_notes_come_first() -> None:
    reader_note = Finding("H1", Severity.INFO, "编码按GBK读取", "", "第1段")
    source = report()
    imported = map_source(Source(source.kind, source.blocks, source.title, (reader_note,)))
    assert imported.notes[0] == reader_note
