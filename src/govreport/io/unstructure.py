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
    # Stated totals go back where the source had them (``total:`` in a row,
    # the （七）总计 row, table 四's 总计), so a converted file keeps its evidence.
    data.pop("stated_totals", None)
    for path, value in sorted(report.stated_totals.items()):
        _put(data, path.split("."), value)
    # Blank and “/” cells go back as printed: the model's 0 was never written.
    data.pop("blank_cells", None)
    for path, printed in sorted(report.blank_cells.items()):
        _put(data, path.split("."), printed)
    return data


def _put(data: dict[str, Any], keys: list[str], value: object) -> None:
    here = data
    for key in keys[:-1]:
        child = here.get(key)
        if not isinstance(child, dict):
            # The （七）总计 row exists only where stated; it prints as one line.
            child = here[key] = FlowMapping()
        here = child
    here[keys[-1]] = value
