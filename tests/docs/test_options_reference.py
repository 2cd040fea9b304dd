"""The checked-in options page is exactly what the generator writes, and lists every option."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from govreport.testing import make_engine

from .scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    return load_script("options_reference")


def test_page_is_current() -> None:
    gen = _generator()
    assert gen.PAGE.read_text(encoding="utf-8") == gen.render(), (
        "docs/options.md is stale: run python scripts/options_reference.py"
    )


def test_every_builtin_option_has_a_row() -> None:
    gen = _generator()
    page = gen.render()
    for name, fmt in make_engine().outputs.items():
        section = page.split(f"## `{name}` ")[1].split("\n## ")[0]
        for option, spec in fmt.options.items():
            (row,) = [line for line in section.splitlines() if line.startswith(f"| `{option}` ")]
            assert f"| {spec.type_name} |" in row
            assert gen._cell(spec.description) in row


def test_check_mode_reports_a_stale_page(tmp_path: Path, monkeypatch, capsys) -> None:
    gen = _generator()
    monkeypatch.setattr(gen, "PAGE", tmp_path / "options.md")
    assert gen.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert gen.main([]) == 0
    assert gen.main(["--check"]) == 0
