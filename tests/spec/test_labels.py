"""Official labels are looked up by key, and the old tuple shapes keep working."""

from __future__ import annotations

import pytest

from govreport import spec
from govreport.spec import applications, headings, proactive, review
from govreport.spec.labels import Label, Labels, label_set


def test_labels_look_up_by_key_in_official_order() -> None:
    cols = applications.APPLICANT_COLUMNS
    assert cols.of("other") == Label("other", "其他")
    assert cols.of("natural_person").text == "自然人"
    assert cols.all_keys()[0] == "natural_person"
    assert cols.all_texts()[-1] == "其他"


def test_an_unknown_key_names_the_keys_there_are() -> None:
    with pytest.raises(KeyError, match="natural_person"):
        applications.APPLICANT_COLUMNS.of("nobody")


def test_labels_still_behave_as_the_old_pairs() -> None:
    # Plugins written against the 2-tuples unpack, index and dict() them.
    pairs = label_set(("a", "甲"), ("b", "乙"))
    assert isinstance(pairs, tuple)
    assert dict(pairs) == {"a": "甲", "b": "乙"}
    assert [key for key, _ in pairs] == ["a", "b"]
    assert pairs[1][1] == "乙"
    assert review.TOTAL[0] == "total" and review.TOTAL[1] == "总计"
    assert applications.TOTAL_COLUMN == ("total", "总计")
    assert dict(spec.SECTIONS)["other"] == "其他需要报告的事项"


def test_labels_is_the_type_of_every_label_list() -> None:
    for found in (
        spec.SECTIONS,
        spec.OVERVIEW_PARTS,
        applications.APPLICANT_COLUMNS,
        applications.COLUMNS,
        proactive.DOCUMENT_COLUMNS,
        proactive.DOCUMENT_ROWS,
        review.OUTCOMES,
    ):
        assert isinstance(found, Labels)


def test_heading_by_key() -> None:
    h = headings.heading("applications")
    assert (h.number, h.ordinal, h.title) == (3, "三", "收到和处理政府信息公开申请情况")
    assert h.text == "三、收到和处理政府信息公开申请情况"
    assert headings.official_heading("other") == "六、其他需要报告的事项"
    assert headings.section_title("review_litigation") == "政府信息公开行政复议、行政诉讼情况"
    with pytest.raises(KeyError, match="overview"):
        headings.heading("suggestions")


def test_table_titles_are_the_section_titles() -> None:
    # Defined once: a table is titled as the section it is the body of.
    for key, table in spec.tables().items():
        assert table.title == headings.section_title(key)


def test_table_3_rows_by_dotted_key() -> None:
    assert applications.row("received").label == "一、本年新收政府信息公开申请数量"
    assert applications.row("results") is applications.RESULTS
    assert applications.row("results.total") is applications.RESULTS_TOTAL
    assert applications.RESULTS_TOTAL.computed
    assert applications.row("results.withheld.state_secret").label == "1.属于国家秘密"
    assert applications.path("results.total") == "applications.results.total"
    with pytest.raises(KeyError, match="carried_forward"):
        applications.row("carried")
    with pytest.raises(KeyError, match="withheld"):
        applications.path("results.witheld")


def test_a_row_knows_the_number_its_label_starts_with() -> None:
    assert applications.row("carried_forward").number == "四、"
    assert applications.RESULTS.child("disclosed").number == "（一）"
    assert applications.RESULTS_TOTAL.number == "（七）"
    assert applications.row("results.other_handling.other").number == "3."


def test_columns_are_the_applicants_then_the_total() -> None:
    assert (*applications.APPLICANT_COLUMNS, applications.TOTAL_COLUMN) == applications.COLUMNS
    assert applications.TOTAL_COLUMN.text == "总计"


def test_table_4_groups_by_key() -> None:
    assert review.group("review").text == "行政复议"
    assert review.group("litigation_direct").text == "行政诉讼/未经复议直接起诉"
    key, chain = review.GROUPS[2]  # still a pair for old code
    assert (key, chain) == ("litigation_after_review", ("行政诉讼", "复议后起诉"))
    with pytest.raises(KeyError, match="review"):
        review.group("appeal")


def test_table_2_decision_blocks_are_those_counting_decisions() -> None:
    blocks = proactive.DECISION_BLOCKS
    assert [b.group for b in blocks] == [proactive.ARTICLE_20_5, proactive.ARTICLE_20_6]
    assert [r.key for b in blocks for r in b.rows] == ["licensing", "punishment", "coercion"]
    group, value_label, rows = proactive.SINGLE_VALUE_BLOCKS[2]  # still a triple
    assert (group, value_label, rows.of("fees").text) == (
        proactive.ARTICLE_20_8,
        proactive.FEE_AMOUNT,
        "行政事业性收费",
    )
