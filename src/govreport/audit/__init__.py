"""Auditing published reports in bulk: every rule, across years, with evidence.

``audit_paths(paths)`` reads every report file named or found under the
folders named, checks each with every rule (and with last year's report of the
same agency, when there is one), and returns an :class:`AuditResult`.  The
result can be written as JSON or CSV (:mod:`~govreport.audit.export`), shown as
a summary (:mod:`~govreport.audit.summary`), and each report written as an
HTML page with its offending cells highlighted (:func:`write_annotated`).
``govreport audit`` is a thin client of these functions.
"""

from govreport.audit.annotate import Annotated, annotate_page, write_annotated
from govreport.audit.discover import accepted_suffixes, find_reports
from govreport.audit.export import to_csv, to_json
from govreport.audit.result import AuditResult, ReportAudit, Status
from govreport.audit.run import Progress, audit_paths

#: ``Status`` under the name the package root exports it by.
AuditStatus = Status

__all__ = [
    "Annotated",
    "AuditResult",
    "AuditStatus",
    "Progress",
    "ReportAudit",
    "Status",
    "accepted_suffixes",
    "annotate_page",
    "audit_paths",
    "find_reports",
    "to_csv",
    "to_json",
    "write_annotated",
]
