"""The rules of GB/T 9704 applied to measured pages: each broken rule one finding.

Which pages count for lines per page: a full page of flowing text only.  A
page with the title or a table, the last page, a page ending a section or
before a table holds fewer lines by design; so a page counts when a
paragraph runs on from it to the next page for at least
:data:`~.standard.CONTINUED_LINES` lines (widow control moves one line at most,
so such a break is where the page ran out of lines).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Sequence

from govreport.findings import Severity
from govreport.layoutcheck import standard as gb
from govreport.layoutcheck.faces import EXPECTED, base_name, face_of
from govreport.layoutcheck.lines import TextLine
from govreport.layoutcheck.measure import Measured, fonts_of, substituted
from govreport.layoutcheck.report import LayoutFinding, PageLayout
from govreport.layoutcheck.tables import band_texts, empty_last_cell


def _mm(points: float) -> float:
    return points / gb.MM


class _Edges:
    """The document's body text edges: where unindented lines start and full lines end."""

    def __init__(self, pages: Sequence[Measured]) -> None:
        body = [line for m in pages if not m.tables for line in m.body]
        starts = Counter(round(line.start) for line in body)
        self.left = float(starts.most_common(1)[0][0]) if starts else gb.BLOCK_LEFT
        self.right = max((line.end for line in body), default=gb.BLOCK_RIGHT)
        ends = Counter(round(line.end) for line in body if line.end >= self.right - gb.BODY_SIZE)
        if ends:
            self.right = float(ends.most_common(1)[0][0])

    def unindented(self, line: TextLine) -> bool:
        return abs(line.start - self.left) <= gb.LEFT_EDGE_WITHIN

    def fills(self, line: TextLine) -> bool:
        return line.end >= self.right - gb.FULL_LINE_WITHIN


def _full(page: Measured, after: Measured | None, edges: _Edges) -> bool:
    if after is None or page.tables or page.titles or not page.body:
        return False
    if not edges.fills(page.body[-1]):
        return False
    return _continued(after, edges) not in (0, 2)


def _continued(page: Measured, edges: _Edges) -> int:
    """How many lines of a paragraph run on at the top of ``page``: 0, 1, 2 or 3 (or more).

    Widow control moves one line to the next page when only one would go
    there, so a run-on of two lines may have been made so; one line, or
    three and more, show the page ran out of lines.
    """

    def runs_on(line: TextLine) -> bool:
        return line in page.body and edges.unindented(line) and page.role(line) == "body"

    head = list(page.lines[:3])
    if not head or not runs_on(head[0]) or (page.tables and page.tables[0].top < head[0].top):
        return 0
    count = 1
    for previous, line in itertools.pairwise(head):
        if not edges.fills(previous) or not runs_on(line):
            break
        count += 1
    return count


def _chars_per_line(page: Measured, edges: _Edges) -> int | None:
    """Whole character cells across the page's full lines.

    The cell is the smallest usual advance of a full line (a line that fits
    exactly, not stretched); the width is the full lines' usual width.  A
    squeezed or hanging punctuation mark and half-width digits change
    neither.  27.6 cells of 16 pt (no tracking) are 27 characters, not 28.
    """
    full = [
        line
        for line in page.body
        if page.role(line) == "body" and edges.unindented(line) and edges.fills(line)
    ]
    steps = [step for line in full if (step := line.step) is not None]
    if not steps:
        return None
    width = statistics.median(line.end - line.start for line in full)
    return math.floor(width / min(steps) + 0.1)


def _side(page: Measured) -> str | None:
    number = page.page_number
    if number is None:
        return None
    centre = (number.x0 + number.x1) / 2 - (gb.BLOCK_LEFT + gb.BLOCK_RIGHT) / 2
    if abs(centre) <= gb.CENTRED_WITHIN:
        return "centre"
    return "right" if centre > 0 else "left"


_SIDES = {"left": "左侧", "right": "右侧", "centre": "居中"}


def _finding(
    page: Measured, code: str, message: str, severity: Severity = Severity.ERROR
) -> LayoutFinding:
    n = page.page.number
    return LayoutFinding(code, n, f"第 {n} 页：{message}", severity)


