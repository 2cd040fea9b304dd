"""A narrative section (一, 五) cut at the agency's own sub-headings, verbatim.

A sub-heading starts with a bracketed Chinese number (``（一）``).  It is
either a paragraph of its own (``（一）主动公开情况``: kept exactly as
printed, a final full stop included) or a lead-in phrase at the start of a
paragraph (``（一）主动公开情况。本年度……``): then the phrase is the heading
(``（一）主动公开情况``) and the rest of the paragraph the first line of its
text; the 。 or ： between them only separates the two and is not kept.  A
numbered sentence (``（一）2024年，我市……。``: a comma before the first full
stop, or a long phrase) is text, not a heading.  Numbered items
(``一是……二是……``, ``1.……``) stay in the text as printed.

Portals that print the sub-heading in bold often drop the stop after it: a
space then separates it (``（一）主动公开情况 本年度……``), or nothing at all
(``（一）主动公开情况本年度……``).  The run-on form is cut only after a topic
the format's notice names (主动公开, 依申请公开, 政府信息管理, 平台建设,
监督保障; in 五 the problems and the improvements) followed by 情况 or 方面
(or 问题, 措施): a guess the mapper says in a note (:attr:`Part.run_on`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

#: A sub-heading's number: （一） or (一).
_NUMBER: Final = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
#: A heading paragraph on its own: short, one phrase.
_LONGEST_OWN: Final = 40
#: A lead-in phrase: the number, up to 30 characters without a pause, then 。 or ：.
_LEAD_IN: Final = re.compile(
    r"^(?P<head>[（(][一二三四五六七八九十]+[）)][^。：:，,；;！!？?\n]{1,30}?)[。：:]\s*(?P<rest>\S.*)$",
    re.S,
)
_PAUSES: Final = re.compile(r"[，,；;！!？?：:]")
#: A lead-in phrase separated from its text by a space only (a bold heading); no
#: figures in it (``（一）2024年 全区……`` is a numbered sentence).
_SPACED: Final = re.compile(
    r"^(?P<head>[（(][一二三四五六七八九十]+[）)]\s?[^。：:，,；;！!？?\s\d]{2,30})\s+(?P<rest>\S.*)$",
    re.S,
)
#: A lead-in run into its text: a topic of the notice and 情况/方面 (or 五's words).
_RUN_ON: Final = re.compile(
    r"^(?P<head>[（(][一二三四五六七八九十]+[）)]"
    r"(?:(?:政府信息)?(?:主动公开|依申请公开|政府信息管理|信息管理|(?:政府)?信息公开平台建设|"
    r"平台建设|(?:政府信息公开)?监督保障)(?:工作)?(?:情况|方面)"
    r"|(?:存在的)?(?:主要)?问题|(?:工作)?改进(?:情况|措施)|整改措施))"
    r"(?P<rest>[^。：:，,；;！!？?\s].*)$",
    re.S,
)


@attrs.frozen
class Part:
    heading: str  # "" for the text before the first sub-heading
    paragraphs: tuple[str, ...]
    #: The heading was run into its text with no stop or space: cut by its topic (a guess).
    run_on: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_data(self) -> dict[str, str]:
        return {"heading": self.heading, "text": self.text}


def sub_heading(text: str) -> tuple[str, str] | None:
    """(heading, the text after it) when ``text`` opens with a sub-heading, else None."""
    found = _sub_heading(text)
    return (found[0], found[1]) if found is not None else None


def _sub_heading(text: str) -> tuple[str, str, bool] | None:
    """(heading, text after it, whether it was cut by its topic) or None."""
    stripped = text.strip()
    if not _NUMBER.match(stripped):
        return None
    body = stripped.rstrip("。：:")
    own = len(stripped) <= _LONGEST_OWN and "。" not in body and not _PAUSES.search(body)
    if own and not _SPACED.match(stripped):
        return stripped, "", False
    for pattern in (_LEAD_IN, _SPACED):
        m = pattern.match(stripped)
        if m is not None:
            return m.group("head"), m.group("rest"), False
    m = _RUN_ON.match(stripped)
    if m is not None:
        return m.group("head"), m.group("rest"), True
    return None


#: A sub-heading's number right after a sentence, inside a paragraph.
_INNER_NUMBER: Final = re.compile(r"(?<=[。！？!?])\s*(?=[（(][一二三四五六七八九十]+[）)])")
#: The topics of 一 the format's notice names: a sub-heading inside a paragraph must name one.
_TOPIC: Final = re.compile(r"主动公开|依申请公开|信息管理|平台建设|监督保障")
#: How much of the text after a number is looked at to tell a sub-heading.
_LOOK_AHEAD: Final = 4 * _LONGEST_OWN


def split_at_topics(paragraph: str) -> list[str]:
    """A paragraph of 一 that runs several sub-headings together, cut before each.

    Text dumps run a whole section into one line: ``……。（二）依申请公开方面。
    规范做好……``.  A number after a sentence starts a new piece only when what
    follows reads as a sub-heading naming one of the notice's topics, so a
    numbered sentence stays where it is.
    """
    pieces: list[str] = []
    start = 0
    for m in _INNER_NUMBER.finditer(paragraph):
        found = _sub_heading(paragraph[m.end() : m.end() + _LOOK_AHEAD])
        if found is None or not _TOPIC.search(found[0]):
            continue
        pieces.append(paragraph[start : m.start()])
        start = m.end()
    pieces.append(paragraph[start:])
    return [p.strip() for p in pieces if p.strip()]


def split_parts(paragraphs: Sequence[str]) -> list[Part]:
    """The paragraphs cut at each sub-heading; the first part's heading is "" (may be empty)."""
    parts: list[tuple[str, list[str], bool]] = [("", [], False)]
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        found = _sub_heading(paragraph)
        if found is None:
            parts[-1][1].append(paragraph.strip())
            continue
        heading, rest, run_on = found
        parts.append((heading, [rest] if rest else [], run_on))
    return [Part(h, tuple(p), r) for h, p, r in parts]
