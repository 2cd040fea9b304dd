"""The audit's summary for people: one row per report, as plain lines or a rich table.

Plain lines when the output is a file or a pipe (a script greps them), a table
when it is a terminal.  Every text taken from a report (agency names, the first
problem) is shown on one line with control characters escaped, and given to
rich as plain :class:`~rich.text.Text`, never as markup.
"""

from __future__ import annotations

from typing import Final

import attrs
from rich.table import Table
from rich.text import Text

from govreport.audit.result import AuditResult, ReportAudit, Status
from govreport.findings import Finding
from govreport.spec.wording import clip

#: Characters of the first problem shown in the summary; the JSON has it all.
FIRST_PROBLEM_CHARS: Final = 80

_STYLES = {
    Status.OK: "green",
    Status.WARNINGS: "yellow",
    Status.ERRORS: "red",
    Status.UNREADABLE: "red",
}


@attrs.frozen
class SummaryRow:
    file: str
    agency: str
    year: str
    status: Status
    errors: int
    warnings: int
    first: str  # the first error or warning, "" when none


def short_finding(f: Finding) -> str:
    """``[错误 R4] 行政复议/总计：…``: the official labels only, the English path left out."""
    where = f"{f.location or f.path}：" if f.location or f.path else ""
    return f"[{f.severity.label} {f.code}] {where}{f.message}"


def summary_row(audit: ReportAudit) -> SummaryRow:
    first = audit.first_problem
    if first is None:
        shown = ""
    elif audit.unreadable:
        shown = clip(first.message, FIRST_PROBLEM_CHARS)
    else:
        shown = clip(short_finding(first), FIRST_PROBLEM_CHARS)
    return SummaryRow(
        file=clip(str(audit.file)),
        agency=clip(audit.agency),
        year=str(audit.year) if audit.year is not None else "",
        status=audit.status,
        errors=audit.errors,
        warnings=audit.warnings,
        first=shown,
    )


def totals_line(result: AuditResult) -> str:
    n = len(result.reports)
    counts = {s: result.count(s) for s in Status}
    return (
        f"共 {n} 份：通过 {counts[Status.OK]}，有警告 {counts[Status.WARNINGS]}，"
        f"有错误 {counts[Status.ERRORS]}，无法读取 {counts[Status.UNREADABLE]} "
        f"({n} files: {counts[Status.OK]} ok, {counts[Status.WARNINGS]} with warnings, "
        f"{counts[Status.ERRORS]} with errors, {counts[Status.UNREADABLE]} unreadable)"
    )


def plain_line(row: SummaryRow) -> str:
    """``file: 有错误 (errors)；机关 2024年度；错误 1、警告 0；[错误 R4] …``."""
    who = "　".join(p for p in (row.agency, f"{row.year}年度" if row.year else "") if p)
    parts = [row.status.label]
    if who:
        parts.append(who)
    if row.status is not Status.UNREADABLE:
        parts.append(f"错误 {row.errors}、警告 {row.warnings}")
    if row.first:
        parts.append(row.first)
    return f"{row.file}: {'；'.join(parts)}"


def plain_lines(result: AuditResult) -> list[str]:
    return [plain_line(summary_row(a)) for a in result.reports] + [totals_line(result)]


def rich_table(result: AuditResult) -> Table:
    rows = [summary_row(a) for a in result.reports]
    table = Table(title="核查结果 (audit)", caption=totals_line(result))
    # The file names and agencies keep their width; the first problem wraps.
    widest = max((len(r.file) for r in rows), default=0)
    table.add_column("报告文件\n(file)", min_width=min(widest, 40), overflow="fold")
    table.add_column("机关\n(agency)", overflow="fold")
    table.add_column("年度\n(year)", justify="right", no_wrap=True)
    table.add_column("结论\n(verdict)", no_wrap=True)
    table.add_column("错误\n(errors)", justify="right", no_wrap=True)
    table.add_column("警告\n(warnings)", justify="right", no_wrap=True)
    table.add_column("首个问题\n(first problem)", ratio=1, overflow="fold")
    for row in rows:
        table.add_row(
            Text(row.file),
            Text(row.agency),
            Text(row.year),
            Text(row.status.label, style=_STYLES[row.status]),
            Text(str(row.errors), style="red" if row.errors else ""),
            Text(str(row.warnings), style="yellow" if row.warnings else ""),
            Text(row.first),
        )
    return table
