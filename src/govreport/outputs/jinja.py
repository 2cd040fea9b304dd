"""Plugin filters for the output formats' Jinja environments.

Filters are resolved when a template compiles, so they must live in the
environment.  Each format keeps its one cached environment; a set of plugin
filters gets a cached overlay of it, so templates still compile once per
process for a given set of plugins.  Plugin globals are simply merged into
the render context, under the format's own names.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

FilterItems = tuple[tuple[str, Callable[..., Any]], ...]


def filter_items(filters: Mapping[str, Callable[..., Any]]) -> FilterItems:
    """A hashable, ordered form of a filter mapping (a cache key)."""
    return tuple(sorted(filters.items(), key=lambda item: item[0]))


def with_filters(base: jinja2.Environment, filters: FilterItems) -> jinja2.Environment:
    """``base`` itself, or a cached overlay that also knows ``filters``."""
    return _overlay(base, filters) if filters else base


@functools.lru_cache(maxsize=64)
def _overlay(base: jinja2.Environment, filters: FilterItems) -> jinja2.Environment:
    env = base.overlay()
    # overlay() shares the filter dict with its base; give it its own.
    env.filters = {**base.filters, **dict(filters)}
    return env


def render_context(own: Mapping[str, Any], plugin_globals: Mapping[str, Any]) -> dict[str, Any]:
    """The format's variables win over plugin globals of the same name."""
    return {**plugin_globals, **own}
