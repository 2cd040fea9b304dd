"""Numbers in narrative text: ``{{ applications.received.total }}``.

A paragraph that quotes the table through a placeholder can never contradict
it.  User text is data, never code: it is evaluated only in Jinja's immutable
sandbox with StrictUndefined, so an unknown name is an error and nothing in
the report can reach Python internals.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from govreport.errors import GovreportError
from govreport.spec.wording import official_date as official_date  # noqa: PLC0414 (re-export)

_MARKERS = ("{{", "{%", "{#")


class PlaceholderError(GovreportError, ValueError):
    """A paragraph's placeholder could not be evaluated."""


def has_placeholders(text: str) -> bool:
    return any(m in text for m in _MARKERS)


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``*`` and ``**`` bounded.

    Jinja's sandbox stops attribute tricks and huge ``range()``s, but
    ``'x' * 10**9`` in a paragraph would still allocate a gigabyte: a data
    file must not be able to exhaust the machine that renders it.
    """

    intercepted_binops = frozenset({"*", "**"})
    LIMIT = 10_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        numbers = all(isinstance(v, int | float | Decimal) for v in (left, right))
        if operator == "**" and (not numbers or abs(right) > 64):
            raise jinja2.exceptions.SecurityError("乘方的指数过大")
        if operator == "*" and not numbers:
            count = right if isinstance(right, int) else left
            if isinstance(count, int) and count > self.LIMIT:
                raise jinja2.exceptions.SecurityError("重复次数过大")
        return super().call_binop(context, operator, left, right)


@functools.cache
def _environment() -> ImmutableSandboxedEnvironment:
    return _BoundedSandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output plugins escape for their own format
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=1024)
def _compile(text: str) -> jinja2.Template:
    return _environment().from_string(text)


class _View:
    """A read-only, lazy view of a model object for placeholders.

    Only attrs fields and public properties are visible, each computed when a
    placeholder asks for it: a report that quotes one total does not pay for
    every total.  Values are shown the way a report prints them.
    """

    __slots__ = ("_obj",)

    def __init__(self, obj: object) -> None:
        self._obj = obj

    def _lookup(self, name: str) -> Any:
        obj = self._obj
        if isinstance(obj, Mapping):
            if name in obj:
                return _present(obj[name])
        elif not name.startswith("_") and name in _public_names(type(obj)):
            return _present(getattr(obj, name))
        raise AttributeError(name)

    def __getattr__(self, name: str) -> Any:
        return self._lookup(name)

    def __getitem__(self, name: str) -> Any:
        try:
            return self._lookup(name)
        except AttributeError:
            raise KeyError(name) from None

    def __repr__(self) -> str:
        return f"<{type(self._obj).__name__}>"


_NAMES: dict[type, frozenset[str]] = {}


def _public_names(cls: type) -> frozenset[str]:
    """attrs fields and public properties of a model class, looked up once per class."""
    names = _NAMES.get(cls)
    if names is None:
        found = {a.name for a in attrs.fields(cls)}
        found.update(
            n for n in dir(cls) if not n.startswith("_") and isinstance(getattr(cls, n), property)
        )
        names = _NAMES[cls] = frozenset(found)
    return names


def _present(value: Any) -> Any:
    if attrs.has(type(value)) or isinstance(value, Mapping):
        return _View(value)
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.value)
    if isinstance(value, date):
        return official_date(value)
    if isinstance(value, tuple):
        return tuple(_present(v) for v in value)
    return value


def context(report: object) -> dict[str, Any]:
    """The names a placeholder may use: every field and total of the report, lazily."""
    return {name: _present(getattr(report, name)) for name in _public_names(type(report))}


_UNKNOWN = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def _unknown_name(message: str) -> str:
    m = _UNKNOWN.search(message)
    name = next((g for g in m.groups() if g), "") if m else ""
    where = f"“{name}”" if name else message
    return (
        f"未知的占位符名称{where}（可用的名称是数据文件中的字段，如 applications.received.total）"
    )


def render_text(text: str, names: dict[str, Any]) -> str:
    """Evaluate the placeholders of one paragraph; plain text passes untouched."""
    if not has_placeholders(text):
        return text
    try:
        return _compile(text).render(names)
    except jinja2.TemplateSyntaxError as exc:
        raise PlaceholderError(f"占位符语法错误：{exc.message}（第{exc.lineno}行）") from None
    except jinja2.UndefinedError as exc:
        raise PlaceholderError(_unknown_name(exc.message or "")) from None
    except jinja2.exceptions.SecurityError as exc:
        raise PlaceholderError(f"占位符不允许此操作：{exc}") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise PlaceholderError(f"占位符无法求值：{exc}") from None
