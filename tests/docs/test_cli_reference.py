"""The command-line reference is generated from click, is current, and says true things.

docs/reference/cli.md is written by scripts/cli_reference.py.  These tests fail
when the page is stale, when a command, argument or option is missing from it,
when a command has no documented exit statuses, and when a documented exit
status does not happen: each one is provoked below through ``govreport.cli.main.main``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import click
import pytest

from govreport.cli.main import cli, main

from .scripts import load_script

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shuangpu-2024.yaml"


def _generator() -> ModuleType:
    return load_script("cli_reference")


GEN = _generator()


def _commands(
    command: click.Command = cli, path: str = "govreport"
) -> Iterator[tuple[str, click.Command]]:
    """Every command path, found through click's API, independently of the generator."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}")


def _sections(page: str) -> dict[str, str]:
    parts = re.split(r"^## `(.+?)`\s*$", page, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_page_is_current() -> None:
    assert GEN.PAGE.read_text(encoding="utf-8") == GEN.render(), (
        "docs/reference/cli.md is stale: run python scripts/cli_reference.py"
    )


def test_check_mode_reports_a_stale_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "cli.md"
    stale.write_text(GEN.render().replace("--previous", "--prev"), encoding="utf-8")
    monkeypatch.setattr(GEN, "PAGE", stale)
    assert GEN.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    stale.write_text(GEN.render(), encoding="utf-8")
    assert GEN.main(["--check"]) == 0


def test_every_command_argument_and_option_is_documented() -> None:
    sections = _sections(GEN.render())
    for path, command in _commands():
        assert path in sections, f"no section for {path!r}"
        text = sections[path]
        ctx = command.make_context(path.split()[-1], [], resilient_parsing=True)
        for param in command.params:
            if isinstance(param, click.Argument):
                assert f"`{param.make_metavar(ctx)}`" in text, (path, param.name)
            for opt in (*param.opts, *param.secondary_opts):
                if isinstance(param, click.Option):
                    assert f"`{opt}`" in text, (path, opt)
            if isinstance(param, click.Option) and param.help:
                assert GEN._cell(param.help) in text, (path, param.name)
        assert GEN._escape(GEN._help(command)).splitlines()[0] in text


def test_exit_statuses_cover_exactly_the_commands() -> None:
    assert set(GEN.EXIT_STATUSES) == {path for path, _ in _commands()}


def test_the_summary_explains_every_status_a_command_uses() -> None:
    used = {code for statuses in GEN.EXIT_STATUSES.values() for code in statuses}
    assert used <= set(GEN.SUMMARY)


def test_a_command_without_exit_statuses_stops_the_generator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(GEN.EXIT_STATUSES, "govreport render")
    with pytest.raises(KeyError, match="govreport render"):
        GEN.render()


# ------------------------------------------------ each documented status really happens


def _broken(tmp_path: Path) -> Path:
    """The example with a bad value (D2, a load error) and a wrong stated total (R1)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("received: [23, 0, 0, 0, 0, 0]", "received: [23, 0, 0, 0, 0, 0, 24]")
    text = text.replace("punishment: 15", "punishment: 十五")
    target = tmp_path / "broken.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def _existing(tmp_path: Path) -> Path:
    target = tmp_path / "exists.docx"
    target.write_bytes(b"")
    return target


def _exported(tmp_path: Path) -> Path:
    target = tmp_path / "template.docx"
    assert main(["template", "export", str(target)]) == 0
    return target


def _published(tmp_path: Path) -> Path:
    """The example as a published HTML page, rendered by govreport itself."""
    assert main(["render", str(EXAMPLE), "-f", "html", "-o", str(tmp_path)]) == 0
    (page,) = tmp_path.glob("*.html")
    return page


def _pdf(tmp_path: Path, *options: str) -> Path:
    """The example as a PDF (the Typst route), with ``--option`` values."""
    argv = ["render", str(EXAMPLE), "-f", "pdf", "-o", str(tmp_path)]
    assert main([*argv, *(x for o in options for x in ("--option", o))]) == 0
    return tmp_path / f"{EXAMPLE.stem}.pdf"


Scenario = Callable[[Path], list[str]]
SCENARIOS: dict[tuple[str, int], Scenario] = {
    ("govreport", 0): lambda t: ["--version"],
    ("govreport", 2): lambda t: [],
    ("govreport new", 0): lambda t: ["new", "--year", "2025"],
    ("govreport new", 2): lambda t: ["new", "--level", "nowhere"],
    ("govreport validate", 0): lambda t: ["validate", str(EXAMPLE)],
    ("govreport validate", 1): lambda t: ["validate", str(_broken(t))],
    ("govreport validate", 2): lambda t: ["validate", str(t / "missing.yaml")],
    ("govreport render", 0): lambda t: ["render", str(EXAMPLE), "-o", str(t)],
    ("govreport render", 1): lambda t: ["render", str(_broken(t)), "-o", str(t)],
    ("govreport render", 2): lambda t: ["render", str(EXAMPLE), "-f", "nosuch", "-o", str(t)],
    ("govreport convert", 0): lambda t: ["convert", str(EXAMPLE), str(t / "x.json")],
    ("govreport convert", 1): lambda t: ["convert", str(_broken(t)), str(t / "x.json")],
    ("govreport convert", 2): lambda t: ["convert", str(t / "missing.yaml"), str(t / "x.json")],
    ("govreport workbook", 0): lambda t: [
        "workbook",
        "-o",
        str(t / "w.xlsx"),
        "--from",
        str(EXAMPLE),
    ],
    ("govreport workbook", 1): lambda t: [
        "workbook",
        "-o",
        str(t / "w.xlsx"),
        "--from",
        str(_broken(t)),
    ],
    ("govreport workbook", 2): lambda t: ["workbook", "-o", str(t / "w.xls")],
    ("govreport import", 0): lambda t: ["import", str(_published(t)), "-o", str(t / "x.yaml")],
    ("govreport import", 1): lambda t: ["import", str(_broken(t)), "-o", str(t / "x.yaml")],
    ("govreport import", 2): lambda t: ["import", str(t / "missing.html"), "-o", str(t / "x.yaml")],
    ("govreport audit", 0): lambda t: ["audit", str(EXAMPLE)],
    ("govreport audit", 1): lambda t: ["audit", str(_broken(t))],
    ("govreport audit", 2): lambda t: ["audit"],
    ("govreport aggregate", 0): lambda t: ["aggregate", str(EXAMPLE), str(EXAMPLE)],
    # The same unit twice: summed once, and an error.
    ("govreport aggregate", 1): lambda t: ["aggregate", "--check", *[str(EXAMPLE)] * 3],
    ("govreport aggregate", 2): lambda t: ["aggregate", str(EXAMPLE), str(t / "missing.yaml")],
    ("govreport check-layout", 0): lambda t: ["check-layout", str(_pdf(t))],
    ("govreport check-layout", 1): lambda t: ["check-layout", str(_pdf(t, "char_spacing=0"))],
    ("govreport check-layout", 2): lambda t: ["check-layout", str(EXAMPLE)],
    ("govreport batch", 0): lambda t: ["batch", str(EXAMPLE), "-o", str(t), "--jobs", "1"],
    ("govreport batch", 1): lambda t: ["batch", str(_broken(t)), "-o", str(t), "--jobs", "1"],
    ("govreport batch", 2): lambda t: ["batch", str(t / "missing.yaml"), "-o", str(t)],
    ("govreport plugins", 0): lambda t: ["plugins"],
    ("govreport plugins", 2): lambda t: ["plugins", "--no-such-option"],
    ("govreport serve", 0): lambda t: ["serve", "--help"],
    # The data folder would be made below a file: nothing is served.
    ("govreport serve", 2): lambda t: ["serve", "--port", "0", "--data", str(_existing(t) / "d")],
    ("govreport template", 0): lambda t: ["template", "--help"],
    ("govreport template", 2): lambda t: ["template"],
    ("govreport template export", 0): lambda t: ["template", "export", str(t / "t.docx")],
    ("govreport template export", 1): lambda t: ["template", "export", str(_existing(t))],
    ("govreport template export", 2): lambda t: ["template", "export", "--no-such-option"],
    ("govreport template check", 0): lambda t: ["template", "check", str(_exported(t))],
    ("govreport template check", 1): lambda t: ["template", "check", str(t / "missing.docx")],
    ("govreport template check", 2): lambda t: ["template", "check"],
}


def test_every_documented_status_has_a_scenario() -> None:
    documented = {(path, code) for path, statuses in GEN.EXIT_STATUSES.items() for code in statuses}
    assert documented == set(SCENARIOS)


@pytest.mark.parametrize("case", sorted(SCENARIOS), ids=lambda c: f"{c[0]}={c[1]}")
def test_documented_status_happens(
    case: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = SCENARIOS[case](tmp_path)
    assert _exit_status(argv) == case[1], capsys.readouterr()


def _exit_status(argv: list[str]) -> int:
    """The status the ``govreport`` process ends with: main's value, or a SystemExit's."""
    try:
        return main(argv)
    except SystemExit as exc:  # `template check` exits this way
        return exc.code if isinstance(exc.code, int) else 1
