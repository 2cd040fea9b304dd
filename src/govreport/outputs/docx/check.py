"""What is wrong with a template: one list for ``template check`` and the renderer.

``govreport template check`` lists these problems; rendering with a template
that has any refuses with the same messages (joined on one line), so the two
cannot disagree.  The renderer asks once per template content and set of
plugin helpers (the result is cached), not once per report.

The styles are read with python-docx: it resolves the styles part the way
Word does and knows each style's type.  Everything the renderer needs
per report stays raw XML (:mod:`~govreport.outputs.docx.template`).
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import attrs
import jinja2
from jinja2 import meta, nodes

from govreport import limits
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.parts import read_parts, style_ids, templated_parts
from govreport.outputs.docx.settings import REQUIRED_STYLES
from govreport.outputs.docx.shell import INDENT_VARIABLES, VARIABLES
from govreport.outputs.docx.source import jinja_source, template_environment
from govreport.outputs.jinja import FilterItems

#: Every name the renderer puts in a template's context.
PROVIDED: Final = frozenset(VARIABLES) | frozenset(INDENT_VARIABLES)


@attrs.frozen
class TemplateProblem:
    """One thing wrong with a template.  ``code`` is stable; ``message`` is for people."""

    #: missing-style, wrong-style-type, missing-body, unknown-placeholder,
    #: unknown-filter, syntax, unreadable, invalid
    code: str
    message: str

    def line(self) -> str:
        return f"[{self.code}] {self.message}"


def template_name(path: str | os.PathLike[str] | None) -> str:
    """How messages name a template."""
    return "默认模板" if path is None else f"模板 {Path(path).name}"


def read_template(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a template file, or a :class:`TemplateError` saying why not."""
    p = Path(path)
    if not p.exists():
        raise TemplateError(f"找不到模板文件 {p}（template not found）")
    if not p.is_file():
        raise TemplateError(f"模板 {p} 不是文件")
    try:
        size = p.stat().st_size
        if size > limits.MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"模板 {p} 有{size // (1024 * 1024)} MB，超过"
                f"{limits.MAX_TEMPLATE_BYTES // (1024 * 1024)} MB 的上限"
            )
        with p.open("rb") as f:  # at most the limit, should the file grow meanwhile
            return f.read(limits.MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateError(f"无法读取模板 {p}：{exc.strerror}") from None


def problems_message(problems: Iterable[TemplateProblem]) -> str:
    """The problems as the one line a render refuses with."""
    return "；".join(p.message for p in problems)


@functools.lru_cache(maxsize=64)
def template_problems(
    data: bytes,
    name: str,
    *,
    trusted: bool = False,
    filters: FilterItems = (),
    globals: frozenset[str] = frozenset(),
) -> tuple[TemplateProblem, ...]:
    """The problems found without rendering; cached per content and helpers.

    ``filters`` and ``globals`` are what plugins contribute; the environment
    is the renderer's own (sandboxed unless ``trusted``).
    """
    try:
        parts = dict(read_parts(data, name))
        main, others = templated_parts(parts, name)
        problems = list(_style_problems(data, parts, main, name))
    except TemplateError as exc:
        return (TemplateProblem("unreadable", str(exc)),)

    env = template_environment(trusted, filters)
    known = PROVIDED | globals | frozenset(env.globals)
    used: set[str] = set()
    unknown_filters: set[str] = set()
    for part in (main, *others):
        try:
            source = jinja_source(parts[part], part, name)
            parsed = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(TemplateProblem("syntax", syntax_message(name, part, exc)))
            continue
        except TemplateError as exc:  # malformed XML in an edited part
            problems.append(TemplateProblem("syntax", str(exc)))
            continue
        except Exception as exc:  # docxtpl's cleanup of an odd part
            problems.append(TemplateProblem("syntax", f"{name} 的部件 {part} 无法解析：{exc}"))
            continue
        filters_here = {f"|{f.name}" for f in parsed.find_all(nodes.Filter)} - {
            f"|{n}" for n in env.filters
        }
        tests_here = {f"is {t.name}" for t in parsed.find_all(nodes.Test)} - {
            f"is {n}" for n in env.tests
        }
        unknown_filters |= filters_here | tests_here
        if filters_here or tests_here:
            # Jinja's analysis compiles, and compiling fails on an unknown
            # filter: analyse with stand-ins so the placeholders are still checked.
            parsed = _with_stand_ins(env, filters_here, tests_here).parse(source)
        found = meta.find_undeclared_variables(parsed)
        used |= found
        if part == main and "body" not in found:
            problems.append(
                TemplateProblem(
                    "missing-body",
                    f"{name} 没有正文占位符：请在正文位置单独一段写 {{{{p body }}}}",
                )
            )
    available = "、".join([*VARIABLES, *sorted(globals)])
    for unknown in sorted(used - known):
        problems.append(
            TemplateProblem(
                "unknown-placeholder",
                f"{name} 使用了未知的占位符 {{{{ {unknown} }}}}；可用的有：{available}",
            )
        )
    for unknown in sorted(unknown_filters):
        kind = "测试" if unknown.startswith("is ") else "过滤器"
        problems.append(
            TemplateProblem(
                "unknown-filter",
                f"{name} 使用了未知的{kind} {unknown}；"
                "如由插件提供，请确认插件已安装（govreport plugins）",
            )
        )
    return tuple(problems)


def _with_stand_ins(
    env: jinja2.Environment, filters: set[str], tests: set[str]
) -> jinja2.Environment:
    """``env`` plus do-nothing filters and tests of the given ("|name", "is name") names."""
    stand_in = env.overlay()
    stand_in.filters = {**env.filters, **{f.removeprefix("|"): str for f in filters}}
    stand_in.tests = {**env.tests, **{t.removeprefix("is "): _stand_in_test for t in tests}}
    return stand_in


def _stand_in_test(value: object, *args: object) -> bool:
    return True


def syntax_message(name: str, part: str, exc: jinja2.TemplateSyntaxError) -> str:
    return f"{name} 的占位符有语法错误（{part}）：{exc.message}"


def _style_problems(
    data: bytes, parts: dict[str, bytes], main: str, name: str
) -> Iterable[TemplateProblem]:
    raw = style_ids(parts, main, name)
    # python-docx invents default styles for a package without a styles
    # part, and refuses some packages Word opens (a .dotx content type):
    # then the raw ids say what is there, without types.
    types = (_style_types(data) if raw else None) or dict.fromkeys(raw, "paragraph")
    for sid, purpose in REQUIRED_STYLES.items():
        if sid not in types:
            yield TemplateProblem(
                "missing-style",
                f"{name} 缺少样式 {sid}（{purpose}）；请从默认模板复制该样式"
                "（govreport template export）",
            )
        elif types[sid] != "paragraph":
            yield TemplateProblem(
                "wrong-style-type",
                f"{name} 的样式 {sid}（{purpose}）应为段落样式，实际为 {types[sid]} 样式",
            )


def _style_types(data: bytes) -> dict[str, str] | None:
    """style id → paragraph, character, table or list; None if python-docx cannot read it."""
    import docx  # deferred: only checking needs it (docxtpl imports it anyway)

    try:
        styles = docx.Document(io.BytesIO(data)).styles
        return {s.style_id: s.type.name.lower() for s in styles}
    except Exception:  # python-docx's errors for a foreign package are of many kinds
        return None
