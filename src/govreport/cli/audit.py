"""``govreport audit``: check many report files at once (a thin client of govreport.audit)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from govreport.audit import AuditResult, audit_paths, to_csv, to_json, write_annotated
from govreport.audit import Progress as ProgressCallback
from govreport.audit.summary import plain_lines, rich_table
from govreport.cli.common import EXIT_FINDINGS, engine
from govreport.fileio import atomic_write

#: From this many files on, a terminal shows a progress bar.
PROGRESS_FROM: Final = 10


@contextmanager
def _progress_bar() -> Iterator[ProgressCallback | None]:
    """A progress bar on stderr when it is a terminal, shown once there are many files."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    bar = Progress(
        TextColumn("核查 (auditing)"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    )
    task = None

    def advance(done: int, total: int, path: Path) -> None:
        nonlocal task
        if total < PROGRESS_FROM:
            return
        if task is None:
            bar.start()
            task = bar.add_task("", total=total)
        bar.update(task, completed=done, total=total, description=path.name)

    try:
        yield advance
    finally:
        bar.stop()


def _show(result: AuditResult) -> None:
    console = Console()
    if console.is_terminal:
        console.print(rich_table(result))
    else:
        for line in plain_lines(result):
            click.echo(line)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json",
    "json_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="把每份报告的结论和问题（含依据）写入 JSON 文件 (write findings with evidence as JSON)",
)
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="每个问题一行，写入 CSV 文件 (write one row per finding as CSV)",
)
@click.option("--strict", is_flag=True, help="有警告也以状态 1 退出 (exit 1 on warnings too)")
@click.option(
    "--annotate",
    "annotate_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="把每份报告写成网页，标出有问题的单元格 (write each report as HTML, cells marked)",
)
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[Path, ...],
    json_file: Path | None,
    csv_file: Path | None,
    strict: bool,
    annotate_dir: Path | None,
) -> None:
    """批量核查报告文件和目录 (check many reports: every rule, across years, with evidence).

    目录中凡可读取的报告文件都会核查（含子目录）；同一机关相邻两年的报告互作上年对照。
    退出状态 (exit status)：0 无错误；1 有错误或有文件无法读取（加 --strict 时警告也算）；
    2 用法错误。
    """
    eng = engine()
    with _progress_bar() as progress:
        # The audit's own output is no report, whatever its suffix (a JSON).
        excluded = [p for p in (annotate_dir, json_file, csv_file) if p is not None]
        result = audit_paths(paths, engine=eng, progress=progress, exclude=excluded)
    if not result.reports:
        click.echo("未找到报告文件 (no report files found)", err=True)
    _show(result)
    if json_file is not None:
        atomic_write(json_file, to_json(result).encode("utf-8"))
        click.echo(f"已写出 (written)：{json_file}", err=True)
    if csv_file is not None:
        atomic_write(csv_file, to_csv(result).encode("utf-8-sig"))
        click.echo(f"已写出 (written)：{csv_file}", err=True)
    if annotate_dir is not None:
        done = write_annotated(result, annotate_dir, engine=eng)
        for path, reason in done.skipped:
            click.echo(f"{path}: 未生成网页 (no page)：{reason}", err=True)
        click.echo(f"已生成 (written)：{len(done.written)} 个网页，在 {annotate_dir}", err=True)
    ctx.exit(EXIT_FINDINGS if result.failed(strict=strict) else 0)
