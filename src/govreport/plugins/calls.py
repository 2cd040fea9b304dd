"""Calling the registration hooks: pluggy's order, one registry entry per name, failures contained.

pluggy calls a hook's implementations last-registered first, with ``tryfirst``
ones before and ``trylast`` ones after the rest (``reversed(get_hookimpls())``,
as in pluggy's own ``_multicall``).  The engine calls each implementation
itself, in exactly that order, so that every registration is attributed to its
plugin; what it cannot attribute it refuses (``wrapper=True`` and
``hookwrapper=True`` implementations wrap *other* plugins' calls, which a
``register`` callback has no use for).

What a registry ends up holding does not depend on the call order:

- a name registered by one plugin belongs to it;
- a name registered by two plugins without ``override=True`` is a
  :class:`~govreport.plugins.registry.DuplicateNameError`, blamed on the plugin
  loaded later (built-ins, then entry points, then plugins passed in);
- ``override=True`` replaces the plain registration wherever it was called;
  among several overrides the first called wins, as pluggy's first result would.

Registries list names in plugin load order (built-ins first), so section
providers are placed after the official sections they target.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import pluggy

from govreport.errors import GovreportError, PluginError
from govreport.plugins.registry import DuplicateNameError, Registry


@attrs.frozen
class Registration:
    """One call of a ``register`` callback."""

    name: str
    item: Any
    plugin: str
    override: bool
    #: The position of the plugin's implementation in pluggy's call order.
    call: int
    #: Order within the plugin's own calls.
    seq: int


@attrs.frozen
class HookFailure:
    """A plugin whose registration hook raised or whose registration was refused."""

    plugin: str
    hook: str
    reason: str
    error: BaseException


def wrapper_hooks(hook_caller: pluggy.HookCaller) -> list[str]:
    """Plugins that implement this registration hook as a (hook)wrapper."""
    return [
        impl.plugin_name
        for impl in hook_caller.get_hookimpls()
        if impl.hookwrapper or getattr(impl, "wrapper", False)
    ]


def call_in_pluggy_order(
    hook_caller: pluggy.HookCaller, key: Callable[[Any], str]
) -> tuple[list[Registration], list[HookFailure]]:
    """Call every implementation with its own ``register``; collect, never raise."""
    registrations: list[Registration] = []
    failures: list[HookFailure] = []
    for call, impl in enumerate(reversed(hook_caller.get_hookimpls())):
        mine: list[Registration] = []

        def register(
            item: Any,
            *,
            override: bool = False,
            _plugin: str = impl.plugin_name,
            _call: int = call,
            _mine: list[Registration] = mine,
        ) -> None:
            _mine.append(Registration(key(item), item, _plugin, override, _call, len(_mine)))

        try:
            impl.function(register=register)
        except Exception as exc:  # a plugin's bug must not take the others down
            failures.append(HookFailure(impl.plugin_name, hook_caller.name, reason(exc), exc))
            continue  # nothing half-registered: drop what it registered before raising
        registrations.extend(mine)
    return registrations, failures


def fill(
    registry: Registry[Any],
    registrations: Iterable[Registration],
    load_order: Mapping[str, int],
    hook: str,
) -> list[HookFailure]:
    """Put the registrations into ``registry``; return the refused ones as failures."""
    ordered = sorted(
        registrations, key=lambda r: (load_order.get(r.plugin, len(load_order)), r.seq)
    )
    plain: dict[str, Registration] = {}
    overrides: dict[str, Registration] = {}
    failures: list[HookFailure] = []
    for reg in ordered:
        if reg.override:
            best = overrides.get(reg.name)
            if best is None or reg.call < best.call:
                overrides[reg.name] = reg
        elif reg.name in plain:
            first = plain[reg.name]
            error = DuplicateNameError(
                f"{registry.kind} {reg.name!r} from plugin {reg.plugin!r} is already registered "
                f"by plugin {first.plugin!r}; pass override=True to replace it"
            )
            failures.append(HookFailure(reg.plugin, hook, str(error), error))
        else:
            plain[reg.name] = reg
    for reg in ordered:  # first appearance decides the listing position
        if reg.name in registry:
            continue
        if reg.name in plain or reg.name in overrides:
            winner = overrides.get(reg.name) or plain[reg.name]
            registry.register(reg.name, winner.item, plugin=winner.plugin, override=True)
    return failures


def reason(exc: BaseException) -> str:
    """One line for a plugin's exception: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


_T = TypeVar("_T")


def guarded(
    function: Callable[..., _T], plugin: str, method: str, target: str
) -> Callable[..., _T]:
    """``function`` whose unexpected exceptions become a :class:`PluginError` naming the plugin.

    govreport's own errors (a template, an option, a placeholder) already say
    what to fix and pass through unchanged.
    """

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> _T:
        try:
            return function(*args, **kwargs)
        except GovreportError:
            raise
        except Exception as exc:
            raise PluginError(plugin, method, reason(exc), target=target) from exc

    return call
