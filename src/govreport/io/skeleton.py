"""A complete, commented YAML skeleton for a new report.

Every comment label comes from :mod:`govreport.spec` (never retyped here), so the
skeleton follows the official format wherever that is defined.  Table 三 rows use
the compact list form: 25 rows of six numbers each read like the printed table.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
import wcwidth

from govreport import spec
from govreport.io.formats import decimal_text
from govreport.io.structure import (
    Collector,
    field_types,
    item_type,
    join,
    mapping_value_type,
    split_optional,
    structure,
)
from govreport.model import (
    AdminLevel,
    Agency,
    AnnualReport,
    ApplicantCounts,
    ListStyle,
    data_fields,
)
from govreport.spec.headings import TITLE_SUFFIX

if TYPE_CHECKING:  # contributions imports this package: no cycle at run time
    from govreport.plugins.contributions import Extension

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


#: What YAML does not take raw inside double quotes: characters outside its
#: printable set (C1 controls, surrogates, U+FFFE/U+FFFF) and the line breaks
#: U+0085, U+2028, U+2029, which would fold a name into two.  JSON already
#: escapes C0 controls, quotes and backslashes.
_UNSAFE: Final = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


#: What would end or garble a comment line: C0/C1 controls and YAML's line breaks.
_BREAKING: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back exactly, on one line."""
    escaped = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)


def _header(year: int, agency: str) -> list[str]:
    # The name as the user typed it, unless it holds a line break or a control
    # character: then escaped, so that it cannot end the comment line.
    shown = quoted(agency)[1:-1] if _BREAKING.search(agency) else agency
    return [
        f"# {shown}{year}{TITLE_SUFFIX} — 数据文件 (govreport data file)",
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
    if isinstance(value, str):
        return quoted(value)  # a YAML double-quoted string
    return json.dumps(value, ensure_ascii=False)  # {} and other flow collections


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
    for field in data_fields(type(obj)):  # stated_totals is not a key of its own
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


# ---------------------------------------------------------------- plugin blocks
# Each installed extension gets its block: the data class's fields with their
# defaults (or the plugin's ``example``), labelled from field metadata.  An
# empty list of records is written as ``[]`` with a commented example item, so
# the skeleton loads clean whatever fields the record requires.

_PLAIN_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


#: Plain words YAML 1.1 reads as booleans or null: quoted when used as keys.
_YAML_WORDS: Final = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _key(name: str) -> str:
    plain = _PLAIN_KEY.fullmatch(name) and name.lower() not in _YAML_WORDS
    return name if plain else quoted(name)


def _flow(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def _choices(hint: object) -> str:
    if not (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return ""

    def shown(m: enum.Enum) -> str:
        label = getattr(m, "label", None)
        return f"{m.value}={label}" if label else str(m.value)

    return "可选：" + "、".join(shown(m) for m in hint)


def _field_comment(field: attrs.Attribute[Any], hint: object) -> str:
    inner, optional = split_optional(hint)
    parts = [str(field.metadata.get("label", ""))]
    if field.default is attrs.NOTHING and not optional and inner in (str, dt.date):
        parts.append("必填")
    parts.append(_choices(inner))
    if inner is dt.date:
        parts.append("格式 YYYY-MM-DD" + ("，可留 null" if optional else ""))
    if item_type(inner) is not None:
        parts.append("列表")
    elif mapping_value_type(inner) is not None:
        parts.append("键值映射（名称: 内容）")
    return "；".join(p for p in parts if p)


def _record(obj: object, depth: int) -> list[str]:
    """The fields of an attrs instance, each with its label."""
    cls = type(obj)
    hints = field_types(cls)
    out: list[str] = []
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)):
        comment = _field_comment(field, hints[field.name])
        out.extend(_entry(field.name, getattr(obj, field.name), hints[field.name], depth, comment))
    return out


def _item(obj: object, depth: int) -> list[str]:
    """A record as a YAML list item: ``- first: …`` then the rest aligned under it."""
    lines = _record(obj, depth + 1)
    if not lines:
        return [f"{'  ' * depth}- {{}}"]
    pad = "  " * depth
    return [pad + "- " + lines[0][len(pad) + 2 :], *lines[1:]]


def _entry(key: str, value: object, hint: object, depth: int, comment: str) -> list[str]:
    pad = "  " * depth
    code = f"{pad}{_key(key)}:"
    inner = split_optional(hint)[0]
    if attrs.has(type(value)):
        return [_line(code, comment), *_record(value, depth + 1)]
    if isinstance(value, Mapping) and value:
        out = [_line(code, comment)]
        for name, each in value.items():
            out.extend(_entry(str(name), each, mapping_value_type(inner), depth + 1, ""))
        return out
    record = item_type(inner)
    if not (isinstance(value, list | tuple) and isinstance(record, type) and attrs.has(record)):
        return [_line(f"{code} {_flow(value)}", comment)]  # scalars, empty mappings
    if value:
        out = [_line(code, comment)]
        for each in value:
            out.extend(_item(each, depth + 1))
        return out
    # Every field of the record, to copy: uncommented it must be filled in.
    example = structure(record, {}, "", Collector(reporting=False))
    note = "；".join(p for p in (comment, "填写时删去“[]”，再删去下方示例各行行首的“# ”") if p)
    out = [_line(f"{code} []", note)]
    if example is not None:
        for line in _item(example, depth + 1):
            # "# " in front: take two columns from the gap so the comments stay aligned.
            out.append(f"{pad}# " + line[len(pad) :].replace("    # ", "  # ", 1))
    return out


def _extension(extension: Extension, plugin: str, depth: int) -> list[str]:
    pad = "  " * depth
    head = f"扩展“{extension.title or extension.name}”" + (f"（插件 {plugin}）" if plugin else "")
    col = Collector(reporting=False)
    data = structure(extension.data_class, extension.example or {}, "", col)
    if data is None:  # the class's own validators refuse its defaults
        return [_line(f"{pad}{_key(extension.name)}: {{}}", head)]
    return [_line(f"{pad}{_key(extension.name)}:", head), *_record(data, depth + 1)]


def _extensions(extensions: Iterable[tuple[Extension, str]]) -> list[str]:
    blocks = [
        line for ext, plugin in extensions if ext.in_skeleton for line in _extension(ext, plugin, 1)
    ]
    if not blocks:
        return []
    return [_line("extensions:", "扩展数据（由已安装的插件提供）"), *blocks]


def skeleton(
    *,
    year: int,
    agency: str,
    level: str = "township",
    extensions: Iterable[tuple[Extension, str]] = (),
) -> str:
    """A complete YAML data file with zeros and empty texts, every key commented.

    ``extensions`` are (extension, plugin name) pairs, e.g. from
    ``engine.extensions``: each gets its block of keys with defaults and labels.
    """
    report = AnnualReport(agency=Agency(name=agency, level=AdminLevel(level)), year=year)
    lines = _walk(report, "", 0)
    blocks = _extensions(extensions)
    if blocks:
        lines = [line for line in lines if not line.startswith("extensions:")] + blocks
    return "\n".join([*_header(year, agency), *lines]) + "\n"
