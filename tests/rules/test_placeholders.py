import attrs

from govreport.testing import sample_report

from .builders import run


def test_sample_placeholders_evaluate():
    assert run(sample_report(), code="P1") == []


def test_unknown_placeholder_names_paragraph_and_jinja_message():
    r = sample_report()
    r = attrs.evolve(
        r, overview=attrs.evolve(r.overview, on_request="共{{ applications.recieved.total }}件")
    )
    (f,) = run(r, code="P1")
    assert f.path == "overview.on_request"
    assert f.location == "一、总体情况/（二）依申请公开"
    assert "recieved" in f.message  # Jinja says what was undefined


def test_syntax_error_in_a_list_item_is_located_by_item():
    r = sample_report()
    items = ("正常的一项", "坏的{{ year ")
    r = attrs.evolve(r, problems=attrs.evolve(r.problems, improvements=items))
    (f,) = run(r, code="P1")
    assert f.path == "problems.improvements[1]"
    assert f.location == "五、存在的主要问题及改进情况/改进情况/第2项"
    assert "语法错误" in f.message


def test_a_placeholder_printing_a_control_character_is_p1():
    r = sample_report()
    r = attrs.evolve(r, other=attrs.evolve(r.other, text="费用{{ '\\x00' }}"))
    (f,) = run(r, code="P1")
    assert f.path == "other.text"
    assert "U+0000" in f.message


def test_a_placeholder_over_a_limit_is_p1_naming_the_limit():
    r = sample_report()
    r = attrs.evolve(r, overview=attrs.evolve(r.overview, intro="{{ 'a'|center(10**9) }}"))
    (f,) = run(r, code="P1")
    assert f.location == "一、总体情况/概述"
    assert "65536" in f.message


def test_the_signatory_and_agency_fields_are_data_not_placeholders():
    r = sample_report()
    agency = attrs.evolve(r.agency, name="{{ nope }}", website="{{ x }}")
    r = attrs.evolve(r, signatory="{{ nope }}", agency=agency)
    assert run(r, code="P1") == []
