"""The workbook as a built-in plugin: its writer (``convert r.yaml r.xlsx``) and its loader.

The writer and the loader (``validate 2025.xlsx``, ``render 2025.xlsx``)
import their modules, and so openpyxl, on first use: starting the CLI, or
rendering a YAML file, must not pay for them (openpyxl alone takes longer to
import than a report takes to render).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from govreport.model import AnnualReport
from govreport.plugins.contributions import DataWriter, InputLoader
from govreport.plugins.hookspecs import RegisterLoader, RegisterWriter, hookimpl

#: The workbook's suffix, for the writer and the loader alike.
SUFFIXES = (".xlsx",)


def _write(report: AnnualReport) -> bytes:
    from govreport.workbook.writer import write_workbook

    return write_workbook(report)


@hookimpl
def govreport_register_writers(register: RegisterWriter) -> None:
    register(DataWriter("xlsx", SUFFIXES, _write))


def _read(path: Path) -> Mapping[str, Any]:
    from govreport.workbook.reader import read_workbook

    return read_workbook(path)


@hookimpl
def govreport_register_loaders(register: RegisterLoader) -> None:
    register(InputLoader("xlsx", SUFFIXES, _read))
