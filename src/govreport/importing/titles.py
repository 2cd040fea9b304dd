"""The report's title: the agency and the year it names (the level: :mod:`.levels`).

Titles come as ``XX2024年政府信息公开工作年度报告``, with ``年度`` for ``年``
(``XX2024年度…``), ``年报告`` for ``年度报告``, the year first
(``2019年XX政府信息公开工作年度报告``), in 《》, after a date, split over two
paragraphs (the agency on the first line), or followed by a portal's suffix
(``…年度报告_政府信息公开年报_XX``), or after a label (``标题：XX2024年…``, a
crawler's text dump).
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
#: A label a dump or a portal prints before the title.
_LABEL: Final = re.compile(r"^\s*(?:文章标题|标题|题名|名称)\s*[:：]\s*")
#: A title is short; a longer paragraph is running text that names the report.
_LONGEST_TITLE: Final = 80


@attrs.frozen
class Title:
    text: str  # as printed
    agency: str
    year: int


def _clean(text: str) -> str:
    """The title without brackets, spaces, a leading date, or a portal's suffix."""
    folded = _LABEL.sub("", unicodedata.normalize("NFKC", text)).translate(_BRACKETS)
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
    """The title as printed, without a label or date before it or a portal's suffix after it."""
    text = _LABEL.sub("", text).strip()
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
