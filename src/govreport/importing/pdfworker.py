"""What the child process that parses a PDF does, forked or started on its own.

``python -m govreport.importing.pdfworker`` reads a PDF's bytes on stdin and
writes its reading (JSON, :mod:`.pdfwire`) on stdout; a forked child calls
:func:`answer` directly.  Either way the child first caps its own address
space (:func:`govreport.childproc.limit_memory`), so that a file inflating to
gigabytes stops it, not the machine.
"""

from __future__ import annotations

import sys
import time

from govreport import limits
from govreport.childproc import serve_stdin
from govreport.importing.pdfextract import Refusal, extract, memory_reason
from govreport.importing.pdfwire import MAX_WIRE_BYTES, encode


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
    return serve_stdin(answer)


if __name__ == "__main__":
    sys.exit(main())
