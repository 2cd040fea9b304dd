import attrs

from govreport.model import ApplicantCounts, Outcomes
from govreport.testing import sample_report

from .builders import run


def _codes(findings):
    return [f.code for f in findings]


def test_r1_fires_when_a_stated_row_total_is_not_the_sum():
    findings = run(sample_report(), stated={"applications.received.total": 219}, code="R1")
    assert len(findings) == 1
    f = findings[0]
    assert f.path == "applications.received.total"
    assert f.location == "一、本年新收政府信息公开申请数量/总计"
    assert "218" in f.message and "219" in f.message


def test_r1_quiet_when_stated_row_total_matches():
    stated = {"applications.received.total": 218, "applications.carried_forward.total": 0}
    assert run(sample_report(), stated=stated, code="R1") == []


def test_r1_uses_stated_cells_of_the_total_row():
    # （七）总计's six cells are computed by the model, but a published table states them.
    stated = {
        "applications.results.total.natural_person": 217,
        "applications.results.total.commercial_enterprise": 1,
        "applications.results.total.total": 220,
    }
    findings = run(sample_report(), stated=stated, code="R1")
    assert [f.path for f in findings] == ["applications.results.total.total"]


def test_r2_fires_per_wrong_stated_column():
    stated = {
        "applications.results.total.natural_person": 216,
        "applications.results.total.commercial_enterprise": 1,
        "applications.results.total.total": 218,
    }
    findings = run(sample_report(), stated=stated, code="R2")
    assert [f.path for f in findings] == ["applications.results.total.natural_person"]
    assert "216" in findings[0].message and "217" in findings[0].message
    assert findings[0].location.endswith("（七）总计/自然人")


def test_r2_quiet_when_stated_totals_match():
    stated = {"applications.results.total.total": 218}
    assert run(sample_report(), stated=stated, code="R2") == []


def test_r3_fires_with_both_sides_of_the_balance():
    r = sample_report()
    apps = attrs.evolve(r.applications, carried_over=ApplicantCounts(natural_person=5))
    findings = run(attrs.evolve(r, applications=apps), code="R3")
    # The 自然人 column and the 总计 column are off; the other columns balance.
    assert [f.path for f in findings] == [
        "applications.carried_forward.natural_person",
        "applications.carried_forward.total",
    ]
    total = findings[1].message
    assert "218" in total and "5" in total and "223" in total  # left side 218 + 5
    assert "二、上年结转政府信息公开申请数量" in total and "（七）总计" in total


def test_r3_quiet_on_a_balanced_table():
    assert run(sample_report(), code="R3") == []


def test_r4_fires_when_stated_total_is_zero_next_to_non_zero_cells():
    # Seen in a real report: table 四's 总计 left at 0.
    findings = run(sample_report(), stated={"review_litigation.review.total": 0}, code="R4")
    assert len(findings) == 1
    assert findings[0].location == "行政复议/总计"
    assert "=7" in findings[0].message


def test_r4_quiet_when_stated_totals_match():
    stated = {
        "review_litigation.review.total": 7,
        "review_litigation.litigation_direct.total": 0,
        "review_litigation.litigation_after_review.total": 19,
    }
    assert run(sample_report(), stated=stated, code="R4") == []


def test_r4_names_litigation_groups():
    stated = {"review_litigation.litigation_after_review.total": 18}
    (f,) = run(sample_report(), stated=stated, code="R4")
    assert f.location == "行政诉讼/复议后起诉/总计"


def test_r5_one_finding_per_negative_cell():
    r = sample_report()
    r = attrs.evolve(
        r,
        review_litigation=attrs.evolve(r.review_litigation, review=Outcomes(upheld=-1)),
        proactive=attrs.evolve(r.proactive, coercion=-2),
    )
    findings = run(r, code="R5")
    assert sorted(f.path for f in findings) == [
        "proactive.coercion",
        "review_litigation.review.upheld",
    ]
    assert all("不能为负" in f.message for f in findings)


def test_r5_checks_amounts_and_stated_values():
    from decimal import Decimal

    r = sample_report()
    r = attrs.evolve(r, other=attrs.evolve(r.other, processing_fee=Decimal("-0.5")))
    findings = run(r, stated={"applications.received.total": -1}, code="R5")
    assert sorted(f.path for f in findings) == [
        "applications.received.total",
        "other.processing_fee",
    ]


def test_r5_quiet_on_sample():
    assert run(sample_report(), code="R5") == []
