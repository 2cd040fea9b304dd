"""The Markdown format from the outside, with govreport.testing's fixtures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from govreport.cli.main import main
from govreport.io import save_report
from govreport.model import Overview
from govreport.plugins import DISABLE_AUTOLOAD_ENV, default_engine

import govreport_markdown.plugin as plugin


@pytest.fixture
def engine(govreport_engine):
    return govreport_engine(plugin)


def _tables(markdown: str) -> list[ET.Element]:
    return [ET.fromstring(t) for t in re.findall(r"<table>.*?</table>", markdown, re.S)]


def test_sections_and_tables(engine, sample_report):
    md = engine.render(sample_report, "md").decode()
    doc = engine.document(sample_report)
    for section in doc.sections:
        assert f"\n## {section.heading}\n" in md
    assert len(_tables(md)) == len(doc.tables()) == 3


def test_tables_keep_every_merged_cell(engine, sample_report):
    md = engine.render(sample_report, "md").decode()
    for html_table, table in zip(_tables(md), engine.document(sample_report).tables(), strict=True):
        got = [
            (c.text or "", int(c.get("rowspan", 1)), int(c.get("colspan", 1)))
            for c in html_table.iter()
            if c.tag in ("th", "td")
        ]
        want = [(c.text, c.rowspan, c.colspan) for row in table.rows() for c in row]
        assert got == want
        numbers = [c.text for c in html_table.iter("td")]
        assert numbers == [c.text for c in table.cells if c.is_number]


def test_user_text_is_never_markup(engine, sample_report):
    hostile = "**粗体** <script>alert(1)</script> # 标题 [链接](http://x) 1. 列表"
    report = attrs.evolve(sample_report, overview=Overview(intro=hostile))
    md = engine.render(report, "md").decode()
    line = next(line for line in md.splitlines() if "粗体" in line)
    assert "<script>" not in line and "\\<script\\>" in line
    assert line.startswith("\\*\\*粗体\\*\\*")
    assert "\\[链接\\]" in line


def test_same_input_same_bytes(engine, sample_report):
    assert engine.render(sample_report, "md") == engine.render(sample_report, "md")


def test_the_format_is_small():
    # The point of this plugin: a whole new format in well under 150 lines.
    assert len(Path(plugin.__file__).read_text(encoding="utf-8").splitlines()) < 150


def test_cli_renders_md_with_the_installed_plugin(tmp_path, monkeypatch, sample_report):
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    default_engine.cache_clear()  # the CLI's engine must see the entry point
    data = tmp_path / "r.yaml"
    save_report(sample_report, data)
    assert main(["render", str(data), "-f", "md", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# 平潭")
    default_engine.cache_clear()
