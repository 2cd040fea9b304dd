"""Atomic writes: whole files only, with the permissions a plain write would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from govreport.fileio import atomic_write


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
