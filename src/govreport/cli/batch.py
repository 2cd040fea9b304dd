"""``govreport batch``: render many data files at once (a thin client of govreport.batch).

Exit status: the worst of the inputs' (0 all rendered or skipped; 1 a report
refused for errors in its data; 2 an input unreadable or an output not
written, an unknown format, a usage error; 3 a plugin failed; 4 a defect).
"""

from __future__ import annotations

import glob
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from govreport.audit.discover import Discovery, Skipped, accepted_suffixes, find_reports
from govreport.batch import BatchItem, Status, render_many
from govreport.batch.report import JsonReport
from govreport.cli.common import (
    EXIT_UNREADABLE,
    engine,
    force_option,
    formats_option,
    options_option,
    parse_options,
)
from govreport.limits import MAX_BATCH_FILES

#: Without a terminal, a progress line every this many inputs.
PLAIN_EVERY: Final = 100
#: Errors of one refused report listed under it; the JSON report has them all.
ERRORS_SHOWN: Final = 3

_GLOB = frozenset("*?[")
_STATUS_WORDS = {
    Status.OK: "成功 (ok)",
    Status.SKIPPED: "跳过 (skipped)",
    Status.REFUSED: "拒绝生成 (refused)",
    Status.UNREADABLE: "无法读取 (unreadable)",
    Status.FAILED: "失败 (failed)",
}


def _discover(inputs: tuple[str, ...], exclude: list[Path]) -> Discovery:
    """Files named, found under folders, or matched by globs (in the order given, each sorted)."""
    suffixes = accepted_suffixes(engine())
    paths: list[str] = []
    unmatched: list[str] = []
    for given in inputs:
        if not Path(given).exists() and _GLOB & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            # A glob is a search, like a folder: only data files among the matches.
            kept = [m for m in matches if Path(m).is_dir() or Path(m).suffix.lower() in suffixes]
            paths += kept
            if not kept:
                unmatched.append(given)
        else:
            paths.append(given)
    found = find_reports(paths, suffixes, max_files=MAX_BATCH_FILES, exclude=exclude)
    extra = tuple(Skipped(Path(g), "没有匹配的数据文件 (no data file matches)") for g in unmatched)
    return Discovery(found.files, found.skipped + extra)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} 份/秒 (reports/s)")


