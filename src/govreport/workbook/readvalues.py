"""The reader's small helpers: cell addresses, labels as compared, values as data."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

from govreport.spec.wording import clip

_SPACE: Final = re.compile(r"\s+")


def norm(value: object) -> str:
    """A label as compared: no whitespace at all (line breaks in cells included)."""
    return _SPACE.sub("", str(value)) if value is not None else ""


def shown(value: object) -> str:
    return f"“{clip(str(value))}”" if value not in (None, "") else "空白"


def address(sheet: str, row: int, col: int) -> str:
    return f"{sheet}!{get_column_letter(col)}{row}"


def position(cell: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(cell)
    return row, column_index_from_string(letters)


def number(value: Any) -> Any:
    """A spreadsheet number as the data-file layer takes it: 12.0 is 12."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def as_text(value: Any) -> Any:
    """A cell meant as text: a number typed there (a postcode, a phone) as its digits."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(number(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value


#: A date typed as text the way people write one: 2025年1月20日, 2025/1/20, 2025.1.20.
_DATE_TEXT: Final = re.compile(r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?")


def as_date(value: Any) -> Any:
    """A date cell: a real date, or a date typed as text (as YYYY-MM-DD, checked later)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and (found := _DATE_TEXT.fullmatch(value.strip())):
        return "-".join(found.groups())
    return value


def put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
