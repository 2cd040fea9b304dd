"""What a reader finds in a published report: paragraphs and tables, as printed.

Every reader (HTML page, Word file, PDF, our own text output) turns its input
into one :class:`Source`; one mapper (:mod:`govreport.importing.mapper`) turns
any Source into a data file's mapping.  So a reader knows its markup and
nothing of the format, and the mapper knows the format and nothing of markup.

Text is kept as printed, except for what no reader can keep: markup is gone,
runs of white space inside a line become one space (a no-break space counts as
white space), and lines a reader knows to be one paragraph are joined.
"""

from __future__ import annotations

import attrs

from govreport.findings import Finding


@attrs.frozen
class Para:
    """One paragraph of running text (a heading is a paragraph too)."""

    text: str
    #: Where it was found, for findings: "第3页", "第12段"; may be empty.
    where: str = ""


@attrs.frozen
class Cell:
    """One printed cell of a table, at its top-left grid position."""

    text: str  # the cell's paragraphs joined by "\n"
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class Grid:
    """One table as printed: the cells with their real geometry (merged cells once)."""

    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    where: str = ""

    def text_at(self, row: int, col: int) -> str:
        """The text covering grid position (row, col), merged cells included; "" if none."""
        for cell in self.cells:
            if (
                cell.row <= row < cell.row + cell.rowspan
                and cell.col <= col < cell.col + cell.colspan
            ):
                return cell.text
        return ""


Block = Para | Grid


@attrs.frozen
class Source:
    """A published report as a reader found it."""

    #: "html", "docx", "pdf" or "txt".
    kind: str
    blocks: tuple[Block, ...]
    #: The document's own title where it has one (<title>, PDF metadata); a hint only.
    title: str = ""
    #: What the reader itself had to guess or could not read (encoding, a
    #: scanned page without text, a table it could not rebuild).
    notes: tuple[Finding, ...] = ()
    #: The date the file says it was published where the report itself does
    #: not print one (a portal page's ``<meta name="PubDate">``), as printed
    #: there; a hint only, used with a note.
    published: str = ""
