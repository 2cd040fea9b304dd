"""Customary content (warnings): 信息处理费 in 六, a real 五, no 规章 without the power."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.model import resolve
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.headings import official_heading
from govreport.spec.proactive import DOCUMENT_COLUMNS, DOCUMENT_ROWS
from govreport.spec.proactive import PREFIX as PROACTIVE
from govreport.spec.wording import FEE_TERM, fee_sentence

#: What 五 says when it says nothing.
_EMPTY_ANSWERS = frozenset({"", "无", "暂无", "没有", "/"})


def check_fee_stated(ctx: RuleContext) -> Iterator[Finding]:
    """S1: 六 states the 信息处理费 (国办函〔2020〕109号), even when zero."""
    r = ctx.report
    text = r.other.text.strip()
    # An empty 六 is filled entirely by the builder's sentence: nothing to say.
    if text and FEE_TERM not in text:
        sentence = fee_sentence(r.year, r.other.processing_fee)
        yield Finding.at(
            "S1",
            Severity.WARNING,
            "other.text",
            f"{official_heading('other')}未写明{FEE_TERM}收取情况；"
            f"生成文档时将自动补上一句：“{sentence}”。如需自行表述，请在正文中写明。",
        )


def check_problems_present(ctx: RuleContext) -> Iterator[Finding]:
    """S2: 五 is not empty or a bare "无"."""
    p = ctx.report.problems
    parts = (p.problems_intro, *p.problems, p.improvements_intro, *p.improvements)
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
)
