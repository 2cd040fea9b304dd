import attrs

from govreport.model import ApplicantCounts, DocumentCounts
from govreport.rules.base import Severity
from govreport.testing import sample_report

from .builders import pingtan_2025, run


def test_real_pingtan_years_pass_r6():
    assert run(pingtan_2025(), previous=sample_report(), code="R6") == []


def test_r6_fires_per_column_when_carried_over_differs():
    prev = sample_report()
    prev = attrs.evolve(
        prev,
        applications=attrs.evolve(
            prev.applications, carried_forward=ApplicantCounts(natural_person=3, other=1)
        ),
    )
    findings = run(pingtan_2025(), previous=prev, code="R6")
    assert [f.path for f in findings] == [
        "applications.carried_over.natural_person",
        "applications.carried_over.other",
    ]
    assert "3" in findings[0].message and "2024" in findings[0].message


def test_r6_fires_when_previous_is_not_last_year():
    findings = run(pingtan_2025(), previous=pingtan_2025(), code="R6")
    assert len(findings) == 1
    assert findings[0].path == "year"
    assert "2024" in findings[0].message


def test_r6_silent_without_previous():
    assert run(pingtan_2025(), code="R6") == []


def test_stock_flow_is_informational_on_real_data():
    # 平潭: 2024 现行有效 440 + 58 − 45 = 453, but 2025 states 546 (清理).
    (f,) = run(pingtan_2025(), previous=sample_report(), code="S4")
    assert f.severity is Severity.INFO
    assert f.path == "proactive.normative_documents.in_force"
    assert "453" in f.message and "546" in f.message


def test_stock_flow_quiet_when_it_adds_up():
    report = pingtan_2025()
    report = attrs.evolve(
        report,
        proactive=attrs.evolve(
            report.proactive,
            normative_documents=DocumentCounts(issued=58, repealed=45, in_force=453),
        ),
    )
    assert run(report, previous=sample_report(), code="S4") == []
