"""attrs validators and field helpers shared by the model classes.

Every validator raises :class:`~govreport.model.errors.ModelError`, which
names the field by its official label; the converters in
:mod:`govreport.model._converters` run first.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from govreport.limits import (
    MAX_AMOUNT_DECIMALS,
    MAX_AMOUNT_INTEGER_DIGITS,
    MAX_COUNT,
    MAX_COUNT_TOTAL,
    MAX_TEXT_CHARS,
)
from govreport.model._converters import (
    to_date,
    to_decimal,
    to_enum,
    to_int,
    to_record,
    to_text_tuple,
)
from govreport.model.errors import ModelError

COUNT_ALLOWED = "应为整数（int，不能是布尔值、小数或文本）"
AMOUNT_ALLOWED = '应为金额：Decimal、整数、小数或数字文本（如 "18651.06"）'
TEXT_ALLOWED = "应为文本（str）"
TEXTS_ALLOWED = "应为文本列表（list 或 tuple，每项为 str）"
DATE_ALLOWED = '应为日期（date）或 YYYY-MM-DD 格式的文本（如 "2025-01-20"）'


COUNT_RANGE = f"数值超出范围：应为不大于 {MAX_COUNT} 的整数"
COUNT_TOTAL_RANGE = f"数值超出范围：应为不大于 {MAX_COUNT_TOTAL} 的整数"
AMOUNT_TOO_LARGE = f"金额过大：整数部分最多 {MAX_AMOUNT_INTEGER_DIGITS} 位"
AMOUNT_TOO_PRECISE = f"小数位数过多：金额最多 {MAX_AMOUNT_DECIMALS} 位小数（万元精确到分）"


def text_too_long(value: str) -> str | None:
    """Why a text is too long for one field, or None."""
    if len(value) <= MAX_TEXT_CHARS:
        return None
    return f"文本过长：共 {len(value)} 字，一项最多 {MAX_TEXT_CHARS} 字"


def count_in_range(value: int, limit: int = MAX_COUNT) -> bool:
    """Counts are bounded both ways: negative ones are R5's business, but not -10**30.

    A data file's cells are bounded by MAX_COUNT; a model object (which also
    holds computed totals) by the larger MAX_COUNT_TOTAL.
    """
    return -limit <= value <= limit


def amount_problem(value: Decimal) -> str | None:
    """Why a finite Decimal is no money amount (too large, too precise), or None.

    Only the exponent and the digits are read: ``Decimal("1e999999999")`` is
    made at once, but printing or rounding it would take hours.
    """
    if value.is_zero():
        return None
    if value.adjusted() >= MAX_AMOUNT_INTEGER_DIGITS:
        return AMOUNT_TOO_LARGE
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    zeros = len(digits) - len(bytes(digits).rstrip(b"\0"))
    if exponent + zeros < -MAX_AMOUNT_DECIMALS:
        return AMOUNT_TOO_PRECISE
    return None


def plain_amount(value: Decimal) -> Decimal:
    """An amount within range, without an exponent its text would print as many digits.

    ``0E-100000000`` and ``18651.060000000`` keep at most 6 decimal places
    (only zeros are dropped); ``0E+999`` is 0.
    """
    if value.is_zero():
        return Decimal(0)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -MAX_AMOUNT_DECIMALS:
        return value.quantize(Decimal(1).scaleb(-MAX_AMOUNT_DECIMALS))
    return value


def _refuse(instance: Any, attribute: attrs.Attribute[Any], value: Any, allowed: str) -> None:
    raise ModelError(type(instance), attribute.name, value, allowed)


def whole_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Counts are ints.  ``bool`` is an int in Python, but never a count.

    Negative counts pass: a published table can print one, and rule R5
    reports it with the other findings rather than refusing the whole report.
    """
    if type(value) is int and -MAX_COUNT_TOTAL <= value <= MAX_COUNT_TOTAL:
        return  # every count of every report built: the checks below, inlined
    if isinstance(value, bool) or not isinstance(value, int):
        _refuse(instance, attribute, value, COUNT_ALLOWED)
    if not count_in_range(value, MAX_COUNT_TOTAL):
        _refuse(instance, attribute, value, COUNT_TOTAL_RANGE)


