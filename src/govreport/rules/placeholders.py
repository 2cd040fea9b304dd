"""P1: every ``{{ }}`` placeholder in the narrative evaluates."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.placeholders import PlaceholderError, context, has_placeholders, render_text
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.texts import narrative_fields
from govreport.spec import location_of


def check_placeholders(ctx: RuleContext) -> Iterator[Finding]:
    names = None
    for path, text in narrative_fields(ctx.report):
        if not has_placeholders(text):
            continue
        if names is None:  # built only when some paragraph needs it
            names = context(ctx.report)
        try:
            render_text(text, names)
        except PlaceholderError as exc:
            yield Finding.at(
                "P1",
                Severity.ERROR,
                path,
                f"“{location_of(path)}”中的占位符无法生成文字：{exc}",
            )


RULES: tuple[Rule, ...] = (Rule("P1", "正文占位符均可求值", check_placeholders),)
