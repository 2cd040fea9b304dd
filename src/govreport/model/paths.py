"""Dotted paths into the model, as used by the table geometry and placeholders."""

from __future__ import annotations

from decimal import Decimal


def resolve(root: object, path: str) -> int | Decimal:
    """Read a number by dotted path: ``resolve(report, "applications.received.total")``.

    Computed totals are properties, so they resolve like stored fields.
    """
    value: object = root
    for part in path.split("."):
        value = getattr(value, part)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"{path} is not a number: {value!r}")
    return value
