"""The six section headings found among a report's paragraphs.

A heading is a paragraph that starts with a Chinese ordinal (``一、``) and
whose rest is the official title once normalised (any spaces, full- or
half-width punctuation, ``、`` missing between 复议 and 诉讼, the typo
``行政法复议``), a wording real reports use (2019: ``因政府信息公开工作被申请
行政复议和提起行政诉讼情况``), or close to one.  Headings must come in the
official order: ``一、加强……`` inside 五 is an item, not section 一.  A
paragraph that starts with the exact heading and goes on (``一、总体情况
2024年，……``, a text dump) is split after it; a paragraph that holds a
heading after a sentence (a dump that runs the whole report into one line)
is cut before it (:func:`split_at_headings`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from govreport import spec
from govreport.importing import labels as lab

KEYS: Final = spec.SECTIONS.all_keys()
#: Wordings real reports print, besides the official title (normalised on use).
VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    "overview": ("概述", "总体情况概述"),
    "proactive": ("主动公开情况", "主动公开政府信息"),
    "applications": ("收到和处理政府信息公开申请",),
    "review_litigation": (
        "政府信息公开行政复议行政诉讼情况",
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "政府信息公开申请行政复议、行政诉讼情况",
    ),
    "problems": (
        "政府信息公开工作存在的主要问题及改进情况",
        "存在的主要问题和改进情况",
        "存在的问题及改进情况",
        "主要问题及改进情况",
    ),
    "other": ("其他需要报告的事项情况", "其他事项"),
}
_ORDINAL: Final = re.compile(r"^([一二三四五六七八九十]+)[、.,:]?")
#: A heading paragraph is short; a longer one is text (or a heading with text after it).
_LONGEST_HEADING: Final = 40
#: How alike a printed title must be to an official one to be taken for it.
_SIMILAR_HEADING: Final = 0.75


_NUMBERS: Final = "一二三四五六"
#: What may print before a heading run into a paragraph: a sentence's end, a space,
#: or a table's last figure (a dump runs the cells together).
_BEFORE_HEADING: Final = frozenset("。！？!?”」』）) \u3000\t\n0123456789")
#: What follows a heading that is only listed (``一、总体情况，二、……``): no heading.
_LISTED_AFTER: Final = frozenset("，,、；;：:")


def _embedded() -> re.Pattern[str]:
    titles = []
    for key, number in zip(KEYS, _NUMBERS, strict=True):
        for title in (spec.SECTIONS.of(key).text, *VARIANTS[key]):
            titles.append(f"{number}[、.．]\\s*{re.escape(title)}")
    return re.compile("|".join(sorted(titles, key=len, reverse=True)))


_EMBEDDED: Final = _embedded()


def split_at_headings(text: str) -> list[str]:
    """``text`` cut before each section heading printed inside it after a sentence.

    Only the exact wording (official or a known variant) with its number
    counts, and only after a sentence's end or a space and not followed by a
    list's comma: ``本报告分为：一、总体情况，二、……`` is no heading.
    """
    if len(text) <= _LONGEST_HEADING:
        return [text]
    cuts = [
        m.start()
        for m in _EMBEDDED.finditer(text)
        if m.start() > 0
        and text[m.start() - 1] in _BEFORE_HEADING
        and text[m.end() : m.end() + 1] not in _LISTED_AFTER
    ]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return [p for p in pieces if p]


@attrs.frozen
class HeadingHit:
    key: str
    #: EXACT (the official title or a known wording), TYPO, or SIMILAR (a guess).
    how: lab.How
    #: Text printed after the heading in the same paragraph ("" for none), as printed.
    tail: str = ""


def _titles(key: str) -> tuple[str, ...]:
    return tuple(lab.normalise(t) for t in (spec.SECTIONS.of(key).text, *VARIANTS[key]))


def _cut(text: str, length: int) -> str:
    """What ``text`` holds after its first ``length`` normalised characters."""
    for i in range(len(text) + 1):
        if len(lab.normalise(text[:i])) >= length:
            return text[i:].lstrip(" \u3000\u00a0\t:：。.")
    return ""


def heading_of(text: str, allowed: Sequence[str]) -> HeadingHit | None:
    """The section ``text`` is the heading of, among the keys ``allowed``, or None."""
    # Only a paragraph's start can be a heading: a long paragraph is not normalised whole.
    norm = lab.normalise(text[: 4 * _LONGEST_HEADING])
    m = _ORDINAL.match(norm)
    if m is None:
        return None
    rest, typos = lab.corrected(norm[m.end() :])
    bare = rest.rstrip("。.:")
    for key in allowed:
        titles = _titles(key)
        if bare in titles:
            return HeadingHit(key, lab.How.TYPO if typos else lab.How.EXACT)
        for title in titles:
            if rest.startswith(title) and len(rest) > len(title) and not typos:
                return HeadingHit(key, lab.How.EXACT, _cut(text, m.end() + len(title)))
    if len(norm) > _LONGEST_HEADING:
        return None
    scored = sorted(
        (max(lab.similarity(bare, t) for t in _titles(key)), -i, key)
        for i, key in enumerate(allowed)
    )
    if scored and scored[-1][0] >= _SIMILAR_HEADING:
        return HeadingHit(scored[-1][2], lab.How.SIMILAR)
    return None


def is_caption(text: str, key: str) -> bool:
    """Whether ``text`` is section ``key``'s own title printed again as a table's caption.

    Our own HTML output (and many portals) print the title without its number
    (``收到和处理政府信息公开申请情况``) right above the table; it is no text of
    the report's.  Compared normalised, a known typo mended, a number allowed.
    """
    norm = lab.normalise(text[: 4 * _LONGEST_HEADING])
    if not norm or len(norm) > _LONGEST_HEADING:
        return False
    m = _ORDINAL.match(norm)
    rest = norm[m.end() :] if m is not None else norm
    mended, _ = lab.corrected(rest)
    return mended.rstrip("。.:") in _titles(key)


@attrs.frozen
class Found:
    """A heading found: the block it is, and what it matched."""

    index: int  # position among the blocks
    text: str  # as printed
    hit: HeadingHit


def find_headings(texts: Sequence[str | None]) -> list[Found]:
    """The section headings among ``texts`` (None for a block that is no paragraph), in order.

    Each heading must name a section after the one before it; the first match
    in reading order wins, so a section's own numbered items never take a
    later section's place.
    """
    found: list[Found] = []
    for index, text in enumerate(texts):
        if text is None:
            continue
        last = KEYS.index(found[-1].hit.key) if found else -1
        hit = heading_of(text, KEYS[last + 1 :])
        if hit is not None:
            found.append(Found(index, text, hit))
    return found
