"""The form's report as a file: every installed format through the engine, yaml, xlsx.

A report with errors is refused as final (:class:`RefusedAsFinal`, with the
findings), as ``govreport render`` refuses without ``--force``.  Asked for as a
draft, it is given marked as one:

- the documents (docx, pdf, html, txt, a plugin's format) are rendered by a
  second engine with the same plugins (:class:`DraftEngine`), whose document
  has one more paragraph, first, before the opening paragraph:
  “草稿：尚有 N 处错误，不能作为正式报告发布 (draft)” (the count comes from
  the request, through a context variable).  Every format prints it as it
  prints the opening, so no format needs to know about drafts; the agency's
  own text is built by the same providers as ever and is not changed;
- the YAML data file is what was typed, after a comment line saying the same;
- the workbook is the report as read (its checks show the errors themselves);
- the file name ends in ``-草稿``.

A docx (and docx-pdf) is rendered with the agency's template when one was
uploaded and kept (:mod:`govreport.serve.uploads`).
"""

from __future__ import annotations

import contextvars
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import attrs

from govreport.document.blocks import Document, Paragraph, ParagraphRole
from govreport.findings import Finding
from govreport.io import dump_report
from govreport.io.formats import serialise
from govreport.model import AnnualReport
from govreport.plugins import Engine
from govreport.serve.api import Checked, check_fields
from govreport.serve.formdata import to_data

__all__ = [
    "DATA_FORMATS",
    "DRAFT_SUFFIX",
    "Download",
    "DraftEngine",
    "RefusedAsFinal",
    "content_disposition",
    "download_formats",
    "draft_engine",
    "make_download",
]

DRAFT_SUFFIX: Final = "-草稿"
#: Formats that are the data itself rather than a rendered document.
DATA_FORMATS: Final = {
    "yaml": ("application/yaml; charset=utf-8", ".yaml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}
#: Formats whose ``template`` option is a Word template (an agency's .docx).
WORD_TEMPLATE_FORMATS: Final = frozenset({"docx", "docx-pdf"})
_DRAFT_ERRORS: contextvars.ContextVar[int] = contextvars.ContextVar("draft_errors", default=0)


def draft_line(errors: int) -> str:
    return f"草稿：尚有 {errors} 处错误，不能作为正式报告发布 (draft)"


class RefusedAsFinal(Exception):
    """The report has errors: only a draft can be given."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        super().__init__(len(findings))
        self.findings = findings


@attrs.frozen
class Download:
    filename: str
    media_type: str
    data: bytes


class DraftEngine(Engine):
    """The engine of draft files: the same plugins; its document opens with the mark.

    The paragraph goes first in the document's preamble, before the opening
    paragraph and 一、; every section is built by the same providers as ever.
    """

    def document(
        self, report: AnnualReport, *, previous: AnnualReport | None = None, signature: bool = True
    ) -> Document:
        document = super().document(report, previous=previous, signature=signature)
        errors = _DRAFT_ERRORS.get()
        if errors <= 0:
            return document
        mark = Paragraph(draft_line(errors), ParagraphRole.OPENING)
        return attrs.evolve(document, preamble=(mark, *document.preamble))


def draft_engine(base: Engine) -> Engine:
    """An engine with ``base``'s plugins whose documents carry the draft mark."""
    infos = base.plugin_infos()
    direct = [base.pm.get_plugin(i.name) for i in infos if i.source == "direct"]
    entry_points = any(i.source == "entry point" for i in infos)
    return DraftEngine([p for p in direct if p is not None], autoload=entry_points)


def download_formats(engine: Engine) -> dict[str, str]:
    """Format name → file extension, for every format the page may offer."""
    out = {name: fmt.extension for name, fmt in engine.outputs.items()}
    for name, (_, ext) in DATA_FORMATS.items():
        out.setdefault(name, ext)
    return out


def make_download(
    engine: Engine,
    marked: Engine,
    format_name: str,
    fields: Mapping[str, str],
    *,
    draft: bool,
    template: Path | None = None,
) -> Download:
    """The file of ``format_name`` for the form's ``fields``.

    :class:`RefusedAsFinal` when the report has errors and ``draft`` is false;
    :class:`govreport.UnknownFormatError` for a format not installed.
    """
    checked = check_fields(engine, fields)
    if checked.errors and not draft:
        raise RefusedAsFinal(checked.findings)
    is_draft = checked.errors > 0
    stem = file_stem(checked) + (DRAFT_SUFFIX if is_draft else "")
    if format_name == "yaml":
        return Download(
            f"{stem}.yaml", DATA_FORMATS["yaml"][0], _yaml(engine, checked, fields, is_draft)
        )
    if format_name == "xlsx" and format_name not in engine.outputs:
        # openpyxl is imported on first use, as the CLI does.
        from govreport.workbook.writer import write_workbook

        return Download(f"{stem}.xlsx", DATA_FORMATS["xlsx"][0], write_workbook(checked.report))
    fmt = engine.output(format_name)
    options: dict[str, Any] = {}
    if template is not None and format_name in WORD_TEMPLATE_FORMATS:
        options["template"] = template
    renderer = marked if is_draft else engine
    token = _DRAFT_ERRORS.set(checked.errors)
    try:
        data = renderer.render(checked.report, format_name, options=options, allow_errors=True)
    finally:
        _DRAFT_ERRORS.reset(token)
    return Download(f"{stem}{fmt.extension}", fmt.media_type, data)


def _yaml(engine: Engine, checked: Checked, fields: Mapping[str, str], draft: bool) -> bytes:
    if not draft:
        return dump_report(checked.report).encode("utf-8")
    # What was typed, wrong values included, so nothing is lost in the draft.
    data = to_data(fields, extensions=engine.extension_classes())
    return (f"# {draft_line(checked.errors)}\n" + serialise(data, "yaml")).encode("utf-8")


_UNSAFE: Final = re.compile(r'[\\/:*?"<>|\s]+')


def file_stem(checked: Checked) -> str:
    """The report's title as a file name (nothing a file system or a header refuses)."""
    title = checked.report.title if checked.report.agency.name else ""
    clean = "".join(ch for ch in title if unicodedata.category(ch)[0] != "C")
    clean = _UNSAFE.sub("_", clean).strip("._")[:80]
    return clean or "政府信息公开工作年度报告"


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987)."""
    suffix = Path(filename).suffix
    ascii_suffix = suffix if suffix.isascii() else ""
    fallback = ("report-draft" if DRAFT_SUFFIX in filename else "report") + ascii_suffix
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
