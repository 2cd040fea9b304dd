"""The plugin's own data block: what a data file holds under ``extensions.suggestions``."""

from __future__ import annotations

import attrs
from govreport.plugins.contributions import Extension

NAME = "suggestions"
TITLE = "人大代表建议和政协提案办理结果公开情况"


def _count(label: str) -> int:
    # The loader reads the type hint (a count: whole number, blank means 0);
    # "label" is how messages and the data-file reference name the field.
    return attrs.field(default=0, metadata={"label": label})


@attrs.frozen(kw_only=True)
class Suggestions:
    """Numbers of 建议 and 提案 the agency handled this year, and of results it published."""

    deputy_suggestions_handled: int = _count("办理人大代表建议件数")
    deputy_suggestions_published: int = _count("公开人大代表建议办理结果件数")
    cppcc_proposals_handled: int = _count("办理政协提案件数")
    cppcc_proposals_published: int = _count("公开政协提案办理结果件数")
    #: More text for the subsection; placeholders such as
    #: ``{{ extensions.suggestions.deputy_suggestions_handled }}`` work here.
    note: str = attrs.field(default="", metadata={"label": "补充说明"})


#: (handled, published) field pairs that rule SUG1 compares.
PAIRS = (
    ("deputy_suggestions_handled", "deputy_suggestions_published"),
    ("cppcc_proposals_handled", "cppcc_proposals_published"),
)

EXTENSION = Extension(NAME, Suggestions, TITLE)


def of(report: object) -> Suggestions | None:
    """The report's block, or None when its data file has none."""
    block = getattr(report, "extensions", {}).get(NAME)
    return block if isinstance(block, Suggestions) else None
