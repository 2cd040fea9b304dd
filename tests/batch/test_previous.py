"""Last year's data in a batch: matched by file name, R6 run with it, absence said per input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govreport import Engine, load_report, save_report
from govreport.batch import BatchItem, Status, render_many
from govreport.batch.previous import finder
from govreport.batch.resume import up_to_date

from .inputs import REPO

PINGTAN_2024 = REPO / "examples" / "pingtan-2024.yaml"
PINGTAN_2025 = REPO / "examples" / "pingtan-2025.yaml"


def _carried_forward_2(folder: Path, name: str) -> Path:
    """Last year's report, consistent on its own, carrying 2 applications into this year.

    This year's report (pingtan-2025) carries over none: R6 holds only without it.
    """
    text = PINGTAN_2024.read_text(encoding="utf-8")
    for old, new in (
        ("carried_forward: [0, 0, 0, 0, 0, 0, 0]", "carried_forward: [2, 0, 0, 0, 0, 0, 2]"),
        ("received: [217, 1, 0, 0, 0, 0, 218]", "received: [219, 1, 0, 0, 0, 0, 220]"),
    ):
        assert old in text
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def years(tmp_path: Path) -> tuple[list[Path], Path]:
    """This year: three inputs; last year: one that breaks R6, one as JSON, none for the third."""
    now, before = tmp_path / "2025", tmp_path / "2024"
    now.mkdir()
    before.mkdir()
    inputs = [now / name for name in ("carried.yaml", "json.yaml", "new.yaml")]
    for path in inputs:
        path.write_bytes(PINGTAN_2025.read_bytes())
    _carried_forward_2(before, "carried.yaml")
    save_report(load_report(PINGTAN_2024).report, before / "json.json")  # found by its stem
    return inputs, before


def _by_name(items: object) -> dict[str, BatchItem]:
    return {item.name: item for item in items}  # type: ignore[attr-defined]


def test_a_folder_is_matched_by_name_and_r6_runs_with_last_years_file(
    years: tuple[list[Path], Path], tmp_path: Path
) -> None:
    inputs, before = years
    items = _by_name(render_many(inputs, tmp_path / "out", ["txt"], jobs=1, previous=before))
    carried = items["carried"]
    assert carried.status is Status.REFUSED and carried.exit_status == 1
    assert carried.previous == before / "carried.yaml"
    assert any("[错误 R6]" in line for line in carried.errors), carried.errors
    assert items["json"].status is Status.OK and items["json"].previous == before / "json.json"
    assert items["new"].status is Status.OK and items["new"].previous is None
    assert items["new"].to_dict()["previous"] is None
    assert items["json"].to_dict()["previous"] == str(before / "json.json")
    # Without last year's file the same input renders: R6 did not run.
    alone = _by_name(render_many(inputs, tmp_path / "alone", ["txt"], jobs=1))
    assert all(item.status is Status.OK and item.previous is None for item in alone.values())


def test_a_function_or_one_file_gives_each_inputs_previous(
    years: tuple[list[Path], Path], tmp_path: Path
) -> None:
    inputs, before = years
    chosen = {inputs[0]: before / "json.json"}
    items = _by_name(render_many(inputs, tmp_path / "f", ["txt"], jobs=1, previous=chosen.get))
    assert items["carried"].status is Status.OK
    assert items["carried"].previous == before / "json.json"
    assert [items[n].previous for n in ("json", "new")] == [None, None]
    one = _by_name(render_many(inputs, tmp_path / "one", ["txt"], previous=before / "carried.yaml"))
    assert {item.status for item in one.values()} == {Status.REFUSED}


def test_another_agencys_previous_file_refuses_that_input_only(tmp_path: Path) -> None:
    shuangpu = REPO / "examples" / "shuangpu-2024.yaml"
    [item] = render_many([PINGTAN_2025], tmp_path / "out", ["txt"], jobs=1, previous=shuangpu)
    assert item.status is Status.REFUSED and item.exit_status == 2
    assert "上年度报告与本报告不对应" in item.reason
    assert not (tmp_path / "out" / "pingtan-2025.txt").exists()


def test_the_folder_matches_the_file_name_before_the_stem(tmp_path: Path) -> None:
    for name in ("a.yaml", "a.json", "b.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    find = finder(tmp_path, [".yaml", ".json", ".toml"])
    assert find is not None
    assert find(Path("x/a.yaml")) == tmp_path / "a.yaml"
    assert find(Path("x/a.toml")) == tmp_path / "a.json"  # sorted suffixes: .json first
    assert find(Path("x/b.yaml")) == tmp_path / "b.toml"
    assert find(Path("x/c.yaml")) is None
    assert finder(None, [".yaml"]) is None


def test_resume_redoes_an_input_whose_previous_file_changed(tmp_path: Path) -> None:
    source, before, output = (tmp_path / n for n in ("in.yaml", "prev.yaml", "out.txt"))
    for path in (source, before, output):
        path.write_text("", encoding="utf-8")
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    os.utime(output, ns=(2_000_000_000, 2_000_000_000))
    os.utime(before, ns=(1_500_000_000, 1_500_000_000))
    assert up_to_date(source, [output], before)
    os.utime(before, ns=(3_000_000_000, 3_000_000_000))
    assert not up_to_date(source, [output], before)
    assert up_to_date(source, [output])


def test_signature_false_leaves_the_signature_out_of_every_output(tmp_path: Path) -> None:
    report = load_report(PINGTAN_2025).report
    eng = Engine(autoload=False)
    for signature in (True, False):
        out = tmp_path / str(signature)
        [item] = render_many([PINGTAN_2025], out, ["txt"], jobs=1, signature=signature)
        assert item.status is Status.OK
        expected = eng.render(report, "txt", signature=signature, allow_errors=True)
        assert (out / "pingtan-2025.txt").read_bytes() == expected
    assert (tmp_path / "True" / "pingtan-2025.txt").read_bytes() != (
        tmp_path / "False" / "pingtan-2025.txt"
    ).read_bytes()
