"""What the optional chart summary shows, as data: titles, bars and numbers.

Every label is read from :mod:`govreport.spec`; the few words that are ours
(chart titles, descriptions) say what is counted, never rename an official row.
"""

from __future__ import annotations

import re

import attrs

from govreport.model import AnnualReport
from govreport.spec import applications as app_spec
from govreport.spec import proactive as pro_spec
from govreport.spec import review as rev_spec


@attrs.frozen
class Bar:
    label: str
    value: int
    #: Last year's value, when the chart compares two years.
    previous: int | None = None


@attrs.frozen
class Chart:
    key: str
    title: str
    description: str
    unit: str
    bars: tuple[Bar, ...]
    #: Series names (last year, this year) when bars carry ``previous``.
    series: tuple[str, ...] = ()


_ORDINAL_PREFIX = re.compile(r"^[一二三四五六七八九十]+、")
_TRAILING_NOTE = re.compile(r"^(.+?)（[^（）]*）$")


def without_ordinal(label: str) -> str:
    """``三、本年度办理结果`` → ``本年度办理结果`` (section numbers mean nothing in a chart)."""
    return _ORDINAL_PREFIX.sub("", label)


def short_label(label: str) -> str:
    """Drop a trailing counting note: ``（二）部分公开（区分处理的，…）`` → ``（二）部分公开``.

    The note tells a clerk how to count; a bar label has no room for it.
    A label that starts with its parenthesis (（一）予以公开) keeps it.
    """
    m = _TRAILING_NOTE.match(label)
    return m.group(1) if m else label


def results_chart(report: AnnualReport) -> Chart:
    """（一）–（六）: how the year's applications were handled."""
    results = report.applications.results
    values = {key: counts.total for key, counts in results.outcomes()}
    rows = [r for r in app_spec.RESULTS.children if r.key in values]
    total_label = app_spec.RESULTS_TOTAL.label
    title = without_ordinal(app_spec.RESULTS.label)
    return Chart(
        key="results",
        title=title,
        description=(
            f"{title}：{rows[0].number}至{rows[-1].number}各类结果的申请件数，"
            f"合计即{total_label}{results.total.total}件。"
        ),
        unit="件",
        bars=tuple(Bar(short_label(r.label), values[r.key]) for r in rows),
    )


def applicants_chart(report: AnnualReport) -> Chart:
    """Who applied: this year's new applications by applicant type."""
    received = report.applications.received
    row_label = without_ordinal(app_spec.row("received").label)
    title = f"{app_spec.APPLICANTS}（{row_label}）"
    return Chart(
        key="applicants",
        title=title,
        description=f"{row_label}按申请人类型统计，{app_spec.TOTAL}{received.total}件。",
        unit="件",
        bars=tuple(Bar(label, getattr(received, key)) for key, label in app_spec.APPLICANT_COLUMNS),
    )


def decisions_chart(report: AnnualReport) -> Chart:
    """Table 二's decision counts: 行政许可, 行政处罚, 行政强制.

    Only these three share a unit (处理决定数量).  Documents issued (件) and
    the fee amount (万元) count other things, so they stay out of this scale.
    """
    p = report.proactive
    rows = [row for block in pro_spec.DECISION_BLOCKS for row in block.rows]
    groups = "、".join(block.group for block in pro_spec.DECISION_BLOCKS)
    return Chart(
        key="decisions",
        title=pro_spec.DECISIONS,
        description=f"{groups}规定公开的{pro_spec.DECISIONS}。",
        unit="件",
        bars=tuple(Bar(label, getattr(p, key)) for key, label in rows),
    )


def comparison_chart(report: AnnualReport, previous: AnnualReport) -> Chart:
    """This year against last year: applications and cases, one scale (all counted in 件)."""

    def measures(r: AnnualReport) -> tuple[int, ...]:
        a, rl = r.applications, r.review_litigation
        return (
            a.received.total,
            a.results.total.total,
            a.carried_forward.total,
            rl.review.total,
            rl.litigation_total,
        )

    total_label = rev_spec.TOTAL.text
    labels = (
        without_ordinal(app_spec.row("received").label),
        f"{without_ordinal(app_spec.RESULTS.label)}{app_spec.RESULTS_TOTAL.label}",
        without_ordinal(app_spec.row("carried_forward").label),
        f"{rev_spec.REVIEW}{total_label}",
        f"{rev_spec.LITIGATION}{total_label}",
    )
    this, last = measures(report), measures(previous)
    years = (f"{previous.year}年", f"{report.year}年")
    return Chart(
        key="comparison",
        title=f"{years[1]}与{years[0]}对比",
        description=f"申请办理和复议诉讼的主要数字，{years[0]}（灰色）与{years[1]}（蓝色）并列。",
        unit="件",
        bars=tuple(
            Bar(label, now, before) for label, now, before in zip(labels, this, last, strict=True)
        ),
        series=years,
    )


def charts(report: AnnualReport, previous: AnnualReport | None) -> tuple[Chart, ...]:
    out = [results_chart(report), applicants_chart(report), decisions_chart(report)]
    if previous is not None:
        out.append(comparison_chart(report, previous))
    return tuple(out)
