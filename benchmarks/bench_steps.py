"""Each step of the pipeline against its target (issue 11), side by side in one run.

    python benchmarks/bench_steps.py [--seconds 1.5]
    python benchmarks/bench_steps.py --memory [--counts 1000 10000 30000]

For the 平潭 2024 report (``examples/pingtan-2024.yaml``) and for reports with
varying numbers (the same report with random table numbers of 1 to 4 digits,
kept consistent so that the arithmetic rules pass, as a batch of agencies
would be: same labels, other numbers), this prints per-report time, reports/s
and the ratio to the issue's target of:

- parsing the YAML text into plain data (govreport's route, and PyYAML's bare
  ``CSafeLoader`` beside it), then reading a YAML data file into a report
  (``govreport.load_report``) and the same data as JSON;
- validating (every rule; and the arithmetic rules R1–R5 alone);
- rendering txt, html and docx (document assembly included, no validation);
- the whole pipeline: read → validate → txt + docx + html → write, one ``Engine``.

A ratio of 1.00 or more meets the target.  Rendering the very same report
again and again lets every per-process cache answer from memory; the rows
“numbers vary” are the honest figure for a batch.

``--memory`` renders txt for 1k, 10k and 30k reports with varying numbers in one
process and prints the resident memory after each count: it should stay flat.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import yaml

import govreport
from govreport import AnnualReport, Engine
from govreport.io.formats import parse_text
from govreport.model import resolve
from govreport.rules.base import RuleContext
from govreport.rules.report import sort_findings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pingtan-2024.yaml"

#: Distinct reports with varying numbers (and their data files) cycled through.
VARIANTS = 200

#: The issue's targets, in reports per second on one core (a 1 ms read is 1,000/s).
TARGETS: dict[str, float] = {
    # Text → plain data only: govreport's one-pass YAML route, and PyYAML's
    # plain CSafeLoader beside it for scale (no exact decimals, no bounds).
    "parse YAML": 1000.0,
    "parse YAML, CSafeLoader": 1000.0,
    "read YAML": 1000.0,
    "read JSON": 1000.0,
    "validate, all rules": 2000.0,
    "validate, R1–R5": 20000.0,
    "render txt": 3000.0,
    "render html": 3000.0,
    "render docx": 500.0,  # measured already at ~500/s; kept so it does not regress
    "pipeline": 250.0,
}

ARITHMETIC = ("R1", "R2", "R3", "R4", "R5")


# ---------------------------------------------------------------- reports


def varied_numbers(value: object, rng: random.Random) -> object:
    """Every whole number replaced by a random one below 10, 100, 1000 or 10000."""
    if isinstance(value, int) and not isinstance(value, bool):
        return rng.randrange(10 ** rng.randint(1, 4))
    if not attrs.has(type(value)):
        return value
    changes = {
        f.name: varied_numbers(getattr(value, f.name), rng) for f in attrs.fields(type(value))
    }
    return attrs.evolve(value, **changes)


def _balanced(report: AnnualReport, rng: random.Random) -> AnnualReport:
    """Table 三 made to balance (一 + 二 = 总计 + 四 in each column), as a real report does."""
    apps = report.applications
    total = apps.results.total_row
    received, carried_over = {}, {}
    for f in attrs.fields(type(apps.received)):
        out = getattr(total, f.name) + getattr(apps.carried_forward, f.name)
        carried_over[f.name] = rng.randint(0, out)
        received[f.name] = out - carried_over[f.name]
    apps = attrs.evolve(
        apps,
        received=attrs.evolve(apps.received, **received),
        carried_over=attrs.evolve(apps.carried_over, **carried_over),
    )
    return attrs.evolve(report, applications=apps)


def _plain(value: int | Decimal) -> int | Decimal:
    # A computed 总计 is a RowTotal (an int that knows its row); a file states plain numbers.
    return value if isinstance(value, Decimal) else int(value)


def variants(report: AnnualReport, seed: int = 2024) -> Iterator[AnnualReport]:
    """The report with other table numbers, of other widths, each time (seeded, consistent)."""
    rng = random.Random(seed)
    while True:
        varied = attrs.evolve(
            report,
            proactive=varied_numbers(report.proactive, rng),
            applications=varied_numbers(report.applications, rng),
            review_litigation=varied_numbers(report.review_litigation, rng),
            stated_totals={},
        )
        varied = _balanced(varied, rng)
        # The file stated its totals: state the right ones, so R1, R2 and R4 do their work.
        stated = {path: _plain(resolve(varied, path)) for path in report.stated_totals}
        yield attrs.evolve(varied, stated_totals=stated)


def _files(reports: Sequence[AnnualReport], folder: Path, suffix: str) -> list[Path]:
    paths = []
    for i, report in enumerate(reports):
        path = folder / f"report-{i:04d}{suffix}"
        path.write_text(govreport.dump_report(report, suffix[1:]), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- timing


def rate(fn: Callable[[], object], seconds: float) -> float:
    """Calls per CPU second of ``fn`` over about ``seconds`` (after one warm-up call).

    CPU time of this process (user + system), not wall time: the figure is per
    core, and other work on a shared machine would otherwise skew it.
    """
    fn()
    n, start = 0, time.process_time()
    while (elapsed := time.process_time() - start) < seconds:
        fn()
        n += 1
    return n / elapsed


def _row(name: str, per_second: float) -> str:
    target = TARGETS[name]
    return (
        f"  {name:22s}{1000 / per_second:9.3f} ms {per_second:10.1f}/s"
        f"   target {target:8.0f}/s   ratio {per_second / target:6.2f}"
    )


def steps(
    engine: Engine, yaml_paths: Sequence[Path], json_paths: Sequence[Path], out: Path
) -> dict[str, Callable[[], object]]:
    """Each step as a call, cycling through the given files and the reports read from them."""
    reports = [engine.read_report(p) for p in yaml_paths]
    arithmetic = [engine.rules[code] for code in ARITHMETIC]
    cycle = {
        name: itertools.cycle(items)
        for name, items in (
            ("yaml", yaml_paths),
            ("json", json_paths),
            ("all", reports),
            ("r1-r5", reports),
            ("txt", reports),
            ("html", reports),
            ("docx", reports),
            ("pipeline", yaml_paths),
        )
    }

    def r1_r5() -> object:
        ctx = RuleContext(next(cycle["r1-r5"]))
        return sort_findings(f for rule in arithmetic for f in rule.check(ctx))

    def pipeline() -> object:
        path = next(cycle["pipeline"])
        result = engine.load_report(path)
        engine.validate(result.report)
        for fmt in ("txt", "docx", "html"):
            data = engine.render(result.report, fmt, allow_errors=True)
            (out / f"{path.stem}.{fmt}").write_bytes(data)
        return result

    texts = itertools.cycle([p.read_text(encoding="utf-8") for p in yaml_paths])

    return {
        "parse YAML": lambda: parse_text(next(texts), "yaml"),
        "parse YAML, CSafeLoader": lambda: yaml.load(next(texts), Loader=yaml.CSafeLoader),
        "read YAML": lambda: govreport.load_report(next(cycle["yaml"])),
        "read JSON": lambda: govreport.load_report(next(cycle["json"])),
        "validate, all rules": lambda: engine.validate(next(cycle["all"])),
        "validate, R1–R5": r1_r5,
        "render txt": lambda: engine.render(next(cycle["txt"]), "txt", allow_errors=True),
        "render html": lambda: engine.render(next(cycle["html"]), "html", allow_errors=True),
        "render docx": lambda: engine.render(next(cycle["docx"]), "docx", allow_errors=True),
        "pipeline": pipeline,
    }


def run_steps(seconds: float, only: str = "") -> None:
    engine = Engine(autoload=False)
    base = govreport.read_report(EXAMPLE)
    varied = list(itertools.islice(variants(base), VARIANTS))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "out").mkdir()
        cases = {
            f"{EXAMPLE.name} (the same report again and again)": (
                [EXAMPLE],
                _files([base], folder, ".json"),
            ),
            f"numbers vary ({VARIANTS} reports cycled)": (
                _files(varied, folder, ".yaml"),
                _files(varied, folder, ".json"),
            ),
        }
        print(f"{seconds:g} s per figure, one process, one core")
        for title, (yaml_paths, json_paths) in cases.items():
            print(f"\n{title}")
            for name, fn in steps(engine, yaml_paths, json_paths, folder / "out").items():
                if only not in name:
                    continue
                print(_row(name, rate(fn, seconds)), flush=True)


# ---------------------------------------------------------------- memory


def rss_mb() -> float:
    """Resident memory now (VmRSS), in MB; the peak where /proc is absent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_memory(counts: Sequence[int]) -> None:
    engine = Engine(autoload=False)
    reports = variants(govreport.read_report(EXAMPLE))
    print(f"txt for reports with varying numbers, one process; start {rss_mb():.0f} MB")
    done, start = 0, time.perf_counter()
    for count in sorted(counts):
        while done < count:
            engine.render(next(reports), "txt", allow_errors=True)
            done += 1
        elapsed = time.perf_counter() - start
        print(
            f"  {done:7d} reports  RSS {rss_mb():6.0f} MB   {done / elapsed:8.1f} reports/s",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=1.5, help="time per figure")
    parser.add_argument("--memory", action="store_true", help="RSS over many txt renders")
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000, 30000])
    parser.add_argument("--only", default="", help="only the steps whose name contains this")
    args = parser.parse_args()
    if args.memory:
        run_memory(args.counts)
    else:
        run_steps(args.seconds, args.only)


if __name__ == "__main__":
    main()
