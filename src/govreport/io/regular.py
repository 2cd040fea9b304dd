"""Reading a user's file: a regular file only, and never more than a bounded size.

A portal's upload folder or a batch job can hand govreport anything with a
data file's name: a FIFO (reading it waits for a writer forever), a symlink to
``/dev/zero`` (reading it fills memory), a directory, a 5 GB file.  Each is
refused before reading, with the file's name and the reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from govreport.io.errors import UnreadableFileError
from govreport.limits import MAX_DATA_FILE_BYTES

_KINDS = (
    (stat.S_ISDIR, "这是一个目录，不是文件 (is a directory)"),
    (stat.S_ISFIFO, "这是一个命名管道 (FIFO)，不是普通文件 (not a regular file)"),
    (stat.S_ISCHR, "这是一个字符设备，不是普通文件 (a device, not a regular file)"),
    (stat.S_ISBLK, "这是一个块设备，不是普通文件 (a device, not a regular file)"),
    (stat.S_ISSOCK, "这是一个套接字，不是普通文件 (a socket, not a regular file)"),
)


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} 字节"


def too_large(path: Path, size: int | None, limit: int) -> UnreadableFileError:
    found = f"（{_size_text(size)}）" if size is not None else ""
    return UnreadableFileError(
        path,
        f"文件过大{found}，数据文件最大 {_size_text(limit)} (file too large, limit {limit} bytes)",
    )


def _opened(path: Path) -> int:
    """A read-only descriptor; O_NONBLOCK so that opening a FIFO cannot wait for a writer."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFileError(path, "文件不存在 (file not found)") from None
    except PermissionError:
        raise UnreadableFileError(path, "没有读取权限 (permission denied)") from None
    except IsADirectoryError:
        raise UnreadableFileError(path, _KINDS[0][1]) from None
    except OSError as exc:
        raise UnreadableFileError(path, f"无法打开 ({exc.strerror or exc})") from None
    except ValueError:  # a NUL byte in the name
        raise UnreadableFileError(path, "文件名含有非法字符 (invalid file name)") from None


def _check_kind(path: Path, mode: int) -> None:
    for test, reason in _KINDS:
        if test(mode):
            raise UnreadableFileError(path, reason)
    if not stat.S_ISREG(mode):
        raise UnreadableFileError(path, "不是普通文件 (not a regular file)")


def check_regular(path: str | os.PathLike[str], limit: int = MAX_DATA_FILE_BYTES) -> None:
    """Raise :class:`UnreadableFileError` unless ``path`` is a readable regular file, small enough.

    For readers that open the file themselves (plugins' loaders): it is
    opened and examined here without reading a byte.
    """
    os.close(_examined(Path(path), limit))


def _examined(path: Path, limit: int) -> int:
    """``path`` opened, checked to be a regular file of at most ``limit`` bytes: its fd."""
    fd = _opened(path)
    try:
        info = os.fstat(fd)
        _check_kind(path, info.st_mode)
        if info.st_size > limit:
            raise too_large(path, info.st_size, limit)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike[str], limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else :class:`UnreadableFileError`.

    The size is checked before reading and again while reading: a file in
    /proc says it has 0 bytes, and a file may grow between the two.
    """
    path = Path(path)
    fd = _examined(path, limit)
    try:
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except OSError as exc:
                raise UnreadableFileError(path, f"读取失败 ({exc.strerror or exc})") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(path, None, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_utf8(path: str | os.PathLike[str], limit: int = MAX_DATA_FILE_BYTES) -> str:
    """The text of a regular UTF-8 file (a BOM allowed) of at most ``limit`` bytes.

    Anything else is an :class:`UnreadableFileError` naming the first byte
    that is not UTF-8.
    """
    raw = read_regular(path, limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            path, f"文件不是 UTF-8 编码 (not UTF-8)，第 {exc.start + 1} 字节处"
        ) from None
