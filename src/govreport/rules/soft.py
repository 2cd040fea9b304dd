"""Customary content (warnings): the 信息处理费 in 六, a real 五, no 规章 without the power."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.model import AnnualReport, resolve
from govreport.placeholders import PlaceholderError, context, render_text
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.headings import official_heading
from govreport.spec.proactive import DOCUMENT_COLUMNS, DOCUMENT_ROWS
from govreport.spec.proactive import PREFIX as PROACTIVE
from govreport.spec.wording import (
    FEE_TERM,
    clip,
    fee_sentence,
    fee_statements,
    format_number,
    states_fee,
)

#: What 五 says when it says nothing.
_EMPTY_ANSWERS = frozenset({"", "无", "暂无", "没有", "/"})


def _other_text(report: AnnualReport) -> str:
    """六 as the document prints it: placeholders evaluated (failing ones are P1's)."""
    text = report.other.text
    try:
        return render_text(text, context(report)) if "{" in text else text
    except PlaceholderError:
        return text


def check_fee_stated(ctx: RuleContext) -> Iterator[Finding]:
    """S1: 六 states the 信息处理费 (国办函〔2020〕109号), even when zero.

    "States" is :func:`states_fee`, the decision the document makes too:
    when S1 warns, the document adds the sentence; when it does not, nothing.
    """
    r = ctx.report
    text = _other_text(r).strip()
    # An empty 六 is filled entirely by the builder's sentence: nothing to say.
    if text and not states_fee(text):
        sentence = fee_sentence(r.year, r.other.processing_fee)
        yield Finding.at(
            "S1",
            Severity.WARNING,
            "other.text",
            f"{official_heading('other')}未写明{FEE_TERM}收取情况；"
            f"生成文档时将自动补上一句：“{sentence}”。如需自行表述，请在正文中写明。",
        )


def check_fee_amount(ctx: RuleContext) -> Iterator[Finding]:
    """S5: an amount 六's text states (0 for "未收取") is the ``processing_fee`` given."""
    r = ctx.report
    fee = r.other.processing_fee
    stated = [s for s in fee_statements(_other_text(r)) if s.amount is not None]
    if not stated or any(s.amount == fee for s in stated):
        return
    first = stated[0]
    said = f"收取{FEE_TERM}{format_number(first.amount)}元" if first.amount else f"未收取{FEE_TERM}"
    yield Finding.at(
        "S5",
        Severity.WARNING,
        "other.processing_fee",
        f"{official_heading('other')}正文写明{said}（“{clip(first.sentence)}”），"
        f"但填报的{FEE_TERM}为{format_number(fee)}元；请核对正文或填报金额。",
    )


def check_problems_present(ctx: RuleContext) -> Iterator[Finding]:
    """S2: 五 is not empty or a bare "无"."""
    p = ctx.report.problems
    written = (part.heading + part.text for part in p.parts)  # 五 as an import read it
    parts = (p.problems_intro, *p.problems, p.improvements_intro, *p.improvements, *written)
    text = "".join(parts).strip().rstrip("。.；;")
    if text in _EMPTY_ANSWERS:
        shown = f"只写了“{text}”" if text else "为空"
        yield Finding.at(
            "S2",
            Severity.WARNING,
            "problems",
            f"{official_heading('problems')}{shown}；"
            "应写明存在的主要问题和改进措施（可用“一是……二是……”列举）。",
        )


def check_rules_power(ctx: RuleContext) -> Iterator[Finding]:
    """S3: an organ without rule-making power (立法法) reports 规章 as 0."""
    r = ctx.report
    if r.agency.makes_rules:
        return
    key, label = DOCUMENT_ROWS.of("rules")
    for col, col_label in DOCUMENT_COLUMNS:
        path = f"{PROACTIVE}.{key}.{col}"
        value = resolve(r, path)
        if value != 0:
            yield Finding.at(
                "S3",
                Severity.WARNING,
                path,
                f"{label}{col_label}填报为{value}，但本机关（{r.agency.level.label}）没有"
                f"{label}制定权，应为0；行政规范性文件请填在“行政规范性文件”一行。"
                "如确有制定权，请在机关信息中注明。",
            )


RULES: tuple[Rule, ...] = (
    Rule("S1", "六、其他需要报告的事项写明信息处理费", check_fee_stated),
    Rule("S2", "五、存在的主要问题及改进情况不为空", check_problems_present),
    Rule("S3", "无规章制定权的机关规章填0", check_rules_power),
    Rule("S5", f"六、其他需要报告的事项所述{FEE_TERM}与填报金额一致", check_fee_amount),
)
