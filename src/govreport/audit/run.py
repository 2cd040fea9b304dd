"""Auditing many reports: load each, run every rule, compare consecutive years.

Two passes keep memory bounded by ``KEEP_LOADED`` reports, not by the number
of files.  The first loads and checks every file on its own and notes its
agency and year.  Once every file is known, the second checks again each report
whose agency has a report of the year before, with that report as ``previous``,
so the cross-year rules (R6 结转) run as ``govreport validate --previous`` runs
them; the files the first pass kept are not read a second time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from govreport.audit.discover import accepted_suffixes, find_reports
from govreport.audit.pairing import Key, Pairing, key_of, pair
from govreport.audit.result import AMBIGUOUS_PREVIOUS, DUPLICATE, AuditResult, ReportAudit
from govreport.errors import GovreportError
from govreport.findings import Finding, Severity
from govreport.io import LoadResult, UnreadableFileError
from govreport.limits import MAX_AUDIT_KEPT_REPORTS
from govreport.plugins import Engine, default_engine
from govreport.rules.report import sort_findings

#: Loaded reports the first pass keeps for the second (see the limit's note).
KEEP_LOADED = MAX_AUDIT_KEPT_REPORTS

#: ``progress(done, total, file)`` after each step; ``total`` grows once the
#: second pass (the cross-year checks) is known.
Progress = Callable[[int, int, Path], None]


def _reason(exc: GovreportError) -> str:
    # The summary names the file already; a plugin's error keeps the plugin's name.
    return exc.reason if isinstance(exc, UnreadableFileError) else str(exc)


def _load(engine: Engine, path: Path) -> LoadResult | str:
    """The loaded file, or why it cannot be read."""
    try:
        return engine.load_report(path)
    except GovreportError as exc:
        return _reason(exc)


def _check(
    engine: Engine, path: Path, loaded: LoadResult | str, previous: LoadResult | None = None
) -> ReportAudit:
    if isinstance(loaded, str):
        return ReportAudit.failed(path, loaded)
    report = loaded.report
    found = list(loaded.problems)
    try:
        found += engine.validate(report, previous=previous.report if previous else None)
    except GovreportError as exc:  # a rule refused outright: the report was not checked
        found.append(Finding("UNCHECKED", Severity.ERROR, f"未能校验 (not checked)：{exc}"))
    return ReportAudit(
        path,
        agency=report.agency.name,
        year=report.year,
        findings=tuple(sort_findings(found)),
        previous=previous.source if previous else None,
    )


def _names(paths: Iterable[Path]) -> str:
    return "、".join(str(p) for p in paths)


def _set_notes(audit: ReportAudit, pairing: Pairing) -> ReportAudit:
    """Findings about the set of files: duplicates, and last years that cannot be told apart."""
    notes = []
    others = pairing.duplicates.get(audit.file)
    if others:
        notes.append(
            Finding(
                DUPLICATE,
                Severity.WARNING,
                f"同一机关、同一年度另有报告：{_names(others)}；请确认哪一份是发布的报告 "
                "(another report of the same agency and year)",
                "agency.name",
            )
        )
    before = pairing.ambiguous.get(audit.file)
    if before:
        notes.append(
            Finding(
                AMBIGUOUS_PREVIOUS,
                Severity.INFO,
                f"上一年度的报告有多份：{_names(before)}；未做跨年核对 "
                "(several reports of last year: cross-year rules not run)",
                "year",
            )
        )
    if not notes:
        return audit
    return ReportAudit(
        audit.file,
        audit.agency,
        audit.year,
        tuple(sort_findings((*audit.findings, *notes))),
        audit.unreadable,
        audit.previous,
    )


def _check_pairs(
    engine: Engine,
    pairing: Pairing,
    keys: dict[Path, Key | None],
    audits: dict[Path, ReportAudit],
    step: Callable[[Path], None],
    *,
    kept: dict[Path, LoadResult | str],
) -> None:
    """The second pass: each report with last year's beside it, replacing its first verdict.

    A file the first pass kept is not read again.
    """

    def loaded_again(path: Path) -> LoadResult | str:
        return kept[path] if path in kept else _load(engine, path)

    # By agency and year, so that the middle report of a chain, checked with
    # its own last year, is at hand as the next one's last year.
    order = sorted(pairing.previous, key=lambda p: (keys.get(p) or ("", 0), str(p)))
    last: tuple[Path, LoadResult] | None = None
    for path in order:
        before = pairing.previous[path]
        previous = last[1] if last is not None and last[0] == before else loaded_again(before)
        loaded = loaded_again(path)
        if isinstance(previous, LoadResult):
            audits[path] = _check(engine, path, loaded, previous)
        if isinstance(loaded, LoadResult):
            last = (path, loaded)
        step(path)


def audit_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    engine: Engine | None = None,
    progress: Progress | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> AuditResult:
    """Audit every report file named in ``paths`` or found under the folders among them.

    Folders in ``exclude`` are not searched (``govreport audit`` excludes its
    ``--annotate`` folder, so that a second run does not audit its own pages).

    A file that cannot be read becomes one finding (code ``UNREADABLE``) and
    the others go on.  Reports of one agency in consecutive years are checked
    together (rule R6).  Nothing is printed; the result is sorted by file name.
    """
    eng = engine or default_engine()
    found = find_reports(paths, accepted_suffixes(eng), exclude=exclude)
    audits = {s.path: ReportAudit.failed(s.path, s.reason) for s in found.skipped}
    keys: dict[Path, Key | None] = {}
    kept: dict[Path, LoadResult | str] = {}
    total = len(found.files)
    done = 0

    def step(path: Path) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, path)

    for path in found.files:
        loaded = _load(eng, path)
        audits[path] = _check(eng, path, loaded)
        keys[path] = key_of(loaded) if isinstance(loaded, LoadResult) else None
        if len(kept) < KEEP_LOADED:
            kept[path] = loaded
        step(path)
    pairing = pair(keys)
    total += len(pairing.previous)
    _check_pairs(eng, pairing, keys, audits, step, kept=kept)
    kept.clear()
    reports = (_set_notes(audits[p], pairing) for p in sorted(audits, key=str))
    return AuditResult(tuple(reports))
