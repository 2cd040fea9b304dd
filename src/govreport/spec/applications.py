"""Table 三 — 收到和处理政府信息公开申请情况, labels and geometry."""

from __future__ import annotations

import re
from typing import Final

import attrs

from govreport.spec.grid import CellRole, GridBuilder, TableSpec
from govreport.spec.headings import section_title
from govreport.spec.labels import Label, Labels, by_key, label_set

PREFIX: Final = "applications"

BALANCE_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS: Final = "申请人情况"
NATURAL_PERSON: Final = "自然人"
ORGANISATIONS: Final = "法人或其他组织"
TOTAL: Final = "总计"

#: The six applicant columns, in official order: ``APPLICANT_COLUMNS.of("other").text``.
APPLICANT_COLUMNS: Final[Labels] = label_set(
    ("natural_person", NATURAL_PERSON),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("public_welfare_organization", "社会公益组织"),
    ("legal_service_agency", "法律服务机构"),
    ("other", "其他"),
)
#: The computed column.
TOTAL_COLUMN: Final = Label("total", TOTAL)
#: All seven value columns: the six applicants, then 总计.
COLUMNS: Final = Labels((*APPLICANT_COLUMNS, TOTAL_COLUMN))

# The number a row label starts with: 一、 (a body row), （一） (a result), 1. (a sub-row).
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


@attrs.frozen
class RowSpec:
    """A body row (or a merged group of rows) of table 三."""

    key: str
    label: str
    children: tuple[RowSpec, ...] = ()
    computed: bool = False  # （七）总计: the model computes it, a file may only state it

    def child(self, key: str) -> RowSpec:
        """The sub-row ``key``: ``RESULTS.child("withheld")`` is （三）不予公开."""
        return by_key(self.children, key, self.key)

    @property
    def number(self) -> str:
        """The label's own number: ``三、``, ``（七）``, ``1.`` (empty if it has none)."""
        m = _NUMBER.match(self.label)
        return m.group(0) if m else ""


