"""What the commands share: loading a data file the CLI way, and exiting cleanly."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import click

from govreport.io import LoadResult, UnreadableFileError, format_problem
from govreport.plugins import Engine, default_engine

FC = TypeVar("FC", bound=Callable[..., object])

EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class UnreadableInput(click.ClickException):
    """Input that cannot be read at all: exit status 2."""

    exit_code = EXIT_UNREADABLE

    def show(self, file: object = None) -> None:
        click.echo(f"错误 (error)：{self.message}", err=True)


def engine(*, report_failures: bool = True) -> Engine:
    """The shared engine; plugin load failures go to stderr once, one line each.

    ``govreport plugins`` lists the failures itself, so it asks for none here.
    """
    eng = default_engine()
    if report_failures:
        _report_failures_once(eng)
    return eng


@functools.cache
def _report_failures_once(eng: Engine) -> None:
    for failure in eng.failures:
        click.echo(failure.line(), err=True)


def load(path: Path) -> LoadResult:
    """Load a data file, mapping unreadable input to exit status 2."""
    try:
        return engine().load_report(path)
    except UnreadableFileError as exc:
        raise UnreadableInput(str(exc)) from None


def load_clean(path: Path, refusal: str) -> LoadResult:
    """:func:`load`, refusing a file with errors: each printed, then ``refusal`` (exit 1)."""
    loaded = load(path)
    errors = loaded.errors
    if errors:
        for problem in errors:
            click.echo(format_problem(problem, loaded.source), err=True)
        raise click.ClickException(refusal)
    return loaded


def path_argument(name: str) -> Callable[[FC], FC]:
    """A data-file argument; click checks nothing so that we can say what is wrong."""
    return click.argument(name, type=click.Path(path_type=Path, dir_okay=False))


#: Last year's data file: rule R6 (结转) and the year-on-year chart.
previous_option = click.option(
    "--previous",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="上年度数据文件，用于核对结转数和同比图 (last year's data file: rule R6, charts)",
)


#: ``-f FORMAT``, repeatable: the output formats of ``render`` and ``batch``.
formats_option = click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    default=("txt",),
    show_default=True,
    help="输出格式，可多次给出 (output format; repeatable). See `govreport plugins`.",
)


#: ``--option NAME=VALUE``, repeatable: a format option (see :func:`parse_options`).
options_option = click.option(
    "--option",
    "raw_options",
    multiple=True,
    metavar="NAME=VALUE",
    help="格式选项 (a format option), e.g. --option width=80",
)

#: ``--force``: render a report that has errors.
force_option = click.option(
    "--force", is_flag=True, help="有校验错误也生成 (render despite errors)"
)


def parse_options(pairs: Sequence[str]) -> dict[str, str]:
    """``--option`` values as a mapping; a value without ``=`` is a usage error."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(
                f"应为 名称=值 (NAME=VALUE)，实际为 {pair!r}", param_hint="--option"
            )
        out[name.strip()] = value
    return out


def format_option(help_text: str) -> Callable[[FC], FC]:
    """``--format text|json``: text for people, JSON for programs."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )
