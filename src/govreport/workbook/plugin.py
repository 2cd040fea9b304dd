"""The workbook as a built-in plugin: its writer (``convert r.yaml r.xlsx``) and its loader.

wb-reader: the loader registration (``govreport_register_loaders``) goes here
too, beside the writer's; this module is "registration" in tests/test_layering.py.
"""

from __future__ import annotations

from govreport.model import AnnualReport
from govreport.plugins.contributions import DataWriter
from govreport.plugins.hookspecs import RegisterWriter, hookimpl
from govreport.workbook.writer import write_workbook

#: The workbook's suffix, for the writer and the loader alike.
SUFFIXES = (".xlsx",)


def _write(report: AnnualReport) -> bytes:
    return write_workbook(report)


@hookimpl
def govreport_register_writers(register: RegisterWriter) -> None:
    register(DataWriter("xlsx", SUFFIXES, _write))
