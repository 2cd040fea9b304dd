"""Which files an audit takes: folders walked for every loader's suffixes, bounded."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from govreport.audit import accepted_suffixes, find_reports
from govreport.audit.discover import MISSING
from govreport.plugins import Engine
from govreport.plugins.contributions import InputLoader
from govreport.plugins.hookspecs import hookimpl

BUILT_IN = frozenset({".yaml", ".yml", ".json", ".toml"})


class _PageLoader:
    """Stands in for the importers: a loader of another suffix, through the hook."""

    @hookimpl
    def govreport_register_loaders(self, register: Any) -> None:
        register(InputLoader("page", (".page",), lambda path: {}))


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_suffixes_are_the_built_in_ones_plus_every_loaders() -> None:
    assert accepted_suffixes(Engine(autoload=False)) >= BUILT_IN
    with_page = accepted_suffixes(Engine([_PageLoader()], autoload=False))
    assert ".page" in with_page and with_page >= BUILT_IN


def test_a_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    b = _touch(tmp_path / "b.yaml")
    a = _touch(tmp_path / "sub" / "deeper" / "a.JSON")  # suffixes in any case
    c = _touch(tmp_path / "a.toml")
    _touch(tmp_path / "notes.txt")  # no loader reads it
    _touch(tmp_path / ".hidden.yaml")
    _touch(tmp_path / ".git" / "x.yaml")
    page = _touch(tmp_path / "sub" / "x.page")
    found = find_reports([tmp_path], BUILT_IN)
    assert found.files == (c, b, a) and found.skipped == ()
    with_page = find_reports([tmp_path], BUILT_IN | {".page"})
    assert page in with_page.files


def test_a_file_named_is_taken_whatever_its_suffix_and_only_once(tmp_path: Path) -> None:
    odd = _touch(tmp_path / "report.docx")
    yaml = _touch(tmp_path / "r.yaml")
    found = find_reports([odd, yaml, tmp_path], BUILT_IN)
    assert found.files == (odd, yaml)


def test_a_missing_path_is_reported_not_dropped(tmp_path: Path) -> None:
    found = find_reports([tmp_path / "nowhere"], BUILT_IN)
    assert found.files == ()
    assert [(s.path.name, s.reason) for s in found.skipped] == [("nowhere", MISSING)]


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path / "real" / "a.yaml")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real", target_is_directory=True)
    found = find_reports([tmp_path], BUILT_IN)
    assert [p.name for p in found.files] == ["a.yaml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder")
def test_a_folder_that_cannot_be_listed_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _touch(locked / "a.yaml")
    locked.chmod(0)
    try:
        found = find_reports([tmp_path], BUILT_IN)
    finally:
        locked.chmod(0o755)
    assert [s.path for s in found.skipped] == [locked]
    assert "无法读取目录" in found.skipped[0].reason


def test_the_number_of_files_is_bounded(tmp_path: Path) -> None:
    for n in range(5):
        _touch(tmp_path / f"{n}.yaml")
    found = find_reports([tmp_path], BUILT_IN, max_files=3)
    assert len(found.files) == 3
    assert len(found.skipped) == 1 and "其余未核查" in found.skipped[0].reason
