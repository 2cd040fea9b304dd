"""``results.total`` is a number like ``received.total``; the （七）总计 row is ``total_row``."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

from govreport import spec
from govreport.model import ApplicantCounts, Applications, Results, resolve
from govreport.model.counts import RowTotal
from govreport.placeholders import context, render_text
from govreport.testing import sample_report

COLUMNS = [a.name for a in attrs.fields(ApplicantCounts)]


def _balanced() -> Applications:
    return Applications(
        received=[5, 1, 0, 0, 0, 2],
        carried_over=[1, 0, 0, 0, 0, 0],
        results=Results(
            disclosed=[3, 1, 0, 0, 0, 0],
            withheld={"state_secret": [1, 0, 0, 0, 0, 1]},
            other_handling={"other": [1, 0, 0, 0, 0, 0]},
        ),
        carried_forward=[1, 0, 0, 0, 0, 1],
    )


def test_results_total_is_an_int_like_received_total() -> None:
    apps = _balanced()
    total = apps.results.total
    assert isinstance(total, int) and isinstance(apps.received.total, int)
    assert total == 7
    assert total == apps.received.total + apps.carried_over.total - apps.carried_forward.total
    assert str(total) == f"{total}" == "7" and repr(total) == "7"
    assert total + 1 == 8 and type(total + 1) is int
    assert total == apps.results.total_row.total


def test_total_row_is_the_seventh_row() -> None:
    results = _balanced().results
    assert results.total_row == ApplicantCounts(natural_person=5, commercial_enterprise=1, other=1)
    assert results.total_row.total == 7
    assert results.total.row == results.total_row
    added = ApplicantCounts()
    for _, row in results.outcomes():
        added = added + row
    assert results.total_row == added


def test_the_total_still_exposes_the_row_cells() -> None:
    results = _balanced().results
    for column in COLUMNS:
        assert getattr(results.total, column) == getattr(results.total_row, column)
    assert results.total.values() == results.total_row.values()
    total = results.total
    assert total.total is total


def test_accounted_and_handled_stay_rows() -> None:
    apps = _balanced()
    assert apps.accounted == apps.results.total_row + apps.carried_forward
    assert apps.handled == apps.accounted  # R3 holds per column


def test_every_results_total_path_of_the_spec_resolves() -> None:
    report = sample_report()
    paths = [p for p in spec.field_labels() if p.startswith("applications.results.total.")]
    assert len(paths) == len(COLUMNS) + 1
    for path in paths:
        value = resolve(report, path)
        assert isinstance(value, int) and not isinstance(value, bool)
    assert resolve(report, "applications.results.total.total") == 218
    assert resolve(report, "applications.results.total.natural_person") == 217
    # The row path itself is now a number too, the same as its 总计 cell.
    assert resolve(report, "applications.results.total") == 218


def test_placeholders_print_the_number_and_reach_the_cells() -> None:
    names = context(sample_report())
    text = (
        "办结{{ applications.results.total }}件，"
        "即{{ applications.results.total.total }}件，"
        "其中自然人{{ applications.results.total.natural_person }}件，"
        "行{{ applications.results.total_row.total }}件，"
        "加一{{ applications.results.total + 1 }}"
    )
    assert render_text(text, names) == "办结218件，即218件，其中自然人217件，行218件，加一219"


def test_a_total_is_immutable_and_survives_pickle_and_copy() -> None:
    total = _balanced().results.total
    with pytest.raises(AttributeError):
        total.natural_person = 3  # type: ignore[misc]
    for clone in (pickle.loads(pickle.dumps(total)), copy.deepcopy(total), copy.copy(total)):
        assert isinstance(clone, RowTotal)
        assert clone == total and clone.row == total.row


def test_a_total_hashes_and_compares_as_its_number() -> None:
    total = _balanced().results.total
    assert hash(total) == hash(7) and {total: "x"}[7] == "x"
    assert total != _balanced().results.total_row
