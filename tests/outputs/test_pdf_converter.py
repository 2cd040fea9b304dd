"""PdfConverter: many PDFs from one LibreOffice, and still no orphan (issue 11).

The real LibreOffice shows one start for many documents; a fake ``soffice``
(it never opens anything) shows that a start which hangs is bounded and
killed.  Skips where LibreOffice or pdftotext are missing, as test_pdf.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import attrs
import pytest

from govreport import Engine
from govreport.outputs import pdf as pdf_module
from govreport.outputs.pdf import PdfConversionError, PdfConverter
from govreport.outputs.pdfconverter import _ipc_sockets
from govreport.testing import sample_report

from .test_pdf_processes import FAKE_SOFFICE, _group_alive, _processes_naming, _wait_until

needs_libreoffice = pytest.mark.skipif(
    pdf_module.find_soffice() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)

NAMES = ["甲县人民政府办公室", "乙镇人民政府", "丙区教育局", "丁市财政局", "戊乡人民政府"]


@cache
def documents() -> tuple[bytes, ...]:
    engine = Engine()
    base = sample_report()
    return tuple(
        engine.render(attrs.evolve(base, agency=attrs.evolve(base.agency, name=name)), "docx")
        for name in NAMES
    )


def norm(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def counted_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``find_soffice`` gives a wrapper that logs each command line, then runs the real one."""
    real = pdf_module.find_soffice()
    assert real is not None
    calls = tmp_path / "calls.log"
    wrapper = tmp_path / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(wrapper))
    return calls


@needs_libreoffice
@needs_pdftotext
def test_five_documents_start_libreoffice_once_and_each_pdf_is_its_report(
    counted_soffice: Path, tmp_path: Path
) -> None:
    with PdfConverter() as converter:
        pdfs = converter.convert_many(documents())
        assert converter.starts == 1
        profile = converter.profile
        assert profile is not None
        log = (profile / "soffice.log").read_text(errors="replace")
        sockets = _ipc_sockets(profile)
        assert sockets, "LibreOffice's single-instance pipe was not found"
    calls = counted_soffice.read_text().splitlines()
    starts = [c for c in calls if "--convert-to" not in c]
    # One LibreOffice started (with the placeholder document); the other
    # calls only hand it requests: the resident itself wrote all five PDFs.
    assert len(starts) == 1 and len(calls) >= 2
    assert log.count("convert ") == 5
    for name, pdf in zip(NAMES, pdfs, strict=True):
        assert pdf.startswith(b"%PDF-")
        text = norm(text_of(pdf, tmp_path))
        assert norm(name) in text
        assert all(norm(other) not in text for other in NAMES if other != name)
    assert not profile.exists(), "the profile outlived the converter"
    assert not any(p.exists() for p in sockets), "LibreOffice's pipe was left in /tmp"
    if shutil.which("pdffonts") is not None:  # fonts as docx_to_pdf: fonts.conf applies
        (tmp_path / "fonts.pdf").write_bytes(pdfs[0])
        fonts = subprocess.run(
            ["pdffonts", str(tmp_path / "fonts.pdf")], capture_output=True, text=True, check=True
        ).stdout
        assert "NotoSerifCJK" in fonts
        assert "FandolFang" in fonts or "Fandol" not in subprocess.getoutput("fc-list")


@needs_libreoffice
def test_a_broken_document_is_named_and_the_others_are_converted() -> None:
    docs = list(documents()[:4])
    docs.insert(2, docs[0][:5000])  # a .docx cut short: not a zip any more
    with PdfConverter() as converter:
        results = converter.convert_each(docs)
        assert converter.starts == 1, "a broken document must not cost a restart"
        with pytest.raises(PdfConversionError, match=r"第 3 份.*index 2") as info:
            converter.convert_many(docs)
    assert info.value.index == 2
    assert isinstance(results[2], PdfConversionError) and results[2].index == 2
    assert "could not be loaded" in str(results[2])
    for i in (0, 1, 3, 4):
        result = results[i]
        assert isinstance(result, bytes) and result.startswith(b"%PDF-")


