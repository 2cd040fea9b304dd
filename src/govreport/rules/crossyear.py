"""Rules that compare this year's report with last year's (``ctx.previous``)."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.findings import Evidence, EvidenceCell
from govreport.model import resolve
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.applications import APPLICANT_COLUMNS, path, row
from govreport.spec.proactive import DOCUMENT_COLUMNS, DOCUMENT_ROWS
from govreport.spec.proactive import PREFIX as PROACTIVE


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
    over, forward = path("carried_over"), path("carried_forward")
    last_year = f"{prev.year}年度报告"
    formula = f"{row('carried_over').label} = {last_year}的{row('carried_forward').label}"
    for key, label in APPLICANT_COLUMNS:
        now = resolve(ctx.report, f"{over}.{key}")
        then = resolve(prev, f"{forward}.{key}")
        if now != then:
            evidence = Evidence.of(
                formula,
                (EvidenceCell.at(f"{over}.{key}", now),),
                (EvidenceCell.at(f"{forward}.{key}", then, report=last_year),),
            )
            yield Finding.at(
                "R6",
                Severity.ERROR,
                f"{over}.{key}",
                f"“{label}”列{row('carried_over').label}为{now}，"
                f"但{last_year}的{row('carried_forward').label}为{then}；两者应相等。",
                evidence=evidence,
            )


def check_stock_flow(ctx: RuleContext) -> Iterator[Finding]:
    """Stock-flow of 规章/行政规范性文件: informational, since 清理 legitimately breaks it."""
    prev = ctx.previous
    if prev is None or not _comparable(ctx):
        return
    column = DOCUMENT_COLUMNS.of
    issued, repealed, in_force = column("issued"), column("repealed"), column("in_force")
    for key, label in DOCUMENT_ROWS:
        base = f"{PROACTIVE}.{key}"
        before = resolve(prev, f"{base}.{in_force.key}")
        plus = resolve(ctx.report, f"{base}.{issued.key}")
        minus = resolve(ctx.report, f"{base}.{repealed.key}")
        now = resolve(ctx.report, f"{base}.{in_force.key}")
        expected = before + plus - minus
        if now != expected:
            yield Finding.at(
                "S4",
                Severity.INFO,
                f"{base}.{in_force.key}",
                f"{label}{in_force.text}为{now}，而{prev.year}年度的{before}"
                f" + {issued.text}{plus} − {repealed.text}{minus} = {expected}；"
                "如因清理等原因不一致，可在正文中说明。",
            )


RULES: tuple[Rule, ...] = (
    Rule("R6", "上年结转等于上年度报告的结转下年度", check_carried_over),
    Rule("S4", "规章、行政规范性文件现行有效件数与上年衔接（提示）", check_stock_flow),
)
