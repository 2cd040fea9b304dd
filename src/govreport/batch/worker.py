"""One worker process of a batch: one engine, reused for every report it is given.

The pool calls :func:`start` once per process (the engine is built, so plugins
load and templates compile once) and :func:`render_one` per input.  With
``docx-pdf`` asked for, a worker keeps one LibreOffice running for all its
reports when that output offers a converter (``PdfConverter``); otherwise
each PDF starts its own, as ``govreport render`` does.
"""

from __future__ import annotations

import contextlib
import functools
import signal
from collections.abc import Callable, Mapping
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

import attrs

from govreport.batch.items import BatchItem, Status
from govreport.errors import GovreportError
from govreport.fileio import write_all
from govreport.io import UnreadableFileError
from govreport.model import AnnualReport
from govreport.outputs.base import options_for
from govreport.plugins import Engine, default_engine
from govreport.rules.base import Severity
from govreport.rules.previous import PreviousReportMismatchError, check_previous
from govreport.rules.report import format_finding, has_errors

#: Exit status of a defect in govreport (as the CLI's EXIT_INTERNAL).
EXIT_INTERNAL = 4
#: The format converted by a resident LibreOffice (the Word route to PDF).
WORD_PDF = "docx-pdf"


@attrs.frozen
class Job:
    """What every task of a batch shares, sent once to each worker."""

    out_dir: Path
    formats: tuple[str, ...]
    options: Mapping[str, Any]
    force: bool
    signature: bool = True


@attrs.frozen
class Task:
    index: int
    source: Path
    name: str
    targets: tuple[Path, ...]
    #: Last year's data file, for the cross-year rules and charts; None: there is none.
    previous: Path | None = None


class _State:
    engine: Engine | None = None
    job: Job | None = None
    converter: Any = None


_STATE = _State()


def start(engine_factory: Callable[[], Engine] | None, job: Job) -> None:
    """Pool initializer: build this process's engine and, for PDF, its converter.

    Ctrl-C reaches the whole process group; the parent alone acts on it and
    ends the workers with SIGTERM, which here ends the task as an exception
    does, so the temporary files of the render under way are removed (one
    signal, not two racing through the clean-up).
    """
    with contextlib.suppress(ValueError, OSError):  # not the main thread: leave them
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _terminate)
    _STATE.engine = engine_factory() if engine_factory is not None else default_engine()
    _STATE.job = job
    if WORD_PDF in job.formats and _STATE.engine.outputs.owner(WORD_PDF).startswith("govreport."):
        _STATE.converter = _open_converter(job.options.get("timeout"))


def _open_converter(timeout: object) -> Any:
    try:
        from govreport.outputs.pdf import PdfConverter
    except ImportError:  # not offered: each PDF starts LibreOffice itself
        return None
    stack = contextlib.ExitStack()
    given = {} if timeout is None else {"timeout": float(timeout)}  # type: ignore[arg-type]
    converter = stack.enter_context(PdfConverter(**given))
    # multiprocessing's children end with os._exit, skipping atexit: Finalize runs.
    Finalize(converter, stack.close, exitpriority=10)
    return converter


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def ready() -> bool:
    """A no-op task: the pool's processes are started and initialised once it returns."""
    return _STATE.engine is not None


def render_one(task: Task) -> BatchItem:
    """Load, check and render one input; every failure becomes the item, never an exception."""
    assert _STATE.engine is not None and _STATE.job is not None, "start() was not called"
    try:
        return _render(_STATE.engine, _STATE.job, task)
    except UnreadableFileError as exc:
        return _failed(task, Status.UNREADABLE, exc.exit_status, str(exc))
    except PreviousReportMismatchError as exc:  # another agency's, or another year's
        return _failed(task, Status.REFUSED, exc.exit_status, str(exc))
    except GovreportError as exc:
        return _failed(task, Status.FAILED, exc.exit_status, str(exc))
    except Exception as exc:  # a defect of ours: reported with the input, the batch goes on
        reason = f"内部错误 (internal error)：{type(exc).__name__}: {exc}"
        return _failed(task, Status.FAILED, EXIT_INTERNAL, reason)


def _failed(task: Task, status: Status, code: int, reason: str) -> BatchItem:
    return BatchItem(
        task.index,
        task.source,
        task.name,
        status,
        exit_status=code,
        reason=reason,
        previous=task.previous,
    )


def _render(eng: Engine, job: Job, task: Task) -> BatchItem:
    loaded = eng.load_report(task.source)
    findings = list(loaded.problems)
    errors: list[str] = []
    previous = None
    if task.previous is not None:
        before = eng.load_report(task.previous)
        check_previous(
            loaded.report, before.report, report_file=task.source, previous_file=task.previous
        )
        # Last year's own errors stop the render too, as with ``govreport render --previous``.
        findings += before.problems
        prefix = f"{task.previous.name}: "
        errors += [prefix + format_finding(f) for f in before.problems if _is_error(f)]
        previous = before.report
    mine = loaded.place(eng.validate(loaded.report, previous=previous))
    findings += mine
    errors += [format_finding(f) for f in (*loaded.problems, *mine) if _is_error(f)]
    item = functools.partial(
        BatchItem, task.index, task.source, task.name, errors=tuple(errors), previous=task.previous
    )
    if has_errors(findings) and not job.force:
        reason = f"数据有 {len(errors)} 个错误，未生成 (not rendered: {len(errors)} errors)"
        return item(Status.REFUSED, (), 1, reason)
    files = [
        (target, _render_format(eng, job, loaded.report, previous, name))
        for name, target in zip(job.formats, task.targets, strict=True)
    ]
    written = write_all(files)
    reason = "有错误，按 --force 生成 (rendered despite errors)" if errors else ""
    return item(Status.OK, tuple(written), 0, reason)


def _is_error(finding: Any) -> bool:
    return bool(finding.severity is Severity.ERROR)


def _render_format(
    eng: Engine, job: Job, report: Any, previous: AnnualReport | None, name: str
) -> bytes:
    several = len(job.formats) > 1
    shared: dict[str, Any] = {
        "previous": previous,
        "signature": job.signature,
        "allow_errors": True,  # checked above; --force decided
    }
    if name == WORD_PDF and _STATE.converter is not None:
        pdf_options = options_for(eng.outputs[WORD_PDF], job.options, several=several)
        opts = options_for(eng.outputs["docx"], pdf_options, several=True)
        docx = eng.render(report, "docx", options=opts, **shared)
        data: bytes = _STATE.converter.convert(docx)
        return data
    options = options_for(eng.outputs[name], job.options, several=several)
    return eng.render(report, name, options=options, **shared)
