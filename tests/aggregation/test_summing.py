"""Building an aggregate: every stored cell of tables 二–四 is the sum of the units'."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govreport
from govreport import spec
from govreport.aggregation import (
    TABLE_KEYS,
    Unit,
    aggregate,
    printed_paths,
    stored_paths,
    sum_cells,
    with_tables,
)
from govreport.aggregation.summing import BLANK_CELLS, STATED_TOTALS, SumTooLargeError
from govreport.limits import MAX_COUNT
from govreport.model import AnnualReport, ModelError, ProactiveDisclosure, resolve
from govreport.plugins import default_engine

EXAMPLES = Path(__file__).parents[2] / "examples"


def _report(name: str) -> AnnualReport:
    report: AnnualReport = govreport.read_report(EXAMPLES / name)
    return report


def _unit(report: AnnualReport, name: str = "x.yaml") -> Unit:
    return Unit(Path(name), report)


def test_the_cells_are_those_of_the_three_tables() -> None:
    assert TABLE_KEYS == ("proactive", "applications", "review_litigation")
    numbers = [c for key in TABLE_KEYS for c in spec.tables()[key].value_cells()]
    assert printed_paths() == tuple(c.path for c in numbers)
    assert "proactive.fees" in stored_paths()
    assert "applications.received.total" in printed_paths()
    assert "applications.received.total" not in stored_paths()


def test_rebuilding_a_report_from_its_own_cells_changes_nothing() -> None:
    report = _report("pingtan-2024.yaml")
    rebuilt = with_tables(report, sum_cells([report], stored_paths()))
    assert rebuilt.proactive == report.proactive
    assert rebuilt.applications == report.applications
    assert rebuilt.review_litigation == report.review_litigation


def test_two_units_add_up_cell_by_cell_totals_follow() -> None:
    a, b = _report("pingtan-2024.yaml"), _report("shuangpu-2024.yaml")
    parent = attrs.evolve(a, agency=attrs.evolve(a.agency, name="某市"))
    done = aggregate(parent, [_unit(a, "a.yaml"), _unit(b, "b.yaml")])
    out = done.report
    for path in printed_paths():
        assert resolve(out, path) == resolve(a, path) + resolve(b, path), path
    # The parent keeps its agency and texts.
    assert out.agency.name == "某市" and out.overview == parent.overview
    assert done.notes == ()


def test_fees_are_added_exactly() -> None:
    base = _report("pingtan-2024.yaml")

    def with_fee(fee: str) -> AnnualReport:
        return attrs.evolve(base, proactive=attrs.evolve(base.proactive, fees=Decimal(fee)))

    units = [_unit(with_fee(f)) for f in ("0.1", "0.2", "5949.088667")]
    out = aggregate(base, units).report
    assert out.proactive.fees == Decimal("5949.388667")
    assert str(out.proactive.fees) == "5949.388667"  # not 5949.3886670000001


def test_a_sum_a_data_file_could_not_hold_is_refused() -> None:
    base = _report("pingtan-2024.yaml")
    big = attrs.evolve(base, proactive=attrs.evolve(base.proactive, licensing=MAX_COUNT))
    with pytest.raises(SumTooLargeError, match="行政许可") as caught:
        aggregate(base, [_unit(big), _unit(big)])
    assert caught.value.path == "proactive.licensing"
    rich = attrs.evolve(base, proactive=attrs.evolve(base.proactive, fees=Decimal("9" * 12)))
    with pytest.raises(ModelError):
        aggregate(base, [_unit(rich), _unit(rich)])


def test_what_the_parent_stated_in_the_replaced_tables_is_dropped(tmp_path: Path) -> None:
    loaded = default_engine().load_report(EXAMPLES / "pingtan-2024.yaml")
    assert loaded.report.stated_totals  # the example states its 总计 column
    parent = attrs.evolve(
        loaded.report,
        blank_cells={"proactive.licensing": "/", "other.processing_fee": ""},
    )
    out = aggregate(parent, [_unit(_report("shuangpu-2024.yaml"))]).report
    assert out.stated_totals == {}
    assert out.blank_cells == {"other.processing_fee": ""}  # not a table cell: kept
    # Written and read back, the file is clean and holds the sum.
    target = tmp_path / "agg.yaml"
    govreport.save_report(out, target)
    back = default_engine().load_report(target)
    assert back.ok and back.report.applications == out.applications


def test_units_blank_cells_and_wrong_stated_totals_are_noted() -> None:
    loaded = default_engine().load_report(EXAMPLES / "pingtan-2024.yaml")
    report = attrs.evolve(
        loaded.report,
        blank_cells={"proactive.coercion": "/"},
        stated_totals={**loaded.report.stated_totals, "applications.received.total": 219},
    )
    notes = aggregate(report, [_unit(report, "u.yaml")]).notes
    assert [(n.code, n.location) for n in notes] == [
        (BLANK_CELLS, "u.yaml"),
        (STATED_TOTALS, "u.yaml"),
    ]
    assert "1 个单元格" in notes[0].message and "1 个填报的总计" in notes[1].message


def test_an_empty_set_of_units_gives_zero_tables() -> None:
    out = aggregate(_report("pingtan-2024.yaml"), []).report
    assert out.proactive == ProactiveDisclosure()
    assert out.applications.received.total == 0
