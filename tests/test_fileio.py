"""Atomic writes: whole files only, with the permissions a plain write would give."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govreport import fileio
from govreport.errors import GovreportError
from govreport.fileio import (
    OutputWriteError,
    atomic_write,
    pid_alive,
    remove_stale_temps,
    write_all,
)
from govreport.limits import STALE_TEMP_SECONDS


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = atomic_write(tmp_path / "out" / "report.docx", b"data")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"data"
    assert _mode(target) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["report.docx"]


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o640)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(tmp_path / "report.txt", b"x")
    assert list(tmp_path.iterdir()) == []


# -- write errors: one GovreportError with the path and the reason (issue 9, A) ------------


def test_a_write_error_is_a_govreport_error_with_path_and_reason(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputWriteError) as info:
        atomic_write(tmp_path / "afile" / "sub" / "report.txt", b"x")
    err = info.value
    assert isinstance(err, GovreportError)
    assert isinstance(err, OSError)  # ``except OSError`` still catches it
    assert err.exit_status == 2
    assert err.errno in (errno.ENOTDIR, errno.EEXIST)
    assert "afile" in str(err)
    assert "不是文件夹" in str(err) or "是文件而不是文件夹" in str(err)
    assert "未写出任何文件" in str(err)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EACCES, "没有写入权限"),
        (errno.EROFS, "只读文件系统"),
        (errno.EFBIG, "文件超过系统允许的大小"),
        (errno.ELOOP, "操作系统拒绝"),
    ],
)
def test_the_reason_is_said_in_chinese_with_the_os_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputWriteError) as info:
        atomic_write(tmp_path / "report.txt", b"x")
    assert words in str(info.value)
    assert os.strerror(code) in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_too_large_for_the_disk_fails_cleanly_in_a_real_process(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes the kernel refuse the write (EFBIG), as a full disk
    # refuses it with ENOSPC: the same path through the code, no mocking.
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from govreport.fileio import write_all, OutputWriteError\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "out = Path(sys.argv[1])\n"
        "try:\n"
        "    write_all([(out / 'a.txt', b'a' * 100), (out / 'b.pdf', b'b' * 100_000)])\n"
        "except OutputWriteError as exc:\n"
        "    print(exc)\n"
    )
    (tmp_path / "a.txt").write_bytes(b"old")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert "文件超过系统允许的大小" in done.stdout
    assert "b.pdf" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"old"  # the set is all or nothing


# -- a set of files -------------------------------------------------------------------------


def test_write_all_writes_every_file(tmp_path: Path) -> None:
    files = [(tmp_path / "out" / f"r.{ext}", ext.encode()) for ext in ("txt", "docx", "html")]
    assert write_all(files) == [p for p, _ in files]
    assert [p.read_bytes() for p, _ in files] == [b"txt", b"docx", b"html"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.docx", "r.html", "r.txt"]


def test_a_failure_while_staging_leaves_old_files_and_no_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.pdf").write_bytes(b"old pdf")
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    files = [(tmp_path / f"r.{ext}", b"new") for ext in ("txt", "docx", "pdf")]
    with pytest.raises(OutputWriteError, match="未写出任何文件"):
        write_all(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]
    assert (tmp_path / "r.pdf").read_bytes() == b"old pdf"


def test_a_rename_failing_midway_names_the_files_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    calls = []

    def replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    files = [(tmp_path / f"r.{ext}", b"new") for ext in ("txt", "docx", "pdf")]
    with pytest.raises(OutputWriteError) as info:
        write_all(files)
    assert info.value.written == (tmp_path / "r.txt",)
    assert f"已写出 (written)：{tmp_path / 'r.txt'}" in str(info.value)
    assert "r.docx" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]  # no temp file left


def test_a_folder_where_a_file_goes_stops_the_set_before_any_rename(tmp_path: Path) -> None:
    (tmp_path / "r.html").mkdir()
    files = [(tmp_path / f"r.{ext}", b"new") for ext in ("txt", "html")]
    with pytest.raises(OutputWriteError, match="已有同名的文件夹"):
        write_all(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_folders_created_for_a_failed_set_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputWriteError):
        write_all([(tmp_path / "a" / "b" / "r.txt", b"x")])
    assert list(tmp_path.iterdir()) == []


# -- temporary files a killed writer left ----------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_temporary_file_names_its_writer(tmp_path: Path, monkeypatch) -> None:
    seen = []
    real = os.replace

    def replace(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "r.txt", b"x")
    assert seen[0].startswith(f".r.txt.gr{os.getpid()}-")
    assert seen[0].endswith(".tmp")


def test_a_dead_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    stale = tmp_path / f".r.txt.gr{_dead_pid()}-abcd1234.tmp"
    stale.write_bytes(b"half")
    atomic_write(tmp_path / "other.txt", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt"]


def test_which_temporary_files_count_as_stale(tmp_path: Path) -> None:
    now = time.time()
    old = now - STALE_TEMP_SECONDS - 5
    names = {
        f".r.txt.gr{_dead_pid()}-abcd1234.tmp": (now, True),  # writer gone
        f".r.txt.gr{os.getpid()}-abcd1234.tmp": (now, False),  # writer running
        f".r.pdf.gr{os.getpid()}-abcd1234.tmp": (old, True),  # too old: pid reused
        ".r.docx.k3j4h5g6.tmp": (old, True),  # an older version's, old
        ".r.docx.k3j4h5g7.tmp": (now, False),  # an older version's, maybe writing
        ".notes.k3j4h5g6.tmp": (old, False),  # not ours
        ".r.txt.grX-abcd1234.tmp": (old, False),  # not ours
        "r.txt.gr1-abcd1234.tmp": (old, False),  # not hidden: not ours
    }
    for name, (mtime, _) in names.items():
        path = tmp_path / name
        path.write_bytes(b"")
        os.utime(path, (mtime, mtime))
    removed = remove_stale_temps(tmp_path, now=now)
    assert sorted(p.name for p in removed) == sorted(n for n, (_, gone) in names.items() if gone)


def test_stale_clean_up_never_fails(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "missing") == []
    (tmp_path / f".r.txt.gr{_dead_pid()}-abcd1234.tmp").mkdir()  # a folder: left alone
    assert remove_stale_temps(tmp_path) == []


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert pid_alive(1)
    assert not pid_alive(_dead_pid())
    assert not pid_alive(0)


def test_a_folder_written_to_many_times_is_scanned_for_stale_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A batch writes thousands of files into one folder; one scan each made it quadratic.
    scans: list[Path] = []
    real = fileio._sweep

    def counting(folder: Path, now: float) -> tuple[list[Path], bool]:
        scans.append(folder)
        return real(folder, now)

    monkeypatch.setattr(fileio, "_sweep", counting)
    for i in range(50):
        write_all([(tmp_path / f"r{i}.txt", b"x"), (tmp_path / f"r{i}.html", b"y")])
    assert scans == [tmp_path]


def test_another_writers_temporary_file_is_looked_at_again_soon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A killed writer may not have ended when the folder is first scanned.
    monkeypatch.setattr(fileio, "RECHECK_SECONDS", 0.0)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        left = tmp_path / f".r.txt.gr{sleeper.pid}-abcd1234.tmp"
        left.write_bytes(b"half")
        atomic_write(tmp_path / "a.txt", b"x")
        assert left.exists()  # its writer is alive: not stale
    finally:
        sleeper.kill()
        sleeper.wait()
    atomic_write(tmp_path / "b.txt", b"y")
    assert not left.exists()  # its writer has ended: removed at the next write


def test_a_zombie_writer_counts_as_dead(tmp_path: Path) -> None:
    # A killed batch's workers may stay unreaped; their temporary files are stale.
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{child.pid}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    break
        except OSError:
            pytest.skip("no /proc here")
        time.sleep(0.01)
    try:
        assert not pid_alive(child.pid)  # ended, not yet reaped
        stale = tmp_path / f".r.txt.gr{child.pid}-abcd1234.tmp"
        stale.write_bytes(b"half")
        assert remove_stale_temps(tmp_path) == [stale]
    finally:
        child.wait()
    assert pid_alive(os.getpid())
