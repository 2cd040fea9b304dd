"""Reports that stretch the layout: very long texts, and a table 三 of three pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: The two PDF routes: Typst, and the Word output converted by LibreOffice.
ROUTES = ("pdf", "docx-pdf")
#: Every bundled example and the long report.
NAMES = (*sorted(p.stem for p in EXAMPLES.glob("*.yaml")), "long-2024")

#: Six digits in every cell (eight in the totals): as wide as a cell holds.
_BIG = 123_456


def _rows(node: Any) -> Any:
    if isinstance(node, list):
        return [_BIG + i for i in range(6)]
    return {key: _rows(value) for key, value in node.items()}


def _count(node: Any) -> int:
    return 1 if isinstance(node, list) else sum(_count(v) for v in node.values())


def long_report(folder: Path) -> Path:
    """pingtan-2024 with every narrative eight times as long and nine-digit counts in table 三."""
    data = yaml.safe_load((EXAMPLES / "pingtan-2024.yaml").read_text(encoding="utf-8"))
    for key, text in data["overview"].items():
        data["overview"][key] = "".join([text] * 8)
    data["opening"] = data["opening"] * 3
    results = {k: v for k, v in data["applications"]["results"].items() if k != "total"}
    data["applications"] = {
        "received": [_BIG + i for i in range(6)],
        "carried_over": [_BIG + i for i in range(6)],
        "results": _rows(results),
        "carried_forward": [0] * 6,
    }
    # 一 + 二 = （七） + 四 in every column: each result row holds _BIG + i.
    rows = _count(results)
    data["applications"]["received"] = [(rows - 1) * (_BIG + i) for i in range(6)]
    data["problems"]["problems_intro"] = data["problems"]["problems_intro"] * 6
    path = folder / "long-2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
