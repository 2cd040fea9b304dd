"""Form fields ↔ the data file's mapping: one field per leaf, named by its data-file path.

A form field is named by the path of the key a YAML data file holds
(``agency.name``, ``applications.received.natural_person``,
``overview.parts.0.heading``, ``problems.improvements.1``,
``extensions.<name>.<field>``); list items go by their index.  Every value is the
text the person typed.

:func:`to_data` builds the nested mapping :meth:`govreport.Engine.parse_report`
takes, and types each value the way the YAML loader types a plain scalar in a
data file (the loader's own scalar resolution, ``io.formats``): a count typed
``12`` reads as 12, ``abc`` stays text and the loader reports it (D2) exactly as
for a file, ``2025-01-10`` is a date, ``true`` a boolean.  Fields the model
types as text (names, narrative, headings) are kept as typed, so a postcode
``310024`` stays text as a quoted YAML string would.  An empty field is left out,
as an absent key, so it reads exactly as a key missing from a YAML file (a count
0, a text blank, a required field missing).  Browsers send line breaks as CRLF:
they become LF, as in a file.

:func:`to_fields` is the way back (a data file's mapping, e.g. last year's file or
a saved draft, → form fields): a table 三 row given as a list of 6 or 7 numbers
becomes one field per column (``…natural_person`` … ``…total``).

Not supported: a mapping key made only of digits (``Mapping[str, X]`` in an
extension with a key ``2024``) reads back as a list index; a ``null`` value
(YAML ``key:``) becomes an empty field, i.e. absent.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from govreport.io.formats import decimal_text, plain_scalar
from govreport.io.structure import (
    COLUMNS,
    field_types,
    item_type,
    mapping_value_type,
    split_optional,
)
from govreport.model import AnnualReport, ApplicantCounts, Outcomes, Results, data_fields

__all__ = ["to_data", "to_fields"]

EXTENSIONS: Final = "extensions"
_TOTAL: Final = "total"
_INDEX: Final = re.compile(r"0|[1-9][0-9]{0,5}")
#: Classes whose mapping also takes a stated ``total`` (the model computes it).
_STATED: Final = (Outcomes, Results)


def _child_hint(hint: object, key: str, extensions: Mapping[str, type]) -> object | None:
    """The type hint of ``key`` below a value of type ``hint``; None when unknown."""
    if hint is None:
        return None
    inner, _ = split_optional(hint)
    if inner is AnnualReport and key == EXTENSIONS:
        return _Extensions
    if inner is _Extensions:
        return extensions.get(key)
    if inner is ApplicantCounts:
        return int if key in (*COLUMNS, _TOTAL) else None
    if isinstance(inner, type) and attrs.has(inner):
        names = {f.name for f in data_fields(inner)}
        if key in names:
            hinted: object = field_types(inner)[key]
            return hinted
        if key == _TOTAL and inner in _STATED:
            return ApplicantCounts if inner is Results else int
        return None
    item = item_type(inner)
    if item is not None:
        return item if _INDEX.fullmatch(key) else None
    return mapping_value_type(inner)


class _Extensions:
    """Marks the ``extensions`` block while walking the hints."""


def _hint_at(path: str, extensions: Mapping[str, type]) -> object | None:
    hint: object | None = AnnualReport
    for key in path.split("."):
        hint = _child_hint(hint, key, extensions)
    return hint


def _is_text(hint: object | None) -> bool:
    return split_optional(hint)[0] is str if hint is not None else False


def _is_list(hint: object | None) -> bool:
    return hint is not None and item_type(split_optional(hint)[0]) is not None


def _scalar(text: str) -> object:
    """A value as a YAML data file's plain scalar with this text would read."""
    clean = text.strip()
    return plain_scalar(clean)


def to_data(
    fields: Mapping[str, str], *, extensions: Mapping[str, type] | None = None
) -> dict[str, Any]:
    """Form fields → the nested mapping a data file holds (see the module docstring).

    ``extensions`` (``Engine.extension_classes()``) tells which extension fields
    are text; without it an extension's values are typed as YAML would type them.
    """
    classes = extensions or {}
    root: dict[str, Any] = {}
    for path, given in fields.items():
        keys = path.split(".")
        if not path or any(not key for key in keys) or not isinstance(given, str):
            continue
        text = given.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            continue
        hint = _hint_at(path, classes)
        value = text if _is_text(hint) else _scalar(text)
        here = root
        for key in keys[:-1]:
            child = here.setdefault(key, {})
            if not isinstance(child, dict):  # a path below a scalar: the scalar wins
                break
            here = child
        else:
            here.setdefault(keys[-1], value)
    return _lists(root, "", classes)  # type: ignore[return-value]


def _lists(node: object, path: str, extensions: Mapping[str, type]) -> object:
    """Mappings keyed by item indexes become lists, in index order (gaps closed)."""
    if not isinstance(node, dict):
        return node
    out = {
        key: _lists(value, f"{path}.{key}" if path else key, extensions)
        for key, value in node.items()
    }
    hint = _hint_at(path, extensions) if path else AnnualReport
    indexed = bool(out) and all(_INDEX.fullmatch(key) for key in out)
    if indexed and (hint is None or _is_list(hint)):
        return [out[key] for key in sorted(out, key=int)]
    return out


def to_fields(
    data: Mapping[str, Any], *, extensions: Mapping[str, type] | None = None
) -> dict[str, str]:
    """A data file's mapping → form fields (path → text), in the file's order."""
    out: dict[str, str] = {}
    _flatten(data, "", AnnualReport, extensions or {}, out)
    return out


def _flatten(
    value: object,
    path: str,
    hint: object | None,
    extensions: Mapping[str, type],
    out: dict[str, str],
) -> None:
    inner = split_optional(hint)[0] if hint is not None else None
    if isinstance(value, Mapping):
        for key, child in value.items():
            name = str(key)
            here = f"{path}.{name}" if path else name
            _flatten(child, here, _child_hint(hint, name, extensions), extensions, out)
    elif isinstance(value, list | tuple):
        if inner is ApplicantCounts:  # a row as 6 numbers, or 7 with 总计
            names = (*COLUMNS, _TOTAL)
            for name, cell in zip(names, value, strict=False):
                _flatten(cell, f"{path}.{name}", int, extensions, out)
            return
        item = item_type(inner) if inner is not None else None
        for index, child in enumerate(value):
            _flatten(child, f"{path}.{index}", item, extensions, out)
    else:
        out[path] = _text(value)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value) if value.is_finite() else str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)
