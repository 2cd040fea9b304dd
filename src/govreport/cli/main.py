"""The ``govreport`` command line.

Messages meant for civil servants are Chinese, with the English field path
alongside for developers.  User mistakes end with a clear message and an exit
status, never a traceback: 0 clean, 1 errors found, 2 unreadable input.
"""

from __future__ import annotations

import sys

import click

from govreport import __version__
from govreport.cli.commands import convert, new, render, validate
from govreport.cli.plugins import plugins
from govreport.cli.template import template_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govreport")
def cli() -> None:
    """政府信息公开工作年度报告：由数据生成、校验 (make and check the annual report)."""


for command in (new, validate, render, convert, plugins, template_group):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of exiting.
        code = cli.main(args=argv, prog_name="govreport", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("已中止 (aborted)", err=True)
        return 1
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
