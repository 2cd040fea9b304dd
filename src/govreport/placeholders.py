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
import time
import weakref
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from govreport import limits
from govreport.errors import GovreportError
from govreport.sandbox import Bounded, LimitExceeded, bounded
from govreport.spec.wording import official_date as official_date  # noqa: PLC0414 (re-export)
from govreport.xmlchars import ILLEGAL_XML_CHARS

_MARKERS = ("{{", "{%", "{#")


class PlaceholderError(GovreportError, ValueError):
    """A paragraph's placeholder could not be evaluated."""


class _NotPrintable(jinja2.exceptions.SecurityError):
    """``{{ }}`` of a value that is not text or a number."""


def has_placeholders(text: str) -> bool:
    return any(m in text for m in _MARKERS)


class _BoundedSandbox(Bounded, ImmutableSandboxedEnvironment):
    """The immutable sandbox with every evaluation bounded (:mod:`govreport.sandbox`).

    A paragraph prints text and numbers only: a group of fields, a list or a
    function would print as a Python repr (``<Row>``, ``('a', 'b')``,
    ``<function safe_range …>``) in a published report.
    """

    def check_printed(self, value: Any) -> None:
        if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool):
            return
        if value is None or isinstance(value, bool):
            raise _NotPrintable(
                f"占位符的值是{value}（是/否或空值），不是文字或数字，不能直接写入正文"
                "（可写成 {% if … %}是{% else %}否{% endif %}）"
            )
        what = (
            "一组数据"
            if isinstance(value, _View | tuple | list | dict | set | frozenset)
            else "函数或对象"
        )
        raise _NotPrintable(
            f"占位符的值是{what}，不是文字或数字，不能直接写入正文"
            "（请写出其中一项，如 applications.received.total；列表可用 |join('、')）"
        )


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


class Names(dict[str, Any]):
    """The names a placeholder may use, plus what evaluating one report's texts costs.

    One per report (see :func:`context`): validation (P1, N1–N5) and rendering
    evaluate each text once, share the results, and together spend at most
    ``REPORT_PLACEHOLDER_SECONDS``.
    """

    def __init__(self, names: dict[str, Any]) -> None:
        super().__init__(names)
        self.spent = 0.0
        self.results: dict[str, str | PlaceholderError] = {}


#: Names per live report, by id (a report is immutable; the entry goes with it).
_CONTEXTS: dict[int, Names] = {}


def context(report: object) -> Names:
    """The names a placeholder may use: every field and total of the report, lazily."""
    key = id(report)
    names = _CONTEXTS.get(key)
    if names is None:
        names = Names({n: _present(getattr(report, n)) for n in _public_names(type(report))})
        try:
            weakref.finalize(report, _CONTEXTS.pop, key, None)
        except TypeError:  # not weak-referenceable: not shared, still correct
            return names
        _CONTEXTS[key] = names
    return names


_UNKNOWN = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def _unknown_name(message: str) -> str:
    m = _UNKNOWN.search(message)
    name = next((g for g in m.groups() if g), "") if m else ""
    where = f"“{name}”" if name else message
    return (
        f"未知的占位符名称{where}（可用的名称是数据文件中的字段，如 applications.received.total）"
    )


def render_text(text: str, names: dict[str, Any]) -> str:
    """Evaluate the placeholders of one paragraph; plain text passes untouched.

    The one function validation and rendering both call: a text that
    validates renders to the same words.  Evaluation is bounded in time,
    size and depth (:mod:`govreport.sandbox`), and what it prints is checked
    too: a placeholder may not print a character a document cannot hold.
    """
    if not has_placeholders(text):
        return text
    if not isinstance(names, Names):
        return _evaluate(text, names, limits.PLACEHOLDER_SECONDS)
    known = names.results.get(text)
    if known is None:
        left = limits.REPORT_PLACEHOLDER_SECONDS - names.spent
        start = time.monotonic()
        try:
            if left <= 0:
                raise PlaceholderError(
                    f"整份报告的占位符求值时间已超过{limits.REPORT_PLACEHOLDER_SECONDS:g}秒的上限"
                )
            known = _evaluate(text, names, min(limits.PLACEHOLDER_SECONDS, left))
        except PlaceholderError as exc:
            known = exc
        names.spent += time.monotonic() - start
        names.results[text] = known
    if isinstance(known, PlaceholderError):
        raise PlaceholderError(str(known))
    return known


def _evaluate(text: str, names: dict[str, Any], seconds: float) -> str:
    try:
        with bounded(seconds):
            out = _compile(text).render(names)
    except jinja2.TemplateSyntaxError as exc:
        raise PlaceholderError(f"占位符语法错误：{exc.message}（第{exc.lineno}行）") from None
    except jinja2.UndefinedError as exc:
        raise PlaceholderError(_unknown_name(exc.message or "")) from None
    except LimitExceeded as exc:
        raise PlaceholderError(f"占位符超出限制：{exc}") from None
    except _NotPrintable as exc:
        raise PlaceholderError(str(exc)) from None
    except jinja2.exceptions.SecurityError as exc:
        raise PlaceholderError(f"占位符不允许此操作：{exc}") from None
    except RecursionError:
        raise PlaceholderError("占位符嵌套过深（递归）") from None
    except MemoryError:
        raise PlaceholderError("占位符求值所需内存过大") from None
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise PlaceholderError(f"占位符无法求值：{exc}") from None
    bad = ILLEGAL_XML_CHARS.search(out)
    if bad:
        raise PlaceholderError(
            f"占位符生成了不可见的控制字符 U+{ord(bad.group()):04X}，这种字符会损坏Word文档"
        )
    return out
