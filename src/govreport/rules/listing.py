"""L1: the 一是、二是 a writer typed into the items of 五 run in sequence.

The document prints such items as written (see
:func:`govreport.document.official.enumerate_items`): a wrong sequence is the
writer's to correct, so it is a warning here, never a silent rewrite there.
"""

from __future__ import annotations

from collections.abc import Iterator

from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.spec.headings import chinese_ordinal, own_ordinal


def _check_list(key: str, items: tuple[str, ...]) -> Iterator[Finding]:
    if not any(own_ordinal(item) is not None for item in items):
        return
    for i, item in enumerate(items):
        path = f"problems.{key}[{i}]"
        found = own_ordinal(item)
        expected = chinese_ordinal(i + 1)
        if found != i + 1:
            shown = f"“{chinese_ordinal(found)}是”" if found else "没有序号"
            yield Finding.at(
                "L1",
                Severity.WARNING,
                path,
                f"第{i + 1}项应以“{expected}是”开头，实际{shown}；文档按原文印出，请核对序号 "
                f"(item {i + 1} should start with {expected}是; printed as written)",
            )
    last = items[-1].strip()
    if last.endswith(("；", ";", "，", ",")):
        yield Finding.at(
            "L1",
            Severity.WARNING,
            f"problems.{key}[{len(items) - 1}]",
            f"最后一项以“{last[-1]}”结尾，通常应以“。”结尾；文档按原文印出 "
            "(the last item usually ends with 。; printed as written)",
        )


def check_item_numbers(ctx: RuleContext) -> Iterator[Finding]:
    p = ctx.report.problems
    yield from _check_list("problems", p.problems)
    yield from _check_list("improvements", p.improvements)


RULES = (Rule("L1", "五的列举序号连续、结尾标点规范", check_item_numbers),)
