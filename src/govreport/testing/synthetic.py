"""Realistic synthetic reports for benchmarks and tests, a chosen fraction broken in known ways.

    for s in generate(200, seed=1, broken=0.05):   # 10 broken, each in another way
        s.name, s.report, s.broken
    paths = write_reports(folder, 40_000, seed=0)  # YAML data files, seconds

A valid report passes every rule with no error and no warning: its tables add
up (R1–R5), it is published by its deadline, and its narrative quotes the
tables' own figures.  The numbers follow what real reports show: most
townships receive 0–20 applications, departments tens, city governments
hundreds or thousands, and most cells are zero.  Everything depends on the
seed and the report's index only: the same seed writes byte-identical files.
"""

from __future__ import annotations

import enum
import math
import os
import random
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govreport.io import parse_report
from govreport.model import AdminLevel, AnnualReport
from govreport.testing import _synth_text as text
from govreport.testing._synth_names import agency_name, pick_level, pick_place
from govreport.testing._synth_yaml import dump_yaml


class Break(enum.Enum):
    """A known way a report is broken, and what govreport says about it."""

    WRONG_TOTAL = "wrong_total"  # a stated 总计 that is not the row's sum
    UNBALANCED = "unbalanced"  # 一 + 二 ≠ （七）总计 + 四 in one column
    NEGATIVE = "negative"  # a negative count in table 二
    TEXT_IN_NUMBER = "text_in_number"  # 若干 where a number belongs
    UNKNOWN_KEY = "unknown_key"  # a misspelt key
    YAML_SYNTAX = "yaml_syntax"  # an unclosed list: the file cannot be read
    NOT_UTF8 = "not_utf8"  # saved as GBK: the file cannot be read
    LATE = "late"  # published after the deadline
    NARRATIVE = "narrative"  # the text quotes another number of applications than table 三
    MISSING_FIELD = "missing_field"  # no year

    @property
    def code(self) -> str | None:
        """The finding code it gives; None for a file that cannot be read at all."""
        return _CODES[self]

    @property
    def in_file(self) -> bool:
        """Whether only a data file can hold it (no :class:`AnnualReport` can)."""
        return self in _IN_FILE

    @property
    def renders(self) -> bool:
        """Whether the report still renders (its finding is a warning)."""
        return self is Break.NARRATIVE


_CODES: Mapping[Break, str | None] = {
    Break.WRONG_TOTAL: "R1",
    Break.UNBALANCED: "R3",
    Break.NEGATIVE: "R5",
    Break.TEXT_IN_NUMBER: "D2",
    Break.UNKNOWN_KEY: "D1",
    Break.YAML_SYNTAX: None,
    Break.NOT_UTF8: None,
    Break.LATE: "DATE2",
    Break.NARRATIVE: "N1",
    Break.MISSING_FIELD: "D3",
}
_IN_FILE = frozenset(
    {
        Break.TEXT_IN_NUMBER,
        Break.UNKNOWN_KEY,
        Break.MISSING_FIELD,
        Break.YAML_SYNTAX,
        Break.NOT_UTF8,
    }
)


@attrs.frozen
class Synthetic:
    """One generated report.

    ``report`` is the :class:`AnnualReport` (a broken one included, when the
    model can hold the break); for a break only a file can hold it is the
    data mapping (D1–D3), or the file's bytes when it cannot be read at all.
    ``text`` is the data file as :func:`write_reports` writes it.
    """

    name: str
    report: AnnualReport | Mapping[str, Any] | bytes
    broken: Break | None
    text: bytes = attrs.field(repr=False)


# -- numbers -----------------------------------------------------------------------------

