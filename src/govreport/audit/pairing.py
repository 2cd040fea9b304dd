"""Which report is last year's of which: the same agency, the year before.

Agencies are matched by ``report.agency.name`` in NFKC form with all white
space removed (a name has none; a stray space, a line break or full-width
letters from a published page must not split one agency in two), as
``Engine.validate`` compares a previous report's agency.  A name or a year
the loader had to default is no key: such a report is never paired.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import attrs

from govreport.io import LoadResult

Key = tuple[str, int]


def agency_key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def key_of(loaded: LoadResult) -> Key | None:
    """(agency, year) of a loaded report, or None when either had to be guessed."""
    name = agency_key(loaded.report.agency.name)
    if not name or "year" in loaded.defaulted or "agency.name" in loaded.defaulted:
        return None
    return name, loaded.report.year


@attrs.frozen
class Pairing:
    """Last year's file of each file that has exactly one; what stood in the way otherwise."""

    previous: Mapping[Path, Path]
    #: Files of the same agency and year as another file: file → the others.
    duplicates: Mapping[Path, tuple[Path, ...]]
    #: Files whose agency has several reports of the year before: file → those.
    ambiguous: Mapping[Path, tuple[Path, ...]]


def pair(keys: Mapping[Path, Key | None]) -> Pairing:
    by_key: dict[Key, list[Path]] = defaultdict(list)
    for path, key in keys.items():
        if key is not None:
            by_key[key].append(path)
    previous: dict[Path, Path] = {}
    duplicates: dict[Path, tuple[Path, ...]] = {}
    ambiguous: dict[Path, tuple[Path, ...]] = {}
    for (name, year), files in by_key.items():
        for path in files:
            others = tuple(sorted((p for p in files if p != path), key=str))
            if others:
                duplicates[path] = others
            before = sorted(by_key.get((name, year - 1), ()), key=str)
            if len(before) == 1:
                previous[path] = before[0]
            elif before:
                ambiguous[path] = tuple(before)
    return Pairing(previous, duplicates, ambiguous)
