"""Narrative placeholders: numbers from the tables, evaluated in a bounded sandbox."""

from __future__ import annotations

import time

import attrs
import pytest

import govreport.testing
from govreport import limits
from govreport.model import ListStyle
from govreport.placeholders import PlaceholderError, context, render_text
from govreport.rules.base import Severity
from govreport.rules.placeholders import placeholder_fields
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


# -- bounds (govreport.sandbox): each refused before it costs ------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ 'a'|center(10**9) }}", "65536"),
        ("{{ 'a'.ljust(3*10**9) }}", "65536"),
        ("{{ '%0999999999d' % 1 }}", "格式宽度"),
        ("{{ '{0:{1}}'.format('a', 10**9) }}", "格式宽度"),
        ("{{ ((10**64)**64)**64 }}", "数字过大"),
        (
            "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
            "循环次数",
        ),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "宏的嵌套调用"),
        ("{{ lipsum(100000) }}", "未知的占位符名称“lipsum”"),
        ("{{ cycler }}", "未知的占位符名称“cycler”"),
        ("{{ '\\x00' }}", "U\\+0000"),
    ],
)
def test_bounds_are_clear_errors_and_fast(names, text: str, message: str) -> None:
    start = time.monotonic()
    with pytest.raises(PlaceholderError, match=message):
        render_text(text, dict(names))  # a plain dict: a fresh evaluation, not the cache
    assert time.monotonic() - start < 0.5


def test_ordinary_templates_still_work(names) -> None:
    text = (
        "{% for i in range(3) %}{{ i }}{% if not loop.last %}、{% endif %}{% endfor %}；"
        "{{ '%d件' % applications.received.total }}；{{ '{}年'.format(year) }}；"
        "{{ agency.name ~ '报告' }}；{{ ['甲', '乙']|join('、') }}；{{ 'ab'|center(6) }}"
    )
    assert render_text(text, names) == (
        "0、1、2；218件；2024年；平潭综合实验区管理委员会报告；甲、乙；  ab  "
    )


def test_one_slow_field_stops_at_its_second_and_the_report_at_its_budget() -> None:
    report = sample_report()
    names = context(report)
    assert context(report) is names  # one per report: validation and rendering share it
    slow = "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(30) }}"
    start = time.monotonic()
    for i in range(8):
        with pytest.raises(PlaceholderError, match=r"求值时间|整份报告"):
            render_text(f"{slow}{i}", names)
    assert time.monotonic() - start < limits.REPORT_PLACEHOLDER_SECONDS + 1
    with pytest.raises(PlaceholderError, match="整份报告"):
        render_text("{{ year }}", names)


def test_a_text_is_evaluated_once_per_report() -> None:
    names = context(sample_report())
    text = "{{ applications.received.total }}件"
    assert render_text(text, names) == "218件"
    names.results[text] = "cached"
    assert render_text(text, names) == "cached"


# -- B: only placeholder fields are evaluated, at validation and rendering alike ----


def _everywhere(text: str):
    """The sample report with ``text`` appended to every text field."""
    r = sample_report()
    a = r.agency
    contact = attrs.evolve(
        a.contact,
        address=a.contact.address + text,
        postcode=a.contact.postcode + text,
        phone=a.contact.phone + text,
    )
    agency = attrs.evolve(a, name=a.name + text, website=a.website + text, contact=contact)
    ov = r.overview
    p = r.problems
    return attrs.evolve(
        r,
        agency=agency,
        opening="",  # the generated opening, from the agency's fields
        overview=attrs.evolve(ov, intro=ov.intro + text),
        problems=attrs.evolve(
            p,
            problems_intro=p.problems_intro + text,
            problems=tuple(i + text for i in p.problems),
        ),
        other=attrs.evolve(r.other, text=r.other.text + text),
        signatory="某某" + text,
    )


def test_agency_fields_and_the_generated_opening_are_printed_as_written() -> None:
    out = govreport.testing.render_text(_everywhere("【{{ 7*7 }}】"), allow_errors=True)
    assert "电话：" in out
    opening = out[: out.index("一、")]
    assert "49" not in opening
    assert opening.count("【{{ 7*7 }}】") >= 4  # name, website, address, postcode, phone
    assert "【49】" in out  # the narrative still evaluates


def test_validation_evaluates_exactly_the_fields_rendering_evaluates() -> None:
    report = _everywhere("{{ 'a'|center(10**9) }}")
    engine = govreport.testing.make_engine()
    p1 = {f.path for f in engine.validate(report) if f.code == "P1"}
    assert p1 == {path for path, text in placeholder_fields(report) if "center" in text}
    assert "signatory" not in p1 and not any(p.startswith("agency.") for p in p1)
    # …and each of those is what stops a forced render, by its label.
    with pytest.raises(PlaceholderError, match="概述"):
        engine.render(report, "txt", allow_errors=True)


def test_an_evaluated_intro_is_not_evaluated_twice() -> None:
    r = sample_report()
    p = attrs.evolve(r.problems, style=ListStyle.PARAGRAPHS, problems_intro="{{ '{{ 7*7 }}' }}")
    out = govreport.testing.render_text(attrs.evolve(r, problems=p))
    assert "{{ 7*7 }}" in out and "49" not in out.split("五、")[1].split("\n")[1]


# -- "validates clean" means "renders" ------------------------------------------------

_TRICKY = [
    "{{ '{{ x }}' }}",
    "{{ '{% if %}' }}",
    "{{ '\\x00'|length }}",
    "{{ ('a' * 60000)|length }}",
    "{% for i in range(1000) %}{{ i }}{% endfor %}",
    "{{ 10**300 }}",
    "{{ agency.name }}{{ agency.contact.phone }}",
    "{{ '\\u200d\\ue000' }}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
    "{{ 'x' * 65536 }}",
    "{{ 1 / 3 }}",
    "{{ '<b>&amp;</b>' }}",
    "{# a comment #}",
]


_AGENCY_ONLY = ["{{ x }}", "{{ 7*7 }}", "{% for %}", "{{ 'a'|center(10**9) }}", "{{ cycler }}"]


def _agency_only(text: str):
    r = _everywhere(text)
    s = sample_report()
    return attrs.evolve(r, overview=s.overview, problems=s.problems, other=s.other)


@pytest.mark.parametrize(
    "report",
    [_everywhere(t) for t in _TRICKY] + [_agency_only(t) for t in _AGENCY_ONLY],
    ids=[f"all:{t}" for t in _TRICKY] + [f"agency:{t}" for t in _AGENCY_ONLY],
)
def test_a_report_that_validates_clean_renders_in_every_format(report) -> None:
    engine = govreport.testing.make_engine()
    errors = [f for f in engine.validate(report) if f.severity is Severity.ERROR]
    if errors:
        return  # refused at validation: fine, as long as it is a finding
    for fmt in ("txt", "html", "docx"):
        assert engine.render(report, fmt)


@pytest.mark.parametrize(
    "text", ["{{ range }}", "{{ agency }}", "{{ problems.problems }}", "{{ none }}", "{{ true }}"]
)
def test_only_text_and_numbers_are_printed(names, text: str) -> None:
    with pytest.raises(PlaceholderError, match="不能直接写入正文"):
        render_text(text, dict(names))


def test_lists_print_through_join_and_loops(names) -> None:
    text = "{{ problems.problems|join('；') }}|{% for p in problems.problems %}{{ p }}{% endfor %}"
    assert render_text(text, names).count("工作机制有待进一步完善") == 2
