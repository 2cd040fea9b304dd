"""The Jinja environment, the page model, and rendering to bytes.

Templates live in the package (``govreport/templates/html``) so an installed
wheel has them; the environment is made once per process and cached.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs
import jinja2
from markupsafe import Markup, escape

from govreport.document.blocks import Document, Heading, Paragraph, ParagraphRole, Table
from govreport.model import AnnualReport
from govreport.outputs.html import charts as svg_charts
from govreport.outputs.html.summary import Chart, charts
from govreport.outputs.html.tables import TableView, row_html, slug, table_view
from govreport.outputs.jinja import FilterItems, render_context, with_filters
from govreport.xmlchars import check_texts

TEMPLATE_PACKAGE = "govreport"
TEMPLATE_DIR = "templates/html"
PREFIX = "gr"  # ids and classes start with it, so a pasted fragment does not clash


@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process: templates compile once, escaping is always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are package files: checking each one's mtime on every
        # render (some forty stat calls a page) buys nothing.
        auto_reload=False,
    )
    env.filters["lines"] = lines
    env.filters["cells"] = row_html
    return env


def lines(text: str) -> Markup:
    """Escaped text whose line breaks stay breaks (``<br>``), as ``w:br`` in Word.

    A browser folds a bare newline into a space, which would join two lines
    of a name or an enumerated intro silently.
    """
    return Markup("<br>\n").join(escape(part) for part in text.split("\n"))


@functools.cache
def _css(name: str) -> str:
    text = resources.files("govreport.outputs.html").joinpath(name).read_text("utf-8")
    return text.strip() + "\n"


def _safe_css(text: str) -> Markup:
    # The stylesheet goes into <style> unescaped (CSS needs ">" and quotes);
    # it is ours plus slugged class names, so "<" can never appear in it.
    if "<" in text:
        raise ValueError("stylesheet must not contain '<'")
    return Markup(text)


def stylesheet(tables: tuple[TableView, ...], *, page: bool) -> str:
    """The report's class-scoped CSS (plus page rules for a standalone page).

    Column widths are CSS rules, not ``style`` attributes, because a strict
    Content-Security-Policy blocks inline style attributes.
    """
    widths = []
    for t in tables:
        for i, w in enumerate(t.col_widths, 1):
            widths.append(f".gr-report .gr-table--{t.slug} col:nth-child({i}) {{ width: {w}; }}")
    parts = [_css("page.css")] if page else []
    parts += [_css("styles.css"), "\n".join(dict.fromkeys(widths)) + "\n"]
    return "".join(parts)


def csp(style: str) -> str:
    """A policy that allows nothing but this one stylesheet (no scripts, no requests)."""
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


@attrs.frozen
class BlockView:
    kind: str  # "heading", "paragraph", "table"
    text: str = ""
    level: int = 0  # HTML heading level for headings
    css_class: str = ""
    table: TableView | None = None


@attrs.frozen
class SectionView:
    key: str
    slug: str
    heading: str
    blocks: tuple[BlockView, ...]


@attrs.frozen
class ChartView:
    chart: Chart
    id: str
    svg: Markup


def _block(block: Heading | Paragraph | Table) -> BlockView:
    if isinstance(block, Heading):
        # Section headings are <h2>; （一） is <h3>, 1. is <h4>, （1） is <h5>.
        return BlockView("heading", block.text, level=min(block.level + 1, 6))
    if isinstance(block, Paragraph):
        css = "gr-opening" if block.role is ParagraphRole.OPENING else ""
        return BlockView("paragraph", block.text, css_class=css)
    return BlockView("table", table=table_view(block, PREFIX))


def _chart_views(report: AnnualReport, previous: AnnualReport | None) -> tuple[ChartView, ...]:
    out = []
    for chart in charts(report, previous):
        chart_id = f"{PREFIX}-chart-{chart.key}"
        out.append(ChartView(chart, chart_id, svg_charts.svg(chart, chart_id)))
    return tuple(out)


def render_html(
    document: Document,
    report: AnnualReport,
    previous: AnnualReport | None = None,
    *,
    fragment: bool = False,
    with_charts: bool = False,
    filters: FilterItems = (),
    plugin_globals: Mapping[str, Any] | None = None,
) -> str:
    # Validation refuses these characters (rule T1); with --force they would
    # make a page that is not valid HTML, or fail to encode (a lone surrogate).
    check_texts(document.texts(), medium="网页", english="illegal character in HTML")
    preamble = tuple(_block(b) for b in document.preamble)
    sections = tuple(
        SectionView(s.key, slug(s.key), s.heading, tuple(_block(b) for b in s.blocks))
        for s in document.sections
    )
    tables = tuple(
        b.table for s in (*sections, SectionView("", "", "", preamble)) for b in s.blocks if b.table
    )
    style = stylesheet(tables, page=not fragment)
    context = {
        "doc": document,
        "preamble": preamble,
        "sections": sections,
        "charts": _chart_views(report, previous) if with_charts else (),
        "css": _safe_css(style),
        "embed_css": fragment,  # a standalone page carries the CSS in <head>
        "csp": csp(style),
    }
    env = with_filters(environment(), filters)
    template = env.get_template("fragment.html.j2" if fragment else "page.html.j2")
    return template.render(render_context(context, plugin_globals or {}))
