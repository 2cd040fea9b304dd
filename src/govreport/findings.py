"""What a check finds: a :class:`Finding` with its :class:`Severity`.

A neutral module at the bottom of the package: the data-file loader, the
rules, the engine and the CLI all speak in findings, so none of them owns it.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from govreport import spec


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # informational only, e.g. a stock-flow that 清理 legitimately breaks

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        """Sort key: errors first, then warnings, then notes."""
        return _SEVERITY_ORDER.index(self)


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


Number = int | Decimal


def _number(value: Number) -> int | str:
    """A number for JSON: an int as is, an amount as its exact text (never a float)."""
    return value if isinstance(value, int) else format(value, "f")


@attrs.frozen
class EvidenceCell:
    """One cell on one side of an equation: where it is, and what it holds."""

    path: str  # the model path
    location: str  # the official label chain
    value: Number
    #: True for a value as the file (or the published table) gives it; False
    #: for one govreport computed (a 总计 the model adds up itself).
    stated: bool = True
    #: The report the cell is in when it is not the finding's own: last
    #: year's (``2023年度报告``) or a unit's name.  Empty for the report itself.
    report: str = ""

    @classmethod
    def at(cls, path: str, value: Number, *, stated: bool = True, report: str = "") -> EvidenceCell:
        """A cell at a model path, its location taken from the official labels."""
        return cls(path, spec.location_of(path), value, stated, report)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "location": self.location,
            "value": _number(self.value),
            "stated": self.stated,
            "report": self.report,
        }


@attrs.frozen
class Evidence:
    """What a reader needs to see an arithmetic finding: both sides and the gap.

    ``formula`` names the equation in the official labels
    (``一、本年新收… + 二、上年结转… = （七）总计 + 四、结转下年度继续办理``);
    ``left`` and ``right`` hold the cells of each side, and ``difference`` is
    the sum of the left side minus the sum of the right side.
    """

    formula: str
    left: tuple[EvidenceCell, ...]
    right: tuple[EvidenceCell, ...]
    difference: Number

    @classmethod
    def of(
        cls, formula: str, left: tuple[EvidenceCell, ...], right: tuple[EvidenceCell, ...]
    ) -> Evidence:
        """Evidence whose difference is computed from its cells."""
        gap = sum((c.value for c in left), start=0) - sum((c.value for c in right), start=0)
        return cls(formula, left, right, gap)

    @property
    def cells(self) -> tuple[EvidenceCell, ...]:
        return (*self.left, *self.right)

    def to_dict(self) -> dict[str, Any]:
        return {
            "formula": self.formula,
            "left": [c.to_dict() for c in self.left],
            "right": [c.to_dict() for c in self.right],
            "difference": _number(self.difference),
        }


@attrs.frozen
class Finding:
    """One problem, located by official labels, explained in Chinese."""

    code: str  # stable, e.g. "R1"
    severity: Severity
    message: str  # for the civil servant, in Chinese
    path: str = ""  # the English field path, for developers
    location: str = ""  # the official label chain, e.g. 三、本年度办理结果/（一）予以公开/总计
    #: The cells and the equation behind an arithmetic finding, when it has them.
    evidence: Evidence | None = None

    @classmethod
    def at(
        cls,
        code: str,
        severity: Severity,
        path: str,
        message: str,
        *,
        evidence: Evidence | None = None,
    ) -> Finding:
        """A finding at a model path, its location taken from the official labels."""
        return cls(code, severity, message, path, spec.location_of(path), evidence)

    @property
    def where(self) -> str:
        """``location (path)`` for people and developers alike; whichever exists alone."""
        if self.location and self.path and self.location != self.path:
            return f"{self.location} ({self.path})"
        return self.path or self.location

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON; ``evidence`` only when the finding has some."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "location": self.location,
            "message": self.message,
        }
        if self.evidence is not None:
            out["evidence"] = self.evidence.to_dict()
        return out
