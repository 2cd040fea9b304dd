"""Agency templates: export the default, check a custom one before rendering.

An agency copies the default template, edits it in Word (letterhead, fonts,
styles, footer) and renders with ``--template ours.docx``.  What it must
keep is small: the named styles the body uses and the ``{{p body }}``
paragraph.  :func:`check_template` reports what is missing or unknown,
in Chinese, before a render fails.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from govreport.fileio import atomic_write
from govreport.outputs.docx.check import (
    TemplateProblem,
    read_template,
    template_name,
    template_problems,
)
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.package import core_properties
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.shell import shell_context
from govreport.outputs.docx.template import DEFAULT_TEMPLATE, compile_template
from govreport.outputs.jinja import filter_items, render_context

__all__ = ["TemplateProblem", "check_template", "default_template_bytes", "export_template"]


def default_template_bytes() -> bytes:
    return DEFAULT_TEMPLATE.read_bytes()


def export_template(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the default template to ``path`` (atomically) for an agency to edit."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(f"文件已存在：{target}（如需覆盖请加 --force）")
    return atomic_write(target, default_template_bytes())


def check_template(
    path: str | os.PathLike[str],
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> list[TemplateProblem]:
    """Problems that would make ``path`` render wrongly or fail; empty when it is usable.

    ``filters`` and ``globals`` are the plugins' template helpers, as
    :meth:`govreport.Engine.template_namespace` returns them: a template may
    use them, and is checked in the renderer's own sandboxed environment.
    Rendering with ``path`` refuses with the same messages.
    """
    name = template_name(path)
    try:
        data = read_template(path)
    except TemplateError as exc:
        return [TemplateProblem("unreadable", str(exc))]
    items = filter_items(filters or {})
    plugin_globals = dict(globals or {})
    problems = template_problems(data, name, filters=items, globals=frozenset(plugin_globals))
    if problems:
        return list(problems)
    # Last, what rendering itself would say (e.g. {{ body }} inside a run,
    # two body paragraphs, a sandbox violation), from a trial render.
    settings = DocxSettings()
    try:
        compiled = compile_template(data, name, settings, trusted=False, filters=items)
        context = shell_context(
            title_lines=("某某县人民政府办公室", "2024年政府信息公开工作年度报告"),
            title="某某县人民政府办公室2024年政府信息公开工作年度报告",
            organ="某某县人民政府办公室",
            signer="某某县人民政府办公室",
            date="2025年1月20日",
            signature=True,
            settings=settings,
        )
        compiled.render("", render_context(context, plugin_globals), core_properties("", ""))
    except TemplateError as exc:
        return [TemplateProblem("invalid", str(exc))]
    return []
