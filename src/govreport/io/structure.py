"""The tolerant structurer: raw mapping → attrs model, recording every mistake.

Unlike cattrs it never stops at the first bad field.  Each mistake becomes a
:class:`Finding` and the field gets its default (0 for counts), so a provisional
model is still built and the arithmetic rules can still run on it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from govreport import spec
from govreport.findings import Finding, Severity
from govreport.io.errors import (
    BAD_VALUE,
    BLANK_CELL,
    MISSING,
    UNKNOWN_KEY,
    listing,
)
from govreport.limits import MAX_DATA_FILE_PROBLEMS, MAX_DATA_TEXT_CHARS, MAX_LIST_ITEMS
from govreport.model import ApplicantCounts, Outcomes, Results, data_fields
from govreport.model._validators import (
    AMOUNT_TOO_LARGE,
    COUNT_RANGE,
    amount_problem,
    count_in_range,
    plain_amount,
    text_too_long,
)
from govreport.spec.wording import clip, describe, text_of

#: What people type into a count cell they mean as 0.
BLANKS: Final = frozenset({"", "/", "／", "-", "－", "—", "——", "无"})

COLUMNS: Final = tuple(a.name for a in attrs.fields(ApplicantCounts))
_COLUMN_LABELS: Final = dict(spec.applications.APPLICANT_COLUMNS)
_TOTAL: Final = "total"
_DATE: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")

COUNT_ALLOWED: Final = "应为不小于0的整数"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@attrs.define
class Collector:
    """Everything the walk learns besides the model itself."""

    problems: list[Finding] = attrs.Factory(list)
    stated: dict[str, int | Decimal] = attrs.Factory(dict)
    #: Cells given blank or as “/” (path → the text as given, "" for none):
    #: read as 0, reported once per region and written back as they were.
    blank: dict[str, str] = attrs.Factory(dict)
    #: Paths whose value was bad and replaced by a default.
    defaulted: list[str] = attrs.Factory(list)
    #: Off while building throw-away fallbacks, so nothing is reported twice.
    reporting: bool = True
    #: Problems beyond MAX_DATA_FILE_PROBLEMS: counted, not listed.
    unlisted: int = 0
    unlisted_errors: int = 0

    #: Characters of text read so far (MAX_DATA_TEXT_CHARS in all).
    text_chars: int = 0

    def text_problem(self, value: str) -> str | None:
        """Why ``value`` is not taken as a field's text: too long alone or in all, or None."""
        problem = text_too_long(value)
        if problem:
            return problem
        if self.text_chars + len(value) > MAX_DATA_TEXT_CHARS:
            return (
                f"文字总量过大：全部文本最多 {MAX_DATA_TEXT_CHARS} 字，"
                f"此项（{len(value)} 字）超出，未读入"
            )
        self.text_chars += len(value)
        return None

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_DATA_FILE_PROBLEMS

    def add(
        self, code: str, severity: Severity, path: str, message: str, location: str | None = None
    ) -> None:
        if not self.reporting:
            return
        if self.full:
            self.unlisted += 1
            self.unlisted_errors += severity is Severity.ERROR
            return
        where = spec.location_of(path) if location is None else location
        self.problems.append(Finding(code, severity, message, path, where))

    def summary(self) -> Finding | None:
        """One finding for the problems not listed (an error if any of them is one)."""
        if not self.unlisted:
            return None
        severity = Severity.ERROR if self.unlisted_errors else Severity.WARNING
        return Finding(
            BAD_VALUE,
            severity,
            f"另有 {self.unlisted} 处问题未逐一列出（其中错误 {self.unlisted_errors} 处）；"
            f"只列出前 {MAX_DATA_FILE_PROBLEMS} 处，请先改正以上问题后重新校验 "
            f"({self.unlisted} more problems not listed)",
        )

    def error(self, code: str, path: str, message: str) -> None:
        self.add(code, Severity.ERROR, path, message)
        self.defaulted.append(path)


# ---------------------------------------------------------------- helpers


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def field_types(cls: type) -> dict[str, Any]:
    """Each field's type hint, string annotations resolved (cached per class)."""
    return _hints(cls)


#: split_optional's answers: a report asks the same few dozen hints hundreds of times.
_OPTIONAL: dict[object, tuple[object, bool]] = {}


