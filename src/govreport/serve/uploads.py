"""Uploads, read defensively: bounded before parsing, parsed by the loaders that exist.

An upload is held in memory only up to its bound (the request as a whole is
bounded before it is read, :mod:`govreport.serve.security`), then written to a
private temporary folder under a name made here (``upload.<suffix>``, the
suffix one of those the engine reads) and read by
:meth:`govreport.Engine.load_report`, so every guard of the CLI applies: a
workbook or Word package that inflates too far (zip bombs), XML with entity
declarations, YAML aliases beyond their bound, a too-deep or too-large data
file.  The folder is removed afterwards, whatever happened.  What cannot be
read is an :class:`UploadError` with a Chinese message naming the file as the
person called it, never the temporary path.

The client's file name is used only for its suffix and in messages.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

from govreport.errors import GovreportError
from govreport.io import SUFFIXES
from govreport.limits import MAX_DATA_FILE_BYTES, MAX_IMPORT_FILE_BYTES, MAX_TEMPLATE_BYTES
from govreport.plugins import Engine

__all__ = [
    "UploadError",
    "as_named",
    "display_name",
    "in_private_dir",
    "readable_suffixes",
    "upload_limit",
]

T = TypeVar("T")

#: Kinds people try that no loader reads, with what to do instead.
_REFUSED: Final = {
    ".xls": "旧版 Excel 文件（.xls）不能读取，请在 Excel 或 WPS 中另存为 .xlsx 后上传 "
    "(.xls is not supported: save as .xlsx)",
    ".doc": "旧版 Word 文件（.doc）不能读取，请另存为 .docx 后上传 "
    "(.doc is not supported: save as .docx)",
    ".wps": "WPS 文字文件（.wps）不能读取，请另存为 .docx 后上传 (save as .docx)",
    ".et": "WPS 表格文件（.et）不能读取，请另存为 .xlsx 后上传 (save as .xlsx)",
}


class UploadError(Exception):
    """An upload that cannot be used; ``str()`` is the message for the page."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def display_name(filename: str | None) -> str:
    """The client's file name for messages: its last part, printable, short."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name[:100] or "（未命名文件）"


def suffix_of(filename: str | None) -> str:
    name = display_name(filename)
    return Path(name).suffix.lower() if "." in name else ""


def readable_suffixes(engine: Engine) -> tuple[str, ...]:
    """Every suffix a data file or a loader of ``engine`` reads, sorted."""
    found = set(SUFFIXES)
    for loader in engine.loaders.values():
        found.update(s.lower() for s in loader.suffixes)
    return tuple(sorted(found))


def upload_limit(suffix: str) -> int:
    """The bound of an upload of that kind: a data file's, else a published report's."""
    return MAX_DATA_FILE_BYTES if suffix in SUFFIXES else MAX_IMPORT_FILE_BYTES


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_upload(filename: str | None, data: bytes, allowed: tuple[str, ...], limit: int) -> str:
    """The upload's suffix, or :class:`UploadError` for a kind or size we do not take."""
    name = display_name(filename)
    suffix = suffix_of(filename)
    if suffix in _REFUSED:
        raise UploadError(f"{name}：{_REFUSED[suffix]}")
    if suffix not in allowed:
        raise UploadError(
            f"{name}：不能读取此类文件（扩展名为“{suffix or '无'}”），"
            f"可上传：{'、'.join(allowed)} (unsupported file type)"
        )
    if len(data) > limit:
        raise UploadError(
            f"{name}：文件过大（{len(data)} 字节），上限 {_size(limit)} (file too large)", 413
        )
    if not data:
        raise UploadError(f"{name}：文件为空 (empty file)")
    return suffix


def in_private_dir(filename: str | None, data: bytes, suffix: str, read: Callable[[Path], T]) -> T:
    """``read(path)`` of the upload written as ``upload<suffix>`` in a private folder.

    Errors of ours (:class:`govreport.GovreportError`, which the loaders raise
    for unreadable input, zip bombs and entities included) become an
    :class:`UploadError` naming the file as the person called it.
    """
    name = display_name(filename)
    with tempfile.TemporaryDirectory(prefix="govreport-serve-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            return read(path)
        except GovreportError as exc:
            message = as_named(str(exc), path, name)
            raise UploadError(f"无法读取上传的文件 (cannot read the upload)：{message}") from None


def as_named(text: str, path: Path, name: str) -> str:
    """``text`` naming the upload as the person called it, not by its temporary path."""
    return text.replace(str(path), name).replace(path.name, name)


def template_limit() -> int:
    return MAX_TEMPLATE_BYTES
