"""R1–R5: the arithmetic of the official tables (国办公开办函〔2021〕30号).

The model computes every total itself, so R1, R2 and R4 can only fail for
totals a data file or a published report *stated* (``ctx.stated``); R3 and R5
check the stored numbers.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from govreport import spec
from govreport.findings import Evidence, EvidenceCell
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.values import values_of
from govreport.spec.applications import (
    APPLICANT_COLUMNS,
    COLUMNS,
    RESULTS,
    RESULTS_TOTAL,
    TOTAL_COLUMN,
)
from govreport.spec.applications import path as app_path
from govreport.spec.applications import row as app_row
from govreport.spec.review import GROUPS, OUTCOMES
from govreport.spec.review import PREFIX as REVIEW
from govreport.spec.review import TOTAL as REVIEW_TOTAL

Number = int | Decimal

_RESULTS_TOTAL_PATH = app_path("results.total")


def _sum_text(parts: list[Number]) -> str:
    return "+".join(str(p) for p in parts)


@functools.cache
def _computed_paths() -> frozenset[str]:
    """The 总计 cells: the model adds them up itself, a file may only state them."""
    return frozenset(
        c.path for t in spec.tables().values() for c in t.cells if c.role is spec.CellRole.TOTAL
    )


def _model_cell(ctx: RuleContext, path: str) -> EvidenceCell:
    """The model's value at ``path``: stated when stored, computed for a 总计."""
    return EvidenceCell.at(path, values_of(ctx.report)(path), stated=path not in _computed_paths())


def _shown_cell(ctx: RuleContext, path: str) -> EvidenceCell:
    """What the table shows at ``path``: the stated value if any, else the model's."""
    stated = ctx.stated.get(path)
    if stated is not None:
        return EvidenceCell.at(path, stated)
    return _model_cell(ctx, path)


def _plus(labels: Iterable[str]) -> str:
    return " + ".join(labels)


@functools.cache
def _sum_rows() -> tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...]:
    """R1's rows: (row path, its 总计 cell's path, its label, (column, path) of its six cells)."""
    keys = APPLICANT_COLUMNS.all_keys()
    return tuple(
        (row, f"{row}.{TOTAL_COLUMN.key}", chain[-1], tuple((k, f"{row}.{k}") for k in keys))
        for row, chain, _ in spec.applications.leaf_rows()
    )


def _shown(ctx: RuleContext, path: str) -> Number:
    """The number :func:`_shown_cell` shows, without building the cell."""
    stated = ctx.stated.get(path)
    return stated if stated is not None else values_of(ctx.report)(path)


def check_row_sums(ctx: RuleContext) -> Iterator[Finding]:
    """R1: in each row of table 三, the six applicant columns add up to 总计."""
    values = values_of(ctx.report)
    for row_path, total_path, label, cells_at in _sum_rows():
        stated = ctx.stated.get(total_path)
        if stated is None:
            continue
        # What the table shows: a stated cell, else the row's own number.  The
        # cells (with their locations) are built only for a row that fails.
        row = values.object_at(row_path)
        parts = [ctx.stated.get(p, getattr(row, key)) for key, p in cells_at]
        if sum(parts) != stated:
            cells = tuple(_shown_cell(ctx, p) for _, p in cells_at)
            evidence = Evidence.of(
                f"{_plus(APPLICANT_COLUMNS.all_texts())} = {TOTAL_COLUMN.text}",
                cells,
                (EvidenceCell.at(total_path, stated),),
            )
            yield Finding.at(
                "R1",
                Severity.ERROR,
                total_path,
                f"“{label}”一行六类申请人之和为{_sum_text(parts)}={sum(parts)}，"
                f"但总计填报为{stated}；总计应等于{sum(parts)}。",
                evidence=evidence,
            )


def _result_rows() -> tuple[str, ...]:
    """The printed rows of （一）–（六）, every sub-row of （三）–（六） included."""
    prefix = f"{app_path('results')}."
    return tuple(
        path
        for path, _, computed in spec.applications.leaf_rows()
        if path.startswith(prefix) and not computed
    )


def _results_formula() -> str:
    parts = []
    for child in RESULTS.children:
        if child.computed:
            continue
        if child.children:
            first, last = child.children[0].number, child.children[-1].number
            parts.append(f"{child.label}（{first}至{last}）")
        else:
            parts.append(child.label)
    return f"{_plus(parts)} = {RESULTS_TOTAL.label}"


#: （一） + （二） + （三）（1.至8.） + … = （七）总计, in the official labels.
_RESULTS_FORMULA = _results_formula()


def check_results_total(ctx: RuleContext) -> Iterator[Finding]:
    """R2: （七）总计 = （一）+（二）+ every sub-row of （三）–（六）, per column."""
    for key, label in COLUMNS:
        path = f"{_RESULTS_TOTAL_PATH}.{key}"
        stated = ctx.stated.get(path)
        if stated is None:
            continue
        computed = values_of(ctx.report)(path)
        if stated != computed:
            evidence = Evidence.of(
                _RESULTS_FORMULA,
                tuple(_model_cell(ctx, f"{row}.{key}") for row in _result_rows()),
                (EvidenceCell.at(path, stated),),
            )
            yield Finding.at(
                "R2",
                Severity.ERROR,
                path,
                f"{RESULTS_TOTAL.label}“{label}”列填报为{stated}，"
                f"但本列（一）至（六）各项之和为{computed}；两者应相等。",
                evidence=evidence,
            )


