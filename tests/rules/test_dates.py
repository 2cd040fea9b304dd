from datetime import date

import attrs

from govreport.model import AdminLevel
from govreport.rules.base import Severity
from govreport.testing import sample_report

from .builders import run


def _published(d, level=AdminLevel.CITY_GOVERNMENT):
    r = sample_report(published=d)
    return attrs.evolve(r, agency=attrs.evolve(r.agency, level=level))


def _date_findings(report):
    return [f for f in run(report) if f.code.startswith("DATE")]


def test_published_on_time_is_quiet():
    assert _date_findings(_published(date(2025, 3, 31))) == []
    assert _date_findings(_published(date(2025, 1, 1))) == []


def test_published_before_period_ends_is_an_error():
    (f,) = _date_findings(_published(date(2024, 12, 31)))
    assert (f.code, f.severity, f.path) == ("DATE1", Severity.ERROR, "published")
    assert "2024年12月31日" in f.message


def test_government_deadline_is_march_31():
    (f,) = _date_findings(_published(date(2025, 4, 1)))
    assert f.code == "DATE2"
    assert "2025年3月31日" in f.message


def test_department_deadline_is_january_31():
    late = _published(date(2025, 2, 1), AdminLevel.COUNTY_DEPARTMENT)
    (f,) = _date_findings(late)
    assert f.code == "DATE2"
    assert "2025年1月31日" in f.message and "县级人民政府部门" in f.message
    assert _date_findings(_published(date(2025, 1, 31), AdminLevel.TOWNSHIP)) == []


def test_missing_date_is_a_warning():
    (f,) = _date_findings(_published(None))
    assert (f.code, f.severity) == ("DATE3", Severity.WARNING)


# ---------------------------------------------------------------- DATE4: not in the future


def _future(report, today):
    from govreport.rules.base import RuleContext
    from govreport.rules.dates import check_not_future

    return list(check_not_future(RuleContext(report), today=lambda: today))


def test_year_and_publication_in_the_past_are_quiet():
    report = _published(date(2025, 1, 10))
    assert _future(report, date(2025, 1, 10)) == []  # published today
    assert _future(report, date(2030, 6, 1)) == []


def test_a_year_not_yet_over_is_a_warning():
    report = attrs.evolve(_published(date(2100, 1, 10)), year=2099)
    findings = _future(report, date(2026, 11, 29))
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("DATE4", Severity.WARNING, "year"),
        ("DATE4", Severity.WARNING, "published"),
    ]
    assert "2099年" in findings[0].message and "2026年11月29日" in findings[0].message
    assert "2100年1月10日" in findings[1].message
    # The report of the current year is written too early as well.
    assert [f.path for f in _future(attrs.evolve(report, published=None), date(2099, 12, 1))] == [
        "year"
    ]


def test_a_publication_date_to_come_is_a_warning():
    report = _published(date(2025, 3, 1))
    (f,) = _future(report, date(2025, 2, 28))
    assert (f.code, f.severity, f.path) == ("DATE4", Severity.WARNING, "published")


def test_date4_runs_with_the_other_rules_against_the_real_clock():
    report = attrs.evolve(_published(date(9999, 1, 10)), year=9998)
    assert {f.code for f in _date_findings(report)} >= {"DATE4"}
