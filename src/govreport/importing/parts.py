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


@attrs.frozen
class Part:
    heading: str  # "" for the text before the first sub-heading
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_data(self) -> dict[str, str]:
        return {"heading": self.heading, "text": self.text}


def sub_heading(text: str) -> tuple[str, str] | None:
    """(heading, the text after it) when ``text`` opens with a sub-heading, else None."""
    stripped = text.strip()
    if not _NUMBER.match(stripped):
        return None
    body = stripped.rstrip("。：:")
    if len(stripped) <= _LONGEST_OWN and "。" not in body and not _PAUSES.search(body):
        return stripped, ""
    m = _LEAD_IN.match(stripped)
    if m is not None:
        return m.group("head"), m.group("rest")
    return None


def split_parts(paragraphs: Sequence[str]) -> list[Part]:
    """The paragraphs cut at each sub-heading; the first part's heading is "" (may be empty)."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        found = sub_heading(paragraph)
        if found is None:
            parts[-1][1].append(paragraph.strip())
            continue
        heading, rest = found
        parts.append((heading, [rest] if rest else []))
    return [Part(h, tuple(p)) for h, p in parts]
