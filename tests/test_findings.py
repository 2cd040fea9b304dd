"""Findings carry their evidence: the cells of each side, the formula and the gap."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs

from govreport.findings import Evidence, EvidenceCell, Finding, Severity
from govreport.model import ApplicantCounts
from govreport.rules.base import RuleContext
from govreport.rules.plugin import BUILTIN_RULES
from govreport.testing import sample_report


def _run(report, *, previous=None, stated=None, code: str) -> list[Finding]:
    ctx = RuleContext(report, previous, stated or {})
    rule = next(r for r in BUILTIN_RULES if r.code == code)
    return list(rule.check(ctx))


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_a_finding_without_evidence_serialises_as_before() -> None:
    f = Finding("X1", Severity.WARNING, "说明", "year", "年度")
    assert f.evidence is None
    assert f.to_dict() == {
        "code": "X1",
        "severity": "warning",
        "path": "year",
        "location": "年度",
        "message": "说明",
    }


def test_evidence_cell_takes_its_location_from_the_official_labels() -> None:
    cell = EvidenceCell.at("applications.received.natural_person", 217)
    assert cell.location == "一、本年新收政府信息公开申请数量/自然人"
    assert cell.stated and cell.report == ""


def test_evidence_difference_is_left_minus_right_and_exact_for_amounts() -> None:
    left = (EvidenceCell.at("proactive.fees", Decimal("0.1")),)
    right = (EvidenceCell.at("proactive.fees", Decimal("0.3")),)
    ev = Evidence.of("甲 = 乙", left, right)
    assert ev.difference == Decimal("-0.2")
    # JSON never sees a float: an amount is its exact text.
    assert ev.to_dict()["difference"] == "-0.2"
    assert ev.to_dict()["left"][0]["value"] == "0.1"


def test_r1_evidence_has_the_six_cells_and_the_stated_total() -> None:
    f = _only(_run(sample_report(), stated={"applications.received.total": 219}, code="R1"))
    ev = f.evidence
    assert ev is not None
    assert ev.formula == "自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计"
    assert [c.value for c in ev.left] == [217, 1, 0, 0, 0, 0]
    assert ev.left[0].location == "一、本年新收政府信息公开申请数量/自然人"
    assert all(c.stated for c in ev.cells)
    assert [(c.path, c.value) for c in ev.right] == [("applications.received.total", 219)]
    assert ev.difference == -1


def test_r2_evidence_lists_every_printed_result_row_of_the_column() -> None:
    stated = {"applications.results.total.natural_person": 216}
    f = _only(_run(sample_report(), stated=stated, code="R2"))
    ev = f.evidence
    assert ev is not None
    assert ev.formula.startswith("（一）予以公开 + （二）部分公开")
    assert "（三）不予公开（1.至8.）" in ev.formula and ev.formula.endswith("= （七）总计")
    # （一）（二） and the 8 + 3 + 5 + 3 sub-rows: the table prints no subtotals.
    assert len(ev.left) == 21
    assert all(c.path.endswith(".natural_person") for c in ev.left)
    assert sum(c.value for c in ev.left) == 217
    assert ev.right[0].value == 216 and ev.difference == 1


def test_r2_cells_of_the_total_column_are_marked_computed() -> None:
    f = _only(_run(sample_report(), stated={"applications.results.total.total": 1}, code="R2"))
    assert f.evidence is not None
    assert not any(c.stated for c in f.evidence.left)  # each row's 总计, added up by govreport
    assert f.evidence.right[0].stated


def test_r3_evidence_has_both_sides_of_the_balance() -> None:
    r = sample_report()
    apps = attrs.evolve(r.applications, carried_over=ApplicantCounts(natural_person=5))
    findings = _run(attrs.evolve(r, applications=apps), code="R3")
    by_path = {f.path: f for f in findings}
    ev = by_path["applications.carried_forward.natural_person"].evidence
    assert ev is not None
    assert ev.formula == (
        "一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量"
        " = （七）总计 + 四、结转下年度继续办理"
    )
    assert [c.value for c in ev.left] == [217, 5]
    assert [c.value for c in ev.right] == [217, 0]
    assert ev.difference == 5
    # （七）总计 is computed by govreport; the others are cells of the file.
    assert [c.stated for c in ev.cells] == [True, True, False, True]
    total = by_path["applications.carried_forward.total"].evidence
    assert total is not None and not any(c.stated for c in total.left)


def test_r4_evidence_for_a_total_left_at_zero() -> None:
    f = _only(_run(sample_report(), stated={"review_litigation.review.total": 0}, code="R4"))
    ev = f.evidence
    assert ev is not None
    assert ev.formula == "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"
    assert [c.location for c in ev.left] == [
        "行政复议/结果维持",
        "行政复议/结果纠正",
        "行政复议/其他结果",
        "行政复议/尚未审结",
    ]
    assert sum(c.value for c in ev.left) == 7 and ev.right[0].value == 0
    assert ev.difference == 7


def test_r6_evidence_names_last_years_report() -> None:
    this = sample_report()
    this = attrs.evolve(
        this, applications=attrs.evolve(this.applications, carried_over=ApplicantCounts(other=2))
    )
    last = attrs.evolve(sample_report(), year=this.year - 1)
    f = _run(this, previous=last, code="R6")[0]
    ev = f.evidence
    assert ev is not None
    assert ev.left[0].path == "applications.carried_over.other" and ev.left[0].report == ""
    assert ev.right[0].path == "applications.carried_forward.other"
    assert ev.right[0].report == f"{last.year}年度报告"
    assert ev.difference == 2
    assert f"{last.year}年度报告" in ev.formula


def test_to_dict_with_evidence_is_json() -> None:
    f = _only(_run(sample_report(), stated={"review_litigation.review.total": 0}, code="R4"))
    data = json.loads(json.dumps(f.to_dict(), ensure_ascii=False))
    assert data["evidence"]["difference"] == 7
    assert data["evidence"]["right"] == [
        {
            "path": "review_litigation.review.total",
            "location": "行政复议/总计",
            "value": 0,
            "stated": True,
            "report": "",
        }
    ]


def test_a_narrative_figure_is_set_against_the_tables_cells() -> None:
    r = sample_report()
    text = "全年共收到政府信息公开申请 17 件。"
    report = attrs.evolve(r, overview=attrs.evolve(r.overview, on_request=text))
    f = _only(_run(report, code="N1"))
    ev = f.evidence
    assert ev is not None
    assert ev.formula.startswith("正文所述数 = 一、本年新收政府信息公开申请数量总计（或")
    (said,) = ev.left
    assert (said.path, said.value, said.location) == (
        "overview.on_request",
        17,
        "一、总体情况/（二）依申请公开",
    )
    (cell,) = ev.right
    assert (cell.path, cell.value, cell.stated) == ("applications.received.total", 218, False)
    assert ev.difference == 17 - 218
