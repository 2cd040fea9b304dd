"""The two real 平潭 pages, printed the ways other portals print a report.

Each variant edits the real page's markup (the title in an ``<h1>``, the
sub-headings as paragraphs or bold lead-ins, 五 with sub-headings and
numbered items, a signature with a right-aligned date, a contact block with
fax and e-mail, headings with typos and half-width punctuation), reads it with
the HTML reader and checks the fields it must fill and the notes it must give.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govreport.findings import Finding, Severity
from govreport.importing.html import parse_html
from govreport.importing.mapper import Imported, map_source
from tests.importing.mapper_grids import expected_data, sample_numbers

HTML = Path(__file__).parent.parent / "data" / "importing" / "html"
PAGES = ("2024_pingtan", "2025_pingtan")
TABLES = ("proactive", "applications", "review_litigation")
#: A sub-heading printed as a lead-in: （一）主动公开方面。 (in a 楷体 span on the 2024
#: page; the number in a span of its own once on the 2025 page).
_LEAD_IN = re.compile(
    r"(<p[^>]*>)((?:<span[^>]*>)?（[一二三四五]）(?:</span><span[^>]*>)?[^。<]{1,20})。(?:</span>)?"
)
#: The title block above the article.
_TITLE_BLOCK = re.compile(r'<div class="article_title text_align_center">\s*([^<]+?)\s*</div>')
_ARTICLE = "<div class=TRS_Editor>"
#: 五's paragraphs, up to the heading of 六.
_FIVE = re.compile(
    r"(五、存在的主要问题及改进情况(?:</span>)?</p>)(.*?)(<p[^>]*>(?:<span[^>]*>)?六、)", re.S
)
#: 六's heading and its one paragraph.
_SIX = re.compile(r"(六、其他需要报告的事项(?:</span>)?</p><p[^>]*>[^<]*</p>)")
_OPENING = re.compile(r"(<div class=TRS_Editor><p[^>]*>.*?</p>)", re.S)


def _head(m: re.Match[str]) -> str:
    """The sub-heading a :data:`_LEAD_IN` match found, without its markup."""
    return re.sub(r"<[^>]+>", "", m.group(2))


def _page(name: str) -> str:
    return (HTML / f"{name}.page.html").read_text(encoding="utf-8")


def _read(html: str) -> Imported:
    return map_source(parse_html(html.encode("utf-8"), name="variant.html"))


def _edit(pattern: re.Pattern[str], html: str, change: Callable[[re.Match[str]], str]) -> str:
    edited, count = pattern.subn(change, html)
    assert count, f"the page no longer has {pattern.pattern[:40]}"
    return edited


@pytest.fixture(scope="module", params=PAGES)
def page(request: pytest.FixtureRequest) -> tuple[str, str, Imported]:
    """(name, the page's markup, the page as published, imported)."""
    name = str(request.param)
    html = _page(name)
    return name, html, _read(html)


def _codes(notes: tuple[Finding, ...]) -> set[str]:
    return {n.code for n in notes}


def _tables(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in TABLES}


def _same_report(variant: Imported, original: Imported, name: str) -> None:
    """Every number as in the JSON, every text as the page as published gives it."""
    assert _tables(variant.data) == expected_data(sample_numbers(name))
    for key in ("agency", "year", "title_text", "opening", "overview", "problems", "other"):
        assert variant.data[key] == original.data[key], key


# -- the title ------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["inside", "outside"])
def test_title_in_an_h1_inside_or_outside_the_article(
    page: tuple[str, str, Imported], where: str
) -> None:
    name, html, original = page
    title = _TITLE_BLOCK.search(html)
    assert title is not None
    # The page's <title> says nothing useful: the title must come from the <h1>.
    html = re.sub(r"<title>[^<]*", "<title>政府信息公开年报_平潭综合实验区", html)
    if where == "inside":
        html = _edit(_TITLE_BLOCK, html, lambda m: '<div class="article_title"></div>')
        html = html.replace(_ARTICLE, f"{_ARTICLE}<h1>{title.group(1)}</h1>", 1)
    else:
        html = _edit(_TITLE_BLOCK, html, lambda m: f"<h1>{m.group(1)}</h1>")
    variant = _read(html)
    _same_report(variant, original, name)
    assert variant.data["title_text"] == title.group(1)
    assert "M1" not in _codes(variant.notes)


# -- 一's sub-headings -----------------------------------------------------------------


def test_sub_headings_as_paragraphs_of_their_own(page: tuple[str, str, Imported]) -> None:
    name, html, original = page
    variant = _read(_edit(_LEAD_IN, html, lambda m: f"<p>{_head(m)}</p>{m.group(1)}"))
    _same_report(variant, original, name)
    assert len(variant.data["overview"]["parts"]) == 5
    assert _codes(variant.notes) <= {"M2", "M15"}


def test_sub_headings_as_bold_lead_ins(page: tuple[str, str, Imported]) -> None:
    """``<p><strong>（一）主动公开方面。</strong>本年度…</p>``: the stop only separates."""
    name, html, original = page
    variant = _read(
        _edit(_LEAD_IN, html, lambda m: f"<p><strong>{_head(m)}。</strong>"),
    )
    _same_report(variant, original, name)
    assert variant.data["overview"]["parts"][0]["heading"] == "（一）主动公开方面"
    assert _codes(variant.notes) <= {"M2", "M15"}


def test_bold_sub_headings_with_a_space_or_nothing_after_them(
    page: tuple[str, str, Imported],
) -> None:
    """Half-width brackets kept as printed; a run-on heading cut by its topic, with a note."""
    name, html, original = page

    def bold(m: re.Match[str]) -> str:
        head = _head(m).replace("（", "(").replace("）", ")")
        gap = "&nbsp;" if head.startswith(("(一)", "(三)")) else ""
        return f"<p><b>{head}</b>{gap}"

    variant = _read(_edit(_LEAD_IN, html, bold))
    parts = variant.data["overview"]["parts"]
    expected = [
        {**p, "heading": p["heading"].replace("（", "(").replace("）", ")")}
        for p in original.data["overview"]["parts"]
    ]
    assert parts == expected
    assert parts[0]["heading"] == "(一)主动公开方面"
    run_on = [n for n in variant.notes if n.code == "M3"]
    assert [n.location for n in run_on] == [
        f"一、总体情况（{p['heading']}）" for p in expected if p["heading"][1] not in "一三"
    ]
    assert {n.severity for n in run_on} == {Severity.INFO}
    assert _tables(variant.data) == expected_data(sample_numbers(name))


# -- 五 with sub-headings and numbered items --------------------------------------------


def test_problems_with_sub_headings_and_numbered_items(page: tuple[str, str, Imported]) -> None:
    _, html, original = page
    printed = "\n".join(p["text"] for p in original.data["problems"]["parts"])
    lead, _, listed = printed.partition("一是")
    items = re.split("[二三四五]是", listed)
    problems = lead[: lead.rfind("。") + 1].strip()
    intro = lead[lead.rfind("。") + 1 :].strip()
    numbered = [f"{i}.{item.strip()}" for i, item in enumerate(items, 1)]
    five = (
        f"<p>（一）存在的主要问题</p><p>{problems}</p><p>（二）改进情况</p><p>{intro}</p>"
        + "".join(f'<p style="text-indent: 2em;">{item}</p>' for item in numbered)
    )
    variant = _read(_edit(_FIVE, html, lambda m: m.group(1) + five + m.group(3)))
    assert variant.data["problems"]["parts"] == [
        {"heading": "（一）存在的主要问题", "text": problems},
        {"heading": "（二）改进情况", "text": "\n".join([intro, *numbered])},
    ]
    assert len(numbered) == 3 and numbered[1].startswith("2.")
    assert variant.data["other"] == original.data["other"]
    assert _codes(variant.notes) <= {"M2", "M15"}


# -- the closing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        '<p style="text-align: right;">{who}</p><p style="text-align: right;">{date}</p>',
        '<p>&nbsp;</p><p style="text-align: right;">{who}</p><p>&nbsp;</p>'
        '<p style="text-align: right;">{date}</p>',
        '<p style="text-align: right;">{who}<br/>{date}</p>',
        '<p style="text-align: right;">{who}&nbsp;&nbsp;&nbsp;&nbsp;{date}</p>',
    ],
)
def test_signature_and_a_right_aligned_date_after_it(
    page: tuple[str, str, Imported], closing: str
) -> None:
    name, html, original = page
    year = int(name[:4]) + 1
    tail = closing.format(who="平潭综合实验区管理委员会", date=f"{year}年1月20日")
    variant = _read(_edit(_SIX, html, lambda m: m.group(1) + tail))
    data = variant.data
    assert (data["signed"], data["signatory"]) == (True, "平潭综合实验区管理委员会")
    assert data["published"] == dt.date(year, 1, 20)
    assert data["other"] == original.data["other"]
    assert _codes(variant.notes) == {"M2"}


