"""A row of table 三: counts per applicant type, with the computed 总计."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from govreport.model._validators import count_field, record_of
from govreport.model.errors import placed


@placed("applications.received", shared=True)
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


def to_row(value: Any) -> Any:
    """attrs converter: six numbers in column order, or a mapping → ApplicantCounts.

    ``[3, 0, 0, 0, 0, 0]`` is the list form of a data file (自然人 first).  A
    seventh number (a stated 总计) is refused: in code the total is computed.
    """
    if isinstance(value, list | tuple) and len(value) == len(_NAMES):
        return ApplicantCounts.from_values(value)
    if (
        isinstance(value, Mapping)
        and all(isinstance(k, str) for k in value)
        and set(value) <= set(_NAMES)
    ):
        return ApplicantCounts(**value)
    return value


def row_field() -> Any:
    """A table-三 row: an ApplicantCounts, a list of six numbers or a mapping."""
    return attrs.field(
        factory=ApplicantCounts,
        converter=to_row,
        validator=record_of(ApplicantCounts, also=f"、{len(_NAMES)}个数的列表（自然人在前）"),
    )


class RowTotal(int):
    """The 总计 of a row, as an ``int`` that still exposes the row's cells.

    ``Results.total`` is one: it equals the （七）总计 row's 总计 column, like
    ``received.total`` is the 总计 of 一、本年新收政府信息公开申请数量, so
    ``str()``, comparisons and arithmetic give the number.  The row's cells
    stay reachable (``results.total.natural_person``, ``results.total.total``),
    so the model paths of the official format keep resolving; ``.row`` is the
    row itself (the same as ``Results.total_row``).
    """

    _row: ApplicantCounts

    def __new__(cls, row: ApplicantCounts) -> RowTotal:
        self = super().__new__(cls, row.total)
        object.__setattr__(self, "_row", row)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __getnewargs__(self) -> tuple[ApplicantCounts]:  # type: ignore[override]
        return (self._row,)

    @property
    def row(self) -> ApplicantCounts:
        return self._row

    @property
    def natural_person(self) -> int:
        return self._row.natural_person

    @property
    def commercial_enterprise(self) -> int:
        return self._row.commercial_enterprise

    @property
    def research_institution(self) -> int:
        return self._row.research_institution

    @property
    def public_welfare_organization(self) -> int:
        return self._row.public_welfare_organization

    @property
    def legal_service_agency(self) -> int:
        return self._row.legal_service_agency

    @property
    def other(self) -> int:
        return self._row.other

    @property
    def total(self) -> RowTotal:
        """The 总计 column: this number itself, so ``….total.total`` resolves."""
        return self

    def values(self) -> tuple[int, ...]:
        """The six applicant columns of the row, in official order."""
        return self._row.values()


def sum_rows(rows: Iterable[ApplicantCounts]) -> ApplicantCounts:
    """The rows added column by column: one validated row built, not one per addition.

    （七）总计 adds some thirty rows, and every rule, placeholder and table that
    reads it asks again; building thirty intermediate rows made it the most
    expensive number of a report.
    """
    sums = [0] * len(_NAMES)
    for row in rows:
        for i, value in enumerate(row.values()):
            sums[i] += value
    return ApplicantCounts.from_values(sums)


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
