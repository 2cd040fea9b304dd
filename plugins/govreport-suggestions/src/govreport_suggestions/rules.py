"""Rules on the plugin's data: stable codes SUG1 and SUG2."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from govreport.rules.base import Finding, Rule, RuleContext, Severity

from govreport_suggestions.data import EXTENSION, PAIRS, Suggestions, of


def _label(field: str) -> str:
    return str(attrs.fields_dict(Suggestions)[field].metadata["label"])


def _path(field: str) -> str:
    return f"{EXTENSION.path}.{field}"


def published_within_handled(ctx: RuleContext) -> Iterator[Finding]:
    """SUG1: results cannot be published for more items than were handled."""
    data = of(ctx.report)
    if data is None:
        return
    for handled, published in PAIRS:
        h, p = getattr(data, handled), getattr(data, published)
        if 0 <= h < p:  # a negative count is SUG2's finding, not this one
            # Finding.at gives the path; the engine locates findings inside an
            # extension block with the plugin's own labels.
            yield Finding.at(
                "SUG1",
                Severity.ERROR,
                _path(published),
                f"{_label(published)}（{p}）不能大于{_label(handled)}（{h}）",
            )


def not_negative(ctx: RuleContext) -> Iterator[Finding]:
    """SUG2: counts are never negative (the loader lets them through, as for the tables)."""
    data = of(ctx.report)
    if data is None:
        return
    for field in (f for pair in PAIRS for f in pair):
        value = getattr(data, field)
        if value < 0:
            yield Finding.at(
                "SUG2", Severity.ERROR, _path(field), f"{_label(field)}不能为负数，实际为{value}"
            )


RULES = (
    Rule("SUG1", "建议提案：公开办理结果件数不大于办理件数", published_within_handled),
    Rule("SUG2", "建议提案：件数不能为负数", not_negative),
)
