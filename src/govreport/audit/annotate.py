"""Each audited report as an HTML page, its offending cells highlighted.

The page is the engine's own ``html`` output (rendered with ``allow_errors``:
a report with errors is exactly what is shown here).  Its number cells carry
their model path (``data-path``); each cell a finding is about, or that its
evidence names, gets a class, a tooltip and a numbered link to the finding,
and the list of findings, with their formulas and cells, goes at the top of
the page.  Every text from the report or a finding is escaped.  The page's
Content-Security-Policy allows its stylesheet by hash, so the audit's small
stylesheet is added to the policy by its own hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from govreport.audit.result import AuditResult, ReportAudit
from govreport.errors import GovreportError
from govreport.fileio import atomic_write
from govreport.findings import EvidenceCell, Finding, Severity
from govreport.io import LoadResult
from govreport.plugins import Engine, default_engine
from govreport.rules.report import format_finding

CSS: Final = """\
.gr-audit { border: 2px solid #b3261e; border-radius: 4px; margin: 1em auto; \
padding: 0.5em 1.2em; max-width: 60em; background: #fffaf5; }
.gr-audit h2 { font-size: 1.1em; margin: 0.4em 0; }
.gr-audit ol { padding-left: 1.6em; }
.gr-audit li { margin: 0.4em 0; }
.gr-audit .gr-audit-formula { color: #444; font-size: 0.92em; }
.gr-audit .gr-audit-error { color: #b3261e; }
.gr-audit .gr-audit-warning { color: #8a5a00; }
td.gr-audit-bad { background: #fde2e0; outline: 2px solid #b3261e; outline-offset: -2px; }
td.gr-audit-bad.gr-audit-warning { background: #fff3cd; outline-color: #c08a00; }
.gr-audit-ref { font-size: 0.75em; margin-left: 0.2em; }
.gr-audit-printed { display: block; font-size: 0.8em; color: #b3261e; }
"""

_CELL = re.compile(r'(<td\b[^>]*?\sdata-path="([^"]*)"[^>]*>)(.*?)(</td>)', re.S)
_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')


@attrs.frozen
class Annotated:
    """What ``write_annotated`` did: the pages written, the reports it could not render."""

    written: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...]


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _allow_style(policy: str, style: str) -> str:
    """The escaped policy ``policy`` with ``style`` allowed by its hash too."""
    directives = [d.strip() for d in html.unescape(policy).split(";")]
    extra = f" 'sha256-{_hash(style)}'"
    allowed = [d + extra if d.split(" ", 1)[0] == "style-src" else d for d in directives]
    return html.escape("; ".join(allowed))


def _own_cells(finding: Finding) -> list[str]:
    """The cells of this report a finding points at: its own, and its evidence's."""
    paths = [finding.path] if finding.path else []
    cells: Iterable[EvidenceCell] = finding.evidence.cells if finding.evidence else ()
    paths += [c.path for c in cells if not c.report]
    return list(dict.fromkeys(paths))


def _printed(findings: Sequence[Finding]) -> dict[str, str]:
    """What this report printed at each cell the evidence names (a stated 总计 included).

    The html output shows the totals the model computes, so a wrong stated
    总计 would not be seen on the page without this.
    """
    out: dict[str, str] = {}
    for finding in findings:
        for cell in finding.evidence.cells if finding.evidence else ():
            if cell.stated and not cell.report:
                out.setdefault(cell.path, str(cell.value))
    return out


def _cell_text(cell: EvidenceCell) -> str:
    kind = "填报 (stated)" if cell.stated else "计算 (computed)"
    where = f"{cell.report}：" if cell.report else ""
    return f"{where}{cell.location or cell.path} = {cell.value}（{kind}）"


def _item(number: int, finding: Finding) -> str:
    sev = "error" if finding.severity is Severity.ERROR else "warning"
    lines = [
        f'<li id="gr-audit-f{number}" class="gr-audit-{sev}">{html.escape(format_finding(finding))}'
    ]
    ev = finding.evidence
    if ev is not None:
        lines.append(
            f'<div class="gr-audit-formula">{html.escape(ev.formula)}；'
            f"差额 (difference) {html.escape(str(ev.difference))}</div>"
        )
        lines.append("<ul>")
        lines += [f"<li>{html.escape(_cell_text(c))}</li>" for c in ev.cells]
        lines.append("</ul>")
    lines.append("</li>")
    return "\n".join(lines)


def _panel(audit: ReportAudit, findings: Sequence[Finding]) -> str:
    title = f"核查结果 (audit findings)：{audit.file.name}"
    if not findings:
        body = "<p>未发现问题 (no problems found)</p>"
    else:
        items = "\n".join(_item(n, f) for n, f in enumerate(findings, 1))
        body = f"<ol>\n{items}\n</ol>"
    return (
        f'<section class="gr-audit" aria-label="核查结果">\n'
        f"<h2>{html.escape(title)}</h2>\n{body}\n</section>\n"
    )


def annotate_page(page: str, audit: ReportAudit) -> str:
    """``page`` (the html output of the report) with the audit's findings marked in it."""
    findings = [f for f in audit.findings if f.severity is not Severity.INFO]
    marks: dict[str, list[int]] = defaultdict(list)
    worst: dict[str, Severity] = {}
    for number, finding in enumerate(findings, 1):
        for path in _own_cells(finding):
            marks[path].append(number)
            if worst.get(path) is not Severity.ERROR:
                worst[path] = finding.severity
    printed = _printed(findings)

    def mark(m: re.Match[str]) -> str:
        tag, path, content, end = m.group(1), html.unescape(m.group(2)), m.group(3), m.group(4)
        numbers = marks.get(path)
        if not numbers:
            return m.group(0)
        css = "gr-audit-bad" + (" gr-audit-warning" if worst[path] is Severity.WARNING else "")
        tip = html.escape("；".join(findings[n - 1].message for n in numbers))
        if ' class="' in tag:
            tag = tag.replace(' class="', f' class="{css} ', 1)
        else:
            tag = tag[:-1] + f' class="{css}">'
        tag = tag[:-1] + f' title="{tip}">'
        refs = "".join(f'<a href="#gr-audit-f{n}">[{n}]</a>' for n in numbers)
        shown = printed.get(path)
        if shown is not None and shown != html.unescape(content).strip():
            # The page shows the model's total; the report printed another.
            content += f'<span class="gr-audit-printed">（填报为{html.escape(shown)}）</span>'
        return f'{tag}{content}<sup class="gr-audit-ref">{refs}</sup>{end}'

    page = _CELL.sub(mark, page)
    page = _POLICY.sub(
        lambda m: f"{m.group(1)}{_allow_style(m.group(2), CSS)}{m.group(3)}", page, count=1
    )
    page = page.replace("</head>", f"<style>{CSS}</style>\n</head>", 1)
    panel = _panel(audit, findings)
    if "<body>" in page:
        return page.replace("<body>\n", f"<body>\n{panel}", 1)
    return panel + page


def _names(audits: Sequence[ReportAudit]) -> dict[Path, str]:
    """A distinct page name per report: its file's stem, numbered when two share one."""
    used: set[str] = set()
    out: dict[Path, str] = {}
    for audit in audits:
        stem = audit.file.stem or "report"
        name, n = f"{stem}.html", 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}.html"
        used.add(name.lower())
        out[audit.file] = name
    return out


def write_annotated(
    result: AuditResult, directory: str | Path, *, engine: Engine | None = None
) -> Annotated:
    """Write every readable report of ``result`` as an annotated page into ``directory``.

    Each report is read again (the audit keeps findings, not reports, so that
    it holds no more than one report at a time).
    """
    eng = engine or default_engine()
    folder = Path(directory)
    readable = [a for a in result.reports if not a.unreadable]
    names = _names(readable)
    written: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for audit in readable:
        try:
            loaded: LoadResult = eng.load_report(audit.file)
            page = eng.render(loaded.report, "html", allow_errors=True).decode("utf-8")
        except GovreportError as exc:
            skipped.append((audit.file, str(exc)))
            continue
        target = folder / names[audit.file]
        written.append(atomic_write(target, annotate_page(page, audit).encode("utf-8")))
    return Annotated(tuple(written), tuple(skipped))
