"""The JSON report of a batch, written as items come, in input order, by rename at the end.

Items arrive in the order they finish; a small buffer puts them back in input
order (the pool keeps few tasks in flight, so the buffer stays small) and each
is written out at once, so the report costs no memory however long the batch.
The file is a hidden temporary file beside the target until :meth:`close`
renames it: an interrupted batch leaves no half report, and the temporary
file's name is the one ``govreport.fileio`` recognises and cleans up.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import IO, Any

from govreport.batch.items import BatchItem, Status
from govreport.fileio import OutputWriteError, remove_stale_temps


class JsonReport:
    """``{"formats", "out_dir", "previous", "inputs": [...], "summary": {...}}``, inputs by index.

    ``previous`` is last year's folder or file as given (``None``: none given).
    """

    def __init__(
        self,
        target: Path,
        *,
        formats: tuple[str, ...],
        out_dir: Path,
        previous: Path | None = None,
    ) -> None:
        self.target = target
        self._buffer: dict[int, BatchItem] = {}
        self._next = 0
        self._first = True
        self.counts: Counter[Status] = Counter()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(target.parent)
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{target.name}.gr{os.getpid()}-", suffix=".tmp", dir=target.parent
            )
        except OSError as exc:
            raise OutputWriteError(target, exc) from exc
        # mkstemp makes the file private; the report is as public as a plain open() makes it.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)
        self._fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8")
        head = json.dumps(
            {
                "formats": list(formats),
                "out_dir": str(out_dir),
                "previous": None if previous is None else str(previous),
            },
            ensure_ascii=False,
        )
        self._fh.write(head[:-1] + ', "inputs": [')

    def add(self, item: BatchItem) -> None:
        """Take one item; write it and every buffered one that now follows in order."""
        self.counts[item.status] += 1
        self._buffer[item.index] = item
        while self._next in self._buffer:
            self._write(self._buffer.pop(self._next))
            self._next += 1

    def _write(self, item: BatchItem) -> None:
        self._fh.write(("\n  " if self._first else ",\n  ") + _dumps(item.to_dict()))
        self._first = False

    def close(self) -> Path:
        """Write the rest and the summary, and rename the report into place."""
        for index in sorted(self._buffer):  # after inputs that never came: none in a full run
            self._write(self._buffer.pop(index))
        summary = {"total": sum(self.counts.values())}
        summary |= {status.value: self.counts[status] for status in Status}
        try:
            self._fh.write(f'\n], "summary": {_dumps(summary)}}}\n')
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self._tmp, self.target)
        except OSError as exc:
            self.discard()
            raise OutputWriteError(self.target, exc) from exc
        return self.target

    def discard(self) -> None:
        """Remove the unfinished report (an interrupted batch)."""
        with contextlib.suppress(OSError):
            self._fh.close()
        with contextlib.suppress(OSError):
            os.unlink(self._tmp)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)
