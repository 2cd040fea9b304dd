import attrs

from govreport.model import AdminLevel, DocumentCounts
from govreport.rules.base import Severity
from govreport.testing import sample_report, zero_report

from .builders import run


def _other(text):
    r = sample_report()
    return attrs.evolve(r, other=attrs.evolve(r.other, text=text))


def test_s1_fires_when_other_text_omits_the_fee():
    (f,) = run(_other("本年度无其他需要报告的事项。"), code="S1")
    assert f.severity is Severity.WARNING
    assert "自动补上" in f.message and "2024年度，本机关未收取信息处理费。" in f.message


def test_s1_quiet_when_fee_mentioned_or_text_empty():
    assert run(_other("本年度未收取信息处理费。"), code="S1") == []
    assert run(_other(""), code="S1") == []


def test_s2_fires_for_empty_or_bare_wu():
    r = sample_report()
    for problems in (
        attrs.evolve(
            r.problems, problems_intro="无。", problems=(), improvements_intro="", improvements=()
        ),
        attrs.evolve(
            r.problems, problems_intro="", problems=(), improvements_intro="", improvements=()
        ),
    ):
        (f,) = run(attrs.evolve(r, problems=problems), code="S2")
        assert f.path == "problems"
    assert run(r, code="S2") == []


def test_s3_township_with_rules():
    r = zero_report()
    r = attrs.evolve(r, proactive=attrs.evolve(r.proactive, rules=DocumentCounts(issued=6)))
    (f,) = run(r, code="S3")
    assert f.path == "proactive.rules.issued"
    assert f.location == "第二十条第（一）项/规章/本年制发件数"
    assert "6" in f.message


def test_s3_quiet_when_organ_has_the_power():
    r = sample_report()
    r = attrs.evolve(
        r,
        agency=attrs.evolve(
            r.agency, level=AdminLevel.PROVINCIAL_GOVERNMENT, has_rulemaking_power=None
        ),
        proactive=attrs.evolve(r.proactive, rules=DocumentCounts(issued=2, in_force=40)),
    )
    assert run(r, code="S3") == []
