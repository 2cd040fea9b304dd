"""render_many: one result per input, bad ones with their reason; same bytes with any jobs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from govreport import Engine, hookimpl, save_report
from govreport.batch import BatchItem, Status, render_many
from govreport.errors import GovreportError
from govreport.outputs.base import Capability, OptionSpec, PrepareRequest, RenderRequest
from govreport.plugins.contributions import TemplateHelper
from govreport.testing import sample_report

from .inputs import BROKEN, make_inputs

FORMATS = ("txt", "html", "docx")


def _run(inputs: list[Path], out: Path, **kwargs: object) -> list[BatchItem]:
    items = list(render_many(inputs, out, FORMATS, **kwargs))  # type: ignore[arg-type]
    assert sorted(i.index for i in items) == list(range(len(inputs)))
    return sorted(items, key=lambda i: i.index)


def test_good_inputs_render_and_each_broken_one_says_why(tmp_path: Path) -> None:
    broken = {"bad-yaml": "unreadable", "bad-d2": "d2", "bad-r1": "r1"}
    good = make_inputs(tmp_path / "in", 27, broken=broken)
    save_report(sample_report(), tmp_path / "in" / "sample.json")
    inputs = sorted((tmp_path / "in").iterdir())
    items = {i.name: i for i in _run(inputs, tmp_path / "out", jobs=2)}

    assert items["bad-yaml"].status is Status.UNREADABLE
    assert items["bad-yaml"].exit_status == 2
    assert BROKEN["unreadable"][1] in items["bad-yaml"].reason
    for stem, kind in (("bad-d2", "d2"), ("bad-r1", "r1")):
        item = items[stem]
        assert item.status is Status.REFUSED and item.exit_status == 1, item
        assert any(f" {BROKEN[kind][1]}]" in line for line in item.errors), item.errors
        assert not item.outputs
    for stem in [*good, "sample"]:
        assert items[stem].status is Status.OK, items[stem]
        assert [p.name for p in items[stem].outputs] == [f"{stem}.{f}" for f in FORMATS]
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(f"{s}.{f}" for s in [*good, "sample"] for f in FORMATS)


def test_force_renders_a_report_with_errors(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 0, broken={"r1": "r1"})
    (item,) = _run([tmp_path / "in" / "r1.yaml"], tmp_path / "out", jobs=1, force=True)
    assert item.status is Status.OK and item.errors and len(item.outputs) == 3


def test_one_and_two_jobs_write_the_same_bytes(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 9)
    inputs = sorted((tmp_path / "in").iterdir())
    _run(inputs, tmp_path / "one", jobs=1)
    _run(inputs, tmp_path / "two", jobs=2)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert len(one) == 27 and one == two


def test_resume_skips_what_is_done_and_redoes_what_changed(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 4)
    inputs = sorted((tmp_path / "in").iterdir())
    _run(inputs, tmp_path / "out", jobs=1)
    (tmp_path / "out" / "unit-001.html").unlink()
    inputs[2].write_bytes(inputs[2].read_bytes())  # touched after its outputs
    statuses = [i.status for i in _run(inputs, tmp_path / "out", jobs=2, resume=True)]
    assert statuses == [Status.SKIPPED, Status.OK, Status.OK, Status.SKIPPED]


def test_names_collide_deterministically(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        make_inputs(tmp_path / folder, 1)
    inputs = [tmp_path / f / "unit-000.yaml" for f in ("x", "y", "z")]
    names = [i.name for i in _run(inputs, tmp_path / "out", jobs=2)]
    assert names == ["unit-000", "unit-000-2", "unit-000-3"]


def test_unknown_format_stops_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(GovreportError):
        next(render_many([tmp_path / "x.yaml"], tmp_path / "out", ["nosuch"]))
    assert not (tmp_path / "out").exists()


def _hermetic() -> Engine:
    return Engine(autoload=False)


def test_an_engine_factory_builds_each_workers_engine(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 2)
    inputs = sorted((tmp_path / "in").iterdir())
    items = _run(inputs, tmp_path / "out", jobs=2, engine_factory=_hermetic)
    assert all(i.status is Status.OK for i in items)


def test_a_worker_that_dies_fails_its_input_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool breaks with every task in flight; those are run again one by one."""
    import os

    from govreport.batch import worker
    from govreport.batch.pool import WORKER_DIED

    render = worker._render

    def crash_on_one(eng: Engine, job: worker.Job, task: worker.Task) -> BatchItem:
        if task.source.stem == "unit-002":
            os._exit(9)  # as the OOM killer would end it: no exception, no clean-up
        return render(eng, job, task)

    monkeypatch.setattr(worker, "_render", crash_on_one)  # forked workers inherit it
    make_inputs(tmp_path / "in", 7)
    items = _run(sorted((tmp_path / "in").iterdir()), tmp_path / "out", jobs=2)
    assert [i.status for i in items] == [Status.OK] * 2 + [Status.FAILED] + [Status.OK] * 4
    assert items[2].reason == WORKER_DIED and items[2].exit_status == 4
    assert len(list((tmp_path / "out").iterdir())) == 6 * len(FORMATS)


