"""Table 四 — 政府信息公开行政复议、行政诉讼情况, labels and geometry."""

from __future__ import annotations

from typing import Final

from govreport.spec.grid import CellRole, GridBuilder, TableSpec

PREFIX: Final = "review_litigation"
REVIEW: Final = "行政复议"
LITIGATION: Final = "行政诉讼"

#: The four outcomes, then the computed total: (model key, label).
OUTCOMES: Final[tuple[tuple[str, str], ...]] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
TOTAL: Final = ("total", "总计")

#: The three groups: (model key, label chain).
GROUPS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("review", (REVIEW,)),
    ("litigation_direct", (LITIGATION, "未经复议直接起诉")),
    ("litigation_after_review", (LITIGATION, "复议后起诉")),
)


def labels() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, chain in GROUPS:
        out[f"{PREFIX}.{key}"] = chain
        for o_key, o_label in (*OUTCOMES, TOTAL):
            out[f"{PREFIX}.{key}.{o_key}"] = (*chain, o_label)
    return out


def build() -> TableSpec:
    width = len(OUTCOMES) + 1
    g = GridBuilder(3 * width)
    g.new_row().add(CellRole.HEADER, REVIEW, colspan=width)
    g.add(CellRole.HEADER, LITIGATION, colspan=2 * width)
    g.new_row()
    for _, label in (*OUTCOMES, TOTAL):
        g.add(CellRole.HEADER, label, rowspan=2)
    for _, chain in GROUPS[1:]:
        g.add(CellRole.HEADER, chain[-1], colspan=width)
    g.new_row()
    for _ in GROUPS[1:]:
        for _, label in (*OUTCOMES, TOTAL):
            g.add(CellRole.HEADER, label)
    g.new_row()
    for key, _ in GROUPS:
        for o_key, _ in OUTCOMES:
            g.add(CellRole.VALUE, path=f"{PREFIX}.{key}.{o_key}")
        g.add(CellRole.TOTAL, path=f"{PREFIX}.{key}.total")
    return g.build(
        PREFIX, "政府信息公开行政复议、行政诉讼情况", header_rows=3, col_weights=(1,) * (3 * width)
    )
