"""The geometry data must match the layout written down in the domain file.

``official-format.md`` is a copy of ``shared/domain/official-format.md``; the
parsers below read its notation, so the check is against the document a
person reviewed, not against a second copy of our own data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govreport import spec
from govreport.spec import CellRole, TableSpec

DOMAIN = (Path(__file__).parent / "official-format.md").read_text(encoding="utf-8")


def _block(heading: str) -> list[str]:
    """The fenced code block following a ``## Table …`` heading."""
    part = DOMAIN.split(heading, 1)[1]
    return part.split("```", 2)[1].strip("\n").splitlines()


def _rows_as_text(table: TableSpec) -> list[list[tuple[str, int, int]]]:
    """Per row: (text or 'n', rowspan, colspan) of each cell starting there."""
    return [
        [("n" if c.is_number else c.text, c.rowspan, c.colspan) for c in row]
        for row in table.rows()
    ]


def test_table_2_matches_domain_layout() -> None:
    lines = [ln for ln in _block("## Table 二") if re.match(r"^\s*\d+\s", ln)]
    expected = []
    for line in lines:
        cells = re.sub(r"^\s*\d+\s+", "", line).split(" | ")
        row = []
        for cell in cells:
            m = re.match(r"^(.*?)\s*(?:\[(\d+)\])?$", cell.strip())
            assert m
            text = "n" if m.group(1) in ("n", "amount") else m.group(1)
            row.append((text, 1, int(m.group(2) or 1)))
        expected.append(row)
    assert _rows_as_text(spec.tables()["proactive"]) == expected


def _header_cells(line: str) -> list[tuple[str, int, int]]:
    out = []
    for cell in re.sub(r"^r\d+:\s*", "", line).split(" | "):
        m = re.match(
            r"^(?:\[(\d+) cols x (\d+) rows\]|\[(\d+) cols\]|\[(\d+) rows\])?\s*(.+)$",
            cell.strip(),
        )
        assert m, cell
        cols = int(m.group(1) or m.group(3) or 1)
        rows = int(m.group(2) or m.group(4) or 1)
        out.append((m.group(5), rows, cols))
    return out


def test_table_3_header_matches_domain_layout() -> None:
    header = [ln for ln in _block("## Table 三") if ln.startswith("r")]
    table = _rows_as_text(spec.tables()["applications"])
    assert table[:3] == [_header_cells(ln) for ln in header]


def test_table_3_body_labels_match_domain_layout() -> None:
    body = DOMAIN.split("Body, 25 rows:", 1)[1].split("```", 2)[1].strip("\n").splitlines()
    expected: list[tuple[str, int, int]] = []
    for line in body:
        if m := re.match(r"^(\S+?)\s+\[(?:label spans )?(\d+) cols\]$", line.strip()):
            expected.append((m.group(1), 1, int(m.group(2))))
        elif m := re.match(r"^(\S+)\s+\[this label spans (\d+) rows", line):
            expected.append((m.group(1), int(m.group(2)), 1))
        elif m := re.match(r"^\s+(（.）\S+) \[(\d+) rows\]\s+(\S+)$", line):
            expected += [(m.group(1), int(m.group(2)), 1), (m.group(3), 1, 1)]
        elif m := re.match(r"^\s+(\d\.\S+)$", line):
            expected.append((m.group(1), 1, 1))
        else:
            pytest.fail(f"unparsed layout line: {line!r}")
    t = spec.tables()["applications"]
    actual = [
        (c.text, c.rowspan, c.colspan)
        for row in t.rows()[t.header_rows :]
        for c in row
        if c.role is CellRole.LABEL
    ]
    assert actual == expected
    assert t.n_rows == 28 and t.n_cols == 10


def test_table_3_has_no_subtotal_rows_and_seven_numbers_per_row() -> None:
    t = spec.tables()["applications"]
    for row in t.rows()[t.header_rows :]:
        numbers = [c for c in row if c.is_number]
        assert len(numbers) == 7
        assert numbers[-1].role is CellRole.TOTAL
    assert t.n_rows - t.header_rows == 25


def test_table_4_matches_domain_layout() -> None:
    lines = [ln for ln in _block("## Table 四") if ln.startswith("r")]
    table = _rows_as_text(spec.tables()["review_litigation"])
    assert table[:3] == [_header_cells(ln) for ln in lines[:3]]
    assert lines[3] == "r3: 15 numbers"
    assert [c[0] for c in table[3]] == ["n"] * 15


@pytest.mark.parametrize("key", ["proactive", "applications", "review_litigation"])
def test_cells_tile_the_grid(key: str) -> None:
    spec.tables()[key].check_tiling()  # raises on overlap or holes


def test_labels_use_official_punctuation() -> None:
    for table in spec.tables().values():
        for label in table.labels():
            assert " " not in label, label
            assert not re.search(r"[(),:\"]", label), label  # full-width only
            assert not re.search(r"\d、", label), label  # 1. not 1、


def test_section_headings_are_verbatim() -> None:
    block = DOMAIN.split("## The six sections (headings verbatim)", 1)[1].split("```", 2)[1]
    expected = [ln for ln in block.strip().splitlines()]
    actual = [
        spec.headings.section_heading(i, title) for i, (_, title) in enumerate(spec.SECTIONS, 1)
    ]
    assert actual == expected


def test_label_for_names_the_official_chain() -> None:
    assert (
        spec.label_for("applications.results.other_handling.fee_unpaid.total")
        == "三、本年度办理结果/（六）其他处理/"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请/总计"
    )
    assert spec.label_for("review_litigation.litigation_direct.pending") == (
        "行政诉讼/未经复议直接起诉/尚未审结"
    )
