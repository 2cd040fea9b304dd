"""The html format: registration, options, standalone page versus fragment, CSP, templates."""

from __future__ import annotations

import base64
import hashlib
import re

import jinja2
import pytest

from govreport import Capability
from govreport.outputs.base import OptionError
from govreport.outputs.html import render as html_render
from govreport.testing import sample_report, zero_report

from .support import engine, parse, render


def test_registered_as_a_builtin_format() -> None:
    fmt = engine().output("html")
    assert fmt.extension == ".html" and fmt.media_type == "text/html"
    assert {Capability.FRAGMENT, Capability.CHARTS, Capability.MERGED_CELLS} <= fmt.capabilities
    assert set(fmt.options) == {"fragment", "charts"}


def test_cli_style_string_options_are_converted() -> None:
    out = engine().render(sample_report(), "html", options={"fragment": "true"})
    assert out.startswith(b"<article")
    with pytest.raises(OptionError):
        engine().render(sample_report(), "html", options={"fragment": "maybe"})


def test_standalone_page_head() -> None:
    html = render(sample_report())
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    parsed = parse(html)
    assert parsed.tags("meta")[0] == {"charset": "utf-8"}
    title = re.search(r"<title>(.*)</title>", html)
    assert title is not None and title.group(1) == sample_report().title
    assert len(parsed.tags("style")) == 1
    assert "@page { size: A4;" in html


def test_page_loads_nothing_and_runs_nothing() -> None:
    parsed = parse(render(sample_report(), charts=True))
    for tag in ("script", "link", "img", "iframe", "object", "embed", "a", "base"):
        assert parsed.tags(tag) == [], tag
    for _, attrs in parsed.start_tags:
        assert not any(name.startswith("on") or name in ("src", "href", "style") for name in attrs)


def test_csp_allows_exactly_the_embedded_stylesheet() -> None:
    html = render(sample_report(), charts=True)
    policy = next(
        a["content"]
        for a in parse(html).tags("meta")
        if a.get("http-equiv") == "Content-Security-Policy"
    )
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    # The CSP meta must come before the stylesheet it governs.
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_fragment_is_one_article_with_scoped_css() -> None:
    html = render(sample_report(), fragment=True, charts=True)
    assert html.startswith('<article class="gr-report" lang="zh-CN">')
    assert html.rstrip().endswith("</article>")
    for tag in ("html", "head", "body", "meta"):
        assert parse(html).tags(tag) == [], tag
    # The only <title>s are the charts' SVG titles.
    assert all(t["id"].endswith("-title") for t in parse(html).tags("title"))
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@page" not in css  # it would set the host page's paper
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for block in re.findall(r"([^{}]+)\{[^{}]*\}", rules):
        for raw in block.split(","):
            selector = raw.strip()
            if selector and not selector.startswith("@"):
                assert selector.startswith(".gr-report"), selector


def test_fragment_and_page_share_the_article() -> None:
    page = render(sample_report())
    fragment = render(sample_report(), fragment=True)
    body = page.split("<body>\n", 1)[1].split("</body>", 1)[0]
    assert re.sub(r"<style>.*?</style>\n", "", fragment, flags=re.S) == body


def test_same_input_same_bytes() -> None:
    a = engine().render(sample_report(), "html", options={"charts": True})
    b = engine().render(sample_report(), "html", options={"charts": True})
    assert a == b


def test_document_text_appears_in_order() -> None:
    doc = engine().document(sample_report())
    text = parse(render(sample_report())).text
    pos = 0
    for section in doc.sections:
        pos = text.index(section.heading, pos)
    assert doc.signature is not None
    assert text.index(doc.signature.signer, pos) > pos


def test_report_without_date_or_narrative_renders() -> None:
    html = render(zero_report())
    assert "<time" not in html
    assert len(parse(html).official()) == 3


def test_environment_is_cached_escaping_and_strict() -> None:
    env = html_render.environment()
    assert env is html_render.environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    assert isinstance(env.loader, jinja2.PackageLoader)
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("page.html.j2").render()


def test_stylesheet_with_markup_is_refused() -> None:
    with pytest.raises(ValueError, match="must not contain"):
        html_render._safe_css("a{}</style><script>")
