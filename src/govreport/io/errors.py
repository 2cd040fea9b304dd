"""Errors and problem texts of the data-file layer.

Two kinds of trouble exist.  A file that cannot be read at all (missing, bad
syntax, wrong top level) raises :class:`UnreadableFileError`: nothing useful can
be checked, the CLI exits with status 2.  A readable file with mistakes in its
fields yields :class:`~govreport.findings.Finding` objects (codes D1–D4), all
of them in one run, so a civil servant fixes the whole file at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from govreport.errors import GovreportError
from govreport.findings import Finding, Severity

#: Stable problem codes (rules use R…, the data-file layer D…).
UNKNOWN_KEY: Final = "D1"
BAD_VALUE: Final = "D2"
MISSING: Final = "D3"
BLANK_CELL: Final = "D4"


class ReportFileError(GovreportError):
    """Base of every error this package raises for a user's file."""

    exit_status = 2


class UnreadableFileError(ReportFileError):
    """The file cannot be read as a data file at all."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法读取数据文件 {self.path}：{reason}")


class UnsupportedFormatError(ReportFileError, ValueError):
    """A file name or format name that is none of YAML, JSON, TOML."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(
            f"不支持的文件类型 “{what}”（unsupported format）；请使用 .yaml、.yml、.json 或 .toml"
        )


class DataFileError(ReportFileError):
    """A readable file with errors in its fields; the message lists every problem."""

    exit_status = 1

    def __init__(self, source: Path, problems: Sequence[Finding]) -> None:
        self.source = source
        self.problems = tuple(problems)
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        lines = [f"数据文件 {source} 有 {errors} 处错误 (data file errors)："]
        lines += [f"  {format_problem(p, source)}" for p in self.problems]
        super().__init__("\n".join(lines))


def format_problem(finding: Finding, source: str | os.PathLike[str]) -> str:
    """One line: ``report.yaml: 三、…/（一）予以公开/自然人 (applications…): 应为…``."""
    where = finding.where
    return f"{source}: {where}: {finding.message}" if where else f"{source}: {finding.message}"


def listing(items: Iterable[str]) -> str:
    return "、".join(items)
