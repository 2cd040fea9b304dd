"""The tables' 总计 formulas and the live checks beside them (R1–R6), as cell records.

Every formula refers only to cells of its own sheet, by the positions the
spec gives the table on it (:func:`~govreport.workbook.records.grid_address`):
no name, no other sheet, no external link.  A check shows
:data:`~govreport.workbook.records.PASSED` or the difference, left side minus
right side; R5 shows how many cells are not what a count allows.
"""

from __future__ import annotations

from typing import Final

from openpyxl.utils.cell import get_column_letter

from govreport import spec
from govreport.limits import MAX_AMOUNT_DECIMALS
from govreport.spec import CellRole, TableSpec
from govreport.spec import applications as apps_spec
from govreport.spec import review as review_spec
from govreport.workbook.records import (
    PASSED,
    TABLE_TOP,
    Check,
    CheckLabel,
    Reference,
    Total,
)
from govreport.workbook.records import (
    cell_name as _at,
)


def table_formulas(
    tables: dict[str, TableSpec], names: dict[str, str]
) -> tuple[list[Total], list[Check], list[CheckLabel], list[Reference]]:
    """The totals, checks, check labels and last-year references of the three tables."""
    p_checks, p_labels, p_refs = _proactive(tables["proactive"], names["proactive"])
    a_totals, a_checks, a_labels = _applications(tables["applications"], names["applications"])
    a_refs, a_prev_checks, a_prev_labels = _applications_previous(
        tables["applications"], names["applications"]
    )
    r_totals, r_checks, r_labels = _review(tables["review_litigation"], names["review_litigation"])
    return (
        a_totals + r_totals,
        p_checks + a_checks + a_prev_checks + r_checks,
        p_labels + a_labels + a_prev_labels + r_labels,
        p_refs + a_refs,
    )


def _positions(table: TableSpec) -> dict[str, tuple[int, int]]:
    """Model path → 1-based (column, row) of every number cell of ``table``."""
    return {c.path: (c.col + 1, TABLE_TOP + c.row) for c in table.cells if c.is_number}


