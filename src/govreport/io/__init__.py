"""Data files in and out: YAML, JSON and TOML ↔ :class:`~govreport.model.AnnualReport`.

``load_report`` never stops at the first mistake: it reports every problem of
the file (codes D1–D4) and still builds a provisional report so the rules can run.
"""

from govreport.io.errors import (
    BAD_VALUE,
    BLANK_CELL,
    MISSING,
    UNKNOWN_KEY,
    DataFileError,
    ReportFileError,
    UnreadableFileError,
    UnsupportedFormatError,
    format_problem,
)
from govreport.io.formats import SUFFIXES, Format, format_of
from govreport.io.loader import LoadResult, load_report, parse_report, read_report
from govreport.io.skeleton import skeleton
from govreport.io.writer import dump_report, save_report

__all__ = [
    "BAD_VALUE",
    "BLANK_CELL",
    "MISSING",
    "SUFFIXES",
    "UNKNOWN_KEY",
    "DataFileError",
    "Format",
    "LoadResult",
    "ReportFileError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "dump_report",
    "format_of",
    "format_problem",
    "load_report",
    "parse_report",
    "read_report",
    "save_report",
    "skeleton",
]
