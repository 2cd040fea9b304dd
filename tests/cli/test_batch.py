"""``govreport batch`` in real subprocesses: bad inputs reported, kill and resume, safe names."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govreport.batch import render_many
from tests.batch.inputs import BROKEN, EXAMPLES, make_inputs
from tests.cli_process import run_cli

ENV = {**os.environ, "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD": "1"}
COMMAND = [sys.executable, "-m", "govreport.cli.main", "batch"]
#: A temporary file of govreport.fileio: hidden, never taken for an output.
TEMP = re.compile(r"^\..+\.gr\d+-[a-z0-9_]{8}\.tmp$")


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("batch", *args, cwd=cwd, timeout=300)


def _report(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {entry["input"]: entry for entry in data["inputs"]} | {"": data["summary"]}


def test_a_batch_renders_the_good_and_reports_each_bad_one(tmp_path: Path) -> None:
    broken = {"bad-yaml": "unreadable", "bad-d2": "d2", "bad-r1": "r1"}
    good = make_inputs(tmp_path / "in", 27, broken=broken)
    result = batch(
        "in",
        "-o",
        "out",
        "-f",
        "txt",
        "-f",
        "docx",
        "--json",
        "report.json",
        "--jobs",
        "2",
        cwd=tmp_path,
    )
    assert result.returncode == 2, result.stderr  # an unreadable input is the worst
    report = _report(tmp_path / "report.json")
    assert report[""] == {
        "total": 30,
        "ok": 27,
        "skipped": 0,
        "refused": 2,
        "unreadable": 1,
        "failed": 0,
    }
    assert report["in/bad-yaml.yaml"]["status"] == "unreadable"
    assert "YAML" in str(report["in/bad-yaml.yaml"]["reason"])
    for stem, kind in (("bad-d2", "d2"), ("bad-r1", "r1")):
        entry = report[f"in/{stem}.yaml"]
        assert entry["status"] == "refused" and entry["exit_status"] == 1
        assert any(f" {BROKEN[kind][1]}]" in e for e in entry["errors"])  # type: ignore[attr-defined]
        assert f"in/{stem}.yaml: 拒绝生成" in result.stderr
    assert "in/bad-yaml.yaml: 无法读取" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{s}.{ext}" for s in good for ext in ("txt", "docx")
    )
    # The JSON lists inputs in a deterministic order: as found, sorted.
    listed = list(json.loads((tmp_path / "report.json").read_text())["inputs"])
    assert [e["input"] for e in listed] == sorted(e["input"] for e in listed)
    assert "共 30 个文件" in result.stdout


def test_the_exit_status_is_1_when_reports_are_only_refused(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 2, broken={"r1": "r1"})
    result = batch("in/*.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert batch("in/*.yaml", "-o", "out2", "--force", cwd=tmp_path).returncode == 0


def _reference(tmp_path: Path, formats: list[str]) -> dict[tuple[str, str], bytes]:
    """Example file name and extension → the bytes of its output."""
    out = tmp_path / "reference"
    for item in render_many(EXAMPLES, out, formats, jobs=1):
        assert item.ok, item
    return {(p.stem, p.suffix): p.read_bytes() for p in out.iterdir()}


def _started(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    """The batch in a process group of its own, so that a test can signal all of it."""
    return subprocess.Popen(
        args,
        cwd=cwd,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_files(proc: subprocess.Popen[bytes], out: Path, count: int) -> None:
    """Until ``out`` holds ``count`` entries, the batch ends, or two minutes pass."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(os.listdir(out)) >= count:
            return
        time.sleep(0.01)


