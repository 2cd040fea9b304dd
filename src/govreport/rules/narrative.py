"""N1–N7 (warnings): counts quoted in the hand-written narrative match the tables.

Real reports get this wrong (one says it 受理17件 while its table says 95,
another 393 行政规范性文件 while its table says 470).  Figures are read however
they are typeset (``17 件``, ``１７件``, ``1,234件``: see :mod:`.quotes`).
Placeholders are evaluated first, so a paragraph that quotes the table through
``{{ }}`` can never be flagged; a paragraph whose placeholders fail is P1's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from govreport.findings import Evidence, EvidenceCell
from govreport.model import AnnualReport, resolve
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


class Reading(NamedTuple):
    """One way the table gives a quoted figure: the value, in words, and its cells."""

    value: int
    how: str
    paths: tuple[str, ...]  # the table cells that add up to ``value``


Accepted = list[Reading]

_APPS = "applications"
_RL = "review_litigation"


def _accepted(report: AnnualReport, quote: Quote) -> Accepted:
    a = report.applications
    rl = report.review_litigation
    if quote.quantity is Quantity.APPLICATIONS:
        # "收到N件" is sometimes 新收 + 上年结转: either is right.
        received = f"{_APPS}.received.total"
        return [
            Reading(a.received.total, f"{_RECEIVED}{_TOTAL}", (received,)),
            Reading(
                a.handled.total,
                f"{_RECEIVED}与{_CARRIED_OVER}之和",
                (received, f"{_APPS}.carried_over.total"),
            ),
        ]
    if quote.quantity is Quantity.COMPLETED:
        return [
            Reading(
                a.results.total.total,
                f"{RESULTS.label}{RESULTS_TOTAL.label}",
                (f"{_APPS}.results.total.total",),
            )
        ]
    if quote.quantity is Quantity.CARRIED:
        over = Reading(
            a.carried_over.total, f"{_CARRIED_OVER}{_TOTAL}", (f"{_APPS}.carried_over.total",)
        )
        forward = Reading(
            a.carried_forward.total,
            f"{_CARRIED_FORWARD}{_TOTAL}",
            (f"{_APPS}.carried_forward.total",),
        )
        if quote.direction is Direction.OVER:
            return [over]
        if quote.direction is Direction.FORWARD:
            return [forward]
        return [over, forward]
    if quote.quantity is Quantity.REVIEW:
        return [
            Reading(
                rl.review.total,
                f"{group('review').text}{REVIEW_TOTAL.text}",
                (f"{_RL}.review.total",),
            )
        ]
    if quote.quantity in (Quantity.RULES, Quantity.NORMATIVE_DOCUMENTS):
        key, label = DOCUMENT_ROWS.of(quote.quantity.value)
        counts = getattr(report.proactive, key)
        return [
            Reading(
                getattr(counts, column),
                f"{label}{DOCUMENT_COLUMNS.of(column).text}",
                (f"proactive.{key}.{column}",),
            )
            for column in quote.columns
        ]
    return [
        Reading(
            rl.litigation_total,
            f"{LITIGATION}（两类起诉）{REVIEW_TOTAL.text}之和",
            (f"{_RL}.litigation_direct.total", f"{_RL}.litigation_after_review.total"),
        )
    ]


def _evidence(report: AnnualReport, path: str, quote: Quote, accepted: Accepted) -> Evidence:
    """The figure in the text against the table's first reading of it."""
    first = accepted[0]
    others = "".join(f"（或{r.how}）" for r in accepted[1:])
    # 总计 cells are computed by the model; 表二's cells are as the file gives them.
    cells = tuple(
        EvidenceCell.at(p, resolve(report, p), stated=not p.endswith(".total")) for p in first.paths
    )
    return Evidence.of(
        f"正文所述数 = {first.how}{others}",
        (EvidenceCell.at(path, quote.value),),
        cells,
    )


def _rendered(report: AnnualReport) -> Iterator[tuple[str, str]]:
    names = context(report)
    for path, text in narrative_fields(report):
        try:
            yield path, render_text(text, names)
        except PlaceholderError:
            continue  # reported by P1


#: The last report's quotes: N1–N7 run one after the other on the same report,
#: and rendering and reading every text is most of their cost.  One entry, so
#: memory stays flat over a batch.
_last: list[tuple[AnnualReport, tuple[tuple[str, Quote], ...]] | None] = [None]


def _quoted(report: AnnualReport) -> tuple[tuple[str, Quote], ...]:
    """Every (path, quote) of the rendered narrative, in order; read once per report."""
    last = _last[0]  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is report:
        return last[1]
    found = tuple(
        (path, quote) for path, text in _rendered(report) for quote in quotes(text, report.year)
    )
    _last[0] = (report, found)
    return found


def _checker(code: str, quantity: Quantity) -> Callable[[RuleContext], Iterator[Finding]]:
    def check(ctx: RuleContext) -> Iterator[Finding]:
        report = ctx.report
        for path, quote in _quoted(report):
            if quote.quantity is not quantity:
                continue
            accepted = _accepted(report, quote)
            if any(quote.value == r.value for r in accepted):
                continue
            table = "，或".join(f"{r.how}为{r.value}" for r in accepted)
            clause = quote.clause[:_CLAUSE_CHARS] + (
                "…" if len(quote.clause) > _CLAUSE_CHARS else ""
            )
            yield Finding.at(
                code,
                Severity.WARNING,
                path,
                f"正文“{clause}”写的是{quote.value}，但表中{table}；请核对正文或表格，"
                "也可改用占位符引用表中数字。",
                evidence=_evidence(report, path, quote, accepted),
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
