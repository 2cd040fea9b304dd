"""Looking inside a .docx in tests: its main part as XML, and the texts a reader sees.

Only the standard library is used, so plugin authors need nothing more.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from typing import Final

from govreport.outputs.docx.xml import W_NS

#: WordprocessingML's main namespace; use it in your own ``find`` queries.
W: Final = W_NS
NS: Final = {"w": W}


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))


class DocxXml:
    """``word/document.xml`` of a .docx, parsed, with small queries.

    >>> doc = DocxXml(docx_bytes)                      # doctest: +SKIP
    >>> "（一）人大代表建议" in doc.paragraph_texts()  # doctest: +SKIP
    """

    def __init__(self, data: bytes, part: str = "word/document.xml") -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.names: tuple[str, ...] = tuple(package.namelist())
            self.xml: bytes = package.read(part)
        self.root: ET.Element = ET.fromstring(self.xml)

    def findall(self, query: str) -> list[ET.Element]:
        """ElementTree ``findall`` with the ``w:`` prefix bound, e.g. ``.//w:tbl``."""
        return self.root.findall(query, NS)

    def paragraph_texts(self, *, in_tables: bool = False) -> list[str]:
        """The text of every top-level paragraph (table cells too with ``in_tables``).

        In ``word/document.xml`` that is the body; in a header or footer part, its root.
        """
        body = self.root.find("w:body", NS)
        container = self.root if body is None else body
        paragraphs = container.iter(f"{{{W}}}p") if in_tables else container.findall("w:p", NS)
        return [_text(p) for p in paragraphs]

    def tables(self) -> list[list[list[str]]]:
        """Every table as rows of cell texts (a merged cell appears once, where it starts)."""
        out = []
        for table in self.findall(".//w:tbl"):
            rows = []
            for row in table.findall("w:tr", NS):
                cells = [
                    _text(cell) for cell in row.findall("w:tc", NS) if not _continues_merge(cell)
                ]
                rows.append(cells)
            out.append(rows)
        return out

    def cell_texts(self) -> list[str]:
        """All table cell texts, in document order, merged cells once."""
        return [cell for table in self.tables() for row in table for cell in row]

    def text(self) -> str:
        """Everything a reader sees in the body, one paragraph a line."""
        return "\n".join(self.paragraph_texts(in_tables=True))


def _continues_merge(cell: ET.Element) -> bool:
    """A cell under a vertical merge's start (``w:vMerge`` without ``restart``)."""
    merge = cell.find("w:tcPr/w:vMerge", NS)
    return merge is not None and merge.get(f"{{{W}}}val", "continue") == "continue"


def docx_xml(data: bytes) -> DocxXml:
    """Shorthand for :class:`DocxXml`."""
    return DocxXml(data)
