"""The format-neutral document layer: blocks, section providers, assembly."""

from govreport.document.assemble import PlacementError, assemble
from govreport.document.blocks import (
    Block,
    Document,
    Heading,
    Paragraph,
    ParagraphRole,
    Section,
    Signature,
    Table,
    TableCell,
)
from govreport.document.official import OFFICIAL_PROVIDERS, table_block
from govreport.document.providers import (
    BuildContext,
    Numbering,
    Placement,
    SectionProvider,
    Where,
)

__all__ = [
    "OFFICIAL_PROVIDERS",
    "Block",
    "BuildContext",
    "Document",
    "Heading",
    "Numbering",
    "Paragraph",
    "ParagraphRole",
    "Placement",
    "PlacementError",
    "Section",
    "SectionProvider",
    "Signature",
    "Table",
    "TableCell",
    "Where",
    "assemble",
    "table_block",
]
