"""The units of an aggregate report: which are summed, which are missing, which do not belong.

A unit is summed once, and only for the parent's year.  A unit of another year,
a second file of the same unit, a unit the ``--expect`` list names but no file
holds: each is a finding, never a silent change of the sum.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from govreport.findings import Finding, Severity
from govreport.io.regular import read_utf8
from govreport.limits import MAX_EXPECT_FILE_BYTES
from govreport.model import AnnualReport

MISSING_UNIT: Final = "G2"
WRONG_YEAR: Final = "G3"
UNLISTED_UNIT: Final = "G4"
DUPLICATE_UNIT: Final = "G5"


def unit_key(name: str) -> str:
    """A unit's name as compared: NFKC, without white space (a published name has none)."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@attrs.frozen
class Unit:
    """One unit's report and the file it came from."""

    source: Path
    report: AnnualReport

    @property
    def name(self) -> str:
        return self.report.agency.name


@attrs.frozen
class Selection:
    """The units to add up, and what was found about the set of them."""

    summed: tuple[Unit, ...]
    findings: tuple[Finding, ...]


def _at(unit: Unit, code: str, severity: Severity, message: str) -> Finding:
    return Finding(code, severity, message, "", str(unit.source))


def select_units(
    year: int, units: Iterable[Unit], expected: Sequence[str] | None = None
) -> Selection:
    """The units of ``year``, each once; with ``expected``, the missing and the unlisted."""
    summed: list[Unit] = []
    found: list[Finding] = []
    first: dict[str, Unit] = {}
    for unit in units:
        if unit.report.year != year:
            found.append(
                _at(
                    unit,
                    WRONG_YEAR,
                    Severity.ERROR,
                    f"单位“{unit.name}”的报告是{unit.report.year}年度的，汇总报告是{year}年度；"
                    "未计入合计 (a unit of another year: not summed)",
                )
            )
            continue
        key = unit_key(unit.name)
        if key in first:
            found.append(
                _at(
                    unit,
                    DUPLICATE_UNIT,
                    Severity.ERROR,
                    f"单位“{unit.name}”已由 {first[key].source} 计入，本文件未再计入 "
                    "(the same unit twice: summed once)",
                )
            )
            continue
        first[key] = unit
        summed.append(unit)
    if expected is not None:
        listed = {unit_key(n): n for n in expected}
        for key, name in listed.items():
            if key not in first:
                found.append(
                    Finding(
                        MISSING_UNIT,
                        Severity.ERROR,
                        f"名单中的单位“{name}”没有{year}年度的报告 (a listed unit is missing)",
                    )
                )
        for key, unit in first.items():
            if key not in listed:
                found.append(
                    _at(
                        unit,
                        UNLISTED_UNIT,
                        Severity.INFO,
                        f"单位“{unit.name}”不在名单中，已计入合计 (not on the list; summed)",
                    )
                )
    return Selection(tuple(summed), tuple(found))


def read_expected(path: str | os.PathLike[str]) -> list[str]:
    """Unit names, one a line; blank lines and lines starting with ``#`` are skipped."""
    text = read_utf8(path, MAX_EXPECT_FILE_BYTES)
    names = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(n for n in names if n and not n.startswith("#")))
