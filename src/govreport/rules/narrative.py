"""N1–N7 (warnings): counts quoted in the hand-written narrative match the tables.

Real reports get this wrong (one says it 受理17件 while its table says 95,
another 393 行政规范性文件 while its table says 470).  Figures are read however
they are typeset (``17 件``, ``１７件``, ``1,234件``: see :mod:`.quotes`).
Placeholders are evaluated first, so a paragraph that quotes the table through
``{{ }}`` can never be flagged; a paragraph whose placeholders fail is P1's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from govreport.model import AnnualReport
from govreport.placeholders import PlaceholderError, context, render_text
from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.quotes import Direction, Quantity, Quote, quotes
from govreport.rules.texts import narrative_fields
from govreport.spec.applications import RESULTS, RESULTS_TOTAL, TOTAL_COLUMN, row
from govreport.spec.proactive import DOCUMENT_COLUMNS, DOCUMENT_ROWS
from govreport.spec.review import LITIGATION, REVIEW, group
from govreport.spec.review import TOTAL as REVIEW_TOTAL

_RECEIVED = row("received").label
_CARRIED_OVER = row("carried_over").label
_CARRIED_FORWARD = row("carried_forward").label
_TOTAL = TOTAL_COLUMN.text
_RULES = DOCUMENT_ROWS.of("rules").text
_NORMATIVE = DOCUMENT_ROWS.of("normative_documents").text

#: Clause shown in the message, cut to this many characters.
_CLAUSE_CHARS = 40

Accepted = list[tuple[int, str]]  # (value, how the table says it)


def _accepted(report: AnnualReport, quote: Quote) -> Accepted:
    a = report.applications
    rl = report.review_litigation
    if quote.quantity is Quantity.APPLICATIONS:
        # "收到N件" is sometimes 新收 + 上年结转: either is right.
        return [
            (a.received.total, f"{_RECEIVED}{_TOTAL}"),
            (a.handled.total, f"{_RECEIVED}与{_CARRIED_OVER}之和"),
        ]
    if quote.quantity is Quantity.COMPLETED:
        return [(a.results.total.total, f"{RESULTS.label}{RESULTS_TOTAL.label}")]
    if quote.quantity is Quantity.CARRIED:
        over = (a.carried_over.total, f"{_CARRIED_OVER}{_TOTAL}")
        forward = (a.carried_forward.total, f"{_CARRIED_FORWARD}{_TOTAL}")
        if quote.direction is Direction.OVER:
            return [over]
        if quote.direction is Direction.FORWARD:
            return [forward]
        return [over, forward]
    if quote.quantity is Quantity.REVIEW:
        return [(rl.review.total, f"{group('review').text}{REVIEW_TOTAL.text}")]
    if quote.quantity in (Quantity.RULES, Quantity.NORMATIVE_DOCUMENTS):
        key, label = DOCUMENT_ROWS.of(quote.quantity.value)
        counts = getattr(report.proactive, key)
        return [
            (getattr(counts, column), f"{label}{DOCUMENT_COLUMNS.of(column).text}")
            for column in quote.columns
        ]
    return [(rl.litigation_total, f"{LITIGATION}（两类起诉）{REVIEW_TOTAL.text}之和")]


def _rendered(report: AnnualReport) -> Iterator[tuple[str, str]]:
    names = context(report)
    for path, text in narrative_fields(report):
        try:
            yield path, render_text(text, names)
        except PlaceholderError:
            continue  # reported by P1


def _checker(code: str, quantity: Quantity) -> Callable[[RuleContext], Iterator[Finding]]:
    def check(ctx: RuleContext) -> Iterator[Finding]:
        report = ctx.report
        for path, text in _rendered(report):
            for quote in quotes(text, report.year):
                if quote.quantity is not quantity:
                    continue
                accepted = _accepted(report, quote)
                if any(quote.value == value for value, _ in accepted):
                    continue
                table = "，或".join(f"{how}为{value}" for value, how in accepted)
                clause = quote.clause[:_CLAUSE_CHARS] + (
                    "…" if len(quote.clause) > _CLAUSE_CHARS else ""
                )
                yield Finding.at(
                    code,
                    Severity.WARNING,
                    path,
                    f"正文“{clause}”写的是{quote.value}，但表中{table}；请核对正文或表格，"
                    "也可改用占位符引用表中数字。",
                )

    check.__name__ = f"check_{quantity.value}"
    return check


RULES: tuple[Rule, ...] = (
    Rule("N1", "正文所述收到申请数与表三一致", _checker("N1", Quantity.APPLICATIONS)),
    Rule("N2", "正文所述结转数与表三一致", _checker("N2", Quantity.CARRIED)),
    Rule("N3", f"正文所述{REVIEW}数与表四一致", _checker("N3", Quantity.REVIEW)),
    Rule("N4", f"正文所述{LITIGATION}数与表四一致", _checker("N4", Quantity.LITIGATION)),
    Rule("N5", "正文所述办结数与表三（七）总计一致", _checker("N5", Quantity.COMPLETED)),
    Rule(
        "N6",
        f"正文所述{_NORMATIVE}件数与表二一致",
        _checker("N6", Quantity.NORMATIVE_DOCUMENTS),
    ),
    Rule("N7", f"正文所述{_RULES}件数与表二一致", _checker("N7", Quantity.RULES)),
)