def decimal_amount(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Money is a finite Decimal, never a float (no binary rounding artefacts)."""
    if isinstance(value, int) and not isinstance(value, bool):
        _refuse(instance, attribute, value, AMOUNT_TOO_LARGE)  # left an int by to_decimal
    if not isinstance(value, Decimal) or not value.is_finite():
        _refuse(instance, attribute, value, AMOUNT_ALLOWED)
    problem = amount_problem(value)
    if problem:
        _refuse(instance, attribute, value, problem)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        _refuse(instance, attribute, value, TEXT_ALLOWED)
    problem = text_too_long(value)
    if problem:
        _refuse(instance, attribute, value, problem)


def text_tuple(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        _refuse(instance, attribute, value, TEXTS_ALLOWED)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise ModelError(type(instance), attribute.name, item, TEXT_ALLOWED, index=i)
        problem = text_too_long(item)
        if problem:
            raise ModelError(type(instance), attribute.name, item, problem, index=i)


def optional_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, date):
        _refuse(instance, attribute, value, f"{DATE_ALLOWED}，或 None")


def optional_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, bool):
        _refuse(instance, attribute, value, "应为 True、False 或 None")


def boolean(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        _refuse(instance, attribute, value, "应为 True 或 False")


def member_of(cls: type[enum.Enum]) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            shown = "、".join(
                f"{m.value}（{m.label}）" if hasattr(m, "label") else str(m.value) for m in cls
            )
            _refuse(instance, attribute, value, f"应为 {cls.__name__} 或以下之一：{shown}")

    return check


def record_of(cls: type, *, also: str = "") -> Any:
    """A nested record: an instance, or a mapping of its field names (converted before)."""
    names = [a.name for a in attrs.fields(cls)]
    required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, cls):
            return
        allowed = f"应为 {cls.__name__}{also}，或键为 {'、'.join(names)} 的映射"
        if isinstance(value, Mapping):
            unknown = [str(k) for k in value if k not in names]
            missing = [n for n in required if n not in value]
            allowed += f"（未知的键：{'、'.join(unknown)}）" if unknown else ""
            allowed += f"（缺少必填的键：{'、'.join(missing)}）" if missing else ""
        _refuse(instance, attribute, value, allowed)

    return check


def to_amount(value: Any) -> Any:
    """:func:`to_decimal`, then a within-range amount without a printing exponent."""
    value = to_decimal(value)
    if isinstance(value, Decimal) and value.is_finite() and amount_problem(value) is None:
        return plain_amount(value)
    return value


# ---------------------------------------------------------------- field helpers
#
# They return Any so that type checkers see the declared attribute types: the
# conversions are a convenience at run time, the static types stay exact.


def count_field() -> Any:
    return attrs.field(default=0, converter=to_int, validator=whole_number)


def amount_field() -> Any:
    return attrs.field(default=Decimal(0), converter=to_amount, validator=decimal_amount)


def text_field() -> Any:
    return attrs.field(default="", validator=text)


def texts_field() -> Any:
    return attrs.field(default=(), converter=to_text_tuple, validator=text_tuple)


def records_field(cls: type) -> Any:
    """A tuple of records (a list of instances or mappings in a data file or in code)."""
    convert = to_record(cls)

    def converter(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(convert(item) for item in value)
        return value

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, tuple) and all(isinstance(item, cls) for item in value):
            return
        _refuse(instance, attribute, value, f"应为 {cls.__name__} 的列表（list 或 tuple）")

    return attrs.field(default=(), converter=converter, validator=check)


def optional_record_field(cls: type) -> Any:
    """A nested record or None: an instance, a mapping of its field names, or None."""
    convert = to_record(cls)
    check = record_of(cls)

    def optional_check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return attrs.field(
        default=None,
        converter=lambda v: None if v is None else convert(v),
        validator=optional_check,
        eq=True,
        hash=False,
    )


def record_field(cls: type, *, required: bool = False) -> Any:
    default = attrs.NOTHING if required else attrs.Factory(cls)
    return attrs.field(default=default, converter=to_record(cls), validator=record_of(cls))


def enum_field(cls: type[enum.Enum], **kwargs: Any) -> Any:
    return attrs.field(converter=to_enum(cls), validator=member_of(cls), **kwargs)


def date_field() -> Any:
    return attrs.field(default=None, converter=to_date, validator=optional_date)
