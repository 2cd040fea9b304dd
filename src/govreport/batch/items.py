"""What a batch says about each input: :class:`BatchItem` and its :class:`Status`."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import attrs


class Status(enum.Enum):
    """How one input ended."""

    #: Every format was written.
    OK = "ok"
    #: ``resume``: every output exists and is newer than the input; nothing done.
    SKIPPED = "skipped"
    #: The data has errors (load or rules) and ``force`` was not given: nothing written.
    REFUSED = "refused"
    #: The input cannot be read (missing, not a data file, a syntax error).
    UNREADABLE = "unreadable"
    #: Rendering or writing failed (a plugin, a full disk, a worker that died).
    FAILED = "failed"


@attrs.frozen
class BatchItem:
    """One input's result.

    ``index`` is the input's position (0-based), the order the report lists
    them in; ``name`` the safe stem its outputs carry; ``outputs`` the files
    written (or, when skipped, those already there); ``exit_status`` what
    ``govreport`` exits with for it (0, 1 refused, 2 unreadable or not
    written, 3 a plugin, 4 a defect); ``reason`` one line for people and
    ``errors`` the findings that refused it, one line each; ``previous`` last
    year's data file it was checked and rendered with, ``None`` when there was
    none (the cross-year rules did not run).
    """

    index: int
    source: Path
    name: str
    status: Status
    outputs: tuple[Path, ...] = ()
    exit_status: int = 0
    reason: str = ""
    errors: tuple[str, ...] = ()
    previous: Path | None = None

    @property
    def ok(self) -> bool:
        return self.status in (Status.OK, Status.SKIPPED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": str(self.source),
            "name": self.name,
            "status": self.status.value,
            "outputs": [str(p) for p in self.outputs],
            "exit_status": self.exit_status,
            "reason": self.reason,
            "errors": list(self.errors),
            "previous": None if self.previous is None else str(self.previous),
        }