def split_optional(hint: object) -> tuple[object, bool]:
    """``X | None`` → (X, True)."""
    try:
        return _OPTIONAL[hint]
    except (KeyError, TypeError):  # TypeError: an unhashable hint, never remembered
        pass
    answer: tuple[object, bool] = (hint, False)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            answer = (args[0], True)
    with contextlib.suppress(TypeError):
        _OPTIONAL[hint] = answer
    return answer


def _key_label(path: str) -> str:
    chain = spec.field_labels().get(path)
    return f"（{chain[-1]}）" if chain else ""


def unknown_key(
    col: Collector,
    path: str,
    key: object,
    allowed: list[str],
    extra: str = "",
    *,
    noun: str = "项",
) -> None:
    if col.full:  # counted only: no close-match search for the 50,000th unknown key
        col.add(UNKNOWN_KEY, Severity.ERROR, path, "")
        return
    name = text_of(key)
    message = f"未知的{noun} “{clip(name)}”"
    close = difflib.get_close_matches(name[:200], allowed, n=1, cutoff=0.6)
    if close:
        message += f"，是否应为 “{close[0]}”{_key_label(join(path, close[0]))}？"
    else:
        message += "。"
    message += extra or f"此处允许的项：{listing(allowed)}"
    where = join(path, clip(name))
    col.add(UNKNOWN_KEY, Severity.ERROR, where, message, location=spec.location_of(path))


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in BLANKS)


# ---------------------------------------------------------------- scalars


def _integral(number: Decimal) -> bool:
    # adjusted() first: 1e999999999 is integral, but int() of it would run for hours.
    return number.is_finite() and number.adjusted() < 20 and number == number.to_integral_value()