#: Per level: chance of no application at all, and the range of the rest (log-uniform).
_RECEIVED: Mapping[AdminLevel, tuple[float, int, int]] = {
    AdminLevel.TOWNSHIP: (0.4, 1, 20),
    AdminLevel.COUNTY_DEPARTMENT: (0.25, 1, 60),
    AdminLevel.COUNTY_GOVERNMENT: (0.05, 10, 400),
    AdminLevel.CITY_DEPARTMENT: (0.1, 3, 300),
    AdminLevel.CITY_GOVERNMENT: (0.0, 100, 4000),
    AdminLevel.PROVINCIAL_DEPARTMENT: (0.05, 10, 800),
    AdminLevel.PROVINCIAL_GOVERNMENT: (0.0, 300, 6000),
    AdminLevel.STATE_COUNCIL_DEPARTMENT: (0.0, 100, 5000),
}
#: Per level: a scale for table 二 (items published, permits, penalties …).
_SCALE: Mapping[AdminLevel, int] = {
    AdminLevel.TOWNSHIP: 1,
    AdminLevel.COUNTY_DEPARTMENT: 5,
    AdminLevel.COUNTY_GOVERNMENT: 20,
    AdminLevel.CITY_DEPARTMENT: 20,
    AdminLevel.CITY_GOVERNMENT: 80,
    AdminLevel.PROVINCIAL_DEPARTMENT: 60,
    AdminLevel.PROVINCIAL_GOVERNMENT: 200,
    AdminLevel.STATE_COUNCIL_DEPARTMENT: 100,
}
_APPLICANTS = (85.0, 8.0, 0.5, 0.5, 2.0, 4.0)  # 自然人 first, as table 三's columns
#: Table 三's result rows (（一）–（六）, every sub-row) with how common each is.
_RESULT_ROWS: tuple[tuple[str, str | None, float], ...] = (
    ("disclosed", None, 40.0),
    ("partially_disclosed", None, 12.0),
    ("withheld", "state_secret", 0.5),
    ("withheld", "prohibited_by_law", 0.5),
    ("withheld", "endangers_stability", 0.3),
    ("withheld", "third_party_rights", 2.0),
    ("withheld", "internal_affairs", 3.0),
    ("withheld", "process_information", 3.0),
    ("withheld", "enforcement_case_files", 1.0),
    ("withheld", "query_matters", 2.0),
    ("unavailable", "not_held", 20.0),
    ("unavailable", "requires_creation", 3.0),
    ("unavailable", "unclear_after_correction", 2.0),
    ("not_processed", "complaints", 3.0),
    ("not_processed", "repeated", 2.0),
    ("not_processed", "publications", 1.0),
    ("not_processed", "excessive_repeated", 0.5),
    ("not_processed", "confirmation", 1.0),
    ("other_handling", "not_corrected", 3.0),
    ("other_handling", "fee_unpaid", 0.3),
    ("other_handling", "other", 4.0),
)
_OUTCOMES = ("upheld", "corrected", "other", "pending")
_OUTCOME_WEIGHTS = (60.0, 10.0, 20.0, 10.0)
_YEARS = (2021, 2022, 2023, 2024, 2025)

Row = list[int]


def _split(rng: random.Random, total: int, weights: Sequence[float]) -> Row:
    """``total`` shared among the weights, with chance in the remainders (many zeros)."""
    if total == 0:
        return [0] * len(weights)
    jittered = [w * rng.random() for w in weights]
    whole = sum(jittered)
    if whole == 0:
        jittered, whole = list(weights), sum(weights)
    parts = [int(total * w / whole) for w in jittered]
    rest = total - sum(parts)
    if rest:
        for i in rng.choices(range(len(parts)), jittered, k=rest):
            parts[i] += 1
    return parts


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    return int(math.exp(rng.uniform(math.log(low), math.log(high + 1))))


def _some(rng: random.Random, zero: float, low: int, high: int) -> int:
    return 0 if rng.random() < zero else _log_uniform(rng, low, high)


