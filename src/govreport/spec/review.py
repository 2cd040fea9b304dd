"""Table 四 — 政府信息公开行政复议、行政诉讼情况, labels and geometry."""

from __future__ import annotations

from typing import Final, NamedTuple

from govreport.spec.grid import CellRole, GridBuilder, TableSpec
from govreport.spec.headings import section_title
from govreport.spec.labels import Label, Labels, by_key, label_set

PREFIX: Final = "review_litigation"
REVIEW: Final = "行政复议"
LITIGATION: Final = "行政诉讼"

#: The four outcomes, in official order: ``OUTCOMES.of("upheld").text``.
OUTCOMES: Final[Labels] = label_set(
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
#: The computed column of each group.
TOTAL: Final = Label("total", "总计")


class Group(NamedTuple):
    """A group of columns: 行政复议, or one of the two kinds of 行政诉讼."""

    key: str
    chain: tuple[str, ...]  # the header labels above it, outermost first

    @property
    def text(self) -> str:
        """The chain as one label: ``行政诉讼/未经复议直接起诉``."""
        return "/".join(self.chain)


#: The three groups, in official order.
GROUPS: Final[tuple[Group, ...]] = (
    Group("review", (REVIEW,)),
    Group("litigation_direct", (LITIGATION, "未经复议直接起诉")),
    Group("litigation_after_review", (LITIGATION, "复议后起诉")),
)


def group(key: str) -> Group:
    """A group by key: ``group("review").text`` → ``行政复议``."""
    return by_key(GROUPS, key, "review_litigation")


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
    return g.build(PREFIX, section_title(PREFIX), header_rows=3, col_weights=(1,) * (3 * width))
