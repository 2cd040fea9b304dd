"""The 2019 trial format: 上海市人民政府办公厅's 2019 report, built from its transcribed tables."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govreport import Engine, spec
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
    assert set(handled) == {"other"}  # the sub-rows the trial format has not: left out


def _runs(cells: list[Any]) -> int:
    runs, before = 0, False
    for cell in cells:
        runs += cell is None and not before
        before = cell is None
    return runs


def test_blank_cells_are_the_loaders_to_report_blank_totals_said_once_per_run(
    imported: Imported, printed: dict[str, Any]
) -> None:
    """The page leaves 125 cells blank: the loader says so once per region (D4), not the mapper."""
    rows = list(printed["applications"]["rows"].values())
    body = [v for row in rows for v in row[:6]]
    totals = [row[6] for row in rows]
    review = printed["review_litigation"]
    review_totals = review[4::5]
    assert sum(v is None for v in body + totals + review) > 100
    assert [n for n in imported.notes if n.code == "M6"] == []
    total_notes = [n for n in imported.notes if n.code == "M7"]
    assert len(total_notes) == _runs(totals) + _runs(review_totals)
    assert {n.severity for n in total_notes} == {Severity.INFO}
    first_total = total_notes[0]
    assert first_total.path == "applications.results.disclosed.total"
    assert "共 19 个总计单元格" in first_total.message


def test_cells_the_trial_format_has_not_are_left_out_not_written_blank(
    imported: Imported,
) -> None:
    """D4 reports only what was printed blank; M14 alone says what the trial format lacks."""
    proactive = imported.data["proactive"]
    assert proactive == {"licensing": 0, "punishment": 0, "coercion": 0}
    [trial] = [n for n in imported.notes if n.code == "M14"]
    assert trial.severity is Severity.INFO
    assert "第二十条第（一）项/规章/本年制发件数" in trial.message and "未印出" in trial.message
    loaded = Engine().parse_report(imported.data)
    d4 = [p.path for p in loaded.problems if p.code == "D4"]
    assert d4 and not [p for p in d4 if p.startswith("proactive")]
    assert not [p for p in d4 if ".other_handling.not_corrected" in p or "fee_unpaid" in p]
    assert loaded.report.proactive.fees == 0 and loaded.report.proactive.rules.in_force == 0
    # Every D4 region starts at a cell the page printed blank.
    blank = set(loaded.report.blank_cells)
    assert {p for p in d4} <= blank
    assert not [p for p in loaded.problems if p.code in ("D1", "D2", "D3")]


def test_sections_as_written(imported: Imported) -> None:
    data = imported.data
    # The page dump abridges 一 as "（三）政府信息管理方面 …… （四）平台建设方面 ……":
    # a heading and a space before its text, as bold headings are printed.
    assert [p["heading"] for p in data["overview"]["parts"]] == [
        "（一）主动公开方面",
        "（二）依申请公开方面",
        "（三）政府信息管理方面",
    ]
    assert data["overview"]["parts"][2]["text"].startswith("…… （四）平台建设方面")
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
