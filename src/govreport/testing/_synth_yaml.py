"""A YAML writer for the plain data of a synthetic report: fast, and always readable back.

:func:`govreport.dump_report` goes through the model and PyYAML (milliseconds a
report); 40,000 files for a benchmark need text written directly.  The data
is plain (mappings, lists, str, int, Decimal, date, bool), so a few lines
suffice: rows and small records in flow style (``[3, 0, 0, 0, 0, 0]``), names
in double quotes (JSON's escapes are YAML's), long texts as ``|-`` blocks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

#: Strings longer than this are written as a ``|-`` block, as people write narratives.
_BLOCK_CHARS = 40


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is str:
        return json.dumps(value, ensure_ascii=False)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not a scalar: {value!r}")  # pragma: no cover


_NESTED = (dict, list, str)


def _flow(value: Any) -> str | None:
    """A list or mapping of scalars other than text on one line; None for anything else."""
    if type(value) is list:
        if all(type(v) is int for v in value):  # a row of table 三: the bulk of a file
            return "[" + ", ".join(map(str, value)) + "]"
        if any(type(v) in _NESTED for v in value):
            return None
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if any(type(v) in _NESTED for v in value.values()):
        return None
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"


def _mapping(data: Mapping[str, Any], indent: str, out: list[str]) -> None:
    for key, value in data.items():
        kind = type(value)
        if kind is str:
            if len(value) > _BLOCK_CHARS and "\n" not in value:
                out.append(f"{indent}{key}: |-\n{indent}  {value}")
            else:
                out.append(f"{indent}{key}: {_scalar(value)}")
        elif kind is dict or kind is list:
            flow = _flow(value)
            if flow is not None:
                out.append(f"{indent}{key}: {flow}")
            elif kind is dict:
                out.append(f"{indent}{key}:")
                _mapping(value, indent + "  ", out)
            else:  # a list of texts (the items of 五)
                out.append(f"{indent}{key}:")
                out.extend(f"{indent}  - {_scalar(v)}" for v in value)
        else:
            out.append(f"{indent}{key}: {_scalar(value)}")


def dump_yaml(data: Mapping[str, Any], *, comment: str = "") -> str:
    """``data`` as the text of a YAML data file, with a leading ``# comment`` line if given."""
    out = [f"# {comment}"] if comment else []
    _mapping(data, "", out)
    return "\n".join(out) + "\n"
