"""Built-in plugin: the ``html`` output format."""

from __future__ import annotations

from collections.abc import Mapping

from govreport.document.blocks import Document
from govreport.outputs.base import Capability, OptionSpec, RenderRequest
from govreport.outputs.html.render import render_html
from govreport.outputs.jinja import filter_items
from govreport.plugins.hookspecs import RegisterOutput, hookimpl


class HtmlFormat:
    """政府信息公开年报 as HTML for a government portal.

    Standalone: a complete page that works offline and under a strict
    Content-Security-Policy (no scripts, no external resources, one hashed
    stylesheet).  ``fragment``: only the ``<article>``, with its CSS scoped to
    ``.gr-report``.  ``charts``: an inline-SVG summary above the text.
    """

    name = "html"
    extension = ".html"
    media_type = "text/html"
    description = "网页（HTML）：可独立打开的页面，或可粘贴到网站内容管理系统的片段"
    capabilities = frozenset({Capability.MERGED_CELLS, Capability.FRAGMENT, Capability.CHARTS})
    options: Mapping[str, OptionSpec] = {
        "fragment": OptionSpec(
            "只输出报告正文 <article>（粘贴到网站内容管理系统）",
            bool,
            False,
            description="Emit only the <article> with CSS scoped to .gr-report, "
            "to paste into a content management system.",
        ),
        "charts": OptionSpec(
            "在正文前加入数据图解（SVG 图表）",
            bool,
            False,
            description="Add inline-SVG charts of the numbers above the text.",
        ),
    }

    def render(self, document: Document, request: RenderRequest) -> bytes:
        html = render_html(
            document,
            request.report,
            request.previous,
            fragment=bool(request.option("fragment", False)),
            with_charts=bool(request.option("charts", False)),
            filters=filter_items(request.template_filters),
            plugin_globals=request.template_globals,
        )
        return html.encode("utf-8")


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(HtmlFormat())
