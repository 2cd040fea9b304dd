"""The text sheets (一、五、六): blocks of paragraphs found by their name in column A.

A block starts at the row whose column A holds its marker (the last official
label of its field) and runs to the next marker; column B holds one paragraph,
list item or sub-heading per row.  Rows may be added and removed freely inside
a block, so a civil servant writes as many paragraphs as the report needs.  A
marker missing, repeated, or unknown would put paragraphs under the wrong
heading without a word: each is a layout problem, said with its cell.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils.cell import column_index_from_string

from govreport.spec.wording import clip
from govreport.workbook.layout import LAYOUT, MARKER_COLUMN, TEXT_COLUMN, TextBlock, TextKind
from govreport.workbook.readcells import SheetCells
from govreport.workbook.readvalues import address, as_text, norm, put

_MARKER = column_index_from_string(MARKER_COLUMN)
_TEXT = column_index_from_string(TEXT_COLUMN)


class _Walk:
    """One pass down a text sheet, collecting each block's rows and their cells."""

    def __init__(self, name: str, places: dict[str, str]) -> None:
        self.name = name
        self.places = places
        self.blocks = {b.marker: b for b in LAYOUT.texts if b.sheet == name}
        self.found: dict[str, int] = {}
        self.current: TextBlock | None = None
        self.lines: dict[str, list[str]] = {b.path: [] for b in self.blocks.values()}
        self.parts: dict[str, list[tuple[str, list[str]]]] = {}
        self.problems: list[str] = []

    def marker_row(self, row: int, marker: str, text: str) -> None:
        block = self.blocks.get(marker)
        here = address(self.name, row, _MARKER)
        if block is None:
            self.problems.append(
                f"{here} 的“{clip(marker)}”不是本表的栏目名称"
                f"（{MARKER_COLUMN} 列只能是：{'、'.join(self.blocks)}） (unknown block)"
            )
            self.current = None
            return
        if block.marker in self.found and block.kind is not TextKind.PARTS:
            first = address(self.name, self.found[block.marker], _MARKER)
            self.problems.append(
                f"栏目“{block.marker}”出现了两次（{first} 和 {here}） (block twice)"
            )
        self.found.setdefault(block.marker, row)
        self.current = block
        if block.kind is TextKind.PARTS:
            parts = self.parts.setdefault(block.path, [])
            cell = address(self.name, row, _TEXT)
            for suffix in ("", ".heading", ".text"):
                self.places[f"{block.path}[{len(parts)}]{suffix}"] = cell
            parts.append((text.strip(), []))
            return
        self.places.setdefault(block.path, here)
        if text.strip():
            self.text_row(row, text)

    def text_row(self, row: int, text: str) -> None:
        block = self.current
        if block is None:
            self.problems.append(
                f"{address(self.name, row, _TEXT)} 的文字不属于任何栏目（它上方的 "
                f"{MARKER_COLUMN} 列没有栏目名称） (text outside any block)"
            )
        elif block.kind is TextKind.PARTS:
            self.parts[block.path][-1][1].append(text)
        else:
            lines = self.lines[block.path]
            if block.kind is TextKind.ITEMS:
                self.places[f"{block.path}[{len(lines)}]"] = address(self.name, row, _TEXT)
            lines.append(text)

    def into(self, data: dict[str, Any]) -> None:
        """Each block's text into ``data`` as a data file holds it; empty blocks left out."""
        for block in self.blocks.values():
            if block.kind is TextKind.PARTS:
                got = [
                    {"heading": heading, "text": "\n".join(lines)}
                    for heading, lines in self.parts.get(block.path, [])
                    if heading or lines
                ]
                if got:
                    put(data, block.path, got)
            elif self.lines[block.path]:
                lines = self.lines[block.path]
                put(data, block.path, lines if block.kind is TextKind.ITEMS else "\n".join(lines))


def read_text_sheet(
    name: str, sheet: SheetCells, first_row: int, data: dict[str, Any], places: dict[str, str]
) -> list[str]:
    """Put the text sheet ``name``'s blocks into ``data``; its layout problems."""
    walk = _Walk(name, places)
    for row in sorted({r for r, _ in sheet.values if r >= first_row}):
        marker = norm(sheet.value(row, _MARKER))
        raw = sheet.value(row, _TEXT)
        text = str(as_text(raw)) if raw is not None else ""
        if marker:
            walk.marker_row(row, marker, text)
        elif text.strip():
            walk.text_row(row, text)
    missing = [m for m in walk.blocks if m not in walk.found]
    if missing:
        walk.problems.append(
            f"工作表“{name}”的 {MARKER_COLUMN} 列缺少栏目{'、'.join(f'“{m}”' for m in missing)}"
            "（栏目名称被删除或改动了） (block missing)"
        )
    walk.into(data)
    return walk.problems
