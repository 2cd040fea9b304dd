"""T1: characters that XML forbids, which would corrupt a .docx (and an HTML page)."""

from __future__ import annotations

from collections.abc import Iterator

from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.texts import all_text_fields
from govreport.xmlchars import ILLEGAL_XML_CHARS

#: Occurrences spelled out per field; the rest are counted.
_SHOWN = 5


def check_control_characters(ctx: RuleContext) -> Iterator[Finding]:
    for path, text in all_text_fields(ctx.report):
        hits = list(ILLEGAL_XML_CHARS.finditer(text))
        if not hits:
            continue
        where = "、".join(
            f"U+{ord(m.group()):04X}（第{m.start() + 1}个字符）" for m in hits[:_SHOWN]
        )
        more = f"等，共{len(hits)}处" if len(hits) > _SHOWN else ""
        yield Finding.at(
            "T1",
            Severity.ERROR,
            path,
            f"含有不可见的控制字符：{where}{more}；这些字符会损坏Word文档，"
            "请删除（常见于从其他软件复制粘贴的文字）。",
        )


RULES: tuple[Rule, ...] = (Rule("T1", "文字中不含非法控制字符", check_control_characters),)
