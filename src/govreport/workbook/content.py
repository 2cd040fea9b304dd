"""What goes into the workbook's cells: from a report, from last year's, or blank.

A :class:`Content` is plain values by data-file path, so that the sheet
writers need not know where they came from: a filled report (``convert``),
a new year's draft from last year's report (``workbook --from``) or an empty
form (``workbook --year --agency``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs

from govreport.model import AdminLevel, AnnualReport, ListStyle, TextPart
from govreport.model.nextyear import next_year
from govreport.model.paths import resolve
from govreport.workbook.layout import BOOL_CHOICES, LAYOUT, STYLE_LABELS, Kind, TextKind

#: A cell's value: a number, a text, a date, or None (blank).
Value = int | Decimal | str | date | None
#: A text block's rows: paragraphs or items; for PARTS (heading, paragraphs) pairs.
Rows = tuple[str, ...] | tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen
class Content:
    values: Mapping[str, Value]  # field path → value
    stated: Mapping[str, int | Decimal]  # total path → a stated number written over the formula
    texts: Mapping[str, Rows]  # text block path → rows; missing: the empty form's blank rows
    previous: Mapping[str, int | Decimal]  # last year's reference figures, by path
    filled: bool  # a report's own content (False: an empty form or a draft)


def _bool(value: bool | None) -> str | None:
    if value is None:
        return None
    return BOOL_CHOICES[0] if value else BOOL_CHOICES[1]


def _info(report: AnnualReport) -> dict[str, Value]:
    agency = report.agency
    contact = agency.contact
    return {
        "agency.name": agency.name,
        "agency.level": agency.level.label,
        "agency.has_rulemaking_power": _bool(agency.has_rulemaking_power),
        "year": report.year,
        "published": report.published,
        "agency.contact.address": contact.address,
        "agency.contact.postcode": contact.postcode,
        "agency.contact.phone": contact.phone,
        "agency.contact.fax": contact.fax,
        "agency.contact.email": contact.email,
        "agency.website": agency.website,
        "title_text": report.title_text,
        "opening": report.opening,
        "signatory": report.signatory,
        "signed": _bool(report.signed),
        "problems.style": STYLE_LABELS[report.problems.style],
        "other.processing_fee": report.other.processing_fee,
    }


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def _parts(parts: tuple[TextPart, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((p.heading, _paragraphs(p.text)) for p in parts)


def _texts(report: AnnualReport) -> dict[str, Rows]:
    out: dict[str, Rows] = {}
    for block in LAYOUT.texts:
        value = _attr(report, block.path)
        if block.kind is TextKind.PARTS:
            assert isinstance(value, tuple)
            out[block.path] = _parts(value)
        elif block.kind is TextKind.ITEMS:
            assert isinstance(value, tuple)
            out[block.path] = tuple(value)
        else:
            assert isinstance(value, str)
            out[block.path] = _paragraphs(value)
    return out


def _attr(root: object, path: str) -> object:
    for part in path.split("."):
        root = getattr(root, part)
    return root


def _numbers(report: AnnualReport) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for field in LAYOUT.fields:
        if field.kind not in (Kind.COUNT, Kind.FEE):
            continue
        printed = report.blank_cells.get(field.path)
        # A cell printed blank or "/" is written as printed, never as an invented 0.
        out[field.path] = (printed or None) if printed is not None else resolve(report, field.path)
    return out


def _previous(previous: AnnualReport | None) -> dict[str, int | Decimal]:
    if previous is None:
        return {}
    return {ref.path: resolve(previous, ref.path) for ref in LAYOUT.previous}


def from_report(report: AnnualReport, previous: AnnualReport | None = None) -> Content:
    """Every figure and text of ``report``; its stated totals where they differ."""
    stated = {
        path: value
        for path, value in report.stated_totals.items()
        if path in _total_paths() and value != resolve(report, path)
    }
    return Content(
        values={**_info(report), **_numbers(report)},
        stated=stated,
        texts=_texts(report),
        previous=_previous(previous),
        filled=True,
    )


def _total_paths() -> frozenset[str]:
    return frozenset(t.path for t in LAYOUT.totals)


def blank(
    *,
    previous: AnnualReport | None = None,
    year: int | None = None,
    agency: str | None = None,
    level: AdminLevel | None = None,
) -> Content:
    """An empty form: zeros to overwrite; with last year's report, a draft.

    From ``previous``: the agency's details, 上年结转 (= last year's 结转下年度,
    column by column), last year's figures to compare with, and last year's
    texts as a starting draft.  ``year`` defaults to the year after it.
    """
    values: dict[str, Value] = {
        f.path: (Decimal(0) if f.kind is Kind.FEE else 0)
        for f in LAYOUT.fields
        if f.kind in (Kind.COUNT, Kind.FEE)
    }
    values["problems.style"] = STYLE_LABELS[ListStyle.ENUMERATED]
    values["other.processing_fee"] = Decimal(0)
    values["signed"] = _bool(True)
    texts: dict[str, Rows] = {}
    if previous is not None:
        # The carry-over rule is the model's (one definition for every front-end);
        # here each value is written as the workbook's cells show it.
        draft = next_year(previous)
        info = _info(previous)
        for path in draft.details:
            values[path] = info[path]
        values["year"] = draft.year
        values.update(draft.carried_over)
        texts = {path: rows for path, rows in _texts(previous).items() if path in draft.texts}
    if year is not None:
        values["year"] = year
    if agency is not None:
        values["agency.name"] = agency
    if level is not None:
        values["agency.level"] = level.label
    return Content(
        values=values, stated={}, texts=texts, previous=_previous(previous), filled=False
    )
