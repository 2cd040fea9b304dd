"""The checked-in Limits page is exactly what the generator writes, and every limit has a reason."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from govreport import limits

from .scripts import load_script


def _generator() -> ModuleType:
    return load_script("limits_reference")


def test_page_is_current() -> None:
    gen = _generator()
    assert gen.PAGE.read_text(encoding="utf-8") == gen.render(), (
        "docs/limits.md is stale: run python scripts/limits_reference.py"
    )


def test_every_limit_has_a_reason() -> None:
    found = _generator().read_limits()
    assert found, "no constant read from govreport/limits.py"
    missing = [limit.name for limit in found if not limit.reason]
    assert not missing, f"limits without a #: comment saying why: {missing}"


def test_every_constant_of_the_module_is_read() -> None:
    # A constant the ast reader missed (say, assigned by unpacking) would be
    # enforced but not documented.
    public = {name for name in vars(limits) if name.isupper() and not name.startswith("_")}
    assert {limit.name for limit in _generator().read_limits()} == public


def test_every_limit_has_a_row() -> None:
    gen = _generator()
    page = gen.render()
    for limit in gen.read_limits():
        (row,) = [line for line in page.splitlines() if line.startswith(f"| `{limit.name}` |")]
        assert gen.readable(limit.name, limit.value) in row


def test_values_in_readable_units() -> None:
    readable = _generator().readable
    assert readable("MAX_DATA_FILE_BYTES", 5 * 1024 * 1024) == "5 MiB (5,242,880 bytes)"
    assert readable("MAX_X_BYTES", 1536) == "1.5 KiB (1,536 bytes)"
    assert readable("MAX_X_BYTES", 1000) == "1,000 bytes"
    assert readable("X_SECONDS", 1.0) == "1 s"
    assert readable("X_SECONDS", 600) == "600 s (10 min)"
    assert readable("MAX_COUNT", 10**9) == "1,000,000,000 (10⁹)"
    assert readable("MAX_X_RATIO", 100) == "100 : 1"
    assert readable("MAX_X_ITERATIONS", 100_000) == "100,000 (10⁵) iterations"
    assert readable("MAX_X_CHARS", 80) == "80 characters"


def test_reason_is_the_comment_block_above(tmp_path: Path) -> None:
    source = tmp_path / "limits.py"
    source.write_text(
        "from typing import Final\n"
        "#: First line,\n#: second line.\nMAX_DATA_DEPTH: Final = 1\n\n"
        "MAX_COUNT = 2  # a trailing comment is no reason\n",
        encoding="utf-8",
    )
    found = _generator().read_limits(source)
    assert [(f.name, f.reason) for f in found] == [
        ("MAX_DATA_DEPTH", "First line, second line."),
        ("MAX_COUNT", ""),
    ]


def test_check_mode_reports_a_stale_page(tmp_path: Path, monkeypatch, capsys) -> None:
    gen = _generator()
    monkeypatch.setattr(gen, "PAGE", tmp_path / "limits.md")
    assert gen.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert gen.main([]) == 0
    assert gen.main(["--check"]) == 0
