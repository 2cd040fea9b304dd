"""Atomic file writing: a reader never sees half a file, a crash leaves none."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); the report is meant to be
        # published, so give it the mode a plain open() would: that of the file
        # it replaces, or 0666 less the umask.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def refresh(path: str | os.PathLike[str], text: str, *, check: bool, command: str) -> int:
    """Write a generated page, or with ``check`` say whether it is current (exit status).

    The documentation scripts share it: ``python scripts/X.py`` writes the
    page, ``--check`` (and the tests) fail when the checked-in copy is stale.
    """
    target = Path(path)
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is stale: run {command}", file=sys.stderr)
            return 1
        return 0
    atomic_write(target, text.encode("utf-8"))
    print(f"wrote {target}")
    return 0