#: The four rows of R3, in the order of the table's note.
_BALANCE_ROWS = ("received", "carried_over", "results.total", "carried_forward")


def check_balance(ctx: RuleContext) -> Iterator[Finding]:
    """R3: 一 + 二 = （七）总计 + 四, per column, as the table's own note says.

    Computed values only: a wrong stated total is R1's or R2's finding, not this one's.
    """
    received, carried_over = app_row("received").label, app_row("carried_over").label
    carried_forward = app_row("carried_forward").label
    values = values_of(ctx.report)
    rows = [values.object_at(app_path(row)) for row in _BALANCE_ROWS]
    for key, label in COLUMNS:
        a, b, c, d = (getattr(row, key) for row in rows)
        if a + b != c + d:
            cells = {row: _model_cell(ctx, f"{app_path(row)}.{key}") for row in _BALANCE_ROWS}
            evidence = Evidence.of(
                f"{received} + {carried_over} = {RESULTS_TOTAL.label} + {carried_forward}",
                (cells["received"], cells["carried_over"]),
                (cells["results.total"], cells["carried_forward"]),
            )
            yield Finding.at(
                "R3",
                Severity.ERROR,
                f"{app_path('carried_forward')}.{key}",
                f"“{label}”列勾稽关系不成立：{received} {a} + {carried_over} {b} = {a + b}，"
                f"而{RESULTS_TOTAL.label} {c} + {carried_forward} {d} = {c + d}；"
                "第一项加第二项之和应等于第三项加第四项之和。",
                evidence=evidence,
            )


def check_review_totals(ctx: RuleContext) -> Iterator[Finding]:
    """R4: in table 四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 for each group."""
    for group in GROUPS:
        path = f"{REVIEW}.{group.key}.{REVIEW_TOTAL.key}"
        stated = ctx.stated.get(path)
        if stated is None:
            continue
        paths = [f"{REVIEW}.{group.key}.{key}" for key in OUTCOMES.all_keys()]
        parts = [_shown(ctx, p) for p in paths]
        if sum(parts) != stated:
            cells = tuple(_shown_cell(ctx, p) for p in paths)
            texts = OUTCOMES.all_texts()
            terms = "+".join(f"{label}{n}" for label, n in zip(texts, parts, strict=True))
            evidence = Evidence.of(
                f"{_plus(texts)} = {REVIEW_TOTAL.text}", cells, (EvidenceCell.at(path, stated),)
            )
            yield Finding.at(
                "R4",
                Severity.ERROR,
                path,
                f"“{group.text}”：{terms}={sum(parts)}，"
                f"但{REVIEW_TOTAL.text}填报为{stated}；{REVIEW_TOTAL.text}应为{sum(parts)}。",
                evidence=evidence,
            )


@functools.cache
def _value_paths() -> tuple[str, ...]:
    """Every stored number: the value cells of the three tables, then the fee."""
    cells = (c for t in spec.tables().values() for c in t.value_cells())
    return (*(c.path for c in cells if c.role is spec.CellRole.VALUE), "other.processing_fee")


#: Reads an object's named numbers as one tuple.
Reader = Callable[[object], tuple[Number, ...]]


@functools.cache
def _value_runs() -> tuple[tuple[str, Reader, tuple[str, ...]], ...]:
    """:func:`_value_paths` as runs of one parent: (parent, its numbers' reader, paths), in order.

    R5 then reads a row's six numbers from the row itself, in one call,
    instead of resolving each path from the top of the report.
    """
    runs: list[tuple[str, list[str], list[str]]] = []
    for path in _value_paths():
        parent, _, name = path.rpartition(".")
        if not runs or runs[-1][0] != parent:
            runs.append((parent, [], []))
        runs[-1][1].append(name)
        runs[-1][2].append(path)
    return tuple((parent, _reader(names), tuple(paths)) for parent, names, paths in runs)


def _reader(names: list[str]) -> Reader:
    """The named fields of an object as a tuple (attrgetter of one name gives no tuple)."""
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names)


@functools.cache
def _value_path_set() -> frozenset[str]:
    return frozenset(_value_paths())


def check_non_negative(ctx: RuleContext) -> Iterator[Finding]:
    """R5: no count and no amount is negative."""
    seen = _value_path_set()
    values = values_of(ctx.report)
    for parent, read, paths in _value_runs():
        numbers = read(values.object_at(parent))
        if min(numbers) >= 0:
            continue  # the common case: the whole row at once
        for path, value in zip(paths, numbers, strict=True):
            if value < 0:
                yield _negative(path, value)
    # A stated total can be negative too (a typo in a published table).
    for path in sorted(ctx.stated):
        value = ctx.stated[path]
        if path not in seen and value < 0:
            yield _negative(path, value)


def _negative(path: str, value: Number) -> Finding:
    return Finding.at(
        "R5", Severity.ERROR, path, f"填报为{value}；数量和金额不能为负数，应为0或正数。"
    )


RULES: tuple[Rule, ...] = (
    Rule("R1", "表三每行六类申请人之和等于总计", check_row_sums),
    Rule("R2", "表三（七）总计等于各办理结果之和", check_results_total),
    Rule("R3", "表三勾稽关系：新收+上年结转=总计+结转下年度", check_balance),
    Rule("R4", "表四各项之和等于总计", check_review_totals),
    Rule("R5", "所有数值不得为负", check_non_negative),
)
