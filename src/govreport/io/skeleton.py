"""A complete, commented YAML skeleton for a new report.

Every comment label comes from :mod:`govreport.spec` (never retyped here), so the
skeleton follows the official format wherever that is defined.  Table 三 rows use
the compact list form: 25 rows of six numbers each read like the printed table.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from typing import Final, cast

import attrs
import wcwidth

from govreport import spec
from govreport.io.formats import decimal_text
from govreport.io.structure import join
from govreport.model import AdminLevel, Agency, AnnualReport, ApplicantCounts, ListStyle
from govreport.spec.headings import TITLE_SUFFIX

_COLUMNS: Final = "、".join(spec.applications.APPLICANT_COLUMNS.all_texts())
_COMMENT_COLUMN: Final = 48

#: Filling hints that are not official labels (those come from the spec).
_NOTES: Final[dict[str, str]] = {
    "agency.level": "可选：" + "、".join(f"{m.value}={m.label}" for m in AdminLevel),
    "agency.has_rulemaking_power": "true / false；null 表示按行政级别判断",
    "published": "格式 YYYY-MM-DD，如 2025-01-20；未定可留 null",
    "opening": "留空则按机关和年度自动生成",
    "signatory": "留空则用机关名称",
    "proactive.fees": "可带小数，原样保留",
    "other.processing_fee": "可带小数；未收取填 0",
    "problems.problems": "列表，每项一行，以“- ”开头",
    "problems.improvements": "列表，每项一行，以“- ”开头",
    "problems.style": "可选：" + "、".join(str(m.value) for m in ListStyle),
}


def _header(year: int, agency: str) -> list[str]:
    return [
        f"# {agency}{year}{TITLE_SUFFIX} — 数据文件 (govreport data file)",
        "#",
        "# 填写说明：",
        "# - 井号 # 之后是说明，不必删除；只改冒号后面的值。",
        "# - 表格数字一律填整数，没有的填 0，不要留空或填“/”。",
        f"# - 表三每行写成 6 个数的列表，依次为：{_COLUMNS}。",
        "#   可在末尾加第 7 个数（总计），程序会核对总计是否等于前六个数之和。",
        "#   也可写成键值形式，如 {natural_person: 3, commercial_enterprise: 1}，未写的列按 0 计。",
        "# - 文本可以引用表格中的数字，写成占位符，例如",
        "#   “全年新收申请{{ applications.received.total }}件”，生成报告时替换为实际数字。",
        "# - 多行文本：在冒号后写 |，从下一行起缩进书写。",
        "# - 写完后运行 govreport validate 本文件，检查格式和勾稽关系。",
        "",
    ]


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[]" if not value else json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted string


def _comment(path: str, parent: str) -> str:
    """The label chain below the parent's own chain, plus a filling note."""
    labels = spec.field_labels()
    chain, above = labels.get(path, ()), labels.get(parent, ())
    shared = 0
    while shared < min(len(chain), len(above)) and chain[shared] == above[shared]:
        shared += 1
    parts = ["/".join(chain[shared:])] if chain[shared:] else []
    if path in _NOTES:
        parts.append(_NOTES[path])
    return "；".join(parts)


def _line(code: str, comment: str) -> str:
    if not comment:
        return code
    # Display width, not len(): a Chinese character takes two columns.
    gap = max(_COMMENT_COLUMN - wcwidth.wcswidth(code), 0)
    return f"{code}{' ' * gap}  # {comment}"


def _walk(obj: object, path: str, depth: int) -> list[str]:
    pad = "  " * depth
    out: list[str] = []
    if path == "applications":
        out.append(f"{pad}# 每行 6 个数：{_COLUMNS}")
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
        here = join(path, field.name)
        value = getattr(obj, field.name)
        comment = _comment(here, path)
        if isinstance(value, ApplicantCounts):
            row = ", ".join(str(v) for v in value.values())
            out.append(_line(f"{pad}{field.name}: [{row}]", comment))
        elif attrs.has(type(value)):
            out.append(_line(f"{pad}{field.name}:", comment))
            out.extend(_walk(value, here, depth + 1))
        else:
            out.append(_line(f"{pad}{field.name}: {_scalar(value)}", comment))
    if path == "applications.results":
        total = ", ".join("0" for _ in range(7))
        label = _comment("applications.results.total", path)
        out.append(_line(f"{pad}# total: [{total}]", f"{label}；可选，填写后程序核对"))
    return out


def skeleton(*, year: int, agency: str, level: str = "township") -> str:
    """A complete YAML data file with zeros and empty texts, every key commented."""
    report = AnnualReport(agency=Agency(name=agency, level=AdminLevel(level)), year=year)
    return "\n".join([*_header(year, agency), *_walk(report, "", 0)]) + "\n"
