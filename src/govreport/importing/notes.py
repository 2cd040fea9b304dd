"""What the mapper tells about a report it read: its note codes and a collector.

Every guess and every cell that could not be read becomes a
:class:`~govreport.findings.Finding` with a stable code, so an imported data
file says what was not printed as read.  A note's ``location`` names the
official labels and the place in the source file (``表格2第5行``), so a reader
can find the cell on paper.

The codes start with ``M`` (mapper); the readers' own notes keep theirs.
:data:`MEANINGS` says what each means.
"""

from __future__ import annotations

from typing import Final

import attrs

from govreport.findings import Finding, Severity
from govreport.spec.wording import clip

#: Title: agency or year not found in the printed title (or taken from metadata).
TITLE: Final = "M1"
#: The administrative level, guessed from the agency's name.
LEVEL: Final = "M2"
#: A section heading: missing, or printed other than the official wording.
HEADING: Final = "M3"
#: An official table not found in the source.
TABLE_MISSING: Final = "M4"
#: A printed label matched to an official one by a known typo, by similarity or by position.
LABEL: Final = "M5"
#: Retired, never emitted: blank (or “/”) cells are kept as printed and the
#: loader reports them once per region (D4, :mod:`govreport.io.blanks`) on
#: every route, so a mapper note would say it twice.  Kept so that the code is
#: not given another meaning: data files imported earlier may carry it.
BLANK: Final = "M6"
#: A stated total (总计) left blank: no total is stated for that row or group (info).
TOTAL_BLANK: Final = "M7"
#: A cell that is not a number: left empty (null).
UNREADABLE: Final = "M8"
#: A number read after a change of form: full-width digits, thousands separators, a unit.
NUMBER_FORM: Final = "M9"
#: An amount converted to the unit of the format (元 → 万元).
UNIT: Final = "M10"
#: A row of the format printed as one row: its numbers go to one sub-row.
COLLAPSED_ROW: Final = "M11"
#: A printed row or table that is not part of the format, left out.
EXTRA: Final = "M12"
#: A row of the format not found in its table: its cells are left out.
ROW_MISSING: Final = "M13"
#: The 2019 trial format (国办公开办函〔2019〕60号): what maps and what does not.
TRIAL_2019: Final = "M14"
#: The publication date or signature: not printed, or read from elsewhere.
SIGNATURE: Final = "M15"
#: Text outside any field of the data file (under a table heading, before the title).
TEXT_LEFT_OUT: Final = "M16"
#: A value printed twice (a table repeated, a row printed again): the first is kept.
DUPLICATE: Final = "M17"

#: Code → what it means, for the documentation.
MEANINGS: Final[dict[str, str]] = {
    TITLE: "标题中未读出机关名称或年度（或取自网页标题） (agency or year not read from the title)",
    LEVEL: "行政级别按机关名称推定 (administrative level guessed from the name)",
    HEADING: "章节标题缺失或与规定文字不同 (section heading missing or worded otherwise)",
    TABLE_MISSING: "未找到规定表格 (an official table was not found)",
    LABEL: "表格标签按已知错字、相似度或位置对应 (label matched by typo, similarity or position)",
    BLANK: "已停用：空白或“/”单元格由读入时的D4提示 (retired: blank cells are the loader's D4)",
    TOTAL_BLANK: "总计单元格空白，未记为已填报的总计 (a stated total left blank)",
    UNREADABLE: "单元格不是数字，留空 (a cell that is not a number, left null)",
    NUMBER_FORM: "数字经转换后读取：全角、千位分隔符、单位 (number read after a change of form)",
    UNIT: "金额单位换算 (an amount converted to the format's unit)",
    COLLAPSED_ROW: "规定的分项行被合并为一行 (sub-rows printed as one row)",
    EXTRA: "不属于规定格式的行或表格，未读入 (a row or table outside the format, left out)",
    ROW_MISSING: "表格中缺少规定的行 (a row of the format is missing)",
    TRIAL_2019: "2019年试行格式 (the 2019 trial format)",
    SIGNATURE: "落款或成文日期未印出或另行推定 (signature or date not printed, or read elsewhere)",
    TEXT_LEFT_OUT: "数据文件中无对应字段的文字，未读入 (text with no field in the data file)",
    DUPLICATE: "重复印出的数值，保留第一次 (a value printed twice; the first is kept)",
}


def place(*parts: str) -> str:
    """A location: the official label chain, then the place in the source in brackets."""
    given = [p for p in parts if p]
    if len(given) <= 1:
        return given[0] if given else ""
    chain, *where = given
    inside = "，".join(where)
    return f"{chain}（{inside}）" if chain else inside


def quoted(text: str) -> str:
    """A printed text as a message quotes it: in quotes, on one line, clipped."""
    return f"“{clip(text, 60)}”"


@attrs.define
class Notes:
    """The notes of one import, in the order they were found."""

    found: list[Finding] = attrs.Factory(list)

    def add(
        self, code: str, severity: Severity, message: str, *, path: str = "", location: str = ""
    ) -> None:
        self.found.append(Finding(code, severity, message, path, location))

    def info(self, code: str, message: str, *, path: str = "", location: str = "") -> None:
        self.add(code, Severity.INFO, message, path=path, location=location)

    def warn(self, code: str, message: str, *, path: str = "", location: str = "") -> None:
        self.add(code, Severity.WARNING, message, path=path, location=location)

    def error(self, code: str, message: str, *, path: str = "", location: str = "") -> None:
        self.add(code, Severity.ERROR, message, path=path, location=location)
