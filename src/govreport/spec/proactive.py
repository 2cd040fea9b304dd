"""Table 二 — 主动公开政府信息情况, labels and geometry."""

from __future__ import annotations

from typing import Final, NamedTuple

from govreport.spec.grid import CellRole, GridBuilder, TableSpec
from govreport.spec.headings import section_title
from govreport.spec.labels import Labels, label_set

INFO_CONTENT: Final = "信息内容"

#: Document columns of 第二十条第（一）项: ``DOCUMENT_COLUMNS.of("in_force").text``.
DOCUMENT_COLUMNS: Final[Labels] = label_set(
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
)

#: The four blocks: (group label, value-column label or None, rows).
#: A row is (model key, row label).  The first block has three value
#: columns (DOCUMENT_COLUMNS); the others have a single value spanning three.
ARTICLE_20_1: Final = "第二十条第（一）项"
ARTICLE_20_5: Final = "第二十条第（五）项"
ARTICLE_20_6: Final = "第二十条第（六）项"
ARTICLE_20_8: Final = "第二十条第（八）项"
DECISIONS: Final = "本年处理决定数量"
FEE_AMOUNT: Final = "本年收费金额（单位：万元）"

DOCUMENT_ROWS: Final[Labels] = label_set(
    ("rules", "规章"),
    ("normative_documents", "行政规范性文件"),
)


class Block(NamedTuple):
    """A block of table 二 with one value column: 第二十条第（五）、（六）、（八）项."""

    group: str  # the group row, e.g. 第二十条第（五）项
    value_label: str  # the value column's heading
    rows: Labels


SINGLE_VALUE_BLOCKS: Final[tuple[Block, ...]] = (
    Block(ARTICLE_20_5, DECISIONS, label_set(("licensing", "行政许可"))),
    Block(ARTICLE_20_6, DECISIONS, label_set(("punishment", "行政处罚"), ("coercion", "行政强制"))),
    Block(ARTICLE_20_8, FEE_AMOUNT, label_set(("fees", "行政事业性收费"))),
)
#: The blocks that count 处理决定 (行政许可, 行政处罚, 行政强制): one unit, one scale.
DECISION_BLOCKS: Final = tuple(b for b in SINGLE_VALUE_BLOCKS if b.value_label == DECISIONS)

PREFIX: Final = "proactive"


def labels() -> dict[str, tuple[str, ...]]:
    """Model path → official label chain, for error messages and findings."""
    out: dict[str, tuple[str, ...]] = {}
    for key, row_label in DOCUMENT_ROWS:
        for col_key, col_label in DOCUMENT_COLUMNS:
            out[f"{PREFIX}.{key}.{col_key}"] = (ARTICLE_20_1, row_label, col_label)
        out[f"{PREFIX}.{key}"] = (ARTICLE_20_1, row_label)
    for group, value_label, rows in SINGLE_VALUE_BLOCKS:
        for key, row_label in rows:
            out[f"{PREFIX}.{key}"] = (group, row_label, value_label)
    return out


def build() -> TableSpec:
    g = GridBuilder(4)
    g.new_row().add(CellRole.GROUP, ARTICLE_20_1, colspan=4)
    g.new_row().add(CellRole.HEADER, INFO_CONTENT)
    for _, col_label in DOCUMENT_COLUMNS:
        g.add(CellRole.HEADER, col_label)
    for key, row_label in DOCUMENT_ROWS:
        g.new_row().add(CellRole.LABEL, row_label)
        for col_key, _ in DOCUMENT_COLUMNS:
            g.add(CellRole.VALUE, path=f"{PREFIX}.{key}.{col_key}")
    for group, value_label, rows in SINGLE_VALUE_BLOCKS:
        g.new_row().add(CellRole.GROUP, group, colspan=4)
        g.new_row().add(CellRole.HEADER, INFO_CONTENT).add(CellRole.HEADER, value_label, colspan=3)
        for key, row_label in rows:
            g.new_row().add(CellRole.LABEL, row_label).add(
                CellRole.VALUE, path=f"{PREFIX}.{key}", colspan=3
            )
    # Table 二 repeats its sub-headers inside the body, so only the first
    # group row would make sense as a page header: none is repeated.
    return g.build(PREFIX, section_title(PREFIX), header_rows=0, col_weights=(4, 3, 3, 3))
