"""Constructor errors name the field by its official label, in Chinese, with the English name."""

from __future__ import annotations

from typing import Any

import pytest

from govreport.errors import GovreportError
from govreport.model import (
    Agency,
    AnnualReport,
    ApplicantCounts,
    Applications,
    DocumentCounts,
    OtherMatters,
    Outcomes,
    ProactiveDisclosure,
    ProblemsAndImprovements,
    Withheld,
)
from govreport.model.errors import ModelError, field_label

TOWN = "某某镇人民政府"


def _error(build: Any) -> ModelError:
    with pytest.raises(ModelError) as info:
        build()
    return info.value


@pytest.mark.parametrize(
    ("value", "found"), [(1.5, "小数 1.5"), ("x", '字符串 "x"'), (True, "布尔值 True")]
)
def test_a_bad_count_names_its_column(value: object, found: str) -> None:
    error = _error(lambda: ApplicantCounts(natural_person=value))
    message = str(error)
    assert message.startswith("自然人 (ApplicantCounts.natural_person): ")
    assert "应为整数" in message and f"实际为{found}" in message
    assert (error.owner, error.field, error.found, error.label) == (
        ApplicantCounts,
        "natural_person",
        value,
        "自然人",
    )
    # A row does not know which row of table 三 it is: no path is claimed.
    assert error.path == ""


def test_no_attrs_repr_in_any_message() -> None:
    for build in (
        lambda: ApplicantCounts(other="1"),
        lambda: Outcomes(pending=None),
        lambda: OtherMatters(processing_fee="x"),
        lambda: Agency(name=1, level="township"),
    ):
        assert "Attribute(" not in str(_error(build))


def test_the_error_is_a_govreport_error_and_both_old_builtins() -> None:
    error = _error(lambda: ApplicantCounts(natural_person="x"))
    # Before 1.0 the validators raised TypeError; a wrong value is a ValueError.
    assert isinstance(error, GovreportError)
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)


def test_a_field_with_one_place_is_named_by_its_label_chain_and_path() -> None:
    error = _error(lambda: ProactiveDisclosure(licensing=2.5))
    assert error.label == "第二十条第（五）项/行政许可/本年处理决定数量"
    assert error.path == "proactive.licensing"
    assert str(error).startswith(f"{error.label} (proactive.licensing): ")


@pytest.mark.parametrize(
    ("build", "label", "path"),
    [
        (lambda: Agency(name=TOWN, level="village"), "机关信息/行政级别", "agency.level"),
        (
            lambda: Agency(name=TOWN, level="township", contact={"phone": 12345}),
            "机关信息/联系方式/电话",
            "agency.contact.phone",
        ),
        (
            lambda: AnnualReport(agency=Agency(name=TOWN, level="township"), year="2024"),
            "报告年度",
            "year",
        ),
        (
            lambda: AnnualReport(
                agency=Agency(name=TOWN, level="township"), year=2024, published="2025-02-30"
            ),
            "发布日期",
            "published",
        ),
        (
            lambda: OtherMatters(processing_fee="0,5"),
            "六、其他需要报告的事项/信息处理费（元）",
            "other.processing_fee",
        ),
        (
            lambda: Applications(received=[1, 2, 3]),
            "一、本年新收政府信息公开申请数量",
            "applications.received",
        ),
        (
            lambda: Withheld(state_secret="1"),
            "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
            "applications.results.withheld.state_secret",
        ),
    ],
)
def test_each_class_names_its_fields_where_it_sits(build: Any, label: str, path: str) -> None:
    error = _error(build)
    assert (error.label, error.path) == (label, path)
    assert str(error).startswith(f"{label} ({path}): ")


def test_shared_classes_name_the_column() -> None:
    assert _error(lambda: Outcomes(upheld="1")).label == "结果维持"
    assert _error(lambda: DocumentCounts(in_force=1.0)).label == "现行有效件数"


def test_an_unknown_level_lists_every_allowed_value_with_its_label() -> None:
    message = str(_error(lambda: Agency(name=TOWN, level="village")))
    assert (
        "township（乡镇（街道））" in message
        and "state_council_department（国务院部门）" in message
    )
    assert '实际为字符串 "village"' in message


def test_a_bad_list_item_is_named_by_its_position() -> None:
    error = _error(lambda: ProblemsAndImprovements(problems=["人员不足", 3]))
    assert error.label == "五、存在的主要问题及改进情况/存在的主要问题/第2项"
    assert error.path == "problems.problems[1]"
    assert error.found == 3 and "实际为整数 3" in str(error)


def test_a_mapping_with_unknown_or_missing_keys_says_which() -> None:
    unknown = str(_error(lambda: Agency(name=TOWN, level="township", contact={"telex": "1"})))
    assert "未知的键：telex" in unknown and "address、postcode、phone、fax、email" in unknown
    missing = str(_error(lambda: AnnualReport(agency={"level": "township"}, year=2024)))
    assert missing.startswith("机关信息 (agency): ") and "缺少必填的键：name" in missing


def test_a_class_outside_the_official_format_falls_back_to_the_field_name() -> None:
    class Plugin:
        pass

    assert field_label(Plugin, "handled") == "handled"
