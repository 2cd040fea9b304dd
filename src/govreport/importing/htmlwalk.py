"""Reading a part of a page in document order: paragraphs and tables.

Block elements (``p``, ``div``, ``h1``–``h6``, ``li``, ``tr``, ``td`` …) and
``<br>`` end a paragraph; inline elements (``span``, ``font``, ``a``, Word's
``<o:p>``) never split one, so digits Word spread over several ``<span>`` stay
one number.  A data table becomes a :class:`Grid`: each cell's text is its
paragraphs joined by "\\n" (a header printed one character per ``<p>`` reads
"自\\n然\\n人").  A table nested inside a data table's cell is read on its
own, right after the outer table, with a note; a table that frames content
(:func:`~govreport.importing.htmltable.is_layout`) is read through as
paragraphs, so a portal that wraps the whole article in one cell hides
nothing.

The walk keeps its own stack instead of recursing per element, so the depth
of a page (libxml2 allows 256 levels) never comes near Python's recursion
limit; it recurses only per nested table.
"""

from __future__ import annotations

from collections.abc import Callable

from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Cell, Grid, Para
from govreport.importing.htmlcharset import READER_NOTE
from govreport.importing.htmldom import BLOCK_TAGS, Element, Size, is_hidden, tag_of
from govreport.importing.htmltable import Layout, Slot, is_layout, lay_out
from govreport.importing.htmltext import clean


class _Flow:
    """The paragraph being read, until a block boundary ends it."""

    def __init__(self, emit: Callable[[str], None]) -> None:
        self._emit = emit
        self._pieces: list[str] = []

    def add(self, text: str | None, preformatted: int = 0) -> None:
        """Add text; in preformatted text (``<pre>``) a line break ends the paragraph."""
        if not text:
            return
        if not preformatted:
            self._pieces.append(text)
            return
        first, *others = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._pieces.append(first)
        for line in others:
            self.end()
            self._pieces.append(line)

    def end(self) -> None:
        if self._pieces:
            text = clean("".join(self._pieces))
            self._pieces.clear()
            if text:
                self._emit(text)


class Walker:
    """Reads elements into :attr:`blocks`: paragraphs "第N段", tables "表格N"."""

    def __init__(self, sizes: dict[Element, Size]) -> None:
        self.blocks: list[Block] = []
        self.notes: list[Finding] = []
        self._sizes = sizes
        self._paragraphs = 0
        self._tables = 0

    def read(self, root: Element) -> None:
        """Read ``root`` and everything in it (not its tail)."""
        flow = _Flow(self._paragraph)
        if tag_of(root) == "table":
            self._table(root, flow)
        else:
            self._run(root, flow, None)
        flow.end()

    def _paragraph(self, text: str) -> None:
        self._paragraphs += 1
        self.blocks.append(Para(text, f"第{self._paragraphs}段"))

    def _run(self, root: Element, flow: _Flow, nested: list[Element] | None) -> None:
        """Read ``root``'s content into ``flow``, hidden elements left out.

        Inside a data table's cell (``nested`` is a list) a nested table is
        not read but put on that list, to be read after the outer table.
        """
        # (element, is it a block, leaving it); libxml2 gives HTML tags in lower case.
        stack: list[tuple[Element, bool, bool]] = [(root, True, False)]
        preformatted = 0  # inside <pre>, each line of the source is a line of the page
        while stack:
            element, block, leaving = stack.pop()
            if leaving:
                if block:
                    flow.end()
                if element.tag == "pre":
                    preformatted -= 1
                if element is not root:
                    flow.add(element.tail, preformatted)
                continue
            if element is not root and self._handled_alone(element, flow, nested):
                flow.add(element.tail, preformatted)
                continue
            if block:
                flow.end()
            if element.tag == "pre":
                preformatted += 1
            flow.add(element.text, preformatted)
            stack.append((element, block, True))
            stack.extend((child, child.tag in BLOCK_TAGS, False) for child in reversed(element))

    def _handled_alone(self, element: Element, flow: _Flow, nested: list[Element] | None) -> bool:
        """Read an element that is no container of the flow; False for one that is."""
        tag = element.tag
        if not isinstance(tag, str) or is_hidden(element):
            return True
        if tag == "br":
            flow.end()
            return True
        if tag == "table":
            flow.end()
            if nested is None:
                self._table(element, flow)
            else:
                nested.append(element)
            return True
        return False

    def _table(self, table: Element, flow: _Flow) -> None:
        layout = lay_out(table)
        size = self._sizes.get(table, Size(0, 0, 0, 0))
        if is_layout(layout, size, self._sizes):
            self._run(table, flow, None)
            flow.end()
            return
        for element in layout.around:  # a browser shows them before the table
            self._run(element, flow, None)
            flow.end()
        self._tables += 1
        where = f"表格{self._tables}"
        nested: list[tuple[int, Element]] = []
        cells = tuple(self._cell(slot, nested) for slot in layout.slots)
        self.notes.extend(self._problems(layout, where))
        self.blocks.append(Grid(cells, layout.n_rows, layout.n_cols, where))
        for row, inner in nested:
            self.notes.append(
                Finding(
                    READER_NOTE,
                    Severity.INFO,
                    f"{where}第{row + 1}行的单元格中嵌套了表格，已在{where}之后单独读出"
                    f" (a table nested in a cell is read after the outer table)",
                    "",
                    f"{where}第{row + 1}行",
                )
            )
            self._table(inner, flow)
            flow.end()

    def _cell(self, slot: Slot, nested: list[tuple[int, Element]]) -> Cell:
        texts: list[str] = []
        inner: list[Element] = []
        flow = _Flow(texts.append)
        self._run(slot.element, flow, inner)
        flow.end()
        nested.extend((slot.row, table) for table in inner)
        return Cell("\n".join(texts), slot.row, slot.col, slot.rowspan, slot.colspan)

    @staticmethod
    def _problems(layout: Layout, where: str) -> list[Finding]:
        return [
            Finding(
                READER_NOTE,
                Severity.WARNING,
                f"{where}第{problem.row + 1}行：{problem.message}",
                "",
                f"{where}第{problem.row + 1}行",
            )
            for problem in layout.problems
        ]
