"""``govreport batch`` over generated reports: cost per report, peak RSS, ``--jobs``, side by side.

    python benchmarks/bench_batch.py                 # N = 25, 100, 400; --jobs 1 and 2 at 100
    python benchmarks/bench_batch.py --full          # the issue's N = 500, 2,000, 8,000
    python benchmarks/bench_batch.py --n 40000       # the full run of the note

Reports come from :func:`govreport.testing.synthetic.write_reports` (realistic
agencies, levels and narratives; ``--broken`` breaks a fraction of them) in a
temporary folder.  Each run is ``govreport batch IN -o OUT -f docx -f html -f
txt --jobs J`` as a subprocess, started through a small wrapper whose
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the peak RSS of the largest
process of that run alone (the batch or one of its workers); ``/proc`` is
polled meanwhile for the peak of all its processes together.

It prints per run: wall time, reports/s (and the ratio to the issue's goal,
40,000 in 3 minutes: 222/s), time per report and both peaks; then the fit
``wall = fixed + N × marginal`` over the sizes (linear cost: the marginal cost
per report is the same at every size, the fixed cost is the start), the peak
RSS of the largest size over the smallest's (flat memory: about 1), and
``--jobs 2`` over ``--jobs 1``.

The defaults stay under 2 minutes on a 2-core machine (smaller Ns than the
issue's: a loaded 2-core machine renders 10–40 reports/s); ``--full`` runs the
issue's Ns, which takes several minutes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from govreport.testing.synthetic import write_reports

DEFAULT_SIZES = (25, 100, 400)
DEFAULT_JOBS_N = 100
FULL_SIZES = (500, 2000, 8000)
FULL_JOBS_N = 2000
#: The issue's goal: 40,000 reports in docx + html + txt in under 3 minutes.
GOAL_PER_SECOND = 40_000 / 180

#: Runs the batch and reports the peak RSS of its largest process, and its exit status.
_WRAPPER = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as log:
    status = subprocess.run(sys.argv[2:], stdout=log, stderr=log).returncode
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(peak, status)
"""

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


class Run(NamedTuple):
    n: int
    jobs: int
    wall: float
    largest_kb: int  # peak RSS of the largest single process
    all_kb: int  # peak RSS of all the run's processes together (polled)
    ok: int
    failed: int

    @property
    def per_second(self) -> float:
        return self.n / self.wall


