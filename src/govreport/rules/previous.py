"""Last year's report must be this agency's report of the year before.

Rule R6 compares this year's 二、上年结转 with last year's 四、结转下年度继续办理,
and S4 the documents in force.  Given another agency's file, or another year's,
they would print findings that look authoritative and mean nothing; so the
pairing is refused before any rule runs, by the engine (``Engine.validate``)
and by the CLI (``--previous``, which names the files) alike.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence

from govreport.errors import GovreportError
from govreport.model import AnnualReport
from govreport.spec.wording import clip

__all__ = ["PreviousReportMismatchError", "check_previous"]

_SPACES = re.compile(r"\s+")


class PreviousReportMismatchError(GovreportError, ValueError):
    """The previous-year report given is another agency's, or not of ``report.year - 1``.

    ``problems`` holds one Chinese sentence per mismatch (agency name, year).
    Exit status 2, like input that cannot be used at all.
    """

    exit_status = 2

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "上年度报告与本报告不对应，无法核对结转 "
            "(the previous-year report is not this agency's report of the year before)："
            + "；".join(self.problems)
        )


def _same_name(a: str, b: str) -> bool:
    # Full-width forms and stray spaces (a pasted ideographic space) are no other agency.
    def key(name: str) -> str:
        return _SPACES.sub("", unicodedata.normalize("NFKC", name))

    return key(a) == key(b)


def _which(side: str, file: str | os.PathLike[str] | None) -> str:
    return f"{side}（{os.fspath(file)}）" if file is not None else side


def check_previous(
    report: AnnualReport,
    previous: AnnualReport,
    *,
    report_file: str | os.PathLike[str] | None = None,
    previous_file: str | os.PathLike[str] | None = None,
) -> None:
    """Raise :class:`PreviousReportMismatchError` unless ``previous`` is last year's report.

    Last year's means the same ``agency.name`` (up to spaces and full-width
    forms) and ``year == report.year - 1``.  The files, when given, are named
    in the message.  A name left blank is that file's own problem (D3), not a
    mismatch; a year left out is guessed by the loader from the publication
    date, and compared as guessed.
    """
    this, last = _which("本报告", report_file), _which("上年度报告", previous_file)
    problems = []
    name, previous_name = report.agency.name, previous.agency.name
    if name.strip() and previous_name.strip() and not _same_name(name, previous_name):
        problems.append(f"机关名称不同：{this}为“{clip(name)}”，{last}为“{clip(previous_name)}”")
    if previous.year != report.year - 1:
        problems.append(
            f"年度不对：{this}为{report.year}年度，{last}为{previous.year}年度，"
            f"应为{report.year - 1}年度"
        )
    if problems:
        raise PreviousReportMismatchError(problems)
