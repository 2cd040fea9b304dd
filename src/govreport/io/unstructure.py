"""Model → plain data (dicts in model field order), the input of every writer."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, cast

import attrs

from govreport.io.formats import FlowMapping
from govreport.model import AnnualReport, ApplicantCounts


def to_data(obj: object) -> object:
    """Every field, in model order; computed totals are left out (they are not data).

    Table 三 rows become :class:`FlowMapping` so YAML prints each row on one line.
    """
    if isinstance(obj, ApplicantCounts):
        return FlowMapping(attrs.asdict(obj))
    if attrs.has(type(obj)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(obj)))
        return {f.name: to_data(getattr(obj, f.name)) for f in fields}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, Mapping):
        return {k: to_data(v) for k, v in obj.items()}
    if isinstance(obj, tuple | list):
        return [to_data(v) for v in obj]
    return obj  # str, int, bool, None, Decimal, date: each writer knows them


def report_data(report: AnnualReport) -> dict[str, Any]:
    data = to_data(report)
    assert isinstance(data, dict)
    if not data.get("extensions"):
        # A file without plugin data stays free of an empty extensions block.
        data.pop("extensions", None)
    return data
