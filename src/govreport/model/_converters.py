"""attrs converters: the conversions a constructor makes without guessing.

Each converter turns what unambiguously means a value of the field's type into
that type, and passes everything else through unchanged for the validator to
refuse with a :class:`~govreport.model.errors.ModelError` naming the field.
Nothing here guesses: ``"12"`` is not a count, ``True`` is not 1, and a float
becomes the Decimal of its shortest repr (``0.1`` → ``Decimal("0.1")``),
never of its binary value.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

import attrs

_E = TypeVar("_E", bound=enum.Enum)
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def to_int(value: Any) -> Any:
    """Anything that says it is an integer (``__index__``: numpy ints too), except bool."""
    if isinstance(value, int):  # bool included: the validator refuses it
        return value
    try:
        return operator.index(value)
    except TypeError:
        return value


def to_decimal(value: Any) -> Any:
    """int, float (by repr) or a number in text → an exact Decimal."""
    if isinstance(value, bool | Decimal):
        return value
    if isinstance(value, int):
        # Decimal() of an int is quadratic in its length; one this long is no
        # amount anyway, and the validator refuses it as too large.
        return Decimal(value) if value.bit_length() <= 256 else value
    if isinstance(value, float):
        # repr is the shortest text that reads back as this float: 0.1, not
        # 0.1000000000000000055511151231257827.
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return value
    return value


def to_text_tuple(value: Any) -> Any:
    """A list of texts → a tuple (the model is immutable and hashable)."""
    return tuple(value) if isinstance(value, list) else value


def to_date(value: Any) -> Any:
    """``"2025-01-20"`` (ISO, as in a data file) → a date."""
    if isinstance(value, str) and (m := _ISO_DATE.fullmatch(value.strip())):
        try:
            return dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            return value
    return value


def to_enum(cls: type[_E]) -> Callable[[Any], Any]:
    """A member's value (``"township"``) or its official label (``"乡镇（街道）"``)."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            for member in cls:
                if value in (member.value, getattr(member, "label", None)):
                    return member
        return value

    return convert


def to_record(cls: type) -> Callable[[Any], Any]:
    """A mapping of the class's field names → an instance (``{"phone": "…"}``).

    A mapping with an unknown key or without a required one passes through, so
    that the validator names the field and the keys.
    """
    names = frozenset(a.name for a in attrs.fields(cls))
    required = frozenset(a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING)

    def convert(value: Any) -> Any:
        if (
            isinstance(value, Mapping)
            and all(isinstance(k, str) for k in value)
            and names.issuperset(value)
            and required.issubset(value)
        ):
            return cls(**value)
        return value

    return convert