def _page_findings(m: Measured, full: bool, chars: int | None) -> list[LayoutFinding]:
    out: list[LayoutFinding] = []
    if (
        abs(m.page.width - gb.PAGE_WIDTH) > gb.PAGE_TOLERANCE
        or abs(m.page.height - gb.PAGE_HEIGHT) > gb.PAGE_TOLERANCE
    ):
        out.append(
            _finding(
                m,
                "L0",
                f"纸张为 {_mm(m.page.width):.0f} × {_mm(m.page.height):.0f} mm"
                "（应为 A4，210 × 297 mm） (page is not A4)",
            )
        )
    pitch = m.pitch
    if full and len(m.body) != gb.BODY_LINES:
        shown = f"，行距 {pitch:.2f} 磅（应为 {gb.BODY_PITCH} 磅）" if pitch else ""
        out.append(
            _finding(
                m,
                "L1",
                f"满页正文 {len(m.body)} 行（应为 {gb.BODY_LINES} 行）{shown}"
                f" (a full page has {len(m.body)} lines, not {gb.BODY_LINES})",
            )
        )
    if chars is not None and chars != gb.BODY_CHARS:
        out.append(
            _finding(
                m,
                "L2",
                f"正文每行 {chars} 字（应为 {gb.BODY_CHARS} 字） "
                f"({chars} characters a line, not {gb.BODY_CHARS})",
            )
        )
    out += _block_findings(m)
    out += _number_findings(m)
    out += _font_findings(m)
    return out


def _block_findings(m: Measured) -> list[LayoutFinding]:
    if m.block is None:
        return []
    out = []
    left, top, right, bottom = m.block
    tol = gb.BLOCK_TOLERANCE
    outside = []
    if left < gb.BLOCK_LEFT - tol:
        outside.append(f"左边距 {_mm(left):.1f} mm（应不小于 28 mm）")
    if right > gb.BLOCK_RIGHT + tol:
        outside.append(f"右边距 {_mm(m.page.width - right):.1f} mm（应不小于 26 mm）")
    if top < gb.BLOCK_TOP - tol:
        outside.append(f"上边距 {_mm(top):.1f} mm（应不小于 37 mm）")
    if bottom > gb.BLOCK_BOTTOM + tol:
        outside.append(f"下边距 {_mm(m.page.height - bottom):.1f} mm（应不小于 35 mm）")
    if outside:
        message = "文字超出版心：" + "，".join(outside) + " (text outside the type area)"
        out.append(_finding(m, "L3", message))
    # Only a line as wide as the 版心 shows where it lies (others are indented,
    # centred or end a paragraph).
    wide = [
        line
        for line in m.body
        # Wider than an indented first line (26 characters): a whole line.
        if m.role(line) == "body" and line.end - line.start > gb.BLOCK_WIDTH - gb.BODY_SIZE
    ]
    if wide and not m.tables:
        start = min(line.start for line in wide)
        end = max(line.end for line in wide)
        if abs(start - gb.BLOCK_LEFT) > tol or abs(end - gb.BLOCK_RIGHT) > tol:
            out.append(
                _finding(
                    m,
                    "L3",
                    f"正文行从距左边 {_mm(start):.1f} mm 到 {_mm(end):.1f} mm"
                    f"（版心为 28 mm 到 184 mm，宽 156 mm） "
                    "(full body lines do not fill the type area)",
                )
            )
    if m.page.number > 1 and top > gb.BLOCK_TOP + gb.BODY_PITCH:
        out.append(
            _finding(
                m,
                "L3",
                f"文字从距上边 {_mm(top):.1f} mm 处开始（版心上边距 37 mm） "
                "(text starts below the type area's top)",
            )
        )
    return out


def _number_findings(m: Measured) -> list[LayoutFinding]:
    n = m.page.number
    number = m.page_number
    wanted = f"— {n} —"
    if number is None:
        return [
            _finding(m, "L4", f"没有页码（应为“{wanted}”，4号字，在版心下方） (no page number)")
        ]
    out = []
    text = " ".join(number.text.split())
    if text.replace(" ", "") != wanted.replace(" ", ""):
        out.append(_finding(m, "L4", f"页码为“{text}”（应为“{wanted}”） (page number text)"))
    if abs(number.size - gb.PAGE_NUMBER_SIZE) > gb.SIZE_TOLERANCE:
        out.append(
            _finding(
                m, "L4", f"页码字号 {number.size:.1f} 磅（应为 4 号，14 磅） (page number size)"
            )
        )
    side = _side(m) or "centre"
    outer = "right" if n % 2 else "left"
    if side != outer:
        wanted_side = "单页页码应居右" if n % 2 else "双页页码应居左"
        out.append(
            _finding(
                m,
                "L4",
                f"页码{_SIDES[side]}（{wanted_side}，在外侧） "
                f"(page number on the {side}, not the {outer})",
            )
        )
    return out


