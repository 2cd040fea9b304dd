"""Many PDFs from one LibreOffice: a resident ``soffice`` fed by its own pipe.

Starting LibreOffice costs 1.5–2 s a report (and a fresh profile more); the
layout of one report costs about 0.3 s.  So a :class:`PdfConverter` starts
LibreOffice once, with a private profile, and keeps it alive by opening an
empty placeholder file in it: a headless LibreOffice quits after a
conversion only when no document is open.  Each conversion is then the
ordinary ``soffice --convert-to`` command line; with the same profile it
finds the resident LibreOffice's single-instance pipe, hands it the request,
waits until the PDF is written and exits (about 0.07 s of processor time
with its watchdog; ``convert_many`` hands over ``CHUNK`` documents a
request).  The python UNO bridge would do the same, but it is a package of
the system's Python, not importable from a virtual environment.

Fonts and layout are those of ``docx_to_pdf`` (same ``fonts.conf``, same
export filter).  Its PDFs were never byte-identical run to run (creation
date, document ID); within one resident LibreOffice the embedded font
subsets' ``UniqueID`` also counts up from one PDF to the next.

Every process runs under the watchdog of ``pdfwatch.py``: when this process
ends however it ends, or gives up on a conversion, LibreOffice is killed and
its folders removed.  A timeout kills the resident too (it is the one stuck);
the next conversion starts a new one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType, TracebackType
from typing import IO, TYPE_CHECKING, Final

from govreport.limits import MAX_PDF_TIMEOUT_SECONDS

if TYPE_CHECKING:
    from govreport.outputs.pdf import PdfConversionError

#: The placeholder document that keeps the resident LibreOffice running.
KEEP_OPEN: Final = "keep-open.txt"
#: LibreOffice's lock file of the placeholder: it exists once the document is
#: open, and the single-instance pipe (opened earlier in start-up) is there.
READY: Final = ".~lock.keep-open.txt#"
#: The resident LibreOffice's messages (its errors name no document; the
#: lines it writes during one conversion are that conversion's).
LOG: Final = "soffice.log"
#: Seconds between looks at the lock file while LibreOffice starts.
POLL: Final = 0.05
#: Documents handed to LibreOffice in one request by ``convert_many``: each
#: request is one small ``soffice`` process (about 0.07 s of processor time
#: against 0.3 s for the layout of a report); a failure costs a retry of
#: the chunk's missing documents one by one.
CHUNK: Final = 16


def _pdf() -> ModuleType:
    # Imported when used: pdf.py re-exports this module's class at its end.
    from govreport.outputs import pdf

    return pdf


def _document_error(index: int, reason: str) -> PdfConversionError:
    error: PdfConversionError = _pdf().PdfConversionError(
        f"第 {index + 1} 份文档转换 PDF 失败（document index {index}）：{reason}"
    )
    error.index = index
    return error


def _ipc_sockets(profile: Path | None) -> list[Path]:
    """The single-instance pipes (``/tmp/OSL_PIPE_…``) of LibreOffice run with ``profile``.

    Linux only (``/proc``); elsewhere none are found and they stay behind.
    """
    if profile is None:
        return []
    needle = f"UserInstallation={profile.as_uri()}".encode()
    inodes: set[str] = set()
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
        for pid in pids:
            try:
                if needle not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    link = os.readlink(f"/proc/{pid}/fd/{fd}")
                    if link.startswith("socket:["):
                        inodes.add(link[8:-1])
            except OSError:
                continue
        table = Path("/proc/net/unix").read_text().splitlines()[1:]
    except OSError:
        return []
    found = []
    for line in table:
        fields = line.split()
        # Num RefCount Protocol Flags Type St Inode Path
        if len(fields) >= 8 and fields[6] in inodes and "/OSL_PIPE_" in fields[7]:
            found.append(Path(fields[7]))
    return found


class PdfConverter:
    """Convert .docx bytes to PDF bytes, many documents with one LibreOffice.

    ``with PdfConverter() as conv: pdf = conv.convert(docx)``; or
    ``conv.convert_many([docx, ...])``.  One converter converts one document
    at a time (a lock); several converters run side by side, each with its
    own LibreOffice and profile.
    """

    def __init__(self, *, timeout: float = 180.0) -> None:
        if not 0 < timeout <= MAX_PDF_TIMEOUT_SECONDS:
            raise ValueError(f"timeout must be in (0, {MAX_PDF_TIMEOUT_SECONDS}]: {timeout}")
        self.timeout = timeout
        self._lock = threading.Lock()
        self._profile: Path | None = None
        self._resident: subprocess.Popen[bytes] | None = None
        self._write_end = -1
        self._log: IO[bytes] | None = None
        #: How many times LibreOffice was started (1 unless one died or hung).
        self.starts = 0

    def __enter__(self) -> PdfConverter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def resident_pid(self) -> int | None:
        """The watchdog's process id of the running LibreOffice, if one runs."""
        resident = self._resident
        return resident.pid if resident is not None and resident.poll() is None else None

    @property
    def profile(self) -> Path | None:
        """The running LibreOffice's profile folder, if one runs."""
        return self._profile if self._alive() else None

    def close(self) -> None:
        """Stop LibreOffice and remove its profile; the converter can be used again."""
        resident, self._resident = self._resident, None
        # Killed, LibreOffice leaves its single-instance pipe in /tmp: note it first.
        sockets = _ipc_sockets(self._profile) if resident is not None else []
        if self._write_end >= 0:
            _pdf()._give_up(self._write_end)
            self._write_end = -1
        if resident is not None:
            resident.wait()
        for socket in sockets:
            with contextlib.suppress(OSError):
                if socket.is_socket():
                    socket.unlink()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def convert(self, docx: bytes) -> bytes:
        """One document's PDF; ``PdfConversionError`` when it cannot be made."""
        with self._lock:
            return self._convert(docx)

    def convert_many(self, documents: Sequence[bytes]) -> list[bytes]:
        """Every document's PDF, in order; the first failure is raised after all are tried.

        The error names the document (``error.index``); use :meth:`convert_each`
        to keep the PDFs of the others.
        """
        results = self.convert_each(documents)
        for result in results:
            if isinstance(result, Exception):
                raise result
        return results  # type: ignore[return-value]

    def convert_each(self, documents: Sequence[bytes]) -> list[bytes | PdfConversionError]:
        """Each document's PDF, or the ``PdfConversionError`` naming its index.

        Documents go to LibreOffice ``CHUNK`` at a time in one request; one
        that yields no PDF is converted again alone, for its own error (or
        its PDF, if another document was to blame).
        """
        pdf = _pdf()
        results: list[bytes | PdfConversionError] = []
        with self._lock:
            for start in range(0, len(documents), CHUNK):
                chunk = documents[start : start + CHUNK]
                try:
                    done = self._convert_chunk(chunk) if len(chunk) > 1 else {}
                except pdf.PdfConversionError as exc:  # LibreOffice cannot start: all fail
                    for index in range(start, len(documents)):
                        results.append(_document_error(index, str(exc)))
                    return results
                for offset, docx in enumerate(chunk):
                    if offset in done:
                        results.append(done[offset])
                        continue
                    try:
                        results.append(self._convert(docx))
                    except pdf.PdfConversionError as exc:
                        results.append(_document_error(start + offset, str(exc)))
        return results

    # -- the resident LibreOffice -------------------------------------------

    def _alive(self) -> bool:
        return self._resident is not None and self._resident.poll() is None

    def _start(self, soffice: str) -> Path:
        """Start the resident LibreOffice (if none runs); return its profile folder."""
        if self._alive():
            assert self._profile is not None
            return self._profile
        self.close()  # what is left of one that died
        pdf = _pdf()
        pdf.remove_stale_folders()
        profile = Path(tempfile.mkdtemp(prefix=f"govreport-lo-{os.getpid()}-"))
        self._profile = profile
        (profile / KEEP_OPEN).write_bytes(b"")
        self._log = (profile / LOG).open("wb")
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            str(profile / KEEP_OPEN),
        ]
        read_end, self._write_end = os.pipe()
        watchdog = [sys.executable, "-I", str(pdf.WATCHDOG), str(read_end), "1", str(profile)]
        try:
            self._resident = subprocess.Popen(
                [*watchdog, "--", *cmd],
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                env={**pdf.conversion_env(), "TMPDIR": str(profile)},
                pass_fds=(read_end,),
                start_new_session=True,
            )
        except OSError as exc:
            self.close()
            raise pdf.PdfConversionError(
                f"无法启动 LibreOffice（{soffice}）：{exc}。{pdf.INSTALL_HINT}"
            ) from None
        finally:
            os.close(read_end)
        self.starts += 1
        try:
            self._wait_ready(profile)
        except BaseException:
            self.close()
            raise
        return profile

    def _wait_ready(self, profile: Path) -> None:
        pdf = _pdf()
        deadline = time.monotonic() + self.timeout
        while not (profile / READY).exists():
            if not self._alive():
                assert self._resident is not None
                code = self._resident.returncode
                raise pdf.PdfConversionError(
                    f"LibreOffice 启动失败（退出码 {code}）：{self._log_tail(0) or '无输出'}"
                )
            if time.monotonic() > deadline:
                raise pdf.PdfConversionError(f"LibreOffice 启动超时（{self.timeout:g} 秒）")
            time.sleep(POLL)

    def _log_size(self) -> int:
        with contextlib.suppress(OSError):
            if self._profile is not None:
                return (self._profile / LOG).stat().st_size
        return 0

    def _log_tail(self, start: int) -> str:
        """What LibreOffice wrote since ``start``, without its usual noise."""
        if self._profile is None:
            return ""
        try:
            with (self._profile / LOG).open("rb") as log:
                log.seek(start)
                text = log.read().decode("utf-8", "replace")
        except OSError:
            return ""
        lines = [
            line
            for line in text.splitlines()
            if line.strip() and "javaldx" not in line and not line.startswith("convert ")
        ]
        return "\n".join(lines)[-500:]

    # -- one conversion -----------------------------------------------------

    def _soffice(self) -> str:
        pdf = _pdf()
        soffice: str | None = pdf.find_soffice()
        if soffice is None:
            raise pdf.PdfConversionError(
                f"找不到 LibreOffice（soffice），无法生成 PDF。{pdf.INSTALL_HINT}"
            )
        return soffice

    def _request(
        self, soffice: str, profile: Path, folder: str, sources: list[Path]
    ) -> tuple[int, bytes]:
        """Hand ``sources`` to the resident LibreOffice; (exit status, output) of the request.

        Each document has ``timeout`` seconds (the clock restarts with each
        PDF written).  On a timeout or an interruption the resident goes too.
        """
        cmd = _pdf().convert_command(soffice, profile, folder, sources)
        out = Path(folder)

        def written() -> int:
            return sum(1 for _ in out.glob("*.pdf"))

        try:
            result: tuple[int, bytes] = _pdf()._run_watched(
                cmd, self.timeout, soffice, (folder,), written if len(sources) > 1 else None
            )
        except BaseException:
            self.close()  # timed out or interrupted: the resident is the one stuck
            raise
        return result

    def _convert_chunk(self, chunk: Sequence[bytes]) -> dict[int, bytes]:
        """The PDFs made of ``chunk`` in one request, by position; the others are missing."""
        pdf = _pdf()
        soffice = self._soffice()
        profile = self._start(soffice)
        with tempfile.TemporaryDirectory(prefix=f"govreport-pdf-{os.getpid()}-") as tmp:
            sources = [Path(tmp) / f"{i:05d}.docx" for i in range(len(chunk))]
            for source, docx in zip(sources, chunk, strict=True):
                source.write_bytes(docx)
            try:
                code, _ = self._request(soffice, profile, tmp, sources)
            except pdf.PdfConversionError:  # a timeout: what was finished is kept
                code = -1
            done: dict[int, bytes] = {}
            for i, source in enumerate(sources):
                target = source.with_suffix(".pdf")
                if not target.exists():
                    continue
                data = target.read_bytes()
                # After a kill the last PDF may be cut short; a whole one ends so.
                if code == 0 or data.rstrip().endswith(b"%%EOF"):
                    done[i] = data
            return done

    def _convert(self, docx: bytes) -> bytes:
        pdf = _pdf()
        soffice = self._soffice()
        profile = self._start(soffice)
        with tempfile.TemporaryDirectory(prefix=f"govreport-pdf-{os.getpid()}-") as tmp:
            source = Path(tmp) / "report.docx"
            source.write_bytes(docx)
            logged = self._log_size()
            code, output = self._request(soffice, profile, tmp, [source])
            target = source.with_suffix(".pdf")
            if code != 0 or not target.exists():
                detail = self._log_tail(logged) or output.decode("utf-8", "replace").strip()
                raise pdf.PdfConversionError(
                    f"LibreOffice 转换 PDF 失败（退出码 {code}）：{detail[-500:] or '无输出'}"
                )
            return target.read_bytes()
