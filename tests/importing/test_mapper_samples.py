"""Real published reports through a reader and the mapper: numbers and texts as printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govreport.findings import Severity
from govreport.importing.mapper import Imported, map_source
from tests.importing.mapper_grids import DATA, expected_data, sample_numbers

HTML = Path(__file__).parent.parent / "data" / "importing" / "html"
PAGES = ("2024_pingtan", "2025_pingtan")


def _html(name: str) -> Imported:
    from govreport.importing.html import read_html

    return map_source(read_html(HTML / f"{name}.page.html"))


def page_text(name: str) -> str:
    """The page's text as the crawler dumped it: paragraphs run together, tables flattened."""
    dump = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    body = dump.split("==================== 正文 ====================", 1)[1]
    return body.split("====================", 1)[0].strip()


def printed_in_order(pieces: list[str], text: str) -> None:
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        assert found >= 0, f"not found after {at}: {piece[:40]}"
        at = found + len(piece)


def pieces(data: dict[str, Any]) -> list[str]:
    """The data's texts in the order printed (the dump joins paragraphs with nothing)."""
    out = [data["opening"], data["overview"]["intro"]]
    for part in data["overview"]["parts"]:
        out.append(f"{part['heading']}。{part['text']}")
    out += [p["heading"] + p["text"].replace("\n", "") for p in data["problems"]["parts"]]
    out.append(data["other"]["text"])
    return out


@pytest.fixture(scope="module", params=PAGES)
def page(request: pytest.FixtureRequest) -> tuple[str, Imported]:
    name = str(request.param)
    return name, _html(name)


def test_every_number_as_in_the_json(page: tuple[str, Imported]) -> None:
    name, imported = page
    tables = {k: imported.data[k] for k in ("proactive", "applications", "review_litigation")}
    assert tables == expected_data(sample_numbers(name))


def test_every_section_text_as_on_the_page(page: tuple[str, Imported]) -> None:
    name, imported = page
    data = imported.data
    printed_in_order(pieces(data), page_text(name))
    assert len(data["overview"]["parts"]) == 5
    assert data["overview"]["parts"][3]["heading"] == "（四）信息公开平台建设方面"


def test_title_and_closing(page: tuple[str, Imported]) -> None:
    name, imported = page
    data = imported.data
    year = int(name[:4])
    assert data["agency"]["name"] == "平潭综合实验区" and data["year"] == year
    assert data["title_text"] == f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    assert data["signed"] is False and data["signatory"] == ""
    assert data["other"]["processing_fee"] == 0


def test_nothing_guessed_but_the_level_and_nothing_unread(page: tuple[str, Imported]) -> None:
    _, imported = page
    assert {n.code for n in imported.notes if n.severity is not Severity.INFO} == set()
    assert {n.code for n in imported.notes} <= {"M2", "M15"}
