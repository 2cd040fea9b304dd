"""Last year's report → what this year's draft starts from: the carry-over rule.

Defined once, for every front-end that starts a report from last year's
(``govreport workbook --from`` and ``govreport serve``'s 从上年报告开始): the
year after it, the agency's details, 二、上年结转 (= last year's 四、结转下年度
继续办理, column by column) and last year's texts as a starting draft.  No
other number is carried: this year's figures are this year's.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govreport.model.counts import ApplicantCounts
from govreport.model.report import AnnualReport

#: The agency's details a new year's report keeps, by data-file path.
KEPT_DETAILS: tuple[str, ...] = (
    "agency.name",
    "agency.level",
    "agency.has_rulemaking_power",
    "agency.contact.address",
    "agency.contact.postcode",
    "agency.contact.phone",
    "agency.contact.fax",
    "agency.contact.email",
    "agency.website",
    "signatory",
    "problems.style",
)

#: The text blocks of 一、五、六 that last year's wording starts this year's draft from.
DRAFT_TEXTS: tuple[str, ...] = (
    "overview.intro",
    "overview.proactive",
    "overview.on_request",
    "overview.information_management",
    "overview.platforms",
    "overview.supervision",
    "overview.parts",
    "problems.problems_intro",
    "problems.problems",
    "problems.improvements_intro",
    "problems.improvements",
    "problems.parts",
    "other.text",
)

_CARRIED_FORWARD = "applications.carried_forward"
_CARRIED_OVER = "applications.carried_over"

#: 二、上年结转's cell → last year's 四、结转下年度继续办理 cell, column by column.
CARRIED_OVER: Mapping[str, str] = {
    f"{_CARRIED_OVER}.{f.name}": f"{_CARRIED_FORWARD}.{f.name}"
    for f in attrs.fields(ApplicantCounts)
}


@attrs.frozen
class NextYear:
    """This year's starting point, each value as last year's model holds it."""

    year: int
    #: KEPT_DETAILS path → last year's value (an AdminLevel, a bool, a text…).
    details: Mapping[str, object]
    #: 二、上年结转 path → last year's 结转下年度 of that column.
    carried_over: Mapping[str, int]
    #: DRAFT_TEXTS path → last year's text (a str, a tuple of items or of TextParts).
    texts: Mapping[str, object]
    #: 二、上年结转 paths whose last-year cell was printed blank or “/” (→ the
    #: printed text): carried as 0, which the agency should confirm.
    blank: Mapping[str, str]


def _get(root: object, path: str) -> object:
    for part in path.split("."):
        root = getattr(root, part)
    return root


def next_year(previous: AnnualReport) -> NextYear:
    """What this year's report takes from last year's ``previous``."""
    carried: dict[str, int] = {}
    blank: dict[str, str] = {}
    for here, there in CARRIED_OVER.items():
        value = _get(previous, there)
        assert isinstance(value, int)
        carried[here] = value
        if there in previous.blank_cells:
            blank[here] = previous.blank_cells[there]
    return NextYear(
        year=previous.year + 1,
        details={path: _get(previous, path) for path in KEPT_DETAILS},
        carried_over=carried,
        texts={path: _get(previous, path) for path in DRAFT_TEXTS},
        blank=blank,
    )
