"""Every real fixture under tests/data/importing through its reader and the mapper.

No fixture may give a traceback or a data file the loader refuses, and the
ones that once gave a wrong value without saying so are checked field by
field: a text dump that runs the whole report into one line, a dump whose
title follows a label (``标题:``), tables whose header names only some of the
official columns (Word exports and portal shells).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import Engine
from govreport.findings import Severity
from govreport.importing.mapper import Imported, map_source
from govreport.importing.plugin import READERS
from govreport.importing.sections import split_at_headings
from govreport.io.errors import UnreadableFileError

DATA = Path(__file__).parent.parent / "data" / "importing"
KINDS = {".html": "html", ".pdf": "pdf", ".docx": "docx", ".txt": "txt"}
FIXTURES = sorted(p.relative_to(DATA).as_posix() for p in DATA.glob("*/*") if p.suffix in KINDS)


def _map(relative: str) -> Imported:
    path = DATA / relative
    return map_source(READERS[KINDS[path.suffix]][1](path))


@pytest.mark.parametrize("relative", FIXTURES)
def test_every_fixture_maps_to_data_the_loader_accepts(relative: str) -> None:
    try:
        imported = _map(relative)
    except UnreadableFileError:
        return  # refused with a reason (scanned, encrypted, Word 97): the readers' tests
    loaded = Engine().parse_report(imported.data)
    # Only what the report did not print may be missing (name, level, year): never a
    # key or value the mapper made up.
    assert {p.code for p in loaded.problems} <= {"D3", "D4"}
    assert {p.path for p in loaded.problems if p.code == "D3"} <= {
        "agency.name",
        "agency.level",
        "year",
    }


# -- a text dump that runs the report into one line ----------------------------------


def test_a_report_run_into_one_line_is_cut_at_its_headings() -> None:
    """The crawler's body line gives the same texts as the page itself, said in notes."""
    from govreport.importing.html import read_html

    dump = _map("txt/2024_pingtan.body.txt")
    page = map_source(read_html(DATA / "html" / "2024_pingtan.page.html"))
    for key in ("opening", "overview", "problems", "other"):
        assert dump.data[key] == page.data[key], key
    assert len(dump.data["overview"]["parts"]) == 5
    cut = [n for n in dump.notes if n.code == "M3"]
    assert [n.severity for n in cut] == [Severity.INFO] * 2
    assert "6 个章节标题" in cut[0].message and "小标题" in cut[1].message
    # The tables run together are text left out, said; their numbers are not guessed.
    assert [n.code for n in dump.notes if n.code in ("M4", "M16")] == ["M16"] * 3 + ["M4"] * 3


def test_headings_listed_in_a_sentence_are_not_cut() -> None:
    listing = (
        "本报告共分6个部分：一、总体情况，二、主动公开政府信息情况，"
        "三、收到和处理政府信息公开申请情况等。本报告所列数据统计期限为2024年1月1日至12月31日。"
    )
    assert split_at_headings(listing) == [listing]
    before = "2024年，本机关未收取信息处理费，无其他需要报告的事项。"
    after = "二、主动公开政府信息情况第二十条第（一）项信息内容规章000"
    assert split_at_headings(before + after) == [before, after]


def test_a_title_after_a_label_in_a_dump() -> None:
    imported = _map("mapper/2024_pingtan.txt")
    data = imported.data
    assert (data["agency"]["name"], data["year"]) == ("平潭综合实验区", 2024)
    assert data["title_text"] == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert not [n for n in imported.notes if n.code == "M1"]


# -- tables whose header names only some columns ----------------------------------------


def test_table_3_with_a_header_naming_some_columns_places_what_it_names() -> None:
    """The Word export prints 自然人 and 商业企业 only: each row's two values, one note a column."""
    imported = _map("html/word_export.html")
    results = imported.data["applications"]["results"]
    assert results["disclosed"] == [123, 45, None, None, None, None, None]
    assert results["withheld"]["state_secret"] == [0, None, None, None, None, None, None]
    assert results["withheld"]["prohibited_by_law"] == ["/", 6, None, None, None, None, None]
    columns = [n for n in imported.notes if n.code == "M13" and "表头中未找到" in n.message]
    assert len(columns) == 5 and {n.severity for n in columns} == {Severity.WARNING}
    assert "“总计”一列" in columns[-1].message
    # The rows are official rows: no note may call them text outside the format.
    assert not [n for n in imported.notes if n.code == "M12"]


def test_table_4_with_a_header_naming_some_columns_reads_no_value_by_position() -> None:
    """行政复议 结果维持 | 总计 and 行政诉讼 结果维持 | 总计: 行政诉讼 names neither group."""
    imported = _map("html/shell_hanweb.html")
    review = imported.data["review_litigation"]
    assert review["review"] == {"upheld": 1, "total": 1}
    assert review["litigation_direct"] == {} and review["litigation_after_review"] == {}
    [note] = [n for n in imported.notes if n.code == "M5"]
    assert note.severity is Severity.WARNING
    assert "表头只识别出 2 列" in note.message and "（0、0）未读入" in note.message
    assert imported.data["applications"]["received"] == [12, None, None, None, None, None, 12]
