"""Which font LibreOffice gets for each official face, asked of fontconfig as it will ask.

The ``docx-pdf`` route points ``FONTCONFIG_FILE`` at ``fonts/fonts.conf``,
which maps the official (proprietary) names to free stand-ins.  When a
stand-in is not installed, fontconfig silently hands LibreOffice the next
font it has (the whole body in a sans-serif face, say).  ``fc-match`` under
the same configuration tells which font that is, before LibreOffice starts,
so the route can say so in one line on stderr, in the words the Typst route
uses (:func:`govreport.outputs.typst.fonts.warning`).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Final, TextIO

from govreport.outputs.typst.fonts import FontChoice, Substitution, warn_substitutions

#: Official face → the stand-in ``fonts.conf`` maps it to first.
STAND_INS: Final[Mapping[str, str]] = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "仿宋_GB2312": "FandolFang",
    "楷体_GB2312": "FandolKai",
    "黑体": "Noto Sans CJK SC",
    "宋体": "Noto Serif CJK SC",
}
#: Seconds one ``fc-match`` may take (it reads fontconfig's cache: milliseconds).
_TIMEOUT: Final = 10.0


def matched(name: str, config: Path) -> tuple[str, ...] | None:
    """The family names of the font fontconfig gives for ``name``; None if it cannot be asked."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        done = subprocess.run(
            [fc_match, "--format=%{family}", name],
            capture_output=True,
            timeout=_TIMEOUT,
            env={**os.environ, "FONTCONFIG_FILE": str(config)},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return tuple(f.strip() for f in done.stdout.decode("utf-8", "replace").split(",") if f.strip())


@functools.cache
def substitutions(config: Path) -> tuple[Substitution, ...]:
    """Each official face whose stand-in fontconfig does not find, and the font it gives instead."""
    found = []
    for official, wanted in STAND_INS.items():
        families = matched(official, config)
        if families is not None and wanted not in families:
            found.append(Substitution(official, wanted, families[0] if families else ""))
    return tuple(found)


def warn_missing_stand_ins(config: Path, stream: TextIO | None = None) -> str:
    """Say once per process, on stderr, which stand-ins are missing; return the line said."""
    return warn_substitutions(FontChoice({}, substitutions(config)), stream)