class _Reporter:
    """Progress and failures: a rich bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.console = Console(stderr=True, highlight=False)
        self.bar: Progress | None = None
        self.task_id: object = None

    def item(self, item: BatchItem) -> None:
        self.done += 1
        if not item.ok:
            self._say(_failure_lines(item))
        if self.console.is_terminal:
            if self.bar is None:  # started at the first result: the workers run already
                self.bar = Progress(
                    TextColumn("生成 (rendering)"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    _Rate(),
                    TimeRemainingColumn(),
                    console=self.console,
                    transient=True,
                )
                self.bar.start()
                self.task_id = self.bar.add_task("", total=self.total)
            self.bar.update(self.task_id, completed=self.done)  # type: ignore[arg-type]
        elif self.done % PLAIN_EVERY == 0 or self.done == self.total:
            rate = self.done / max(time.monotonic() - self.started, 1e-9)
            click.echo(
                f"进度 (progress)：{self.done}/{self.total}，{rate:.1f} 份/秒 (reports/s)",
                err=True,
            )

    def _say(self, lines: list[str]) -> None:
        if self.bar is not None:
            for line in lines:
                self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            for line in lines:
                click.echo(line, err=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _failure_lines(item: BatchItem) -> list[str]:
    lines = [f"{item.source}: {_STATUS_WORDS[item.status]}：{item.reason}"]
    lines += [f"    {e}" for e in item.errors[:ERRORS_SHOWN]]
    if len(item.errors) > ERRORS_SHOWN:
        rest = len(item.errors) - ERRORS_SHOWN
        lines.append(f"    …… 另有 {rest} 个错误 ({rest} more)")
    return lines


@contextmanager
def _reporter(total: int) -> Iterator[_Reporter]:
    reporter = _Reporter(total)
    try:
        yield reporter
    finally:
        reporter.stop()


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="输出目录 (output folder)",
)
@formats_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="并行的工作进程数，默认为处理器核数 (worker processes; default: one per core)",
)
@click.option(
    "--resume",
    is_flag=True,
    help="跳过输出已存在且比数据文件新的报告 (skip inputs whose outputs are newer)",
)
@click.option(
    "--json",
    "json_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="把每个文件的结果写入 JSON 报告 (write each input's result as JSON)",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="机关自定义模板，用于所有报告 (agency template, for every report)",
)
@click.option(
    "--previous",
    type=click.Path(path_type=Path, exists=True),
    default=None,
    help="上年度数据文件夹（按文件名对应）或文件，用于核对结转数和同比图 "
    "(last year's data: a folder matched by file name, or one file)",
)
@click.option("--no-signature", is_flag=True, help="不加署名和日期 (no signature block)")
@options_option
@force_option
@click.pass_context
def batch(
    ctx: click.Context,
    inputs: tuple[str, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    resume: bool,
    json_file: Path | None,
    template: Path | None,
    previous: Path | None,
    no_signature: bool,
    raw_options: tuple[str, ...],
    force: bool,
) -> None:
    """批量生成报告 (render many data files at once).

    INPUT 可以是数据文件、文件夹（递归查找数据文件）或通配符 (files, folders, globs)。
    输出为 输出目录/<数据文件名>.<扩展名>，不安全的字符替换为 _，重名的依次加 -2、-3
    (outputs are OUTDIR/<input stem>.<ext>, made safe and distinct)。一个文件出错不影响其他文件；
    退出状态取各文件中最严重的 (the worst input's exit status)。--previous 为文件夹时，
    按文件名（或去掉扩展名的文件名）找每个文件的上年度数据，找不到的不做跨年核对
    (a --previous folder is matched by file name; inputs without one skip the cross-year rules)。
    """
    eng = engine()
    for name in formats:
        eng.output(name)  # an unknown name stops here, before anything is read
    options: dict[str, object] = dict(parse_options(raw_options))
    if template is not None:
        options["template"] = template
    exclude = [out_dir, *([json_file] if json_file is not None else [])]
    found = _discover(inputs, exclude)
    skipped = [
        BatchItem(
            len(found.files) + i,
            s.path,
            "",
            Status.UNREADABLE,
            exit_status=EXIT_UNREADABLE,
            reason=s.reason,
        )
        for i, s in enumerate(found.skipped)
    ]
    formats = tuple(dict.fromkeys(formats))
    # Every check of the options (a broken template) is made here, once, before any work.
    items = render_many(
        found.files,
        out_dir,
        formats,
        jobs=jobs,
        resume=resume,
        force=force,
        options=options,
        previous=previous,
        signature=not no_signature,
    )
    report = (
        JsonReport(json_file, formats=formats, out_dir=out_dir, previous=previous)
        if json_file
        else None
    )
    counts = dict.fromkeys(Status, 0)
    worst = 0
    unpaired = 0
    try:
        with _reporter(len(found.files) + len(skipped)) as progress:
            for item in _chain(skipped, items):
                progress.item(item)
                counts[item.status] += 1
                worst = max(worst, item.exit_status)
                unpaired += item.previous is None and item.name != ""
                if report is not None:
                    report.add(item)
        if report is not None:
            report.close()
    except BaseException:
        if report is not None:
            report.discard()
        raise
    total = sum(counts.values())
    parts = "，".join(f"{_STATUS_WORDS[s]} {n}" for s, n in counts.items() if n)
    click.echo(f"共 {total} 个文件 ({total} inputs)：{parts or '无 (none)'}")
    if previous is not None and unpaired:
        click.echo(
            f"{unpaired} 个文件没有对应的上年度数据，未做跨年核对 "
            f"({unpaired} inputs without last year's file: cross-year rules not run)"
        )
    if json_file is not None:
        click.echo(f"已写出 (written)：{json_file}")
    ctx.exit(worst)


def _chain(first: list[BatchItem], rest: Iterator[BatchItem]) -> Iterator[BatchItem]:
    yield from first
    yield from rest
