"""govreport_register_writers: a plugin's data writer, chosen by the target's suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import Engine, PluginError, hookimpl, read_report
from govreport.model import AnnualReport
from govreport.plugins.contributions import DataWriter, DataWriterError
from govreport.plugins.hookspecs import RegisterWriter
from govreport.plugins.registry import DuplicateNameError

hook = pytest.mark.govreport_hook
EXAMPLE = Path(__file__).parents[2] / "examples" / "shuangpu-2024.yaml"


def _lines(report: AnnualReport) -> bytes:
    if report.proactive.punishment > 1000:
        raise ValueError("行政处罚过多，本格式写不下")
    return f"{report.agency.name}\n{report.proactive.punishment}\n".encode()


class LinesWriter:
    @hookimpl
    def govreport_register_writers(self, register: RegisterWriter) -> None:
        register(DataWriter("lines", (".lines",), _lines))


class Crashing:
    @hookimpl
    def govreport_register_writers(self, register: RegisterWriter) -> None:
        register(DataWriter("crash", (".crash",), lambda report: 1 / 0))  # type: ignore[arg-type,return-value]


class Duplicate:
    @hookimpl
    def govreport_register_writers(self, register: RegisterWriter) -> None:
        register(DataWriter("xlsx", (".xlsx",), _lines))


@hook("govreport_register_writers")
def test_hook_writers_write_by_suffix(tmp_path: Path) -> None:
    engine = Engine([LinesWriter()], autoload=False)
    report = read_report(EXAMPLE)
    written = engine.save_report(report, tmp_path / "r.LINES")  # the suffix in any case
    assert written.read_text(encoding="utf-8") == f"{report.agency.name}\n15\n"
    # The built-in formats still follow their suffix.
    assert read_report(engine.save_report(report, tmp_path / "r.json")) == report
    assert "lines" in engine.writers and "xlsx" in engine.writers


@hook("govreport_register_writers")
def test_writer_failures_name_the_writer(tmp_path: Path) -> None:
    import attrs

    engine = Engine([LinesWriter(), Crashing()], autoload=False)
    report = read_report(EXAMPLE)
    big = attrs.evolve(report, proactive=attrs.evolve(report.proactive, punishment=5000))
    with pytest.raises(DataWriterError, match=r"无法写成 lines.*行政处罚过多") as refused:
        engine.save_report(big, tmp_path / "big.lines")
    assert refused.value.exit_status == 2
    assert not (tmp_path / "big.lines").exists()  # nothing half-written
    with pytest.raises(PluginError, match="Crashing"):
        engine.save_report(report, tmp_path / "r.crash")


@hook("govreport_register_writers")
def test_a_second_xlsx_writer_needs_override() -> None:
    with pytest.raises(DuplicateNameError, match="data writer 'xlsx'"):
        Engine([Duplicate()], autoload=False)


def test_plugins_lists_the_data_writers(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from govreport.cli.main import main

    assert main(["plugins", "--format", "json"]) == 0
    writers = json.loads(capsys.readouterr().out)["writers"]
    assert {"name": "xlsx", "suffixes": [".xlsx"], "plugin": "govreport.workbook.plugin"} in writers
    assert main(["plugins"]) == 0
    assert (
        "数据文件写出 (data writers):\n  xlsx (govreport.workbook.plugin)"
        in capsys.readouterr().out
    )
