"""Saving is atomic and picks the format by extension."""

from __future__ import annotations

import json

import pytest

from govreport.io import UnsupportedFormatError, dump_report, save_report
from govreport.testing import sample_report


def test_save_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out" / "report.json"
    save_report(sample_report(), target)
    save_report(sample_report(), target)  # overwrite
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024


def test_save_refuses_unknown_extension_and_writes_nothing(tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"\.xlsx"):
        save_report(sample_report(), tmp_path / "report.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_dump_refuses_unknown_format():
    with pytest.raises(UnsupportedFormatError):
        dump_report(sample_report(), "xml")  # type: ignore[arg-type]
