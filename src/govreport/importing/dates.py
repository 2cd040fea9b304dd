"""Dates as reports print them: 2025年1月20日, 2025-01-20, 二〇二五年一月二十日."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final

_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_CN: Final = "〇零○Ｏ一二三四五六七八九十"
#: 2025年1月20日 (spaces allowed: WPS exports print ``2025 年 1 月 20 日``).
_ARABIC: Final = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: 2025-01-20, 2025.1.20, 2025/01/20.
_DASHED: Final = re.compile(r"(?<!\d)(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
#: 二〇二五年一月二十日.
_CHINESE: Final = re.compile(
    rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日"
)


def _small(text: str) -> int | None:
    """一 … 三十一 as a number (None for anything else)."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _DIGITS.get(tens, -1) if tens else 1
        low = _DIGITS.get(units, -1) if units else 0
        return None if high < 0 or low < 0 else high * 10 + low
    return _DIGITS.get(text) if len(text) == 1 else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from(match: re.Match[str]) -> dt.date | None:
    if match.re is _CHINESE:
        year_text, month_text, day_text = match.groups()
        if "十" in year_text or any(c not in _DIGITS for c in year_text):
            return None
        year = int("".join(str(_DIGITS[c]) for c in year_text))
        month, day = _small(month_text), _small(day_text)
        if month is None or day is None:
            return None
        return _make(year, month, day)
    groups = [g for g in match.groups() if g not in ("-", ".", "/")]
    return _make(*(int(g) for g in groups))


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first date printed in ``text`` (full-width digits too), with its match."""
    folded = unicodedata.normalize("NFKC", text)
    found = [m for pattern in (_ARABIC, _DASHED, _CHINESE) for m in pattern.finditer(folded)]
    for m in sorted(found, key=lambda m: m.start()):
        date = _from(m)
        if date is not None:
            return date, m
    return None


def only_date(text: str) -> dt.date | None:
    """The date ``text`` consists of (spaces and a final full stop aside), or None."""
    folded = unicodedata.normalize("NFKC", text).strip().rstrip("。.")
    hit = find_date(folded)
    if hit is None:
        return None
    date, m = hit
    return date if m.start() == 0 and m.end() == len(folded) else None
