"""The 2019 trial format: 上海市人民政府办公厅's 2019 report, built from its transcribed tables."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govreport import spec
from govreport.findings import Severity
from govreport.importing.blocks import Block, Para, Source
from govreport.importing.mapper import Imported, map_source
from govreport.importing.trial2019 import TRIAL_2019, Trial2019, target
from govreport.io import structure
from tests.importing.mapper_grids import DATA, html_grids

NAME = "2019_shanghai_bgt"


def shanghai() -> Source:
    """The report as a reader would give it: its paragraphs, and the three tables where printed."""
    lines = (DATA / f"{NAME}.txt").read_text(encoding="utf-8").splitlines()
    text = lines[lines.index("2019年上海市人民政府办公厅政府信息公开工作年度报告") :]
    two = text.index("二、主动公开政府信息情况")
    five = text.index("五、政府信息公开工作存在的主要问题及改进情况")
    grids = html_grids((DATA / f"{NAME}.tables.html").read_text(encoding="utf-8"))
    blocks: list[Block] = [Para(t) for t in text[:two]]
    headings = (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    )
    for heading, grid in zip(headings, grids, strict=True):
        blocks += [Para(heading), grid]
    blocks += [Para(t) for t in text[five:]]
    return Source("html", tuple(blocks))


@pytest.fixture(scope="module")
def imported() -> Imported:
    return map_source(shanghai())


@pytest.fixture(scope="module")
def printed() -> dict[str, Any]:
    return json.loads((DATA / f"{NAME}.json").read_text(encoding="utf-8"))


def test_agency_year_and_page_date(imported: Imported) -> None:
    data = imported.data
    assert data["agency"]["name"] == "上海市人民政府办公厅"
    assert data["year"] == 2019
    assert data["published"] == dt.date(2020, 1, 31)  # the page's 发布日期, said in a note
    assert data["agency"]["website"] == "www.shanghai.gov.cn"
    assert data["opening"].startswith("本年度报告根据《中华人民共和国政府信息公开条例》")


def test_the_trial_block_keeps_what_2021_has_no_place_for(imported: Imported) -> None:
    assert imported.data["extensions"]["trial2019"] == {
        "rules": {"made": 13, "published": 13, "total_published": 524},
        "normative_documents": {"made": 60, "published": 60, "total_published": 368},
        "licensing": {"previous_items": 0, "change": 0},
        "other_services": {"previous_items": 0, "change": 0, "decisions": 0},
        "punishment": {"previous_items": 0, "change": 0},
        "coercion": {"previous_items": 0, "change": 0},
        "fees": {"previous_items": 0, "change": 0},
        "procurement": {"items": 6, "amount": Decimal("251000"), "unit": "元"},
    }


def test_the_trial_block_loads_into_its_class_without_a_problem(imported: Imported) -> None:
    col = structure.Collector()
    block = structure.structure(
        Trial2019, imported.data["extensions"]["trial2019"], TRIAL_2019.path, col
    )
    assert col.problems == []
    assert isinstance(block, Trial2019)
    assert block.procurement.amount == Decimal(251000) and block.rules.total_published == 524


def test_what_means_the_same_goes_to_the_2021_keys_the_rest_is_null_with_one_note(
    imported: Imported,
) -> None:
    proactive = imported.data["proactive"]
    assert (proactive["licensing"], proactive["punishment"], proactive["coercion"]) == (0, 0, 0)
    assert proactive["rules"] == dict.fromkeys(("issued", "repealed", "in_force"))
    assert proactive["normative_documents"] == dict.fromkeys(("issued", "repealed", "in_force"))
    assert proactive["fees"] is None
    [note] = [n for n in imported.notes if n.code == "M14"]
    assert note.severity is Severity.INFO and "本年制发件数" in note.message


def test_table_3_and_4_read_fully_blank_cells_kept_blank(
    imported: Imported, printed: dict[str, Any]
) -> None:
    by_chain = {"/".join(chain): path for path, chain in spec.field_labels().items()}
    rows = printed["applications"]["rows"]
    applications = imported.data["applications"]
    for chain, values in rows.items():
        if chain == "三、本年度办理结果/（六）其他处理":
            path = "applications.results.other_handling.other"
        else:
            path = by_chain[chain]
        here: Any = applications
        for part in path.split(".")[1:]:
            here = here[part]
        assert here == values, chain
    review = imported.data["review_litigation"]
    flat = [
        review[g.key][o]
        for g in spec.review.GROUPS
        for o in (*spec.review.OUTCOMES.all_keys(), "total")
    ]
    assert flat == printed["review_litigation"]


def test_other_handling_is_one_row_in_the_trial_format_said_in_an_info_note(
    imported: Imported,
) -> None:
    [note] = [n for n in imported.notes if n.code == "M11"]
    assert note.severity is Severity.INFO and "2019年试行格式" in note.message
    handled = imported.data["applications"]["results"]["other_handling"]
    assert handled["not_corrected"] == [None] * 7


def _runs(cells: list[Any]) -> int:
    runs, before = 0, False
    for cell in cells:
        runs += cell is None and not before
        before = cell is None
    return runs


def test_one_note_per_blank_region_not_per_cell(
    imported: Imported, printed: dict[str, Any]
) -> None:
    """The page leaves 125 cells blank: one note per run of them, in the order printed."""
    rows = list(printed["applications"]["rows"].values())
    body = [v for row in rows for v in row[:6]]
    totals = [row[6] for row in rows]
    review = printed["review_litigation"]
    outcomes = [v for i, v in enumerate(review) if i % 5 != 4]
    review_totals = review[4::5]
    blank_notes = [n for n in imported.notes if n.code == "M6"]
    total_notes = [n for n in imported.notes if n.code == "M7"]
    assert len(blank_notes) == _runs(body) + _runs(outcomes)
    assert len(total_notes) == _runs(totals) + _runs(review_totals)
    assert sum(v is None for v in body + totals + review) > 100
    assert len(blank_notes) + len(total_notes) < 30
    first_total = total_notes[0]
    assert first_total.path == "applications.results.disclosed.total"
    assert "共 19 个总计单元格" in first_total.message


def test_sections_as_written(imported: Imported) -> None:
    data = imported.data
    assert [p["heading"] for p in data["overview"]["parts"]] == [
        "（一）主动公开方面",
        "（二）依申请公开方面",
    ]
    assert [p["heading"] for p in data["problems"]["parts"]] == ["（一）主要问题", "（二）改进措施"]
    assert data["problems"]["parts"][0]["text"].startswith("一是新《条例》实施后")
    assert data["other"] == {"text": "无。"}


def test_where_each_trial_cell_goes() -> None:
    assert target("rules", "made") == "extensions.trial2019.rules.made"
    assert target("licensing", "decisions") == "proactive.licensing"
    assert target("other_services", "decisions") == "extensions.trial2019.other_services.decisions"
    assert target("fees", "decisions") is None
    assert target("procurement", "amount") == "extensions.trial2019.procurement.amount"
    assert target("licensing", "made") is None


def test_a_negative_change_is_kept(imported: Imported) -> None:
    source = shanghai()
    grids = [b for b in source.blocks if not isinstance(b, Para)]
    two = grids[0]
    cells = tuple(attrs.evolve(c, text="-3") if (c.row, c.col) == (6, 3) else c for c in two.cells)
    blocks = tuple(attrs.evolve(b, cells=cells) if b is two else b for b in source.blocks)
    data = map_source(Source("html", blocks)).data
    assert data["extensions"]["trial2019"]["licensing"]["change"] == -3