def _applications(
    table: TableSpec, sheet: str
) -> tuple[list[Total], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    cols = apps_spec.APPLICANT_COLUMNS.all_keys()
    rows = apps_spec.leaf_rows()
    first_col, last_col = at[f"{rows[0][0]}.{cols[0]}"][0], at[f"{rows[0][0]}.{cols[-1]}"][0]
    total_col = at[f"{rows[0][0]}.total"][0]
    results = [path for path, _, computed in rows if path.startswith("applications.results.")]
    result_rows = [at[f"{p}.{cols[0]}"][1] for p in results if p != "applications.results.total"]
    first_result, last_result = min(result_rows), max(result_rows)
    row_of = {path: at[f"{path}.{cols[0]}"][1] for path, _, _ in rows}
    totals: list[Total] = []
    checks: list[Check] = []
    check_labels: list[CheckLabel] = []
    L = get_column_letter
    for path, _, computed in rows:
        r = row_of[path]
        row_sum = f"SUM({L(first_col)}{r}:{L(last_col)}{r})"
        totals.append(
            Total(
                f"{path}.total",
                labels[f"{path}.total"],
                sheet,
                _at(total_col, r),
                f"={row_sum}",
            )
        )
        if computed:
            for key in cols:
                c = at[f"{path}.{key}"][0]
                formula = f"=SUM({L(c)}{first_result}:{L(c)}{last_result})"
                totals.append(
                    Total(f"{path}.{key}", labels[f"{path}.{key}"], sheet, _at(c, r), formula)
                )
    # R1, one check per body row, right of the table.
    check_col = table.n_cols + 2
    head = TABLE_TOP
    check_labels.append(
        CheckLabel(
            sheet,
            f"{_at(check_col, head)}:{_at(check_col, head + table.header_rows - 1)}",
            _R1,
        )
    )
    for path, _, _ in rows:
        r = row_of[path]
        total = f"{L(total_col)}{r}"
        checks.append(
            Check(
                "R1",
                sheet,
                _at(check_col, r),
                _differs(total, f"SUM({L(first_col)}{r}:{L(last_col)}{r})"),
            )
        )
    # R2, R3, R5 and R6 below the table, one per value column.
    below = TABLE_TOP + table.n_rows + 1
    label_span = f"A{{r}}:{L(first_col - 1)}{{r}}"
    received, carried_over = row_of["applications.received"], row_of["applications.carried_over"]
    results_total, forward = (
        row_of["applications.results.total"],
        row_of["applications.carried_forward"],
    )
    for offset, (rule, text) in enumerate((("R2", _R2), ("R3", _R3))):
        r = below + offset
        check_labels.append(CheckLabel(sheet, label_span.format(r=r), text))
        for c in range(first_col, total_col + 1):
            x = L(c)
            if rule == "R2":
                formula = _differs(
                    f"{x}{results_total}", f"SUM({x}{first_result}:{x}{last_result})"
                )
            else:
                formula = _differs(
                    f"{x}{received}+{x}{carried_over}", f"{x}{results_total}+{x}{forward}"
                )
            checks.append(Check(rule, sheet, _at(c, r), formula))
    r5 = below + 2
    check_labels.append(CheckLabel(sheet, label_span.format(r=r5), _R5))
    span = f"{L(first_col)}{TABLE_TOP + table.header_rows}:{L(last_col)}{forward}"
    checks.append(Check("R5", sheet, _at(first_col, r5), _passes(_bad_cells([span], whole=True))))
    return totals, checks, check_labels


#: Where last year's 结转下年度 row and the R6 check go on table 三's sheet,
#: counted from the first row below the checks.
def _applications_previous(
    table: TableSpec, sheet: str
) -> tuple[list[Reference], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    L = get_column_letter
    below = TABLE_TOP + table.n_rows + 1 + 3
    refs: list[Reference] = []
    checks: list[Check] = []
    carried_over = "applications.carried_over"
    forward = "applications.carried_forward"
    first_col = at[f"{forward}.{apps_spec.APPLICANT_COLUMNS.all_keys()[0]}"][0]
    span = f"A{{r}}:{L(first_col - 1)}{{r}}"
    check_labels = [
        CheckLabel(sheet, span.format(r=below), _PREVIOUS_FORWARD, needs_previous=True),
        CheckLabel(sheet, span.format(r=below + 1), _R6, needs_previous=True),
    ]
    for key in apps_spec.COLUMNS.all_keys():
        c, _ = at[f"{forward}.{key}"]
        refs.append(Reference(f"{forward}.{key}", labels[f"{forward}.{key}"], sheet, _at(c, below)))
        this_year = f"{L(c)}{at[f'{carried_over}.{key}'][1]}"
        checks.append(
            Check(
                "R6",
                sheet,
                _at(c, below + 1),
                _differs(this_year, f"{L(c)}{below}"),
                needs_previous=True,
            )
        )
    return refs, checks, check_labels


def _proactive(
    table: TableSpec, sheet: str
) -> tuple[list[Check], list[CheckLabel], list[Reference]]:
    at = _positions(table)
    labels = spec.field_labels()
    # Count cells by runs of rows, each run one range over the value columns
    # (a merged cell's other columns are blank, which passes): short formulas.
    fee_row = at["proactive.fees"][1]
    runs: list[list[int]] = []
    for r in sorted({at[c.path][1] for c in table.cells if c.role is CellRole.VALUE}):
        if r == fee_row:
            continue
        if runs and runs[-1][-1] == r - 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    last = get_column_letter(table.n_cols)
    counts = [f"B{run[0]}:{last}{run[-1]}" for run in runs]
    below = TABLE_TOP + table.n_rows + 1
    fee = _at(*at["proactive.fees"])
    checks = [
        Check(
            "R5",
            sheet,
            f"B{below}",
            _passes(_bad_cells(counts, whole=True) + "+" + _bad_cells([fee], whole=False)),
        )
    ]
    check_labels = [CheckLabel(sheet, f"A{below}", _R5)]
    # Last year's 现行有效件数, two columns right of the table, beside this year's.
    refs: list[Reference] = []
    col = table.n_cols + 2
    for key in spec.proactive.DOCUMENT_ROWS.all_keys():
        path = f"proactive.{key}.in_force"
        _, r = at[path]
        refs.append(Reference(path, labels[path], sheet, _at(col, r)))
    head_row = at[f"proactive.{spec.proactive.DOCUMENT_ROWS.all_keys()[0]}.in_force"][1] - 1
    check_labels.append(
        CheckLabel(sheet, _at(col, head_row), _PREVIOUS_IN_FORCE, needs_previous=True)
    )
    return checks, check_labels, refs


def _review(table: TableSpec, sheet: str) -> tuple[list[Total], list[Check], list[CheckLabel]]:
    at = _positions(table)
    labels = spec.field_labels()
    L = get_column_letter
    below = TABLE_TOP + table.n_rows + 1
    totals: list[Total] = []
    checks: list[Check] = []
    outcomes = review_spec.OUTCOMES.all_keys()
    inputs: list[str] = []
    for group in review_spec.GROUPS:
        first, r = at[f"{review_spec.PREFIX}.{group.key}.{outcomes[0]}"]
        last, _ = at[f"{review_spec.PREFIX}.{group.key}.{outcomes[-1]}"]
        path = f"{review_spec.PREFIX}.{group.key}.total"
        c, _ = at[path]
        row_sum = f"SUM({L(first)}{r}:{L(last)}{r})"
        totals.append(Total(path, labels[path], sheet, _at(c, r), f"={row_sum}"))
        checks.append(Check("R4", sheet, _at(c, below), _differs(f"{L(c)}{r}", row_sum)))
        inputs.append(f"{L(first)}{r}:{L(last)}{r}")
    first_total = min(at[t.path][0] for t in totals)
    check_labels = [
        CheckLabel(sheet, f"A{below}:{L(first_total - 1)}{below}", _R4),
        CheckLabel(sheet, f"A{below + 1}:{L(first_total - 1)}{below + 1}", _R5),
    ]
    checks.append(
        Check("R5", sheet, _at(first_total, below + 1), _passes(_bad_cells(inputs, whole=True)))
    )
    return totals, checks, check_labels


# What each row of checks says; the rules' own wording (official-format.md).
_R1: Final = "校验R1：六类申请人之和＝总计"
_R2: Final = "校验R2：（一）至（六）各项之和＝（七）总计"
_R3: Final = "校验R3：第一项加第二项之和＝第三项加第四项之和"
_R4: Final = "校验R4：结果维持＋结果纠正＋其他结果＋尚未审结＝总计"
_R5: Final = "校验R5：负数、小数或文字的单元格个数"
_R6: Final = "校验R6：二、上年结转＝上年报告的结转下年度"
_PREVIOUS_FORWARD: Final = "上年报告：四、结转下年度继续办理"
_PREVIOUS_IN_FORCE: Final = "上年报告：现行有效件数"


def _differs(left: str, right: str) -> str:
    """PASSED when ``left`` equals ``right``, else their difference."""
    return f'=IF(({left})=({right}),"{PASSED}",({left})-({right}))'


def _passes(count: str) -> str:
    """PASSED when ``count`` is 0, else the count."""
    return f'=IF(({count})=0,"{PASSED}",{count})'


def _bad_cells(ranges: list[str], *, whole: bool) -> str:
    """How many cells of ``ranges`` are negative, text, or (``whole``) not whole numbers.

    COUNTIF and SUMPRODUCT take one range each, so every range is a term.  The
    fractional test runs only when a range holds no text (IF evaluates one
    branch): TRUNC of a text cell would turn the whole check into #VALUE!.
    """
    terms = []
    for rng in ranges:
        text = f"(COUNTA({rng})-COUNT({rng}))"
        negative = f'COUNTIF({rng},"<0")'
        if whole:
            fraction = f"SUMPRODUCT(--({rng}<>TRUNC({rng})))"
        else:
            fraction = f"SUMPRODUCT(--({rng}<>ROUND({rng},{MAX_AMOUNT_DECIMALS})))"
        terms.append(f"IF({text}>0,{text}+{negative},{negative}+{fraction})")
    return "+".join(terms)
