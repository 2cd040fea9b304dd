"""Templates: load once, compile once, render the shell per report.

docxtpl recompiles its Jinja source on every render, which dominates its
cost.  Here a template is read, preprocessed with docxtpl's own tag cleanup
(``{{p …}}``, ``{%p …%}``, tags split across Word runs), compiled and cached
once per process.  Per report only the small shell (title, signature, page
footers) is rendered; the body is generated XML spliced in at ``{{p body }}``,
and every part that does not change is deflated once and reused.
"""

from __future__ import annotations

import functools
import io
import os
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs
import jinja2
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree  # type: ignore[import-untyped]
from markupsafe import Markup

from govreport.outputs.docx.package import Member, core_properties, write_zip
from govreport.outputs.docx.settings import GRID_STYLES, DocxSettings, Style, pt
from govreport.outputs.docx.xml import W_NS, check_text, escape
from govreport.outputs.jinja import FilterItems, with_filters

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

#: An lxml element; lxml has no type stubs here, the alias documents intent.
_Element: TypeAlias = Any

W: Final = f"{{{W_NS}}}"
_R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_R_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT: Final = f"{_R_NS}/officeDocument"
_TEMPLATED_RELS: Final = (f"{_R_NS}/header", f"{_R_NS}/footer")
_CORE: Final = "docProps/core.xml"

#: Where the body goes; no escaped user text can contain a "<".
BODY_SENTINEL: Final = "<govreport-body/>"

#: The names a template may use.
VARIABLES: Final[Mapping[str, str]] = {
    "body": "报告正文（必需，写作 {{p body }}）",
    "title_lines": "标题各行（机关名称、“YYYY年政府信息公开工作年度报告”）",
    "title": "报告全称",
    "organ": "机关名称",
    "signer": "发文机关署名",
    "date": "成文日期（2025年1月20日）",
    "signature": "是否显示署名和成文日期（真/假）",
}
#: Set by the renderer on the 署名 and 日期 paragraphs (GB/T 9704 7.3.5.2).
_INDENT_VARIABLES: Final = (
    "signer_indent",
    "signer_indent_chars",
    "date_indent",
    "date_indent_chars",
)

DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[2] / "templates" / "default.docx"

# Schema order of the children of w:pPr and w:rPr that we may have to add.
_PPR_ORDER: Final = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_STYLE_ORDER: Final = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
]
_RPR_ORDER: Final = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


class TemplateError(ValueError):
    """A template that cannot be used; the message says what to fix, in Chinese."""


# -- reading ---------------------------------------------------------------


