"""docs/word-templates.md lists exactly the template variables and required styles there are.

The page's ```python blocks run with the other docs examples
(tests/plugins/test_hooks_documented.py::test_docs_examples_run).
"""

from __future__ import annotations

import re
from pathlib import Path

from govreport.outputs.docx.settings import REQUIRED_STYLES
from govreport.outputs.docx.shell import INDENT_VARIABLES, VARIABLES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "word-templates.md"


def table_after(marker: str) -> dict[str, str]:
    """The first-column `name` → second column of the table following ``marker``."""
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(marker)
    rows: dict[str, str] = {}
    for line in text[start:].splitlines()[1:]:
        if not line.strip():
            if rows:
                break
            continue
        match = re.match(r"^\| `(\w+)` \| (.*) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def test_variables_table_matches_the_shell() -> None:
    rows = table_after("<!-- variables-table")
    assert list(rows) == [*VARIABLES, *INDENT_VARIABLES]
    for name, meaning in VARIABLES.items():
        assert rows[name] == meaning, name


def test_styles_table_matches_the_required_styles() -> None:
    assert table_after("<!-- styles-table") == dict(REQUIRED_STYLES)
