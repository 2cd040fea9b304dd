"""Built-in plugin: the official arithmetic rules and the soft rules."""

from __future__ import annotations

from govreport.plugins.hookspecs import RegisterRule, hookimpl
from govreport.rules import (
    arithmetic,
    crossyear,
    dates,
    imported,
    listing,
    narrative,
    placeholders,
    soft,
    text,
)
from govreport.rules.base import Rule

#: Every built-in rule, in the order findings are produced.
BUILTIN_RULES: tuple[Rule, ...] = (
    *arithmetic.RULES,
    *crossyear.RULES,
    *dates.RULES,
    *placeholders.RULES,
    *text.RULES,
    *narrative.RULES,
    *soft.RULES,
    *listing.RULES,
    *imported.RULES,
)


@hookimpl
def govreport_register_rules(register: RegisterRule) -> None:
    for rule in BUILTIN_RULES:
        register(rule)
