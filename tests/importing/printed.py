"""What a reader of our own outputs must give back: the document as printed, in order."""

from __future__ import annotations

from govreport.document.blocks import Document, Heading, Paragraph, Table


def expected(document: Document) -> list[str | Table]:
    """Each paragraph's text (title lines, headings, signature too) or a table, in order."""
    out: list[str | Table] = list(document.title_lines)
    for block in document.preamble:
        out.append(block if isinstance(block, Table) else block.text)
    for section in document.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Table):
                out.append(block)
            elif isinstance(block, Heading | Paragraph):
                out.append(block.text)
    if document.signature is not None:
        out += [document.signature.signer, document.signature.date]
    return [item for item in out if not isinstance(item, str) or item.strip()]
