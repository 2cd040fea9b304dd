"""Plausible agencies for synthetic reports: place names, departments, levels.

Names are built from short lists of real-looking places and the usual names of
departments, so a run of thousands shows every level, many places and many
departments, as a provincial platform sees them.
"""

from __future__ import annotations

import random
from typing import NamedTuple

from govreport.model import AdminLevel

#: (province, its cities, (county-level units of the first cities)).
_PROVINCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("浙江省", ("杭州市", "宁波市", "温州市", "绍兴市", "湖州市", "嘉兴市", "金华市", "台州市")),
    ("江苏省", ("南京市", "苏州市", "无锡市", "常州市", "扬州市", "南通市", "徐州市")),
    ("福建省", ("福州市", "厦门市", "泉州市", "漳州市", "莆田市", "南平市", "龙岩市")),
    ("四川省", ("成都市", "绵阳市", "德阳市", "宜宾市", "南充市", "泸州市", "乐山市")),
    ("湖南省", ("长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "郴州市")),
    ("河南省", ("郑州市", "洛阳市", "开封市", "新乡市", "南阳市", "许昌市", "信阳市")),
    ("山东省", ("济南市", "青岛市", "烟台市", "潍坊市", "临沂市", "济宁市", "淄博市")),
    ("广东省", ("广州市", "深圳市", "佛山市", "东莞市", "珠海市", "惠州市", "江门市")),
    ("湖北省", ("武汉市", "宜昌市", "襄阳市", "荆州市", "黄冈市", "孝感市", "十堰市")),
    ("安徽省", ("合肥市", "芜湖市", "蚌埠市", "安庆市", "阜阳市", "六安市", "滁州市")),
    ("江西省", ("南昌市", "赣州市", "九江市", "上饶市", "吉安市", "宜春市", "景德镇市")),
    ("云南省", ("昆明市", "曲靖市", "玉溪市", "保山市", "丽江市", "昭通市", "普洱市")),
)

#: First syllables and second syllables of county and township names.
_HEADS = "东西南北中新上下大小长永安平清白青石龙凤金银双高马云桃柳梅松竹兰花山河湖溪江"
_TAILS = "安平宁和兴阳山湖源泉城桥塘浦口港坪坝溪川田林丰华庄岗沙岭关水渡"
_COUNTY_SUFFIXES = ("区", "县", "县", "市")
_TOWNSHIP_SUFFIXES = (
    ("镇人民政府", 5),
    ("乡人民政府", 2),
    ("街道办事处", 3),
)

#: Departments of a county or city government (局, 委员会, 办公室 …).
_DEPARTMENTS = (
    "发展和改革局", "教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局",
    "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局",
    "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
    "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
    "城市管理局", "林业局", "体育局", "人民政府办公室", "数据资源管理局", "信访局",
)  # fmt: skip
#: Departments of a provincial government (厅, 委员会).
_PROVINCIAL_DEPARTMENTS = (
    "发展和改革委员会", "教育厅", "科学技术厅", "公安厅", "民政厅", "司法厅", "财政厅",
    "人力资源和社会保障厅", "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅",
    "水利厅", "农业农村厅", "商务厅", "文化和旅游厅", "卫生健康委员会", "审计厅",
    "市场监督管理局", "统计局", "医疗保障局", "林业局",
)  # fmt: skip
_MINISTRIES = (
    "教育部", "科学技术部", "公安部", "民政部", "司法部", "财政部", "人力资源和社会保障部",
    "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部", "农业农村部",
    "商务部", "文化和旅游部", "国家卫生健康委员会", "应急管理部", "审计署",
)  # fmt: skip

#: How often each level occurs: townships and county departments are most units.
_LEVEL_WEIGHTS: tuple[tuple[AdminLevel, int], ...] = (
    (AdminLevel.TOWNSHIP, 42),
    (AdminLevel.COUNTY_DEPARTMENT, 30),
    (AdminLevel.COUNTY_GOVERNMENT, 6),
    (AdminLevel.CITY_DEPARTMENT, 13),
    (AdminLevel.CITY_GOVERNMENT, 3),
    (AdminLevel.PROVINCIAL_DEPARTMENT, 4),
    (AdminLevel.PROVINCIAL_GOVERNMENT, 1),
    (AdminLevel.STATE_COUNCIL_DEPARTMENT, 1),
)
_LEVELS = tuple(level for level, _ in _LEVEL_WEIGHTS)
_CUMULATIVE = tuple(sum(w for _, w in _LEVEL_WEIGHTS[: i + 1]) for i in range(len(_LEVEL_WEIGHTS)))


class Place(NamedTuple):
    """Where an agency sits: the names above it, for its name and its address."""

    province: str
    city: str
    county: str


class AgencyName(NamedTuple):
    name: str
    level: AdminLevel
    place: Place
    #: The short name the narrative uses for itself (本镇, 本局, 市政府 …).
    self_name: str


def _two(rng: random.Random) -> str:
    return rng.choice(_HEADS) + rng.choice(_TAILS)


def pick_level(rng: random.Random) -> AdminLevel:
    draw = rng.randrange(_CUMULATIVE[-1])
    for level, bound in zip(_LEVELS, _CUMULATIVE, strict=True):
        if draw < bound:
            return level
    raise AssertionError("unreachable")  # pragma: no cover


def pick_place(rng: random.Random) -> Place:
    province, cities = rng.choice(_PROVINCES)
    return Place(province, rng.choice(cities), _two(rng) + rng.choice(_COUNTY_SUFFIXES))


def agency_name(rng: random.Random, level: AdminLevel, place: Place) -> AgencyName:
    """A name as such an agency writes it on its report, with how its text calls itself."""
    p, city, county = place
    if level is AdminLevel.TOWNSHIP:
        suffix = rng.choices([s for s, _ in _TOWNSHIP_SUFFIXES], [w for _, w in _TOWNSHIP_SUFFIXES])
        short = suffix[0][:2] if suffix[0].startswith("街道") else suffix[0][0]
        return AgencyName(f"{city}{county}{_two(rng)}{suffix[0]}", level, place, f"本{short}")
    if level is AdminLevel.COUNTY_DEPARTMENT:
        dept = rng.choice(_DEPARTMENTS)
        return AgencyName(f"{city}{county}{dept}", level, place, f"本{_unit(dept)}")
    if level is AdminLevel.COUNTY_GOVERNMENT:
        return AgencyName(f"{city}{county}人民政府", level, place, f"{county[-1]}政府")
    if level is AdminLevel.CITY_DEPARTMENT:
        dept = rng.choice(_DEPARTMENTS)
        return AgencyName(f"{city}{dept}", level, place, f"本{_unit(dept)}")
    if level is AdminLevel.CITY_GOVERNMENT:
        return AgencyName(f"{city}人民政府", level, place, "市政府")
    if level is AdminLevel.PROVINCIAL_DEPARTMENT:
        dept = rng.choice(_PROVINCIAL_DEPARTMENTS)
        return AgencyName(f"{p}{dept}", level, place, f"本{_unit(dept)}")
    if level is AdminLevel.PROVINCIAL_GOVERNMENT:
        return AgencyName(f"{p}人民政府", level, place, "省政府")
    ministry = rng.choice(_MINISTRIES)
    return AgencyName(f"中华人民共和国{ministry}", level, place, f"本{_unit(ministry)}")


def _unit(department: str) -> str:
    """局, 委, 厅, 部, 署, 办: what a department calls itself after 本."""
    if department.endswith("委员会"):
        return "委"
    if department.endswith("办公室"):
        return "办"
    return department[-1]
