"""Reading a PDF's pages in a child process (:mod:`.worker`), bounded in size, time and memory.

The child runs in :mod:`govreport.childproc`, as the importer's PDF reader does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from govreport import childproc, limits
from govreport.childproc import NoAnswer
from govreport.errors import GovreportError
from govreport.layoutcheck.pages import Page, from_wire
from govreport.layoutcheck.worker import answer

_WORKER: Final = "govreport.layoutcheck.worker"
#: Largest answer the child may send: a 200-page PDF's characters as JSON.
_MAX_ANSWER: Final = 256 * 1024 * 1024


class LayoutUnreadableError(GovreportError):
    """The file is no PDF the check can measure (missing, not a PDF, encrypted, a scan).

    Exit status 2, as for every file that cannot be used at all.
    """

    exit_status = 2

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}：{reason}")
        self.path = path
        self.reason = reason


def read_pages(path: Path) -> list[Page]:
    """The pages of the PDF at ``path``; :class:`LayoutUnreadableError` when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.MAX_IMPORT_FILE_BYTES + 1)
    except OSError as exc:
        raise LayoutUnreadableError(
            path, f"无法读取文件（{exc.strerror or exc}） (cannot read the file)"
        ) from None
    if len(data) > limits.MAX_IMPORT_FILE_BYTES:
        raise LayoutUnreadableError(
            path,
            f"文件超过 {limits.MAX_IMPORT_FILE_BYTES // 2**20} MB 的上限，未读取 (file too large)",
        )
    if b"%PDF-" not in data[:1024]:
        raise LayoutUnreadableError(path, "不是 PDF 文件 (not a PDF file)")
    reply = childproc.run(
        answer, _WORKER, data, seconds=limits.MAX_IMPORT_SECONDS, max_answer=_MAX_ANSWER
    )
    if isinstance(reply, NoAnswer):
        raise LayoutUnreadableError(
            path,
            f"测量 PDF 超过 {limits.MAX_IMPORT_SECONDS:g} 秒的时间上限，或解析进程意外退出"
            " (the PDF reader timed out or stopped)",
        )
    result: dict[str, Any] = json.loads(reply)
    if "refused" in result:
        raise LayoutUnreadableError(path, str(result["refused"]))
    return [from_wire(item) for item in result["pages"]]
