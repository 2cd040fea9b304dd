"""The hook implementations: what the ``suggestions`` entry point registers."""

from __future__ import annotations

from govreport.plugins.hookspecs import (
    RegisterExtension,
    RegisterRule,
    RegisterSection,
    hookimpl,
)

from govreport_suggestions.data import EXTENSION
from govreport_suggestions.rules import RULES
from govreport_suggestions.section import PROVIDER


@hookimpl
def govreport_register_extensions(register: RegisterExtension) -> None:
    register(EXTENSION)


@hookimpl
def govreport_register_sections(register: RegisterSection) -> None:
    register(PROVIDER)


@hookimpl
def govreport_register_rules(register: RegisterRule) -> None:
    for rule in RULES:
        register(rule)
