"""The whole annual report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from govreport.model._validators import text_field, whole_number
from govreport.model.agency import Agency
from govreport.model.applications import Applications
from govreport.model.narrative import OtherMatters, Overview, ProblemsAndImprovements
from govreport.model.proactive import ProactiveDisclosure
from govreport.model.review import ReviewLitigation


def _extension_values(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and attrs.has(type(v)) for k, v in value.items()
    ):
        raise TypeError(f"extensions must map names to attrs instances, got {value!r}")


@attrs.frozen(kw_only=True)
class AnnualReport:
    """政府信息公开工作年度报告 in the 2021 format.  Pure data; knows no file format."""

    agency: Agency = attrs.field(validator=attrs.validators.instance_of(Agency))
    year: int = attrs.field(validator=whole_number)
    published: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(date))
    )
    #: The paragraph before 一; generated from agency and year when empty.
    opening: str = text_field()
    overview: Overview = attrs.field(factory=Overview)
    proactive: ProactiveDisclosure = attrs.field(factory=ProactiveDisclosure)
    applications: Applications = attrs.field(factory=Applications)
    review_litigation: ReviewLitigation = attrs.field(factory=ReviewLitigation)
    problems: ProblemsAndImprovements = attrs.field(factory=ProblemsAndImprovements)
    other: OtherMatters = attrs.field(factory=OtherMatters)
    #: 署名 under the text; the agency's name when empty.
    signatory: str = text_field()
    #: Plugin-owned data blocks, by extension name (``extensions:`` in a data
    #: file).  Each value is an instance of the attrs class the plugin
    #: registered; the core model itself stays closed to anything else.
    extensions: Mapping[str, object] = attrs.field(
        factory=dict, validator=_extension_values, eq=True, hash=False
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
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def signer(self) -> str:
        return self.signatory or self.agency.name
