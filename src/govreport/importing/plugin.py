"""Built-in plugin: published reports (HTML pages, Word files, PDF, text) as input files.

Each reader registers through the same loader hook a plugin uses
(``govreport_register_loaders``), so ``govreport validate page.html``,
``render report.pdf`` and ``audit DIR`` read published reports like data
files, and a plugin can add a reader for another kind of file the same way.
The readers are imported on first use: starting the CLI must not pay for lxml
and pdfplumber.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from govreport.importing.blocks import Source
from govreport.io.regular import read_regular
from govreport.limits import MAX_IMPORT_FILE_BYTES
from govreport.plugins.contributions import InputLoader
from govreport.plugins.hookspecs import RegisterExtension, RegisterLoader, hookimpl


def _html(path: Path, data: bytes | None = None) -> Source:
    from govreport.importing.html import read_html

    return read_html(path, data)


def _docx(path: Path, data: bytes | None = None) -> Source:
    from govreport.importing.docx import read_docx

    return read_docx(path, data)


def _pdf(path: Path, data: bytes | None = None) -> Source:
    from govreport.importing.pdf import read_pdf

    return read_pdf(path, data)


def _text(path: Path, data: bytes | None = None) -> Source:
    from govreport.importing.text import read_text

    return read_text(path, data)


#: A built-in reader: the path (named in messages) and, when read already, the bytes.
BytesReader = Callable[[Path, bytes | None], Source]

#: Loader name → (suffixes, reader).
READERS: Mapping[str, tuple[tuple[str, ...], BytesReader]] = {
    "html": ((".html", ".htm", ".shtml"), _html),
    "docx": ((".docx",), _docx),
    "pdf": ((".pdf",), _pdf),
    "txt": ((".txt",), _text),
}


def sha256_of(path: Path) -> str:
    """Which copy of a published file was read (bounded like every import)."""
    return hashlib.sha256(read_regular(path, MAX_IMPORT_FILE_BYTES)).hexdigest()


def import_data(path: Path, read: Callable[[Path], Source]) -> dict[str, Any]:
    """A published file → the data a data file holds, ``source:`` block included.

    ``read`` (a plugin's) reads the file itself, so it is read again for its hash.
    """
    return _data(path, read(path), sha256_of(path))


def import_bytes(path: Path, read: BytesReader) -> dict[str, Any]:
    """As :func:`import_data` for a built-in reader: the file read once, and those bytes hashed."""
    data = read_regular(path, MAX_IMPORT_FILE_BYTES)
    return _data(path, read(path, data), hashlib.sha256(data).hexdigest())


def _data(path: Path, source: Source, sha256: str) -> dict[str, Any]:
    from govreport.importing.mapper import map_source

    imported = map_source(source)
    data = dict(imported.data)
    data["source"] = {
        "file": path.name,
        "format": source.kind,
        "sha256": sha256,
        "notes": [
            {
                "code": note.code,
                "severity": note.severity.value,
                "message": note.message,
                "path": note.path,
                "location": note.location,
            }
            for note in imported.notes
        ],
    }
    return data


def source_loader(
    name: str, suffixes: tuple[str, ...], read: Callable[[Path], Source]
) -> InputLoader:
    """An input loader for published reports of another kind, from a reader.

    A plugin that can turn a file into a :class:`Source` (paragraphs and
    tables as printed) registers ``source_loader("ofd", (".ofd",), read_ofd)``
    and gets the same mapping, notes and ``source:`` block as the built-in
    HTML, Word, PDF and text readers.
    """
    return InputLoader(name, suffixes, lambda path: import_data(path, read))


@hookimpl
def govreport_register_loaders(register: RegisterLoader) -> None:
    for name, (suffixes, read) in READERS.items():
        register(InputLoader(name, suffixes, functools.partial(import_bytes, read=read)))


@hookimpl
def govreport_register_extensions(register: RegisterExtension) -> None:
    from govreport.importing.trial2019 import TRIAL_2019

    register(TRIAL_2019)
