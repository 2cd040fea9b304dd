"""Finding the report inside a portal page: the article without the CMS shell.

A published page is mostly shell: header, menus, breadcrumbs, share buttons,
related links, footer.  The report is one element of it.  Two kinds of
evidence find that element:

- the report itself: its section headings (一、总体情况 … 六、其他需要报告的
  事项) and its tables.  The smallest element holding all of them is the
  report's body, whatever the portal calls it;
- the containers content systems put articles in: TRS ``.TRS_Editor`` and
  ``.Custom_UnionStyle``, ``#zoom``, Hanweb's ``ucapcontent``, gov.cn's
  ``#UCAP-CONTENT``, VSB's ``#vsb_content`` and the like.

When the report's headings or tables are found, the nearest known container
around them is taken if it adds only a little plain text (the opening
paragraph and the signature), not menus; else the smallest element holding
them.
A page with none of them (no report, or a report in another shape) is read
from its largest known container, or whole, with a note saying so.

The report's title is often printed outside the article, in the page's own
title block (``.article_title``, ``<h1>``): it is looked for just before the
article, inside the article's nearest ancestors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from govreport.findings import Finding, Severity
from govreport.importing.htmlcharset import READER_NOTE
from govreport.importing.htmldom import BLOCK_TAGS, Element, Size, tag_of, tokens
from govreport.importing.htmltext import clean, squeezed

# Containers of content systems, by class, id or tag (lower case).
_SPECIFIC_CLASSES = frozenset(
    {"trs_editor", "trs_ueditor", "trs_paper_default", "custom_unionstyle", "ucapcontent"}
    | {"zoom", "pages_content", "wp_articlecontent", "v_news_content", "rich_media_content"}
    | {"article-content", "article_content", "articlecontent", "art_content", "art_con"}
    | {"news_content", "newscontent", "news-content", "detail_content", "detail-content"}
    | {"content_text", "contenttext", "text_content", "textcontent", "info_content"}
)
_SPECIFIC_IDS = frozenset(
    {"zoom", "ucapcontent", "ucap-content", "fontzoom", "vsb_content", "js_content"}
    | {"article_content", "articlecontent", "newscontent", "news_content", "textcontent"}
    | {"detail_content", "info_content", "content_text", "bodylabel", "maintext"}
)
_SPECIFIC_TAGS = frozenset({"ucapcontent"})
_GENERIC_CLASSES = frozenset({"article", "content", "view", "detail", "main-content", "text"})
_GENERIC_IDS = frozenset({"content", "article", "main", "view", "detail", "text"})
_GENERIC_TAGS = frozenset({"article", "main"})
#: Elements that are a paragraph, a part of one or a part of a table, never
#: the holder of an article.  Any other element is (``div``, ``td``, and
#: the tags content systems invent, like ``ucapcontent``).
_NOT_HOLDERS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "pre", "address"}
    | {"caption", "table", "thead", "tbody", "tfoot", "tr", "span", "font", "b", "strong"}
    | {"i", "em", "u", "a", "sup", "sub", "small", "big", "label", "s", "strike", "del", "ins"}
    | {"mark", "code", "tt", "abbr", "cite", "q", "nobr"}
)

#: A section heading of the report: a numbered heading of the six sections
#: (both formats), matched without white space.
_HEADING = re.compile(
    r"^[一二三四五六七八][、.．](.{0,20})"
    r"(总体情况|主动公开|申请情况|行政复议|行政诉讼|存在的主要问题|改进情况|其他需要报告)"
)
_HEADING_MAX_CHARS = 40
_HEADING_MAX_NODES = 50
# Text nodes holding the closing word of a section heading (its paragraph is
# then read whole: Word splits headings over several <span>s).
_HEADING_TEXT = (
    ".//text()[contains(., '情况') or contains(., '事项') or contains(., '问题')"
    " or contains(., '措施')]"
)
#: Tables with more text than this are no report table (table 三 has about 600).
_TABLE_MAX_CHARS = 20_000
#: Words only a report's tables print (table 二, 三 and 四 of both formats);
#: not 行政复议 or 行政诉讼 alone, which portals' menus print too.
_TABLE_WORDS = ("信息内容", "第二十条", "申请人情况", "本年新收", "结果维持", "尚未审结")

#: How much larger than the report's own extent a known container may be and
#: still be taken (it brings the opening paragraph and the signature along).
_CONTAINER_SLACK_RATIO = 1.5
_CONTAINER_SLACK_CHARS = 500
#: Most of what a known container adds that may be link text (menus are).
_CONTAINER_MAX_LINK_SHARE = 0.25

#: How many levels above the article its printed title is looked for.
_TITLE_SCOPE_LEVELS = 8
_TITLE_MAX_CHARS = 100
#: A report's title names a report and its year ("2024年", "二〇二四年度"); a
#: column name like "政府信息公开年报" in a menu does not.
_TITLE_WORDS = re.compile(r"(?=.*报告).*((19|20)\d\d|[〇零一二三四五六七八九]{4})\s*年")
#: Breadcrumbs ("当前位置：首页 > … > 政府信息公开年报") are no title.
_NOT_TITLE = re.compile(r"位置|首页")


@attrs.frozen
class Article:
    """The element holding the report, its printed title if found outside it, notes."""

    element: Element
    heading: str = ""
    notes: tuple[Finding, ...] = ()


def find_article(body: Element, sizes: dict[Element, Size], *, name: str) -> Article:
    """The report's element in ``body``."""
    containers = _known_containers(body)
    markers = _markers(body, sizes)
    if markers:
        element = _around_markers(markers, containers, sizes)
        return Article(element, _printed_title(element))
    specific = [c for c, is_specific in containers if is_specific]
    generic = [c for c, is_specific in containers if not is_specific]
    for group in (specific, generic):
        if group:
            element = max(group, key=lambda c: _chars(c, sizes))
            return Article(element, _printed_title(element))
    note = Finding(
        READER_NOTE,
        Severity.WARNING,
        "未在网页中找到正文区域（报告的章节标题或表格），已读取整个页面，可能混入网站导航等内容"
        " (no article found: the whole page was read)",
        "",
        name,
    )
    return Article(body, "", (note,))


