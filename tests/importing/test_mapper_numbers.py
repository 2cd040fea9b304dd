"""A cell's printed text read as a count or an amount (importing.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govreport.importing.numbers import Kind, read_amount, read_count


@pytest.mark.parametrize(
    ("printed", "value", "changed"),
    [
        ("12", 12, ""),
        (" 12 ", 12, ""),
        ("1,234", 1234, "千位分隔符"),
        ("１２", 12, "全角数字"),
        ("1 234", 1234, "数字中的空格"),
        ("12件", 12, "单位“件”"),
        ("12.0", 12, "小数点后的0"),
        ("-3", -3, ""),
    ],
)
def test_counts(printed: str, value: int, changed: str) -> None:
    reading = read_count(printed)
    assert (reading.kind, reading.value, reading.changed) == (Kind.NUMBER, value, changed)


@pytest.mark.parametrize(
    ("printed", "kind", "value"),
    [
        ("", Kind.BLANK, None),
        ("\u00a0", Kind.BLANK, None),
        ("/", Kind.PLACEHOLDER, "/"),
        ("／", Kind.PLACEHOLDER, "／"),
        ("—", Kind.PLACEHOLDER, "—"),
        ("–", Kind.PLACEHOLDER, "-"),
        ("无", Kind.PLACEHOLDER, "无"),
        ("七十一", Kind.BAD, None),
        ("12(含3)", Kind.BAD, None),
        ("1.5", Kind.BAD, None),
        ("9" * 40, Kind.BAD, None),
    ],
)
def test_nothing_and_not_a_number(printed: str, kind: Kind, value: object) -> None:
    reading = read_count(printed)
    assert (reading.kind, reading.value) == (kind, value)


@pytest.mark.parametrize(
    ("printed", "unit", "value", "converted"),
    [
        ("18651.06", "万元", Decimal("18651.06"), ""),
        ("5949.088667", "万元", Decimal("5949.088667"), ""),
        ("18651.060", "万元", Decimal("18651.060"), ""),
        ("18651.06万元", "万元", Decimal("18651.06"), ""),
        ("75394432.52元", "万元", Decimal("7539.443252"), "75394432.52元 = 7539.443252万元"),
        ("12345", "元", Decimal("1.2345"), "12345元 = 1.2345万元"),
    ],
)
def test_amounts_are_exact(printed: str, unit: str, value: Decimal, converted: str) -> None:
    reading = read_amount(printed, unit)
    assert reading.value == value and str(reading.value) == str(value)
    assert reading.converted == converted


def test_an_amount_of_a_unit_the_format_does_not_fix_keeps_it() -> None:
    reading = read_amount("251000元", "", convert=False)
    assert (reading.value, reading.unit) == (Decimal(251000), "元")