class _Counted:
    """A format whose prepare is counted and refuses the value "bad"; it sees plugins' filters."""

    name = "counted"
    extension = ".counted"
    media_type = "text/plain; charset=utf-8"
    description = "计数"
    capabilities: frozenset[Capability] = frozenset()
    options: ClassVar[dict[str, OptionSpec]] = {"mode": OptionSpec("模式", str, "good")}
    prepared: ClassVar[list[PrepareRequest]] = []

    def prepare(self, request: PrepareRequest) -> None:
        self.prepared.append(request)
        if request.option("mode") == "bad":
            raise GovreportError("模式不可用 (mode bad)")

    def render(self, document: object, request: RenderRequest) -> bytes:
        return f"{request.option('mode')}\n".encode()


class _CountedPlugin:
    @hookimpl
    def govreport_register_outputs(self, register: Any) -> None:
        register(_Counted())

    @hookimpl
    def govreport_register_template_helpers(self, register: Any) -> None:
        register(TemplateHelper("shout", str.upper))


def _counted_engine() -> Engine:
    return Engine([_CountedPlugin()], autoload=False)


@pytest.mark.govreport_hook("govreport_register_outputs")
def test_a_formats_prepare_runs_once_before_any_work(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 3)
    inputs = sorted((tmp_path / "in").iterdir())
    _Counted.prepared.clear()
    with pytest.raises(GovreportError, match="mode bad"):
        render_many(inputs, tmp_path / "out", ["counted"], engine_factory=_counted_engine,
                    options={"mode": "bad"})  # fmt: skip
    assert len(_Counted.prepared) == 1 and not (tmp_path / "out").exists()
    _Counted.prepared.clear()
    items = list(render_many(inputs, tmp_path / "out", ["counted", "txt"], jobs=1,
                             engine_factory=_counted_engine, options={"mode": "fine"}))  # fmt: skip
    assert [i.status for i in items] == [Status.OK] * 3
    [request] = _Counted.prepared  # in the parent, once, with the checked options
    assert request.options == {"mode": "fine"} and "shout" in request.template_filters
    assert (tmp_path / "out" / "unit-000.counted").read_bytes() == b"fine\n"


def test_a_template_that_cannot_be_used_stops_the_batch_before_any_work(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 2)
    (tmp_path / "bad.docx").write_bytes(b"PK not really")
    with pytest.raises(GovreportError, match=r"bad\.docx"):
        render_many(sorted((tmp_path / "in").iterdir()), tmp_path / "out", ["docx-pdf"],
                    options={"template": tmp_path / "bad.docx"})  # fmt: skip
    assert not (tmp_path / "out").exists()
