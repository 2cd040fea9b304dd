"""The ``govreport`` command line.

Messages meant for civil servants are Chinese, with the English field path
alongside for developers.  User mistakes end with a clear message and an exit
status, never a traceback: 0 clean, 1 errors found, 2 unreadable input.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from typing import Any

import click

from govreport import __version__
from govreport.cli.lazy import LazyCommands, LazyGroup
from govreport.errors import GovreportError

#: Exit status of a defect in govreport itself (please report it, with --debug).
EXIT_INTERNAL = 4
#: Set to 1 for tracebacks, like --debug.
DEBUG_ENV = "GOVREPORT_DEBUG"


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govreport")
@click.option(
    "--debug", is_flag=True, help="出错时显示完整的回溯信息 (show the traceback of an error)"
)
def cli(debug: bool) -> None:
    """政府信息公开工作年度报告：由数据生成、校验 (make and check the annual report).

    退出状态 (exit status)：0 成功；1 数据有错误或被拒绝生成；2 文件、模板、格式或选项
    无法使用；3 插件出错；4 govreport 自身的缺陷（请加 --debug 报告）。
    """


#: Every sub-command: where it is, and the summary ``--help`` lists beside it.
cli.commands = LazyCommands(
    {
        "new": (
            "govreport.cli.commands:new",
            "写出一份带注释的空白数据文件 (print a commented skeleton data file).",
        ),
        "validate": (
            "govreport.cli.commands:validate",
            "按官方勾稽规则校验数据文件 (check a data file against the official rules).",
        ),
        "render": (
            "govreport.cli.commands:render",
            "由数据文件生成报告 (render the report into one or more formats).",
        ),
        "convert": (
            "govreport.cli.commands:convert",
            "在 YAML / JSON / TOML / 工作簿（.xlsx）之间转换数据文件 (convert a data file).",
        ),
        "import": (
            "govreport.cli.importing:import_command",
            "读取已发布的年报（HTML 网页、Word、PDF、文本），写出数据文件 "
            "(import a published report).",
        ),
        "audit": (
            "govreport.cli.audit:audit",
            "批量核查报告文件和目录 (check many reports: every rule, across years, with evidence).",
        ),
        "aggregate": (
            "govreport.cli.aggregate:aggregate_command",
            "汇总报告（全区/全市）的表格为各单位之和 "
            "(an aggregate's tables as the sum of its units).",
        ),
        "batch": (
            "govreport.cli.batch:batch",
            "批量生成报告 (render many data files at once).",
        ),
        "workbook": (
            "govreport.cli.workbook:workbook",
            "写出填报工作簿（.xlsx），按官方表格式，自动合计和校验 (write the fill-in workbook).",
        ),
        "check-layout": (
            "govreport.cli.layout:check_layout_command",
            "按 GB/T 9704 测量报告 PDF 的版式 (measure a report's PDF against GB/T 9704).",
        ),
        "plugins": (
            "govreport.cli.plugins:plugins",
            "列出已加载的插件、输出格式及其选项、章节和规则 (list loaded plugins).",
        ),
        "serve": (
            "govreport.cli.serve:serve",
            "在浏览器中填报年度报告（本机网页表单）(the report form in a browser).",
        ),
        "template": (
            "govreport.cli.template:template_group",
            "Word 模板：导出默认模板、检查机关模板 (Word templates).",
        ),
    }
)


def main(argv: list[str] | None = None) -> int:
    previous = _exit_on_termination()
    try:
        return _main(argv)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _exit_on_termination() -> dict[int, Any]:
    """SIGTERM and SIGHUP end the command as an exception would, not abruptly.

    So ``finally`` blocks and ``atexit`` run: temporary files and folders go,
    LibreOffice is stopped.  (SIGKILL cannot be caught; the PDF output's
    watchdog and the next run's clean-up handle that.)  Returns the handlers
    replaced, to be put back.
    """

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous: dict[int, Any] = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        # Outside the main thread signals cannot be set: leave them alone.
        with contextlib.suppress(ValueError, OSError):
            previous[signum] = signal.signal(signum, terminate)
    return previous


def _main(argv: list[str] | None) -> int:
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of exiting.
        code = cli.main(args=argv, prog_name="govreport", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("已中止 (aborted)", err=True)
        return 130  # as a shell reports a command ended by Ctrl-C (128 + SIGINT)
    except GovreportError as exc:
        _show_traceback(argv)
        click.echo(f"错误 (error)：{exc}{_notes(exc)}", err=True)
        return exc.exit_status
    except Exception as exc:  # a defect of ours: still one line, never a bare traceback
        _show_traceback(argv)
        click.echo(
            f"内部错误 (internal error)：{type(exc).__name__}: {exc}{_notes(exc)}；"
            "请加 --debug 重新运行并报告此问题 (rerun with --debug and report it)",
            err=True,
        )
        return EXIT_INTERNAL
    return code if isinstance(code, int) else 0


def _notes(exc: BaseException) -> str:
    """What the command added on the way out (``add_note``), on the same line."""
    return "".join(f"；{note}" for note in getattr(exc, "__notes__", ()))


def _show_traceback(argv: list[str] | None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if "--debug" in args or os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
        traceback.print_exc()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
