"""``govreport aggregate``: an aggregate report's tables as the sum of its units'."""

from __future__ import annotations

from pathlib import Path

import attrs
import click

from govreport.aggregation import (
    Unit,
    aggregate,
    compare,
    read_expected,
    select_units,
    table_titles,
)
from govreport.cli.common import EXIT_FINDINGS, UnreadableInput, engine
from govreport.findings import Finding
from govreport.io import LoadResult, UnreadableFileError, dump_report, format_problem, save_report
from govreport.limits import MAX_AGGREGATE_UNITS
from govreport.rules.report import format_finding, has_errors, sort_findings


def _load_all(paths: tuple[Path, ...]) -> list[LoadResult]:
    """Every file loaded, or exit 2 naming every file that cannot be read."""
    loaded: list[LoadResult] = []
    failures: list[str] = []
    for path in paths:
        try:
            loaded.append(engine().load_report(path))
        except UnreadableFileError as exc:
            failures.append(str(exc))
    if failures:
        raise UnreadableInput("；".join(failures))
    return loaded


def _line(f: Finding) -> str:
    """A finding about a unit's file starts with the file; one about a cell, with the cell."""
    if f.location and not f.path:
        return f"{f.location}: {format_finding(attrs.evolve(f, location=''))}"
    return format_finding(f)


def _echo(findings: list[Finding]) -> None:
    for f in sort_findings(findings):
        click.echo(_line(f), err=True)


@click.command("aggregate")
@click.argument("parent", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("units", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="写出汇总后的数据文件（默认输出到屏幕）(write the aggregate data file here)",
)
@click.option(
    "--check",
    is_flag=True,
    help="不生成，核对已有的汇总报告与各单位之和 (compare an existing aggregate with its units)",
)
@click.option(
    "--expect",
    "expect_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="应有单位名单，每行一个 (the units expected, one name a line)",
)
@click.pass_context
def aggregate_command(
    ctx: click.Context,
    parent: Path,
    units: tuple[Path, ...],
    output: Path | None,
    check: bool,
    expect_file: Path | None,
) -> None:
    """汇总报告（全区/全市）的表格为各单位之和 (an aggregate's tables as the sum of its units).

    由 PARENT（提供机关、正文）和各单位数据文件生成汇总数据文件，表二、表三、表四为各单位之和；
    加 --check 则核对已有汇总报告，列出不一致的单元格和缺少的单位。
    退出状态 (exit status)：0 成功或一致；1 有不一致、缺少单位或数据错误；2 文件无法读取或用法错误。
    """
    if len(units) > MAX_AGGREGATE_UNITS:
        raise click.UsageError(
            f"单位最多 {MAX_AGGREGATE_UNITS} 个，给出了 {len(units)} 个 "
            f"(at most {MAX_AGGREGATE_UNITS} units)"
        )
    if check and output is not None:
        raise click.UsageError("--check 不写出文件，不能与 -o 同用 (--check writes nothing)")
    try:
        expected = read_expected(expect_file) if expect_file is not None else None
    except UnreadableFileError as exc:
        raise UnreadableInput(str(exc)) from None
    head, *rest = _load_all((parent, *units))
    for loaded in rest:
        for p in loaded.errors:
            click.echo(format_problem(p, loaded.source), err=True)
    if any(not r.ok for r in rest):
        click.echo("单位数据文件有错误，未汇总 (a unit's data file has errors)", err=True)
        ctx.exit(EXIT_FINDINGS)
    chosen = select_units(head.report.year, (Unit(r.source, r.report) for r in rest), expected)
    if check:
        _check(ctx, head, chosen.summed, list(chosen.findings))
    else:
        _build(ctx, head, chosen.summed, list(chosen.findings), output)


def _check(
    ctx: click.Context, head: LoadResult, units: tuple[Unit, ...], findings: list[Finding]
) -> None:
    differences = compare(head.report, units)
    for f in head.problems:
        click.echo(format_problem(f, head.source))
    for f in sort_findings([*findings, *differences]):
        click.echo(_line(f))
    if not differences:
        click.echo(
            f"{head.source.name}: 表格与 {len(units)} 个单位之和一致 "
            "(the tables equal the sum of the units)"
        )
    found = [*head.problems, *findings, *differences]
    ctx.exit(EXIT_FINDINGS if has_errors(found) else 0)


def _build(
    ctx: click.Context,
    head: LoadResult,
    units: tuple[Unit, ...],
    findings: list[Finding],
    output: Path | None,
) -> None:
    if not head.ok:
        for p in head.errors:
            click.echo(format_problem(p, head.source), err=True)
        click.echo("汇总报告的数据文件有错误，未汇总 (the parent data file has errors)", err=True)
        ctx.exit(EXIT_FINDINGS)
    if has_errors(findings):
        _echo(findings)
        click.echo("未汇总，未写出任何文件 (not aggregated: nothing written)", err=True)
        ctx.exit(EXIT_FINDINGS)
    done = aggregate(head.report, units)  # a sum too large: the CLI names it, exit 1
    _echo([*findings, *done.notes])
    if output is None:
        click.echo(dump_report(done.report), nl=False)
    else:
        save_report(done.report, output)
        click.echo(f"已写出 (written)：{output}", err=True)
    click.echo(
        f"已用 {len(units)} 个单位之和替换 (replaced by the sum of the units)："
        f"{'、'.join(table_titles())}；机关、正文等取自 {head.source.name}",
        err=True,
    )
