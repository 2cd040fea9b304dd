"""``govreport check-layout``: measure a report's PDF against GB/T 9704 (a thin client)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from govreport.cli.common import EXIT_FINDINGS, UnreadableInput
from govreport.layoutcheck import LayoutReport, LayoutUnreadableError, Severity, check_layout

_SIDES = {"left": "左", "right": "右", "centre": "中"}


def _table(report: LayoutReport) -> Table:
    table = Table(title=f"{report.path} 版式 (layout)", show_lines=False)
    for header in (
        "页",
        "行数",
        "行距",
        "每行字数",
        "版心 左/上/右/下 mm",
        "页码",
        "字号",
        "位置",
        "表格",
    ):
        table.add_column(header)
    for page in report.pages:
        block = "" if page.block is None else "/".join(f"{v:.1f}" for v in page.block)
        table.add_row(
            str(page.number),
            f"{page.lines}{' 满页' if page.full else ''}",
            "" if page.pitch is None else f"{page.pitch:.2f}",
            "" if page.chars_per_line is None else str(page.chars_per_line),
            block,
            page.page_number or "无",
            "" if page.page_number_size is None else f"{page.page_number_size:g}",
            _SIDES.get(page.page_number_side or "", ""),
            str(page.tables or ""),
        )
    return table


def _fonts(report: LayoutReport) -> list[str]:
    used: dict[str, int] = {}
    for page in report.pages:
        for name, count in page.fonts.items():
            used[name] = used.get(name, 0) + count
    return [f"  {name}：{count} 个字符" for name, count in sorted(used.items())]


@click.command("check-layout")
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出每页测量结果和问题 (print JSON)")
@click.pass_context
def check_layout_command(ctx: click.Context, pdf: Path, as_json: bool) -> None:
    """按 GB/T 9704 测量报告 PDF 的版式 (measure a report's PDF against GB/T 9704).

    每页测量：正文行数与每行字数、版心位置、页码（“— N —”、4号字、单页居右双页居左）、
    所用字体及替换字体、表格行是否跨页拆分。
    退出状态 (exit status)：0 版式合格；1 有不合规定之处；2 文件无法读取（不是 PDF、已加密、
    扫描件）或用法错误。
    """
    try:
        report = check_layout(pdf)
    except LayoutUnreadableError as exc:
        raise UnreadableInput(str(exc)) from None
    if as_json:
        sys.stdout.write(report.to_json())
    else:
        # Wide enough for the table when the output is a file or a pipe.
        console = Console(width=None if sys.stdout.isatty() else 120)
        console.print(_table(report))
        click.echo("字体 (fonts)：")
        for line in _fonts(report):
            click.echo(line)
        for finding in report.findings:
            label = "错误" if finding.severity is Severity.ERROR else "警告"
            click.echo(f"[{label} {finding.code}] {finding.message}")
        if report.passed:
            click.echo("版式合格 (layout passes)")
        else:
            click.echo(f"版式有 {len(report.errors)} 处不合规定 (layout rules broken)")
    ctx.exit(0 if report.passed else EXIT_FINDINGS)
