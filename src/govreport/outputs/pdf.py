"""The ``docx-pdf`` output format: the Word file, converted by LibreOffice.

It was called ``pdf`` until ``pdf`` became the Typst output
(``outputs/typst``); this route stays for an agency's own Word template.

LibreOffice is the one free program that lays out a .docx the way Word does
(line grid, exact spacing, repeated table heads).  Each process gets a
private LibreOffice profile, so several processes can convert at once; within
a process conversions take turns, because one profile cannot be shared.
Many documents go through :class:`PdfConverter` (``pdfconverter.py``): one
LibreOffice kept running for all of them.

The official fonts are proprietary.  ``fonts/fonts.conf`` maps their names
to free stand-ins (FandolFang, FandolKai, Noto CJK); without it every
Chinese font falls back to one sans-serif face.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final

from govreport.document.blocks import Document
from govreport.errors import GovreportError
from govreport.fileio import pid_alive
from govreport.limits import MAX_PDF_TIMEOUT_SECONDS, STALE_TEMP_SECONDS
from govreport.outputs.base import OptionSpec, RenderRequest
from govreport.outputs.docx.plugin import OPTIONS as DOCX_OPTIONS
from govreport.outputs.docx.plugin import DocxFormat
from govreport.outputs.fontmatch import warn_missing_stand_ins
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

FONTCONFIG: Final = Path(__file__).resolve().parents[1] / "fonts" / "fonts.conf"
INSTALL_HINT: Final = (
    "请安装 LibreOffice：sudo apt-get install --no-install-recommends "
    "libreoffice-writer-nogui fonts-noto-cjk，"
    "再运行 scripts/install-fonts.sh 安装仿宋、楷体替代字体"
    "（install LibreOffice: apt-get install libreoffice-writer-nogui）"
)

OPTIONS: Final[Mapping[str, OptionSpec]] = {
    **DOCX_OPTIONS,
    "timeout": OptionSpec(
        "LibreOffice 转换超时（秒）",
        float,
        180.0,
        description="Seconds to wait for the LibreOffice conversion.",
        minimum=1.0,
        maximum=MAX_PDF_TIMEOUT_SECONDS,
    ),
}


class PdfConversionError(GovreportError, RuntimeError):
    """LibreOffice is missing or failed; the message says what to do.

    Exit status 2: the machine cannot make the output, whatever the data.
    """

    exit_status = 2
    #: Which document of a :class:`PdfConverter`'s list failed (0-based), if any.
    index: int | None = None


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


_lock = threading.Lock()

#: Our temporary folders: ``govreport-lo-<pid>-…`` (a process's LibreOffice
#: profile) and ``govreport-pdf-<pid>-…`` (one conversion).
_FOLDER = re.compile(r"^govreport-(?:lo|pdf)-(?P<pid>\d+)-[a-z0-9_]{8}$")
#: Conversion folders of versions without the process id in the name.
_OLD_FOLDER = re.compile(r"^govreport-pdf-[a-z0-9_]{8}$")
#: The watchdog that kills LibreOffice when this process ends (see pdfwatch.py).
WATCHDOG: Final = Path(__file__).with_name("pdfwatch.py")
#: Seconds between looks at a conversion's progress (documents done).
PROGRESS_POLL: Final = 0.2
#: Must equal pdfwatch.GIVING_UP (the script is run, not imported; a test checks).
GIVING_UP: Final = b"q"


@functools.cache
def _profile_dir() -> Path:
    """This process's private LibreOffice profile, removed at exit."""
    remove_stale_folders()
    path = Path(tempfile.mkdtemp(prefix=f"govreport-lo-{os.getpid()}-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def remove_stale_folders(root: Path | None = None) -> list[Path]:
    """Remove the temporary folders of govreport processes that are gone; return them.

    A process killed with SIGKILL runs no clean-up of its own; the next one
    does it.  LibreOffice processes still using such a folder (their watchdog
    was killed too) are killed first.  Best effort: never stops a conversion.
    """
    root = Path(tempfile.gettempdir()) if root is None else root
    stale: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return stale
    now = time.time()
    for entry in entries:
        if not entry.name.startswith("govreport-"):
            continue
        ours = _FOLDER.match(entry.name)
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            if ours is not None:
                if pid_alive(int(ours.group("pid"))):
                    continue
            elif not (
                _OLD_FOLDER.match(entry.name)
                and now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            ):
                continue
        except OSError:
            continue
        stale.append(Path(entry.path))
    if stale:
        _kill_users_of(stale)
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)
    return stale


def _kill_users_of(folders: list[Path]) -> None:
    """SIGKILL every process whose command line names one of ``folders`` (Linux /proc)."""
    needles = [str(f).encode() for f in folders]
    try:
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return
    for pid in pids:
        if pid == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if any(n in cmdline for n in needles):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def conversion_env() -> dict[str, str]:
    """LibreOffice's environment: govreport's fonts.conf (a missing stand-in said once)."""
    warn_missing_stand_ins(FONTCONFIG)
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    return env


def convert_command(
    soffice: str, profile: Path, outdir: str | Path, sources: Sequence[str | Path]
) -> list[str]:
    """The LibreOffice command that converts ``sources`` to PDF in ``outdir``.

    One command line for every route (one report here, a resident LibreOffice
    in :class:`PdfConverter`), so that both export with the same filter.
    """
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]


