"""Sub-commands are imported when used: `validate` does not load audit's or aggregate's stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from govreport.cli.lazy import LazyCommands
from govreport.cli.main import cli

EXAMPLE = Path(__file__).parents[2] / "examples" / "shuangpu-2024.yaml"


def _last_line(code: str) -> str:
    """The last line ``code`` prints, run in a fresh interpreter (nothing imported yet)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def test_validate_imports_no_other_command() -> None:
    code = (
        "import sys\n"
        "from govreport.cli.main import main\n"
        f"status = main(['validate', {str(EXAMPLE)!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith(('govreport.audit', "
        "'govreport.aggregation', 'govreport.cli.audit', 'govreport.cli.aggregate', 'rich'))]\n"
        "print(status, loaded)\n"
    )
    out = _last_line(code)
    assert out == "0 []"


def test_every_command_resolves_and_is_listed() -> None:
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert names == sorted(names) and "import" in names and "audit" in names
    for name in names:
        command = cli.get_command(ctx, name)
        assert isinstance(command, click.Command) and command.name == name


def test_a_target_that_is_no_command_is_refused() -> None:
    commands = LazyCommands({"x": ("govreport.cli.lazy:LazyCommands", "")})
    with pytest.raises(TypeError, match="not a click command"):
        commands["x"]


@pytest.mark.parametrize("limit", [30, 45, 74, 200])
def test_each_summary_in_the_table_is_its_commands_own_short_help(limit: int) -> None:
    table = cli.commands
    assert isinstance(table, LazyCommands)
    fresh = LazyCommands({name: (table._targets[name], table._summaries[name]) for name in table})
    for name in table:
        listed = fresh.short_help(name, limit)  # from the table, nothing imported
        assert listed == table[name].get_short_help_str(limit), name


def test_help_imports_no_command() -> None:
    code = (
        "import sys\n"
        "from govreport.cli.main import main\n"
        "status = main(['--help'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('govreport.cli.') "
        "and m not in ('govreport.cli.main', 'govreport.cli.lazy'))\n"
        "print(status, loaded, 'openpyxl' in sys.modules, 'govreport.plugins' in sys.modules)\n"
    )
    out = _last_line(code)
    assert out == "0 [] False False"


def test_rendering_a_data_file_imports_no_spreadsheet_or_pdf_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from govreport.cli.main import main\n"
        f"status = main(['render', {str(EXAMPLE)!r}, '-f', 'txt', '-o', {str(tmp_path)!r}])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'pdfplumber', "
        "'typst', 'rich'})\n"
        "print(status, heavy)\n"
    )
    out = _last_line(code)
    assert out == "0 []"
