"""Drafts: the form's content kept as the data files the CLI reads, in ``--data DIR``.

A draft is ``DIR/<id>.yaml``: the mapping the form's fields make
(:func:`govreport.serve.formdata.to_data`), written as YAML by the data files'
own writer, so ``govreport validate DIR/<id>.yaml`` says what the form says,
and what the person typed is kept as typed (``abc`` in a count too).  Its first
line is a comment with the draft's version; each save writes the whole file
atomically with the next version.  A save that names an older version than the
one stored (another tab saved in between) is refused with
:class:`StaleDraftError`, and the stored file is left as it was.

Ids are made here (12 of ``a-z0-9``); an id from the client is used only after
it matched that pattern, so no client text ever becomes a path.
"""

from __future__ import annotations

import re
import secrets
import string
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from govreport.fileio import atomic_write
from govreport.io import UnreadableFileError
from govreport.io.formats import read_mapping, serialise
from govreport.limits import MAX_DATA_FILE_BYTES

__all__ = ["DRAFT_ID", "Draft", "DraftNotFoundError", "DraftStore", "StaleDraftError"]

DRAFT_ID: Final = re.compile(r"[a-z0-9]{12}")
_ALPHABET: Final = string.ascii_lowercase + string.digits
_VERSION_LINE: Final = re.compile(r"^# .*\(draft version (\d{1,9})\)\n")
_HEADER: Final = "# govreport serve 草稿，第 {n} 版 (draft version {n})\n"


class DraftNotFoundError(LookupError):
    """No draft of that id (or the id is not one this server makes)."""


class StaleDraftError(Exception):
    """The draft was saved since the version the client had."""

    def __init__(self, stored: int) -> None:
        super().__init__(stored)
        self.stored = stored


@attrs.frozen
class Draft:
    id: str
    version: int
    #: The data file's mapping, as saved.
    data: Mapping[str, Any]


class DraftStore:
    """The drafts of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Saves in one server are one at a time, so the version check and the
        # write cannot interleave.
        self._lock = threading.Lock()

    def new_id(self) -> str:
        while True:
            draft_id = "".join(secrets.choice(_ALPHABET) for _ in range(12))
            if not self.path(draft_id).exists():
                return draft_id

    def path(self, draft_id: str) -> Path:
        """The file of ``draft_id``; :class:`DraftNotFoundError` for an id we never make."""
        if not isinstance(draft_id, str) or DRAFT_ID.fullmatch(draft_id) is None:
            raise DraftNotFoundError(draft_id)
        return self.folder / f"{draft_id}.yaml"

    def version(self, draft_id: str) -> int:
        """The stored version, 0 for a draft not saved yet."""
        path = self.path(draft_id)
        try:
            with path.open("rb") as fh:
                first = fh.readline(256).decode("utf-8", "replace")
        except FileNotFoundError:
            return 0
        found = _VERSION_LINE.match(first)
        return int(found.group(1)) if found else 1

    def load(self, draft_id: str) -> Draft:
        path = self.path(draft_id)
        if not path.is_file():
            raise DraftNotFoundError(draft_id)
        try:
            data = read_mapping(path)
        except UnreadableFileError:
            # A draft saved with no field filled in is an empty mapping, which
            # read_mapping calls empty; anything else unreadable is said as is.
            text = path.read_bytes()[: MAX_DATA_FILE_BYTES + 1].decode("utf-8", "replace")
            if _VERSION_LINE.sub("", text, count=1).strip() in ("", "{}"):
                data = {}
            else:
                raise
        return Draft(draft_id, self.version(draft_id), data)

    def save(self, draft_id: str, data: Mapping[str, Any], version: int) -> int:
        """Write ``data`` as the draft's next version, unless ``version`` is stale.

        Returns the new version; :class:`StaleDraftError` when the stored
        version is not ``version`` (nothing is written then).
        """
        path = self.path(draft_id)
        with self._lock:
            stored = self.version(draft_id)
            if stored != version:
                raise StaleDraftError(stored)
            text = _HEADER.format(n=stored + 1) + serialise(dict(data), "yaml")
            atomic_write(path, text.encode("utf-8"))
            return stored + 1

    def ids(self) -> list[str]:
        """The saved drafts' ids, newest first."""
        try:
            found = [p for p in self.folder.glob("*.yaml") if DRAFT_ID.fullmatch(p.stem)]
        except OSError:
            return []
        found.sort(key=lambda p: (-p.stat().st_mtime, p.name))
        return [p.stem for p in found]
