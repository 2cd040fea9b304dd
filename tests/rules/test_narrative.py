from pathlib import Path

import attrs

from govreport import read_report
from govreport.rules.base import Severity
from govreport.testing import sample_report

from .builders import PINGTAN_2024_ON_REQUEST, PINGTAN_2025_ON_REQUEST, pingtan_2025, run

EXAMPLES = Path(__file__).parents[2] / "examples"


def _narrative(findings):
    return [f for f in findings if f.code.startswith("N")]


def _on_request(report, text):
    return attrs.evolve(report, overview=attrs.evolve(report.overview, on_request=text))


def test_real_pingtan_2024_sentence_matches_its_table():
    assert _narrative(run(_on_request(sample_report(), PINGTAN_2024_ON_REQUEST))) == []


def test_real_pingtan_2025_narrative_matches_its_table():
    # pingtan_2025() carries 2025's 依申请公开 on 2024's other paragraphs, whose
    # 制发行政规范性文件62件 is 2024's figure (2025 printed 58): N6 says so.
    mixed = [(f.code, f.path) for f in _narrative(run(pingtan_2025()))]
    assert mixed == [("N6", "overview.information_management")]
    report = read_report(EXAMPLES / "pingtan-2025.yaml")  # the whole real 2025 text
    assert _narrative(run(report)) == []


def test_2025_narrative_against_2024_table_contradicts_every_figure():
    findings = _narrative(run(_on_request(sample_report(), PINGTAN_2025_ON_REQUEST)))
    assert sorted(f.code for f in findings) == ["N1", "N2", "N3", "N4", "N5"]
    assert all(f.severity is Severity.WARNING for f in findings)
    assert all(f.path == "overview.on_request" for f in findings)
    by_code = {f.code: f.message for f in findings}
    assert "154" in by_code["N1"] and "218" in by_code["N1"]
    assert "36" in by_code["N3"] and "7" in by_code["N3"]
    assert "9" in by_code["N4"] and "19" in by_code["N4"]
    assert "四、结转下年度继续办理" in by_code["N2"]  # 结转至2026年: the forward row


def test_shouwen_17_vs_95_is_flagged():
    report = _on_request(sample_report(), "本年度共受理政府信息公开申请17件。")
    (f,) = _narrative(run(report))
    assert f.code == "N1"
    assert "17" in f.message and "218" in f.message


def test_received_plus_carried_over_is_accepted():
    r = sample_report()
    from govreport.model import ApplicantCounts

    apps = attrs.evolve(
        r.applications,
        carried_over=ApplicantCounts(natural_person=2),
        carried_forward=ApplicantCounts(natural_person=2),
    )
    r = attrs.evolve(r, applications=apps)
    assert _narrative(run(_on_request(r, "全年收到政府信息公开申请220件。"))) == []
    assert _narrative(run(_on_request(r, "全年收到政府信息公开申请218件。"))) == []


def test_placeholder_text_cannot_contradict():
    report = _on_request(sample_report(), "受理申请{{ applications.received.total }}件。")
    assert _narrative(run(report)) == []
