"""``govreport workbook``: the fill-in workbook (.xlsx) for the people who write the report.

Exit status: 0 written; 1 last year's data file (``--from``) has errors,
nothing written; 2 it cannot be read, the output is not .xlsx or cannot be
written, or a usage error.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from govreport.cli.common import load_clean
from govreport.model import AdminLevel, AnnualReport
from govreport.workbook.plugin import SUFFIXES
from govreport.workbook.validation import FIRST_YEAR, LAST_YEAR
from govreport.workbook.writer import blank_workbook, save_workbook


def _last_year(path: Path) -> AnnualReport:
    return load_clean(path, "上年数据文件有错误，未生成工作簿 (--from file has errors)").report


@click.command("workbook")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="工作簿文件名，如 2025.xlsx (the .xlsx to write)",
)
@click.option(
    "--year",
    type=click.IntRange(FIRST_YEAR, LAST_YEAR),
    default=None,
    help="报告年度 (report year); default: the year after --from, else last year",
)
@click.option("--agency", default=None, help="机关名称 (agency name); default: from --from")
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in AdminLevel]),
    default=None,
    help="行政级别 (administrative level); default: from --from",
)
@click.option(
    "--from",
    "previous",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="上年度数据文件：带入上年结转数、上年数字和文字初稿 (last year's data file)",
)
def workbook(
    output: Path, year: int | None, agency: str | None, level: str | None, previous: Path | None
) -> None:
    """写出填报工作簿（.xlsx），按官方表格式，自动合计和校验 (write the fill-in workbook).

    填好后：govreport validate 2025.xlsx；govreport render 2025.xlsx -f docx；
    govreport convert 2025.xlsx 2025.yaml。
    """
    if output.suffix.lower() not in SUFFIXES:
        raise click.BadParameter(
            f"应为 .xlsx 文件，实际为 “{output.name}” (the workbook is an .xlsx file)",
            param_hint="-o/--output",
        )
    last = _last_year(previous) if previous is not None else None
    if year is None and last is None:
        year = datetime.date.today().year - 1
    data = blank_workbook(
        previous=last,
        year=year,
        agency=agency,
        level=AdminLevel(level) if level else None,
    )
    # A target that cannot be written is an OutputWriteError (exit 2), nothing left behind.
    written = save_workbook(data, output)
    click.echo(f"已写出 (written)：{written}")
