"""What ``check_layout`` costs per page, on both PDF routes, and where the time goes.

    python benchmarks/bench_layoutcheck.py [--reports 6] [--no-libreoffice]

Renders synthetic reports (``govreport.testing.write_reports``) through the
Typst ``pdf`` route and, if LibreOffice is installed, the ``docx-pdf`` route,
then checks each PDF and prints milliseconds per page: the whole call (the
bounded child included), reading alone (pdfplumber's characters and rules,
in this process) and measuring alone (lines, tables, rules).  Processor time
of this process plus the child's, so a loaded machine shows the same figures.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govreport import Engine, read_report
from govreport.layoutcheck import check_layout
from govreport.layoutcheck.measure import measure
from govreport.layoutcheck.rules import check
from govreport.layoutcheck.worker import read
from govreport.outputs.pdf import PdfConverter, find_soffice
from govreport.testing import write_reports


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _timed(fn: Callable[[], object]) -> float:
    start = _cpu()
    fn()
    return _cpu() - start


def _bench(label: str, pdfs: list[Path]) -> None:
    pages = whole = reading = measuring = 0.0
    for pdf in pdfs:
        data = pdf.read_bytes()
        read_pages = read(data)
        pages += len(read_pages)
        whole += _timed(lambda pdf=pdf: check_layout(pdf))
        reading += _timed(lambda data=data: read(data))
        measuring += _timed(lambda pages=read_pages: check([measure(p) for p in pages]))
    print(
        f"{label:>9}: {len(pdfs)} PDFs, {pages:.0f} pages; check_layout "
        f"{whole / pages * 1000:.0f} ms/page (reading {reading / pages * 1000:.0f}, "
        f"measuring {measuring / pages * 1000:.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=6)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = [read_report(p) for p in write_reports(folder, args.reports, seed=5)]
        typst = []
        for i, report in enumerate(reports):
            typst.append(folder / f"{i}.pdf")
            typst[-1].write_bytes(engine.render(report, "pdf"))
        _bench("pdf", typst)
        if args.no_libreoffice or find_soffice() is None:
            return
        with PdfConverter() as converter:
            converted = converter.convert_many([engine.render(r, "docx") for r in reports])
        office = []
        for i, data in enumerate(converted):
            office.append(folder / f"{i}.docx-pdf.pdf")
            office[-1].write_bytes(data)
        _bench("docx-pdf", office)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"(ran {time.perf_counter() - start:.1f} s)")
