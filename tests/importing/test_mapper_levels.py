"""The agency's level guessed from its name: each row of the table, and the note that says so."""

from __future__ import annotations

import pytest

from govreport.findings import Severity
from govreport.importing.blocks import Para, Source
from govreport.importing.levels import COUNTY_CITY_CAVEAT, RULES, ZONE_CAVEAT, guess_level
from govreport.importing.mapper import map_source
from govreport.model.agency import AdminLevel

#: (name, level, the row of RULES that must give it); every row appears at least once.
CASES = [
    ("杭州市西湖区双浦镇人民政府", "township", 0),
    ("某某街道办事处", "township", 0),
    ("某某乡人民政府", "township", 0),
    ("某某县某某镇人民政府办公室", "township", 0),
    ("平潭综合实验区", "county_government", 1),
    ("平潭综合实验区管理委员会", "county_government", 1),
    ("某某经济技术开发区管委会", "county_government", 1),
    ("某某高新区管理委员会", "county_government", 1),
    ("平潭综合实验区经济发展局", "county_department", 2),
    ("国务院办公厅", "state_council_department", 3),
    ("国家统计局", "state_council_department", 3),
    ("国家市场监督管理总局", "state_council_department", 3),
    ("中华人民共和国教育部", "state_council_department", 3),
    ("自然资源部", "state_council_department", 4),
    ("海关总署", "state_council_department", 4),
    ("浙江省人民政府", "provincial_government", 5),
    ("浙江省人民政府办公厅", "provincial_government", 5),
    ("上海市人民政府办公厅", "provincial_government", 5),
    ("广西壮族自治区人民政府", "provincial_government", 5),
    ("浙江省", "provincial_government", 5),
    ("浙江省教育厅", "provincial_department", 6),
    ("上海市教育委员会", "provincial_department", 6),
    ("广东省市场监督管理局", "provincial_department", 6),
    ("淮安市人民政府", "city_government", 7),
    ("淮安市人民政府办公室", "city_government", 7),
    ("江苏省淮安市人民政府", "city_government", 7),
    ("延边朝鲜族自治州人民政府", "city_government", 7),
    ("杭州市", "city_government", 7),
    ("阿勒泰地区行政公署", "city_government", 7),
    ("某某县人民政府", "county_government", 8),
    ("杭州市西湖区人民政府", "county_government", 8),
    ("北京市朝阳区人民政府", "county_government", 8),
    ("某某县人民政府办公室", "county_government", 8),
    ("杭州市西湖区", "county_government", 8),
    ("上海市浦东新区人民政府", "county_government", 8),
    ("苏州市昆山市人民政府", "county_government", 9),
    ("淮安市市场监督管理局", "city_department", 10),
    ("杭州市人民政府外事办公室", "city_department", 10),
    ("淮安市政务服务中心", "city_department", 10),
    ("某某县教育局", "county_department", 11),
    ("杭州市西湖区卫生健康局", "county_department", 11),
    ("苏州市昆山市城市管理局", "county_department", 11),
    ("北京市朝阳区教育委员会", "county_department", 11),
]


@pytest.mark.parametrize(("name", "level", "row"), CASES)
def test_each_row_of_the_table(name: str, level: str, row: int) -> None:
    guess = guess_level(name)
    assert guess is not None
    assert (guess.level, guess.rule) == (level, RULES[row])


def test_every_row_is_tested_and_gives_a_real_level() -> None:
    assert {row for _, _, row in CASES} == set(range(len(RULES)))
    assert {AdminLevel(rule.level) for rule in RULES} == set(AdminLevel)


@pytest.mark.parametrize("name", ["", "  ", "某某", "某某公司", "本报告"])
def test_a_name_no_row_matches_gets_no_guess(name: str) -> None:
    assert guess_level(name) is None


def _level_note(agency: str) -> tuple[dict[str, object], str]:
    source = Source("html", (Para(f"{agency}2024年政府信息公开工作年度报告"),))
    imported = map_source(source)
    [note] = [n for n in imported.notes if n.code == "M2"]
    assert note.severity is Severity.INFO and note.path == "agency.level"
    return imported.data["agency"], note.message


def test_the_note_says_the_guess_and_the_rule() -> None:
    agency, message = _level_note("淮安市人民政府")
    assert agency["level"] == "city_government"
    assert "设区的市级人民政府" in message and RULES[7].said in message
    assert COUNTY_CITY_CAVEAT in message


def test_a_zone_is_said_to_be_a_zone_whose_level_the_name_cannot_tell() -> None:
    agency, message = _level_note("平潭综合实验区")
    assert agency["level"] == "county_government"
    assert ZONE_CAVEAT in message and "无法从名称判断" in message


def test_no_level_is_written_without_a_guess() -> None:
    imported = map_source(Source("html", (Para("某某公司2024年政府信息公开工作年度报告"),)))
    assert "level" not in imported.data["agency"]
    assert [n for n in imported.notes if n.code == "M2"] == []
