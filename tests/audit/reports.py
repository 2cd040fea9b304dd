"""Report files for the audit tests, made from the real 平潭 2024 example.

Each is the example with one thing changed, as real published reports get it
wrong (see ../shared/domain/official-format.md): table 四's 总计 left at 0 next
to non-zero cells; a text that says 17 applications, written ``17 件``, while
the table says 95.
"""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).parents[2] / "examples"
PINGTAN_2024 = EXAMPLES / "pingtan-2024.yaml"
PINGTAN_2025 = EXAMPLES / "pingtan-2025.yaml"

_REVIEW = "review: {upheld: 2, corrected: 1, other: 3, pending: 1, total: 7}"
_ON_REQUEST = "全年办理政府信息公开申请218件。"


def _example(agency: str | None = None, source: Path = PINGTAN_2024) -> str:
    text = source.read_text(encoding="utf-8")
    if agency is not None:
        text = text.replace("  name: 平潭综合实验区\n", f"  name: {agency}\n", 1)
    return text


def clean(folder: Path, name: str = "clean.yaml", agency: str = "甲区") -> Path:
    path = folder / name
    path.write_text(_example(agency), encoding="utf-8")
    return path


def review_total_zero(folder: Path, name: str = "zero.yaml", agency: str = "乙区") -> Path:
    text = _example(agency)
    assert _REVIEW in text
    path = folder / name
    path.write_text(text.replace(_REVIEW, _REVIEW.replace("total: 7", "total: 0")), "utf-8")
    return path


def says_17_of_95(folder: Path, name: str = "seventeen.yaml", agency: str = "丙区") -> Path:
    """The text says 17 applications (``17 件``); table 三 says 95, and balances."""
    text = _example(agency)
    assert _ON_REQUEST in text
    text = text.replace(_ON_REQUEST, "全年共收到政府信息公开申请 17 件。")
    # 218 received → 95: 自然人 217 → 94 and （一）予以公开 71 → 0 + …: move the
    # difference (123) out of the rows that hold it, so the table still balances.
    edits = {
        "received: [217, 1, 0, 0, 0, 0, 218]": "received: [94, 1, 0, 0, 0, 0, 95]",
        "disclosed: [71, 0, 0, 0, 0, 0, 71]": "disclosed: [23, 0, 0, 0, 0, 0, 23]",
        "not_held: [75, 0, 0, 0, 0, 0, 75]": "not_held: [0, 0, 0, 0, 0, 0, 0]",
        "total: [217, 1, 0, 0, 0, 0, 218]": "total: [94, 1, 0, 0, 0, 0, 95]",
    }
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def unreadable(folder: Path, name: str = "broken.yaml") -> Path:
    path = folder / name
    path.write_text("agency: [unclosed\n", encoding="utf-8")
    return path


def next_year(folder: Path, name: str, agency: str) -> Path:
    """平潭 2025 under another name: its 上年结转 matches 2024's 结转下年度 (both 0)."""
    path = folder / name
    path.write_text(_example(agency, PINGTAN_2025), encoding="utf-8")
    return path
