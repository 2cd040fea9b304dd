"""The report's title: the agency and the year it names, and the agency's level.

Titles come as ``XX2024年政府信息公开工作年度报告``, with ``年度`` for ``年``
(``XX2024年度…``), ``年报告`` for ``年度报告``, the year first
(``2019年XX政府信息公开工作年度报告``), in 《》, after a date, split over two
paragraphs (the agency on the first line), or followed by a portal's suffix
(``…年度报告_政府信息公开年报_XX``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import attrs

from govreport.importing.dates import find_date

#: The words every title ends with, in any of its variants.
_TAIL: Final = r"政府信息公开(?:工作)?(?:的)?年(?:度)?(?:工作)?报告"
_YEAR: Final = r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?"
#: An agency's name: no pause, no mark of running text or of a portal's path.
_NAME: Final = r"[^，,。；;:：>＞|/\\、！!？?]"
_AGENCY_FIRST: Final = re.compile(rf"^(?P<agency>{_NAME}{{0,40}}?)(?:关于)?{_YEAR}(?:度)?{_TAIL}$")
_YEAR_FIRST: Final = re.compile(rf"^{_YEAR}(?P<agency>{_NAME}{{1,40}}?){_TAIL}$")
_TITLE_PART: Final = re.compile(rf".*?{_TAIL}")
_BRACKETS: Final = str.maketrans("", "", "《》〈〉\u3000 \t\n\r\u00a0")
#: A title is short; a longer paragraph is running text that names the report.
_LONGEST_TITLE: Final = 80


@attrs.frozen
class Title:
    text: str  # as printed
    agency: str
    year: int


def _clean(text: str) -> str:
    """The title without brackets, spaces, a leading date, or a portal's suffix."""
    folded = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    hit = find_date(folded)
    if hit is not None and hit[1].start() == 0:
        folded = folded[hit[1].end() :].lstrip(":：,，")
    part = _TITLE_PART.match(folded)
    return part.group(0) if part else folded


def read_title(text: str) -> Title | None:
    """The agency and year a title names (the agency may be ""), or None if it is no title."""
    if len(text) > _LONGEST_TITLE * 2:
        return None
    clean = _clean(text)
    if len(clean) > _LONGEST_TITLE:
        return None
    for pattern in (_YEAR_FIRST, _AGENCY_FIRST):
        m = pattern.match(clean)
        if m is not None:
            return Title(_as_printed(text), m.group("agency").strip(), int(m.group("year")))
    return None


def _as_printed(text: str) -> str:
    """The title as printed, without a date before it or a portal's suffix after it."""
    text = text.strip()
    hit = find_date(text)
    if hit is not None and hit[1].start() == 0 and unicodedata.normalize("NFKC", text) == text:
        text = text[hit[1].end() :].lstrip(" :：,，　")
    tail = re.search(_TAIL.replace("年", r"\s*年"), text)
    if tail is not None:
        end = tail.end()
        if text[end : end + 1] in ("》", "〉"):
            end += 1
        text = text[:end]
    return text.strip()


# -- the administrative level, guessed from the name ----------------------------

#: Direct-controlled municipalities: provincial level.
_MUNICIPALITIES: Final = ("北京市", "天津市", "上海市", "重庆市")
_TOWNSHIP: Final = re.compile(r"(?:乡|镇|街道|街道办事处|苏木)(?:人民政府|党委|办事处)?$")
_GOVERNMENT: Final = re.compile(r"(?:人民政府|政府)$")
_DEPARTMENT_SUFFIX: Final = re.compile(
    r"(?:局|厅|委员会|委|办公室|办公厅|办|中心|署|院|处|所|站|队|会)$"
)


def _place_level(name: str) -> str:
    """``province``, ``city`` or ``county``: the level of the place a name starts with."""
    for city in _MUNICIPALITIES:
        if name.startswith(city):
            rest = name[len(city) :]
            return "city" if re.match(r"^[^市]{1,8}?(?:区|县)", rest) else "province"
    if re.match(r"^[^省市县区旗]{1,10}?(?:省|自治区)", name) and not re.match(
        r"^[^省市县区旗]{1,10}?(?:省|自治区)[^市县区旗]{1,10}?(?:市|州|盟|县|区|旗)", name
    ):
        return "province"
    head = re.match(r"^(?:[^省]{1,10}?省|[^区]{1,10}?自治区)?(?P<rest>.*)$", name)
    rest = head.group("rest") if head else name
    if re.match(r"^[^市县区旗州盟]{1,10}?(?:市|州|盟)[^县区旗]{1,10}?(?:县|区|旗|市)", rest):
        return "county"
    if re.match(r"^[^县区旗]{1,10}?(?:县|旗)", rest):
        return "county"
    if re.match(r"^[^市州盟]{1,10}?(?:市|州|盟)", rest):
        return "city"
    if re.match(r"^[^区]{1,10}?区", rest):
        return "county"
    return ""


def guess_level(name: str) -> str:
    """The likely ``agency.level`` value of an agency called ``name`` ("" if no guess)."""
    name = re.sub(r"\s+", "", name)
    if not name:
        return ""
    if name.startswith(("国务院", "中华人民共和国", "国家")) or name.endswith("部"):
        return "state_council_department"
    if _TOWNSHIP.search(name):
        return "township"
    level = _place_level(name)
    if _GOVERNMENT.search(name):
        return {"province": "provincial_government", "city": "city_government"}.get(
            level, "county_government"
        )
    if _DEPARTMENT_SUFFIX.search(name) or "政府" in name:
        return {"province": "provincial_department", "city": "city_department"}.get(
            level, "county_department"
        )
    # A zone or a committee named by its place only (平潭综合实验区): the place's level.
    return {"province": "provincial_government", "city": "city_government"}.get(
        level, "county_government"
    )
