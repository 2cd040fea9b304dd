"""Templates: load once, compile once, render the shell per report.

docxtpl recompiles its Jinja source on every render, which dominates its
cost.  Here a template is read, preprocessed with docxtpl's own tag cleanup
(``{{p …}}``, ``{%p …%}``, tags split across Word runs), compiled and cached
once per process.  Per report only the small shell (title, signature, page
footers) is rendered; the body is generated XML spliced in at ``{{p body }}``,
and every part that does not change is deflated once and reused.

Reading the package is :mod:`~govreport.outputs.docx.parts`, writing the
layout settings into its XML :mod:`~govreport.outputs.docx.styles`, and the
per-report values :mod:`~govreport.outputs.docx.shell`.
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import jinja2
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree  # type: ignore[import-untyped]
from markupsafe import Markup

from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.package import Member, write_zip
from govreport.outputs.docx.parts import (
    CORE_PART,
    R_NS,
    Element,
    W,
    read_parts,
    rels_of,
    templated_parts,
)
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.shell import VARIABLES
from govreport.outputs.docx.styles import apply_style_settings, prepare_main
from govreport.outputs.jinja import FilterItems, with_filters

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

#: Where the body goes; no escaped user text can contain a "<".
BODY_SENTINEL: Final = "<govreport-body/>"

DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[2] / "templates" / "default.docx"


# -- Jinja source ----------------------------------------------------------------


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


def _check_body_tag(root: Element, name: str) -> None:
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
            elif part == CORE_PART:
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
    for kind, target in rels_of(by_name, main):
        if kind == f"{R_NS}/styles" and target in by_name:
            replaced[target] = apply_style_settings(by_name[target], settings)

    def compile_part(part: str, prepare: Callable[[Element], None] | None = None) -> _Templated:
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

    def check_and_prepare(root: Element) -> None:
        _check_body_tag(root, name)
        prepare_main(root, settings)

    compiled_main = compile_part(main, check_and_prepare)
    compiled_others = tuple(compile_part(p) for p in others)
    templated = {main, *others, CORE_PART}
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