RESULTS: Final = RowSpec(
    "results",
    "三、本年度办理结果",
    (
        RowSpec("disclosed", "（一）予以公开"),
        RowSpec("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        RowSpec(
            "withheld",
            "（三）不予公开",
            (
                RowSpec("state_secret", "1.属于国家秘密"),
                RowSpec("prohibited_by_law", "2.其他法律行政法规禁止公开"),
                RowSpec("endangers_stability", "3.危及“三安全一稳定”"),
                RowSpec("third_party_rights", "4.保护第三方合法权益"),
                RowSpec("internal_affairs", "5.属于三类内部事务信息"),
                RowSpec("process_information", "6.属于四类过程性信息"),
                RowSpec("enforcement_case_files", "7.属于行政执法案卷"),
                RowSpec("query_matters", "8.属于行政查询事项"),
            ),
        ),
        RowSpec(
            "unavailable",
            "（四）无法提供",
            (
                RowSpec("not_held", "1.本机关不掌握相关政府信息"),
                RowSpec("requires_creation", "2.没有现成信息需要另行制作"),
                RowSpec("unclear_after_correction", "3.补正后申请内容仍不明确"),
            ),
        ),
        RowSpec(
            "not_processed",
            "（五）不予处理",
            (
                RowSpec("complaints", "1.信访举报投诉类申请"),
                RowSpec("repeated", "2.重复申请"),
                RowSpec("publications", "3.要求提供公开出版物"),
                RowSpec("excessive_repeated", "4.无正当理由大量反复申请"),
                RowSpec("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
            ),
        ),
        RowSpec(
            "other_handling",
            "（六）其他处理",
            (
                RowSpec(
                    "not_corrected",
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                ),
                RowSpec(
                    "fee_unpaid",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                ),
                RowSpec("other", "3.其他"),
            ),
        ),
        RowSpec("total", "（七）总计", computed=True),
    ),
)

#: The body of table 三, top to bottom.
BODY: Final[tuple[RowSpec, ...]] = (
    RowSpec("received", "一、本年新收政府信息公开申请数量"),
    RowSpec("carried_over", "二、上年结转政府信息公开申请数量"),
    RESULTS,
    RowSpec("carried_forward", "四、结转下年度继续办理"),
)

# The whole body as one group, so a body row is looked up like any sub-row.
_BODY_ROW: Final = RowSpec(PREFIX, "", BODY)

#: （七）总计, the row the model computes.
RESULTS_TOTAL: Final = RESULTS.child("total")


def row(key: str) -> RowSpec:
    """A body row by its dotted key: ``row("received")``, ``row("results.total")``."""
    head, *rest = key.split(".")
    found = _BODY_ROW.child(head)
    for part in rest:
        found = found.child(part)
    return found


def path(key: str) -> str:
    """The model path of a row: ``path("results.total")`` → ``applications.results.total``."""
    row(key)  # a typo is a KeyError here, not a path that resolves to nothing later
    return f"{PREFIX}.{key}"


def leaf_rows() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """Every printed body row: (model path, label chain, computed), top to bottom."""
    out: list[tuple[str, tuple[str, ...], bool]] = []

    def walk(row: RowSpec, path: str, chain: tuple[str, ...]) -> None:
        here = f"{path}.{row.key}"
        if row.children:
            for child in row.children:
                walk(child, here, (*chain, row.label))
        else:
            out.append((here, (*chain, row.label), row.computed))

    for row in BODY:
        walk(row, PREFIX, ())
    return tuple(out)


def labels() -> dict[str, tuple[str, ...]]:
    """Model path → official label chain, for every cell and every row."""
    out: dict[str, tuple[str, ...]] = {}
    for path, chain, _ in leaf_rows():
        out[path] = chain
        for col_key, col_label in COLUMNS:
            out[f"{path}.{col_key}"] = (*chain, col_label)

    def groups(row: RowSpec, path: str, chain: tuple[str, ...]) -> None:
        here = f"{path}.{row.key}"
        if row.children:
            out[here] = (*chain, row.label)
            for child in row.children:
                groups(child, here, (*chain, row.label))

    for row in BODY:
        groups(row, PREFIX, ())
    return out


def _row_span(row: RowSpec) -> int:
    return sum(_row_span(c) for c in row.children) if row.children else 1


def build() -> TableSpec:
    n_data = len(APPLICANT_COLUMNS) + 1
    g = GridBuilder(3 + n_data)
    g.new_row().add(CellRole.HEADER, BALANCE_NOTE, rowspan=3, colspan=3)
    g.add(CellRole.HEADER, APPLICANTS, colspan=n_data)
    g.new_row().add(CellRole.HEADER, NATURAL_PERSON, rowspan=2)
    g.add(CellRole.HEADER, ORGANISATIONS, colspan=len(APPLICANT_COLUMNS) - 1)
    g.add(CellRole.HEADER, TOTAL, rowspan=2)
    g.new_row()
    for _, label in APPLICANT_COLUMNS[1:]:
        g.add(CellRole.HEADER, label)

    def values(path: str, computed: bool) -> None:
        role = CellRole.TOTAL if computed else CellRole.VALUE
        for col_key, _ in APPLICANT_COLUMNS:
            g.add(role, path=f"{path}.{col_key}")
        g.add(CellRole.TOTAL, path=f"{path}.total")

    def emit(row: RowSpec, path: str, depth: int, first_in_group: bool) -> None:
        here = f"{path}.{row.key}"
        if not first_in_group:
            g.new_row()
        if row.children:
            g.add(CellRole.LABEL, row.label, rowspan=_row_span(row))
            for i, child in enumerate(row.children):
                emit(child, here, depth + 1, first_in_group=(i == 0))
        else:
            # A leaf fills the label columns left of it.
            g.add(CellRole.LABEL, row.label, colspan=3 - depth)
            values(here, row.computed)

    for row in BODY:
        emit(row, PREFIX, 0, first_in_group=False)
    return g.build(
        PREFIX,
        section_title(PREFIX),
        header_rows=3,
        col_weights=(3, 4, 12, 4, 4, 4, 4, 4, 4, 4),
    )
