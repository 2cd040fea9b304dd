"""The sub-commands of ``govreport``."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import click

from govreport import spec
from govreport.cli.common import (
    EXIT_FINDINGS,
    engine,
    force_option,
    format_option,
    formats_option,
    load,
    load_clean,
    options_option,
    parse_options,
    path_argument,
    previous_option,
)
from govreport.fileio import write_all
from govreport.io import LoadResult, skeleton
from govreport.model import AdminLevel, AnnualReport, resolve
from govreport.outputs.base import check_distinct_files, options_for
from govreport.rules.base import Finding, Severity
from govreport.rules.previous import check_previous
from govreport.rules.report import format_finding, has_errors, sort_findings
from govreport.spec.wording import format_number

#: Control characters, surrogates (undecodable bytes), line and paragraph separators.
_BREAKS = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _agency_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    # A line break or a control character in a name is a slip of the shell
    # ($'x\nyear: 1999'); no official name holds one.
    bad = next((ch for ch in value if unicodedata.category(ch) in _BREAKS), None)
    if bad is not None:
        raise click.BadParameter(
            f"机关名称中不能含有换行符或控制字符（发现 U+{ord(bad):04X}）"
            "(no line break or control character in an agency name)"
        )
    if not value.strip():
        raise click.BadParameter("机关名称不能为空 (the agency name must not be empty)")
    return value


@click.command()
@click.option(
    "--year",
    type=click.IntRange(2008, 9998),
    default=None,
    help="报告年度 (report year, 2008–9998); default: last year",
)
@click.option(
    "--agency",
    default="某某机关",
    show_default=True,
    callback=_agency_name,
    help="机关名称 (agency name)",
)
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in AdminLevel]),
    default=AdminLevel.TOWNSHIP.value,
    show_default=True,
    help="行政级别 (administrative level)",
)
def new(year: int | None, agency: str, level: str) -> None:
    """写出一份带注释的空白数据文件 (print a commented skeleton data file)."""
    if year is None:
        import datetime

        year = datetime.date.today().year - 1
    # Each installed plugin's data block too, labelled and with its defaults.
    installed = engine().extensions
    blocks = [(ext, installed.owner(name)) for name, ext in installed.items()]
    click.echo(skeleton(year=year, agency=agency, level=level, extensions=blocks), nl=False)


def _all_findings(
    loaded: LoadResult, previous: LoadResult | None
) -> tuple[list[tuple[Path, Finding]], AnnualReport | None]:
    """Every finding with the file it is about, in report order, and last year's report."""
    found = [(loaded.source, f) for f in loaded.problems]
    prev_report = None
    if previous is not None:
        # Refused with both files named (exit 2); Engine.validate checks the same.
        check_previous(
            loaded.report,
            previous.report,
            report_file=loaded.source,
            previous_file=previous.source,
        )
        # Problems of last year's file are reported too (with that file's name),
        # but only its errors matter for this year's exit status when they stop R6.
        found += [(previous.source, f) for f in previous.problems]
        prev_report = previous.report
    findings = engine().validate(loaded.report, previous=prev_report)
    found += [(loaded.source, f) for f in loaded.place(findings)]  # a workbook's cells too
    order = {id(f): i for i, f in enumerate(sort_findings(f for _, f in found))}
    return sorted(found, key=lambda pair: order[id(pair[1])]), prev_report


def _line(source: Path, finding: Finding) -> str:
    return f"{source.name}: {format_finding(finding)}"