def _processes() -> dict[int, tuple[int, int]]:
    """pid → (parent pid, RSS in KB) for every process /proc shows."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(b")") + 2 :].split()
        table[int(entry.name)] = (int(fields[1]), int(fields[21]) * _PAGE_KB)
    return table


def _tree_rss(root: int) -> int:
    table = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += table.get(pid, (0, 0))[1]
        todo.extend(children.get(pid, ()))
    return total


def _govreport() -> str:
    found = shutil.which("govreport") or str(Path(sys.executable).with_name("govreport"))
    if not Path(found).exists():
        sys.exit("govreport is not installed in this environment (pip install -e .)")
    return found


def run_batch(inputs: Path, out: Path, jobs: int, formats: Sequence[str], n: int) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    summary = out.with_suffix(".json")
    command = [_govreport(), "batch", str(inputs), "-o", str(out), "--jobs", str(jobs)]
    command += [arg for f in formats for arg in ("-f", f)]
    command += ["--json", str(summary)]
    log = out.with_suffix(".log")
    started = time.perf_counter()
    wrapper = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, str(log), *command], stdout=subprocess.PIPE, text=True
    )
    peak_all = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak_all
        while not done.wait(0.3):
            peak_all = max(peak_all, _tree_rss(wrapper.pid))

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    stdout, _ = wrapper.communicate()
    wall = time.perf_counter() - started
    done.set()
    poller.join()
    largest, status = (int(x) for x in stdout.split())
    try:
        items = json.loads(summary.read_text(encoding="utf-8"))["inputs"]
    except (OSError, ValueError, KeyError):
        sys.exit(f"batch failed (exit status {status}); its output is in {log}")
    ok = sum(1 for item in items if item["status"] == "ok")
    return Run(n, jobs, wall, largest, max(peak_all, largest), ok, len(items) - ok)


def _fit(runs: Sequence[Run]) -> tuple[float, float]:
    """Least squares ``wall = fixed + n × marginal``: (fixed s, marginal s per report)."""
    xs, ys = [r.n for r in runs], [r.wall for r in runs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    marginal = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - marginal * mx, marginal


def _line(run: Run) -> str:
    return (
        f"{run.n:>7,} {run.jobs:>5} {run.wall:>9.1f} {run.per_second:>10.1f}"
        f" {run.per_second / GOAL_PER_SECOND:>7.2f} {1000 * run.wall / run.n:>10.1f}"
        f" {run.largest_kb / 1024:>9.0f} {run.all_kb / 1024:>9.0f} {run.ok:>7,} {run.failed:>6,}"
    )


_HEADER = (
    f"{'N':>7} {'jobs':>5} {'wall s':>9} {'reports/s':>10} {'/ goal':>7} {'ms/report':>10}"
    f" {'RSS MB':>9} {'all MB':>9} {'ok':>7} {'failed':>6}"
)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", help="report counts (default 25 100 400)")
    parser.add_argument("--full", action="store_true", help="the issue's N = 500, 2000, 8000")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for the sizes (default 2)")
    parser.add_argument(
        "--jobs-n", type=int, help="N at which --jobs 1 and --jobs 2 are compared (0: none)"
    )
    parser.add_argument("-f", "--format", action="append", help="default: docx, html, txt")
    parser.add_argument("--broken", type=float, default=0.0, help="fraction broken (default 0)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)

    formats = args.format or ["docx", "html", "txt"]
    sizes = tuple(args.n) if args.n else FULL_SIZES if args.full else DEFAULT_SIZES
    default_jobs_n = FULL_JOBS_N if args.full else DEFAULT_JOBS_N
    jobs_n = args.jobs_n if args.jobs_n is not None else (0 if args.n else default_jobs_n)

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_batch_"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"govreport batch -f {' -f '.join(formats)}; {os.cpu_count()} cores; "
        f"{args.broken:.0%} broken; work folder {work}"
    )
    try:
        runs: list[Run] = []
        compared: list[Run] = []
        for n in sorted({*sizes, *([jobs_n] if jobs_n else [])}):
            inputs = work / f"in-{n}"
            shutil.rmtree(inputs, ignore_errors=True)
            started = time.perf_counter()
            write_reports(inputs, n, seed=args.seed, broken=args.broken)
            took = time.perf_counter() - started
            print(f"generated {n:,} data files in {took:.1f} s ({n / took:,.0f} files/s)")
            for jobs in sorted({args.jobs, *((1, 2) if n == jobs_n else ())}):
                run = run_batch(inputs, work / f"out-{n}-j{jobs}", jobs, formats, n)
                if n in sizes and jobs == args.jobs:
                    runs.append(run)
                if n == jobs_n:
                    compared.append(run)
            shutil.rmtree(inputs, ignore_errors=True)
        print()
        print(_HEADER)
        for run in sorted({*runs, *compared}, key=lambda r: (r.n, r.jobs)):
            print(_line(run))
        print(
            f"(/ goal: reports/s over {GOAL_PER_SECOND:.0f}/s, 40,000 in 3 minutes; "
            "RSS MB: the largest process; all MB: every process of the run, polled)"
        )
        if len(runs) >= 2:
            fixed, marginal = _fit(runs)
            print(
                f"\ncost (--jobs {args.jobs}): wall = {fixed:.1f} s + N × {1000 * marginal:.1f} ms"
            )
            steps = [
                (a.n, b.n, (b.wall - a.wall) / (b.n - a.n)) for a, b in itertools.pairwise(runs)
            ]
            for lo, hi, cost in steps:
                print(f"  marginal cost from N={lo:,} to N={hi:,}: {1000 * cost:.1f} ms/report")
            if len(steps) >= 2 and steps[0][2] > 0:
                print(f"  last step over first: {steps[-1][2] / steps[0][2]:.2f} (1.00: linear)")
            first, last = runs[0], runs[-1]
            print(
                f"memory: peak RSS at N={last.n:,} over N={first.n:,}: largest process "
                f"{last.largest_kb / first.largest_kb:.2f}, all processes "
                f"{last.all_kb / first.all_kb:.2f} (1.00: flat)"
            )
        by_jobs = {r.jobs: r for r in compared}
        if 1 in by_jobs and 2 in by_jobs:
            print(
                f"--jobs 2 over --jobs 1 at N={jobs_n:,}: "
                f"{by_jobs[2].per_second / by_jobs[1].per_second:.2f}× the reports/s"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
