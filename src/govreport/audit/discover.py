"""Which files an audit reads: the paths given, and every report file under a folder.

A folder is walked recursively, in sorted order, for files whose suffix one of
the engine's loaders accepts (the built-in .yaml/.yml/.json/.toml and whatever
an installed loader adds, such as the importers of published pages).  A file
named on the command line is always taken, whatever its suffix, so that the
audit can say why it cannot be read.  Hidden files and folders (``.git``) are
skipped, symbolic links to folders are not followed (no loops), and the walk
is bounded (:data:`~govreport.limits.MAX_AUDIT_FILES`,
:data:`~govreport.limits.MAX_AUDIT_WALK_ENTRIES`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from govreport.io import SUFFIXES
from govreport.limits import MAX_AUDIT_FILES, MAX_AUDIT_WALK_ENTRIES
from govreport.plugins import Engine

#: Why a path given could not be searched.
MISSING = "文件或目录不存在 (no such file or directory)"


@attrs.frozen
class Skipped:
    """A path the audit could not take: it is reported like an unreadable file."""

    path: Path
    reason: str


@attrs.frozen
class Discovery:
    """The report files found, in order, and the paths that could not be searched."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()


def accepted_suffixes(engine: Engine) -> frozenset[str]:
    """Lower-case suffixes with the dot: the built-in formats and every loader's."""
    found = set(SUFFIXES)
    for loader in engine.loaders.values():
        found.update(s.lower() for s in loader.suffixes)
    return frozenset(found)


def _walk(
    folder: Path,
    suffixes: frozenset[str],
    budget: list[int],
    skipped: list[Skipped],
    excluded: frozenset[Path] = frozenset(),
) -> Iterator[Path]:
    """Report files under ``folder``, sorted; ``budget[0]`` counts entries left to visit.

    A sub-folder that cannot be listed is named in ``skipped``, never passed
    over; one in ``excluded`` (resolved) is left out on purpose.
    """

    def unlisted(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        skipped.append(Skipped(where, _cannot_list(exc)))

    for root, dirs, files in os.walk(folder, onerror=unlisted, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (Path(root) / d).resolve() not in excluded
        )
        budget[0] -= len(dirs) + len(files)
        if budget[0] < 0:
            raise _TooMany(MAX_AUDIT_WALK_ENTRIES, "个目录项 (directory entries)")
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                yield Path(root) / name


def _cannot_list(exc: OSError) -> str:
    return f"无法读取目录 (cannot list)：{exc.strerror or exc}"


class _TooMany(Exception):
    def __init__(self, limit: int, what: str) -> None:
        super().__init__(
            f"超过 {limit:,} {what}，其余未核查 (stopped after {limit:,}; the rest not checked)"
        )


def find_reports(
    paths: Iterable[str | os.PathLike[str]],
    suffixes: frozenset[str],
    *,
    max_files: int = MAX_AUDIT_FILES,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Discovery:
    """Every report file named or found under the folders named, each once.

    Files and folders in ``exclude`` are left out: the audit's own output
    (its JSON, the annotated pages) must not be audited on the next run.
    """
    excluded = frozenset(Path(e).resolve() for e in exclude)
    files: list[Path] = []
    seen: set[Path] = set()
    skipped: list[Skipped] = []
    budget = [MAX_AUDIT_WALK_ENTRIES]

    def take(path: Path) -> None:
        key = path.resolve()
        if key not in seen and key not in excluded:
            if len(files) >= max_files:
                raise _TooMany(max_files, "个报告文件 (report files)")
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                for found in _walk(path, suffixes, budget, skipped, excluded):
                    take(found)
            elif path.exists() or path.is_symlink():
                take(path)  # a dangling link: the loader says what is wrong with it
            else:
                skipped.append(Skipped(path, MISSING))
        except _TooMany as exc:
            skipped.append(Skipped(path, str(exc)))
            break
        except OSError as exc:  # a path whose kind cannot even be asked
            skipped.append(Skipped(path, _cannot_list(exc)))
    return Discovery(tuple(files), tuple(skipped))