_ROLES = {"title": "标题", "heading1": "一级标题", "heading2": "二级标题", "body": "正文"}


def _font_findings(m: Measured) -> list[LayoutFinding]:
    fonts = fonts_of(m.page)
    out = [
        _finding(
            m,
            "L5",
            f"使用了非规定字体 {name}（{fonts[name]} 个字符），缺少规定字体或替代字体时的替换"
            f" (substituted font {name})",
            Severity.WARNING,
        )
        for name in substituted(fonts)
    ]
    wrong: dict[str, set[str]] = {}
    for line in (*m.titles, *m.body):
        role = m.role(line)
        face, _ = EXPECTED[role]
        if line.face is not face:
            wrong.setdefault(role, set()).add(base_name(line.font))
    for role, used in wrong.items():
        shown = "、".join(f"{name}（{face_of(name).value}）" for name in sorted(used))
        out.append(
            _finding(
                m,
                "L5",
                f"{_ROLES[role]}字体为 {shown}（应为 {EXPECTED[role][1]}） "
                f"({role} set in the wrong face)",
            )
        )
    return out


def _split_rows(pages: Sequence[Measured]) -> dict[int, list[str]]:
    """Page number → the table rows split at the break after it."""
    split: dict[int, list[str]] = {}
    first_rows: list[str] = []
    for index, m in enumerate(pages):
        after = pages[index + 1] if index + 1 < len(pages) else None
        for table in m.tables:
            rows = band_texts(table, m.page.chars)
            continued = table is m.tables[0] and table.top <= gb.BLOCK_TOP + gb.BODY_PITCH
            if not continued:
                first_rows = rows
        if after is None or not m.tables or not after.tables:
            continue
        last, nxt = m.tables[-1], after.tables[0]
        # The table runs on: nothing printed between it and the next page's table.
        if any(line.top < nxt.top for line in after.lines):
            continue
        if any(line.top > last.bottom for line in m.lines):
            continue
        broken = last.open_bottom or nxt.open_top
        if last.bands() and empty_last_cell(last, last.bands()[-1], m.page.chars):
            broken = True
        rows = band_texts(nxt, after.page.chars)
        repeated = 0
        while repeated < min(len(rows), len(first_rows)) and rows[repeated] == first_rows[repeated]:
            repeated += 1
        bands = nxt.bands()
        if repeated < len(bands) and empty_last_cell(nxt, bands[repeated], after.page.chars):
            broken = True
        if broken:
            split.setdefault(m.page.number, []).append(
                rows[repeated] if repeated < len(rows) else ""
            )
    return split


def check(pages: Sequence[Measured]) -> tuple[list[PageLayout], list[LayoutFinding]]:
    """Each page's layout and every rule broken, page by page."""
    edges = _Edges(pages)
    split = _split_rows(pages)
    layouts: list[PageLayout] = []
    findings: list[LayoutFinding] = []
    for index, m in enumerate(pages):
        after = pages[index + 1] if index + 1 < len(pages) else None
        full = _full(m, after, edges)
        chars = None if m.tables else _chars_per_line(m, edges)
        findings += _page_findings(m, full, chars)
        for row in split.get(m.page.number, []):
            shown = f"“{row[:20]}”" if row else ""
            findings.append(
                _finding(
                    m,
                    "L6",
                    f"表格行{shown}被分页拆开，跨到第 {m.page.number + 1} 页（表格行不得跨页拆分）"
                    " (a table row is split across pages)",
                )
            )
        fonts = fonts_of(m.page)
        number = m.page_number
        layouts.append(
            PageLayout(
                number=m.page.number,
                lines=len(m.body),
                full=full,
                pitch=m.pitch,
                chars_per_line=chars,
                block=None
                if m.block is None
                else (
                    _mm(m.block[0]),
                    _mm(m.block[1]),
                    _mm(m.block[2]),
                    _mm(m.block[3]),
                ),
                page_number=None if number is None else " ".join(number.text.split()),
                page_number_size=None if number is None else number.size,
                page_number_side=_side(m),
                fonts=dict(sorted(fonts.items())),
                substituted=tuple(substituted(fonts)),
                tables=len(m.tables),
                split_rows=tuple(split.get(m.page.number, [])),
            )
        )
    return layouts, findings