def _markers(body: Element, sizes: dict[Element, Size]) -> list[Element]:
    """The report's section headings and tables anywhere in the page, hidden ones too.

    Each element is read at most once: the paragraphs around the text nodes
    that hold a heading's last word, and the tables that hold no table (a
    report's tables never do, and so no text is read twice).
    """
    found: list[Element] = []
    seen: set[Element] = set()
    for node in body.xpath(_HEADING_TEXT):
        owner = node.getparent()  # for a tail, the element it follows
        if owner is not None and node.is_tail:
            owner = owner.getparent()
        paragraph = _paragraph_of(owner if owner is not None else body)
        if paragraph in seen:
            continue
        seen.add(paragraph)
        size = sizes.get(paragraph)
        if size is None or size.chars > _HEADING_MAX_CHARS or size.nodes > _HEADING_MAX_NODES:
            continue
        if _HEADING.match(squeezed("".join(paragraph.itertext()))):
            found.append(paragraph)
    for table in body.iter("table"):
        size = sizes.get(table)
        if size is None or size.tables or size.chars > _TABLE_MAX_CHARS:
            continue
        text = squeezed("".join(table.itertext()))
        if any(word in text for word in _TABLE_WORDS):
            found.append(table)
    return found


def _paragraph_of(element: Element) -> Element:
    """The nearest block around an element (a heading's <p> around its <span>s)."""
    for candidate in _self_and_ancestors(element):
        if tag_of(candidate) in BLOCK_TAGS:
            return candidate
    return element


