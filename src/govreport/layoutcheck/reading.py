"""Reading a PDF's pages in a child process (:mod:`.worker`), bounded in size, time and memory.

On Linux, in a process with one thread, the child is forked (nothing is
imported again); elsewhere it is a new interpreter running the worker module.
Never multiprocessing's spawn: it imports the caller's ``__main__`` again.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Final

from govreport import limits
from govreport.errors import GovreportError
from govreport.layoutcheck.pages import Page, from_wire
from govreport.layoutcheck.worker import answer, limit_memory

#: Seconds the parent waits beyond the child's own deadline before killing it.
_GRACE: Final = 5.0
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
    reply = _forked(data) if _can_fork() else _started(data)
    if reply is None:
        raise LayoutUnreadableError(
            path,
            f"测量 PDF 超过 {limits.MAX_IMPORT_SECONDS:g} 秒的时间上限，或解析进程意外退出"
            " (the PDF reader timed out or stopped)",
        )
    result: dict[str, Any] = json.loads(reply)
    if "refused" in result:
        raise LayoutUnreadableError(path, str(result["refused"]))
    return [from_wire(item) for item in result["pages"]]


def _can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def _child(conn: Connection, data: bytes) -> None:
    limit_memory()
    try:
        conn.send_bytes(answer(data))
    finally:
        conn.close()


def _forked(data: bytes) -> bytes | None:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, data), daemon=True)
    try:
        process.start()
        sender.close()
        if not receiver.poll(limits.MAX_IMPORT_SECONDS + _GRACE):
            return None
        return receiver.recv_bytes(_MAX_ANSWER)
    except (EOFError, OSError):
        return None
    finally:
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            process.join(_GRACE)
        receiver.close()
        sender.close()


def _started(data: bytes) -> bytes | None:
    env = dict(os.environ)
    paths = [p for p in sys.path if p]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "govreport.layoutcheck.worker"],
            input=data,
            capture_output=True,
            timeout=limits.MAX_IMPORT_SECONDS + _GRACE,
            env=env,
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    if done.returncode != 0 or not done.stdout or len(done.stdout) > _MAX_ANSWER:
        return None
    return done.stdout
