"""Word output speed: plain docxtpl vs the govreport docx plugin vs the zip floor.

    python benchmarks/bench_docx.py [--seconds 3]

All three produce the same full report (平潭 2024 sample) in one run, side by side:

- plain docxtpl: a template made here with python-docx the way docxtpl is
  normally used (every paragraph and every table cell one Jinja tag), then
  ``DocxTemplate(...).render(context)`` and ``save`` per report;
- govreport: ``Engine.render(report, "docx", allow_errors=True)`` (document
  assembly included), and the default ``Engine.render`` that validates first;
- floor: zipping our output's parts with :mod:`zipfile`, no rendering at all.
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
from collections.abc import Callable

from govreport import Engine
from govreport.document.blocks import Heading, Paragraph, Table
from govreport.testing import sample_report


def rate(fn: Callable[[], object], seconds: float) -> float:
    fn()  # warm up (template compile, imports)
    n, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        fn()
        n += 1
    return n / elapsed


def docxtpl_template(engine: Engine) -> tuple[bytes, dict[str, object]]:
    """A conventional docxtpl template of the report and its context."""
    import docx

    doc = engine.document(sample_report())
    d = docx.Document()
    context: dict[str, object] = {}
    for i, line in enumerate(doc.title_lines):
        d.add_paragraph(f"{{{{ title_{i} }}}}")
        context[f"title_{i}"] = line
    n = 0
    blocks = list(doc.preamble)
    for section in doc.sections:
        blocks.append(Heading(section.heading, level=1))
        blocks.extend(section.blocks)
    for t, block in enumerate(blocks):
        if isinstance(block, (Paragraph, Heading)):
            d.add_paragraph(f"{{{{ p_{n} }}}}")
            context[f"p_{n}"] = block.text
            n += 1
        elif isinstance(block, Table):
            table = d.add_table(rows=block.n_rows, cols=block.n_cols)
            for cell in block.cells:
                target = table.cell(cell.row, cell.col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(
                        table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
                    )
                key = f"t{t}_{cell.row}_{cell.col}"
                target.text = f"{{{{ {key} }}}}"
                context[key] = cell.text
    if doc.signature:
        d.add_paragraph("{{ signer }}")
        d.add_paragraph("{{ date }}")
        context.update(signer=doc.signature.signer, date=doc.signature.date)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue(), context


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    from docxtpl import DocxTemplate

    engine = Engine(autoload=False)
    report = sample_report()
    template_bytes, context = docxtpl_template(engine)

    def plain() -> bytes:
        tpl = DocxTemplate(io.BytesIO(template_bytes))
        tpl.render(context, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
        return out.getvalue()

    def ours() -> bytes:
        return engine.render(report, "docx", allow_errors=True)  # rendering alone

    def checked() -> bytes:
        return engine.render(report, "docx")  # the default: validate, then render

    fmt = engine.output("docx")
    document = engine.document(report)
    from govreport.outputs.base import RenderRequest

    request = RenderRequest(report)

    def plugin_only() -> bytes:
        return fmt.render(document, request)

    output = ours()
    with zipfile.ZipFile(io.BytesIO(output)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]

    def floor() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(
                    zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
                )
        return out.getvalue()

    r_plain = rate(plain, args.seconds)
    r_ours = rate(ours, args.seconds)
    r_checked = rate(checked, args.seconds)
    r_plugin = rate(plugin_only, args.seconds)
    r_floor = rate(floor, args.seconds)
    print(f"output: {len(output)} bytes; docxtpl output: {len(plain())} bytes")
    print(f"plain docxtpl            {r_plain:9.1f} docs/s")
    print(f"govreport engine.render  {r_ours:9.1f} docs/s  ({r_ours / r_plain:.1f}x docxtpl)")
    alone = r_checked / r_ours
    print(f"  validated first (default) {r_checked:6.1f} docs/s  ({alone:.2f}x render alone)")
    print(f"govreport plugin only    {r_plugin:9.1f} docs/s  ({r_plugin / r_plain:.1f}x docxtpl)")
    print(f"zip floor (no rendering) {r_floor:9.1f} docs/s")
    print(f"engine.render is {r_floor / r_ours:.2f}x the floor's time per doc (target <= 2.5)")


if __name__ == "__main__":
    main()
