"""Real client: LibreOffice Calc opens the workbook, recalculates, and the checks say so.

Each workbook is converted by headless LibreOffice (xlsx → xlsx, which
recalculates: the writer's files carry no cached values and ask for a full
calculation on load), then read back with openpyxl ``data_only=True``: the
values LibreOffice computed.  Skips where LibreOffice Calc is not installed
(``.ci/run`` installs ``libreoffice-calc-nogui``).
"""

from __future__ import annotations

import io
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from govreport import read_report, spec
from govreport.model import AnnualReport
from govreport.model.paths import resolve
from govreport.outputs.pdf import conversion_env, find_soffice
from govreport.workbook.layout import LAYOUT, PASSED
from govreport.workbook.writer import blank_workbook, write_workbook

EXAMPLES = Path(__file__).parents[2] / "examples"
#: One conversion of a few workbooks takes a few seconds; a hang must not hold the suite.
TIMEOUT = 180


def _calc() -> str | None:
    """soffice, if LibreOffice has its spreadsheet part (Debian: libreoffice-calc-nogui)."""
    soffice = find_soffice()
    if soffice is None:
        return None
    program = Path(os.path.realpath(soffice)).parent
    return soffice if any(program.glob("libsclo*")) else None


SOFFICE = _calc()
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice Calc not installed (apt install libreoffice-calc-nogui)"
)


def _recalculated(folder: Path, books: dict[str, bytes]) -> dict[str, openpyxl.Workbook]:
    """Each workbook as LibreOffice computed it, by name."""
    source, out, profile = folder / "in", folder / "out", folder / "profile"
    source.mkdir()
    for name, data in books.items():
        (source / f"{name}.xlsx").write_bytes(data)
    assert SOFFICE is not None
    cmd = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out),
        *sorted(str(p) for p in source.iterdir()),
    ]
    done = subprocess.run(
        cmd, capture_output=True, timeout=TIMEOUT, env=conversion_env(), check=False
    )
    found = {p.stem: p for p in out.glob("*.xlsx")}
    assert set(found) == set(books), done.stdout.decode() + done.stderr.decode()
    return {name: openpyxl.load_workbook(p, data_only=True) for name, p in found.items()}


def _report(name: str) -> AnnualReport:
    return read_report(EXAMPLES / f"{name}.yaml")


def _filled_by_hand(last: AnnualReport) -> bytes:
    """Next year's form from ``last``, then typed into with openpyxl as a user would.

    One column does not balance (R3), one carried-over figure differs from
    last year's 结转下年度 (R6), one count is negative and one has decimals (R5).
    """
    book = openpyxl.load_workbook(io.BytesIO(blank_workbook(previous=last)))

    def put(path: str, value: object) -> None:
        field = LAYOUT.field(path)
        book[field.sheet][field.cell] = value

    for key in spec.applications.APPLICANT_COLUMNS.all_keys():
        # Each column balances on last year's carried-over applications (prefilled) …
        carried = int(resolve(last, f"applications.carried_forward.{key}"))
        put(f"applications.results.disclosed.{key}", carried)
    carried = int(resolve(last, "applications.carried_forward.natural_person"))
    # … but 自然人: 10 new, 4 + carried handled, nothing forward: 3 short (R3).
    put("applications.received.natural_person", 10)
    put("applications.results.disclosed.natural_person", 4)
    put("applications.results.not_processed.repeated.natural_person", carried + 3)
    # 商业企业: 7 more carried over than last year carried forward (R6), all handled.
    carried = int(resolve(last, "applications.carried_forward.commercial_enterprise"))
    put("applications.carried_over.commercial_enterprise", carried + 7)
    put("applications.results.disclosed.commercial_enterprise", carried + 7)
    put("proactive.licensing", -2)
    put("proactive.punishment", 1.5)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, openpyxl.Workbook]:
    pingtan = _report("pingtan-2024")
    received = "applications.received.total"
    review = "review_litigation.review.total"
    wrong = attrs.evolve(
        pingtan,
        stated_totals={
            received: resolve(pingtan, received) + 5,
            review: resolve(pingtan, review) - 2,
        },
    )
    books = {
        "consistent": write_workbook(pingtan),
        "wrong": write_workbook(wrong),
        "by_hand": _filled_by_hand(pingtan),
        "township": write_workbook(_report("shuangpu-2024")),
    }
    return _recalculated(tmp_path_factory.mktemp("lo"), books)


