"""The subsection of 六: built from the data block into format-neutral blocks.

Every output format (text, Word, HTML, and any a third party adds) walks the
same Document, so the subsection appears in all of them without their help.
"""

from __future__ import annotations

from govreport.document import (
    Block,
    BuildContext,
    Heading,
    Paragraph,
    Placement,
    Section,
    SectionProvider,
)

from govreport_suggestions.data import NAME, TITLE, Suggestions, of


def summary(data: Suggestions, year: int) -> str:
    """One sentence in the customary wording of the reports that carry this part."""
    text = (
        f"{year}年，本机关共办理人大代表建议{data.deputy_suggestions_handled}件、"
        f"政协提案{data.cppcc_proposals_handled}件，"
        f"公开人大代表建议办理结果{data.deputy_suggestions_published}件、"
        f"政协提案办理结果{data.cppcc_proposals_published}件。"
    )
    handled = data.deputy_suggestions_handled + data.cppcc_proposals_handled
    published = data.deputy_suggestions_published + data.cppcc_proposals_published
    if handled and published == handled:
        text += "办理结果已全部公开。"
    return text


def build(ctx: BuildContext) -> Section | None:
    data = of(ctx.report)
    if data is None:
        return None  # a report without the block keeps 六 as it was
    blocks: tuple[Block, ...] = (
        Heading(TITLE, level=2),
        Paragraph(summary(data, ctx.report.year)),
        *ctx.paragraphs(data.note),
    )
    # With EXTEND only the blocks count: they are appended to 六, and the
    # level-2 heading is numbered （一）、（二）… with the others there.
    return Section(NAME, TITLE, blocks)


PROVIDER = SectionProvider(NAME, build, Placement.extend("other"))
