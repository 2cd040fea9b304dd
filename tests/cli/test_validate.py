"""The CLI as a civil servant uses it: real files, real exit codes, Chinese messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govreport.cli.main import main

EXAMPLES = Path(__file__).parents[2] / "examples"

BROKEN = """\
agency:
  name: 某某镇人民政府
  level: township
year: 2025
published: 2026-01-20
applications:
  recieved: [10, 0, 0, 0, 0, 0]            # (d) misspelled key
  carried_over: [1, 0, 0, 0, 0, 0]        # (f) last year carried 2 forward
  results:
    disclosed: [5, 1, 0, 0, 0, 0, 7]      # (a) row does not add up: 5 + 1 != 7
    partially_disclosed: [-1, 0, 0, 0, 0, 0]   # (c) negative count
  carried_forward: [0, 0, 0, 0, 0, 0]
proactive:
  licensing: "十二"                       # (e) a string where a number belongs
"""

PREVIOUS = """\
agency: {name: 某某镇人民政府, level: township}
year: 2024
published: 2025-01-20
applications:
  received: [2, 0, 0, 0, 0, 0]
  carried_forward: [2, 0, 0, 0, 0, 0]
  results: {}
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, Path]:
    this, last = tmp_path / "report.yaml", tmp_path / "last.yaml"
    this.write_text(BROKEN, encoding="utf-8")
    last.write_text(
        PREVIOUS.replace("results: {}", "results:\n    disclosed: [0, 0, 0, 0, 0, 0]"),
        encoding="utf-8",
    )
    return this, last


def test_every_kind_of_mistake_in_one_run(capsys: pytest.CaptureFixture[str], broken) -> None:
    this, last = broken
    code, out, err = run(capsys, "validate", str(this), "--previous", str(last))
    assert code == 1
    assert "Traceback" not in out + err
    lines = out.splitlines()

    def line_with(*parts: str) -> str:
        hits = [ln for ln in lines if all(p in ln for p in parts)]
        assert hits, f"no line with {parts} in:\n{out}"
        return hits[0]

    # (a) row sum, named by its official label
    line_with("R1", "（一）予以公开")
    # (b) the R3 balance breaks (10 + 1 received, 5 + 1 - 1 + 0 accounted)
    line_with("R3", "总计")
    # (c) negative count
    line_with("R5", "（二）部分公开", "自然人")
    # (d) misspelled key, with a suggestion
    line_with("recieved", "received", "一、本年新收政府信息公开申请数量")
    # (e) a string where a number belongs
    line_with("行政许可", "十二")
    # (f) carry-over disagrees with last year's file
    line_with("R6", "二、上年结转政府信息公开申请数量")
    assert all(ln.startswith("report.yaml: ") for ln in lines[:-1])


def test_json_findings_for_machines(capsys: pytest.CaptureFixture[str], broken) -> None:
    this, last = broken
    code, out, _ = run(capsys, "validate", str(this), "--previous", str(last), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    codes = {f["code"] for f in data["findings"]}
    assert {"R1", "R3", "R5", "R6", "D1", "D2"} <= codes
    first = data["findings"][0]
    assert set(first) == {"code", "severity", "path", "location", "message", "file"}


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_examples_are_clean(capsys: pytest.CaptureFixture[str], example: str) -> None:
    code, out, _ = run(capsys, "validate", str(EXAMPLES / example))
    assert (code, "校验通过" in out) == (0, True), out


def test_unreadable_input_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("agency: [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 2
    assert "bad.yaml" in err and "Traceback" not in err
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err


def test_new_skeleton_validates_after_filling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "new", "--year", "2025", "--agency", "某某街道办事处")
    assert code == 0 and "一、本年新收政府信息公开申请数量" in out
    path = tmp_path / "new.yaml"
    path.write_text(out.replace("published: null", "published: 2026-01-15"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0, out


def test_render_refuses_a_report_with_errors(
    capsys: pytest.CaptureFixture[str], broken, tmp_path: Path
) -> None:
    this, _ = broken
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "render", str(this), "-f", "txt", "-o", str(out_dir))
    assert code == 1 and "--force" in err
    assert not out_dir.exists()
    code, _, _ = run(capsys, "render", str(this), "-f", "txt", "-o", str(out_dir), "--force")
    assert code == 0 and (out_dir / "report.txt").exists()


def test_render_writes_text_atomically(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "shuangpu.yaml"
    shutil.copy(EXAMPLES / "shuangpu-2024.yaml", src)
    code, out, _ = run(capsys, "render", str(src), "-f", "txt", "-o", str(tmp_path / "o"))
    assert code == 0
    written = tmp_path / "o" / "shuangpu.txt"
    text = written.read_text(encoding="utf-8")
    assert "杭州市西湖区双浦镇人民政府" in text and "共新收政府信息公开申请23件" in text
    assert [p.name for p in written.parent.iterdir()] == ["shuangpu.txt"]  # no temp files left
    assert str(written) in out


def test_unknown_format_and_bad_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = EXAMPLES / "shuangpu-2024.yaml"
    code, _, err = run(capsys, "render", str(src), "-f", "nope", "-o", str(tmp_path))
    assert code == 2 and "nope" in err and "txt" in err
    code, _, err = run(
        capsys, "render", str(src), "-f", "txt", "--option", "colour=red", "-o", str(tmp_path)
    )
    assert code == 2 and "colour" in err


def test_convert_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    json_path, yaml_path = tmp_path / "p.json", tmp_path / "p.yaml"
    assert run(capsys, "convert", str(EXAMPLES / "pingtan-2024.yaml"), str(json_path))[0] == 0
    assert run(capsys, "convert", str(json_path), str(yaml_path))[0] == 0
    assert "18651.06" in json_path.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(yaml_path))
    assert code == 0, out


def test_plugins_lists_builtins_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert "govreport.outputs.text" in out and "govreport_register_outputs" in out
    assert "txt" in out and "R3" in out


def test_auditing_a_real_report_against_the_year_before(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        str(EXAMPLES / "pingtan-2025.yaml"),
        "--previous",
        str(EXAMPLES / "pingtan-2024.yaml"),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    # R6 holds; the stock-flow of 行政规范性文件 does not (440 + 58 - 45 != 546): information
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("S4", "info")]
    assert "453" in data["findings"][0]["message"]


def test_last_years_problems_carry_last_years_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    last = tmp_path / "last.yaml"
    # 双浦镇's own 2023 file (--previous refuses another agency's or year's).
    shuangpu_2023 = PREVIOUS.replace("某某镇人民政府", "杭州市西湖区双浦镇人民政府")
    shuangpu_2023 = shuangpu_2023.replace("2024", "2023").replace("2025", "2024")
    last.write_text(shuangpu_2023.replace("results: {}", "results: {}\nbogus: 1"), encoding="utf-8")
    this = EXAMPLES / "shuangpu-2024.yaml"
    for command in ("validate", "render"):
        args = [command, str(this), "--previous", str(last)]
        _, out, err = run(capsys, *args, *(["-o", str(tmp_path / "out")] * (command == "render")))
        lines = [line for line in (out + err).splitlines() if "bogus" in line]
        assert lines and all(line.startswith("last.yaml: ") for line in lines), (command, out, err)
    _, out, _ = run(capsys, "validate", str(this), "--previous", str(last), "--format", "json")
    files = {f["file"] for f in json.loads(out)["findings"] if "bogus" in f["path"]}
    assert files == {str(last)}
