"""A web page's tree, parsed safely, and what the readers need to know of its elements.

The page is parsed by libxml2's HTML parser (the one ``lxml.html`` uses)
with the network off and libxml2's own bounds on (``huge_tree=False``:
nesting deeper than 256 levels stops the parse, which is then reported).  HTML
has no external entities, and the parser is given bytes of a known encoding,
so nothing is fetched and no declaration inside the page can change how it
is read.  Scripts, styles, comments, processing instructions, forms' controls
and embedded objects are removed before anything reads the tree: none of them
is printed text.

lxml has no type information; an element is ``Element`` (Any) here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeAlias

import attrs
import lxml.etree  # type: ignore[import-untyped]

from govreport.findings import Finding, Severity
from govreport.importing.htmlcharset import READER_NOTE
from govreport.importing.htmltext import clean
from govreport.io.errors import UnreadableFileError
from govreport.limits import MAX_ECHO_CHARS, MAX_HTML_ELEMENTS

#: An lxml element (lxml is untyped).
Element: TypeAlias = Any

#: Elements that end the paragraph before them and after them.  ``br`` ends a
#: paragraph too but has no content; everything else is inline and never
#: splits a word (``<span>1</span><span>7</span>`` is "17").
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre"}
    | {"address", "center", "section", "article", "aside", "header", "footer", "nav", "main"}
    | {"figure", "figcaption", "form", "fieldset", "legend", "hr", "details", "summary"}
    | {"body", "html", "dir", "menu"}
)

#: Elements whose content is never printed text of the page.
_REMOVED = (
    "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset",
    "object", "embed", "applet", "select", "option", "optgroup", "textarea", "button",
    "input", "svg", "math", "canvas", "audio", "video", "map", "img",
)  # fmt: skip

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def tag_of(element: Element) -> str:
    """The element's tag in lower case (``o:p`` stays ``o:p``); "" for a non-element."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_block(element: Element) -> bool:
    return tag_of(element) in BLOCK_TAGS


def is_hidden(element: Element) -> bool:
    """Hidden by the page itself (Word's hidden text, a collapsed box)."""
    return element.get("hidden") is not None or bool(
        _HIDDEN_STYLE.search(element.get("style") or "")
    )


def tokens(element: Element, attribute: str) -> tuple[str, ...]:
    """The lower-cased white-space separated values of ``class`` or ``id``."""
    return tuple((element.get(attribute) or "").lower().split())


@attrs.frozen
class Page:
    """A parsed page: its body, its ``<title>``, what the parser could not read."""

    body: Element
    title: str
    notes: tuple[Finding, ...] = ()
    #: The portal's publication date from the page's metadata ("" if none).
    published: str = ""


def parse_page(text: str, *, name: str, path: Path) -> Page:
    """The tree of a page's text (already decoded)."""
    # lxml.etree's HTML parser is lxml.html's without its Python element
    # classes, which cost a Python call for every element touched.
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        collect_ids=False,
    )
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=parser)
    except lxml.etree.LxmlError as exc:
        raise UnreadableFileError(path, f"无法解析网页 (cannot parse HTML: {exc})") from None
    if root is None:
        raise UnreadableFileError(path, "网页中没有任何内容 (the page is empty)")
    title = _title(root)
    published = _published(root)
    lxml.etree.strip_elements(root, *_REMOVED, with_tail=False)
    elements = sum(1 for _element in root.iter())
    if elements > MAX_HTML_ELEMENTS:
        raise UnreadableFileError(
            path,
            f"网页过于复杂（{elements}个元素，上限{MAX_HTML_ELEMENTS}个）"
            f" (too many HTML elements, limit {MAX_HTML_ELEMENTS})",
        )
    body = root.find("body")
    return Page(body if body is not None else root, title, _parse_notes(parser, name), published)


#: ``<meta name=…>`` that portals' content systems (TRS, Hanweb, 开普云 …) and
#: Open Graph use for the date an article was published, lower case.
_PUBLISHED_META: Final = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "dc.date",
    "dcterms.issued",
)


def _published(root: Element) -> str:
    """The publication date a portal put in the page's metadata, as written there."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in _PUBLISHED_META and key not in found:
            found[key] = clean(meta.get("content") or "")
    return next((found[key] for key in _PUBLISHED_META if found.get(key)), "")


def _title(root: Element) -> str:
    found = root.find(".//title")
    return clean("".join(found.itertext())) if found is not None else ""


def _parse_notes(parser: Any, name: str) -> tuple[Finding, ...]:
    """A fatal parser error (nesting too deep) stops reading: what follows is lost."""
    for error in parser.error_log:
        if error.level_name == "FATAL":
            message = str(error.message)[:MAX_ECHO_CHARS]
            return (
                Finding(
                    READER_NOTE,
                    Severity.WARNING,
                    f"网页第{error.line}行结构有误，其后的内容未能读取（{message}）"
                    f" (the parser stopped: the rest of the page is not read)",
                    "",
                    name,
                ),
            )
    return ()


class Size(NamedTuple):
    """How much an element holds (itself excluded): printed characters, tables, blocks, elements."""

    chars: int
    tables: int
    blocks: int
    nodes: int


def measure(root: Element) -> dict[Element, Size]:
    """The :class:`Size` of ``root`` and of every element in it, in one pass.

    Children come after their parent in document order, so reading the
    elements backwards measures each child before its parent: linear time
    however deeply tables are nested.
    """
    sizes: dict[Element, Size] = {}
    for element in reversed(list(root.iter())):
        text = element.text
        chars = len("".join(text.split())) if text else 0
        tables = blocks = nodes = 0
        for child in element:
            size = sizes.get(child)
            if size is None:
                continue
            tail = child.tail
            chars += size.chars + (len("".join(tail.split())) if tail else 0)
            tag = child.tag
            tables += size.tables + (tag == "table")
            blocks += size.blocks + (tag in BLOCK_TAGS)
            nodes += size.nodes + 1
        sizes[element] = Size(chars, tables, blocks, nodes)
    return sizes
