from __future__ import annotations

import attrs
import pytest

from govreport import spec
from govreport.document import (
    OFFICIAL_PROVIDERS,
    Heading,
    Paragraph,
    Placement,
    PlacementError,
    Section,
    SectionProvider,
    Table,
    assemble,
)
from govreport.model import ListStyle, ProblemsAndImprovements, TextPart
from govreport.spec.grid import CellRole
from govreport.testing import sample_report, zero_report


def test_six_official_sections_numbered_in_order() -> None:
    doc = assemble(sample_report(), OFFICIAL_PROVIDERS)
    assert [s.heading for s in doc.sections] == [
        spec.headings.section_heading(i, t) for i, (_, t) in enumerate(spec.SECTIONS, 1)
    ]
    assert doc.title_lines == ("平潭综合实验区管理委员会", "2024年政府信息公开工作年度报告")


def test_tables_carry_official_geometry_and_model_numbers() -> None:
    doc = assemble(sample_report(), OFFICIAL_PROVIDERS)
    tables = {t.key: t for t in doc.tables()}
    assert set(tables) == set(spec.tables())
    for key, table in tables.items():
        official = spec.tables()[key]
        assert [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
            (c.row, c.col, c.rowspan, c.colspan) for c in official.cells
        ]
    fee = next(c for c in tables["proactive"].cells if c.path == "proactive.fees")
    assert fee.text == "18651.06"
    grand_total = next(
        c for c in tables["applications"].cells if c.path == "applications.results.total.total"
    )
    assert (grand_total.text, grand_total.role) == ("218", CellRole.TOTAL)


def test_placeholders_are_evaluated_in_narrative() -> None:
    doc = assemble(sample_report(), OFFICIAL_PROVIDERS)
    texts = [b.text for b in doc.section("overview").blocks if isinstance(b, Paragraph)]
    assert "全年办理政府信息公开申请218件。" in texts


def test_overview_subparts_numbered_and_empty_ones_left_out() -> None:
    report = zero_report()
    report = attrs.evolve(
        report, overview=attrs.evolve(report.overview, platforms="网站。", supervision="考核。")
    )
    doc = assemble(report, OFFICIAL_PROVIDERS)
    headings = [b.text for b in doc.section("overview").blocks if isinstance(b, Heading)]
    assert headings == ["（一）政府信息公开平台建设", "（二）监督保障"]


def test_problems_enumerated_or_as_paragraphs() -> None:
    # The writer's own final punctuation is kept (丙；), never rewritten; rule
    # L1 warns about it instead.
    p = ProblemsAndImprovements(
        problems_intro="问题：", problems=("甲", "乙。"), improvements=("丙；",)
    )
    doc = assemble(zero_report(problems=p), OFFICIAL_PROVIDERS)
    assert [b.text for b in doc.section("problems").blocks] == [
        "问题：一是甲；二是乙。",
        "一是丙；",
    ]
    doc = assemble(
        zero_report(problems=attrs.evolve(p, style=ListStyle.PARAGRAPHS)), OFFICIAL_PROVIDERS
    )
    assert [b.text for b in doc.section("problems").blocks] == [
        "问题：",
        "一是甲；",
        "二是乙。",
        "一是丙；",
    ]


def test_fee_sentence_added_once() -> None:
    doc = assemble(zero_report(), OFFICIAL_PROVIDERS)
    assert [b.text for b in doc.section("other").blocks] == ["2024年度，本机关未收取信息处理费。"]
    report = zero_report(other=attrs.evolve(zero_report().other, text="本年度未收取信息处理费。"))
    doc = assemble(report, OFFICIAL_PROVIDERS)
    assert [b.text for b in doc.section("other").blocks] == ["本年度未收取信息处理费。"]


def _extra(where: Placement, key: str = "extra") -> SectionProvider:
    return SectionProvider(
        key, lambda ctx: Section(key, "附加事项", (Heading("说明"), Paragraph("正文"))), where
    )


