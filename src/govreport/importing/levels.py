"""The administrative level of an agency, guessed from its name by a small table of patterns.

A published report never states its agency's ``level``; the name usually
tells it.  :data:`RULES` is the whole guess: each rule is a pattern over the
whole name (spaces removed, NFKC) and the level it gives, tried in order, the
first that matches wins.  The import says which rule it used (note M2), so a
civil servant can check it.  A name no rule matches gets no guess: no level
is written, and the loader asks for one.

The order matters: a township's name holds its county's (``杭州市西湖区
双浦镇人民政府``), so townships come first; a zone (``平潭综合实验区``) looks
like a district, so zones come before counties; a government's own office
(``淮安市人民政府办公室``, which publishes the government's report) is the
government, not one of its departments.  Two things a name cannot tell, said
in the note: a 县级市 is named like a 地级市 (``XX市人民政府``), and a zone
(综合实验区, 新区, 开发区, 高新区) may be of a city's or a county's level.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import attrs

# -- the places a name starts with (regular expressions) ------------------------------

_PROVINCE: Final = r"(?:[^省市县区]{2,7}?省|[^省市县区]{2,10}?自治区)"
#: Direct-controlled municipalities are of a province's level.
_MUNICIPALITY: Final = r"(?:北京市|天津市|上海市|重庆市)"
#: A prefecture-level place: 市, 自治州, 地区, 盟 (州 not read out of 杭州市).
_CITY: Final = r"(?:[^省市县区旗盟]{1,10}?(?:自治州|地区|盟|市|州(?!市)))"
_COUNTY: Final = r"(?:[^省市县区旗盟]{1,10}?(?:自治县|县|自治旗|旗|区))"
#: A county-level city, printed after its prefecture (苏州市昆山市).
_COUNTY_CITY: Final = r"(?:[^省市县区旗盟]{1,10}?市)"
#: A government (or its general office, which publishes its report); a name
#: that is a place alone (``杭州市2024年…年度报告``) is its government's too.
_GOVERNMENT: Final = r"(?:(?:人民政府|政府|行政公署)(?:办公厅|办公室)?)?"
#: How a department's name ends.
_DEPARTMENT: Final = r"(?:局|厅|委员会|委|办公室|办公厅|办|室|中心|署|院|处|所|站|队|会|部|馆|社)"
#: No further place in the rest of the name (市场 and 城市 are no place).
_NO_PLACE: Final = r"(?!.*(?:省|自治区|县|旗|盟|(?<!城)市(?!场)|(?<![社园])区))"
_ZONE: Final = (
    r"(?:综合实验区|综合试验区|实验区|试验区|新区|高新技术产业开发区|经济技术开发区|"
    r"经济开发区|开发区|高新区|保税区|自由贸易试验区|自贸区|工业园区|产业园区|园区)"
)
_ZONE_COMMITTEE: Final = r"(?:党工委)?(?:管理委员会|管委会)?"

ZONE_CAVEAT: Final = (
    "综合实验区、新区、开发区、高新区等园区的级别无法从名称判断（可能为设区的市级或县级），"
    "暂定为县级 (a zone: its level cannot be told from the name)"
)
COUNTY_CITY_CAVEAT: Final = (
    "县级市的名称与地级市相同，如为县级市请改为县级人民政府 "
    "(a county-level city is named like a prefecture-level one)"
)


@attrs.frozen
class Rule:
    """One row of the table: names matching ``pattern`` are of ``level``."""

    pattern: re.Pattern[str]
    level: str
    #: The rule in words, for the note: Chinese, then English in brackets.
    said: str
    #: What the name cannot tell, said in the note ("" for nothing).
    caveat: str = ""


def _rule(pattern: str, level: str, said: str, caveat: str = "") -> Rule:
    return Rule(re.compile(rf"^{pattern}$"), level, said, caveat)


#: The guess, row by row; the first matching row wins.
RULES: Final[tuple[Rule, ...]] = (
    _rule(
        r".*?(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处)?(?:办公室)?",
        "township",
        "名称以乡、镇、街道（办事处）结尾 (a township, town or subdistrict)",
    ),
    _rule(
        rf".*?{_ZONE}{_ZONE_COMMITTEE}(?:办公室)?",
        "county_government",
        "名称为园区或其管委会 (a zone or its administrative committee)",
        ZONE_CAVEAT,
    ),
    _rule(
        rf".*?{_ZONE}{_ZONE_COMMITTEE}.+?{_DEPARTMENT}",
        "county_department",
        "名称为园区的工作部门 (a department of a zone)",
        ZONE_CAVEAT,
    ),
    _rule(
        rf"(?:国务院|中华人民共和国|国家){_NO_PLACE}.+{_DEPARTMENT}",
        "state_council_department",
        "名称以国务院、中华人民共和国或国家开头，不含地名 (a national body, no place named)",
    ),
    _rule(
        rf"{_NO_PLACE}[^省市县区州盟旗]{{1,12}}(?:部|总署|总局)",
        "state_council_department",
        "名称为部、总署或总局，不含地名 (a ministry or national administration)",
    ),
    _rule(
        rf"(?:{_PROVINCE}|{_MUNICIPALITY}){_GOVERNMENT}",
        "provincial_government",
        "省、自治区、直辖市人民政府（含其办公厅，或仅印地名） (a province's government)",
    ),
    _rule(
        rf"(?:{_PROVINCE}|{_MUNICIPALITY}){_NO_PLACE}.+{_DEPARTMENT}",
        "provincial_department",
        "省、自治区、直辖市的厅、局、委员会等 (a department of a province)",
    ),
    _rule(
        rf"{_PROVINCE}?{_CITY}{_GOVERNMENT}",
        "city_government",
        "地级市、自治州、地区、盟人民政府（含其办公室，或仅印地名） (a prefecture's government)",
        COUNTY_CITY_CAVEAT,
    ),
    _rule(
        rf"(?:{_PROVINCE}|{_MUNICIPALITY})?{_CITY}?{_COUNTY}{_GOVERNMENT}",
        "county_government",
        "县、区、旗人民政府（含其办公室，或仅印地名） (a county's or district's government)",
    ),
    _rule(
        rf"{_PROVINCE}?{_CITY}{_COUNTY_CITY}{_GOVERNMENT}",
        "county_government",
        "地级市下的县级市人民政府 (a county-level city named after its prefecture)",
    ),
    _rule(
        rf"{_PROVINCE}?{_CITY}{_NO_PLACE}.+{_DEPARTMENT}",
        "city_department",
        "市的局、委员会、办公室、中心等 (a department of a city)",
    ),
    _rule(
        rf"(?:{_PROVINCE}|{_MUNICIPALITY})?(?:{_CITY}{_COUNTY_CITY}|{_CITY}?{_COUNTY})"
        rf"{_NO_PLACE}.+{_DEPARTMENT}",
        "county_department",
        "县、区的局、委员会、办公室、中心等 (a department of a county or district)",
    ),
)


@attrs.frozen
class Guess:
    level: str
    rule: Rule


def guess_level(name: str) -> Guess | None:
    """The likely ``agency.level`` of an agency called ``name``, and the rule that says so."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    if not folded:
        return None
    for rule in RULES:
        if rule.pattern.match(folded):
            return Guess(rule.level, rule)
    return None