def _applications(rng: random.Random, level: AdminLevel) -> dict[str, Any]:
    """Table 三 as rows of six numbers that balance (R3) column by column."""
    zero, low, high = _RECEIVED[level]
    received = _split(rng, _some(rng, zero, low, high), _APPLICANTS)
    total = sum(received)
    carried_over = [0] * 6
    if total and rng.random() < 0.4:
        carried_over = _split(rng, max(1, total // rng.randint(8, 30)), received)
    handled = [a + b for a, b in zip(received, carried_over, strict=True)]
    carried_forward = [0] * 6
    if total and rng.random() < 0.4:
        carried_forward = [int(h * rng.uniform(0, 0.12)) for h in handled]
    weights = [w * rng.random() ** 2 + 0.01 for _, _, w in _RESULT_ROWS]
    columns = [_split(rng, h - f, weights) for h, f in zip(handled, carried_forward, strict=True)]
    results: dict[str, Any] = {}
    for i, (group, key, _) in enumerate(_RESULT_ROWS):
        row = [column[i] for column in columns]
        if key is None:
            results[group] = row
        else:
            results.setdefault(group, {})[key] = row
    return {
        "received": received,
        "carried_over": carried_over,
        "results": results,
        "carried_forward": carried_forward,
    }


def _review(rng: random.Random, received: int) -> dict[str, dict[str, int]]:
    """Table 四: mostly empty; a few cases for every hundred applications."""
    review = int(received * rng.uniform(0, 0.08)) if rng.random() < 0.7 else 0
    direct = int(received * rng.uniform(0, 0.03)) if rng.random() < 0.5 else 0
    after = int(review * rng.uniform(0, 0.6))
    return {
        group: dict(zip(_OUTCOMES, _split(rng, n, _OUTCOME_WEIGHTS), strict=True))
        for group, n in (
            ("review", review),
            ("litigation_direct", direct),
            ("litigation_after_review", after),
        )
    }


def _proactive(rng: random.Random, level: AdminLevel) -> dict[str, Any]:
    """Table 二: 规章 only where the level makes rules; many zeros below the county."""
    scale = _SCALE[level]
    rules = {"issued": 0, "repealed": 0, "in_force": 0}
    if level.may_make_rules:
        in_force = rng.randint(5, 30 + scale)
        rules = {"issued": rng.randint(0, 6), "repealed": rng.randint(0, 4), "in_force": in_force}
    in_force = _some(rng, 0.3, 1, 10 * scale)
    issued = min(in_force, _some(rng, 0.3, 1, 2 + scale))
    fees = Decimal(0)
    if level is not AdminLevel.TOWNSHIP and rng.random() < 0.3:
        fees = Decimal(rng.randint(1, 50_000 * scale)) / 100
    return {
        "rules": rules,
        "normative_documents": {
            "issued": issued,
            "repealed": _some(rng, 0.6, 1, 1 + scale),
            "in_force": in_force,
        },
        "licensing": _some(rng, 0.5, 1, 100 * scale),
        "punishment": _some(rng, 0.5, 1, 60 * scale),
        "coercion": _some(rng, 0.8, 1, 5 * scale),
        "fees": fees,
    }


# -- one report --------------------------------------------------------------------------


_ROADS = (
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "新华路",
    "文化路",
    "迎宾大道",
    "和平路",
    "府前街",
)


def _contact(rng: random.Random, city: str, county: str) -> dict[str, str]:
    road = rng.choice(_ROADS)
    contact = {
        "address": f"{city}{county}{road}{rng.randint(1, 300)}号",
        "postcode": f"{rng.randint(100, 860)}{rng.randint(0, 999):03d}",
        "phone": f"0{rng.randint(10, 999)}-{rng.randint(10_000_000, 89_999_999)}",
    }
    if rng.random() < 0.3:
        contact["fax"] = f"0{rng.randint(10, 999)}-{rng.randint(10_000_000, 89_999_999)}"
    if rng.random() < 0.2:
        contact["email"] = f"gk{rng.randint(100, 9999)}@example.gov.cn"
    return contact


def _total(row: Row) -> Row:
    return [*row, sum(row)]


def _with_totals(apps: dict[str, Any], review: dict[str, dict[str, int]]) -> None:
    """State every 总计 as a seventh number and a ``total:``, as many files do."""
    results = apps["results"]
    rows: list[Row] = []
    for key in ("received", "carried_over", "carried_forward"):
        apps[key] = _total(apps[key])
    for key, value in list(results.items()):
        if isinstance(value, dict):
            for sub, row in value.items():
                rows.append(row)
                value[sub] = _total(row)
        else:
            rows.append(value)
            results[key] = _total(value)
    results["total"] = _total([sum(column) for column in zip(*rows, strict=True)])
    for group in review.values():
        group["total"] = sum(group.values())


def _published(rng: random.Random, level: AdminLevel, year: int, late: bool) -> date:
    deadline = level.deadline(year)
    if late:
        return deadline + timedelta(days=rng.randint(1, 45))
    first = date(year + 1, 1, 5)
    return first + timedelta(days=rng.randint(0, (deadline - first).days))


def _figures(
    apps: Mapping[str, Any], review: Mapping[str, Mapping[str, int]], proactive: Any
) -> text.Figures:
    results = apps["results"]
    completed = 0
    for value in results.values():
        rows = value.values() if isinstance(value, dict) else [value]
        completed += sum(sum(row) for row in rows)
    return text.Figures(
        received=sum(apps["received"]),
        completed=completed,
        carried_forward=sum(apps["carried_forward"]),
        review=sum(review["review"].values()),
        litigation=sum(review["litigation_direct"].values())
        + sum(review["litigation_after_review"].values()),
        issued=proactive["normative_documents"]["issued"],
        in_force=proactive["normative_documents"]["in_force"],
    )


def _data(rng: random.Random, broken: Break | None) -> tuple[dict[str, Any], str]:
    """The data file's mapping for one report (broken as asked) and its agency's name."""
    level = pick_level(rng)
    place = pick_place(rng)
    agency = agency_name(rng, level, place)
    year = rng.choice(_YEARS)
    apps = _applications(rng, level)
    review = _review(rng, sum(apps["received"]))
    proactive = _proactive(rng, level)
    if broken is Break.UNBALANCED:
        # In the busiest column, as a slip in a real table would be.
        handled = [a + b for a, b in zip(apps["received"], apps["carried_over"], strict=True)]
        apps["carried_forward"][handled.index(max(handled))] += rng.randint(1, 3)
    if broken is Break.NEGATIVE:
        proactive["punishment"] = -rng.randint(1, 9)
    figures = _figures(apps, review, proactive)
    quoted = None
    if broken is Break.NARRATIVE:
        # Neither 新收 nor 新收 + 上年结转: N1 accepts both.
        handled = figures.received + sum(apps["carried_over"])
        quoted = figures.received + rng.randint(1, 9)
        while quoted == handled:
            quoted += 1
    fee = Decimal(rng.randint(10, 500)) if rng.random() < 0.03 else Decimal(0)
    items = _log_uniform(rng, 5, 60 * _SCALE[level])
    data: dict[str, Any] = {
        "agency": {
            "name": agency.name,
            "level": level.value,
            "contact": _contact(rng, place.city, place.county),
            "website": f"{place.city}人民政府门户网站",
        },
        "year": year,
        "published": _published(rng, level, year, broken is Break.LATE),
        "overview": text.overview(
            rng, year=year, who=agency.self_name, items=items, figures=figures, quoted=quoted
        ),
        "proactive": proactive,
        "applications": apps,
        "review_litigation": review,
        "problems": text.problems(rng, year),
        "other": {"text": text.other(rng, year, fee), "processing_fee": fee},
    }
    if broken is Break.WRONG_TOTAL or (broken is None and rng.random() < 0.5):
        _with_totals(apps, review)
    if broken is Break.WRONG_TOTAL:
        apps["received"][6] += rng.randint(1, 9)
    if broken is Break.TEXT_IN_NUMBER:
        proactive["licensing"] = "若干"
    if broken is Break.UNKNOWN_KEY:
        overview = data["overview"]
        data["overview"] = {
            ("supervison" if k == "supervision" else k): v for k, v in overview.items()
        }
    if broken is Break.MISSING_FIELD:
        del data["year"]
    return data, agency.name


def _file_text(data: Mapping[str, Any], name: str, broken: Break | None) -> bytes:
    yaml_text = dump_yaml(data, comment=f"{name} — synthetic report (govreport.testing.synthetic)")
    if broken is Break.YAML_SYNTAX:
        # An unclosed flow list: the line a hand edit most often breaks.
        start = yaml_text.index("  received: [")
        end = yaml_text.index("]", start)
        yaml_text = yaml_text[:end] + yaml_text[end + 1 :]
    if broken is Break.NOT_UTF8:
        return yaml_text.encode("gbk")  # as a Windows editor saves it
    return yaml_text.encode()


def _breaks(n: int, seed: int, fraction: float, kinds: Sequence[Break]) -> dict[int, Break]:
    """Which reports are broken, and how: ``round(n * fraction)`` of them, kinds in turn."""
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"broken must be a fraction between 0 and 1, got {fraction}")
    count = round(n * fraction)
    if count and not kinds:
        raise ValueError("no kinds of break to choose from")
    chosen = sorted(random.Random(f"{seed}/broken").sample(range(n), count))
    return {index: kinds[i % len(kinds)] for i, index in enumerate(chosen)}


def _files(
    n: int, seed: int, broken: float, kinds: Sequence[Break]
) -> Iterator[tuple[str, dict[str, Any], Break | None, bytes]]:
    breaks = _breaks(n, seed, broken, kinds)
    for index in range(n):
        rng = random.Random(f"{seed}/{index}")
        kind = breaks.get(index)
        data, agency = _data(rng, kind)
        year = data.get("year", "")
        name = f"{index:06d}-{agency}-{year}" if year else f"{index:06d}-{agency}"
        yield name, data, kind, _file_text(data, agency, kind)


def generate(
    n: int, *, seed: int = 0, broken: float = 0.0, kinds: Sequence[Break] = tuple(Break)
) -> Iterator[Synthetic]:
    """``n`` reports; ``round(n * broken)`` of them broken, taking ``kinds`` in turn.

    With ``broken=0.05`` and 200 reports, 10 are broken, each in another way.
    """
    for name, data, kind, content in _files(n, seed, broken, kinds):
        report: AnnualReport | Mapping[str, Any] | bytes
        if kind is not None and kind.in_file:
            report = content if kind.code is None else data
        else:
            result = parse_report(data, source=f"{name}.yaml")
            report = result.report
        yield Synthetic(name=name, report=report, broken=kind, text=content)


def write_reports(
    folder: str | Path,
    n: int,
    *,
    seed: int = 0,
    broken: float = 0.0,
    kinds: Sequence[Break] = tuple(Break),
) -> list[Path]:
    """``n`` YAML data files in ``folder`` (made if missing), the broken ones as broken files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, _, _, content in _files(n, seed, broken, kinds):
        path = folder / f"{name}.yaml"
        # os.open and one write: a third cheaper than Path.write_bytes, which counts at 40,000.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        paths.append(path)
    return paths