def _known_containers(body: Element) -> list[tuple[Element, bool]]:
    """Known article containers in the page, each with True if its name is specific."""
    found: list[tuple[Element, bool]] = []
    for element in body.xpath(".//*[@class or @id] | .//ucapcontent | .//article | .//main"):
        tag = tag_of(element)
        classes, ids = tokens(element, "class"), tokens(element, "id")
        if (
            tag in _SPECIFIC_TAGS
            or not _SPECIFIC_CLASSES.isdisjoint(classes)
            or not _SPECIFIC_IDS.isdisjoint(ids)
        ):
            found.append((element, True))
        elif (
            tag in _GENERIC_TAGS
            or not _GENERIC_CLASSES.isdisjoint(classes)
            or not _GENERIC_IDS.isdisjoint(ids)
        ):
            found.append((element, False))
    return found


def _around_markers(
    markers: Sequence[Element],
    containers: Iterable[tuple[Element, bool]],
    sizes: dict[Element, Size],
) -> Element:
    """The nearest known container around the markers if not much larger, else their extent."""
    extent = _common_ancestor(markers)
    # A single heading's own <p>, or a table, holds no article: go up to
    # the element that holds them among other paragraphs.
    while _is_part(extent) and extent.getparent() is not None:
        extent = extent.getparent()
    known = {id(element) for element, _specific in containers}
    for element in _self_and_ancestors(extent):
        if id(element) in known:
            return element if _brings_no_shell(element, extent, sizes) else extent
    return extent


def _brings_no_shell(container: Element, extent: Element, sizes: dict[Element, Size]) -> bool:
    """True if what ``container`` adds to ``extent`` is a little text, not menus.

    An opening paragraph and a signature are a few hundred characters of
    plain text; a menu or a list of related articles is mostly links.
    """
    added = _chars(container, sizes) - _chars(extent, sizes)
    if added > _chars(extent, sizes) * _CONTAINER_SLACK_RATIO + _CONTAINER_SLACK_CHARS:
        return False
    added_links = _link_chars(container, sizes) - _link_chars(extent, sizes)
    return added_links <= added * _CONTAINER_MAX_LINK_SHARE


def _link_chars(element: Element, sizes: dict[Element, Size]) -> int:
    return sum(_chars(link, sizes) for link in element.iter("a"))


def _is_part(element: Element) -> bool:
    tag = tag_of(element)
    return tag in _NOT_HOLDERS or ":" in tag  # Word's <o:p>, <st1:chsdate>


def _common_ancestor(elements: Sequence[Element]) -> Element:
    chain = list(reversed(list(_self_and_ancestors(elements[0]))))  # root first
    depth = len(chain)
    for element in elements[1:]:
        ancestors = list(reversed(list(_self_and_ancestors(element))))
        depth = min(depth, len(ancestors))
        while depth and ancestors[depth - 1] is not chain[depth - 1]:
            depth -= 1
    return chain[max(depth, 1) - 1]


def _self_and_ancestors(element: Element) -> Iterable[Element]:
    yield element
    yield from element.iterancestors()


def _chars(element: Element, sizes: dict[Element, Size]) -> int:
    size = sizes.get(element)
    return size.chars if size is not None else 0


def _printed_title(article: Element) -> str:
    """The report's title printed just before the article (``.article_title``, ``<h1>``)."""
    scope = article
    for _level in range(_TITLE_SCOPE_LEVELS):
        parent = scope.getparent()
        if parent is None:
            break
        scope = parent
    title = ""
    for element in scope.iter():
        if element is article:
            break
        if _is_title_element(element):
            text = clean("".join(element.itertext()))
            if (
                len(text) <= _TITLE_MAX_CHARS
                and _TITLE_WORDS.search(text)
                and not _NOT_TITLE.search(text)
            ):
                title = text
    return title


def _is_title_element(element: Element) -> bool:
    if tag_of(element) in ("h1", "h2", "h3"):
        return True
    names = tokens(element, "class") + tokens(element, "id")
    return any("title" in name for name in names)
