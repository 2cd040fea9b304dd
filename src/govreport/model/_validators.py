"""attrs validators shared by the model classes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs


def whole_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Counts are ints.  ``bool`` is an int in Python, but never a count."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be an int, got {value!r}")


def decimal_amount(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Money is a finite Decimal, never a float (no binary rounding artefacts)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{attribute.name} must be a finite Decimal, got {value!r}")


def text_tuple(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of str, got {value!r}")


def count_field() -> Any:
    return attrs.field(default=0, validator=whole_number)


def text_field() -> Any:
    return attrs.field(default="", validator=attrs.validators.instance_of(str))