def read_parts(data: bytes, name: str = "模板") -> list[tuple[str, bytes]]:
    """The zip members of a .docx in their stored order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"{name} 不是有效的 Word（.docx）文件：{exc}") from None


def _rels_of(parts: Mapping[str, bytes], part: str) -> list[tuple[str, str]]:
    """(type, target part name) of the relationships of ``part`` ("" = the package)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels_name not in parts:
        return []
    out = []
    for rel in etree.fromstring(parts[rels_name]).iter(f"{{{_PKG_R_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out.append((rel.get("Type", ""), posixpath.normpath(target)))
    return out


def main_part(parts: Mapping[str, bytes], name: str = "模板") -> str:
    for kind, target in _rels_of(parts, ""):
        if kind == _OFFICE_DOCUMENT and target in parts:
            return target
    raise TemplateError(f"{name} 中找不到 Word 正文部件（word/document.xml）")


def templated_parts(parts: Mapping[str, bytes], name: str = "模板") -> tuple[str, list[str]]:
    """The main document part and its headers and footers: the parts Jinja renders."""
    main = main_part(parts, name)
    extra = [t for kind, t in _rels_of(parts, main) if kind in _TEMPLATED_RELS and t in parts]
    return main, extra


def style_ids(parts: Mapping[str, bytes], main: str) -> set[str]:
    for kind, target in _rels_of(parts, main):
        if kind == f"{_R_NS}/styles" and target in parts:
            root = etree.fromstring(parts[target])
            return {s.get(f"{W}styleId", "") for s in root.iter(f"{W}style")}
    return set()


# -- preprocessing -----------------------------------------------------------


def _child(parent: _Element, tag: str, order: list[str]) -> _Element:
    """The ``w:tag`` child of ``parent``, created at its schema position if missing."""
    found = parent.find(f"{W}{tag}")
    if found is not None:
        return found
    el = etree.Element(f"{W}{tag}")
    rank = order.index(tag)
    for i, sibling in enumerate(parent):
        local = etree.QName(sibling).localname
        if local in order and order.index(local) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def _set(el: _Element, **attrs_: str) -> None:
    for k, v in attrs_.items():
        el.set(f"{W}{k}", v)


def apply_style_settings(styles_xml: bytes, settings: DocxSettings) -> bytes:
    """Line pitch, character spacing and bold level-3 headings, written into the styles."""
    if settings.style_key == (None, None, None):
        return styles_xml
    root = etree.fromstring(styles_xml)
    by_id = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
    for sid in GRID_STYLES:
        st = by_id.get(sid)
        if st is None:
            continue
        if settings.line_pitch is not None:
            ppr = _child(st, "pPr", _STYLE_ORDER)
            _set(
                _child(ppr, "spacing", _PPR_ORDER),
                line=str(pt(settings.line_pitch)),
                lineRule="exact",
            )
        if settings.char_spacing is not None:
            rpr = _child(st, "rPr", _STYLE_ORDER)
            _set(_child(rpr, "spacing", _RPR_ORDER), val=str(pt(settings.char_spacing)))
    level3 = by_id.get(Style.HEADING[2])
    if settings.bold_level3 is not None and level3 is not None:
        rpr = _child(level3, "rPr", _STYLE_ORDER)
        for tag in ("b", "bCs"):
            el = _child(rpr, tag, _RPR_ORDER)
            if settings.bold_level3:
                el.attrib.pop(f"{W}val", None)
            else:
                el.set(f"{W}val", "0")
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _prepare_main(root: _Element, settings: DocxSettings) -> None:
    """Give the 署名/日期 paragraphs computed indents; set the grid pitch if asked."""
    for p in root.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        sid = style.get(f"{W}val") if style is not None else None
        if sid in (Style.SIGNATURE, Style.DATE):
            ind = ppr.find(f"{W}ind")
            if ind is not None:
                ppr.remove(ind)
            prefix = "signer" if sid == Style.SIGNATURE else "date"
            _set(
                _child(ppr, "ind", _PPR_ORDER),
                right=f"@@{prefix}_indent@@",
                rightChars=f"@@{prefix}_indent_chars@@",
            )
    if settings.line_pitch is not None:
        for grid in root.iter(f"{W}docGrid"):
            grid.set(f"{W}linePitch", str(pt(settings.line_pitch)))


@functools.cache
def _patcher() -> DocxTemplate:
    from docxtpl import DocxTemplate  # deferred: docxtpl pulls in python-docx

    # patch_xml is docxtpl's tag cleanup; it does not touch the instance.
    return DocxTemplate(io.BytesIO())


def jinja_source(xml: bytes) -> str:
    """docxtpl's cleanup of a part, as Jinja source."""
    root = etree.fromstring(xml)
    text = etree.tostring(root, encoding="unicode")
    return _jinja_source(text)


def _jinja_source(text: str) -> str:
    src: str = _patcher().patch_xml(text)
    # docxtpl's escapes for literal braces, resolved in the source so that
    # user values are never rewritten.
    for escaped, literal in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        src = src.replace(escaped, f"{{{{ {literal!r} }}}}")
    return re.sub(r'"@@(\w+)@@"', r'"{{ \1 }}"', src)


def _check_body_tag(root: _Element, name: str) -> None:
    for p in root.iter(f"{W}p"):
        text = "".join(p.itertext())
        if re.search(r"\{\{\s*body\b", text):
            raise TemplateError(
                f"{name}：正文占位符应单独成段并写作 {{{{p body }}}}，"
                f"而不是 {{{{ body }}}}（body placeholder must be a paragraph tag）"
            )


# -- environments --------------------------------------------------------------


@functools.cache
def environment(trusted: bool) -> jinja2.Environment:
    """Autoescaped, strict; sandboxed for every template the project did not write."""
    cls = jinja2.Environment if trusted else SandboxedEnvironment
    return cls(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


# -- the compiled template -----------------------------------------------------------


@attrs.frozen
class _Templated:
    name: str
    template: jinja2.Template


@attrs.frozen
class CompiledTemplate:
    """A template ready to render: compiled shell parts and deflated static parts."""

    name: str
    order: tuple[str, ...]
    static: Mapping[str, Member]
    main: _Templated
    others: tuple[_Templated, ...]

    def render(
        self,
        body: str,
        context: Mapping[str, Any],
        core: bytes,
    ) -> bytes:
        ctx = dict(context, body=Markup(BODY_SENTINEL))
        try:
            shell = self.main.template.render(ctx)
            rendered = {t.name: t.template.render(ctx) for t in self.others}
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"{self.name} 使用了未知的占位符：{exc.message}（可用：{'、'.join(VARIABLES)}）"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.name} 渲染失败：{exc}") from None
        head, sep, tail = shell.partition(BODY_SENTINEL)
        if not sep or BODY_SENTINEL in tail:
            raise TemplateError(
                f"{self.name} 须有且仅有一个正文占位符 {{{{p body }}}}"
                "（exactly one body placeholder）"
            )
        document = "".join(
            ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', head, body, tail)
        ).encode("utf-8")
        members = []
        for part in self.order:
            if part == self.main.name:
                members.append(Member.of(part, document))
            elif part == _CORE:
                members.append(Member.of(part, core))
            elif part in rendered:
                text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + rendered[part]
                members.append(Member.of(part, text.encode("utf-8")))
            else:
                members.append(self.static[part])
        return write_zip(members)


def compile_template(
    data: bytes, name: str, settings: DocxSettings, trusted: bool, filters: FilterItems = ()
) -> CompiledTemplate:
    parts = read_parts(data, name)
    by_name = dict(parts)
    main, others = templated_parts(by_name, name)
    env = with_filters(environment(trusted), filters)
    replaced: dict[str, bytes] = {}
    for kind, target in _rels_of(by_name, main):
        if kind == f"{_R_NS}/styles" and target in by_name:
            replaced[target] = apply_style_settings(by_name[target], settings)

    def compile_part(part: str, prepare: Callable[[_Element], None] | None = None) -> _Templated:
        try:
            root = etree.fromstring(by_name[part])
        except etree.XMLSyntaxError as exc:
            raise TemplateError(f"{name} 的部件 {part} 不是合法的 XML：{exc}") from None
        if prepare is not None:
            prepare(root)
        try:
            return _Templated(
                part, env.from_string(_jinja_source(etree.tostring(root, encoding="unicode")))
            )
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{name} 的占位符有语法错误（{part}）：{exc.message}") from None

    def prepare_main(root: _Element) -> None:
        _check_body_tag(root, name)
        _prepare_main(root, settings)

    compiled_main = compile_part(main, prepare_main)
    compiled_others = tuple(compile_part(p) for p in others)
    templated = {main, *others, _CORE}
    static = {
        part: Member.of(part, replaced.get(part, blob))
        for part, blob in parts
        if part not in templated
    }
    # A template without docProps/core.xml gets none: adding one would need a
    # content type and a relationship, and Word does not require it.
    order = [p for p, _ in parts]
    return CompiledTemplate(name, tuple(order), static, compiled_main, compiled_others)


# -- loading with a cache ------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _cached(
    key: tuple[object, ...], settings: DocxSettings, filters: FilterItems
) -> CompiledTemplate:
    path, _mtime, _size, trusted = key
    assert isinstance(path, str)
    p = Path(path)
    name = "默认模板" if trusted else f"模板 {p.name}"
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TemplateError(f"无法读取模板 {path}：{exc.strerror}") from None
    return compile_template(data, name, settings, trusted=bool(trusted), filters=filters)


