"""``resume``: is an input done already?"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def up_to_date(source: Path, outputs: Sequence[Path], previous: Path | None = None) -> bool:
    """Every output exists and was written after the input (and last year's file) last changed.

    Outputs appear only by rename once complete, so an existing one is whole.
    Anything that cannot be asked (a vanished input) counts as not done: the
    render then says what is wrong.
    """
    try:
        changed = max(p.stat().st_mtime_ns for p in (source, previous) if p is not None)
        return all(p.stat().st_mtime_ns > changed for p in outputs)
    except OSError:
        return False
