"""The layout check's result: each page's measures and the rules each page breaks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from govreport.findings import Severity


@attrs.frozen
class LayoutFinding:
    #: L0 page, L1 lines a page, L2 characters a line, L3 text block, L4 page
    #: number, L5 fonts, L6 table rows.
    code: str
    page: int
    message: str
    #: ERROR breaks a rule of GB/T 9704 (exit status 1); WARNING only informs.
    severity: Severity = Severity.ERROR


@attrs.frozen
class PageLayout:
    """What one page measures (lengths in millimetres from the page's top left)."""

    number: int
    #: Lines of 3号 text (body and headings) outside tables.
    lines: int
    #: Whether the page is a full page of flowing text (its line count is a rule).
    full: bool
    #: Distance between consecutive lines' tops (points), if there are two.
    pitch: float | None
    #: Whole character cells across the page's full lines (most common): the
    #: line's width over its advance from one Chinese character to the next.
    chars_per_line: int | None
    #: The text block: (left, top, right, bottom), page number excluded.
    block: tuple[float, float, float, float] | None
    page_number: str | None
    page_number_size: float | None
    #: "left", "right" or "centre".
    page_number_side: str | None
    #: Fonts used (names without the subset prefix) with how many characters each.
    fonts: dict[str, int]
    #: Fonts that are neither an official face nor its stand-in.
    substituted: tuple[str, ...]
    tables: int
    #: Table rows split across the break after this page, as "row N of table M".
    split_rows: tuple[str, ...] = ()


@attrs.frozen
class LayoutReport:
    path: Path
    pages: tuple[PageLayout, ...]
    findings: tuple[LayoutFinding, ...]

    @property
    def errors(self) -> tuple[LayoutFinding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def passed(self) -> bool:
        """No rule of the standard is broken (warnings allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "passed": self.passed,
            "pages": [_plain(attrs.asdict(p)) for p in self.pages],
            "findings": [
                {"code": f.code, "page": f.page, "severity": f.severity.value, "message": f.message}
                for f in self.findings
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