@needs_libreoffice
def test_a_libreoffice_that_died_is_started_again() -> None:
    with PdfConverter() as converter:
        converter.convert(documents()[0])
        profile = converter.profile
        assert profile is not None
        crashed = [p for p in _processes_naming(str(profile)) if b"soffice.bin" in _cmdline(p)]
        assert crashed
        for pid in crashed:  # as if it crashed
            os.kill(pid, signal.SIGKILL)
        assert _wait_until(lambda: converter.resident_pid is None, 10)
        assert converter.convert(documents()[1]).startswith(b"%PDF-")
        assert converter.starts == 2


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE)
    script.chmod(0o755)
    pids = tmp_path / "soffice.pid"
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(script))
    monkeypatch.setenv("GOVREPORT_TEST_PIDS", str(pids))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    yield pids
    if pids.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.killpg(int(pids.read_text()), signal.SIGKILL)


def test_a_libreoffice_that_never_gets_ready_is_bounded_and_killed(
    fake_soffice: Path, tmp_path: Path
) -> None:
    with PdfConverter(timeout=1.0) as converter, pytest.raises(PdfConversionError, match="超时"):
        converter.convert(b"x")
    assert _wait_until(lambda: fake_soffice.exists() and fake_soffice.read_text(), 5)
    pgid = int(fake_soffice.read_text())
    assert _wait_until(lambda: not _group_alive(pgid), 5), "LibreOffice's group survived"
    assert not list(tmp_path.glob("govreport-*"))


def test_a_timeout_out_of_bounds_is_refused() -> None:
    with pytest.raises(ValueError, match="timeout"):
        PdfConverter(timeout=pdf_module.MAX_PDF_TIMEOUT_SECONDS + 1)


KEEP_CONVERTING = textwrap.dedent(
    """
    import sys
    from govreport.outputs.pdf import PdfConverter
    docx = open(sys.argv[1], "rb").read()
    with PdfConverter() as converter:
        while True:
            converter.convert(docx)
    """
)


@needs_libreoffice
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_killed_parent_leaves_no_libreoffice(tmp_path: Path, signum: int) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(documents()[0])
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", KEEP_CONVERTING, str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    needle = f"govreport-lo-{proc.pid}-"
    try:
        converting = _wait_until(
            lambda: (
                any(
                    b"--convert-to" not in _cmdline(p) and b"soffice.bin" in _cmdline(p)
                    for p in _processes_naming(needle)
                )
                and list(tmp_path.glob(f"govreport-pdf-{proc.pid}-*"))
            ),
            60,
        )
        assert converting, "the converter never started"
    finally:
        proc.send_signal(signum)
        try:
            proc.wait(timeout=20)
        finally:
            proc.kill()
    assert _wait_until(lambda: not _processes_naming(needle), 10), "LibreOffice outlived its parent"
    assert _wait_until(lambda: not list(tmp_path.glob(f"govreport-*-{proc.pid}-*")), 10)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_the_timeout_bounds_each_document_of_a_request(tmp_path: Path) -> None:
    """Three documents of 0.6 s each pass a 1 s timeout; one silent second does not."""
    folder = tmp_path / "out"
    folder.mkdir()

    def written() -> int:
        return len(list(folder.glob("*.pdf")))

    slow = ["/bin/sh", "-c", f"for i in 1 2 3; do sleep 0.6; touch {folder}/$i.pdf; done"]
    code, _ = pdf_module._run_watched(slow, 1.0, "sh", (str(folder),), written)
    assert code == 0 and written() == 3
    stuck = ["/bin/sh", "-c", f"sleep 0.5; touch {folder}/4.pdf; sleep 30"]
    with pytest.raises(PdfConversionError, match="超时"):
        pdf_module._run_watched(stuck, 1.0, "sh", (str(folder),), written)
