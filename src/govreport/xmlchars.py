"""The characters XML 1.0 forbids, defined once, and the error for meeting one.

Rule T1 reports them in a data file; every output refuses them as a last line
of defence (``--force`` gets past validation), naming the character and the
part of the report.  They must agree, or a file could pass validation and
still fail to render, and no output may drop such a character silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from govreport.errors import GovreportError

#: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and surrogates (a Python
#: str only holds a surrogate when it is unpaired).
ILLEGAL_XML_CHARS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class IllegalTextError(GovreportError, ValueError):
    """Text holds a character the output cannot carry (one rule T1 refuses).

    ``medium`` names the output in the message (" Word 文件", "网页", …);
    ``where`` the part of the report.
    """

    def __init__(
        self,
        text: str,
        char: str,
        where: str = "",
        medium: str = " Word 文件",
        english: str = "illegal XML character",
    ) -> None:
        pos = text.index(char)
        snippet = text[max(0, pos - 10) : pos].replace("\n", " ")
        place = f"（{where}）" if where else ""
        super().__init__(
            f"文本含有{medium}不允许的控制字符 U+{ord(char):04X}{place}，"
            f"位于“{snippet}”之后；请删除该字符后重试 ({english})"
        )
        self.text = text
        self.char = char
        self.where = where
        self.medium = medium
        self.english = english

    def within(self, where: str) -> IllegalTextError:
        """The same error, naming the part of the report it is in."""
        return type(self)(self.text, self.char, where, self.medium, self.english)


def check_text(
    text: str, where: str = "", medium: str = " Word 文件", english: str = "illegal XML character"
) -> str:
    """``text`` unchanged, or :class:`IllegalTextError` naming the character."""
    m = ILLEGAL_XML_CHARS.search(text)
    if m:
        raise IllegalTextError(text, m.group(), where, medium, english)
    return text


def check_texts(
    texts: Iterable[tuple[str, str]],
    medium: str = " Word 文件",
    english: str = "illegal XML character",
) -> None:
    """:func:`check_text` of each ``(where, text)``: one search over them all, then the culprit.

    A report has some three hundred texts and almost never such a character.
    """
    pairs = tuple(texts)
    if ILLEGAL_XML_CHARS.search("\n".join(text for _, text in pairs)):
        for where, text in pairs:
            check_text(text, where, medium, english)
