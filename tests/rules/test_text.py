import attrs

from govreport.testing import sample_report

from .builders import run


def test_clean_text_is_quiet():
    assert run(sample_report(), code="T1") == []


def test_control_character_reported_with_code_point_and_offset():
    r = sample_report()
    r = attrs.evolve(r, other=attrs.evolve(r.other, text="本年度\x0b未收取信息处理费。"))
    (f,) = run(r, code="T1")
    assert f.path == "other.text"
    assert f.location == "六、其他需要报告的事项/正文"
    assert "U+000B" in f.message and "第4个字符" in f.message


def test_tab_newline_and_cr_are_allowed_but_ffff_and_lone_surrogates_are_not():
    r = sample_report()
    ok = attrs.evolve(r, opening="甲\t乙\r\n丙")
    assert run(ok, code="T1") == []
    bad = attrs.evolve(r, signatory="平潭\uffff", agency=attrs.evolve(r.agency, website="x\ud800"))
    findings = run(bad, code="T1")
    assert {f.path for f in findings} == {"signatory", "agency.website"}
    assert any("U+FFFF" in f.message for f in findings)
    assert any("U+D800" in f.message for f in findings)


def test_many_occurrences_are_counted():
    r = sample_report(opening="\x01" * 8)
    (f,) = run(r, code="T1")
    assert "共8处" in f.message


def test_c1_controls_are_a_warning_and_kept() -> None:
    import attrs

    from govreport import Engine, Overview, Severity
    from govreport.testing import sample_report

    report = attrs.evolve(sample_report(), overview=Overview(intro="甲\x9b乙\x7f"))
    (t2,) = [f for f in Engine(autoload=False).validate(report) if f.code == "T2"]
    assert t2.severity is Severity.WARNING and "U+009B" in t2.message and "U+007F" in t2.message
    assert "甲\x9b乙\x7f" in Engine(autoload=False).render(report, "txt").decode()
