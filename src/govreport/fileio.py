"""Atomic file writing: a reader never sees half a file, a crash leaves none for long.

Each file is written to a hidden temporary file beside its target and renamed
into place.  :func:`write_all` does that for a set of files (one render in
several formats): every temporary file is written first, and only when all of
them are complete are they renamed, one after the other, so a failed write
leaves the folder as it was.

A temporary file's name carries the writer's process id
(``.report.txt.gr1234-ab12cd34.tmp``): a file left by a killed writer is
recognised and removed by the next write to that folder (by this process: a
folder is scanned at most once a minute, however many files go into it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from govreport.errors import GovreportError
from govreport.limits import STALE_TEMP_SECONDS

#: ``.NAME.gr<pid>-<random>.tmp``: ours, and whose.
_TEMP = re.compile(r"^\.(?P<name>.+)\.gr(?P<pid>\d+)-[a-z0-9_]{8}\.tmp$")
#: What versions before the pid was in the name left: ``.NAME.<random>.tmp``
#: (only for the files govreport writes, so no one else's hidden file matches).
_OLD_TEMP = re.compile(
    r"^\.(?P<name>.+\.(?:txt|docx|html|pdf|yaml|yml|json|toml))\.[a-z0-9_]{8}\.tmp$"
)

#: Why a write failed, in the words of the people who read the message.
_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EFBIG: "文件超过系统允许的大小",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统",
    errno.ENOTDIR: "路径中有一部分是文件而不是文件夹",
    errno.EEXIST: "已有同名的文件，不是文件夹",
    errno.EISDIR: "已有同名的文件夹",
    errno.ENOENT: "路径不存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "读写设备出错",
    errno.EINVAL: "文件系统不接受该文件名",
}


class OutputWriteError(GovreportError, OSError):
    """A file could not be written: the path, the reason in Chinese, the OS's words.

    ``written`` lists the files of the same set that were written before the
    failure (empty when nothing changed).  Also an :class:`OSError`, so
    ``except OSError`` keeps catching a failed write.
    """

    exit_status = 2

    def __init__(self, path: Path, cause: OSError, *, written: Sequence[Path] = ()) -> None:
        self.path = path
        self.cause = cause
        self.written = tuple(written)
        reason = _REASONS.get(cause.errno or 0, "操作系统拒绝")
        detail = cause.strerror or str(cause) or type(cause).__name__
        if self.written:
            done = "、".join(str(p) for p in self.written)
            outcome = f"；已写出 (written)：{done}，其余未写出"
        else:
            outcome = "；未写出任何文件 (nothing written)"
        super().__init__(f"无法写入 {path}：{reason}（{detail}）(cannot write output){outcome}")
        self.errno = cause.errno
        self.strerror = cause.strerror
        self.filename = str(path)

    def __str__(self) -> str:  # OSError would format errno and strerror instead
        return str(self.args[0])


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    return write_all([(Path(path), data)])[0]


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several files as a set: all temporary files first, then every rename.

    A failure while writing (a full disk, no permission, a file where a folder
    should be) leaves no new file, and the old ones as they were.  A rename
    that fails after others succeeded (rare: renames within a folder do not
    need space) raises :class:`OutputWriteError` naming the files written.
    """
    staged: list[tuple[Path, str]] = []
    created: list[Path] = []
    try:
        for target, data in files:
            _make_folder(target.parent, created)
            _clean_lately(target.parent)
            staged.append((target, _stage(target, data)))
        for target, _ in staged:
            if target.is_dir():  # checked before any rename, so no half-done set
                raise OutputWriteError(target, IsADirectoryError(errno.EISDIR, "Is a directory"))
    except BaseException:
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    written: list[Path] = []
    for index, (target, tmp) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            for _, rest in staged[index:]:
                with contextlib.suppress(OSError):
                    os.unlink(rest)
            raise OutputWriteError(target, exc, written=written) from exc
        written.append(target)
    return written


