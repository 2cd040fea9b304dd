"""Agency templates: export the default, check a custom one before rendering.

An agency copies the default template, edits it in Word (letterhead, fonts,
styles, footer) and renders with ``-o template=ours.docx``.  What it must
keep is small: the named styles the body uses and the ``{{p body }}``
paragraph.  :func:`check_template` reports what is missing or unknown,
in Chinese, before a render fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import jinja2
from jinja2 import meta

from govreport.fileio import atomic_write
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.parts import read_parts, style_ids, templated_parts
from govreport.outputs.docx.settings import REQUIRED_STYLES, DocxSettings
from govreport.outputs.docx.shell import INDENT_VARIABLES, VARIABLES
from govreport.outputs.docx.template import (
    DEFAULT_TEMPLATE,
    compile_template,
    environment,
    jinja_source,
)

#: Names the renderer also provides (the signature's computed indents).


@attrs.frozen
class TemplateProblem:
    """One thing wrong with a template.  ``code`` is stable; ``message`` is for people."""

    code: str  # missing-style, missing-body, unknown-placeholder, syntax, unreadable
    message: str

    def line(self) -> str:
        return f"[{self.code}] {self.message}"


def default_template_bytes() -> bytes:
    return DEFAULT_TEMPLATE.read_bytes()


def export_template(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the default template to ``path`` (atomically) for an agency to edit."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(f"文件已存在：{target}（如需覆盖请加 --force）")
    return atomic_write(target, default_template_bytes())


def check_template(path: str | os.PathLike[str]) -> list[TemplateProblem]:
    """Problems that would make ``path`` render wrongly or fail; empty when it is usable."""
    p = Path(path)
    name = f"模板 {p.name}"
    try:
        data = p.read_bytes()
    except OSError as exc:
        return [TemplateProblem("unreadable", f"无法读取 {p}：{exc.strerror}")]
    try:
        parts = dict(read_parts(data, name))
        main, others = templated_parts(parts, name)
    except TemplateError as exc:
        return [TemplateProblem("unreadable", str(exc))]

    problems: list[TemplateProblem] = []
    present = style_ids(parts, main)
    for sid, purpose in REQUIRED_STYLES.items():
        if sid not in present:
            problems.append(
                TemplateProblem(
                    "missing-style",
                    f"{name} 缺少样式 {sid}（{purpose}）；请从默认模板复制该样式"
                    "（govreport template export）",
                )
            )

    used: set[str] = set()
    env = environment(False)
    for part in (main, *others):
        try:
            parsed = env.parse(jinja_source(parts[part]))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(
                TemplateProblem("syntax", f"{name} 的占位符有语法错误（{part}）：{exc.message}")
            )
            continue
        except Exception as exc:  # malformed XML in an edited part
            problems.append(TemplateProblem("syntax", f"{name} 的部件 {part} 无法解析：{exc}"))
            continue
        found = meta.find_undeclared_variables(parsed)
        used |= found
        if part == main and "body" not in found:
            problems.append(
                TemplateProblem(
                    "missing-body",
                    f"{name} 没有正文占位符：请在正文位置单独一段写 {{{{p body }}}}",
                )
            )
    for unknown in sorted(used - set(VARIABLES) - set(INDENT_VARIABLES)):
        problems.append(
            TemplateProblem(
                "unknown-placeholder",
                f"{name} 使用了未知的占位符 {{{{ {unknown} }}}}；可用的有：{'、'.join(VARIABLES)}",
            )
        )
    if not problems:
        # Last, what rendering itself would say (e.g. {{ body }} inside a run).
        try:
            compile_template(data, name, DocxSettings(), trusted=False)
        except TemplateError as exc:
            problems.append(TemplateProblem("invalid", str(exc)))
    return problems
