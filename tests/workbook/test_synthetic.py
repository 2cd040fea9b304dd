"""Synthetic reports, sound and broken, through the workbook and back: same data, same findings."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from govreport import Engine
from govreport.model import AnnualReport
from govreport.testing.synthetic import Synthetic, generate

#: Half of them broken: wrong stated totals, unbalanced columns, negatives, late dates…
REPORTS = [s for s in generate(14, seed=5, broken=0.5) if isinstance(s.report, AnnualReport)]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(autoload=False)


@pytest.mark.parametrize("synthetic", REPORTS, ids=lambda s: s.name)
def test_a_report_comes_back_with_the_same_data_and_findings(
    engine: Engine, synthetic: Synthetic, tmp_path: Path
) -> None:
    report = synthetic.report
    assert isinstance(report, AnnualReport)
    loaded = engine.load_report(engine.save_report(report, tmp_path / "r.xlsx"))
    assert loaded.ok, loaded.problems
    # Totals that add up are formulas (not stated); those that do not come back as typed.
    assert attrs.evolve(loaded.report, stated_totals={}) == attrs.evolve(report, stated_totals={})
    assert engine.validate(loaded.report) == engine.validate(report)
