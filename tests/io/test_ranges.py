"""Counts and money amounts have a range and a precision, in data files and in constructors."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from govreport.io import parse_report
from govreport.io.formats import parse_text
from govreport.limits import MAX_AMOUNT_DECIMALS, MAX_COUNT
from govreport.model import ApplicantCounts, ModelError, OtherMatters, ProactiveDisclosure
from govreport.model._validators import amount_problem, plain_amount


def _problems(**proactive: object) -> list[str]:
    data = {"agency": {"name": "某镇", "level": "township"}, "year": 2024, "proactive": proactive}
    return [f"{p.path}: {p.message}" for p in parse_report(data).problems]


@pytest.mark.parametrize(
    "value",
    [10**30, -(10**30), MAX_COUNT + 1, Decimal("1e999999999"), Decimal("1.0E+30"), 1e300],
)
def test_counts_out_of_range_are_d2(value: object) -> None:
    started = time.monotonic()
    (problem,) = _problems(licensing=value)
    assert problem.startswith("proactive.licensing: 数值超出范围")
    assert time.monotonic() - started < 1  # never int() of a 10**999999999


def test_counts_in_range_pass() -> None:
    assert _problems(licensing=MAX_COUNT, punishment=Decimal("12.0")) == []


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Decimal("1e999999999"), "金额过大"),
        (Decimal("-1e999999999"), "金额过大"),
        (Decimal("1e400"), "金额过大"),
        (Decimal("1234567890123"), "最多 12 位"),
        ("1E-100000000", "小数位数过多"),
        (Decimal("0.1234567"), "小数位数过多"),
        (Decimal("Infinity"), "应为金额数字"),
        (Decimal("NaN"), "应为金额数字"),
    ],
)
def test_amounts_out_of_range_are_d2(value: object, words: str) -> None:
    started = time.monotonic()
    (problem,) = _problems(fees=value)
    assert problem.startswith(f"proactive.fees: {words}") or words in problem
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("5949.088667", "5949.088667"),
        ("18651.06", "18651.06"),
        ("12.500000000000", "12.500000"),
        ("0E-100000000", "0"),
        ("0E+999999999", "0"),
        ("999999999999.999999", "999999999999.999999"),
        ("1E+3", "1000"),
    ],
)
def test_amounts_in_range_are_kept_as_given_without_a_printing_exponent(
    given: str, kept: str
) -> None:
    value = Decimal(given)
    assert amount_problem(value) is None
    assert format(plain_amount(value), "f") == kept
    data = {
        "agency": {"name": "某镇", "level": "township"},
        "year": 2024,
        "other": {"processing_fee": value},
    }
    loaded = parse_report(data)
    assert loaded.ok
    assert format(loaded.report.other.processing_fee, "f") == kept


def test_the_precision_is_the_limit() -> None:
    assert amount_problem(Decimal(1).scaleb(-MAX_AMOUNT_DECIMALS)) is None
    assert amount_problem(Decimal(1).scaleb(-MAX_AMOUNT_DECIMALS - 1)) is not None


def test_constructors_have_the_same_ranges() -> None:
    with pytest.raises(ModelError, match="数值超出范围"):
        ApplicantCounts(natural_person=10**30)
    with pytest.raises(ModelError, match="金额过大"):
        ProactiveDisclosure(fees=Decimal("1e999999999"))
    with pytest.raises(ModelError, match="小数位数过多"):
        OtherMatters(processing_fee="1E-100000000")
    with pytest.raises(ModelError, match="文本过长"):
        OtherMatters(text="x" * 1_000_000)
    assert format(OtherMatters(processing_fee="0E-99999").processing_fee, "f") == "0"


def test_long_integers_in_files_are_refused_by_field_not_by_int() -> None:
    # int() of more than 4,300 digits raises ValueError: the file is still read.
    for fmt, text in [("yaml", "a: " + "9" * 10_000), ("json", '{"a": ' + "9" * 10_000 + "}")]:
        data = parse_text(text, fmt)
        assert isinstance(data, dict)
        assert data["a"] == Decimal("9" * 10_000)


def test_totals_of_cells_at_the_limit_still_build() -> None:
    # The model holds computed totals too: only a data file's cells stop at MAX_COUNT.
    row = ApplicantCounts.from_values([MAX_COUNT] * 6)
    assert sum(row.values()) == 6 * MAX_COUNT
    assert ApplicantCounts(natural_person=150 * MAX_COUNT).natural_person == 150 * MAX_COUNT


def test_texts_are_bounded_one_by_one_and_in_all() -> None:
    from govreport.limits import MAX_DATA_TEXT_CHARS, MAX_TEXT_CHARS

    base = {"agency": {"name": "某镇", "level": "township"}, "year": 2024}
    long_one = {**base, "opening": "字" * (MAX_TEXT_CHARS + 1)}
    (problem,) = parse_report(long_one).problems
    assert problem.path == "opening" and "文本过长" in problem.message
    fields = ("intro", "proactive", "on_request", "information_management", "platforms")
    each = (MAX_DATA_TEXT_CHARS - 100) // 4  # the agency name counts too
    many = {**base, "overview": {name: "字" * each for name in fields}}
    loaded = parse_report(many)
    assert [p.path for p in loaded.problems] == ["overview.platforms"]
    assert "文字总量过大" in loaded.problems[0].message
    assert loaded.report.overview.platforms == ""


def test_a_huge_hexadecimal_integer_is_refused_without_converting_it() -> None:
    # Decimal() and str() of a 4-million-bit int take minutes or raise ValueError.
    big = "0x" + "f" * 1_000_000
    started = time.monotonic()
    text = f"year: {big}\nproactive: {{fees: {big}, licensing: {big}}}\n? {big}\n: 1\n"
    data = parse_text("agency: {name: 某镇, level: township}\n" + text, "yaml")
    assert isinstance(data, dict)
    paths = sorted(p.path for p in parse_report(data).problems)
    assert paths == ["<约 1204121 位的整数>", "proactive.fees", "proactive.licensing", "year"]
    with pytest.raises(ModelError, match="金额过大"):
        ProactiveDisclosure(fees=1 << 4_000_000)
    assert time.monotonic() - started < 2


def test_a_list_over_the_bound_is_one_finding_and_none_of_it_is_read() -> None:
    from govreport.io import parse_report
    from govreport.limits import MAX_LIST_ITEMS

    data = {
        "agency": {"name": "某镇", "level": "township"},
        "year": 2024,
        "problems": {"problems": ["一项"] * (MAX_LIST_ITEMS + 1), "improvements": ["改"] * 3},
    }
    result = parse_report(data)
    (problem,) = [p for p in result.problems if p.path == "problems.problems"]
    assert f"最多 {MAX_LIST_ITEMS} 项" in problem.message and problem.code == "D2"
    assert result.report.problems.problems == ()
    assert len(result.report.problems.improvements) == 3
    at_bound = {**data, "problems": {"problems": ["一项"] * MAX_LIST_ITEMS}}
    assert len(parse_report(at_bound).report.problems.problems) == MAX_LIST_ITEMS
