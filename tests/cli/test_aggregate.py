"""``govreport aggregate``: build an aggregate's tables from its units, or check them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.cli.main import main
from govreport.plugins import default_engine

EXAMPLES = Path(__file__).parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _unit(folder: Path, example: str, name: str, year: int | None = None) -> Path:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    head, sep, rest = text.partition("agency:\n  name: ")
    _, nl, tail = rest.partition("\n")
    text = f"{head}{sep}{name}{nl}{tail}"
    if year is not None:
        text = text.replace("year: 2024\n", f"year: {year}\n", 1)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def units(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "units"
    folder.mkdir()
    return [
        _unit(folder, "pingtan-2024.yaml", "甲区"),
        _unit(folder, "shuangpu-2024.yaml", "乙镇"),
    ]


PARENT = EXAMPLES / "pingtan-2024.yaml"


def test_build_writes_the_sum_and_says_what_it_replaced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, units: list[Path]
) -> None:
    out = tmp_path / "city.yaml"
    code, stdout, err = run(capsys, "aggregate", str(PARENT), *map(str, units), "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    assert "已用 2 个单位之和替换" in err
    for title in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        assert title in err
    built = default_engine().load_report(out)
    assert built.ok and built.report.agency.name == "平潭综合实验区"
    a, b = (default_engine().load_report(u).report for u in units)
    assert built.report.applications.received.total == (
        a.applications.received.total + b.applications.received.total
    )
    assert built.report.proactive.fees == a.proactive.fees + b.proactive.fees
    # The file built passes --check against the same units.
    code, stdout, _ = run(capsys, "aggregate", "--check", str(out), *map(str, units))
    assert code == 0 and "表格与 2 个单位之和一致" in stdout


def test_build_without_output_prints_the_data_file(
    capsys: pytest.CaptureFixture[str], units: list[Path]
) -> None:
    code, stdout, _ = run(capsys, "aggregate", str(PARENT), *map(str, units))
    assert code == 0 and stdout.startswith("agency:")


def test_build_refuses_a_unit_of_another_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, units: list[Path]
) -> None:
    old = _unit(units[0].parent, "pingtan-2024.yaml", "丙区", year=2023)
    out = tmp_path / "city.yaml"
    code, _, err = run(capsys, "aggregate", str(PARENT), *map(str, units), str(old), "-o", str(out))
    assert code == 1
    assert "[错误 G3]" in err and "丙区" in err and "未写出任何文件" in err
    assert not out.exists()


def test_check_lists_each_differing_cell_and_missing_units(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, units: list[Path]
) -> None:
    expect = tmp_path / "expect.txt"
    expect.write_text("甲区\n乙镇\n丁镇\n", encoding="utf-8")
    # 平潭's own report against 甲区 (the same numbers) and 乙镇: every 乙镇 cell differs.
    code, stdout, _ = run(
        capsys, "aggregate", "--check", str(PARENT), *map(str, units), "--expect", str(expect)
    )
    assert code == 1
    lines = stdout.splitlines()
    assert any("[错误 G2]" in ln and "丁镇" in ln for ln in lines)
    cell = next(ln for ln in lines if "(applications.received.natural_person)" in ln)
    assert cell.startswith("[错误 G1] 一、本年新收政府信息公开申请数量/自然人")
    assert "汇总报告为217，各单位之和为" in cell and "相差-" in cell


def test_an_unreadable_unit_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, units: list[Path]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("agency: [\n", encoding="utf-8")
    code, _, err = run(capsys, "aggregate", str(PARENT), str(units[0]), str(bad))
    assert code == 2 and "bad.yaml" in err


def test_check_and_output_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, units: list[Path]
) -> None:
    code, _, _ = run(
        capsys, "aggregate", "--check", str(PARENT), str(units[0]), "-o", str(tmp_path / "x.yaml")
    )
    assert code == 2
