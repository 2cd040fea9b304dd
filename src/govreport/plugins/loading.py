"""Loading plugins: what the engine records about each, and how it names them.

A plugin that loads is a :class:`PluginInfo`; an entry-point plugin that fails
is a :class:`PluginFailure` line and the rest keeps working; one passed in
directly that is refused raises :class:`PluginLoadError`.
"""

from __future__ import annotations

import difflib
import os

import attrs
import pluggy

from govreport.errors import PluginError
from govreport.plugins import hookspecs

#: Set to 1 (or true/yes) to load no plugins from entry points.
DISABLE_AUTOLOAD_ENV = "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD"


@attrs.frozen
class PluginInfo:
    name: str
    version: str
    source: str  # "builtin", "entry point", or "direct"
    hooks: tuple[str, ...]


@attrs.frozen
class PluginFailure:
    """A plugin that could not be loaded; the others keep working."""

    name: str
    reason: str

    def line(self) -> str:
        return f"插件 {self.name} 未能加载（plugin failed to load）：{self.reason}"


def autoload_disabled() -> bool:
    """Whether ``GOVREPORT_DISABLE_PLUGIN_AUTOLOAD`` turns entry-point loading off."""
    return os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip().lower() in ("1", "true", "yes", "on")


class PluginLoadError(PluginError):
    """A plugin refused at registration (a misspelled hook, a wrapper, a bad contribution)."""

    def __init__(self, name: str, reason: str, hook: str = "register") -> None:
        super().__init__(name, hook, reason)
        self.name = name


def default_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """A readable name for messages: the module's, or the class's for an instance.

    Two instances of one class get ``#2``, ``#3``: pluggy needs unique names.
    """
    base = getattr(plugin, "__name__", None)
    if not isinstance(base, str):
        cls = type(plugin)
        base = f"{cls.__module__}.{cls.__qualname__}".replace(".<locals>", "")
    name, n = base, 1
    while pm.has_plugin(name):
        n += 1
        name = f"{base}#{n}"
    return name


def did_you_mean(plugin: object) -> str:
    """For a misspelled hook, the hook that was probably meant."""
    known = [n for n in dir(hookspecs) if n.startswith(f"{hookspecs.PROJECT}_")]
    for attr in dir(plugin):
        if attr.startswith(f"{hookspecs.PROJECT}_") and attr not in known:
            close = difflib.get_close_matches(attr, known, n=1)
            if close:
                return f"; did you mean {close[0]!r}?"
    return ""
