"""Document blocks → the WordprocessingML of the report body.

The body uses only the template's named styles, so an agency that restyles
its template (fonts, sizes, indents) changes the body without code.  Text
from the Document is final literal text: it is escaped here and never
passes through Jinja.
"""

from __future__ import annotations

from govreport.document.blocks import Block, Document, Heading, Paragraph, Table
from govreport.outputs.docx.settings import Style
from govreport.outputs.docx.tables import table_xml
from govreport.outputs.docx.xml import paragraph


def heading_style(level: int) -> str:
    """Level 1 is the section heading (一、); deeper levels beyond 4 look like level 4."""
    return Style.HEADING[min(max(level, 1), len(Style.HEADING)) - 1]


def block_xml(block: Block, where: str = "") -> str:
    if isinstance(block, Paragraph):
        return paragraph(Style.BODY, block.text, where=where)
    if isinstance(block, Heading):
        return paragraph(heading_style(block.level), block.text, where=where)
    if isinstance(block, Table):
        return table_xml(block)
    raise TypeError(f"the docx output cannot draw a {type(block).__name__} block")


def body_xml(document: Document) -> str:
    """Every block of the document in reading order, section headings included."""
    parts = [block_xml(b, "开头段落") for b in document.preamble]
    for section in document.sections:
        where = section.heading or section.title
        parts.append(paragraph(heading_style(1), section.heading, where=where))
        parts.extend(block_xml(b, where) for b in section.blocks)
    return "".join(parts)
