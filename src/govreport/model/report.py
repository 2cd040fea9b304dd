"""The whole annual report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs

from govreport.model._converters import to_int
from govreport.model._datafile import DERIVED
from govreport.model._validators import (
    boolean,
    date_field,
    optional_record_field,
    record_field,
    text_field,
    whole_number,
)
from govreport.model.agency import Agency
from govreport.model.applications import Applications
from govreport.model.errors import placed
from govreport.model.narrative import OtherMatters, Overview, ProblemsAndImprovements
from govreport.model.proactive import ProactiveDisclosure
from govreport.model.provenance import Provenance
from govreport.model.review import ReviewLitigation


def _extension_values(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and attrs.has(type(v)) for k, v in value.items()
    ):
        raise TypeError(f"extensions must map names to attrs instances, got {value!r}")


def _blank_values(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError(f"blank_cells must map model paths to the printed text, got {value!r}")


def _stated_values(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, int | Decimal) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise TypeError(f"stated_totals must map model paths to numbers, got {value!r}")


@placed("")
@attrs.frozen(kw_only=True)
class AnnualReport:
    """政府信息公开工作年度报告 in the 2021 format.  Pure data; knows no file format.

    Constructors convert what is unambiguous (``published="2025-01-20"``, a
    mapping for a part, a list for a row; see docs/building-reports.md) and
    raise :class:`~govreport.model.errors.ModelError` for anything else.
    """

    agency: Agency = record_field(Agency, required=True)
    year: int = attrs.field(converter=to_int, validator=whole_number)
    published: date | None = date_field()
    #: The title as printed or wanted (e.g. an imported report's
    #: ``……年政府信息公开工作年报告``); generated from agency and year when empty.
    title_text: str = text_field()
    #: The paragraph before 一; generated from agency and year when empty.
    opening: str = text_field()
    overview: Overview = record_field(Overview)
    proactive: ProactiveDisclosure = record_field(ProactiveDisclosure)
    applications: Applications = record_field(Applications)
    review_litigation: ReviewLitigation = record_field(ReviewLitigation)
    problems: ProblemsAndImprovements = record_field(ProblemsAndImprovements)
    other: OtherMatters = record_field(OtherMatters)
    #: 署名 under the text; the agency's name when empty.
    signatory: str = text_field()
    #: False when the report has no signature block (署名 and date): a
    #: published report imported as it was printed.
    signed: bool = attrs.field(default=True, validator=boolean)
    #: Plugin-owned data blocks, by extension name (``extensions:`` in a data
    #: file).  Each value is an instance of the attrs class the plugin
    #: registered; the core model itself stays closed to anything else.
    extensions: Mapping[str, object] = attrs.field(
        factory=dict, validator=_extension_values, eq=True, hash=False
    )

    #: Totals as the source stated them (model path → value), e.g.
    #: ``applications.received.total``: what a data file typed or a published
    #: report printed.  The model computes every total itself and never uses
    #: these; they are kept as evidence so that validation (rules R1, R2, R4)
    #: compares them with the computed ones whatever route the report took,
    #: and so that writing the report back keeps them.
    stated_totals: Mapping[str, int | Decimal] = attrs.field(
        factory=dict, validator=_stated_values, eq=True, hash=False, metadata=DERIVED
    )

    #: Where an imported report came from and what the import had to guess
    #: (``source:`` in a data file); None for a report written as data.
    source: Provenance | None = optional_record_field(Provenance)

    #: Table cells the source left blank or printed as ``/`` (model path → the
    #: text as printed, "" for blank).  The model reads them as 0; they are kept
    #: so that a finding can say so and writing the report back prints them as
    #: they were, never as an invented 0.
    blank_cells: Mapping[str, str] = attrs.field(
        factory=dict, validator=_blank_values, eq=True, hash=False, metadata=DERIVED
    )

    def extension(self, name: str) -> object | None:
        """The data block of extension ``name``, or None when the file has none."""
        return self.extensions.get(name)

    @property
    def period(self) -> tuple[date, date]:
        """The statistical period: 1月1日 to 12月31日 of the report year."""
        return date(self.year, 1, 1), date(self.year, 12, 31)

    @property
    def title(self) -> str:
        return self.title_text or f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def signer(self) -> str:
        return self.signatory or self.agency.name
