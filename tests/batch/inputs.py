"""Batch inputs for the tests: copies of the bundled examples, some broken in known ways.

Built from ``examples/*.yaml`` (the synthetic generator may replace them): every
good input is a byte copy of one example, so its outputs can be compared with a
render of that example.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
SHUANGPU = REPO / "examples" / "shuangpu-2024.yaml"

#: Broken kind → (file text, what the reason or an error line says).
BROKEN: dict[str, tuple[str, str]] = {
    "unreadable": ("a: [1, 2\nb: {\n", "YAML"),
    "d2": (
        SHUANGPU.read_text(encoding="utf-8").replace("punishment: 15", "punishment: 十五"),
        "D2",
    ),
    "r1": (
        SHUANGPU.read_text(encoding="utf-8").replace(
            "received: [23, 0, 0, 0, 0, 0]", "received: [23, 0, 0, 0, 0, 0, 24]"
        ),
        "R1",
    ),
}


def make_inputs(folder: Path, n: int, *, broken: dict[str, str] | None = None) -> dict[str, Path]:
    """``n`` good inputs ``unit-NNN.yaml`` (copies of the examples, in turn) plus the broken.

    ``broken`` maps a file stem to a kind of :data:`BROKEN`.  Returns each
    good input's stem → the example it copies.
    """
    folder.mkdir(parents=True, exist_ok=True)
    copies: dict[str, Path] = {}
    for i in range(n):
        example = EXAMPLES[i % len(EXAMPLES)]
        stem = f"unit-{i:03d}"
        (folder / f"{stem}.yaml").write_bytes(example.read_bytes())
        copies[stem] = example
    for stem, kind in (broken or {}).items():
        (folder / f"{stem}.yaml").write_text(BROKEN[kind][0], encoding="utf-8")
    return copies
