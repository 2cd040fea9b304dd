"""What a validation rule is, and what it finds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import attrs

from govreport.findings import Finding, Severity
from govreport.model import AnnualReport

__all__ = ["Finding", "Rule", "RuleContext", "Severity"]


@attrs.frozen
class RuleContext:
    """What a rule sees: the report, last year's if given, and what the file stated."""

    report: AnnualReport
    previous: AnnualReport | None = None
    #: Totals a data file (or a published report) stated, by model path, which
    #: the model itself never stores: rules compare them with the computed ones.
    stated: Mapping[str, int | Decimal] = attrs.field(factory=dict)


@attrs.frozen
class Rule:
    """A named check.  ``code`` is stable across releases; it is the registry name."""

    code: str
    title: str  # one Chinese line for listings
    check: Callable[[RuleContext], Iterable[Finding]]
