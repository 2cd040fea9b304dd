"""Our own outputs imported back: no note but the level guess (M2) and, where due, M15.

Every report govreport renders (the examples and :func:`sample_report`, as
text, HTML and Word) must import without noise: the table captions our outputs
print (the section title without its number, right above its table) are the
heading printed again, not text left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport import AnnualReport, Engine
from govreport.findings import Finding, Severity
from govreport.importing.mapper import map_source
from govreport.importing.plugin import READERS
from govreport.testing import sample_report

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
FORMATS = ("txt", "html", "docx")
#: What importing our own output may say: the level is a guess from the name;
#: the date and signature are said when not printed.
ALLOWED = {"M2", "M15"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _reports(engine: Engine) -> dict[str, AnnualReport]:
    out = {"sample_report": sample_report()}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        out[path.stem] = engine.load_report(path).report
    return out


def _imported(engine: Engine, report: AnnualReport, fmt: str, tmp: Path) -> list[Finding]:
    path = tmp / f"report.{fmt}"
    path.write_bytes(engine.render(report, fmt, allow_errors=True))
    return list(map_source(READERS[fmt][1](path)).notes)


NAMES = ("sample_report", *(p.stem for p in sorted(EXAMPLES.glob("*.yaml"))))


def test_the_three_examples_are_all_there() -> None:
    assert len(NAMES) == 4


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_our_output_imports_with_no_note_but_the_level_and_date(
    engine: Engine, name: str, fmt: str, tmp_path: Path
) -> None:
    report = _reports(engine)[name]
    notes = _imported(engine, report, fmt, tmp_path)
    assert {n.code for n in notes} <= ALLOWED, [(n.code, n.message) for n in notes]
    assert {n.severity for n in notes} <= {Severity.INFO}
    # M15 only where the report prints no date or no signature.
    if report.published is not None and report.signed:
        assert [n.code for n in notes] == ["M2"]


def test_a_caption_is_skipped_only_right_above_its_table() -> None:
    """The section's title as a paragraph elsewhere is text, and said to be left out."""
    from govreport.importing.blocks import Para, Source
    from tests.importing.mapper_grids import official_grid, sample_numbers

    nums = sample_numbers("2024_pingtan")
    grid = official_grid("proactive", nums)
    caption = Para("主动公开政府信息情况")
    above = map_source(Source("html", (Para("二、主动公开政府信息情况"), caption, grid)))
    assert [n for n in above.notes if n.code == "M16"] == []
    below = map_source(Source("html", (Para("二、主动公开政府信息情况"), grid, caption)))
    [left_out] = [n for n in below.notes if n.code == "M16"]
    assert "主动公开政府信息情况" in left_out.message
