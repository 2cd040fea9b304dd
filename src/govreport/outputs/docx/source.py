"""A template part as Jinja source, and the environments that compile it.

Both the renderer (:mod:`~govreport.outputs.docx.template`) and the checker
(:mod:`~govreport.outputs.docx.check`) read parts through here, so
``template check`` sees exactly the source, filters and sandbox the renderer
compiles.
"""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree  # type: ignore[import-untyped]

from govreport.outputs.docx.parts import Element, parse_part
from govreport.outputs.jinja import FilterItems, with_filters
from govreport.sandbox import Bounded

if TYPE_CHECKING:
    from docxtpl import DocxTemplate


@functools.cache
def _patcher() -> DocxTemplate:
    from docxtpl import DocxTemplate  # deferred: docxtpl pulls in python-docx

    # patch_xml is docxtpl's tag cleanup (``{{p …}}``, ``{%p …%}``, tags split
    # across Word runs); it does not touch the instance.
    return DocxTemplate(io.BytesIO())


def jinja_source(xml: bytes, part: str = "", name: str = "模板") -> str:
    """docxtpl's cleanup of a part, as Jinja source (a :class:`TemplateError` if not XML)."""
    return source_of(parse_part(xml, part, name))


def source_of(root: Element) -> str:
    """docxtpl's cleanup of a parsed part, as Jinja source."""
    src: str = _patcher().patch_xml(etree.tostring(root, encoding="unicode"))
    # docxtpl's escapes for literal braces, resolved in the source so that
    # user values are never rewritten.
    for escaped, literal in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        src = src.replace(escaped, f"{{{{ {literal!r} }}}}")
    return re.sub(r'"@@(\w+)@@"', r'"{{ \1 }}"', src)


class _TemplateSandbox(Bounded, SandboxedEnvironment):
    """The sandbox for agency templates, bounded like data-file placeholders."""


@functools.cache
def environment(trusted: bool) -> jinja2.Environment:
    """Autoescaped, strict; sandboxed and bounded for every template the project did not write."""
    cls = jinja2.Environment if trusted else _TemplateSandbox
    return cls(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def template_environment(trusted: bool, filters: FilterItems = ()) -> jinja2.Environment:
    """The environment a template compiles in: the sandbox (unless trusted) plus plugin filters."""
    return with_filters(environment(trusted), filters)
