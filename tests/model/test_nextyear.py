"""The carry-over rule: last year's report → what this year's draft starts from."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import govreport
from govreport.model import AnnualReport
from govreport.model.nextyear import CARRIED_OVER, DRAFT_TEXTS, KEPT_DETAILS, next_year
from govreport.workbook.layout import LAYOUT

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_carries_the_details_the_carried_forward_row_and_the_texts(path: Path) -> None:
    last = govreport.read_report(path)
    draft = next_year(last)
    assert draft.year == last.year + 1
    assert draft.details["agency.name"] == last.agency.name
    assert draft.details["agency.level"] is last.agency.level
    assert draft.details["agency.contact.phone"] == last.agency.contact.phone
    row = last.applications.carried_forward
    assert [draft.carried_over[p] for p in CARRIED_OVER] == list(row.values())
    assert draft.texts["overview.intro"] == last.overview.intro
    assert draft.texts["problems.problems"] == last.problems.problems
    assert draft.blank == {}


def test_no_figure_but_the_carried_over_row_is_carried() -> None:
    paths = {*draft_paths()}
    assert not any(p.startswith(("proactive.", "review_litigation.")) for p in paths)
    assert {p for p in paths if p.startswith("applications.")} == set(CARRIED_OVER)


def draft_paths() -> list[str]:
    return [*KEPT_DETAILS, *CARRIED_OVER, *DRAFT_TEXTS, "year"]


def test_a_carried_forward_cell_printed_blank_is_named() -> None:
    last = govreport.read_report(EXAMPLES[0])
    printed = attrs.evolve(last, blank_cells={"applications.carried_forward.other": "/"})
    assert isinstance(printed, AnnualReport)
    assert next_year(printed).blank == {"applications.carried_over.other": "/"}


def test_the_workbook_has_a_sheet_row_for_every_draft_text() -> None:
    # The workbook's --from writes exactly these blocks: one rule, two front-ends.
    assert tuple(b.path for b in LAYOUT.texts) == DRAFT_TEXTS
    cells = {f.path for f in LAYOUT.fields}
    assert set(CARRIED_OVER) <= cells
    assert set(KEPT_DETAILS) <= cells
