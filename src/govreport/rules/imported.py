"""What an import had to guess, reported again on every later check.

``govreport import`` keeps its notes in the data file (``source.notes``), so a
reader who validates, renders or audits the file a month later still learns
that, say, （六）其他处理 was printed as one row and where its numbers went.
"""

from __future__ import annotations

from collections.abc import Iterator

from govreport.rules.base import Finding, Rule, RuleContext, Severity

CODE = "IMPORT"


def check_import_notes(ctx: RuleContext) -> Iterator[Finding]:
    source = ctx.report.source
    if source is None:
        return
    origin = source.file or source.format
    for note in source.notes:
        yield Finding(
            note.code or CODE,
            Severity(note.severity),
            f"{note.message}（导入 {origin} 时记录 (noted on import)）",
            note.path,
            note.location,
        )


RULES = (Rule(CODE, "导入时的推断与无法读取之处", check_import_notes),)
