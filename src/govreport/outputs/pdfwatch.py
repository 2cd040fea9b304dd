"""Run LibreOffice for a govreport process, and kill it when that process ends.

Run as a script (``python -I pdfwatch.py FD N DIR... -- COMMAND...``), never
imported by govreport: it must start fast and work while govreport is gone.

Why a watchdog: govreport cannot clean up after ``kill -9`` of itself, and
LibreOffice (``oosplash`` starting ``soffice.bin``) outlives its parent.  The
watchdog runs in its own session, so a signal to govreport's process group
does not reach it, and starts LibreOffice in a process group of its own.
govreport holds the write end of a pipe whose read end is ``FD``: when
govreport ends in any way (exit, exception, SIGTERM, SIGKILL) or gives up on
a conversion (timeout), the kernel closes the write end, the watchdog reads
end-of-file, kills LibreOffice's whole group, and, unless govreport said it
was giving up (then it cleans up itself), removes the ``N`` temporary folders
named after ``FD``.

Exit status: LibreOffice's, or 137 when it was killed.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys

#: Exit status when LibreOffice was killed (128 + SIGKILL, as a shell says).
KILLED = 128 + signal.SIGKILL
#: What govreport writes before closing the pipe on purpose (a timeout, an
#: interruption it handles): it removes its own folders then.  End-of-file
#: without it means govreport died, and the watchdog removes them.
GIVING_UP = b"q"
#: Exit status when LibreOffice could not be started at all.
CANNOT_START = 127
#: Seconds between checks of LibreOffice while waiting for the pipe.
POLL = 0.2


def main(argv: list[str]) -> int:
    fd = int(argv[0])
    count = int(argv[1])
    folders = argv[2 : 2 + count]
    command = argv[2 + count :]
    if command[:1] == ["--"]:
        command = command[1:]
    # Its own group, so one killpg reaches oosplash and soffice.bin together.
    try:
        child = subprocess.Popen(command, start_new_session=True, stdin=subprocess.DEVNULL)
    except OSError as exc:  # said in one line by govreport, with the exit status
        print(f"cannot start {command[0]}: {exc.strerror or exc}", flush=True)
        return CANNOT_START
    told = b""
    while True:
        ready, _, _ = select.select([fd], [], [], POLL)
        chunk = _read(fd) if ready else None
        if chunk:
            told += chunk
        elif chunk is not None:
            # govreport ended or gave up.  The leader is not reaped yet (only
            # poll() below reaps it), so its group id cannot have been reused.
            if child.poll() is None:
                with contextlib.suppress(OSError):
                    os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            if GIVING_UP not in told:  # govreport died: nobody else will clean up
                for folder in folders:
                    shutil.rmtree(folder, ignore_errors=True)
            return KILLED if child.returncode < 0 else child.returncode
        code = child.poll()
        if code is not None:
            return KILLED if code < 0 else code


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
