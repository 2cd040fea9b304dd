"""PDF speed: the Typst output (``pdf``) against the LibreOffice route (``docx-pdf``), side by side.

    python benchmarks/bench_pdf.py [--single 4] [--n 16] [--chunk 16] [--typst 200]

The Typst output, from the report to the PDF bytes (``Engine.render(report,
"pdf")``: document, data, typesetting), over the same reports, and over
synthetic reports whose texts all differ (nothing Typst could reuse from the
report before); its start (font search, first compilation) shown apart.

Three LibreOffice ways over the same Word files (the 平潭 2024 sample under
other agency names), in one run:

- per report: ``docx_to_pdf`` for each, one LibreOffice start each (with the
  process's profile already made, the best case of ``govreport render``);
- converter: one ``PdfConverter`` (started before the clock runs, its start
  shown apart), ``convert`` called per report as a batch worker does, then
  ``convert_many`` (16 documents a request);
- soffice CLI: one ``soffice --convert-to pdf`` command line per ``--chunk``
  files with a fresh profile, the other way to share a start (for
  comparison; not what govreport uses).

Wall time depends on what else runs on the machine; processor time (this
process's children: LibreOffice and its watchdog; this process itself for
Typst) shows the work itself.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from govreport import Engine
from govreport.model import AnnualReport
from govreport.outputs import pdf as pdf_module
from govreport.outputs.pdf import PdfConverter, docx_to_pdf
from govreport.testing import generate, sample_report


def samples(n: int) -> list[AnnualReport]:
    base = sample_report()
    return [
        attrs.evolve(base, agency=attrs.evolve(base.agency, name=f"基准测试单位{i:04d}"))
        for i in range(n)
    ]


def documents(n: int) -> list[bytes]:
    engine = Engine()
    return [engine.render(report, "docx") for report in samples(n)]


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def typst_rows(n: int) -> tuple[list[tuple[str, int, float, float]], float]:
    """(rows, start seconds) of the Typst output: the samples, then synthetic reports."""
    engine = Engine()
    same, varied = samples(n), [s.report for s in generate(n, seed=13)]
    assert all(isinstance(r, AnnualReport) for r in varied)
    start = time.perf_counter()
    engine.render(same[0], "pdf")  # fonts searched, template compiled: once per process
    start = time.perf_counter() - start
    rows = []
    for name, reports in (("typst pdf, the samples", same), ("typst pdf, synthetic", varied)):
        cpu, begin = own_cpu(), time.perf_counter()
        for report in reports:
            engine.render(report, "pdf", allow_errors=True)  # type: ignore[arg-type]
        rows.append((name, n, time.perf_counter() - begin, own_cpu() - cpu))
    return rows, start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def resident_cpu(converter: PdfConverter) -> float:
    """Processor seconds of the resident LibreOffice's processes so far (Linux /proc)."""
    profile = converter.profile
    assert profile is not None
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if str(profile).encode() not in Path(f"/proc/{name}/cmdline").read_bytes():
                continue
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def measured(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, children's processor seconds) of ``fn()``."""
    cpu, start = children_cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - start, children_cpu() - cpu


def per_report(docs: list[bytes]) -> None:
    for docx in docs:
        docx_to_pdf(docx)


def chunk(docs: list[bytes], size: int) -> None:
    soffice = pdf_module.find_soffice()
    assert soffice is not None
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        files = []
        for i, docx in enumerate(docs):
            files.append(Path(tmp) / f"{i:05d}.docx")
            files[-1].write_bytes(docx)
        for start in range(0, len(files), size):
            subprocess.run(
                pdf_module.convert_command(soffice, profile, tmp, files[start : start + size]),
                env=pdf_module.conversion_env(),
                capture_output=True,
                check=True,
                timeout=600,
            )
        made = sorted(Path(tmp).glob("*.pdf"))
        assert len(made) == len(docs), f"{len(made)} of {len(docs)} converted"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--single", type=int, default=4, help="reports converted one by one")
    parser.add_argument("--n", type=int, default=16, help="reports through the converter")
    parser.add_argument("--chunk", type=int, default=16, help="files per soffice command line")
    parser.add_argument("--typst", type=int, default=200, help="reports through Typst, per row")
    args = parser.parse_args()
    if pdf_module.find_soffice() is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    docs = documents(max(args.single, args.n))

    docx_to_pdf(docs[0])  # the per-process profile made once, as in a long-running process
    single_wall, single_cpu = measured(lambda: per_report(docs[: args.single]))

    converter = PdfConverter()
    start_wall, start_cpu = measured(lambda: converter.convert(docs[0]))
    start_cpu += resident_cpu(converter)
    rows: list[tuple[str, int, float, float]] = [
        ("per report (docx_to_pdf)", args.single, single_wall, single_cpu)
    ]
    for name, run in (
        ("converter.convert, one by one", lambda: [converter.convert(d) for d in docs[: args.n]]),
        ("converter.convert_many", lambda: converter.convert_many(docs[: args.n])),
    ):
        before = resident_cpu(converter)
        wall, cpu = measured(run)
        rows.append((name, args.n, wall, cpu + resident_cpu(converter) - before))
    starts = converter.starts
    converter.close()
    chunk_wall, chunk_cpu = measured(lambda: chunk(docs[: args.n], args.chunk))
    rows.append((f"soffice CLI, {args.chunk} files a call", args.n, chunk_wall, chunk_cpu))
    typst, typst_start = typst_rows(args.typst)
    rows += typst

    base = args.single / single_wall
    head = f"{'reports':>7} {'wall s':>7} {'reports/s':>9} {'× per report':>12} {'cpu s/rep':>9}"
    print(f"{'':32} {head}")
    for name, n, wall, cpu in rows:
        rate = n / wall
        print(f"{name:32} {n:7d} {wall:7.1f} {rate:9.2f} {rate / base:12.1f} {cpu / n:9.2f}")
    print(
        f"converter start (LibreOffice, fresh profile, first report): {start_wall:.1f} s wall, "
        f"{start_cpu:.1f} s cpu; LibreOffice starts: {starts} for {2 * args.n + 1} reports"
    )
    best = max(n / wall for name, n, wall, _ in rows if name.startswith("converter"))
    print(f"target ≥ 5 reports/s per worker: converter {best:.2f}/s ({best / 5:.0%} of target)")
    slowest = min(n / wall for name, n, wall, _ in rows if name.startswith("typst"))
    print(
        f"typst start (font search, first report): {typst_start:.2f} s; typst, slower row: "
        f"{slowest:.1f} reports/s = {slowest / base:.0f}× LibreOffice per report, "
        f"{slowest / best:.0f}× the resident converter (target ≥ 20×)"
    )


if __name__ == "__main__":
    main()
