"""从上年报告开始 (start from last year): last year's file → this year's draft as form fields.

Last year's data file, workbook or published report (any file
:meth:`govreport.Engine.load_report` reads) gives this year's draft by the
carry-over rule of ``govreport workbook --from`` (:mod:`govreport.model.nextyear`):
the year after it, the agency's details, 二、上年结转 (= last year's 结转下年度)
and last year's texts as a starting draft.  No other number is carried.

Each thing that could not be carried, or that the agency must look at, is a
note in Chinese with the English in brackets.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from govreport import spec
from govreport.document.official import default_opening
from govreport.findings import Finding, Severity
from govreport.io.unstructure import to_data
from govreport.model import AnnualReport
from govreport.model.nextyear import CARRIED_OVER, DRAFT_TEXTS, KEPT_DETAILS, next_year
from govreport.plugins.engine import Engine
from govreport.serve.formdata import to_fields

__all__ = ["prefill"]

#: Fields of last year's report that name last year, so are left for this year's
#: (when the agency wrote its own; the generated wording follows the year).
_YEAR_BOUND = ("title_text", "opening")


def prefill(path: Path, engine: Engine) -> tuple[dict[str, str], list[str]]:
    """This year's draft from last year's report at ``path``: (form fields, notes).

    Raises what :meth:`Engine.load_report` raises for a file that cannot be
    read at all (:class:`govreport.UnreadableFileError`, a plugin's error);
    a file read with problems still gives a draft, the problems in the notes.
    """
    result = engine.load_report(path)
    last = result.report
    draft = next_year(last)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    notes: list[str] = []
    # A value last year's file had wrong was read as a default: never carry that.
    wrong: set[str] = set()
    for here, there in ((p, p) for p in KEPT_DETAILS):
        wrong |= _wrong(here, there, errors, notes)
    for here, there in CARRIED_OVER.items():
        wrong |= _wrong(here, there, errors, notes)
    data: dict[str, Any] = {"year": draft.year}
    for key, value in (*draft.details.items(), *draft.carried_over.items()):
        if key not in wrong and value is not None and value != "":
            _put(data, key, to_data(value))
    for key, value in draft.texts.items():
        if value:  # an empty text or list stays an empty field
            _put(data, key, to_data(value))
    fields = to_fields(data, extensions=engine.extension_classes())
    if errors:
        notes.append(
            f"上年报告读取时有 {len(errors)} 处错误，带入的内容请逐项核对"
            f" (last year's file had {len(errors)} errors: check what was carried)"
        )
    notes.extend(_other_notes(last, draft.blank, bool(draft.texts and any(draft.texts.values()))))
    return fields, notes


def _wrong(here: str, there: str, errors: list[Finding], notes: list[str]) -> set[str]:
    """{here} when last year's ``there`` has an error (noted), else nothing."""
    for problem in errors:
        if problem.path == there or problem.path.startswith(there + "."):
            notes.append(
                f"上年报告的“{_label(there)}”有误，未带入，请填写“{_label(here)}”："
                f"{problem.message} (last year's value is wrong: not carried)"
            )
            return {here}
    return set()


def _put(data: dict[str, Any], path: str, value: object) -> None:
    *parents, name = path.split(".")
    here = data
    for key in parents:
        here = here.setdefault(key, {})
    here[name] = value


def _label(path: str) -> str:
    return spec.label_for(path)


def _other_notes(last: AnnualReport, blank: Mapping[str, str], texts: bool) -> list[str]:
    notes: list[str] = []
    for here, printed in blank.items():
        shown = f"“{printed}”" if printed else "空白"
        notes.append(
            f"上年“{_label(CARRIED_OVER[here])}”印为{shown}，本年“{_label(here)}”按 0 填入，请核对"
            f" (printed {printed or 'blank'} last year: carried as 0)"
        )
    if last.source is not None:
        # What the import of a published report guessed, where it shapes this year's draft.
        carried = (*KEPT_DETAILS, *CARRIED_OVER.values(), *DRAFT_TEXTS)
        for note in last.source.notes:
            if any(note.path == p or note.path.startswith(p + ".") for p in carried):
                notes.append(
                    f"上年报告导入时的推定，请核对“{_label(note.path)}”：{note.message}"
                    " (guessed when last year's report was read)"
                )
    if last.extensions:
        names = "、".join(sorted(last.extensions))
        notes.append(
            f"上年报告的扩展内容（{names}）未带入，请按本年情况填写 (plugin data is not carried)"
        )
    generated = {
        "title_text": attrs.evolve(last, title_text="").title,
        "opening": default_opening(last),
    }
    for key in _YEAR_BOUND:
        # The generated wording follows the year by itself: only the agency's own is lost.
        if getattr(last, key) and getattr(last, key) != generated[key]:
            notes.append(
                f"上年报告的“{_label(key)}”写的是上年，未带入 ({key} names last year: not carried)"
            )
    if texts:
        notes.append(
            "上年的文字已作为初稿带入，其中的年份、数字和工作情况请逐一改为本年"
            " (last year's texts are a starting draft: update years, figures and facts)"
        )
    return notes
