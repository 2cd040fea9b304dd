"""Which text fields of a report the text rules read, by model path."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.model import AnnualReport
from govreport.spec import OVERVIEW_PARTS


def narrative_fields(report: AnnualReport) -> Iterator[tuple[str, str]]:
    """(path, text) of every hand-written narrative paragraph, in document order.

    These are the fields that may carry ``{{ }}`` placeholders.  List items of 五
    have the path ``problems.problems[N]`` (N from 0).
    """
    yield "opening", report.opening
    yield "overview.intro", report.overview.intro
    for key in OVERVIEW_PARTS.all_keys():
        yield f"overview.{key}", getattr(report.overview, key)
    for i, part in enumerate(report.overview.parts):
        yield f"overview.parts[{i}].text", part.text
    p = report.problems
    yield "problems.problems_intro", p.problems_intro
    for i, item in enumerate(p.problems):
        yield f"problems.problems[{i}]", item
    yield "problems.improvements_intro", p.improvements_intro
    for i, item in enumerate(p.improvements):
        yield f"problems.improvements[{i}]", item
    for i, part in enumerate(p.parts):
        yield f"problems.parts[{i}].text", part.text
    yield "other.text", report.other.text
    yield "signatory", report.signatory


def all_text_fields(report: AnnualReport) -> Iterator[tuple[str, str]]:
    """Every string of the report: the agency's fields, then the narrative."""
    a = report.agency
    yield "agency.name", a.name
    yield "agency.contact.address", a.contact.address
    yield "agency.contact.postcode", a.contact.postcode
    yield "agency.contact.phone", a.contact.phone
    yield "agency.contact.fax", a.contact.fax
    yield "agency.contact.email", a.contact.email
    yield "agency.website", a.website
    yield "title_text", report.title_text
    for key, parts in (("overview", report.overview.parts), ("problems", report.problems.parts)):
        for i, part in enumerate(parts):
            yield f"{key}.parts[{i}].heading", part.heading
    yield from narrative_fields(report)
