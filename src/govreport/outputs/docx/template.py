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
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import jinja2
from markupsafe import Markup

from govreport import limits
from govreport.outputs.docx.check import (
    problems_message,
    read_template,
    syntax_message,
    template_name,
    template_problems,
)
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.package import Member, write_zip
from govreport.outputs.docx.parts import (
    CORE_PART,
    R_NS,
    Element,
    W,
    parse_part,
    read_parts,
    rels_of,
    templated_parts,
)
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.shell import VARIABLES
from govreport.outputs.docx.source import source_of, template_environment
from govreport.outputs.docx.styles import apply_style_settings, prepare_main
from govreport.outputs.jinja import FilterItems
from govreport.sandbox import LimitExceeded, bounded

#: Where the body goes; no escaped user text can contain a "<".
BODY_SENTINEL: Final = "<govreport-body/>"

DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[2] / "templates" / "default.docx"


# -- the body paragraph ------------------------------------------------------------


def _check_body_tag(root: Element, name: str) -> None:
    for p in root.iter(f"{W}p"):
        text = "".join(p.itertext())
        if re.search(r"\{\{\s*body\b", text):
            raise TemplateError(
                f"{name}：正文占位符应单独成段并写作 {{{{p body }}}}，"
                f"而不是 {{{{ body }}}}（body placeholder must be a paragraph tag）"
            )


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
            # One budget for all parts: time, sizes, loops and depth (govreport.sandbox).
            with bounded(limits.TEMPLATE_RENDER_SECONDS):
                shell = self.main.template.render(ctx)
                rendered = {t.name: t.template.render(ctx) for t in self.others}
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"{self.name} 使用了未知的占位符：{exc.message}（可用：{'、'.join(VARIABLES)}）"
            ) from None
        except LimitExceeded as exc:
            raise TemplateError(f"{self.name} 的占位符超出限制：{exc}") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.name} 渲染失败：{exc}") from None
        except RecursionError:
            raise TemplateError(f"{self.name} 渲染失败：占位符嵌套过深（递归）") from None
        except MemoryError:
            raise TemplateError(f"{self.name} 渲染失败：所需内存过大") from None
        except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
            raise TemplateError(f"{self.name} 渲染失败：{exc}") from None
        head, sep, tail = shell.partition(BODY_SENTINEL)
        if not sep or BODY_SENTINEL in tail:
            raise TemplateError(
                f"{self.name} 须有且仅有一个正文占位符 {{{{p body }}}}"
                "（exactly one body placeholder）"
            )
        # What the template's placeholders printed must still be XML Word can
        # open (no control characters, no markup let through with |safe).
        # The body is ours and goes between head and tail, which are checked
        # without it: the cost is the template's, not the report's.
        _check_xml(self.name, self.main.name, head + tail)
        for part, text in rendered.items():
            _check_xml(self.name, part, text)
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


def _check_xml(name: str, part: str, text: str) -> None:
    try:
        parse_part(text.encode("utf-8"), part, name)
    except TemplateError as exc:
        raise TemplateError(f"{exc}（模板的占位符生成了 Word 不能容纳的内容）") from None


def compile_template(
    data: bytes, name: str, settings: DocxSettings, trusted: bool, filters: FilterItems = ()
) -> CompiledTemplate:
    parts = read_parts(data, name)
    by_name = dict(parts)
    main, others = templated_parts(by_name, name)
    env = template_environment(trusted, filters)
    replaced: dict[str, bytes] = {}
    for kind, target in rels_of(by_name, main, name):
        if kind == f"{R_NS}/styles" and target in by_name:
            replaced[target] = apply_style_settings(by_name[target], settings)

    def compile_part(part: str, prepare: Callable[[Element], None] | None = None) -> _Templated:
        root = parse_part(by_name[part], part, name)
        if prepare is not None:
            prepare(root)
        try:
            return _Templated(part, env.from_string(source_of(root)))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(syntax_message(name, part, exc)) from None

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
    key: tuple[str, int, int, bool],
    settings: DocxSettings,
    filters: FilterItems,
    globals_: frozenset[str],
) -> CompiledTemplate:
    path, _mtime, _size, trusted = key
    name = template_name(None if trusted else path)
    data = read_template(path)
    # The checks `template check` runs, cached per content: the same
    # messages, and the default template is not re-checked per report.
    problems = template_problems(data, name, trusted=trusted, filters=filters, globals=globals_)
    if problems:
        raise TemplateError(problems_message(problems))
    return compile_template(data, name, settings, trusted=trusted, filters=filters)


def load_template(
    path: str | os.PathLike[str] | None,
    settings: DocxSettings,
    filters: FilterItems = (),
    globals_: frozenset[str] = frozenset(),
) -> CompiledTemplate:
    """The compiled template at ``path`` (the default when None), cached per file version.

    ``filters`` are plugins' Jinja filters (see :mod:`govreport.outputs.jinja`),
    ``globals_`` the names of plugins' globals: placeholders the template may use.
    Raises :class:`TemplateError` with the messages of ``template check``.
    """
    trusted = path is None
    p = DEFAULT_TEMPLATE if path is None else Path(path)
    if not p.is_file():
        read_template(p)  # raises, saying why in the words `template check` uses
    st = p.stat()
    # abspath, not resolve(): no symlink lookups per report; the key only
    # has to name the file version.
    key = (os.path.abspath(p), st.st_mtime_ns, st.st_size, trusted)
    return _cached(key, settings, filters, globals_)