def test_a_killed_batch_leaves_no_partial_file_and_resume_completes_it(tmp_path: Path) -> None:
    formats = ["txt", "docx", "html"]
    copies = make_inputs(tmp_path / "in", 150)
    reference = _reference(tmp_path, formats)
    out = tmp_path / "out"
    args = [*COMMAND, "in", "-o", "out", "--jobs", "2"] + [a for f in formats for a in ("-f", f)]
    proc = _started(args, tmp_path)
    try:
        _wait_for_files(proc, out, 30)
        assert proc.poll() is None, "the batch ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and every worker at once
    finally:
        proc.wait(timeout=30)
    entries = os.listdir(out)
    visible = [name for name in entries if not name.startswith(".")]
    assert 0 < len(visible) < 3 * len(copies)
    for name in visible:  # each file there is complete: the very bytes of its example's
        stem, ext = os.path.splitext(name)
        assert (out / name).read_bytes() == reference[(copies[stem].stem, ext)], name
    assert all(TEMP.match(name) for name in entries if name.startswith("."))
    done = {stem for stem in copies if all(f"{stem}.{f}" in visible for f in formats)}

    result = batch("in", "-o", "out", "--resume", "--json", "r.json", *args[-6:], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = _report(tmp_path / "r.json")
    assert report[""]["skipped"] == len(done) > 0
    assert report[""]["ok"] == len(copies) - len(done)
    for stem in done:
        assert report[f"in/{stem}.yaml"]["status"] == "skipped"
    assert sorted(os.listdir(out)) == sorted(f"{s}.{f}" for s in copies for f in formats)


def test_dangerous_names_land_inside_the_output_folder(tmp_path: Path) -> None:
    """Names are the inputs' stems: made safe, kept distinct, and never a path out of ``out``."""
    inputs = tmp_path / "in"
    (inputs / "deep" / "a").mkdir(parents=True)
    (tmp_path / "etc").mkdir()
    example = EXAMPLES[0].read_bytes()
    for name in ("CON.yaml", "deep/CON.yaml", "a\\b.yaml", "x:y?.yaml", " .yaml", "nul.txt.yaml"):
        (inputs / name).write_bytes(example)
    (inputs / "deep" / "a" / "b.yaml").write_bytes(example)
    (tmp_path / "etc" / "passwd.yaml").write_bytes(example)
    before = set(tmp_path.rglob("*"))
    result = batch("in", "in/deep/a/../../../etc/passwd.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    created = set(tmp_path.rglob("*")) - before
    assert all(p == out or p.parent == out for p in created), created
    assert sorted(p.name for p in out.iterdir()) == [
        "CON_-2.txt",
        "CON_.txt",
        "a_b.txt",
        "b.txt",
        "nul_.txt.txt",
        "passwd.txt",
        "report.txt",
        "x_y_.txt",
    ]


def test_200_generated_reports_10_broken_render_190_and_report_the_10(tmp_path: Path) -> None:
    """The issue's acceptance: each broken report is listed with the reason it was not rendered."""
    from govreport.testing.synthetic import Break, generate, write_reports

    kinds = [k for k in Break if not k.renders]  # a report with warnings only is rendered
    write_reports(tmp_path / "in", 200, seed=11, broken=0.05, kinds=kinds)
    expected = {s.name: s.broken for s in generate(200, seed=11, broken=0.05, kinds=kinds)}
    result = batch("in", "-o", "out", "--json", "r.json", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    report = _report(tmp_path / "r.json")
    assert report[""]["ok"] == 190 and report[""]["total"] == 200
    for name, kind in expected.items():
        entry = report[f"in/{name}.yaml"]
        if kind is None:
            assert entry["status"] == "ok", entry
            continue
        assert f"in/{name}.yaml: " in result.stderr
        if kind.code is None:
            assert entry["status"] == "unreadable" and entry["reason"], entry
        else:
            assert entry["status"] == "refused", entry
            assert any(f" {kind.code}]" in e for e in entry["errors"]), (kind, entry)  # type: ignore[attr-defined]
    assert len(list((tmp_path / "out").iterdir())) == 190


def _stat(pid: int | str) -> list[str]:
    """The fields of /proc/PID/stat after the command name: state, parent, …; [] if gone."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rpartition(") ")[2].split()
    except OSError:
        return []


def _children(pid: int) -> list[int]:
    found = [p.name for p in Path("/proc").iterdir() if p.name.isdigit()]
    return [int(p) for p in found if _stat(p)[1:2] == [str(pid)]]


def _alive(pid: int) -> bool:
    return _stat(pid)[:1] not in ([], ["Z"])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_to_the_batch_stops_its_workers_and_leaves_nothing_half_written(
    tmp_path: Path,
) -> None:
    make_inputs(tmp_path / "in", 150)
    out = tmp_path / "out"
    proc = _started(
        [*COMMAND, "in", "-o", "out", "--jobs", "2", "-f", "docx", "-f", "html"], tmp_path
    )
    try:
        _wait_for_files(proc, out, 10)
        workers = _children(proc.pid)
        assert proc.poll() is None and workers
        proc.send_signal(signal.SIGTERM)  # the parent only, as a service manager would
        assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    assert all(not name.startswith(".") for name in os.listdir(out)), os.listdir(out)


def test_ctrl_c_stops_the_batch_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 150)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*COMMAND, "in", "-o", "out", "--jobs", "2", "-f", "docx", "-f", "html"],
        cwd=tmp_path,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and len(os.listdir(out)) >= 10:
                break
            time.sleep(0.01)
        assert proc.poll() is None
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole group
        assert proc.wait(timeout=60) == 130
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.stderr is not None and "已中止" in proc.stderr.read()
    assert all(not name.startswith(".") for name in os.listdir(out)), os.listdir(out)


def test_format_options_apply_to_every_report_and_a_bad_one_stops_the_batch(
    tmp_path: Path,
) -> None:
    make_inputs(tmp_path / "in", 2)
    bad = batch("in", "-o", "out", "--option", "nosuch=1", "--json", "r.json", cwd=tmp_path)
    assert bad.returncode == 2 and "nosuch" in bad.stderr, bad.stderr
    assert not (tmp_path / "r.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    narrow = batch("in", "-o", "out", "--option", "width=60", cwd=tmp_path)
    assert narrow.returncode == 0, narrow.stderr
    assert batch("in", "-o", "wide", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "unit-000.txt").read_bytes() != (
        tmp_path / "wide" / "unit-000.txt"
    ).read_bytes()


def test_a_bad_template_is_said_once_before_any_work(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in", 3)
    (tmp_path / "bad.docx").write_bytes(b"not a Word file")
    args = ("in", "-o", "out", "-f", "docx", "-f", "txt", "--json", "r.json")
    bad = batch(*args, "--template", "bad.docx", cwd=tmp_path)
    assert bad.returncode == 2, bad.stderr
    lines = [line for line in bad.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "bad.docx" in lines[0], bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "in"]  # nothing written
    # The template exported for editing works for every report.
    from govreport.outputs.docx import export_template

    export_template(tmp_path / "good.docx")
    good = batch(*args, "--template", "good.docx", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3


def test_previous_and_no_signature_reach_every_report(tmp_path: Path) -> None:
    from tests.batch.test_previous import PINGTAN_2024, PINGTAN_2025, _carried_forward_2

    (tmp_path / "2025").mkdir()
    (tmp_path / "2024").mkdir()
    for name in ("carried.yaml", "same.yaml", "new.yaml"):
        (tmp_path / "2025" / name).write_bytes(PINGTAN_2025.read_bytes())
    _carried_forward_2(tmp_path / "2024", "carried.yaml")
    (tmp_path / "2024" / "same.yaml").write_bytes(PINGTAN_2024.read_bytes())
    result = batch(
        "2025", "-o", "out", "--previous", "2024", "--no-signature", "--json", "r.json",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = _report(tmp_path / "r.json")
    assert report["2025/carried.yaml"]["status"] == "refused"
    assert any("R6" in e for e in report["2025/carried.yaml"]["errors"])  # type: ignore[attr-defined]
    assert report["2025/same.yaml"]["previous"] == "2024/same.yaml"
    assert report["2025/new.yaml"]["status"] == "ok" and report["2025/new.yaml"]["previous"] is None
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["previous"] == "2024"
    assert "1 个文件没有对应的上年度数据" in result.stdout
    signed = batch("2025", "-o", "signed", cwd=tmp_path)
    assert signed.returncode == 0, signed.stderr
    unsigned = (tmp_path / "out" / "new.txt").read_text(encoding="utf-8")
    last_lines = (tmp_path / "signed" / "new.txt").read_text(encoding="utf-8").splitlines()[-3:]
    assert any("平潭综合实验区" in line for line in last_lines)
    assert not any("平潭综合实验区" in line for line in unsigned.splitlines()[-3:])
