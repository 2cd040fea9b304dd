"""Which typeface a PDF font name is, and which faces the standard asks for.

GB/T 9704 sets the title in 小标宋 (方正小标宋简体), the body in 仿宋_GB2312,
level-1 headings in 黑体 and level-2 headings in 楷体_GB2312.  These fonts are
proprietary; govreport's stand-ins are FandolFang, FandolKai, Noto Sans CJK SC
and Noto Serif CJK SC.  A PDF names a font by its PostScript name, often with
a subset prefix (``ABCDEF+``) and a style suffix; the face is recognised by
the name's stem.  Latin letters and digits may come from a Times face.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Final


class Face(enum.Enum):
    FANGSONG = "仿宋"
    KAITI = "楷体"
    HEITI = "黑体"
    SONGTI = "宋体"
    LATIN = "Times"
    OTHER = "其他"


#: Lower-case name stems (spaces, hyphens and underscores removed) per face.
_STEMS: Final[Mapping[Face, tuple[str, ...]]] = {
    Face.FANGSONG: ("fangsong", "fandolfang", "fzfangsong", "fzfsk", "stfangsong", "仿宋"),
    Face.KAITI: ("kaiti", "fandolkai", "fzkai", "fzkt", "stkaiti", "楷体"),
    Face.HEITI: (
        "simhei",
        "heiti",
        "notosanscjk",
        "notosanssc",
        "sourcehansans",
        "fandolhei",
        "fzhei",
        "fzht",
        "stheiti",
        "黑体",
    ),
    Face.SONGTI: (
        "simsun",
        "songti",
        "notoserifcjk",
        "notoserifsc",
        "sourcehanserif",
        "fandolsong",
        "fzxiaobiaosong",
        "fzxbs",
        "fzshusong",
        "stsong",
        "宋体",
        "标宋",
    ),
    Face.LATIN: ("timesnewroman", "times", "liberationserif", "texgyretermes", "nimbusroman"),
}

_SUBSET: Final = re.compile(r"^[A-Z]{6}\+")
_PUNCT: Final = re.compile(r"[\s_\-,]+")


def base_name(fontname: str) -> str:
    """The font's name without the subset prefix (``ABCDEF+``).

    Word and WPS on Chinese Windows write a Chinese font's name in GBK
    (``仿宋_GB2312``); pdfminer gives those bytes as Latin-1 characters.
    """
    name = _SUBSET.sub("", fontname)
    if any("\x80" <= ch <= "\xff" for ch in name):
        try:
            return name.encode("latin-1").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return name
    return name


def face_of(fontname: str) -> Face:
    stem = _PUNCT.sub("", base_name(fontname)).lower()
    for face, stems in _STEMS.items():
        if stem.startswith(stems):
            return face
    return Face.OTHER


#: What each kind of line must be set in, with the stand-in's name for messages.
EXPECTED: Final[Mapping[str, tuple[Face, str]]] = {
    "title": (Face.SONGTI, "方正小标宋简体（替代：Noto Serif CJK SC）"),
    "heading1": (Face.HEITI, "黑体（替代：Noto Sans CJK SC）"),
    "heading2": (Face.KAITI, "楷体_GB2312（替代：FandolKai）"),
    "body": (Face.FANGSONG, "仿宋_GB2312（替代：FandolFang）"),
}
