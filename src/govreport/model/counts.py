"""A row of table 三: counts per applicant type, with the computed 总计."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from govreport.model._validators import count_field


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One body row of table 三, in the official column order."""

    natural_person: int = count_field()
    commercial_enterprise: int = count_field()
    research_institution: int = count_field()
    public_welfare_organization: int = count_field()
    legal_service_agency: int = count_field()
    other: int = count_field()

    @property
    def total(self) -> int:
        """总计: computed, never stored."""
        return sum(self.values())

    def values(self) -> tuple[int, ...]:
        # Spelled out: attrs.astuple is generic and this sits on the hot path of
        # every total.
        return (
            self.natural_person,
            self.commercial_enterprise,
            self.research_institution,
            self.public_welfare_organization,
            self.legal_service_agency,
            self.other,
        )

    def __add__(self, other: ApplicantCounts) -> ApplicantCounts:
        return ApplicantCounts(
            **{k: a + b for k, a, b in zip(_NAMES, self.values(), other.values(), strict=True)}
        )

    @classmethod
    def from_values(cls, values: Iterable[int]) -> ApplicantCounts:
        return cls(**dict(zip(_NAMES, values, strict=True)))


_NAMES = tuple(a.name for a in attrs.fields(ApplicantCounts))


def sum_rows(rows: Iterable[ApplicantCounts]) -> ApplicantCounts:
    total = ApplicantCounts()
    for row in rows:
        total = total + row
    return total


class RowGroup:
    """Mixin for a group of rows (（三）–（六）): its subtotal is their sum.

    Subtotals exist for rules and placeholders; the official table never prints them.
    """

    def rows(self) -> tuple[ApplicantCounts, ...]:
        # Every RowGroup subclass is an attrs class of ApplicantCounts fields.
        return tuple(getattr(self, a.name) for a in attrs.fields(type(self)))  # type: ignore[arg-type]

    @property
    def subtotal(self) -> ApplicantCounts:
        return sum_rows(self.rows())