def load_template(
    path: str | os.PathLike[str] | None, settings: DocxSettings, filters: FilterItems = ()
) -> CompiledTemplate:
    """The compiled template at ``path`` (the default when None), cached per file version.

    ``filters`` are plugins' Jinja filters (see :mod:`govreport.outputs.jinja`).
    """
    trusted = path is None
    p = DEFAULT_TEMPLATE if path is None else Path(path)
    try:
        st = p.stat()
    except OSError:
        raise TemplateError(f"找不到模板文件 {p}（template not found）") from None
    if not p.is_file():
        raise TemplateError(f"模板 {p} 不是文件")
    return _cached((str(p.resolve()), st.st_mtime_ns, st.st_size, trusted), settings, filters)


# -- per-report context --------------------------------------------------------------


def text_width(text: str) -> float:
    """Width in body characters: hanzi count 1, digits and Latin ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def signature_indents(signer: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of 署名 and 成文日期, GB/T 9704 7.3.5.2.

    The 署名 stands two characters from the right; the date starts two
    characters right of the 署名's first character.  A date longer than that
    allows stands two characters from the right and pushes the 署名 left.
    """
    ls, ld = text_width(signer), text_width(date)
    date_right = ls - ld
    if date_right >= 2:
        return 2.0, date_right
    return 4 + ld - ls, 2.0


def _value(text: str, where: str) -> str:
    """A shell value: checked, and with line breaks kept (docxtpl's listing behaviour)."""
    check_text(text, where)
    if "\n" not in text and "\t" not in text:
        return text
    xml = escape(text).replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return Markup(xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">'))


def shell_context(
    *,
    title_lines: tuple[str, ...],
    title: str,
    organ: str,
    signer: str,
    date: str,
    signature: bool,
    settings: DocxSettings,
) -> dict[str, Any]:
    signer_right, date_right = signature_indents(signer, date)
    width = settings.char_width()
    return {
        "title_lines": [_value(t, "标题") for t in title_lines],
        "title": _value(title, "标题"),
        "organ": _value(organ, "机关名称"),
        "signer": _value(signer, "署名"),
        "date": _value(date, "成文日期"),
        "signature": signature,
        "signer_indent": round(signer_right * width),
        "signer_indent_chars": round(signer_right * 100),
        "date_indent": round(date_right * width),
        "date_indent_chars": round(date_right * 100),
    }


def core_xml(title: str, author: str, date: str) -> bytes:
    return core_properties(title, author, date)
