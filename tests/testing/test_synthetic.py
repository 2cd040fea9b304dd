"""The synthetic report generator: valid reports pass every rule, each break gives its finding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pytest

from govreport import Engine, UnreadableFileError
from govreport.model import AdminLevel, AnnualReport
from govreport.rules.report import format_finding
from govreport.testing.synthetic import Break, generate, write_reports


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(autoload=False)


@pytest.mark.parametrize("seed", range(4))
def test_valid_reports_have_no_finding(engine: Engine, seed: int) -> None:
    for s in generate(75, seed=seed):
        assert s.broken is None
        assert isinstance(s.report, AnnualReport)
        findings = engine.validate(s.report)
        assert not findings, (s.name, [format_finding(f) for f in findings])


def test_written_files_read_back_as_the_generated_reports(engine: Engine, tmp_path: Path) -> None:
    paths = write_reports(tmp_path, 40, seed=7)
    for s, path in zip(generate(40, seed=7), paths, strict=True):
        assert path.name == f"{s.name}.yaml"
        assert path.read_bytes() == s.text
        result = engine.load_report(path)
        assert result.problems == ()
        assert result.report == s.report
        assert engine.validate(result.report) == []


def _codes(engine: Engine, path: Path) -> set[str]:
    """Every finding code for a file, load problems and rules; 'unreadable' if unreadable."""
    try:
        result = engine.load_report(path)
    except UnreadableFileError:
        return {"unreadable"}
    codes = {p.code for p in result.problems}
    if result.ok:
        codes |= {f.code for f in engine.validate(result.report)}
    return codes


@pytest.mark.parametrize("kind", list(Break), ids=lambda k: k.value)
def test_each_break_gives_exactly_its_finding(engine: Engine, tmp_path: Path, kind: Break) -> None:
    paths = write_reports(tmp_path, 12, seed=3, broken=1.0, kinds=[kind])
    generated = list(generate(12, seed=3, broken=1.0, kinds=[kind]))
    for s, path in zip(generated, paths, strict=True):
        assert s.broken is kind
        assert _codes(engine, path) == {kind.code or "unreadable"}, s.name
        if kind.in_file:
            expected = bytes if kind.code is None else Mapping
            assert isinstance(s.report, expected)
        else:
            assert isinstance(s.report, AnnualReport)
            assert {f.code for f in engine.validate(s.report)} == {kind.code}


def test_only_the_narrative_break_still_renders(engine: Engine) -> None:
    for s in generate(10, seed=1, broken=1.0):
        assert s.broken is not None
        if isinstance(s.report, AnnualReport):
            errors = [f for f in engine.validate(s.report) if f.severity.name == "ERROR"]
            assert (not errors) is s.broken.renders


def test_a_fraction_is_broken_each_kind_in_turn() -> None:
    reports = list(generate(200, seed=11, broken=0.05))
    broken = [s.broken for s in reports if s.broken is not None]
    assert len(broken) == 10
    assert set(broken) == set(Break)
    again = [s.broken for s in generate(200, seed=12, broken=0.05)]
    assert again != [s.broken for s in reports]  # other positions for another seed


def test_the_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    first = write_reports(tmp_path / "a", 30, seed=5, broken=0.3)
    second = write_reports(tmp_path / "b", 30, seed=5, broken=0.3)
    other = write_reports(tmp_path / "c", 30, seed=6, broken=0.3)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_levels_agencies_and_sizes_vary() -> None:
    reports = [s.report for s in generate(400, seed=2)]
    assert all(isinstance(r, AnnualReport) for r in reports)
    valid = [r for r in reports if isinstance(r, AnnualReport)]
    levels = Counter(r.agency.level for r in valid)
    assert set(levels) == set(AdminLevel)
    assert levels[AdminLevel.TOWNSHIP] > levels[AdminLevel.CITY_GOVERNMENT]
    names = {r.agency.name for r in valid}
    assert len(names) > 350
    assert any(n.endswith("街道办事处") for n in names)
    assert any(n.endswith("镇人民政府") for n in names)
    assert any(n.endswith("乡人民政府") for n in names)
    assert len({r.year for r in valid}) > 1

    def received(level: AdminLevel) -> list[int]:
        return [r.applications.received.total for r in valid if r.agency.level is level]

    townships = received(AdminLevel.TOWNSHIP)
    assert max(townships) <= 20 and townships.count(0) > len(townships) // 5
    assert min(received(AdminLevel.CITY_GOVERNMENT)) >= 100
    # Narratives of realistic length: 一's parts a few hundred characters each.
    lengths = [len(r.overview.proactive) for r in valid]
    assert 80 <= sum(lengths) / len(lengths) <= 600


def test_unreadable_files_are_what_they_say(tmp_path: Path) -> None:
    (gbk,) = write_reports(tmp_path, 1, broken=1.0, kinds=[Break.NOT_UTF8])
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode()
    assert "人民" in gbk.read_bytes().decode("gbk") or "政府" in gbk.read_bytes().decode("gbk")


def test_broken_must_be_a_fraction() -> None:
    with pytest.raises(ValueError, match="fraction"):
        list(generate(3, broken=1.5))
