"""Built-in plugin: plain text (placeholder until the renderer lands)."""

from __future__ import annotations

from govreport.plugins.hookspecs import RegisterOutput, hookimpl


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    return None
