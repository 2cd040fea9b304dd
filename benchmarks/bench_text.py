"""Plain-text output speed, with HTML of the same report as the reference.

    python benchmarks/bench_text.py [--seconds 2] [--width 100] [--ascii]

For each report (the 平潭 2024 sample from ``govreport.testing`` and
``examples/pingtan-2024.yaml``) this prints reports/second of
``Engine.render(report, "txt")`` and ``Engine.render(report, "html")`` (document
assembly included in both) and their ratio.

Rendering the very same report again and again lets every per-process cache
answer from memory, so two more txt figures keep the comparison honest:

- ``txt, numbers vary``: each render gets a report with random table numbers
  of 1 to 4 digits (a batch of agencies: same labels, other numbers), so the
  layout cache hits only when every column's widest number is as wide;
- ``txt, cold caches``: the first render of a process, caches cleared each time.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

# Run as a script from the repository: benchmarks/ is on the path.
from bench_steps import varied_numbers  # (the sums no longer balance; rendering does not check)

from govreport import Engine
from govreport.io import read_report
from govreport.model import AnnualReport
from govreport.outputs import text, textgrid, textlayout, textwidth
from govreport.testing import sample_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def rate(fn: Callable[[], object], seconds: float) -> float:
    fn()  # warm up (imports, templates)
    n, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        fn()
        n += 1
    return n / elapsed


def variants(report: AnnualReport) -> Iterator[AnnualReport]:
    """The report with other table numbers, of other widths, each time (seeded)."""
    rng = random.Random(2024)
    while True:
        yield attrs.evolve(
            report,
            proactive=varied_numbers(report.proactive, rng),
            applications=varied_numbers(report.applications, rng),
            review_litigation=varied_numbers(report.review_litigation, rng),
        )


def clear_text_caches() -> None:
    """Empty every functools cache of the text output's modules."""
    for module in (textwidth, textlayout, textgrid, text):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--ascii", action="store_true")
    args = parser.parse_args()

    engine = Engine(autoload=False)
    options = {"width": args.width, "ascii": args.ascii}
    reports = {
        "sample_report()": sample_report(),
        "examples/pingtan-2024.yaml": read_report(EXAMPLES / "pingtan-2024.yaml"),
    }
    print(f"width={args.width} ascii={args.ascii}, {args.seconds:g} s per figure")
    for name, report in reports.items():
        varied = variants(report)

        def txt(report: AnnualReport = report) -> bytes:
            return engine.render(report, "txt", options=options, allow_errors=True)

        def html(report: AnnualReport = report) -> bytes:
            return engine.render(report, "html", allow_errors=True)

        def txt_varied(varied: Iterator[AnnualReport] = varied) -> bytes:
            return engine.render(next(varied), "txt", options=options, allow_errors=True)

        def html_varied(varied: Iterator[AnnualReport] = varied) -> bytes:
            return engine.render(next(varied), "html", allow_errors=True)

        def txt_cold(report: AnnualReport = report) -> bytes:
            clear_text_caches()
            return engine.render(report, "txt", options=options, allow_errors=True)

        r_txt, r_html = rate(txt, args.seconds), rate(html, args.seconds)
        r_var, r_html_var = rate(txt_varied, args.seconds), rate(html_varied, args.seconds)
        r_cold = rate(txt_cold, args.seconds)
        print(f"\n{name}")
        print(f"  txt                   {r_txt:9.1f} reports/s  {1000 / r_txt:8.2f} ms")
        print(f"  html                  {r_html:9.1f} reports/s  {1000 / r_html:8.2f} ms")
        print(f"  txt / html            {r_txt / r_html:9.2f}x")
        print(f"  txt, numbers vary     {r_var:9.1f} reports/s  {1000 / r_var:8.2f} ms")
        print(f"  html, numbers vary    {r_html_var:9.1f} reports/s  {1000 / r_html_var:8.2f} ms")
        print(f"  txt / html, vary      {r_var / r_html_var:9.2f}x")
        print(f"  txt, cold caches      {r_cold:9.1f} reports/s  {1000 / r_cold:8.2f} ms")


if __name__ == "__main__":
    main()
