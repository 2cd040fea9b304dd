"""What a check finds: a :class:`Finding` with its :class:`Severity`.

A neutral module at the bottom of the package: the data-file loader, the
rules, the engine and the CLI all speak in findings, so none of them owns it.
"""

from __future__ import annotations

import enum

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


@attrs.frozen
class Finding:
    """One problem, located by official labels, explained in Chinese."""

    code: str  # stable, e.g. "R1"
    severity: Severity
    message: str  # for the civil servant, in Chinese
    path: str = ""  # the English field path, for developers
    location: str = ""  # the official label chain, e.g. 三、本年度办理结果/（一）予以公开/总计

    @classmethod
    def at(cls, code: str, severity: Severity, path: str, message: str) -> Finding:
        """A finding at a model path, its location taken from the official labels."""
        return cls(code, severity, message, path, spec.location_of(path))

    @property
    def where(self) -> str:
        """``location (path)`` for people and developers alike; whichever exists alone."""
        if self.location and self.path and self.location != self.path:
            return f"{self.location} ({self.path})"
        return self.path or self.location

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "location": self.location,
            "message": self.message,
        }
