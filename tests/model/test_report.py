from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal

import attrs
import pytest

from govreport import spec
from govreport.model import (
    AdminLevel,
    Agency,
    AnnualReport,
    ApplicantCounts,
    Outcomes,
    data_fields,
    resolve,
)
from govreport.testing import sample_report, zero_report


def test_every_model_field_has_a_label() -> None:
    labels = spec.field_labels()
    missing = []

    def walk(cls: type, prefix: str) -> None:
        hints = typing.get_type_hints(cls)  # the model uses string annotations
        for a in data_fields(cls):
            t = hints[a.name]
            path = f"{prefix}{a.name}"
            if isinstance(t, type) and attrs.has(t):
                walk(t, path + ".")
            elif path not in labels:
                missing.append(path)

    walk(AnnualReport, "")
    assert missing == []


def test_every_table_cell_resolves_on_the_model() -> None:
    report = sample_report()
    for table in spec.tables().values():
        for cell in table.value_cells():
            assert isinstance(resolve(report, cell.path), int | Decimal), cell.path


def test_totals_are_computed_not_stored() -> None:
    row = ApplicantCounts(natural_person=3, commercial_enterprise=2, other=1)
    assert row.total == 6
    assert "total" not in attrs.fields_dict(ApplicantCounts)
    assert Outcomes(upheld=1, corrected=2, other=3, pending=4).total == 10


def test_results_total_is_the_sum_of_every_result_row() -> None:
    apps = sample_report().applications
    r = apps.results
    assert r.total.total == 218
    assert r.total.natural_person == 217
    assert r.withheld.subtotal.total == 4 + 3 + 32
    # R3 holds for the real report
    assert apps.handled == apps.accounted


def test_counts_reject_bool_and_float() -> None:
    with pytest.raises(TypeError):
        ApplicantCounts(natural_person=True)
    with pytest.raises(TypeError):
        ApplicantCounts(natural_person=1.0)  # type: ignore[arg-type]


def test_fees_are_exact_decimals() -> None:
    from govreport.model import ProactiveDisclosure

    # A float is converted by its repr (tests/model/test_conversions.py), never kept.
    assert ProactiveDisclosure(fees=18651.06).fees == Decimal("18651.06")  # type: ignore[arg-type]
    assert ProactiveDisclosure(fees=Decimal("18651.06")).fees == Decimal("18651.06")
    with pytest.raises(TypeError):
        ProactiveDisclosure(fees="18651,06")  # type: ignore[arg-type]


def test_model_is_frozen() -> None:
    report = zero_report()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2025  # type: ignore[misc]


def test_period_title_and_signer_derive_from_the_report() -> None:
    report = zero_report()
    assert report.period == (date(2024, 1, 1), date(2024, 12, 31))
    assert report.title == "某某镇人民政府2024年政府信息公开工作年度报告"
    assert report.signer == "某某镇人民政府"
    assert attrs.evolve(report, signatory="某某镇办公室").signer == "某某镇办公室"


@pytest.mark.parametrize(
    ("level", "deadline", "rules"),
    [
        (AdminLevel.TOWNSHIP, date(2025, 1, 31), False),
        (AdminLevel.COUNTY_DEPARTMENT, date(2025, 1, 31), False),
        (AdminLevel.COUNTY_GOVERNMENT, date(2025, 3, 31), False),
        (AdminLevel.CITY_GOVERNMENT, date(2025, 3, 31), True),
        (AdminLevel.STATE_COUNCIL_DEPARTMENT, date(2025, 1, 31), True),
    ],
)
def test_level_decides_deadline_and_rule_making(
    level: AdminLevel, deadline: date, rules: bool
) -> None:
    assert level.deadline(2024) == deadline
    assert Agency(name="x", level=level).makes_rules is rules
    assert Agency(name="x", level=level, has_rulemaking_power=not rules).makes_rules is not rules


def test_values_follow_the_official_column_order() -> None:
    row = ApplicantCounts.from_values(range(1, 7))
    assert row.values() == attrs.astuple(row) == (1, 2, 3, 4, 5, 6)
    assert [a.name for a in attrs.fields(ApplicantCounts)] == [
        key for key, _ in spec.applications.APPLICANT_COLUMNS
    ]


def test_outcomes_are_the_six_result_groups_in_official_order() -> None:
    results = sample_report().applications.results
    keys = [key for key, _ in results.outcomes()]
    assert keys == [r.key for r in spec.applications.RESULTS.children if not r.computed]
    assert [c.total for _, c in results.outcomes()] == [71, 29, 39, 75, 1, 3]
