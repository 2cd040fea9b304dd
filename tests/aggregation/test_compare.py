"""Checking an aggregate against its units: each differing printed cell, with evidence."""

from __future__ import annotations

from pathlib import Path

import attrs

import govreport
from govreport.aggregation import Unit, aggregate, compare
from govreport.model import AnnualReport, ApplicantCounts
from govreport.plugins import default_engine

EXAMPLES = Path(__file__).parents[2] / "examples"


def _units() -> list[Unit]:
    def named(file: str, name: str) -> Unit:
        report: AnnualReport = govreport.read_report(EXAMPLES / file)
        return Unit(Path(file), attrs.evolve(report, agency=attrs.evolve(report.agency, name=name)))

    return [named("pingtan-2024.yaml", "甲区"), named("shuangpu-2024.yaml", "乙镇")]


def test_an_aggregate_built_from_its_units_matches_them() -> None:
    units = _units()
    built = aggregate(units[0].report, units).report
    assert compare(built, units) == []


def test_a_differing_cell_is_listed_with_both_values_and_each_unit(tmp_path: Path) -> None:
    units = _units()
    built = aggregate(units[0].report, units).report
    received = built.applications.received
    wrong = attrs.evolve(
        built,
        applications=attrs.evolve(
            built.applications,
            received=attrs.evolve(received, natural_person=received.natural_person + 3),
        ),
    )
    found = compare(wrong, units)
    # The cell and the row's 总计 (computed from the cells) both differ.
    assert [f.path for f in found] == [
        "applications.received.natural_person",
        "applications.received.total",
    ]
    cell = found[0]
    assert cell.code == "G1" and cell.location == "一、本年新收政府信息公开申请数量/自然人"
    a, b = (u.report.applications.received.natural_person for u in units)
    assert f"汇总报告为{a + b + 3}，各单位之和为{a + b}，相差3" in cell.message
    ev = cell.evidence
    assert ev is not None and ev.difference == 3
    assert [(c.report, c.value) for c in ev.right] == [("甲区", a), ("乙镇", b)]
    assert ev.left[0].value == a + b + 3 and ev.left[0].report == ""


def test_a_stated_total_is_compared_as_printed(tmp_path: Path) -> None:
    units = _units()
    built = aggregate(units[0].report, units).report
    stated = attrs.evolve(built, stated_totals={"review_litigation.review.total": 0})
    (found,) = compare(stated, units)
    assert found.path == "review_litigation.review.total"
    assert found.evidence is not None and found.evidence.left[0].stated
    assert found.evidence.right  # the units' computed totals
    assert not any(c.stated for c in found.evidence.right)


def test_units_with_zero_in_a_cell_are_left_out_of_the_evidence() -> None:
    units = _units()
    built = aggregate(units[0].report, units).report
    carried = attrs.evolve(built.applications, carried_over=ApplicantCounts(research_institution=1))
    (cell, total) = compare(attrs.evolve(built, applications=carried), units)
    assert cell.evidence is not None and cell.evidence.right == ()
    assert total.path == "applications.carried_over.total"


def test_a_loaded_aggregate_with_its_stated_totals() -> None:
    loaded = default_engine().load_report(EXAMPLES / "pingtan-2024.yaml")
    # The 平潭 report against itself as its only unit: the same numbers.
    assert compare(loaded.report, [Unit(loaded.source, loaded.report)]) == []
