"""Built-in plugin: the official arithmetic rules and the soft rules (filled in by rules work)."""

from __future__ import annotations

from govreport.plugins.hookspecs import RegisterRule, hookimpl


@hookimpl
def govreport_register_rules(register: RegisterRule) -> None:
    return None
