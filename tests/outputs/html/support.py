"""Helpers for the HTML tests: reports to render, and a parser that reads tables back."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs

import govreport
from govreport.model import (
    AnnualReport,
    ApplicantCounts,
    Applications,
    Outcomes,
    ProblemsAndImprovements,
    Results,
    ReviewLitigation,
    Unavailable,
)
from govreport.testing import sample_report

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples"

#: Narrative that tries to break out of text: each must come out as text.
HOSTILE = (
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">点此</a>',
    "</p></section></table></div><table><tr><td>伪造单元格</td></tr></table>",
    "\"'><svg onload=alert(1)>",
    "<style>body{display:none}</style>",
)


def engine() -> govreport.Engine:
    return govreport.Engine(autoload=False)


def previous_report() -> AnnualReport:
    """A 2023 report with other numbers, so the year comparison shows a difference."""
    return sample_report(
        year=2023,
        published=date(2024, 3, 8),
        applications=Applications(
            received=ApplicantCounts(natural_person=150, commercial_enterprise=3),
            results=Results(
                disclosed=ApplicantCounts(natural_person=80),
                partially_disclosed=ApplicantCounts(natural_person=20),
                unavailable=Unavailable(
                    not_held=ApplicantCounts(natural_person=50, commercial_enterprise=3)
                ),
            ),
        ),
        review_litigation=ReviewLitigation(
            review=Outcomes(upheld=3, corrected=1),
            litigation_direct=Outcomes(upheld=2),
            litigation_after_review=Outcomes(upheld=5, other=1),
        ),
    )


def previous_of(report: AnnualReport) -> AnnualReport:
    """:func:`previous_report` of the same agency: ``--previous`` refuses another's."""
    return attrs.evolve(previous_report(), agency=report.agency)


def hostile_report(texts: tuple[str, ...] = HOSTILE) -> AnnualReport:
    """Every narrative field (and the agency's name) carries one of ``texts``."""
    base = sample_report()
    return attrs.evolve(
        base,
        agency=attrs.evolve(base.agency, name="某机关" + texts[0]),
        opening=texts[4],
        overview=attrs.evolve(
            base.overview, intro=texts[0], proactive=texts[1], platforms=texts[5]
        ),
        problems=ProblemsAndImprovements(
            problems_intro=texts[2], problems=(texts[3],), improvements=(texts[1],)
        ),
        other=attrs.evolve(base.other, text=texts[3]),
        signatory=texts[2],
    )


def render(report: AnnualReport, previous: AnnualReport | None = None, **options: Any) -> str:
    return engine().render(report, "html", previous=previous, options=options).decode("utf-8")


@attrs.define
class ParsedCell:
    tag: str
    attrs: dict[str, str]
    text: str = ""

    @property
    def rowspan(self) -> int:
        return int(self.attrs.get("rowspan", "1"))

    @property
    def colspan(self) -> int:
        return int(self.attrs.get("colspan", "1"))


@attrs.define
class ParsedTable:
    attrs: dict[str, str]
    rows: list[list[ParsedCell]] = attrs.field(factory=list)
    sections: list[str] = attrs.field(factory=list)  # thead/tbody per row
    caption: str = ""


class PageParser(HTMLParser):
    """Everything the tests look at, read with the standard library's parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.start_tags: list[tuple[str, dict[str, str]]] = []
        self.tables: list[ParsedTable] = []
        self.text_parts: list[str] = []
        self.by_id: dict[str, str] = {}  # id → text, for table cells
        self._cell: ParsedCell | None = None
        self._section = ""
        self._in_caption = False
        self._depth = 0

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attr_list}
        self.start_tags.append((tag, a))
        if tag == "table":
            self._depth += 1
            self.tables.append(ParsedTable(a))
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
            self.tables[-1].sections.append(self._section)
        elif tag in ("td", "th") and self.tables:
            self._cell = ParsedCell(tag, a)
            self.tables[-1].rows[-1].append(self._cell)
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            if "id" in self._cell.attrs:
                self.by_id[self._cell.attrs["id"]] = self._cell.text
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        if self._cell is not None:
            self._cell.text += data
        elif self._in_caption and self.tables:
            self.tables[-1].caption += data

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def tags(self, name: str) -> list[dict[str, str]]:
        return [a for t, a in self.start_tags if t == name]

    def official(self) -> dict[str, ParsedTable]:
        return {t.attrs["data-table"]: t for t in self.tables if "data-table" in t.attrs}


def parse(html: str) -> PageParser:
    p = PageParser()
    p.feed(html)
    p.close()
    return p
