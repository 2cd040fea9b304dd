"""Which installed font stands in for each official (proprietary) font, and where to look.

GB/T 9704 names 方正小标宋, 仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体; none
is free.  Each official face has free stand-ins, tried in order: the Fandol
fonts (``scripts/install-fonts.sh``) and Noto CJK, always its **SC** face,
whose glyph forms are the Simplified Chinese ones (the JP face, fontconfig's
default for "Noto Serif CJK", draws some characters differently).

Fonts are looked for, in this order (the documented search path):

1. the package folder ``govreport/fonts/`` (fonts dropped beside ``fonts.conf``);
2. every folder in the environment variable ``GOVREPORT_FONT_PATH``
   (separated like ``PATH``);
3. the system's font folders (``/usr/share/fonts``, ``/usr/local/share/fonts``,
   ``~/.fonts`` …).

When an official face's first stand-in is missing the next one is used and
:func:`warn_substitutions` says so, in one line, once per process on stderr.  Nothing here
needs Typst but :func:`installed_families`, so a checker of PDFs can read
:data:`STAND_INS` to know which face was meant.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

import attrs

if TYPE_CHECKING:
    import typst

#: Environment variable: more font folders, separated by ``os.pathsep``.
FONT_PATH_ENV: Final = "GOVREPORT_FONT_PATH"
#: The package's own font folder (first on the search path).
PACKAGE_FONTS: Final = Path(__file__).resolve().parents[2] / "fonts"

#: What each face is for, by its key in the template's data.
ROLES: Final[Mapping[str, str]] = {
    "title": "方正小标宋简体",
    "fang": "仿宋_GB2312",
    "kai": "楷体_GB2312",
    "hei": "黑体",
    "song": "宋体",
}

#: Official face → free stand-ins, best first (family names as the fonts
#: declare them; FandolFang calls its family "FandolFang R").  The same
#: choices as ``fonts/fonts.conf`` makes for the LibreOffice route, with the
#: Fandol face of the same style as the next resort.
STAND_INS: Final[Mapping[str, tuple[str, ...]]] = {
    "方正小标宋简体": ("Noto Serif CJK SC", "FandolSong"),
    "仿宋_GB2312": ("FandolFang R", "FandolFang", "Noto Serif CJK SC", "FandolSong"),
    "楷体_GB2312": ("FandolKai", "Noto Serif CJK SC", "FandolSong"),
    "黑体": ("Noto Sans CJK SC", "FandolHei"),
    "宋体": ("Noto Serif CJK SC", "FandolSong"),
}

#: Any Chinese face, for characters a chosen face lacks (Fandol covers GB 2312
#: only) and for an official face with no stand-in at all.
LAST_RESORT: Final = (
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "FandolSong",
    "FandolHei",
    "FandolFang R",
    "FandolFang",
    "FandolKai",
)


@attrs.frozen
class Substitution:
    """An official face whose first stand-in is missing, and what is used instead."""

    official: str
    wanted: str
    used: str  # "" when no Chinese face at all was found


def warning(substitutions: Iterable[Substitution]) -> str:
    """One line for every substitution: what is missing, what is used instead."""
    subs = list(substitutions)
    if not subs:
        return ""
    zh = "；".join(
        f"{s.official}的替代字体 {s.wanted} 未找到，改用 {s.used or '（无中文字体，汉字无法显示）'}"
        for s in subs
    )
    en = "; ".join(
        f"{s.wanted} for {s.official} not found, using {s.used or 'nothing'}" for s in subs
    )
    return (
        f"警告：{zh}。可运行 scripts/install-fonts.sh，或用 {FONT_PATH_ENV} 指定字体目录 "
        f"(warning: {en})"
    )


@attrs.frozen
class FontChoice:
    """The families the template gets, per role, and what had to be substituted."""

    #: role → families in fallback order (the chosen stand-in first).
    families: Mapping[str, tuple[str, ...]]
    substitutions: tuple[Substitution, ...] = ()

    @property
    def has_chinese(self) -> bool:
        return all(self.families[role] for role in ROLES)


def font_dirs(environ: Mapping[str, str] | None = None) -> tuple[Path, ...]:
    """The folders searched before the system's: the package's, then ``GOVREPORT_FONT_PATH``.

    Folders that do not exist are left out (an unset or stale variable is not an error).
    """
    env = os.environ if environ is None else environ
    extra = [Path(p).expanduser() for p in env.get(FONT_PATH_ENV, "").split(os.pathsep) if p]
    dirs: list[Path] = []
    for d in (PACKAGE_FONTS, *extra):
        if d.is_dir() and d not in dirs:
            dirs.append(d)
    return tuple(dirs)


def choose(available: Iterable[str]) -> FontChoice:
    """The stand-in for each official face among the ``available`` family names."""
    have = set(available)
    resort = tuple(f for f in LAST_RESORT if f in have)
    families: dict[str, tuple[str, ...]] = {}
    substitutions: list[Substitution] = []
    for role, official in ROLES.items():
        wanted = STAND_INS[official]
        found = [f for f in wanted if f in have]
        chain = tuple(dict.fromkeys((*found, *resort)))
        families[role] = chain
        # "FandolFang R" and "FandolFang" are one face under two names.
        first = {wanted[0], wanted[1]} if wanted[0].startswith("FandolFang") else {wanted[0]}
        if not chain or chain[0] not in first:
            used = chain[0] if chain else ""
            substitutions.append(Substitution(official, wanted[0].removesuffix(" R"), used))
    return FontChoice(families, tuple(substitutions))


@functools.cache
def typst_fonts(dirs: tuple[Path, ...] = ()) -> typst.Fonts:
    """The fonts in ``dirs`` and the system's folders, searched once per process.

    The compiler gets this very object, so the faces chosen are the faces it has.
    """
    import typst

    return typst.Fonts(include_system_fonts=True, font_paths=[str(d) for d in dirs])


def installed_families(dirs: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """Family names Typst finds in ``dirs`` and the system's font folders."""
    return tuple(sorted(typst_fonts(dirs).families()))


_warned: set[str] = set()


def warn_substitutions(choice: FontChoice, stream: TextIO | None = None) -> str:
    """Say the substitutions in one line on stderr, once per process; return it ("" if not said)."""
    line = warning(choice.substitutions)
    if not line or line in _warned:
        return ""
    _warned.add(line)
    print(line, file=sys.stderr if stream is None else stream)
    return line


@functools.cache
def default_choice(dirs: tuple[Path, ...]) -> FontChoice:
    """The choice for ``dirs`` plus the system's folders, worked out once per process."""
    return choose(installed_families(dirs))
