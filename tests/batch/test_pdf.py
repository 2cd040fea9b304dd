"""docx-pdf in a batch: each worker converts through one LibreOffice (PdfConverter)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from govreport.batch import Status, render_many, worker
from govreport.outputs.pdf import find_soffice

from .inputs import make_inputs

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")


def test_a_worker_starts_libreoffice_once_for_many_pdfs(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 3)
    job = worker.Job(tmp_path / "out", ("docx-pdf",), {}, False)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    worker.start(None, job)  # here, in pytest's own process: its signals are put back below
    try:
        for i, source in enumerate(sorted((tmp_path / "in").iterdir())):
            task = worker.Task(i, source, source.stem, (tmp_path / "out" / f"{source.stem}.pdf",))
            item = worker.render_one(task)
            assert item.status is Status.OK, item
            assert item.outputs[0].read_bytes().startswith(b"%PDF")
        assert worker._STATE.converter.starts == 1
    finally:
        worker._STATE.converter.close()
        worker._STATE.converter = None
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def test_a_batch_writes_pdfs(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 2)
    items = list(
        render_many(sorted((tmp_path / "in").iterdir()), tmp_path / "out", ["docx-pdf"], jobs=1)
    )
    assert [i.status for i in items] == [Status.OK, Status.OK]
    assert all(p.read_bytes().startswith(b"%PDF") for i in items for p in i.outputs)