def _value(book: openpyxl.Workbook, sheet: str, cell: str) -> object:
    return book[sheet][cell].value


def test_consistent_reports_pass_every_check_and_totals_compute(
    computed: dict[str, openpyxl.Workbook],
) -> None:
    for name, source in (("consistent", "pingtan-2024"), ("township", "shuangpu-2024")):
        book, report = computed[name], _report(source)
        for check in LAYOUT.checks:
            if not check.needs_previous:
                assert _value(book, check.sheet, check.cell) == PASSED, (name, check)
        for total in LAYOUT.totals:
            value = _value(book, total.sheet, total.cell)
            assert value == resolve(report, total.path), (name, total)


def test_a_total_that_does_not_add_up_shows_its_difference(
    computed: dict[str, openpyxl.Workbook],
) -> None:
    book = computed["wrong"]
    apps = LAYOUT.sheet("applications").name
    received_row = int(LAYOUT.cell_of("applications.received.total")[1][1:])
    r1 = next(c for c in LAYOUT.checks if c.rule == "R1" and c.cell.endswith(str(received_row)))
    assert _value(book, apps, r1.cell) == 5
    # R3 in the 总计 column: 一 + 二 is 5 more than （七） + 四.
    total_col = LAYOUT.cell_of("applications.received.total")[1][0]
    r3 = next(c for c in LAYOUT.checks if c.rule == "R3" and c.cell.startswith(total_col))
    assert _value(book, apps, r3.cell) == 5
    failing = {
        (c.rule, c.cell)
        for c in LAYOUT.checks
        if _value(book, c.sheet, c.cell) not in (PASSED, None)
    }
    review_total = LAYOUT.cell_of("review_litigation.review.total")[1]
    r4 = next(c for c in LAYOUT.checks if c.rule == "R4" and c.cell[0] == review_total[0])
    assert _value(book, r4.sheet, r4.cell) == -2
    assert failing == {("R1", r1.cell), ("R3", r3.cell), ("R4", r4.cell)}


def test_a_form_typed_into_shows_each_broken_rule(computed: dict[str, openpyxl.Workbook]) -> None:
    book = computed["by_hand"]
    failing = {
        (c.rule, c.cell): _value(book, c.sheet, c.cell)
        for c in LAYOUT.checks
        if _value(book, c.sheet, c.cell) != PASSED
    }
    cols = dict(zip(spec.applications.APPLICANT_COLUMNS.all_keys(), "DEFGHI", strict=True))
    by_rule: dict[str, dict[str, object]] = {}
    for (rule, cell), value in failing.items():
        by_rule.setdefault(rule, {})[cell.rstrip("0123456789")] = value
    # (一 + 二) − (（七） + 四): 自然人 and the 总计 column are 3 short.
    assert by_rule["R3"] == {cols["natural_person"]: 3, "J": 3}
    assert by_rule["R6"] == {cols["commercial_enterprise"]: 7, "J": 7}
    # R5 on table 二: one negative and one fraction.
    assert by_rule["R5"] == {"B": 2}
    assert set(by_rule) == {"R3", "R5", "R6"}
    # The carried-over figure LibreOffice shows is last year's 结转下年度 (prefilled).
    field = LAYOUT.field("applications.carried_over.natural_person")
    expected = resolve(_report("pingtan-2024"), "applications.carried_forward.natural_person")
    assert Decimal(str(_value(book, field.sheet, field.cell))) == expected
