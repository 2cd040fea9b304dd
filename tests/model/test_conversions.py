"""The conversions a constructor makes, and the ones it refuses to guess."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govreport.model import (
    AdminLevel,
    Agency,
    AnnualReport,
    ApplicantCounts,
    Applications,
    Contact,
    DocumentCounts,
    ListStyle,
    OtherMatters,
    Outcomes,
    ProactiveDisclosure,
    ProblemsAndImprovements,
    Results,
    ReviewLitigation,
    Withheld,
)
from govreport.model.errors import ModelError

TOWN = "某某镇人民政府"


@pytest.mark.parametrize("level", ["township", "乡镇（街道）", AdminLevel.TOWNSHIP])
def test_level_from_its_value_or_its_official_label(level: Any) -> None:
    assert Agency(name=TOWN, level=level).level is AdminLevel.TOWNSHIP


def test_every_level_label_converts() -> None:
    for level in AdminLevel:
        assert Agency(name=TOWN, level=level.label).level is level
        assert Agency(name=TOWN, level=level.value).level is level


def test_published_from_an_iso_date() -> None:
    report = AnnualReport(
        agency=Agency(name=TOWN, level="township"), year=2024, published="2025-01-20"
    )
    assert report.published == date(2025, 1, 20)
    # As in a data file, month and day may go without their leading zero.
    assert attrs.evolve(report, published="2025-1-5").published == date(2025, 1, 5)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (0, Decimal(0)),
        ("0.5", Decimal("0.5")),
        (0.5, Decimal("0.5")),
        # A float goes through its repr, never its binary value
        # (Decimal(0.1) would be 0.1000000000000000055511151231257827…).
        (0.1, Decimal("0.1")),
        (18651.06, Decimal("18651.06")),
        (" 12.30 ", Decimal("12.30")),
        (Decimal("7.25"), Decimal("7.25")),
    ],
)
def test_amounts_become_exact_decimals(given: Any, expected: Decimal) -> None:
    fee = OtherMatters(processing_fee=given).processing_fee
    assert isinstance(fee, Decimal)
    assert fee == expected and str(fee) == str(expected)
    assert ProactiveDisclosure(fees=given).fees == expected


def test_lists_become_tuples_and_the_record_stays_hashable() -> None:
    part = ProblemsAndImprovements(problems=["一", "二"], improvements=["三"])
    assert part.problems == ("一", "二") and part.improvements == ("三",)
    assert hash(part) == hash(ProblemsAndImprovements(problems=("一", "二"), improvements=("三",)))


def test_list_style_from_its_value() -> None:
    assert ProblemsAndImprovements(style="paragraphs").style is ListStyle.PARAGRAPHS


@pytest.mark.parametrize("row", [[3, 0, 0, 0, 0, 1], (3, 0, 0, 0, 0, 1)])
def test_a_row_from_six_numbers_in_column_order(row: Any) -> None:
    apps = Applications(received=row)
    assert apps.received == ApplicantCounts(natural_person=3, other=1)


def test_a_row_from_a_mapping() -> None:
    results = Results(disclosed={"natural_person": 2, "commercial_enterprise": 1})
    assert results.disclosed == ApplicantCounts(natural_person=2, commercial_enterprise=1)


def test_every_row_field_converts() -> None:
    withheld = Withheld(**{a.name: [1, 0, 0, 0, 0, 0] for a in attrs.fields(Withheld)})
    assert withheld.subtotal.natural_person == len(attrs.fields(Withheld))


def test_nested_records_from_mappings() -> None:
    agency = Agency(name=TOWN, level="township", contact={"phone": "0591-1234567"})
    assert agency.contact == Contact(phone="0591-1234567")
    report = AnnualReport(
        agency={"name": TOWN, "level": "乡镇（街道）"},
        year=2024,
        proactive={"rules": {"issued": 1}, "licensing": 5, "fees": "1.5"},
        applications={"received": [1, 0, 0, 0, 0, 0], "results": {"disclosed": [1, 0, 0, 0, 0, 0]}},
        review_litigation={"review": {"upheld": 1}},
        problems={"problems": ["人员不足"]},
        other={"processing_fee": 0},
    )
    assert report.agency == Agency(name=TOWN, level=AdminLevel.TOWNSHIP)
    assert report.proactive == ProactiveDisclosure(
        rules=DocumentCounts(issued=1), licensing=5, fees=Decimal("1.5")
    )
    assert report.applications.results.total == 1
    assert report.review_litigation == ReviewLitigation(review=Outcomes(upheld=1))
    assert report.problems.problems == ("人员不足",)
    assert report.other.processing_fee == Decimal(0)


def test_integer_like_objects_become_ints() -> None:
    class Index:
        """What numpy and pandas integers look like: ``__index__``, not an int subclass."""

        def __index__(self) -> int:
            return 7

    row = ApplicantCounts(natural_person=Index())  # type: ignore[arg-type]
    assert row.natural_person == 7 and type(row.natural_person) is int


def test_converted_records_equal_and_hash_like_built_ones() -> None:
    built = Applications(received=ApplicantCounts(natural_person=3))
    converted = Applications(received=[3, 0, 0, 0, 0, 0])
    assert built == converted and hash(built) == hash(converted)


def test_evolve_converts_too() -> None:
    apps = attrs.evolve(Applications(), carried_over=[0, 1, 0, 0, 0, 0])
    assert apps.carried_over.commercial_enterprise == 1


# ---------------------------------------------------------------- not guessed


@pytest.mark.parametrize("value", ["12", True, 1.0, 1.5, None, Decimal(3)])
def test_a_count_is_never_guessed(value: Any) -> None:
    with pytest.raises(ModelError):
        ApplicantCounts(natural_person=value)


def test_negative_counts_are_kept_for_rule_r5() -> None:
    # A published table can print a negative number; validation (R5) reports
    # it with every other finding rather than the constructor refusing it.
    assert ApplicantCounts(natural_person=-1).natural_person == -1


@pytest.mark.parametrize("value", ["0,5", "", "abc", True, float("nan"), float("inf"), None])
def test_an_amount_is_never_guessed(value: Any) -> None:
    with pytest.raises(ModelError):
        OtherMatters(processing_fee=value)


@pytest.mark.parametrize("value", ["2025/01/20", "20250120", "2025-02-30", 20250120])
def test_a_date_is_never_guessed(value: Any) -> None:
    with pytest.raises(ModelError):
        AnnualReport(agency=Agency(name=TOWN, level="township"), year=2024, published=value)


def test_a_year_in_text_is_refused() -> None:
    with pytest.raises(ModelError):
        AnnualReport(agency=Agency(name=TOWN, level="township"), year="2024")  # type: ignore[arg-type]


def test_a_text_is_not_split_into_a_list() -> None:
    with pytest.raises(ModelError):
        ProblemsAndImprovements(problems="人员不足")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "row", [[1, 2, 3], [1, 0, 0, 0, 0, 0, 1], {"natural_person": 1, "total": 1}]
)
def test_a_row_needs_exactly_its_six_columns(row: Any) -> None:
    with pytest.raises(ModelError):
        Applications(received=row)


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ModelError):
        Agency(name=TOWN, level="village")  # type: ignore[arg-type]
