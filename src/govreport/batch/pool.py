""":func:`render_many`: many inputs rendered by a pool of worker processes.

The inputs are read from their iterable as work is handed out, never all at
once: at most ``IN_FLIGHT_PER_WORKER`` tasks per worker wait or run, so memory
stays flat however many inputs go through (the parent keeps only the names
given, a few dozen bytes each, so that later names stay distinct).  Names are
given and ``resume`` decided in the parent, in input order, so the outputs are
the same with one worker or many.

Workers are forked where the platform can (they inherit the imported modules
and the engine already built); elsewhere they are spawned and
``engine_factory`` must then be picklable (a module-level function).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from govreport.audit.discover import accepted_suffixes
from govreport.batch import worker
from govreport.batch.items import BatchItem, Status
from govreport.batch.naming import Namer, output_path
from govreport.batch.previous import Finder, PreviousSource, finder
from govreport.batch.resume import up_to_date
from govreport.fileio import OutputWriteError, remove_stale_temps
from govreport.outputs.base import check_distinct_files, options_for
from govreport.plugins import Engine, default_engine

#: Tasks waiting or running per worker: enough to keep each busy, few enough to stay flat.
IN_FLIGHT_PER_WORKER = 4

#: Said of an input whose worker process died under it.
WORKER_DIED = "处理该文件的工作进程意外退出 (the worker process died)"


def render_many(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str],
    *,
    jobs: int | None = None,
    resume: bool = False,
    force: bool = False,
    engine_factory: Callable[[], Engine] | None = None,
    options: Mapping[str, Any] | None = None,
    previous: PreviousSource | None = None,
    signature: bool = True,
) -> Iterator[BatchItem]:
    """Render each data file into ``formats`` under ``out_dir``; yield results as they complete.

    Each input's outputs are ``out_dir/<name><extension>``, the name from the
    input's stem (see :mod:`govreport.batch.naming`), written as a set by
    rename, so no partial file is ever seen.  One :class:`BatchItem` is
    yielded per input, in the order they finish (``item.index`` is the input's
    position); a bad input is an item with its status and reason, never an
    exception.  A report with errors is refused, as ``govreport render`` does,
    unless ``force``.  ``resume`` skips inputs whose outputs all exist and are
    newer than the input (and than its previous file).  ``jobs`` worker
    processes (default: one per core), each with one engine from
    ``engine_factory`` (default: the shared engine).

    ``previous`` is last year's data: a folder, whose file of the same name
    (or stem) goes with each input (see :mod:`govreport.batch.previous`); one
    file, for every input; or a function from an input's path to its file or
    ``None``.  An input without one is checked and rendered without the
    cross-year rules, and its item's ``previous`` is ``None``.  ``signature=False``
    leaves the signature block out, as ``govreport render --no-signature``.

    Raises, when called and before any work, :class:`govreport.UnknownFormatError`,
    :class:`govreport.OptionError` or a format's own error (a broken template,
    from the format's ``prepare``), ``OutputClashError`` for two formats
    writing the same file name (``pdf`` and ``docx-pdf``), or
    :class:`govreport.OutputWriteError` for an output folder that cannot be
    made.  Closing the iterator early stops the workers.
    """
    target = Path(out_dir)
    formats = tuple(dict.fromkeys(formats))
    eng = engine_factory() if engine_factory is not None else default_engine()
    check_distinct_files(eng.output(name) for name in formats)
    extensions = [eng.output(name).extension for name in formats]
    given = dict(options or {})
    for name in formats:
        # Once here, not once per input in the workers; a forked worker also
        # inherits what prepare compiled (docx: the template).
        eng.prepare(name, options_for(eng.outputs[name], given, several=len(formats) > 1))
    try:  # a folder that cannot be made stops the batch here, not once per input
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputWriteError(target, exc) from exc
    remove_stale_temps(target)  # what a killed batch left, before anything new
    find = finder(previous, accepted_suffixes(eng))
    job = worker.Job(target, formats, given, force, signature)
    workers = max(1, jobs if jobs is not None else os.cpu_count() or 1)
    tasks = _tasks(inputs, target, extensions, resume, find)
    return _run(tasks, workers, engine_factory, job)


def _tasks(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: Path,
    extensions: Sequence[str],
    resume: bool,
    find: Finder | None,
) -> Iterator[worker.Task | BatchItem]:
    """A task per input, or its item at once when ``resume`` finds it done."""
    namer = Namer()
    for index, given in enumerate(inputs):
        source = Path(given)
        name = namer.name(source)
        targets = tuple(output_path(out_dir, name, ext) for ext in extensions)
        before = find(source) if find is not None else None
        if resume and up_to_date(source, targets, before):
            yield BatchItem(index, source, name, Status.SKIPPED, targets, previous=before)
        else:
            yield worker.Task(index, source, name, targets, before)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _run(
    tasks: Iterator[worker.Task | BatchItem],
    workers: int,
    engine_factory: Callable[[], Engine] | None,
    job: worker.Job,
) -> Iterator[BatchItem]:
    """Feed the pool, at most ``bound`` tasks at a time; yield items as they finish.

    A worker that dies (the OOM killer, a crash in a C library) breaks the
    whole pool and every task in flight with it.  The pool is started again
    and those tasks are run once more, one at a time: one that kills its
    worker alone is reported as failed; the others are rendered.
    """
    bound = workers * IN_FLIGHT_PER_WORKER
    pending: dict[cf.Future[BatchItem], worker.Task] = {}
    suspects: deque[worker.Task] = deque()
    pool = _pool(workers, engine_factory, job)
    try:
        exhausted = False
        while True:
            solo = bool(suspects)  # a suspect runs alone, so a break is its own doing
            broken_pool = False
            if solo:
                task = suspects.popleft()
                pending[pool.submit(worker.render_one, task)] = task
            while not solo and not exhausted and len(pending) < bound:
                given = next(tasks, None)
                if given is None:
                    exhausted = True
                elif isinstance(given, BatchItem):
                    yield given
                else:
                    try:
                        pending[pool.submit(worker.render_one, given)] = given
                    except cf.process.BrokenProcessPool:  # a worker died since the last wait
                        suspects.append(given)
                        broken_pool = True
                        break
            if not pending and not suspects:
                pool.shutdown(wait=True)  # idle workers end normally (LibreOffice stopped)
                return
            # Once the pool is broken every future in flight completes (with the error).
            how = cf.ALL_COMPLETED if broken_pool else cf.FIRST_COMPLETED
            broken: list[worker.Task] = []
            yield from _collect(pending, how, broken)
            if not broken and not broken_pool:
                continue
            if solo:
                yield _died(broken[0])
            elif pending:  # the others in flight went with the pool
                yield from _collect(pending, cf.ALL_COMPLETED, broken)
            if not solo:
                suspects = deque(sorted([*suspects, *broken], key=lambda t: t.index))
            _stop(pool)
            pool = _pool(workers, engine_factory, job)
    finally:
        _stop(pool)


def _collect(
    pending: dict[cf.Future[BatchItem], worker.Task], how: str, broken: list[worker.Task]
) -> Iterator[BatchItem]:
    """Wait as ``how`` says; yield what finished, take it out of ``pending``, note the broken."""
    done, _ = cf.wait(pending, return_when=how)
    for future in sorted(done, key=lambda f: pending[f].index):
        task = pending.pop(future)
        try:
            yield future.result()
        except cf.process.BrokenProcessPool:
            broken.append(task)


def _died(task: worker.Task) -> BatchItem:
    return BatchItem(
        task.index,
        task.source,
        task.name,
        Status.FAILED,
        exit_status=worker.EXIT_INTERNAL,
        reason=WORKER_DIED,
        previous=task.previous,
    )


def _pool(
    workers: int, engine_factory: Callable[[], Engine] | None, job: worker.Job
) -> cf.ProcessPoolExecutor:
    pool = cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=worker.start,
        initargs=(engine_factory, job),
    )
    # Forked workers start at the first task: start them now, before the caller
    # (a progress bar) runs threads a fork would copy mid-lock.
    pool.submit(worker.ready).result()
    return pool


def _stop(pool: cf.ProcessPoolExecutor) -> None:
    """Stop the pool; on an early exit, workers still rendering are ended too.

    A worker ended by SIGTERM exits as by an exception (``govreport``'s handler,
    inherited), so its temporary files are removed.
    """
    # Taken before shutdown, which forgets them.
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        if process.is_alive():
            process.terminate()
    for process in processes.values():
        process.join(timeout=3)
        if process.is_alive():  # stuck in a render that ignores SIGTERM
            process.kill()
            process.join(timeout=3)