def docx_to_pdf(docx: bytes, *, timeout: float = 180.0) -> bytes:
    """Convert .docx bytes to PDF bytes with ``soffice --headless --convert-to pdf``."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfConversionError(f"找不到 LibreOffice（soffice），无法生成 PDF。{INSTALL_HINT}")
    profile = _profile_dir()
    with _lock, tempfile.TemporaryDirectory(prefix=f"govreport-pdf-{os.getpid()}-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx)
        cmd = convert_command(soffice, profile, tmp, [source])
        code, output = _run_watched(cmd, timeout, soffice, (tmp, str(profile)))
        target = source.with_suffix(".pdf")
        if code != 0 or not target.exists():
            detail = output.decode("utf-8", "replace").strip()
            raise PdfConversionError(
                f"LibreOffice 转换 PDF 失败（退出码 {code}）：{detail[-500:] or '无输出'}"
            )
        return target.read_bytes()


def _run_watched(
    cmd: list[str],
    timeout: float,
    soffice: str,
    folders: tuple[str, ...],
    progress: Callable[[], int] | None = None,
) -> tuple[int, bytes]:
    """Run ``cmd`` under the watchdog: (exit status, its output).

    With ``progress`` (how many documents are done), ``timeout`` bounds each
    document: the clock starts again whenever the count changes.

    The write end of the pipe stays in this process only; closing it (in the
    ``finally``, or by the kernel when this process dies however it dies)
    makes the watchdog kill LibreOffice's whole process group.
    """
    read_end, write_end = os.pipe()
    try:
        try:
            watchdog = subprocess.Popen(
                [
                    sys.executable,
                    "-I",
                    str(WATCHDOG),
                    str(read_end),
                    str(len(folders)),
                    *folders,
                    "--",
                    *cmd,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                # LibreOffice's own temporary files (lu*.tmp) go into the
                # conversion's folder, so they go with it even after a kill.
                env={**conversion_env(), "TMPDIR": folders[0]},
                pass_fds=(read_end,),
                # Its own session: a signal to our process group must not kill
                # the watchdog before it has killed LibreOffice.
                start_new_session=True,
            )
        except OSError as exc:
            raise PdfConversionError(
                f"无法启动 LibreOffice（{soffice}）：{exc}。{INSTALL_HINT}"
            ) from None
        finally:
            os.close(read_end)
        try:
            output = _communicate(watchdog, timeout, progress)
        except subprocess.TimeoutExpired:
            _give_up(write_end)
            write_end = -1
            watchdog.communicate()
            raise PdfConversionError(f"LibreOffice 转换超时（{timeout:g} 秒）") from None
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): LibreOffice must go too
            _give_up(write_end)
            write_end = -1
            watchdog.wait()
            raise
        return watchdog.returncode, output
    finally:
        if write_end >= 0:
            os.close(write_end)


def _communicate(
    watchdog: subprocess.Popen[bytes], timeout: float, progress: Callable[[], int] | None
) -> bytes:
    """The watchdog's output once it ends; ``TimeoutExpired`` when no progress for ``timeout``."""
    if progress is None:
        return watchdog.communicate(timeout=timeout)[0]
    done, deadline = progress(), time.monotonic() + timeout
    while True:
        try:
            wait = max(0.0, min(PROGRESS_POLL, deadline - time.monotonic()))
            return watchdog.communicate(timeout=wait)[0]
        except subprocess.TimeoutExpired:
            now = progress()
            if now != done:
                done, deadline = now, time.monotonic() + timeout
            elif time.monotonic() >= deadline:
                raise


def _give_up(write_end: int) -> None:
    """Tell the watchdog to kill LibreOffice; this process cleans up its own folders."""
    with contextlib.suppress(OSError):
        os.write(write_end, GIVING_UP)
    os.close(write_end)


class PdfFormat:
    name = "docx-pdf"
    extension = ".pdf"
    media_type = "application/pdf"
    description = "PDF（由 Word 版式经 LibreOffice 转换，可用机关 Word 模板）"
    # A PDF is the Word output converted: same template, same options.
    capabilities = DocxFormat.capabilities
    options = OPTIONS
    prepare = DocxFormat.prepare  # the same template, checked once before a batch

    def render(self, document: Document, request: RenderRequest) -> bytes:
        docx = DocxFormat().render(document, request)
        return docx_to_pdf(docx, timeout=float(request.option("timeout", 180.0)))


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(PdfFormat())


# At the end: the converter imports this module's helpers when it runs.
from govreport.outputs.pdfconverter import PdfConverter  # noqa: E402

__all__ = ["PdfConversionError", "PdfConverter", "PdfFormat", "docx_to_pdf", "find_soffice"]
