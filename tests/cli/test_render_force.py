"""``govreport render --force`` names every total it prints as computed instead of as stated.

A published report whose 总计 is wrong is evidence: rendering it anyway prints
the computed totals, and the user must hear which cells changed, from what to
what.  Run as a real process, as a civil servant runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: 一、本年新收 stated 5 (computed 2), （七）总计's 总计 stated 3 (computed 2),
#: 行政复议 总计 stated 0 (computed 1).  Every other stated total is right.
WRONG_TOTALS = """\
agency: {name: 某某镇人民政府, level: township}
year: 2025
published: 2026-01-20
applications:
  received: [2, 0, 0, 0, 0, 0, 5]
  results:
    disclosed: [2, 0, 0, 0, 0, 0, 2]
    total: [2, 0, 0, 0, 0, 0, 3]
  carried_forward: [0, 0, 0, 0, 0, 0]
review_litigation:
  review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 0}
other: {text: 本年度未收取信息处理费。}
"""


def _govreport(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("GOVREPORT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "govreport.cli.main", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_force_names_each_replaced_total(tmp_path: Path) -> None:
    (tmp_path / "wrong.yaml").write_text(WRONG_TOTALS, encoding="utf-8")
    done = _govreport(tmp_path, "render", "wrong.yaml", "-f", "txt", "-o", "out", "--force")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    printed = (tmp_path / "out" / "wrong.txt").read_text(encoding="utf-8")
    assert printed  # rendered, with the computed totals

    replaced = [line for line in done.stderr.splitlines() if "计算值" in line]
    assert len(replaced) == 3, done.stderr
    received, results, review = replaced
    # In the order of the report, each with its label chain, its path, both values.
    assert "一、本年新收政府信息公开申请数量/总计" in received
    assert "(applications.received.total)" in received
    assert "填报5" in received and "计算值2" in received
    assert "（七）总计/总计" in results and "(applications.results.total.total)" in results
    assert "填报3" in results and "计算值2" in results
    assert "行政复议/总计" in review and "(review_litigation.review.total)" in review
    assert "填报0" in review and "计算值1" in review
    assert all(line.startswith("wrong.yaml: ") for line in replaced)


def test_no_line_when_every_stated_total_is_right(tmp_path: Path) -> None:
    right = WRONG_TOTALS.replace("0, 0, 0, 0, 0, 5]", "0, 0, 0, 0, 0, 2]")
    right = right.replace("0, 0, 0, 0, 0, 3]", "0, 0, 0, 0, 0, 2]").replace(
        "total: 0}", "total: 1}"
    )
    (tmp_path / "right.yaml").write_text(right, encoding="utf-8")
    done = _govreport(tmp_path, "render", "right.yaml", "-f", "txt", "-o", "out", "--force")
    assert done.returncode == 0, done.stderr
    assert "计算值" not in done.stderr
    assert (tmp_path / "out" / "right.txt").exists()


def test_without_force_nothing_is_replaced_or_written(tmp_path: Path) -> None:
    (tmp_path / "wrong.yaml").write_text(WRONG_TOTALS, encoding="utf-8")
    done = _govreport(tmp_path, "render", "wrong.yaml", "-f", "txt", "-o", "out")
    assert done.returncode == 1
    assert "--force" in done.stderr
    assert not (tmp_path / "out").exists()
