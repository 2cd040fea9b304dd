"""Reading the Typst output back: pdfplumber's characters, lines and table cells."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber

from govreport import Engine
from govreport.document.blocks import Table

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "test-artifacts"

#: A4 and the GB/T 9704 margins, in points.
PAGE_WIDTH = 595.2756
PAGE_HEIGHT = 841.8898
MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, PAGE_WIDTH - 26 * MM, 37 * MM, PAGE_HEIGHT - 35 * MM


@cache
def engine() -> Engine:
    return Engine(autoload=False)


def render_example(name: str, **kwargs: Any) -> bytes:
    eng = engine()
    report = eng.read_report(EXAMPLES / f"{name}.yaml")
    return eng.render(report, "pdf", **kwargs)


def open_pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def squeeze(text: str) -> str:
    return "".join(text.split())


def baseline(page: Any, char: dict[str, Any]) -> float:
    """The character's baseline, from the top of the page."""
    return float(page.height - char["matrix"][5])


def body_lines(page: Any) -> list[list[dict[str, Any]]]:
    """The 16 pt lines of the page (body text, headings, signature), top to bottom."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for c in page.chars:
        if round(c["size"]) == 16 and c["text"].strip():
            rows.setdefault(round(baseline(page, c), 1), []).append(c)
    return [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows)]


def page_number_chars(page: Any) -> list[dict[str, Any]]:
    return [c for c in page.chars if c["top"] > BOTTOM and c["text"].strip()]


# -- tables ---------------------------------------------------------------------------


def _snap(values: Sequence[float]) -> list[float]:
    """Distinct coordinates, those within 1 pt taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def _index(grid: Sequence[float], value: float) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - value))


Shape = tuple[int, int, int, int]  # row, col, rowspan, colspan


def drawn_cells(page: Any, table: Any, weights: Sequence[int]) -> dict[Shape, str]:
    """Each cell pdfplumber finds from the ruling lines: its grid place and spans → its text.

    Columns are where the document's weights put them across the drawn
    table (a piece of table 三 may show no row that rules every column);
    rows are where the piece's own lines are.
    """
    left, right = table.bbox[0], table.bbox[2]
    total, run, xs = sum(weights), 0, [left]
    for w in weights:
        run += w
        xs.append(left + (right - left) * run / total)
    ys = _snap([v for c in table.cells for v in (c[1], c[3])])
    out: dict[Shape, str] = {}
    for x0, top, x1, bottom in table.cells:
        col, row = _index(xs, x0), _index(ys, top)
        shape = (row, col, _index(ys, bottom) - row, _index(xs, x1) - col)
        out[shape] = text_in(page, (x0, top, x1, bottom))
    return out


def text_in(page: Any, box: tuple[float, float, float, float]) -> str:
    """The characters whose middle lies in ``box``, line by line, without white space.

    By their middles, not their boxes: a bracket at a line's start is set
    half width, so its box reaches into the cell on the left.
    """
    x0, top, x1, bottom = box
    chars = [
        c
        for c in page.chars
        if x0 < (c["x0"] + c["x1"]) / 2 < x1 and top < (c["top"] + c["bottom"]) / 2 < bottom
    ]
    chars.sort(key=lambda c: (round(c["top"] / 3), c["x0"]))
    return squeeze("".join(c["text"] for c in chars))


def expected_cells(table: Table, shown: Sequence[int]) -> dict[Shape, str | None]:
    """The cells a piece of ``table`` showing the document rows ``shown`` must draw.

    A cell cut by the page break is drawn over the rows of it that are shown;
    its text (``None``) may stand on either part.
    """
    where = {row: i for i, row in enumerate(shown)}
    out: dict[Shape, str | None] = {}
    for cell in table.cells:
        rows = [where[r] for r in range(cell.row, cell.row + cell.rowspan) if r in where]
        if not rows:
            continue
        whole = len(rows) == cell.rowspan
        out[(rows[0], cell.col, len(rows), cell.colspan)] = squeeze(cell.text) if whole else None
    return out


def pieces(pdf: pdfplumber.PDF) -> Iterator[tuple[int, Any, Any]]:
    """(page number, page, table) for every table pdfplumber finds, in reading order."""
    for number, page in enumerate(pdf.pages, 1):
        for found in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
            yield number, page, found
