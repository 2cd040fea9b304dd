"""The ``pdf`` format: Typst, no LibreOffice; the LibreOffice route renamed ``docx-pdf``."""

from __future__ import annotations

import itertools
import os
import sys
import warnings
from pathlib import Path

import pytest

from govreport.batch import render_many
from govreport.outputs.base import OutputClashError
from govreport.outputs.typst import TypstRenderError, plugin, render
from govreport.outputs.typst.fonts import choose
from tests.cli_process import run_cli

from ._pdf import EXAMPLES, baseline, body_lines, engine, open_pdf, squeeze


@pytest.fixture(scope="module")
def report():
    return engine().read_report(EXAMPLES / "pingtan-2024.yaml")


def test_pdf_is_typst_and_docx_pdf_is_libreoffice() -> None:
    outputs = engine().outputs
    assert outputs.owner("pdf") == "govreport.outputs.typst.plugin"
    assert outputs.owner("docx-pdf") == "govreport.outputs.pdf"
    assert outputs["pdf"].extension == outputs["docx-pdf"].extension == ".pdf"
    assert "template" in outputs["docx-pdf"].options and "timeout" in outputs["docx-pdf"].options


def test_a_word_route_option_gets_one_line_naming_docx_pdf(report, capsys, monkeypatch) -> None:
    monkeypatch.setattr(plugin, "_noted", set())
    eng = engine()
    data = eng.render(report, "pdf", options={"template": "agency.docx", "timeout": 60})
    again = eng.render(report, "pdf", options={"template": "agency.docx", "timeout": 60})
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line, said once
    assert "-f docx-pdf" in err and "template、timeout" in err and "template, timeout" in err
    # The PDF is this format's own: the template is not read (it does not exist).
    assert data == again == eng.render(report, "pdf")
    assert capsys.readouterr().err == ""


def test_layout_options_change_the_layout(report) -> None:
    with open_pdf(engine().render(report, "pdf", options={"line_pitch": 28})) as pdf:
        page = pdf.pages[1]
        ys = [baseline(page, line[0]) for line in body_lines(page)]
    assert {round(b - a, 2) for a, b in itertools.pairwise(ys)} == {28.0}


def test_no_signature(report) -> None:
    eng = engine()
    with open_pdf(eng.render(report, "pdf", signature=False)) as pdf:
        assert "2025年3月10日" not in squeeze(pdf.pages[-1].extract_text())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = eng.render(report, "pdf", options={"signature": False})
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    assert data == eng.render(report, "pdf", signature=False)


def test_without_a_chinese_font_it_says_what_to_install(report, monkeypatch) -> None:
    monkeypatch.setattr(render.font_lookup, "default_choice", lambda dirs: choose(["DejaVu Sans"]))
    with pytest.raises(TypstRenderError, match="fonts-noto-cjk") as caught:
        engine().render(report, "pdf")
    assert caught.value.exit_status == 2


def test_render_twice_without_libreoffice_gives_the_same_bytes(tmp_path: Path) -> None:
    """The acceptance: ``govreport render examples/pingtan-2024.yaml -f pdf`` needs no soffice."""
    env = {**os.environ, "PATH": str(tmp_path / "no-soffice-here")}
    env["GOVREPORT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    outputs = []
    example = str(EXAMPLES / "pingtan-2024.yaml")
    for run in ("a", "b"):
        done = run_cli("render", example, "-f", "pdf", "-o", str(tmp_path / run), env=env)
        assert done.returncode == 0, done.stderr
        assert "LibreOffice" not in done.stderr
        outputs.append((tmp_path / run / "pingtan-2024.pdf").read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith(b"%PDF-")


def test_pdf_and_docx_pdf_are_not_written_over_each_other(tmp_path: Path) -> None:
    with pytest.raises(OutputClashError, match=r"pdf 和 docx-pdf 都生成 \.pdf") as caught:
        list(render_many([EXAMPLES / "pingtan-2024.yaml"], tmp_path, ["pdf", "docx-pdf"], jobs=1))
    assert caught.value.exit_status == 2
    assert not list(tmp_path.iterdir())


def test_without_the_typst_package_it_says_so_in_one_line(report, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst raises ImportError
    with pytest.raises(TypstRenderError, match="pip install typst"):
        engine().render(report, "pdf")
