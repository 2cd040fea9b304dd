"""Reading a .docx package: its zip members and the relationships between them.

A template's parts are found by following relationships (package →
main document → headers, footers, styles), never by assumed file names:
Word, WPS and LibreOffice name them differently.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

from lxml import etree  # type: ignore[import-untyped]

from govreport import limits
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.xml import W_NS

#: An lxml element; lxml has no type stubs here, the alias documents intent.
Element: TypeAlias = Any

W: Final = f"{{{W_NS}}}"
R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_R_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT: Final = f"{R_NS}/officeDocument"
_TEMPLATED_RELS: Final = (f"{R_NS}/header", f"{R_NS}/footer")
CORE_PART: Final = "docProps/core.xml"


def read_parts(data: bytes, name: str = "模板") -> list[tuple[str, bytes]]:
    """The zip members of a .docx in their stored order, after checking the archive's sizes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [i for i in zf.infolist() if not i.is_dir()]
            check_archive(members, name)
            # zipfile stops inflating a member at its declared size, so the
            # checked sizes bound what is read.
            return [(i.filename, zf.read(i)) for i in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise TemplateError(f"{name} 不是有效的 Word（.docx）文件：{exc}") from None
    except (NotImplementedError, RuntimeError, ValueError) as exc:  # encrypted, odd methods
        raise TemplateError(f"{name} 无法读取（unsupported .docx）：{exc}") from None


def check_archive(members: list[zipfile.ZipInfo], name: str = "模板") -> None:
    """Refuse an archive whose directory declares too many or too large members (a zip bomb)
    before anything is inflated."""
    if len(members) > limits.MAX_TEMPLATE_ENTRIES:
        raise TemplateError(
            f"{name} 含有{len(members)}个部件，超过{limits.MAX_TEMPLATE_ENTRIES}个的上限"
            "（不像是 Word 文件）"
        )
    total = 0
    for info in members:
        size = info.file_size
        if size > limits.MAX_TEMPLATE_PART_BYTES:
            raise TemplateError(
                f"{name} 的部件 {info.filename} 解压后有{_mib(size)}，"
                f"超过每个部件{_mib(limits.MAX_TEMPLATE_PART_BYTES)}的上限"
            )
        ratio = size / max(info.compress_size, 1)
        if size >= limits.TEMPLATE_RATIO_FROM_BYTES and ratio > limits.MAX_TEMPLATE_RATIO:
            raise TemplateError(
                f"{name} 的部件 {info.filename} 压缩比为{ratio:.0f}倍，超过"
                f"{limits.MAX_TEMPLATE_RATIO}倍的上限（疑似压缩炸弹 zip bomb）"
            )
        total += size
    if total > limits.MAX_TEMPLATE_TOTAL_BYTES:
        raise TemplateError(
            f"{name} 解压后共有{_mib(total)}，超过{_mib(limits.MAX_TEMPLATE_TOTAL_BYTES)}的上限"
        )


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def parse_part(data: bytes, part: str, name: str = "模板") -> Element:
    """One XML part, or a :class:`TemplateError` naming it.

    Entities are not expanded and nothing is fetched: a template comes from
    outside, and Word's XML needs neither.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # one per call: lxml
    try:  # parsers are not shared between threads
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        reason = " ".join(str(exc).split())  # lxml's message may span lines
        raise TemplateError(f"{name} 的部件 {part} 不是合法的 XML：{reason}") from None


def rels_of(parts: Mapping[str, bytes], part: str, name: str = "模板") -> list[tuple[str, str]]:
    """(type, target part name) of the relationships of ``part`` ("" = the package)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels_name not in parts:
        return []
    out = []
    for rel in parse_part(parts[rels_name], rels_name, name).iter(f"{{{_PKG_R_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out.append((rel.get("Type", ""), posixpath.normpath(target)))
    return out


def main_part(parts: Mapping[str, bytes], name: str = "模板") -> str:
    for kind, target in rels_of(parts, "", name):
        if kind == _OFFICE_DOCUMENT and target in parts:
            return target
    raise TemplateError(f"{name} 中找不到 Word 正文部件（word/document.xml）")


def templated_parts(parts: Mapping[str, bytes], name: str = "模板") -> tuple[str, list[str]]:
    """The main document part and its headers and footers: the parts Jinja renders."""
    main = main_part(parts, name)
    extra = [t for kind, t in rels_of(parts, main, name) if kind in _TEMPLATED_RELS and t in parts]
    return main, extra


def style_ids(parts: Mapping[str, bytes], main: str, name: str = "模板") -> set[str]:
    for kind, target in rels_of(parts, main, name):
        if kind == f"{R_NS}/styles" and target in parts:
            root = parse_part(parts[target], target, name)
            return {s.get(f"{W}styleId", "") for s in root.iter(f"{W}style")}
    return set()
