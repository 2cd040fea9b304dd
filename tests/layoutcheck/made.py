"""Small GB/T 9704 PDFs typeset by Typst in the test, each with one setting changed.

The source is this test's own (not govreport's template): a page of 3号
FandolFang on an exact line grid, "— N —" page numbers in 4号 on the outer
side, and optionally a table.  Changing one argument breaks one rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

_SOURCE = r"""
#let s = json(bytes(sys.inputs.settings))
#let pitch = s.pitch * 1pt
#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer-descent: 7mm,
  footer: context {
    let n = counter(page).get().first()
    let number = text(font: "Noto Serif CJK SC", size: 14pt, tracking: 0pt,
      top-edge: 0.38em, bottom-edge: -0.2em, "— " + str(n) + " —")
    if s.numbers == "centre" { align(center, number) }
    else if calc.odd(n) { align(right, pad(right: 14pt, number)) }
    else { align(left, pad(left: 14pt, number)) }
  },
)
#set text(font: s.font, size: 16pt, lang: "zh", region: "cn", tracking: s.tracking * 1pt,
  cjk-latin-spacing: none, top-edge: 0.38em + pitch / 2, bottom-edge: 0.38em - pitch / 2)
#set par(leading: 0pt, spacing: 0pt, justify: true,
  first-line-indent: (amount: 2 * (16pt + s.tracking * 1pt), all: true))
#set block(spacing: 0pt)
#for p in s.paragraphs { par(p) }
#if s.table {
  set text(font: "Noto Serif CJK SC", size: 10.5pt, top-edge: "ascender",
    bottom-edge: "descender", tracking: 0pt)
  set par(first-line-indent: 0pt, justify: false, leading: 0.3em)
  table(
    columns: (1fr, 1fr, 4em),
    stroke: 0.5pt,
    table.header([项目], [说明], [数量]),
    ..for i in range(s.rows) {
      ([第 #(i + 1) 行], [#s.cell], align(horizon, [#(i + 1)]))
    },
  )
}
"""

#: Each paragraph is long enough to run over several pages' breaks.
_PARAGRAPH = (
    "本机关坚持以公开为常态、不公开为例外，围绕政策文件、重点领域和群众关切，"
    "持续加强政府信息主动公开工作，规范依申请公开办理流程，完善政府信息管理制度。"
) * 12


def typeset(
    folder: Path,
    name: str,
    *,
    pitch: float = 28.95,
    tracking: float = -0.25,
    numbers: str = "outer",
    font: str | list[str] = "FandolFang R",
    paragraphs: int = 4,
    table: bool = False,
    rows: int = 0,
    cell: str = "",
    tail: str = "",
) -> Path:
    """A PDF of ``paragraphs`` long paragraphs (and a table), with the settings given."""
    typst = pytest.importorskip("typst", reason="the typst package is not installed")
    settings = {
        "pitch": pitch,
        "tracking": tracking,
        "numbers": numbers,
        "font": font,
        "paragraphs": [_PARAGRAPH + tail] * paragraphs,
        "table": table,
        "rows": rows,
        "cell": cell,
    }
    source = folder / f"{name}.typ"
    source.write_text(_SOURCE, encoding="utf-8")
    target = folder / f"{name}.pdf"
    target.write_bytes(
        typst.compile(
            str(source), sys_inputs={"settings": json.dumps(settings, ensure_ascii=False)}
        )
    )
    return target
