"""The tolerant structurer: every mistake reported at once, a provisional model built."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govreport import read_report
from govreport.io import (
    DataFileError,
    format_problem,
    load_report,
    parse_report,
)
from govreport.model import AdminLevel, ApplicantCounts
from govreport.rules.base import Severity

DATA = Path(__file__).parent.parent / "data" / "io"


def _minimal(**extra):
    return {"agency": {"name": "某某镇人民政府", "level": "township"}, "year": 2024, **extra}


def _by_path(result):
    return {p.path: p for p in result.problems}


def test_many_mistakes_are_all_reported_in_one_run():
    result = load_report(DATA / "many_mistakes.yaml")
    found = {(p.code, p.path) for p in result.problems}
    assert found == {
        ("D3", "agency.name"),
        ("D2", "agency.level"),
        ("D2", "published"),
        ("D2", "proactive.licensing"),
        ("D2", "proactive.punishment"),
        ("D2", "proactive.coercion"),
        ("D1", "applications.recieved"),
        ("D4", "applications.carried_over.commercial_enterprise"),
    }
    assert not result.ok
    problems = _by_path(result)
    assert problems["applications.carried_over.commercial_enterprise"].severity is Severity.WARNING
    # Mistyped fields got defaults, the rest was kept: rules can still run.
    report = result.report
    assert report.year == 2024
    assert report.proactive.licensing == 0
    assert report.applications.results.disclosed.natural_person == 1
    assert result.stated == {"applications.results.disclosed.total": 1}
    assert "proactive.licensing" in result.defaulted


def test_messages_say_what_was_found_and_what_is_allowed():
    problems = _by_path(load_report(DATA / "many_mistakes.yaml"))
    assert problems["proactive.licensing"].message.startswith(
        '应为不小于0的整数，实际为字符串 "12"'
    )
    assert "布尔值 true" in problems["proactive.punishment"].message
    assert "小数 2.5" in problems["proactive.coercion"].message
    assert "township（乡镇（街道））" in problems["agency.level"].message
    assert "是否应为 “township”" in problems["agency.level"].message
    assert "YYYY-MM-DD" in problems["published"].message
    typo = problems["applications.recieved"].message
    assert "“recieved”" in typo and "是否应为 “received”" in typo
    assert "carried_forward" in typo  # the allowed keys are listed


def test_problems_carry_official_labels():
    problems = _by_path(load_report(DATA / "many_mistakes.yaml"))
    assert (
        problems["proactive.licensing"].location == "第二十条第（五）项/行政许可/本年处理决定数量"
    )
    assert problems["applications.carried_over.commercial_enterprise"].location == (
        "二、上年结转政府信息公开申请数量/商业企业"
    )
    # An unknown key is located at its parent, the place it was written.
    assert problems["applications.recieved"].location == "三、收到和处理政府信息公开申请情况"


def test_format_problem_is_one_line_with_file_and_label():
    result = parse_report(
        _minimal(applications={"results": {"disclosed": {"natural_person": "abc"}}}),
        source="report.yaml",
    )
    (problem,) = result.problems
    assert format_problem(problem, result.source) == (
        "report.yaml: 三、本年度办理结果/（一）予以公开/自然人 "
        '(applications.results.disclosed.natural_person): 应为不小于0的整数，实际为字符串 "abc"'
    )


@pytest.mark.parametrize("blank", [None, "", "/", "-", " / "])
def test_blank_cells_warn_and_count_as_zero(blank):
    result = parse_report(_minimal(proactive={"licensing": blank}))
    (problem,) = result.problems
    assert (problem.code, problem.severity, problem.path) == (
        "D4",
        Severity.WARNING,
        "proactive.licensing",
    )
    assert "请填写0而不是空白或“/”" in problem.message
    assert result.ok and result.report.proactive.licensing == 0


def test_negative_counts_pass_for_rule_r5():
    result = parse_report(_minimal(proactive={"licensing": -3}))
    assert result.problems == () and result.report.proactive.licensing == -3


def test_integral_float_counts_are_whole_numbers():
    result = parse_report(_minimal(proactive={"licensing": Decimal("12.0")}))
    assert result.problems == () and result.report.proactive.licensing == 12


def test_list_and_mapping_forms_of_a_row_are_equivalent():
    as_list = parse_report(_minimal(applications={"received": [217, 1, 0, 0, 0, 0]}))
    as_map = parse_report(
        _minimal(applications={"received": {"natural_person": 217, "commercial_enterprise": 1}})
    )
    assert as_list.report == as_map.report
    assert as_list.report.applications.received == ApplicantCounts(
        natural_person=217, commercial_enterprise=1
    )


def test_stated_totals_are_collected_not_compared():
    result = parse_report(
        _minimal(
            applications={
                "received": [217, 1, 0, 0, 0, 0, 999],  # wrong on purpose: rules compare
                "carried_over": {"natural_person": 2, "total": 2},
                "results": {
                    "disclosed": [5, 0, 0, 0, 0, 0],
                    "total": {"natural_person": 217, "total": 218},
                },
            },
            review_litigation={"review": {"upheld": 2, "pending": 5, "total": 7}},
        )
    )
    assert result.problems == ()
    assert result.stated == {
        "applications.received.total": 999,
        "applications.carried_over.total": 2,
        "applications.results.total.natural_person": 217,
        "applications.results.total.total": 218,
        "review_litigation.review.total": 7,
    }
    assert result.report.applications.received.total == 218  # the model computes its own


def test_results_total_in_list_form():
    result = parse_report(_minimal(applications={"results": {"total": [1, 2, 3, 4, 5, 6, 21]}}))
    assert result.stated["applications.results.total.other"] == 6
    assert result.stated["applications.results.total.total"] == 21


def test_row_of_wrong_length_is_an_error():
    result = parse_report(_minimal(applications={"received": [1, 2, 3]}))
    (problem,) = result.problems
    assert problem.code == "D2" and "实际为3个" in problem.message


def test_unknown_key_inside_a_row_suggests_the_column():
    result = parse_report(_minimal(applications={"received": {"natral_person": 3}}))
    (problem,) = result.problems
    assert problem.path == "applications.received.natral_person"
    assert "是否应为 “natural_person”（自然人）" in problem.message


def test_missing_required_fields():
    result = parse_report({"agency": {}})
    assert {(p.code, p.path) for p in result.problems} == {
        ("D3", "agency.name"),
        ("D3", "agency.level"),
        ("D3", "year"),
    }
    assert result.report.year >= 1  # a usable calendar year even so


def test_missing_year_is_guessed_from_publication_date():
    result = parse_report({"agency": {"name": "x", "level": "township"}, "published": "2025-01-10"})
    assert not result.ok and result.report.year == 2024


def test_list_items_are_located_by_position():
    result = parse_report(_minimal(problems={"problems": ["一", "二", 3]}))
    (problem,) = result.problems
    assert problem.path == "problems.problems[2]"
    assert problem.location == "五、存在的主要问题及改进情况/存在的主要问题/第3项"
    assert result.report.problems.problems == ("一", "二")


def test_dates_and_enums_from_strings():
    result = parse_report(_minimal(published="2025-01-10", problems={"style": "paragraphs"}))
    assert result.problems == ()
    assert str(result.report.published) == "2025-01-10"
    assert result.report.agency.level is AdminLevel.TOWNSHIP


def test_text_field_given_a_number_is_an_error():
    result = parse_report(
        _minimal(agency={"name": "x", "level": "township", "contact": {"postcode": 350400}})
    )
    (problem,) = result.problems
    assert problem.path == "agency.contact.postcode" and "请加引号" in problem.message


def test_read_report_is_strict_and_lists_every_problem(tmp_path):
    with pytest.raises(DataFileError) as info:
        read_report(DATA / "many_mistakes.yaml")
    text = str(info.value)
    assert "many_mistakes.yaml" in text
    assert text.count("\n") == 8  # heading line + eight problems
    assert "proactive.coercion" in text and "applications.recieved" in text


def test_read_report_accepts_warnings(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        '{"agency": {"name": "x", "level": "township"}, "year": 2024,'
        ' "proactive": {"licensing": "/"}}',
        encoding="utf-8",
    )
    assert read_report(path).proactive.licensing == 0


# ------------------------------------------------------------------ extensions


@attrs.frozen(kw_only=True)
class Province:
    """A stand-in plugin extension."""

    code: str = attrs.field(default="")
    inspections: int = attrs.field(default=0)


def test_extensions_without_registry_are_unknown():
    result = parse_report(_minimal(extensions={"province": {"code": "FJ"}}))
    (problem,) = result.problems
    assert (problem.code, problem.path) == ("D1", "extensions")
    assert parse_report(_minimal(extensions={})).problems == ()


def test_registered_extension_is_structured_with_the_same_care():
    result = parse_report(
        _minimal(
            extensions={"province": {"code": "FJ", "inspections": "3", "cod": 1}, "provnce": {}}
        ),
        extensions={"province": Province},
    )
    assert result.report.extensions == {"province": Province(code="FJ", inspections=0)}
    problems = _by_path(result)
    assert set(problems) == {
        "extensions.province.inspections",
        "extensions.province.cod",
        "extensions.provnce",
    }
    assert problems["extensions.province.inspections"].location == "扩展“province”/inspections"
    assert "是否应为 “province”" in problems["extensions.provnce"].message
    assert "是否应为 “code”" in problems["extensions.province.cod"].message
