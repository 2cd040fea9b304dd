"""Parsing untrusted bytes in a child process, bounded in time and memory.

pdfminer (under pdfplumber) is pure Python and trusts the file: a content
stream of millions of operators keeps it busy for minutes, a compressed
stream of zeros inflates to gigabytes in one call, and neither can be stopped
from inside the call.  Every reader of such a file (the importer's PDF reader,
the layout check) therefore runs its parser here:

* the child caps its own address space at what it had plus
  :data:`~govreport.limits.MAX_IMPORT_MEMORY_BYTES` (:func:`limit_memory`):
  an allocation past it raises MemoryError there, and the child answers with
  a refusal of its own;
* the parent kills a child that has not answered ``seconds`` (plus a few
  seconds' grace) after it started, and reports why it got no answer.

On Linux, in a process with one thread, the child is forked: it costs a
fork, and nothing is imported again.  Elsewhere (another thread running, a
daemonic worker process, another system) forking is not safe or not allowed,
and the child is a new interpreter running the caller's worker module, whose
``main`` is :func:`serve_stdin`.  Never multiprocessing's spawn or
forkserver: they import the caller's ``__main__`` again in the child.
"""

from __future__ import annotations

import contextlib
import enum
import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Final

import attrs

from govreport import limits

#: Seconds the parent waits beyond the child's own deadline before killing it.
GRACE: Final = 5.0

#: What the child computes from the input's bytes: its answer, as bytes.
Answer = Callable[[bytes], bytes]


class Failure(enum.Enum):
    TIMEOUT = "timeout"  # no answer in time: the child was killed
    DIED = "died"  # the child ended without a whole answer
    NOT_STARTED = "not started"  # no child could be started


@attrs.frozen
class NoAnswer:
    """Why the child gave no answer: the caller words it for its users."""

    failure: Failure
    exitcode: int | None = None
    reason: str = ""  # the OS's reason, when no child could be started


def can_fork() -> bool:
    """Whether forking is safe here: Linux, one thread, not a daemonic worker."""
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def _address_space() -> int:
    """This process's current address space (bytes); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def limit_memory() -> None:
    """Let this process grow by at most MAX_IMPORT_MEMORY_BYTES from now on."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        budget = _address_space() + limits.MAX_IMPORT_MEMORY_BYTES
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            budget = min(budget, hard)
        resource.setrlimit(resource.RLIMIT_AS, (budget, hard))


def run(
    answer: Answer, module: str, data: bytes, *, seconds: float, max_answer: int
) -> bytes | NoAnswer:
    """``answer(data)`` computed in a bounded child: forked, or ``python -m module``."""
    if can_fork():
        return run_forked(answer, data, seconds=seconds, max_answer=max_answer)
    return run_started(module, data, seconds=seconds, max_answer=max_answer)


def _child(conn: Connection, answer: Answer, data: bytes) -> None:
    limit_memory()
    try:
        conn.send_bytes(answer(data))
    finally:
        conn.close()


def run_forked(answer: Answer, data: bytes, *, seconds: float, max_answer: int) -> bytes | NoAnswer:
    """:func:`run` in a forked child (Linux, one thread)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, answer, data), daemon=True)
    try:
        try:
            process.start()
        except OSError as exc:
            return NoAnswer(Failure.NOT_STARTED, reason=str(exc.strerror or exc))
        sender.close()
        if not receiver.poll(seconds + GRACE):
            return NoAnswer(Failure.TIMEOUT)
        try:
            return receiver.recv_bytes(max_answer)
        except (EOFError, OSError):
            process.join(GRACE)
            return NoAnswer(Failure.DIED, process.exitcode)
    finally:
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            process.join(GRACE)
        receiver.close()
        sender.close()


def run_started(module: str, data: bytes, *, seconds: float, max_answer: int) -> bytes | NoAnswer:
    """:func:`run` in a new interpreter running ``module`` (its ``main`` is :func:`serve_stdin`)."""
    env = dict(os.environ)
    paths = [p for p in sys.path if p]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    try:
        done = subprocess.run(
            [sys.executable, "-m", module],
            input=data,
            capture_output=True,
            timeout=seconds + GRACE,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return NoAnswer(Failure.TIMEOUT)
    except OSError as exc:
        return NoAnswer(Failure.NOT_STARTED, reason=str(exc.strerror or exc))
    if done.returncode != 0 or not done.stdout or len(done.stdout) > max_answer:
        return NoAnswer(Failure.DIED, done.returncode)
    return done.stdout


def serve_stdin(answer: Answer) -> int:
    """A worker module's ``main``: the input on stdin, its answer on stdout, memory capped."""
    limit_memory()
    data = sys.stdin.buffer.read(limits.MAX_IMPORT_FILE_BYTES + 1)
    sys.stdout.buffer.write(answer(data))
    sys.stdout.buffer.flush()
    return 0
