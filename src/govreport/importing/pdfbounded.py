"""Parsing a PDF in a child process, bounded in time and memory.

pdfminer (under pdfplumber) is pure Python and trusts the file: a content
stream of millions of operators keeps it busy for minutes, a compressed
stream of zeros inflates to gigabytes in one call.  Neither can be stopped
from inside the call.  So the PDF is parsed in a child process:

* the child caps its own address space at what it had plus
  :data:`~govreport.limits.MAX_IMPORT_MEMORY_BYTES`: an allocation past it
  raises MemoryError there, and the child answers with a clear refusal;
* the child checks the deadline between pages, and the parent kills it
  when it has not answered :data:`~govreport.limits.MAX_IMPORT_SECONDS`
  (plus a few seconds' grace) after it started.

On Linux, in a process with one thread, the child is forked: it costs a
fork, and nothing is imported again.  Elsewhere (another thread running, a
daemonic worker process, another system) forking is not safe or not allowed,
and the child is a new interpreter running :mod:`.pdfworker`, which costs
about half a second more.  Never multiprocessing's spawn or forkserver:
they import the caller's ``__main__`` again in the child.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from typing import Final

from govreport import limits
from govreport.importing.blocks import Source
from govreport.importing.pdfextract import Refusal, timeout_reason
from govreport.importing.pdfwire import MAX_WIRE_BYTES, decode
from govreport.importing.pdfworker import answer, limit_memory

#: Seconds the parent waits beyond the child's own deadline before killing it.
_GRACE: Final = 5.0
_WORKER: Final = "govreport.importing.pdfworker"


def _died(exitcode: int | None) -> Refusal:
    return Refusal(
        f"解析 PDF 的进程意外退出（退出码 {exitcode}），可能是文件异常或超出内存上限"
        " (the PDF parser stopped unexpectedly)"
    )


def _can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def parse(data: bytes) -> Source | Refusal:
    """The PDF ``data`` read into a Source, or why it cannot be."""
    return forked(data) if _can_fork() else started(data)


def _child(conn: Connection, data: bytes) -> None:
    limit_memory()
    try:
        conn.send_bytes(answer(data))
    finally:
        conn.close()


def forked(data: bytes) -> Source | Refusal:
    """Parse in a forked child (Linux, one thread)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, data), daemon=True)
    try:
        try:
            process.start()
        except OSError as exc:
            return Refusal(
                f"无法启动解析 PDF 的进程（{exc.strerror or exc}） (cannot start the PDF reader)"
            )
        sender.close()
        if not receiver.poll(limits.MAX_IMPORT_SECONDS + _GRACE):
            return Refusal(timeout_reason())
        try:
            return decode(receiver.recv_bytes(MAX_WIRE_BYTES))
        except (EOFError, OSError):
            process.join(_GRACE)
            return _died(process.exitcode)
    finally:
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            process.join(_GRACE)
        receiver.close()
        sender.close()


def started(data: bytes) -> Source | Refusal:
    """Parse in a new interpreter running :mod:`.pdfworker`."""
    env = dict(os.environ)
    paths = [p for p in sys.path if p]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    try:
        done = subprocess.run(
            [sys.executable, "-m", _WORKER],
            input=data,
            capture_output=True,
            timeout=limits.MAX_IMPORT_SECONDS + _GRACE,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Refusal(timeout_reason())
    except OSError as exc:
        return Refusal(
            f"无法启动解析 PDF 的进程（{exc.strerror or exc}） (cannot start the PDF reader)"
        )
    if done.returncode != 0 or not done.stdout or len(done.stdout) > MAX_WIRE_BYTES:
        return _died(done.returncode)
    return decode(done.stdout)
