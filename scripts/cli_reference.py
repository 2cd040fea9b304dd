"""Write docs/reference/cli.md from the click definitions of ``govreport``.

Commands, arguments, options, types, defaults and help texts come from the
click objects, so the page cannot drift from the code.  Click does not know
what exit status a command ends with, so that is data here, in
``EXIT_STATUSES``, with the numbers taken from ``govreport.cli.common``; the
test checks that every command has an entry and that each documented status
really happens.  Run

    python scripts/cli_reference.py           # rewrite the page
    python scripts/cli_reference.py --check   # exit 1 if the page is stale

``tests/docs/test_cli_reference.py`` fails when the checked-in page is not
what this script writes.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from govreport.cli.common import EXIT_FINDINGS, EXIT_UNREADABLE
from govreport.cli.main import EXIT_INTERNAL, cli
from govreport.errors import PluginError
from govreport.fileio import refresh

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "cli.md"
PROG = "govreport"

OK = 0
#: click's own status for a usage error (unknown option, bad value, missing argument).
USAGE = click.UsageError.exit_code
#: ClickException's status: the command refused, with a message, and wrote nothing.
REFUSED = click.ClickException.exit_code

_USAGE_TEXT = "usage error: unknown option, invalid value, missing argument"

#: The statuses of every command, for the summary at the top of the page.
SUMMARY: dict[int, str] = {
    OK: "success; for `validate`, no errors (warnings and notices do not count)",
    EXIT_FINDINGS: "findings or refusal: the data has errors, or the command refused and "
    "wrote nothing",
    EXIT_UNREADABLE: "unreadable input (a file that is missing or cannot be parsed, an unknown "
    "format, an unusable template or option), or a usage error",
    PluginError.exit_status: "a plugin failed, while loading or in one of its hooks; the "
    "message names the plugin and the hook",
    EXIT_INTERNAL: "a defect in govreport itself: rerun with `--debug` for the traceback "
    "and report it",
    130: "interrupted (Ctrl-C); nothing half-written is left behind",
    143: "ended by SIGTERM (or 129 by SIGHUP); nothing half-written is left behind",
}

#: What each command's exit statuses mean, by command path.  Worked out from
#: govreport/cli/*.py; tests/docs/test_cli_reference.py runs every one.
EXIT_STATUSES: dict[str, dict[int, str]] = {
    "govreport": {
        OK: "`--version` or `--help`",
        USAGE: "no command given (the help is printed) or an unknown command",
    },
    "govreport new": {
        OK: "the skeleton was printed",
        USAGE: _USAGE_TEXT + " (e.g. an unknown `--level`)",
    },
    "govreport validate": {
        OK: "no errors; warnings and notices (提示) may have been listed",
        EXIT_FINDINGS: "at least one error in the data file or in the `--previous` file",
        EXIT_UNREADABLE: "the data file or the `--previous` file cannot be read (missing, "
        "not a file, not YAML/JSON/TOML, syntax error); or a " + _USAGE_TEXT,
    },
    "govreport render": {
        OK: "every requested format was written",
        EXIT_FINDINGS: "the data has errors and `--force` was not given: nothing was written, "
        "the errors are listed on stderr; or, with `--force`, a text that cannot be printed "
        "(a placeholder that cannot be evaluated, P1)",
        EXIT_UNREADABLE: "a data file cannot be read; an unknown `--format`; a `--option` "
        "that is not NAME=VALUE or that the format does not accept; an unusable `--template`; "
        "or a " + _USAGE_TEXT,
    },
    "govreport convert": {
        OK: "the converted file was written",
        REFUSED: "the data file has errors: they are listed and nothing is written",
        EXIT_UNREADABLE: "the data file cannot be read; the target is not .yaml, .yml, .json, "
        ".toml or a suffix a data writer takes (.xlsx: the workbook); the writer cannot hold "
        "the report or the target cannot be written; or a " + _USAGE_TEXT,
    },
    "govreport workbook": {
        OK: "the workbook was written",
        REFUSED: "last year's data file (`--from`) has errors: they are listed and nothing is "
        "written",
        EXIT_UNREADABLE: "the `--from` file cannot be read; the output is not .xlsx or cannot "
        "be written; or a " + _USAGE_TEXT,
    },
    "govreport import": {
        OK: "the data file was written; the report's own arithmetic errors are listed but do "
        "not fail an import (they are what the agency published)",
        EXIT_FINDINGS: "the data file was written, but part of the report could not be read "
        "(an error the import noted, or a value the data file refuses): the places are listed",
        EXIT_UNREADABLE: "the published file cannot be read (missing, not HTML, Word, PDF or "
        "text, a scan without a text layer, too large) or the data file cannot be written; or "
        "a " + _USAGE_TEXT,
    },
    "govreport audit": {
        OK: "no report has errors and every file could be read (with `--strict`, no warnings "
        "either)",
        EXIT_FINDINGS: "a report has errors, or a file or path cannot be read (it is listed with "
        "the reason and the others are checked); with `--strict`, warnings too",
        USAGE: _USAGE_TEXT + "; or a `--json`, `--csv` or `--annotate` target that cannot be "
        "written",
    },
    "govreport aggregate": {
        OK: "the aggregate was written (or printed); with `--check`, the tables equal the sum "
        "of the units",
        EXIT_FINDINGS: "with `--check`, a cell differs, a listed unit is missing, or a unit is "
        "of another year or given twice; without it, such a unit or a data file with errors: "
        "nothing is written",
        EXIT_UNREADABLE: "the parent, a unit or the `--expect` list cannot be read; or a "
        + _USAGE_TEXT,
    },
    "govreport batch": {
        OK: "every input was rendered, or skipped by `--resume` as done already",
        EXIT_FINDINGS: "a report has errors in its data and `--force` was not given: it is "
        "listed with its errors, nothing is written for it, and the other inputs are rendered",
        EXIT_UNREADABLE: "an input cannot be read (missing, no match for a glob, not a data "
        "file, a syntax error) or its outputs cannot be written: it is listed with the reason "
        "and the others are rendered; an unknown `--format`, a `--json` that cannot be "
        "written; or a " + _USAGE_TEXT + ". The worst input decides: 2 over 1 (a plugin that "
        "fails on an input gives 3, a defect 4)",
    },
    "govreport check-layout": {
        OK: "the PDF's layout follows GB/T 9704 (warnings, such as a substituted font for a "
        "few characters, are listed but do not count)",
        EXIT_FINDINGS: "a rule is broken: lines on a full page, characters a line, the text "
        "outside the 版心, the page number's text, size or side, a heading or the body in "
        "the wrong face, a table row split across pages; each is listed with its page",
        EXIT_UNREADABLE: "the file cannot be measured (missing, not a PDF, encrypted, corrupt, "
        "a scan without a text layer, over the page, size or time bounds); or a " + _USAGE_TEXT,
    },
    "govreport plugins": {
        OK: "the list was printed, including plugins that failed to load",
        USAGE: _USAGE_TEXT,
    },
    "govreport serve": {
        OK: "`--help`, or the server was stopped by Ctrl-C or SIGTERM",
        EXIT_UNREADABLE: "the data folder cannot be made or used, the address cannot be bound "
        "(the port is taken), or " + _USAGE_TEXT,
    },
    "govreport template": {
        OK: "`--help`",
        USAGE: "no subcommand given (the help is printed) or an unknown subcommand",
    },
    "govreport template export": {
        OK: "the template was written",
        REFUSED: "the file exists and `--force` was not given, or it cannot be written",
        USAGE: _USAGE_TEXT,
    },
    "govreport template check": {
        OK: "the template is usable",
        EXIT_FINDINGS: "the template has problems (listed one per line), or cannot be read",
        USAGE: _USAGE_TEXT,
    },
}

HEADER = """\
# 命令行参考 (command-line reference)

