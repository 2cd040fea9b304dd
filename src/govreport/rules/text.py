"""T1: characters that XML forbids, which would corrupt a .docx (and an HTML page).

T2: DEL and the C1 controls (U+007F–U+009F).  XML allows them and every output
keeps them, but they are invisible, some terminals act on them (U+009B starts
a control sequence), and they come from pasted text: a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govreport.rules.base import Finding, Rule, RuleContext, Severity
from govreport.rules.texts import all_text_fields
from govreport.xmlchars import ILLEGAL_XML_CHARS

_C1_CONTROLS: Final = re.compile("[\x7f-\x9f]")

#: Occurrences spelled out per field; the rest are counted.
_SHOWN = 5


def _found(pattern: re.Pattern[str], text: str) -> str:
    """``U+0000（第3个字符）、…`` for the first few hits, and how many in all; "" if none."""
    hits = list(pattern.finditer(text))
    if not hits:
        return ""
    where = "、".join(f"U+{ord(m.group()):04X}（第{m.start() + 1}个字符）" for m in hits[:_SHOWN])
    return where + (f"等，共{len(hits)}处" if len(hits) > _SHOWN else "")


def check_control_characters(ctx: RuleContext) -> Iterator[Finding]:
    for path, text in all_text_fields(ctx.report):
        where = _found(ILLEGAL_XML_CHARS, text)
        if where:
            yield Finding.at(
                "T1",
                Severity.ERROR,
                path,
                f"含有不可见的控制字符：{where}；这些字符会损坏Word文档，"
                "请删除（常见于从其他软件复制粘贴的文字）。",
            )


def check_c1_controls(ctx: RuleContext) -> Iterator[Finding]:
    for path, text in all_text_fields(ctx.report):
        where = _found(_C1_CONTROLS, text)
        if where:
            yield Finding.at(
                "T2",
                Severity.WARNING,
                path,
                f"含有不可见的控制字符：{where}；各种输出都会原样保留，但读者看不到，"
                "有的终端会把它当作命令，建议删除（常见于复制粘贴的文字）。",
            )


RULES: tuple[Rule, ...] = (
    Rule("T1", "文字中不含非法控制字符", check_control_characters),
    Rule("T2", "文字中不含不可见的C1控制字符", check_c1_controls),
)
