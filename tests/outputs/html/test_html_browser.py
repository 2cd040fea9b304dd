"""The standalone page in a real browser: headless Debian Chromium through Playwright.

Needs ``pip install playwright`` and a Chromium binary (``apt install chromium``;
``playwright install`` is not used).  ``GOVREPORT_CHROMIUM`` overrides the path.
Screenshots and the printed PDF go to test-artifacts/html/ — look at them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govreport import spec
from govreport.document.official import format_number
from govreport.model import AnnualReport, resolve
from govreport.testing import sample_report
from tests.chromium import launched

from .support import EXAMPLES, REPO, hostile_report, previous_of, previous_report, render

ARTIFACTS = REPO / "test-artifacts" / "html"
WIDE_TABLES = ("applications", "review_litigation")
#: A4 in PostScript points, as Chromium writes it (595.92 x 842.88).
A4_PT = (595, 842)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched(ARTIFACTS)


def _reports() -> dict[str, tuple[AnnualReport, AnnualReport | None]]:
    out: dict[str, tuple[AnnualReport, AnnualReport | None]] = {
        "sample": (sample_report(), previous_report())
    }
    path = EXAMPLES / "shuangpu-2024.yaml"
    if path.exists():
        from govreport import read_report

        out["shuangpu-2024"] = (read_report(path), None)
    return out


class Loaded:
    """A page opened from a file, with what it asked the network and the console."""

    def __init__(self, browser: Any, html: str, path: Path, width: int) -> None:
        path.write_text(html, encoding="utf-8")
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.goto(path.as_uri())
        self.url = path.as_uri()

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


READ_TABLE = """key => {
  const t = document.querySelector(`table[data-table="${key}"]`);
  return Array.from(t.rows).map(r => Array.from(r.cells).map(c => {
    const b = c.getBoundingClientRect();
    return {tag: c.tagName.toLowerCase(), text: c.textContent, rowspan: c.rowSpan,
            colspan: c.colSpan, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
  }));
}"""


@pytest.mark.parametrize("name", list(_reports()))
def test_tables_match_the_official_geometry_in_the_browser(
    browser: Any, tmp_path: Path, name: str
) -> None:
    report, previous = _reports()[name]
    loaded = Loaded(browser, render(report, previous, charts=True), tmp_path / "p.html", 1280)
    loaded.page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"), full_page=True)
    for key, table in spec.tables().items():
        dom = loaded.js(READ_TABLE, key)
        assert len(dom) == table.n_rows
        xs: dict[int, float] = {}
        ys: dict[int, float] = {}
        for got_row, want_row in zip(dom, table.rows(), strict=True):
            assert len(got_row) == len(want_row)
            for got, want in zip(got_row, want_row, strict=True):
                text = format_number(resolve(report, want.path)) if want.is_number else want.text
                assert (got["text"], got["rowspan"], got["colspan"]) == (
                    text,
                    want.rowspan,
                    want.colspan,
                )
                # The laid-out grid: cells starting in one column share a left
                # edge, cells starting in one row share a top edge.
                assert abs(xs.setdefault(want.col, got["left"]) - got["left"]) < 1.5
                assert abs(ys.setdefault(want.row, got["top"]) - got["top"]) < 1.5
        # ... and every cell ends where the grid line of its span ends.
        for got_row, want_row in zip(dom, table.rows(), strict=True):
            for got, want in zip(got_row, want_row, strict=True):
                end_col, end_row = want.col + want.colspan, want.row + want.rowspan
                if end_col in xs:
                    assert abs(got["right"] - xs[end_col]) < 2.5
                if end_row in ys:
                    assert abs(got["bottom"] - ys[end_row]) < 2.5
    assert loaded.js("document.documentElement.scrollWidth <= window.innerWidth")
    # Offline and under its own CSP: one request (the file), no violations,
    # and the stylesheet really applied (its hash matched).
    assert loaded.requests == [loaded.url]
    assert not [m for m in loaded.console if "Content Security Policy" in m]
    collapse = "getComputedStyle(document.querySelector('.gr-table')).borderCollapse"
    assert loaded.js(collapse) == "collapse"
    loaded.page.close()


def test_wide_tables_scroll_inside_their_container_on_a_phone(browser: Any, tmp_path: Path) -> None:
    loaded = Loaded(
        browser, render(sample_report(), previous_report(), charts=True), tmp_path / "p.html", 375
    )
    loaded.page.screenshot(path=str(ARTIFACTS / "sample-375.png"), full_page=True)
    assert loaded.js("document.documentElement.scrollWidth") <= 375
    for key in WIDE_TABLES:
        wrap = loaded.js(
            """key => {
                const w = document.querySelector(`table[data-table="${key}"]`).parentElement;
                return {cls: w.className, role: w.getAttribute('role'), tab: w.tabIndex,
                        label: w.getAttribute('aria-label'),
                        scroll: w.scrollWidth, client: w.clientWidth}; }""",
            key,
        )
        assert wrap["cls"] == "gr-table-wrap" and wrap["role"] == "region" and wrap["tab"] == 0
        assert wrap["label"] == spec.tables()[key].title
        assert wrap["scroll"] > wrap["client"], key
    loaded.page.locator('table[data-table="applications"]').scroll_into_view_if_needed()
    loaded.page.screenshot(path=str(ARTIFACTS / "sample-375-table3.png"))
    loaded.page.close()


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def test_prints_to_clean_a4_pages(browser: Any, tmp_path: Path) -> None:
    html = render(sample_report(), previous_report(), charts=True)
    loaded = Loaded(browser, html, tmp_path / "p.html", 1280)
    loaded.page.emulate_media(media="print")
    styles = loaded.js(
        """() => ({
          rows: Array.from(document.querySelectorAll('.gr-table tr'))
                  .map(r => getComputedStyle(r).breakInside),
          heads: Array.from(document.querySelectorAll('.gr-table thead'))
                  .map(h => getComputedStyle(h).display)})"""
    )
    assert set(styles["rows"]) == {"avoid"}
    assert set(styles["heads"]) == {"table-header-group"}
    pdf = loaded.page.pdf(format="A4")
    out = ARTIFACTS / "sample-print.pdf"
    out.write_bytes(pdf)
    boxes = _media_boxes(pdf)
    assert boxes and all((int(w), int(h)) == A4_PT for w, h in boxes)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
        assert "(A4)" in info.stdout
        assert int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1)) == len(boxes)  # type: ignore[union-attr]
    # In print the tables fit the A4 type area (210 mm − 2 × 20 mm ≈ 643 px): nothing cut off.
    loaded.page.set_viewport_size({"width": 643, "height": 900})
    overflow = loaded.js(
        "() => Array.from(document.querySelectorAll('.gr-table-wrap'))"
        ".map(w => w.scrollWidth - w.clientWidth)"
    )
    assert overflow and max(overflow) <= 0
    loaded.page.close()


def test_hostile_text_stays_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    loaded = Loaded(
        browser,
        render(hostile_report(), previous_of(hostile_report()), charts=True),
        tmp_path / "h.html",
        1280,
    )
    loaded.page.screenshot(path=str(ARTIFACTS / "hostile-1280.png"), full_page=True)
    found = loaded.js(
        """() => ({
          scripts: document.querySelectorAll('script').length,
          links: document.querySelectorAll('a, img, iframe').length,
          handlers: Array.from(document.querySelectorAll('*')).flatMap(
              e => Array.from(e.attributes).map(a => a.name)).filter(n => n.startsWith('on')),
          tables: document.querySelectorAll('table').length,
          cells: Object.fromEntries(Array.from(document.querySelectorAll('table[data-table]'))
              .map(t => [t.dataset.table, t.querySelectorAll('td, th').length])),
          text: document.body.innerText})"""
    )
    assert found["scripts"] == 0 and found["links"] == 0 and found["handlers"] == []
    assert found["tables"] == 3
    assert found["cells"] == {k: len(t.cells) for k, t in spec.tables().items()}
    assert "<script>alert('x')</script>" in found["text"]
    assert "伪造单元格</td>" in found["text"]
    loaded.page.close()
