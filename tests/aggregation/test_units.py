"""Which units are summed: the parent's year, each once; the missing and unlisted named."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from govreport.aggregation import Unit, read_expected, select_units
from govreport.aggregation.units import DUPLICATE_UNIT, MISSING_UNIT, UNLISTED_UNIT, WRONG_YEAR
from govreport.findings import Severity
from govreport.io import UnreadableFileError
from govreport.limits import MAX_EXPECT_FILE_BYTES
from govreport.testing import sample_report


def _unit(name: str, year: int = 2024, file: str = "") -> Unit:
    report = sample_report()
    report = attrs.evolve(report, agency=attrs.evolve(report.agency, name=name), year=year)
    return Unit(Path(file or f"{name}.yaml"), report)


def test_units_of_the_year_are_summed_once() -> None:
    units = [_unit("甲镇"), _unit("乙镇"), _unit("甲 镇", file="again.yaml"), _unit("丙镇", 2023)]
    chosen = select_units(2024, units)
    assert [u.name for u in chosen.summed] == ["甲镇", "乙镇"]
    codes = [(f.code, f.severity, f.location) for f in chosen.findings]
    assert codes == [
        (DUPLICATE_UNIT, Severity.ERROR, "again.yaml"),
        (WRONG_YEAR, Severity.ERROR, "丙镇.yaml"),
    ]
    assert "甲镇.yaml" in chosen.findings[0].message
    assert "2023年度" in chosen.findings[1].message and "未计入合计" in chosen.findings[1].message


def test_a_list_names_the_missing_and_the_unlisted() -> None:
    chosen = select_units(2024, [_unit("甲镇"), _unit("丁镇")], ["甲镇", "乙镇"])
    assert [u.name for u in chosen.summed] == ["甲镇", "丁镇"]
    missing = [f for f in chosen.findings if f.code == MISSING_UNIT]
    assert len(missing) == 1 and "乙镇" in missing[0].message
    assert missing[0].severity is Severity.ERROR
    unlisted = [f for f in chosen.findings if f.code == UNLISTED_UNIT]
    assert [f.location for f in unlisted] == ["丁镇.yaml"]
    assert unlisted[0].severity is Severity.INFO


def test_a_unit_of_the_wrong_year_counts_as_missing() -> None:
    chosen = select_units(2024, [_unit("乙镇", 2023)], ["乙镇"])
    assert {f.code for f in chosen.findings} == {WRONG_YEAR, MISSING_UNIT}


def test_the_expected_list_skips_blanks_comments_and_repeats(tmp_path: Path) -> None:
    path = tmp_path / "units.txt"
    path.write_text("\ufeff# 某县\n甲镇\n\n  乙镇  \n甲镇\n", encoding="utf-8")
    assert read_expected(path) == ["甲镇", "乙镇"]


def test_the_expected_list_is_bounded_and_must_be_utf8(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x\n" * (MAX_EXPECT_FILE_BYTES // 2 + 1))
    with pytest.raises(UnreadableFileError, match="文件过大"):
        read_expected(big)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("甲镇".encode("gbk"))
    with pytest.raises(UnreadableFileError, match="UTF-8"):
        read_expected(gbk)
    with pytest.raises(UnreadableFileError):
        read_expected(tmp_path / "missing.txt")