def _huge(value: object) -> bool:
    """A number beyond any count, whatever its type (checked before converting it)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not count_in_range(value)
    if isinstance(value, Decimal | float):
        number = Decimal(value)
        return number.is_finite() and not number.is_zero() and number.adjusted() >= 20
    return False


def _blank_as_zero(value: object, path: str, col: Collector) -> bool:
    """A blank or “/” cell is read as 0 and remembered (see :mod:`govreport.io.blanks`)."""
    if not _is_blank(value):
        return False
    if col.reporting:
        col.blank[path] = value.strip() if isinstance(value, str) else ""
    return True


def count(value: object, path: str, col: Collector) -> int:
    """A table cell.  Negative numbers pass here: rule R5 reports them."""
    if type(value) is int and count_in_range(value):
        return value  # nearly every cell: the checks below would all say so
    if _blank_as_zero(value, path, col):
        return 0
    if _huge(value):
        col.error(BAD_VALUE, path, f"{COUNT_RANGE}，实际为{describe(value)}")
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal | float) and _integral(Decimal(value)):
        number = int(value)  # 12.0 from a spreadsheet export means 12
        if count_in_range(number):
            return number
        col.error(BAD_VALUE, path, f"{COUNT_RANGE}，实际为{describe(value)}")
        return 0
    quoted = isinstance(value, str) and value.strip().lstrip("-").isdigit()
    hint = "（请去掉引号）" if quoted else ""
    col.error(BAD_VALUE, path, f"{COUNT_ALLOWED}，实际为{describe(value)}{hint}")
    return 0


def amount(value: object, path: str, col: Collector) -> Decimal:
    """A money amount, kept exact."""
    if _blank_as_zero(value, path, col):
        return Decimal(0)
    result: Decimal | None = None
    if isinstance(value, bool):
        result = None
    elif isinstance(value, int) and value.bit_length() > 64:
        # Decimal() of an int is quadratic: a 0x… of a million digits would take hours.
        col.error(BAD_VALUE, path, f"{AMOUNT_TOO_LARGE}，实际为{describe(value)}")
        return Decimal(0)
    elif isinstance(value, int | Decimal):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))  # shortest text that reads back as this float
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            result = None
    if result is None or not result.is_finite():
        col.error(BAD_VALUE, path, f"应为金额数字（如 18651.06），实际为{describe(value)}")
        return Decimal(0)
    problem = amount_problem(result)
    if problem:
        col.error(BAD_VALUE, path, f"{problem}，实际为{describe(value)}")
        return Decimal(0)
    return plain_amount(result)


def _text(value: object, path: str, col: Collector, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        col.error(BAD_VALUE, path, f"应为文本（请加引号），实际为{describe(value)}")
        return ""
    problem = col.text_problem(value)
    if problem:
        col.error(BAD_VALUE, path, problem)
        return ""
    if required and not value.strip():
        col.error(MISSING, path, "必填项，不能为空")
    return value


def _date(value: object, path: str, col: Collector) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        year, month, day = (int(p) for p in value.strip().split("-"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    col.error(
        BAD_VALUE, path, f"应为日期，格式 YYYY-MM-DD（如 2025-01-10），实际为{describe(value)}"
    )
    return None


def _enum(cls: type[enum.Enum], value: object, path: str, col: Collector) -> enum.Enum:
    for member in cls:
        if value == member.value:
            return member

    def shown(m: enum.Enum) -> str:
        label = getattr(m, "label", None)
        return f"{m.value}（{label}）" if label else str(m.value)

    values = [str(m.value) for m in cls]
    message = f"应为以下之一：{listing(shown(m) for m in cls)}；实际为{describe(value)}"
    close = difflib.get_close_matches(text_of(value)[:200], values, n=1, cutoff=0.6)
    if close:
        message += f"，是否应为 “{close[0]}”？"
    col.error(BAD_VALUE, path, message)
    return next(iter(cls))


def _too_long(items: list[object] | tuple[object, ...], path: str, col: Collector) -> bool:
    """A list over :data:`MAX_LIST_ITEMS` is one finding, and none of it is read."""
    if len(items) <= MAX_LIST_ITEMS:
        return False
    col.error(
        BAD_VALUE,
        path,
        f"最多 {MAX_LIST_ITEMS} 项（at most {MAX_LIST_ITEMS} items），实际为 {len(items)} 项",
    )
    return True


def _texts(value: object, path: str, col: Collector) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        col.error(BAD_VALUE, path, f"应为文本列表（每项一行，以“- ”开头），实际为{describe(value)}")
        return ()
    if _too_long(value, path, col):
        return ()
    items = []
    for i, item in enumerate(value):
        problem = col.text_problem(item) if isinstance(item, str) else None
        if problem:
            col.error(BAD_VALUE, f"{path}[{i}]", problem)
        elif isinstance(item, str):
            items.append(item)
        else:
            col.error(BAD_VALUE, f"{path}[{i}]", f"应为文本，实际为{describe(item)}")
    return tuple(items)


# ---------------------------------------------------------------- containers
# Lists and mappings of any supported type, for plugins' extension data.  An item
# whose own value is unusable is left out (reported at ``path[i]`` or
# ``path.key``); an item with bad fields is kept, those fields defaulted.


def item_type(hint: object) -> object | None:
    """``tuple[X, ...]`` or ``list[X]`` → X; anything else → None."""
    origin = typing.get_origin(hint)
    args: tuple[object, ...] = typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    if origin is list and len(args) == 1:
        return args[0]
    return None


def mapping_value_type(hint: object) -> object | None:
    """``Mapping[str, X]`` or ``dict[str, X]`` → X; anything else → None."""
    origin = typing.get_origin(hint)
    args: tuple[object, ...] = typing.get_args(hint)
    if origin in (dict, Mapping) and len(args) == 2 and args[0] is str:
        return args[1]
    return None


def _kept(item: object, raw: object, path: str, col: Collector) -> tuple[bool, object]:
    """Structure one list item or mapping value; (False, …) when it is unusable."""
    record = isinstance(item, type) and attrs.has(item) and item is not ApplicantCounts
    if record and not isinstance(raw, Mapping):
        # One finding for the item, not one more per required field inside it.
        col.error(BAD_VALUE, path, f"应为键值映射（名称: 内容），实际为{describe(raw)}；此项已忽略")
        return False, None
    before = len(col.defaulted)
    got = value(item, raw, path, col)
    return path not in col.defaulted[before:] and got is not None, got


def _items(item: object, raw: object, path: str, col: Collector) -> list[object]:
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        col.error(BAD_VALUE, path, f"应为列表（每项一行，以“- ”开头），实际为{describe(raw)}")
        return []
    if _too_long(raw, path, col):
        return []
    out = []
    for i, each in enumerate(raw):
        ok, got = _kept(item, each, f"{path}[{i}]", col)
        if ok:
            out.append(got)
    return out


def _mapping(item: object, raw: object, path: str, col: Collector) -> dict[str, object]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        col.error(BAD_VALUE, path, f"应为键值映射（名称: 内容），实际为{describe(raw)}")
        return {}
    out: dict[str, object] = {}
    for given, each in raw.items():
        # YAML reads `2024:` as a number; the key is its text.
        numeric = isinstance(given, int) and not isinstance(given, bool)
        key = text_of(given) if numeric else given
        if not isinstance(key, str):
            col.error(BAD_VALUE, path, f"键应为文本，实际为{describe(key)}")
            continue
        ok, got = _kept(item, each, join(path, key), col)
        if ok:
            out[key] = got
    return out


# ---------------------------------------------------------------- supported types

#: What :func:`value` reads, for the one-line error a plugin author sees.
SUPPORTED: Final = (
    "str, int, Decimal, bool, datetime.date, an Enum, an attrs class; "
    "X | None of those; tuple[X, ...] or list[X]; Mapping[str, X] or dict[str, X] "
    "(list items and mapping values are never None)"
)


def unsupported(cls: type) -> tuple[str, object] | None:
    """The first field of ``cls`` (recursively) :func:`value` cannot read: (path, type).

    List items show as ``name[]``, mapping values as ``name.*``.  Raises
    :class:`NameError` (from ``typing.get_type_hints``) for an annotation that
    does not resolve.
    """
    return _check_class(cls, "", set())


def _check_class(cls: type, path: str, seen: set[type]) -> tuple[str, object] | None:
    if cls in seen:  # a record that holds a list of itself: checked once
        return None
    seen.add(cls)
    hints = _hints(cls)
    for field in attrs.fields(cls):
        problem = _check(hints[field.name], join(path, field.name), seen, in_container=False)
        if problem:
            return problem
    return None


def _check(
    hint: object, path: str, seen: set[type], *, in_container: bool
) -> tuple[str, object] | None:
    inner, optional = split_optional(hint)
    if optional and in_container:
        return path, hint
    if isinstance(inner, type):
        if attrs.has(inner):
            return _check_class(inner, path, seen)
        if inner in (str, int, Decimal, bool, dt.date) or issubclass(inner, enum.Enum):
            return None
        return path, hint
    item = item_type(inner)
    if item is not None:
        return _check(item, f"{path}[]", seen, in_container=True)
    mapped = mapping_value_type(inner)
    if mapped is not None:
        return _check(mapped, f"{path}.*", seen, in_container=True)
    return path, hint


# ---------------------------------------------------------------- table rows


_ROW_KEYS: Final = frozenset({*COLUMNS, _TOTAL})


def _cell(value: object, path: str, name: str, col: Collector) -> int:
    """One cell of a row; its path is spelled out only when something is to be said."""
    if type(value) is int and count_in_range(value):
        return value
    return count(value, join(path, name), col)


def row_cells(value: object, path: str, col: Collector) -> tuple[dict[str, int], int | None]:
    """An ApplicantCounts row in mapping or list form → (given cells, stated 总计)."""
    if value is None:
        col.add(BLANK_CELL, Severity.WARNING, path, "整行为空，已按全0处理；请填写0")
        return {}, None
    stated: int | None = None
    cells: dict[str, int] = {}
    if isinstance(value, list | tuple):
        if len(value) not in (6, 7):
            col.error(
                BAD_VALUE,
                path,
                f"应为6个数（{listing(_COLUMN_LABELS.values())}），"
                f"或7个数（第7个为总计），实际为{len(value)}个",
            )
            return {}, None
        for name, cell in zip(COLUMNS, value, strict=False):
            cells[name] = _cell(cell, path, name, col)
        if len(value) == 7:
            total = count(value[6], join(path, _TOTAL), col)  # blank: a D4 warning
            stated = None if _is_blank(value[6]) else total
        return cells, stated
    if not isinstance(value, Mapping):
        col.error(
            BAD_VALUE,
            path,
            f"应为键值映射（natural_person: 0, …）或6个数的列表，实际为{describe(value)}",
        )
        return {}, None
    for key in value:
        if key not in _ROW_KEYS:
            unknown_key(col, path, key, [*COLUMNS, _TOTAL])
    for name in COLUMNS:
        if name in value:
            cells[name] = _cell(value[name], path, name, col)
    if _TOTAL in value:
        total = count(value[_TOTAL], join(path, _TOTAL), col)  # blank: a D4 warning
        stated = None if _is_blank(value[_TOTAL]) else total
    return cells, stated


def _row(value: object, path: str, col: Collector) -> ApplicantCounts:
    cells, stated = row_cells(value, path, col)
    if stated is not None:
        col.stated[join(path, _TOTAL)] = stated
    return ApplicantCounts(**cells)


def _stated_row(value: object, path: str, col: Collector) -> None:
    """（七）总计 as the file states it: every given cell goes to ``stated``."""
    cells, stated = row_cells(value, path, col)
    for name, cell in cells.items():
        col.stated[join(path, name)] = cell
    if stated is not None:
        col.stated[join(path, _TOTAL)] = stated


# ---------------------------------------------------------------- classes

#: Keys a class accepts beyond its fields: totals the model computes itself.
_STATED_KEYS: Final[Mapping[type, str]] = {Outcomes: _TOTAL, Results: _TOTAL}


def value(
    hint: object, raw: object, path: str, col: Collector, *, required: bool = False
) -> object:
    """Structure one field's raw value according to its type hint."""
    hint, optional = split_optional(hint)
    if optional and raw is None:
        return None
    if isinstance(hint, type) and attrs.has(hint):
        if hint is ApplicantCounts:
            return _row(raw, path, col)
        return structure(hint, raw, path, col)
    if hint is bool:
        if isinstance(raw, bool):
            return raw
        col.error(
            BAD_VALUE,
            path,
            f"应为 true 或 false{'（或 null）' if optional else ''}，实际为{describe(raw)}",
        )
        return None if optional else False
    if hint is int:
        if path == "year" or required:
            if raw is None:
                col.error(MISSING, path, "必填项，不能为空")
                return 0
            if (
                isinstance(raw, int)
                and not isinstance(raw, bool)
                and (path != "year" or dt.MINYEAR <= raw < dt.MAXYEAR)
            ):
                return raw
            allowed = "应为四位数的年份（如 2024）" if path == "year" else "应为整数"
            col.error(BAD_VALUE, path, f"{allowed}，实际为{describe(raw)}")
            return 0
        return count(raw, path, col)
    if hint is Decimal:
        return amount(raw, path, col)
    if hint is str:
        return _text(raw, path, col, required)
    if hint is dt.date:
        if raw is None:
            col.error(MISSING, path, "必填项，不能为空")
            return None
        return _date(raw, path, col)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if raw is None:
            col.error(MISSING, path, "必填项，不能为空")
            return next(iter(hint))
        return _enum(hint, raw, path, col)
    item = item_type(hint)
    if item is str:
        texts = _texts(raw, path, col)
        return list(texts) if typing.get_origin(hint) is list else texts
    if item is not None:
        items = _items(item, raw, path, col)
        return items if typing.get_origin(hint) is list else tuple(items)
    mapped = mapping_value_type(hint)
    if mapped is not None:
        return _mapping(mapped, raw, path, col)
    raise TypeError(f"the structurer cannot read a field of type {hint!r} at {path}")


