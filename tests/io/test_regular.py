"""Only regular files of bounded size are read: FIFOs, devices, folders, huge files are refused."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from govreport import Engine, hookimpl
from govreport.io import UnreadableFileError, load_report
from govreport.io.regular import check_regular, read_regular
from govreport.limits import MAX_DATA_FILE_BYTES
from govreport.plugins.contributions import InputLoader


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "r.yaml"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFileError, match="命名管道") as info:
        load_report(fifo)  # before the fix: blocked forever in open()
    assert info.value.path == fifo
    with pytest.raises(UnreadableFileError, match="命名管道"):
        check_regular(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_link_to_a_device_is_refused_before_reading(tmp_path: Path, device: str) -> None:
    link = tmp_path / "z.yaml"
    link.symlink_to(device)
    with pytest.raises(UnreadableFileError, match="设备"):
        load_report(link)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(UnreadableFileError, match="目录"):
        read_regular(tmp_path / "d.json")


def test_missing_dangling_and_looping_paths(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="文件不存在"):
        read_regular(tmp_path / "gone.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(UnreadableFileError, match="文件不存在"):
        read_regular(tmp_path / "dangling.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    with pytest.raises(UnreadableFileError, match="无法打开"):
        read_regular(tmp_path / "loop.yaml")


def test_a_nul_byte_in_the_name(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="非法字符"):
        read_regular(str(tmp_path / "a\0.yaml"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 0000")
def test_no_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("year: 2024\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UnreadableFileError, match="没有读取权限"):
        read_regular(path)


def test_size_limit_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_DATA_FILE_BYTES + 1))
    with pytest.raises(UnreadableFileError, match=r"文件过大.*5\.0 MB"):
        load_report(path)
    path.write_bytes(b"#" * 100)
    assert read_regular(path, limit=100) == b"#" * 100
    with pytest.raises(UnreadableFileError, match="文件过大"):
        read_regular(path, limit=99)


def test_a_file_that_says_it_is_empty_is_still_read_within_the_limit(tmp_path: Path) -> None:
    # /proc files report size 0: the limit holds while reading, not only from stat.
    assert read_regular("/proc/self/status", limit=1 << 20).startswith(b"Name:")
    with pytest.raises(UnreadableFileError, match="文件过大"):
        read_regular("/proc/self/status", limit=10)


def _read_lines(path: Path) -> dict[str, Any]:
    raise AssertionError("a plugin's loader must not be called for a special file")


class _Loader:
    @hookimpl
    def govreport_register_loaders(self, register: Any) -> None:
        register(InputLoader("lines", (".lines",), _read_lines))


def test_plugin_loaders_get_only_regular_files(tmp_path: Path) -> None:
    engine = Engine([_Loader()], autoload=False)
    os.mkfifo(tmp_path / "r.lines")
    with pytest.raises(UnreadableFileError, match="命名管道"):
        engine.load_report(tmp_path / "r.lines")
    (tmp_path / "z.lines").symlink_to("/dev/zero")
    with pytest.raises(UnreadableFileError, match="设备"):
        engine.load_report(tmp_path / "z.lines")
    big = tmp_path / "big.lines"
    big.write_bytes(b"x" * (MAX_DATA_FILE_BYTES + 1))
    with pytest.raises(UnreadableFileError, match="文件过大"):
        engine.load_report(big)
