"""Parsing a PDF in a bounded child process (:mod:`govreport.childproc`).

The child caps its memory and checks its deadline between pages; the parent
kills it when it has not answered in time.  This module turns the child's
answer, or the reason there was none, into a :class:`Source` or a
:class:`Refusal` worded for the person importing the file.
"""

from __future__ import annotations

from typing import Final

from govreport import childproc, limits
from govreport.childproc import Failure, NoAnswer
from govreport.importing.blocks import Source
from govreport.importing.pdfextract import Refusal, timeout_reason
from govreport.importing.pdfwire import MAX_WIRE_BYTES, decode
from govreport.importing.pdfworker import answer

_WORKER: Final = "govreport.importing.pdfworker"


def _refusal(why: NoAnswer) -> Refusal:
    if why.failure is Failure.TIMEOUT:
        return Refusal(timeout_reason())
    if why.failure is Failure.NOT_STARTED:
        return Refusal(f"无法启动解析 PDF 的进程（{why.reason}） (cannot start the PDF reader)")
    return Refusal(
        f"解析 PDF 的进程意外退出（退出码 {why.exitcode}），可能是文件异常或超出内存上限"
        " (the PDF parser stopped unexpectedly)"
    )


def _read(reply: bytes | NoAnswer) -> Source | Refusal:
    return _refusal(reply) if isinstance(reply, NoAnswer) else decode(reply)


def parse(data: bytes) -> Source | Refusal:
    """The PDF ``data`` read into a Source, or why it cannot be."""
    return forked(data) if childproc.can_fork() else started(data)


def forked(data: bytes) -> Source | Refusal:
    """Parse in a forked child (Linux, one thread)."""
    seconds = limits.MAX_IMPORT_SECONDS
    return _read(childproc.run_forked(answer, data, seconds=seconds, max_answer=MAX_WIRE_BYTES))


def started(data: bytes) -> Source | Refusal:
    """Parse in a new interpreter running :mod:`.pdfworker`."""
    seconds = limits.MAX_IMPORT_SECONDS
    return _read(childproc.run_started(_WORKER, data, seconds=seconds, max_answer=MAX_WIRE_BYTES))