def test_a_date_alone_is_no_signature(page: tuple[str, str, Imported]) -> None:
    name, html, _ = page
    year = int(name[:4]) + 1
    tail = f'<p style="text-align: right;">{year}年1月20日</p>'
    variant = _read(_edit(_SIX, html, lambda m: m.group(1) + tail))
    assert (variant.data["signed"], variant.data["signatory"]) == (False, "")
    assert variant.data["published"] == dt.date(year, 1, 20)
    [unsigned] = [n for n in variant.notes if n.code == "M15"]
    assert unsigned.path == "signatory"


# -- the opening ------------------------------------------------------------------------


def test_contact_with_fax_and_email_in_the_opening(page: tuple[str, str, Imported]) -> None:
    name, html, original = page
    contact = (
        "如对本报告有疑问，请与平潭综合实验区管委会办公室联系（地址：平潭综合实验区金井湾片区"
        "商务营运中心6号楼，邮编：350400，电话：0591-86169000，传真：0591-86169001，"
        "电子邮箱：ptzwgk@163.com）。本报告电子版可在平潭综合实验区门户网站"
        "（http://www.pingtan.gov.cn）查阅。"
    )
    variant = _read(_edit(_OPENING, html, lambda m: f"{m.group(1)}<p>{contact}</p>"))
    agency = variant.data["agency"]
    assert agency["contact"] == {
        "address": "平潭综合实验区金井湾片区商务营运中心6号楼",
        "postcode": "350400",
        "phone": "0591-86169000",
        "fax": "0591-86169001",
        "email": "ptzwgk@163.com",
    }
    assert agency["website"] == "http://www.pingtan.gov.cn"
    assert variant.data["opening"] == original.data["opening"] + "\n" + contact
    assert _tables(variant.data) == expected_data(sample_numbers(name))


