"""Printed labels compared with the official ones, whatever the printing did to them.

A published table breaks labels across lines (``商业</p><p>企业``, ``总 计``),
numbers sub-rows ``1、`` or ``1．`` instead of ``1.``, straightens the quotes
of ``“三安全一稳定”``, mixes full- and half-width brackets and digits, and
repeats a few typos.  :func:`normalise` removes every difference that carries
no meaning, so that the official label (from :mod:`govreport.spec`, never
retyped here) and the printed one compare equal; :func:`match` then says how
a printed label was recognised, so that anything but an exact match becomes a
note.
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

#: Characters that never carry meaning in a label: every kind of space,
#: zero-width marks and line breaks (``\s`` covers the no-break and
#: ideographic spaces).
_INVISIBLE: Final = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
#: Every quotation mark is one: ``“三安全一稳定”`` and ``"三安全一稳定"`` are the same label.
_QUOTES: Final = str.maketrans(dict.fromkeys("“”„‟〝〞«»\"'‘’‚‛「」『』", '"'))
#: A sub-row number: ``1、`` and ``1．`` (NFKC makes it ``1.``) are printed for ``1.``.
_SUB_NUMBER: Final = re.compile(r"(?<![\d.])(\d{1,2})[、.,](?!\d)")
#: A label's own leading number: 一、 (a body row), (一) (a result), 1. (a sub-row).
_LEADING_NUMBER: Final = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+\.)"
)

#: Typos seen in real reports, as normalised text → the normalised official text.
KNOWN_TYPOS: Final[Mapping[str, str]] = {
    # 2.其他法律行政法规禁止公开, printed without 法规禁 (several portals).
    "其他法律行政止公开": "其他法律行政法规禁止公开",
    # 四、政府信息公开行政复议、行政诉讼情况, printed with 行政法复议.
    "行政法复议": "行政复议",
}

#: Below this similarity a printed label is not taken for an official one.
SIMILAR_ENOUGH: Final = 0.8
#: Labels longer than this are not compared by similarity (quadratic in length):
#: the longest official label has 40 characters.
_LONGEST_COMPARED: Final = 120


def normalise(text: str) -> str:
    """``text`` as compared: NFKC, no spaces or line breaks, one quote mark, ``1.`` numbers.

    NFKC makes full-width brackets, digits, colons and commas half-width, so the
    official ``（一）`` becomes ``(一)`` on both sides of a comparison.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _INVISIBLE.sub("", folded).translate(_QUOTES)
    return _SUB_NUMBER.sub(r"\1.", folded)


def corrected(norm: str) -> tuple[str, tuple[str, ...]]:
    """A normalised label with the known typos mended, and the typos found."""
    found = []
    for typo, right in KNOWN_TYPOS.items():
        if typo in norm:
            norm = norm.replace(typo, right)
            found.append(typo)
    return norm, tuple(found)


def without_number(norm: str) -> str:
    """A normalised label without its own leading number: ``1.属于国家秘密`` → ``属于国家秘密``."""
    return _LEADING_NUMBER.sub("", norm, count=1)


def leading_number(norm: str) -> str:
    """The leading number of a normalised label (``1.``, ``(一)``, ``三、``), or ""."""
    m = _LEADING_NUMBER.match(norm)
    return m.group(0) if m else ""


def similarity(a: str, b: str) -> float:
    """How alike two normalised labels are, 0 to 1 (0 for labels too long to compare)."""
    if not a or not b or max(len(a), len(b)) > _LONGEST_COMPARED:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


class How(enum.Enum):
    """How a printed label was recognised; anything but EXACT is worth a note."""

    EXACT = "exact"  # equal once normalised
    NUMBER = "number"  # equal but for its own number (1、 vs 1. is EXACT already)
    TYPO = "typo"  # a known typo mended
    SUFFIX = "suffix"  # the label ends the text (label cells of a row joined)
    SIMILAR = "similar"  # close enough: a guess

    @property
    def is_guess(self) -> bool:
        return self in (How.TYPO, How.SIMILAR)


@attrs.frozen
class Match:
    key: str
    how: How
    score: float = 1.0


def _prepared(labels: Mapping[str, str | Iterable[str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, texts in labels.items():
        for text in (texts,) if isinstance(texts, str) else texts:
            out.append((key, normalise(text)))
    return out


def match(
    printed: str,
    labels: Mapping[str, str | Iterable[str]],
    *,
    suffix: bool = False,
    similar: bool = True,
) -> Match | None:
    """The key of the official label ``printed`` stands for, and how it was found.

    ``labels`` maps a key to its official text (or several accepted texts).
    Tried in order: equal once normalised; equal once the known typos are
    mended; equal but for the leading number; with ``suffix``, the longest
    label that ends ``printed``; with ``similar``, the one most alike (and
    clearly more alike than the next best).
    """
    norm = normalise(printed)
    if not norm:
        return None
    known = _prepared(labels)
    for key, label in known:
        if norm == label:
            return Match(key, How.EXACT)
    mended, typos = corrected(norm)
    if typos:
        for key, label in known:
            if mended == label or without_number(mended) == without_number(label):
                return Match(key, How.TYPO)
    bare = without_number(mended)
    if bare:
        hits = {key for key, label in known if without_number(label) == bare}
        if len(hits) == 1:
            return Match(hits.pop(), How.NUMBER)
    if suffix:
        ends = [(len(label), key) for key, label in known if label and mended.endswith(label)]
        if ends:
            return Match(max(ends)[1], How.SUFFIX)
    if similar:
        scored = sorted(
            ((similarity(bare, without_number(label)), key) for key, label in known),
            reverse=True,
        )
        if scored and scored[0][0] >= SIMILAR_ENOUGH:
            best, key = scored[0]
            runner_up = next((s for s, k in scored[1:] if k != key), 0.0)
            if best - runner_up >= 0.05:
                return Match(key, How.SIMILAR, best)
    return None
