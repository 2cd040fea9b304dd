"""What an audit found: one :class:`ReportAudit` per file, gathered in an :class:`AuditResult`."""

from __future__ import annotations

import enum
from pathlib import Path

import attrs

from govreport.findings import Finding, Severity

#: Code of the one finding of a file that could not be read at all.
UNREADABLE = "UNREADABLE"
#: Code of a finding about the set of reports (two reports of one agency and year).
DUPLICATE = "A1"
#: Code of the note on a report whose agency has several reports of last year.
AMBIGUOUS_PREVIOUS = "A2"
#: Codes of findings about the set of reports rather than one report's content.
SET_CODES = frozenset({DUPLICATE, AMBIGUOUS_PREVIOUS})


class Status(enum.Enum):
    """The verdict on one report file."""

    OK = "ok"  # no error, no warning (notes allowed)
    WARNINGS = "warnings"  # warnings, no error
    ERRORS = "errors"  # at least one error
    UNREADABLE = "unreadable"  # the file could not be read: nothing was checked

    @property
    def label(self) -> str:
        """The verdict in Chinese with the English in brackets."""
        return _LABELS[self]


_LABELS = {
    Status.OK: "通过 (ok)",
    Status.WARNINGS: "有警告 (warnings)",
    Status.ERRORS: "有错误 (errors)",
    Status.UNREADABLE: "无法读取 (unreadable)",
}


@attrs.frozen
class ReportAudit:
    """One report file: who and which year it is about, and every finding."""

    file: Path
    agency: str = ""
    year: int | None = None
    #: Every finding, sorted (errors first, then in the order of the report).
    findings: tuple[Finding, ...] = ()
    #: True when the file could not be read: its one finding says why.
    unreadable: bool = False
    #: Last year's report of the same agency, when the audit found one: the
    #: cross-year rules (R6 结转) compared the two.
    previous: Path | None = None

    @classmethod
    def failed(cls, file: Path, reason: str) -> ReportAudit:
        """A file that could not be read, with the reason."""
        return cls(file, findings=(Finding(UNREADABLE, Severity.ERROR, reason),), unreadable=True)

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    @property
    def status(self) -> Status:
        if self.unreadable:
            return Status.UNREADABLE
        if self.errors:
            return Status.ERRORS
        return Status.WARNINGS if self.warnings else Status.OK

    @property
    def first_problem(self) -> Finding | None:
        """The worst problem of the report itself, or None (notes do not count).

        Errors before warnings; a finding about the set of reports (A1: the
        same agency and year twice) only when the report has none of its own.
        """
        problems = [f for f in self.findings if f.severity is not Severity.INFO]
        own = [f for f in problems if f.code not in SET_CODES]
        ranked = sorted(own or problems, key=lambda f: f.severity.rank)
        return ranked[0] if ranked else None


@attrs.frozen
class AuditResult:
    """Every report audited, sorted by file name."""

    reports: tuple[ReportAudit, ...]

    def count(self, status: Status) -> int:
        return sum(r.status is status for r in self.reports)

    def failed(self, *, strict: bool = False) -> bool:
        """Errors found, or an unreadable file; with ``strict``, warnings too."""
        bad = {Status.ERRORS, Status.UNREADABLE} | ({Status.WARNINGS} if strict else set())
        return any(r.status in bad for r in self.reports)
