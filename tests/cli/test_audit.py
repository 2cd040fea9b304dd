"""``govreport audit`` as an auditor runs it: a real process over a folder of reports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.audit import reports
from tests.cli_process import run_cli


def govreport(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a fresh interpreter, stdout and stderr not a terminal."""
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A clean report, 四's 总计 left at 0, 17 applications in the text for 95, a broken file."""
    here = tmp_path / "reports"
    here.mkdir()
    reports.clean(here)
    reports.review_total_zero(here)
    reports.says_17_of_95(here)
    reports.unreadable(here)
    return here


def _line(out: str, name: str) -> str:
    hits = [ln for ln in out.splitlines() if ln.startswith(f"reports/{name}: ")]
    assert len(hits) == 1, out
    return hits[0]


def test_a_folder_gets_the_right_verdict_for_each_report(folder: Path) -> None:
    done = govreport("audit", "reports", "--json", "audit.json", cwd=folder.parent)
    assert done.returncode == 1, done.stderr  # errors (R4) and an unreadable file
    assert "Traceback" not in done.stdout + done.stderr
    out = done.stdout
    assert "通过 (ok)" in _line(out, "clean.yaml")
    zero = _line(out, "zero.yaml")
    assert "有错误 (errors)" in zero and "[错误 R4] 行政复议/总计" in zero
    seventeen = _line(out, "seventeen.yaml")
    assert "有警告 (warnings)" in seventeen and "[警告 N1]" in seventeen
    broken = _line(out, "broken.yaml")
    assert "无法读取 (unreadable)" in broken and "YAML 语法错误" in broken
    assert out.splitlines()[-1].startswith("共 4 份：通过 1，有警告 1，有错误 1，无法读取 1")

    data = json.loads((folder.parent / "audit.json").read_text(encoding="utf-8"))
    by = {r["file"]: r for r in data["reports"]}
    assert [by[f"reports/{n}"]["status"] for n in ("clean.yaml", "zero.yaml")] == ["ok", "errors"]
    assert by["reports/seventeen.yaml"]["status"] == "warnings"
    assert by["reports/broken.yaml"]["status"] == "unreadable"
    (r4,) = by["reports/zero.yaml"]["findings"]
    assert r4["evidence"]["formula"] == "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"
    assert r4["evidence"]["difference"] == 7
    assert [c["location"] for c in r4["evidence"]["left"]] == [
        "行政复议/结果维持",
        "行政复议/结果纠正",
        "行政复议/其他结果",
        "行政复议/尚未审结",
    ]
    (n1,) = by["reports/seventeen.yaml"]["findings"]
    assert "17" in n1["message"] and "95" in n1["message"]
    assert [c["value"] for c in n1["evidence"]["left"]] == [17]
    assert [c["value"] for c in n1["evidence"]["right"]] == [95]
    assert "YAML" in by["reports/broken.yaml"]["findings"][0]["message"]


def test_exit_0_without_errors_and_strict_counts_warnings(folder: Path) -> None:
    clean, seventeen = folder / "clean.yaml", folder / "seventeen.yaml"
    assert govreport("audit", str(clean), cwd=folder).returncode == 0
    assert govreport("audit", str(clean), str(seventeen), cwd=folder).returncode == 0
    strict = govreport("audit", "--strict", str(clean), str(seventeen), cwd=folder)
    assert strict.returncode == 1


def test_usage_errors_exit_2(folder: Path) -> None:
    assert govreport("audit", cwd=folder).returncode == 2  # no path
    assert govreport("audit", "--no-such", "x", cwd=folder).returncode == 2


def test_csv_and_annotated_pages(folder: Path) -> None:
    out = folder.parent
    done = govreport("audit", "reports", "--csv", "audit.csv", "--annotate", "pages", cwd=out)
    assert done.returncode == 1
    raw = (out / "audit.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["file"], r["code"]) for r in rows] == [
        ("reports/broken.yaml", "UNREADABLE"),
        ("reports/clean.yaml", ""),
        ("reports/seventeen.yaml", "N1"),
        ("reports/zero.yaml", "R4"),
    ]
    assert sorted(p.name for p in (out / "pages").iterdir()) == [
        "clean.html",
        "seventeen.html",
        "zero.html",
    ]
    assert "gr-audit-bad" in (out / "pages" / "zero.html").read_text(encoding="utf-8")
    assert "已生成 (written)：3 个网页" in done.stderr


def test_a_missing_path_is_reported_and_the_rest_go_on(folder: Path) -> None:
    done = govreport("audit", "reports/clean.yaml", "nowhere", cwd=folder.parent)
    assert done.returncode == 1
    assert "通过 (ok)" in _line(done.stdout, "clean.yaml")
    assert "nowhere: 无法读取 (unreadable)；文件或目录不存在" in done.stdout
