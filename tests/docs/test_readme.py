"""The README's library example is a promise: run it as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def _python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_readme_has_a_library_example() -> None:
    assert _python_blocks()


@pytest.mark.parametrize("block", _python_blocks())
def test_readme_python_runs(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["findings"] == []  # the bundled example is clean
    assert bytes(namespace["docx_bytes"]).startswith(b"PK")  # type: ignore[call-overload]
