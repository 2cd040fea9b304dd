"""P1: every ``{{ }}`` placeholder in the narrative evaluates, within bounds, to printable text.

P1 evaluates exactly the fields the document evaluates, with the function the
document uses (:func:`govreport.placeholders.render_text`): a report without
P1 errors renders.  What it prints is checked too (no control characters).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govreport.model import AnnualReport
from govreport.placeholders import PlaceholderError, context, has_placeholders, render_text
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.texts import narrative_fields
from govreport.spec import location_of

#: Narrative fields printed as written: the signatory is a name, not a paragraph
#: (the data-file reference lists it as plain text).
_PLAIN: Final = frozenset({"signatory"})


def placeholder_fields(report: AnnualReport) -> Iterator[tuple[str, str]]:
    """(path, text) of the fields whose placeholders the document evaluates."""
    return ((path, text) for path, text in narrative_fields(report) if path not in _PLAIN)


def check_placeholders(ctx: RuleContext) -> Iterator[Finding]:
    names = None
    for path, text in placeholder_fields(ctx.report):
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
