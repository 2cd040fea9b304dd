"""When the report was published: after the statistical period, by the deadline (条例第四十九条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from govreport.model import AdminLevel, AnnualReport
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.wording import official_date


def check_not_early(ctx: RuleContext) -> Iterator[Finding]:
    """DATE1: a report cannot be published before its statistical period has ended."""
    r = ctx.report
    start, end = r.period
    if r.published is not None and r.published <= end:
        yield Finding.at(
            "DATE1",
            Severity.ERROR,
            "published",
            f"发布日期为{official_date(r.published)}，早于或等于统计期限"
            f"（{official_date(start)}至{official_date(end)}）的最后一天；"
            f"应在{official_date(end)}之后发布。",
        )


def level_guessed(report: AnnualReport) -> bool:
    """Whether an import guessed the level from the name (a note at ``agency.level``)."""
    source = report.source
    return source is not None and any(n.path == "agency.level" for n in source.notes)


def check_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """DATE2: published by 1月31日 (departments, townships) or 3月31日 (县级以上地方人民政府).

    When an import guessed the level from the agency's name, the level is not
    known: a date past 1月31日 is then an error only if it is past the later
    deadline too, and a warning (naming the guess) if it is between the two.
    """
    r = ctx.report
    deadline = r.agency.level.deadline(r.year)
    if r.published is None or r.published <= deadline:
        return
    message = (
        f"发布日期为{official_date(r.published)}，晚于{r.agency.level.label}的法定期限"
        f"{official_date(deadline)}（《政府信息公开条例》第四十九条）。"
    )
    if not level_guessed(r):
        yield Finding.at("DATE2", Severity.ERROR, "published", message)
        return
    latest = max(level.deadline(r.year) for level in AdminLevel)
    if r.published > latest:
        yield Finding.at("DATE2", Severity.ERROR, "published", message)
    else:
        yield Finding.at(
            "DATE2",
            Severity.WARNING,
            "published",
            f"{message}行政级别是导入时按机关名称推定的；若为县级以上地方人民政府，期限为"
            f"{official_date(latest)}，请核对行政级别 (level guessed on import: check it)。",
        )


def check_present(ctx: RuleContext) -> Iterator[Finding]:
    """DATE3: without a date the deadline cannot be checked, and the signature has none."""
    r = ctx.report
    if r.published is None:
        deadline = r.agency.level.deadline(r.year)
        yield Finding.at(
            "DATE3",
            Severity.WARNING,
            "published",
            f"未填写发布日期；{r.agency.level.label}应于{official_date(deadline)}前发布，"
            "落款日期也需要它。",
        )


def check_not_future(
    ctx: RuleContext, *, today: Callable[[], dt.date] = dt.date.today
) -> Iterator[Finding]:
    """DATE4: a year not yet over, or a publication date still to come, is most likely a typo.

    A warning, not an error: a report may be prepared before the day it is
    published.  ``today`` is injectable so that tests do not depend on the clock.
    """
    r = ctx.report
    now = today()
    if r.year >= now.year:
        yield Finding.at(
            "DATE4",
            Severity.WARNING,
            "year",
            f"报告年度为{r.year}年，本年度尚未结束（今天是{official_date(now)}）；"
            "年度报告应在统计年度结束后编制，请核对年度。",
        )
    if r.published is not None and r.published > now:
        yield Finding.at(
            "DATE4",
            Severity.WARNING,
            "published",
            f"发布日期为{official_date(r.published)}，晚于今天（{official_date(now)}）；"
            "请核对发布日期。",
        )


RULES: tuple[Rule, ...] = (
    Rule("DATE1", "发布日期在统计期限结束之后", check_not_early),
    Rule("DATE2", "发布日期不晚于法定期限", check_deadline),
    Rule("DATE3", "填写发布日期", check_present),
    Rule("DATE4", "报告年度已经结束、发布日期不晚于今天", check_not_future),
)
