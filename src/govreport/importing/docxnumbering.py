"""The printed numbers of auto-numbered Word paragraphs (“一、”, “（一）”, “1.”).

A heading numbered by Word's lists is stored without its number: Word draws
“一、” from the numbering definitions.  The reader puts the number back, as
printed, so that “一、总体情况” reads as in the published document.

A paragraph is numbered by its own ``w:numPr`` or its style's (``numId`` 0
switches numbering off).  Each list (``w:num``) counts its levels; numbering
a level restarts the levels below it.  The level's ``w:lvlText`` (“%1、”,
“（%2）”) is filled with each level's count in the level's format.  What
follows the number: a tab or nothing reads as nothing (Chinese headings have
no space there), a space as a space.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from govreport.importing.docxtext import Element, W

_DIGITS: Final = "零一二三四五六七八九"
_LEGAL: Final = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY: Final = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY: Final = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 10,000; else Arabic)."""
    if not 0 < n < 10_000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    # 十一, not 一十一 (as Word and every report print it).
    return text[1:] if 10 <= n < 20 and digits is _DIGITS else text


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` in the ``w:numFmt`` named ``fmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):  # fmt: skip
        return chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _HEAVENLY if fmt == "ideographTraditional" else _EARTHLY
        return cycle[(n - 1) % len(cycle)] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26 * 10:
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@attrs.frozen
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False


def _val(element: Element | None, default: str = "") -> str:
    return default if element is None else str(element.get(f"{W}val", default))


def _count(element: Element | None, default: int) -> int:
    try:
        return int(_val(element, str(default)))
    except ValueError:
        return default


def _level(lvl: Element) -> _Level:
    return _Level(
        start=_count(lvl.find(f"{W}start"), 1),
        fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
        text=_val(lvl.find(f"{W}lvlText")),
        suffix=_val(lvl.find(f"{W}suff"), "tab"),
        legal=lvl.find(f"{W}isLgl") is not None,
    )


def _ilvl(element: Element) -> int:
    try:
        return int(element.get(f"{W}ilvl", "0") or 0)
    except ValueError:
        return 0


def _levels(abstract: Element) -> dict[int, _Level]:
    return {_ilvl(lvl): _level(lvl) for lvl in abstract.findall(f"{W}lvl")}


class Numbering:
    """The lists of one document and their counts so far, in reading order."""

    def __init__(
        self, lists: dict[str, dict[int, _Level]], styles: dict[str, tuple[str, int]]
    ) -> None:
        self.lists = lists
        #: Paragraph style id → (numId, ilvl) its numbering gives.
        self.styles = styles
        self.counts: dict[str, dict[int, int]] = {}

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """The numbering definitions of a python-docx Document (none: nothing is numbered)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls({}, {})
        abstracts = {
            a.get(f"{W}abstractNumId"): _levels(a) for a in numbering.findall(f"{W}abstractNum")
        }
        lists: dict[str, dict[int, _Level]] = {}
        for num in numbering.findall(f"{W}num"):
            levels = dict(abstracts.get(_val(num.find(f"{W}abstractNumId")), {}))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _ilvl(override)
                replaced = override.find(f"{W}lvl")
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
                start = override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = attrs.evolve(levels[ilvl], start=_count(start, 1))
            lists[num.get(f"{W}numId", "")] = levels
        return cls(lists, _style_numbering(document))

    def label(self, paragraph: Element) -> str:
        """The number Word prints before ``paragraph`` ("" if none), counting it."""
        found = self._numbering(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.lists.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                at = levels.get(k, _Level())
                n = counts.get(k, at.start)
                fmt = "decimal" if level.legal and k != ilvl else at.fmt
                text = text.replace(f"%{k + 1}", format_number(n, fmt))
        return text + (" " if text and level.suffix == "space" else "")

    def _numbering(self, paragraph: Element) -> tuple[str, int] | None:
        props = paragraph.find(f"{W}pPr")
        num_pr = props.find(f"{W}numPr") if props is not None else None
        style = _val(props.find(f"{W}pStyle")) if props is not None else ""
        from_style = self.styles.get(style)
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{W}numId"))
            if num_id == "":
                num_id = from_style[0] if from_style else ""
            default_level = from_style[1] if from_style else 0
            ilvl = _count(num_pr.find(f"{W}ilvl"), default_level)
        elif from_style is not None:
            num_id, ilvl = from_style
        else:
            return None
        return (num_id, ilvl) if num_id not in ("", "0") else None


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Style id → (numId, ilvl), following ``w:basedOn`` (at most 20 steps, as Word)."""
    try:
        root = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    styles = {s.get(f"{W}styleId", ""): s for s in root.findall(f"{W}style")}
    out: dict[str, tuple[str, int]] = {}
    for style_id in styles:
        current, seen = styles.get(style_id), 0
        while current is not None and seen < 20:
            num_pr = current.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{W}numId"))
                if num_id not in ("", "0"):
                    out[style_id] = (num_id, _count(num_pr.find(f"{W}ilvl"), 0))
                break
            current = styles.get(_val(current.find(f"{W}basedOn")))
            seen += 1
    return out
