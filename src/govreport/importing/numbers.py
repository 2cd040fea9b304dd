"""A table cell's printed text read as a count or an amount, or said unreadable.

What the data file gets for each kind of printing:

- ``12``: the integer 12.
- blank: ``None`` (the loader reads it as 0 and keeps it blank); never 0 here.
- ``/``, ``-``, ``—``, ``无`` and the like: the printed string, as the loader
  knows it (``"/"``), so a render can print it back.
- ``１２``, ``1,234``, ``1 234``, ``12件``, ``12.0``: the integer, with a note
  saying what was changed to read it.
- an amount: a :class:`~decimal.Decimal`, exact (``5949.088667`` keeps its six
  decimals); ``75394432.52元`` in a 万元 column becomes ``7539.443252`` by
  moving the point (no rounding), with a note; a ``万元`` suffix is dropped.
- anything else (``不详``, ``12(含3)``): ``None`` with a warning.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from govreport.io.structure import BLANKS
from govreport.spec.wording import THOUSANDS

#: Dashes and marks that mean "nothing" but that the loader does not know,
#: read as the nearest one it does (the note says what was printed).
_PLACEHOLDER_ALIASES: Final = {
    "–": "-",
    "―": "—",
    "─": "—",
    "－－": "——",
    "--": "——",
    "\\": "/",
    "空": "",
}
#: Units printed after a count: 件 (applications, documents), 个, 项, 起 (cases).
_COUNT_UNITS: Final = ("件", "个", "项", "起", "次", "宗")
_SPACES: Final = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
_INTEGER: Final = re.compile(r"[+-]?\d+")
_DECIMAL: Final = re.compile(r"[+-]?\d+(?:\.\d+)?")
#: Bigger than any count a report can hold (a province's 行政处罚 is in the
#: millions): a longer run of digits is a misread, not a number.
_MAX_DIGITS: Final = 15


class Kind(enum.Enum):
    NUMBER = "number"
    BLANK = "blank"  # nothing printed
    PLACEHOLDER = "placeholder"  # “/”, “-”, “无”: printed for nothing
    BAD = "bad"  # printed, but not a number


@attrs.frozen
class Reading:
    """What one cell holds for the data file, and what reading it changed."""

    kind: Kind
    #: int or Decimal for a number, the printed mark for a placeholder, else None.
    value: int | Decimal | str | None
    printed: str
    #: What was changed to read it, in Chinese, for an INFO note ("" for nothing).
    changed: str = ""
    #: A unit conversion made (for an amount), for an INFO note.
    converted: str = ""
    #: The unit printed after an amount that was not converted ("元", "万元" or "").
    unit: str = ""

    @property
    def is_empty(self) -> bool:
        return self.kind in (Kind.BLANK, Kind.PLACEHOLDER)


def _plain(text: str) -> str:
    return _SPACES.sub("", text)


def _empty(printed: str) -> Reading | None:
    plain = _plain(printed)
    if not plain:
        return Reading(Kind.BLANK, None, printed)
    mark = _PLACEHOLDER_ALIASES.get(plain, plain)
    if mark == "":
        return Reading(Kind.BLANK, None, printed)
    if mark in BLANKS:
        return Reading(Kind.PLACEHOLDER, mark, printed)
    return None


def _figures(printed: str) -> tuple[str, list[str]]:
    """The text with plain ASCII figures, and what was done to get them."""
    changes: list[str] = []
    text = printed.strip()
    folded = unicodedata.normalize("NFKC", text)
    if folded != text and any(unicodedata.east_asian_width(ch) == "F" for ch in text):
        changes.append("全角数字")
    no_space = _plain(folded)
    if no_space != folded:
        changes.append("数字中的空格")
    no_sep = THOUSANDS.sub("", no_space)
    if no_sep != no_space:
        changes.append("千位分隔符")
    return no_sep, changes


def read_count(printed: str) -> Reading:
    """A count cell: a whole number, blank, a placeholder, or unreadable."""
    empty = _empty(printed)
    if empty is not None:
        return empty
    text, changes = _figures(printed)
    for unit in _COUNT_UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)]
            changes.append(f"单位“{unit}”")
            break
    if _INTEGER.fullmatch(text) and len(text) <= _MAX_DIGITS:
        return Reading(Kind.NUMBER, int(text), printed, "、".join(changes))
    if _DECIMAL.fullmatch(text) and len(text) <= _MAX_DIGITS:
        number = Decimal(text)
        if number == number.to_integral_value():
            changes.append("小数点后的0")
            return Reading(Kind.NUMBER, int(number), printed, "、".join(changes))
    return Reading(Kind.BAD, None, printed)


def read_amount(printed: str, column_unit: str = "万元", *, convert: bool = True) -> Reading:
    """An amount cell in ``column_unit`` (万元 or 元), exact.

    A ``元`` amount (by its suffix, or the column's own unit) is converted to 万元,
    the format's unit, by moving the decimal point: exact, never rounded.  With
    ``convert=False`` (a column whose unit the format does not fix) the number is
    kept as printed and its unit returned in :attr:`Reading.unit`.
    """
    empty = _empty(printed)
    if empty is not None:
        return empty
    text, changes = _figures(printed)
    unit = column_unit
    for suffix in ("万元", "元"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            unit = suffix
            break
    if not _DECIMAL.fullmatch(text) or len(text) > _MAX_DIGITS + 8:
        return Reading(Kind.BAD, None, printed)
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return Reading(Kind.BAD, None, printed)
    converted = ""
    if not convert:
        return Reading(Kind.NUMBER, number, printed, "、".join(changes), unit=unit)
    if unit == "元":
        in_wan = number.scaleb(-4)  # 元 → 万元: exact, no context rounding
        converted = f"{text}元 = {format(in_wan, 'f')}万元"
        number = in_wan
    return Reading(Kind.NUMBER, number, printed, "、".join(changes), converted)
