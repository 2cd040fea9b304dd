"""The signature and date printed at the end of a report, taken off its last section.

Reports end with the organ's name (the signature) and the date, each a
paragraph of its own or both in one (``淮安市人民政府办公室 2025年1月20日``).
Only a short paragraph without a pause that names an organ is a signature: a
section's last sentence (``无。``) is not.  A report may print neither: then
``signed`` is false and nothing is added.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

import attrs

from govreport.importing.dates import find_date, only_date

#: How an organ's name ends (a seal mark after it is allowed).
_ORGAN: Final = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|署|院|办事处|镇|乡|街道|"
    r"公司|集团|大学|学校|医院|所|站|队|处|会|部)(?:[（(]盖章[）)])?$"
)
_PAUSE: Final = re.compile(r"[。，,；;：:！!？?、]")
_LONGEST_SIGNATURE: Final = 40


@attrs.frozen
class Closing:
    body: tuple[str, ...]  # the section's paragraphs without the closing
    signatory: str = ""
    date: dt.date | None = None


def is_signature(text: str, agency: str = "") -> bool:
    """Whether ``text`` is an organ's name as a signature (not a sentence)."""
    t = text.strip()
    if not 2 <= len(t) <= _LONGEST_SIGNATURE or _PAUSE.search(t):
        return False
    if agency and (agency in t or t in agency):
        return True
    return bool(_ORGAN.search(t))


def _signed_and_dated(text: str, agency: str) -> tuple[str, dt.date] | None:
    """``XX办公室 2025年1月20日`` in one paragraph: (signature, date)."""
    t = text.strip()
    if unicodedata.normalize("NFKC", t) != t:
        t = unicodedata.normalize("NFKC", t)
    hit = find_date(t)
    if hit is None:
        return None
    date, m = hit
    if t[m.end() :].strip(" 。.") or not t[: m.start()].strip():
        return None
    head = t[: m.start()].strip()
    return (head, date) if is_signature(head, agency) else None


def split_closing(paragraphs: Sequence[str], agency: str = "") -> Closing:
    """The last section's paragraphs, without the signature and date printed after them."""
    body = [p for p in paragraphs if p.strip()]
    date: dt.date | None = None
    signatory = ""
    if body:
        date = only_date(body[-1])
        if date is not None:
            body.pop()
        else:
            both = _signed_and_dated(body[-1], agency)
            if both is not None:
                signatory, date = both
                body.pop()
    # With no date, a last line is a signature only beside other text.
    beside = date is not None or len(body) > 1
    if not signatory and body and beside and is_signature(body[-1], agency):
        signatory = body.pop().strip()
    if date is None and signatory and body:
        date = only_date(body[-1])  # the date printed above the signature
        if date is not None:
            body.pop()
    return Closing(tuple(body), signatory, date)
