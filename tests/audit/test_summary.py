"""The summary people read: one line (or table row) per report, then the totals."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from govreport.audit import AuditResult, ReportAudit, audit_paths
from govreport.audit.summary import plain_lines, rich_table
from govreport.findings import Finding, Severity

from . import reports


def test_plain_lines_give_the_verdict_who_and_the_first_problem(tmp_path: Path) -> None:
    reports.clean(tmp_path)
    reports.review_total_zero(tmp_path)
    reports.unreadable(tmp_path)
    lines = plain_lines(audit_paths([tmp_path]))
    broken, clean, zero, totals = lines
    assert broken.startswith(f"{tmp_path / 'broken.yaml'}: 无法读取 (unreadable)；YAML 语法错误")
    assert clean == f"{tmp_path / 'clean.yaml'}: 通过 (ok)；甲区　2024年度；错误 0、警告 0"
    assert "有错误 (errors)；乙区　2024年度；错误 1、警告 0；[错误 R4] 行政复议/总计：" in zero
    assert totals.startswith("共 3 份：通过 1，有警告 0，有错误 1，无法读取 1")


def test_texts_from_reports_stay_on_one_line_and_are_no_markup() -> None:
    finding = Finding("X1", Severity.WARNING, "第一行\n[bold]第二行[/bold]")
    result = AuditResult((ReportAudit(Path("a.yaml"), "[red]甲区\x1b[2J", 2024, (finding,)),))
    line = plain_lines(result)[0]
    assert "\n" not in line and "\x1b" not in line
    assert "第一行\\n[bold]第二行[/bold]" in line
    console = Console(record=True, width=300, color_system=None)
    console.print(rich_table(result))
    shown = console.export_text()
    assert "[red]甲区" in shown and "[bold]第二行[/bold]" in shown
    assert "有警告 (warnings)" in shown