@pytest.mark.parametrize(
    ("placement", "keys"),
    [
        (Placement.at_end(), [*dict(spec.SECTIONS), "extra"]),
        (
            Placement.after("problems"),
            [
                "overview",
                "proactive",
                "applications",
                "review_litigation",
                "problems",
                "extra",
                "other",
            ],
        ),
        (Placement.before("overview"), ["extra", *dict(spec.SECTIONS)]),
        (
            Placement.replace("problems"),
            ["overview", "proactive", "applications", "review_litigation", "extra", "other"],
        ),
    ],
)
def test_providers_place_sections_and_numbering_follows(
    placement: Placement, keys: list[str]
) -> None:
    doc = assemble(sample_report(), (*OFFICIAL_PROVIDERS, _extra(placement)))
    assert list(doc.section_keys) == keys
    i = keys.index("extra") + 1
    assert doc.section("extra").heading == spec.headings.section_heading(i, "附加事项")
    assert doc.section("other").heading.endswith("其他需要报告的事项")


def test_extend_appends_a_numbered_subsection() -> None:
    doc = assemble(sample_report(), (*OFFICIAL_PROVIDERS, _extra(Placement.extend("other"))))
    blocks = doc.section("other").blocks
    assert [b.text for b in blocks] == ["2024年度，本机关未收取信息处理费。", "（一）说明", "正文"]
    assert "extra" not in doc.section_keys


def test_unknown_target_is_a_clear_error() -> None:
    with pytest.raises(PlacementError, match=r"'nope'.*sections: overview"):
        assemble(sample_report(), (*OFFICIAL_PROVIDERS, _extra(Placement.after("nope"))))


def test_opening_generated_from_agency_and_period() -> None:
    doc = assemble(sample_report(), OFFICIAL_PROVIDERS)
    (opening,) = doc.preamble
    assert isinstance(opening, Paragraph)
    assert "统计期限自2024年1月1日起至2024年12月31日止" in opening.text
    assert "邮编：350400" in opening.text
    assert doc.signature is not None and doc.signature.date == "2025年3月10日"


def test_table_block_type() -> None:
    doc = assemble(sample_report(), OFFICIAL_PROVIDERS)
    assert all(isinstance(t, Table) for t in doc.tables())


def test_items_numbered_by_their_writer_are_printed_as_written() -> None:
    # A wrong sequence (一是, 三是) is the writer's: printed as is, rule L1 warns.
    p = ProblemsAndImprovements(problems=("一是甲", "三是乙"))
    doc = assemble(zero_report(problems=p), OFFICIAL_PROVIDERS)
    assert [b.text for b in doc.section("problems").blocks] == ["一是甲；三是乙。"]


def test_parts_are_printed_verbatim_under_their_own_headings() -> None:
    report = zero_report(
        problems=ProblemsAndImprovements(
            parts=(
                TextPart(heading="", text="总的来看，仍有不足。"),
                TextPart(heading="（一）存在的主要问题", text="一是甲；二是乙。\n其次，丙。"),
            )
        )
    )
    report = attrs.evolve(
        report,
        overview=attrs.evolve(
            report.overview, parts=(TextPart(heading="（一）主动公开方面", text="公开了。"),)
        ),
    )
    doc = assemble(report, OFFICIAL_PROVIDERS)
    overview = doc.section("overview").blocks
    assert [(type(b).__name__, b.text) for b in overview] == [
        ("Heading", "（一）主动公开方面"),
        ("Paragraph", "公开了。"),
    ]
    problems = doc.section("problems").blocks
    assert [b.text for b in problems] == [
        "总的来看，仍有不足。",
        "（一）存在的主要问题",
        "一是甲；二是乙。",
        "其次，丙。",
    ]


def test_a_report_without_signature_block_gets_none() -> None:
    report = attrs.evolve(zero_report(), signed=False)
    assert assemble(report, OFFICIAL_PROVIDERS).signature is None
    assert assemble(zero_report(), OFFICIAL_PROVIDERS).signature is not None


def test_the_title_as_printed_is_kept() -> None:
    report = attrs.evolve(
        zero_report(), title_text=f"{zero_report().agency.name}2024年政府信息公开工作年报告"
    )
    doc = assemble(report, OFFICIAL_PROVIDERS)
    assert doc.title_lines == (report.agency.name, "2024年政府信息公开工作年报告")
    assert doc.title == report.title_text
