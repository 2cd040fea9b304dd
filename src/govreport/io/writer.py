"""Writing a report as a canonical data file."""

from __future__ import annotations

import os
from pathlib import Path

from govreport.fileio import atomic_write
from govreport.io.errors import UnsupportedFormatError
from govreport.io.formats import SUFFIXES, Format, format_of, serialise
from govreport.io.unstructure import report_data
from govreport.model import AnnualReport


def dump_report(report: AnnualReport, fmt: Format = "yaml") -> str:
    """The full report (every field, none omitted) as YAML, JSON or TOML text."""
    if fmt not in SUFFIXES.values():
        raise UnsupportedFormatError(str(fmt))
    return serialise(report_data(report), fmt)


def save_report(report: AnnualReport, path: str | os.PathLike[str]) -> Path:
    """Write atomically; the format follows the extension."""
    return atomic_write(path, dump_report(report, format_of(path)).encode("utf-8"))
