"""The format-neutral document: what every output plugin walks.

Section providers build it from the model; output plugins turn it into bytes.
It knows nothing of DOCX, HTML or Jinja.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from govreport.spec.grid import CellRole, rows_of


@attrs.frozen
class Heading:
    """A heading inside a section.  ``level`` 2 is （一）, 3 is 1., 4 is （1）.

    ``number`` is filled in when the document is assembled, so providers never
    count; an unnumbered heading keeps ``numbered=False``.
    """

    title: str
    level: int = 2
    numbered: bool = True
    number: str = ""

    @property
    def text(self) -> str:
        return f"{self.number}{self.title}"


class ParagraphRole(enum.Enum):
    BODY = "body"
    OPENING = "opening"  # the paragraph before 一


@attrs.frozen
class Paragraph:
    text: str
    role: ParagraphRole = ParagraphRole.BODY


@attrs.frozen
class TableCell:
    text: str
    row: int
    col: int
    role: CellRole
    rowspan: int = 1
    colspan: int = 1
    #: The model path of a number; empty for labels.
    path: str = ""

    @property
    def is_number(self) -> bool:
        return self.role in (CellRole.VALUE, CellRole.TOTAL)


@attrs.frozen
class Table:
    key: str
    caption: str
    n_rows: int
    n_cols: int
    header_rows: int
    col_weights: tuple[int, ...]
    cells: tuple[TableCell, ...]

    def rows(self) -> tuple[tuple[TableCell, ...], ...]:
        """Cells grouped by the row they start in, left to right."""
        return rows_of(self.cells, self.n_rows)


Block = Heading | Paragraph | Table


@attrs.frozen
class Section:
    """A top-level part of the report (一、…).  ``title`` has no ordinal."""

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    numbered: bool = True
    number: str = ""

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


@attrs.frozen
class Signature:
    """署名 and 成文日期 (GB/T 9704 7.3.5.2)."""

    signer: str
    date: str  # already written the official way: 2025年1月20日


@attrs.frozen
class Document:
    """The assembled report."""

    title_lines: tuple[str, ...]
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    signature: Signature | None = None
    #: Properties for file metadata (title, author, date), taken from the
    #: report and never from the clock, so output is reproducible.
    title: str = ""
    author: str = ""
    date: str = ""  # ISO date, or ""

    @property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sections)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def blocks(self) -> Iterator[Block]:
        """Every block in reading order (section headings are not blocks)."""
        yield from self.preamble
        for s in self.sections:
            yield from s.blocks

    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks() if isinstance(b, Table))

    def texts(self) -> Iterator[tuple[str, str]]:
        """(where, text) for every piece of text an output prints, in reading order.

        ``where`` is the section heading (or 标题, 署名) for messages.
        """
        for line in self.title_lines:
            yield "标题", line
        parts = [("引言", self.preamble)] + [(s.heading, s.blocks) for s in self.sections]
        for i, (part, blocks) in enumerate(parts):
            if i:  # a section's heading is text too
                yield part, part
            for block in blocks:
                if isinstance(block, Table):
                    yield part, block.caption
                    yield from ((part, cell.text) for cell in block.cells)
                else:
                    yield part, block.text
        if self.signature is not None:
            yield "署名", self.signature.signer
            yield "署名", self.signature.date