#: Folders whose stale temporary files were removed lately: when they may be
#: scanned again (monotonic).  A batch writes thousands of files into one
#: folder: scanning it before each write made the batch quadratic (40,000
#: reports: 120,000 scans of up to 120,000 entries).  A folder is scanned again
#: after ``RESCAN_SECONDS``, or after ``RECHECK_SECONDS`` when the last scan
#: left another writer's temporary file (a writer killed a moment ago may not
#: have ended yet: its files go at the next scan).
_CLEANED: dict[Path, float] = {}
RESCAN_SECONDS = 60.0
RECHECK_SECONDS = 1.0
_CLEANED_KEPT = 1024


def _clean_lately(folder: Path) -> None:
    now = time.monotonic()
    due = _CLEANED.get(folder)
    if due is not None and now < due:
        return
    if len(_CLEANED) >= _CLEANED_KEPT:
        _CLEANED.clear()
    _, others = _sweep(folder, time.time())
    _CLEANED[folder] = now + (RECHECK_SECONDS if others else RESCAN_SECONDS)


def _make_folder(folder: Path, created: list[Path]) -> None:
    try:
        missing = [p for p in (folder, *folder.parents) if not p.is_dir()]
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputWriteError(folder, exc) from exc
    created.extend(reversed(missing))  # outermost first, so removal goes innermost first


def _stage(target: Path, data: bytes) -> str:
    """The complete, synced temporary file for ``target``; nothing left on failure."""
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.gr{os.getpid()}-", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise OutputWriteError(target, exc) from exc
    try:
        # mkstemp makes the file private (0600); the report is meant to be
        # published, so give it the mode a plain open() would: that of the file
        # it replaces, or 0666 less the umask.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputWriteError(target, exc) from exc
        raise
    return tmp


def remove_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed writer left in ``folder``; return them.

    Ours only: the name must match our pattern.  Stale means the writer's
    process is gone, or the file is older than ``STALE_TEMP_SECONDS`` (a
    process id can be reused; a real write takes seconds).  Files of the older
    pattern without a process id count only by age.  Failures are ignored:
    cleaning up must never stop a render.
    """
    return _sweep(folder, time.time() if now is None else now)[0]


def _sweep(folder: Path, now: float) -> tuple[list[Path], bool]:
    """:func:`remove_stale_temps`, and whether another writer's temporary file is left."""
    removed: list[Path] = []
    others = False
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed, others
    for entry in entries:
        if not entry.name.startswith(".") or not entry.name.endswith(".tmp"):
            continue
        ours = _TEMP.match(entry.name)
        if ours is None and _OLD_TEMP.match(entry.name) is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            dead = ours is not None and not pid_alive(int(ours.group("pid")))
            if old or dead:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            elif ours is None or int(ours.group("pid")) != os.getpid():
                others = True
        except OSError:
            continue
    return removed, others


def pid_alive(pid: int) -> bool:
    """Whether a process of that id runs on this machine (any user's)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return not _zombie(pid)
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has ended but not been reaped (Linux; False where it cannot be told).

    A killed batch's workers stay zombies while nobody reaps them (PID 1 of
    a container often does not); their temporary files are stale all the same.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            stat = stat_file.read()
    except OSError:
        return False
    # The state follows the command name, which is in parentheses and may hold any byte.
    state = stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3]
    return state == b"Z"


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def refresh(path: str | os.PathLike[str], text: str, *, check: bool, command: str) -> int:
    """Write a generated page, or with ``check`` say whether it is current (exit status).

    The documentation scripts share it: ``python scripts/X.py`` writes the
    page, ``--check`` (and the tests) fail when the checked-in copy is stale.
    """
    target = Path(path)
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is stale: run {command}", file=sys.stderr)
            return 1
        return 0
    atomic_write(target, text.encode("utf-8"))
    print(f"wrote {target}")
    return 0