def fallback(hint: object) -> object:
    """A placeholder for a missing required field (already reported)."""
    return value(hint, None, "", Collector(reporting=False))


@functools.cache
def _keys(cls: type) -> tuple[tuple[attrs.Attribute[Any], ...], tuple[str, ...], frozenset[str]]:
    """A class's data-file fields, their names, and every key its mapping may hold."""
    fields = data_fields(cls)  # stated_totals comes from the `total` keys
    names = tuple(f.name for f in fields)
    extra = _STATED_KEYS.get(cls)
    return fields, names, frozenset((*names, extra) if extra else names)


def structure(cls: type, raw: object, path: str, col: Collector) -> object:
    """Build ``cls`` (an attrs class) from a raw mapping, reporting every mistake."""
    fields, names, allowed = _keys(cls)
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        col.error(BAD_VALUE, path, f"应为键值映射（包含 {listing(names)}），实际为{describe(raw)}")
        raw = {}
    extra = _STATED_KEYS.get(cls)
    for key in raw:
        if key not in allowed:
            unknown_key(col, path, key, [*names, extra] if extra else list(names))
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for field in fields:
        here = join(path, field.name)
        required = field.default is attrs.NOTHING
        if field.name in raw:
            kwargs[field.name] = value(
                hints[field.name], raw[field.name], here, col, required=required
            )
        elif required and split_optional(hints[field.name])[1]:
            kwargs[field.name] = None  # TOML has no null: an absent optional field is None
        elif required:
            label = _key_label(here)
            col.error(MISSING, here, f"缺少必填项 “{field.name}”{label}")
            kwargs[field.name] = fallback(hints[field.name])
    if extra and extra in raw:
        here = join(path, extra)
        if cls is Results:
            _stated_row(raw[extra], here, col)
        else:
            total = count(raw[extra], here, col)
            if not _is_blank(raw[extra]):
                col.stated[here] = total
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:  # an extension's own validators
        col.error(BAD_VALUE, path, f"数据不符合要求：{exc}")
        return None
