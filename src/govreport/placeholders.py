"""Numbers in narrative text: ``{{ applications.received.total }}``.

A paragraph that quotes the table through a placeholder can never contradict
it.  User text is data, never code: it is evaluated only in Jinja's immutable
sandbox with StrictUndefined, so an unknown name is an error and nothing in
the report can reach Python internals.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

_MARKERS = ("{{", "{%", "{#")


class PlaceholderError(ValueError):
    """A paragraph's placeholder could not be evaluated."""


def has_placeholders(text: str) -> bool:
    return any(m in text for m in _MARKERS)


def official_date(d: date) -> str:
    """GB/T 9704 7.3.5.4: full year, no zero padding: 2025年1月20日."""
    return f"{d.year}年{d.month}月{d.day}日"


@functools.cache
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output plugins escape for their own format
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=1024)
def _compile(text: str) -> jinja2.Template:
    return _environment().from_string(text)


def _plain(value: Any) -> Any:
    """The model as nested dicts of plain values, computed totals included."""
    if attrs.has(type(value)):
        out = {a.name: _plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
        for name in dir(type(value)):
            if not name.startswith("_") and isinstance(getattr(type(value), name), property):
                out[name] = _plain(getattr(value, name))
        return out
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.value)
    if isinstance(value, date):
        return official_date(value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, str | int | Decimal) or value is None:
        return value
    raise TypeError(f"unexpected model value {value!r}")


def context(report: object) -> dict[str, Any]:
    """The names a placeholder may use: every field and total of the report."""
    plain: dict[str, Any] = _plain(report)
    return plain


def render_text(text: str, names: dict[str, Any]) -> str:
    """Evaluate the placeholders of one paragraph; plain text passes untouched."""
    if not has_placeholders(text):
        return text
    try:
        return _compile(text).render(names)
    except jinja2.TemplateSyntaxError as exc:
        raise PlaceholderError(f"占位符语法错误：{exc.message}（第{exc.lineno}行）") from None
    except jinja2.UndefinedError as exc:
        raise PlaceholderError(f"未知的占位符：{exc.message}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise PlaceholderError(f"占位符不允许此操作：{exc}") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise PlaceholderError(f"占位符无法求值：{exc}") from None
