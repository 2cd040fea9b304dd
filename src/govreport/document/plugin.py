"""Built-in plugin: the six official sections."""

from __future__ import annotations

from govreport.document.official import OFFICIAL_PROVIDERS
from govreport.plugins.hookspecs import RegisterSection, hookimpl


@hookimpl
def govreport_register_sections(register: RegisterSection) -> None:
    for provider in OFFICIAL_PROVIDERS:
        register(provider)
