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
