"""Rules that compare this year's report with last year's (``ctx.previous``)."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.model import resolve
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.applications import APPLICANT_COLUMNS, BODY
from govreport.spec.applications import PREFIX as APPS
from govreport.spec.proactive import DOCUMENT_COLUMNS, DOCUMENT_ROWS
from govreport.spec.proactive import PREFIX as PROACTIVE

_ROWS = {row.key: row.label for row in BODY}


def _comparable(ctx: RuleContext) -> bool:
    return ctx.previous is not None and ctx.previous.year == ctx.report.year - 1


def check_carried_over(ctx: RuleContext) -> Iterator[Finding]:
    """R6: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""
    prev = ctx.previous
    if prev is None:
        return
    year = ctx.report.year
    if prev.year != year - 1:
        yield Finding.at(
            "R6",
            Severity.ERROR,
            "year",
            f"用作上年对照的报告是{prev.year}年度的，本报告是{year}年度；"
            f"跨年核对需要{year - 1}年度的报告。",
        )
        return
    for key, label in APPLICANT_COLUMNS:
        now = resolve(ctx.report, f"{APPS}.carried_over.{key}")
        then = resolve(prev, f"{APPS}.carried_forward.{key}")
        if now != then:
            yield Finding.at(
                "R6",
                Severity.ERROR,
                f"{APPS}.carried_over.{key}",
                f"“{label}”列{_ROWS['carried_over']}为{now}，"
                f"但{prev.year}年度报告的{_ROWS['carried_forward']}为{then}；两者应相等。",
            )


def check_stock_flow(ctx: RuleContext) -> Iterator[Finding]:
    """Stock-flow of 规章/行政规范性文件: informational, since 清理 legitimately breaks it."""
    prev = ctx.previous
    if prev is None or not _comparable(ctx):
        return
    (issued, issued_label), (repealed, repealed_label), (in_force, in_force_label) = (
        DOCUMENT_COLUMNS
    )
    for key, label in DOCUMENT_ROWS:
        base = f"{PROACTIVE}.{key}"
        before = resolve(prev, f"{base}.{in_force}")
        plus = resolve(ctx.report, f"{base}.{issued}")
        minus = resolve(ctx.report, f"{base}.{repealed}")
        now = resolve(ctx.report, f"{base}.{in_force}")
        expected = before + plus - minus
        if now != expected:
            yield Finding.at(
                "S4",
                Severity.INFO,
                f"{base}.{in_force}",
                f"{label}{in_force_label}为{now}，而{prev.year}年度的{before}"
                f" + {issued_label}{plus} − {repealed_label}{minus} = {expected}；"
                "如因清理等原因不一致，可在正文中说明。",
            )


RULES: tuple[Rule, ...] = (
    Rule("R6", "上年结转等于上年度报告的结转下年度", check_carried_over),
    Rule("S4", "规章、行政规范性文件现行有效件数与上年衔接（提示）", check_stock_flow),
)