@click.command()
@path_argument("data_file")
@previous_option
@format_option("输出方式 (findings as text or JSON)")
@click.pass_context
def validate(
    ctx: click.Context, data_file: Path, previous: Path | None, output_format: str
) -> None:
    """按官方勾稽规则校验数据文件 (check a data file against the official rules).

    退出状态 (exit status)：0 无错误，1 有错误，2 文件无法读取。
    """
    loaded = load(data_file)
    prev = load(previous) if previous else None
    found, _ = _all_findings(loaded, prev)
    findings = [f for _, f in found]
    if output_format == "json":
        payload = {
            "file": str(data_file),
            "previous": str(previous) if previous else None,
            "ok": not has_errors(findings),
            "findings": [{**f.to_dict(), "file": str(source)} for source, f in found],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for source, f in found:
            click.echo(_line(source, f))
        errors = sum(f.severity is Severity.ERROR for f in findings)
        others = len(findings) - errors
        if findings:
            click.echo(
                f"共 {errors} 个错误、{others} 个警告或提示 ({errors} errors, {others} other)"
            )
        else:
            click.echo(f"{data_file.name}: 校验通过，未发现问题 (no problems found)")
    ctx.exit(EXIT_FINDINGS if has_errors(findings) else 0)


#: Said after a failed render: the output folder was not touched.
NOTHING_WRITTEN = "未写出任何文件，输出目录未改动 (nothing written)"


def _add_note(exc: BaseException, note: str) -> None:
    """``exc.add_note(note)``, also on Python 3.10 (the CLI prints ``__notes__``)."""
    notes = list(getattr(exc, "__notes__", ()))
    exc.__notes__ = [*notes, note]  # type: ignore[attr-defined]


@click.command()
@path_argument("data_file")
@formats_option
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="输出目录 (output folder)",
)
@previous_option
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="机关自定义模板 (agency template, for formats that take one)",
)
@click.option("--fragment", is_flag=True, help="HTML：只输出 <article> 片段 (HTML fragment)")
@click.option("--charts", is_flag=True, help="HTML：附统计图 (add SVG charts)")
@click.option("--no-signature", is_flag=True, help="不加署名和日期 (no signature block)")
@options_option
@force_option
@click.pass_context
def render(
    ctx: click.Context,
    data_file: Path,
    formats: tuple[str, ...],
    out_dir: Path,
    previous: Path | None,
    template: Path | None,
    fragment: bool,
    charts: bool,
    no_signature: bool,
    raw_options: tuple[str, ...],
    force: bool,
) -> None:
    """由数据文件生成报告 (render the report into one or more formats)."""
    eng = engine()
    # An unknown name, or two formats writing one file, stops here, before anything is read.
    check_distinct_files(eng.output(name) for name in dict.fromkeys(formats))
    loaded = load(data_file)
    prev = load(previous) if previous else None
    found, prev_report = _all_findings(loaded, prev)
    if has_errors(f for _, f in found) and not force:
        for source, f in found:
            if f.severity is Severity.ERROR:
                click.echo(_line(source, f), err=True)
        click.echo(
            "数据有错误，未生成报告；改正后重试，或加 --force "
            "(not rendered: fix the errors, or --force)",
            err=True,
        )
        ctx.exit(EXIT_FINDINGS)
    given = parse_options(raw_options)
    for name, value, wanted in (
        ("template", template, template is not None),
        ("fragment", True, fragment),
        ("charts", True, charts),
    ):
        if wanted:
            given[name] = value  # type: ignore[assignment]
    # Every format is rendered in memory first and written only when all
    # succeeded, as a set: a failure never leaves new files beside old ones.
    rendered: list[tuple[Path, bytes]] = []
    for name in dict.fromkeys(formats):  # -f txt -f txt renders once
        fmt = eng.outputs[name]
        options = options_for(fmt, given, several=len(formats) > 1)
        try:
            # Validated above with the file's own problems too; --force decided.
            data = eng.render(
                loaded.report,
                name,
                previous=prev_report,
                options=options,
                signature=not no_signature,
                allow_errors=True,
            )
        except Exception as exc:
            _add_note(exc, NOTHING_WRITTEN)
            raise
        rendered.append((out_dir / f"{data_file.stem}{fmt.extension}", data))
    for target in write_all(rendered):
        click.echo(f"已生成 (written)：{target}")
    # Only --force gets here with a wrong stated total (R1, R2, R4 are errors):
    # the document prints the computed one, and says so cell by cell.
    for path, stated, computed in _replaced_totals(loaded.report):
        click.echo(
            f"{data_file.name}: [按计算值印出] {spec.location_of(path)} ({path})："
            f"数据文件填报{format_number(stated)}，报告中印为计算值{format_number(computed)} "
            f"(stated {format_number(stated)}, printed as computed {format_number(computed)})",
            err=True,
        )


def _replaced_totals(report: AnnualReport) -> list[tuple[str, int | Decimal, int | Decimal]]:
    """(path, stated, computed) of every stated total the document prints otherwise.

    The model computes every total and the document prints those; what the
    source stated is kept in ``report.stated_totals``.  In table order.
    """
    order = {c.path: i for i, c in enumerate(c for t in spec.tables().values() for c in t.cells)}
    replaced = [
        (path, stated, computed)
        for path, stated in report.stated_totals.items()
        if (computed := resolve(report, path)) != stated
    ]
    return sorted(replaced, key=lambda item: (order.get(item[0], len(order)), item[0]))


@click.command()
@path_argument("data_file")
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
def convert(data_file: Path, target: Path) -> None:
    """在 YAML / JSON / TOML / 工作簿（.xlsx）之间转换数据文件 (convert a data file).

    目标文件的格式由扩展名决定；.xlsx 为填报工作簿，插件可增加其他格式。
    """
    loaded = load_clean(data_file, "数据文件有错误，未转换 (not converted)")
    # A plugin's writer for the suffix (.xlsx: the workbook), else YAML/JSON/TOML.
    engine().save_report(loaded.report, target)
    click.echo(f"已写出 (written)：{target}")
