import attrs

from govreport.model import ApplicantCounts
from govreport.rules.base import Finding, Severity
from govreport.rules.report import format_finding, has_errors, sort_findings
from govreport.testing import sample_report

from .builders import run


def test_sample_report_has_no_errors_and_no_findings():
    findings = run(sample_report())
    assert findings == []
    assert not has_errors(findings)


def test_has_errors_only_for_errors():
    warning = Finding.at("S1", Severity.WARNING, "other.text", "x")
    error = Finding.at("R3", Severity.ERROR, "applications.received.total", "y")
    assert not has_errors([warning])
    assert has_errors([warning, error])


def test_sort_by_severity_then_table_order():
    findings = [
        Finding.at("S4", Severity.INFO, "proactive.rules.in_force", "i"),
        Finding.at("S1", Severity.WARNING, "other.text", "w"),
        Finding.at("R5", Severity.ERROR, "review_litigation.review.upheld", "e3"),
        Finding.at("R3", Severity.ERROR, "applications.carried_forward.total", "e2"),
        Finding.at("R5", Severity.ERROR, "proactive.coercion", "e1"),
        Finding.at("DATE1", Severity.ERROR, "published", "e0"),
        Finding.at("N1", Severity.WARNING, "overview.on_request", "w0"),
    ]
    ordered = [f.message for f in sort_findings(findings)]
    assert ordered == ["e0", "e1", "e2", "e3", "w0", "w", "i"]
    assert sort_findings(reversed(findings)) == sort_findings(findings)


def test_sort_within_table_three_follows_rows_then_columns():
    paths = [
        "applications.carried_forward.natural_person",
        "applications.received.total",
        "applications.received.natural_person",
        "applications.results.withheld.state_secret.other",
    ]
    findings = [Finding.at("R5", Severity.ERROR, p, p) for p in paths]
    assert [f.path for f in sort_findings(findings)] == [
        "applications.received.natural_person",
        "applications.received.total",
        "applications.results.withheld.state_secret.other",
        "applications.carried_forward.natural_person",
    ]


def test_format_finding_line():
    r = sample_report()
    apps = attrs.evolve(r.applications, carried_over=ApplicantCounts(natural_person=5))
    f = next(f for f in run(attrs.evolve(r, applications=apps), code="R3"))
    line = format_finding(f)
    assert line.startswith(
        "[错误 R3] 四、结转下年度继续办理/自然人 (applications.carried_forward.natural_person): "
    )
    assert line.endswith(f.message)


def test_format_without_path():
    assert format_finding(Finding("X1", Severity.INFO, "说明")) == "[提示 X1] 说明"
