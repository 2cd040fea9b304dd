"""Which model fields a data file holds as keys of their own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

#: Field metadata of a field that a data file does not hold as a key of its own
#: (``AnnualReport.stated_totals`` comes from the ``total`` keys of the tables).
DERIVED: Final[Mapping[str, bool]] = {"data_file": False}


def data_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a model class that are keys in a data file, in order."""
    return tuple(f for f in attrs.fields(cls) if f.metadata.get("data_file", True))
