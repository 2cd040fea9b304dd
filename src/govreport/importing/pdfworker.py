"""What the child process that parses a PDF does, forked or started on its own.

``python -m govreport.importing.pdfworker`` reads a PDF's bytes on stdin and
writes its reading (JSON, :mod:`.pdfwire`) on stdout; a forked child calls
:func:`answer` directly.  Either way the child first caps its own address
space, so that a file inflating to gigabytes stops it, not the machine.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

from govreport import limits
from govreport.importing.pdfextract import Refusal, extract, memory_reason
from govreport.importing.pdfwire import MAX_WIRE_BYTES, encode


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


def answer(data: bytes) -> bytes:
    """The reading of the PDF ``data``, encoded for the parent; never raises."""
    try:
        result = extract(data, time.monotonic() + limits.MAX_IMPORT_SECONDS)
        encoded = encode(result)
    except MemoryError:
        return encode(Refusal(memory_reason()))
    except Exception as exc:  # never a traceback: the parent reports a refusal
        return encode(Refusal(f"PDF 无法解析（{type(exc).__name__}） (PDF could not be parsed)"))
    if len(encoded) > MAX_WIRE_BYTES:
        return encode(
            Refusal(
                f"PDF 的文字超过 {MAX_WIRE_BYTES // (1024 * 1024)} MB，不像是一份年度报告，未读取"
                " (too much text for a report)"
            )
        )
    return encoded


def main() -> int:
    limit_memory()
    data = sys.stdin.buffer.read(limits.MAX_IMPORT_FILE_BYTES + 1)
    sys.stdout.buffer.write(answer(data))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