<!-- Generated by scripts/cli_reference.py from the click definitions in govreport.cli.
     Do not edit by hand: run `python scripts/cli_reference.py`. -->

Every command of `govreport`, with every argument and option, generated from the code.
Each command also accepts `-h` / `--help`. The [user guide](../user-guide.md) shows the
commands at work on the bundled examples; plugins may add output formats
(`govreport plugins` lists what is installed).

## 退出状态 (exit statuses)

Scripts and CI jobs can rely on these; each command's section says when it uses which.
"""


def walk(
    command: click.Command = cli, parent: click.Context | None = None
) -> Iterator[click.Context]:
    """A context for the group and each command under it, depth first, by name."""
    name = PROG if parent is None else command.name
    ctx = command.make_context(name, [], parent=parent, resilient_parsing=True)
    yield ctx
    if isinstance(command, click.Group):
        for sub_name in sorted(command.commands):
            yield from walk(command.commands[sub_name], ctx)


#: click's marker for "no default" (click >= 8.3; older versions use None).
_UNSET = getattr(click.core, "UNSET", None)


def _escape(text: str) -> str:
    # Help texts are plain text: "<article>" must not become an HTML tag.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return " ".join(_escape(text).replace("|", "\\|").split())


def _help(command: click.Command) -> str:
    # click shows the docstring up to a form feed; so do we.
    text = inspect.cleandoc(command.help or "")
    return text.split("\f")[0].strip()


def _type(param: click.Parameter) -> str:
    kind = param.type
    if isinstance(param, click.Option) and param.is_flag:
        text = "flag"
    elif isinstance(kind, click.Choice):
        text = "one of " + ", ".join(f"`{c}`" for c in kind.choices)
    elif isinstance(kind, click.Path):
        what = "file" if not kind.dir_okay else "folder" if not kind.file_okay else "file or folder"
        text = f"path to a {what}"
    elif kind is click.INT:
        text = "integer"
    elif kind is click.FLOAT:
        text = "number"
    elif kind is click.STRING:
        text = "text"
    else:
        text = kind.name
    if isinstance(param, click.Option) and param.metavar:
        text += f" `{param.metavar}`"
    if param.multiple:
        text += "; repeatable"
    return text


def _default(param: click.Parameter, ctx: click.Context) -> str:
    value = param.get_default(ctx, call=False)
    if callable(value):
        return "computed"
    if isinstance(param, click.Option) and param.is_flag and not param.secondary_opts:
        return "on" if value else "off"
    if value is None or value is _UNSET or value in ((), []):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(f"`{v}`" for v in value)
    return f"`{value}`"


def _names(param: click.Parameter) -> str:
    return ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))


def _arguments(ctx: click.Context) -> list[str]:
    args = [p for p in ctx.command.params if isinstance(p, click.Argument)]
    if not args:
        return []
    lines = [
        "**Arguments**",
        "",
        "| argument | type | required | default |",
        "| --- | --- | --- | --- |",
    ]
    for arg in args:
        required = "yes" if arg.required else "no"
        lines.append(
            f"| `{arg.make_metavar(ctx)}` | {_cell(_type(arg))} | {required} "
            f"| {_default(arg, ctx)} |"
        )
    return [*lines, ""]


def _options(ctx: click.Context) -> list[str]:
    options = [p for p in ctx.command.get_params(ctx) if isinstance(p, click.Option)]
    lines = [
        "**Options**",
        "",
        "| option | type | default | description |",
        "| --- | --- | --- | --- |",
    ]
    for opt in options:
        lines.append(
            f"| {_names(opt)} | {_cell(_type(opt))} | {_default(opt, ctx)} "
            f"| {_cell(opt.help or '')} |"
        )
    return [*lines, ""]


def _subcommands(ctx: click.Context) -> list[str]:
    group = ctx.command
    if not isinstance(group, click.Group):
        return []
    lines = ["**Commands**", "", "| command | what it does |", "| --- | --- |"]
    for name in sorted(group.commands):
        sub = group.commands[name]
        path = f"{ctx.command_path} {name}"
        anchor = path.replace(" ", "-")
        lines.append(f"| [`{path}`](#{anchor}) | {_cell(sub.get_short_help_str(limit=200))} |")
    return [*lines, ""]


def _exit_statuses(ctx: click.Context) -> list[str]:
    statuses = EXIT_STATUSES.get(ctx.command_path)
    if statuses is None:
        raise KeyError(f"no exit statuses for {ctx.command_path!r}: add them to EXIT_STATUSES")
    lines = ["**Exit status**", "", "| status | when |", "| --- | --- |"]
    lines += [f"| {code} | {_cell(when)} |" for code, when in sorted(statuses.items())]
    return [*lines, ""]


def section(ctx: click.Context) -> list[str]:
    usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
    return [
        f"## `{ctx.command_path}`",
        "",
        "```text",
        usage,
        "```",
        "",
        _escape(_help(ctx.command)),
        "",
        *_arguments(ctx),
        *_options(ctx),
        *_subcommands(ctx),
        *_exit_statuses(ctx),
    ]


def summary() -> list[str]:
    lines = ["", "| status | meaning |", "| --- | --- |"]
    lines += [f"| {code} | {_cell(text)} |" for code, text in sorted(SUMMARY.items())]
    return [*lines, ""]


def render() -> str:
    lines = summary()
    for ctx in walk():
        lines += section(ctx)
    return HEADER + "\n".join(lines)


def main(argv: list[str]) -> int:
    command = "python scripts/cli_reference.py"
    return refresh(PAGE, render(), check="--check" in argv, command=command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
