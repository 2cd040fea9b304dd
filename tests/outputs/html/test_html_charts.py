"""The chart summary: numbers from the model, labels from the spec, deterministic SVG."""

from __future__ import annotations

import re

import attrs

from govreport.outputs.html import charts as svg_charts
from govreport.outputs.html.summary import Bar, Chart, charts, short_label, without_ordinal
from govreport.spec import applications as app_spec
from govreport.spec import proactive as pro_spec
from govreport.testing import sample_report

from .support import parse, previous_report, render


def _chart(key: str, with_previous: bool = False) -> Chart:
    previous = previous_report() if with_previous else None
    return next(c for c in charts(sample_report(), previous) if c.key == key)


def test_results_chart_shows_the_six_outcomes_adding_up_to_the_total() -> None:
    report = sample_report()
    chart = _chart("results")
    groups = [r for r in app_spec.RESULTS.children if not r.computed]
    assert [b.label for b in chart.bars] == [short_label(r.label) for r in groups]
    assert sum(b.value for b in chart.bars) == report.applications.results.total.total
    withheld = report.applications.results.withheld.subtotal.total
    assert chart.bars[2].value == withheld


def test_applicants_chart_counts_new_applications_per_column() -> None:
    received = sample_report().applications.received
    chart = _chart("applicants")
    assert [b.label for b in chart.bars] == [label for _, label in app_spec.APPLICANT_COLUMNS]
    assert [b.value for b in chart.bars] == list(received.values())


def test_decisions_chart_has_the_three_decision_counts_of_table_2() -> None:
    p = sample_report().proactive
    chart = _chart("decisions")
    official = [label for _, _, rows in pro_spec.SINGLE_VALUE_BLOCKS for _, label in rows]
    assert all(b.label in official for b in chart.bars)
    assert [b.value for b in chart.bars] == [p.licensing, p.punishment, p.coercion]
    assert chart.title == pro_spec.DECISIONS


def test_comparison_needs_last_years_report() -> None:
    assert "comparison" not in {c.key for c in charts(sample_report(), None)}
    chart = _chart("comparison", with_previous=True)
    now, before = sample_report(), previous_report()
    assert chart.series == (f"{before.year}年", f"{now.year}年")
    first = chart.bars[0]
    assert (first.previous, first.value) == (
        before.applications.received.total,
        now.applications.received.total,
    )
    assert first.label == without_ordinal(app_spec.BODY[0].label)


def test_short_labels_drop_only_a_trailing_counting_note() -> None:
    partial = app_spec.RESULTS.children[1].label
    assert partial.startswith("（二）部分公开（")
    assert short_label(partial) == "（二）部分公开"
    assert short_label("（一）予以公开") == "（一）予以公开"
    assert without_ordinal("三、本年度办理结果") == "本年度办理结果"


def _widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)" height="14.0"', svg)]


def test_bar_lengths_are_proportional_and_printed_with_fixed_precision() -> None:
    chart = Chart("t", "标题", "说明", "件", (Bar("甲", 10), Bar("乙", 5), Bar("丙", 0)))
    markup = str(svg_charts.svg(chart, "c"))
    widths = _widths(markup)
    assert len(widths) == 2  # a zero draws no bar, only its number
    assert widths[0] == 2 * widths[1]
    numbers = re.findall(r' (?:x|y|width|height)="([^"]+)"', markup)
    assert numbers and all(re.fullmatch(r"\d+\.\d", n) or n.isdigit() for n in numbers)
    assert ">0件<" in markup


def test_all_zero_chart_draws_no_bars() -> None:
    chart = Chart("t", "标题", "说明", "件", (Bar("甲", 0),))
    assert _widths(str(svg_charts.svg(chart, "c"))) == []


def test_chart_text_is_escaped_and_named_for_assistive_technology() -> None:
    chart = Chart("t", "<b>题</b>", 'a"b', "件", (Bar("<script>x</script>", 1),))
    markup = str(svg_charts.svg(chart, "c"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'aria-labelledby="c-title"' in markup and 'aria-describedby="c-desc"' in markup
    assert '<title id="c-title">&lt;b&gt;题&lt;/b&gt;</title>' in markup


def test_page_charts_carry_title_desc_and_a_number_list() -> None:
    html = render(sample_report(), previous_report(), charts=True)
    parsed = parse(html)
    svgs = parsed.tags("svg")
    assert len(svgs) == 4
    assert all(s["role"] == "img" for s in svgs)
    report = sample_report()
    items = [a for a in parsed.tags("li")]
    assert items  # one list item per bar, in a visually hidden list
    total = report.applications.results.total.total
    assert f"{total}件" in parsed.text


def test_charts_are_off_by_default() -> None:
    assert "<svg" not in render(sample_report(), previous_report())


def test_chart_markup_is_deterministic() -> None:
    report = attrs.evolve(sample_report())
    a = render(report, previous_report(), charts=True)
    b = render(report, previous_report(), charts=True)
    assert a == b
