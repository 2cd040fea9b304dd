"""``previous``: last year's data file for each input of a batch.

A folder of last year's files is matched to this year's inputs by file name:
``DIR/<the input's file name>`` first, then ``DIR/<the input's stem><suffix>``
for the data-file suffixes in sorted order (``unit.yaml`` finds last year's
``unit.json``).  The name, not the agency inside: matching by agency would read
every file of the folder before the first render, and a name is what an office
keeps from one year to the next.  Only the folder itself is searched, one
``stat`` per candidate, so nothing is held in memory however large it is.

An input without a match is no error: the cross-year rules (R6 结转) do not run
for it, and its result says so (``BatchItem.previous`` is ``None``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

#: What ``render_many(previous=...)`` takes: a folder (matched by name), one
#: file (for every input), or a function from an input to its file (or None).
PreviousSource = str | os.PathLike[str] | Callable[[Path], Path | None]

#: An input → last year's file, or None when there is none.
Finder = Callable[[Path], Path | None]


def finder(previous: PreviousSource | None, suffixes: Iterable[str]) -> Finder | None:
    """The function that finds each input's previous file, or None when none was asked for."""
    if previous is None:
        return None
    if callable(previous):
        return previous
    given = Path(previous)
    if given.is_dir():
        return _InFolder(given, sorted(suffixes))
    return lambda source: given  # one file, for every input: its absence is said per input


class _InFolder:
    def __init__(self, folder: Path, suffixes: list[str]) -> None:
        self.folder = folder
        self.suffixes = suffixes

    def __call__(self, source: Path) -> Path | None:
        candidates = [source.name, *(source.stem + suffix for suffix in self.suffixes)]
        for name in candidates:
            path = self.folder / name
            if path.is_file():
                return path
        return None
