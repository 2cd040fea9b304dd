"""The plugin core: hook specifications, registries, the engine."""

from govreport.plugins.engine import (
    DEFAULT_PLUGINS,
    DISABLE_AUTOLOAD_ENV,
    ENTRY_POINT_GROUP,
    Engine,
    PluginFailure,
    PluginInfo,
    PluginLoadError,
    default_engine,
)
from govreport.plugins.hookspecs import hookimpl, hookspec
from govreport.plugins.registry import DuplicateNameError, Registry

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "DuplicateNameError",
    "Engine",
    "PluginFailure",
    "PluginInfo",
    "PluginLoadError",
    "Registry",
    "default_engine",
    "hookimpl",
    "hookspec",
]
