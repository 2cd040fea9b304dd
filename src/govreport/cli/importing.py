"""``govreport import``: a published report (HTML, Word, PDF, text) → a data file."""

from __future__ import annotations

from pathlib import Path

import click

from govreport.cli.common import EXIT_FINDINGS, engine, load, path_argument
from govreport.io import save_report
from govreport.rules.base import Severity
from govreport.rules.report import format_finding, sort_findings


@click.command(name="import")
@path_argument("published")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="写出的数据文件 .yaml / .json / .toml (the data file to write)",
)
@click.pass_context
def import_command(ctx: click.Context, published: Path, output: Path) -> None:
    """读取已发布的年报（HTML 网页、Word、PDF、文本），写出数据文件 (import a published report).

    数字、文字、署名按原样保留；合计按印出的数值保存并核对；导入时推断或
    无法读取之处记入数据文件的 source 部分，并在此列出。随后可用 validate、
    render、audit 处理写出的文件。

    退出状态 (exit status)：0 已导入，1 已导入但有需要人工核对的错误，2 文件无法读取。
    """
    loaded = load(published)
    findings = sort_findings([*loaded.problems, *engine().validate(loaded.report)])
    for finding in findings:
        click.echo(f"{published.name}: {format_finding(finding)}", err=True)
    save_report(loaded.report, output)  # atomic; a failure is reported by main with status 2
    report = loaded.report
    errors = sum(f.severity is Severity.ERROR for f in findings)
    others = len(findings) - errors
    click.echo(
        f"已导入 (imported)：{report.agency.name or '（未识别机关）'} {report.year}年 → {output}；"
        f"{errors} 个错误、{others} 个警告或提示 ({errors} errors, {others} other)"
    )
    # Arithmetic errors are what the agency published (audit's business); an
    # import that could not read its input fully is the importer's, and says so.
    notes = report.source.notes if report.source else ()
    failed = not loaded.ok or any(note.severity == "error" for note in notes)
    ctx.exit(EXIT_FINDINGS if failed else 0)
