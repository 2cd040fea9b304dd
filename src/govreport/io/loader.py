"""Loading a data file into a (possibly provisional) report plus its problems."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from govreport.findings import Finding, Severity
from govreport.io.blanks import blank_findings
from govreport.io.bounds import shape_problem
from govreport.io.errors import (
    BAD_VALUE,
    UNKNOWN_KEY,
    DataFileError,
    UnreadableFileError,
    format_problem,
)
from govreport.io.formats import read_mapping
from govreport.io.structure import Collector, structure, unknown_key
from govreport.model import AnnualReport
from govreport.spec.wording import clip, describe, text_of

#: Top-level key reserved for plugin data, structured by registered classes.
EXTENSIONS: Final = "extensions"


@attrs.frozen
class LoadResult:
    """What a data file holds: the report, the totals it stated, and every problem."""

    report: AnnualReport
    problems: tuple[Finding, ...]
    source: Path
    #: Paths whose bad value was replaced by a default (findings there are noise).
    defaulted: frozenset[str] = frozenset()
    #: Where each value is in the file, when its loader knows (model path →
    #: ``三、收到和处理政府信息公开申请情况!D8`` in a workbook): see :meth:`place`.
    places: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def stated(self) -> Mapping[str, int | Decimal]:
        """Totals the file stated (model path → value): the report carries them."""
        return self.report.stated_totals

    @property
    def ok(self) -> bool:
        """No ERROR problem (warnings allowed)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def lines(self) -> list[str]:
        """Every problem as one line with the file name (see :func:`format_problem`)."""
        return [format_problem(p, self.source) for p in self.problems]

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` about this file's report, each naming its place in the file too."""
        return place_findings(findings, self.places)


def place_findings(findings: Iterable[Finding], places: Mapping[str, str]) -> list[Finding]:
    """Each finding with the place of its path (or nearest parent's) after its labels."""

    def place_of(path: str) -> str:
        while path:
            if path in places:
                return places[path]
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        return ""

    return [
        attrs.evolve(f, location=f"{f.location}（{where}）") if (where := place_of(f.path)) else f
        for f in findings
    ]


def _installed(registry: Mapping[str, type] | None, owners: Mapping[str, str]) -> str:
    """The installed extensions with the plugins that provide them, for messages."""
    if not registry:
        return "当前没有安装提供扩展数据的插件 (no installed plugin provides extension data)"
    named = [f"{n}（插件 {owners[n]}）" if n in owners else n for n in sorted(registry)]
    return f"已安装的扩展 (installed extensions)：{'、'.join(named)}"


def _extensions(
    raw: object,
    registry: Mapping[str, type] | None,
    col: Collector,
    owners: Mapping[str, str],
) -> dict[str, Any]:
    hint = "；请安装提供它的插件或删除此项，`govreport plugins` 列出已安装的插件"
    if not registry:
        if raw not in (None, {}):
            names = (
                clip("、".join(f"“{clip(text_of(k))}”" for k in raw))
                if isinstance(raw, Mapping)
                else ""
            )
            col.add(
                UNKNOWN_KEY,
                Severity.ERROR,
                EXTENSIONS,
                f"未知的扩展 {names}（unknown extension）。{_installed(registry, owners)}{hint}",
            )
        return {}
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        col.error(BAD_VALUE, EXTENSIONS, f"应为键值映射（扩展名: 内容），实际为{describe(raw)}")
        return {}
    out: dict[str, Any] = {}
    for name in raw:
        if name not in registry:
            unknown_key(
                col,
                EXTENSIONS,
                name,
                sorted(registry),
                extra=f"{_installed(registry, owners)}{hint}",
                noun="扩展",
            )
    for name, cls in registry.items():
        if name in raw:
            built = structure(cls, raw[name], f"{EXTENSIONS}.{name}", col)
            if built is not None:
                out[name] = built
    return out


def parse_report(
    data: Mapping[str, Any],
    *,
    source: str | os.PathLike[str] = "<data>",
    extensions: Mapping[str, type] | None = None,
    owners: Mapping[str, str] | None = None,
) -> LoadResult:
    """Structure already-parsed data; never raises for mistakes in the data.

    ``extensions`` maps extension names to their attrs data classes;
    ``owners`` maps them to the plugin that registered each, so that a
    message about an unknown extension can name the installed plugins.

    Data too deep, too large or recursive (see :mod:`govreport.io.bounds`),
    from a plugin's loader or built in code, raises :class:`UnreadableFileError`:
    the walk below must never meet it.
    """
    problem = shape_problem(data)
    if problem:
        raise UnreadableFileError(source, problem)
    col = Collector()
    body = {k: v for k, v in data.items() if k != EXTENSIONS}
    report = structure(AnnualReport, body, "", col)
    assert isinstance(report, AnnualReport)  # the model's own classes always build
    ext = _extensions(data.get(EXTENSIONS), extensions, col, owners or {})
    if ext:
        report = attrs.evolve(report, extensions=ext)
    if col.stated:
        report = attrs.evolve(report, stated_totals=dict(col.stated))
    if col.blank:
        report = attrs.evolve(report, blank_cells=dict(col.blank))
        for finding in blank_findings(col.blank):
            col.add(finding.code, finding.severity, finding.path, finding.message, finding.location)
    if "year" in col.defaulted:
        # Year 0 has no calendar: rules computing the statistical period would
        # crash.  Guess from the publication date (reports come out the year after).
        guess = report.published.year - 1 if report.published else dt.MINYEAR
        report = attrs.evolve(report, year=max(guess, dt.MINYEAR))
    summary = col.summary()
    return LoadResult(
        report=report,
        problems=(*col.problems, *([summary] if summary else [])),
        source=Path(source),
        defaulted=frozenset(col.defaulted),
    )


def load_report(
    path: str | os.PathLike[str],
    *,
    extensions: Mapping[str, type] | None = None,
    owners: Mapping[str, str] | None = None,
) -> LoadResult:
    """Read a .yaml/.yml/.json/.toml file; raises UnreadableFileError only if unreadable."""
    return parse_report(read_mapping(path), source=path, extensions=extensions, owners=owners)


def read_report(
    path: str | os.PathLike[str], *, extensions: Mapping[str, type] | None = None
) -> AnnualReport:
    """Strict: the report, or :class:`DataFileError` listing every problem.

    Deprecated without ``extensions``: use :func:`govreport.read_report`, which
    knows the installed plugins.  Called that way it now delegates there, so
    that the old route gives the same answer as every other.
    """
    if extensions is None:
        warnings.warn(
            "govreport.io.read_report(path) is deprecated and will be removed in 2.0: use "
            "govreport.read_report(path), which reads installed plugins' data blocks",
            DeprecationWarning,
            stacklevel=2,
        )
        # The one upward import of this layer, for the deprecated route only.
        from govreport.plugins.shortcuts import read_report as engine_read

        return engine_read(path)
    result = load_report(path, extensions=extensions)
    if not result.ok:
        raise DataFileError(result.source, result.problems)
    return result.report