# -- headings as real reports print them ------------------------------------------------


def test_heading_with_the_known_typo_is_read_with_a_note(page: tuple[str, str, Imported]) -> None:
    name, html, original = page
    official = "四、政府信息公开行政复议、行政诉讼情况"
    variant = _read(html.replace(official, "四、政府信息公开行政法复议、行政诉讼情况"))
    _same_report(variant, original, name)
    [typo] = [n for n in variant.notes if n.code == "M3"]
    assert typo.severity is Severity.INFO and typo.location == official
    assert "行政法复议" in typo.message


def test_headings_without_their_marks_and_with_half_width_brackets(
    page: tuple[str, str, Imported],
) -> None:
    """Punctuation missing or half-width changes no field and needs no note."""
    name, html, original = page
    for printed, official in (
        ("二主动公开政府信息情况", "二、主动公开政府信息情况"),
        ("三.收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况"),
        ("四、政府信息公开行政复议行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况"),
        ("六.其他需要报告的事项", "六、其他需要报告的事项"),
    ):
        assert official in html
        html = html.replace(official, printed)
    html = html.replace("（五）监督保障方面", "(五)监督保障方面")
    variant = _read(html)
    assert _tables(variant.data) == expected_data(sample_numbers(name))
    parts = variant.data["overview"]["parts"]
    assert parts[:4] == original.data["overview"]["parts"][:4]
    assert parts[4] == {**original.data["overview"]["parts"][4], "heading": "(五)监督保障方面"}
    for key in ("problems", "other", "opening"):
        assert variant.data[key] == original.data[key]
    assert _codes(variant.notes) <= {"M2", "M15"}
