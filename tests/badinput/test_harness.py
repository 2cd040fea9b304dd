"""The harness itself: it passes a good run and catches what a case must never do."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Case, run


def test_a_good_render_passes(tmp_path: Path) -> None:
    run(
        Case(
            "good",
            ("render", "{E}", "-f", "txt", "-o", "out"),
            0,
            ("已生成",),
            leaves=("out/shuangpu-2024.txt",),
        ),
        tmp_path,
    )


def test_a_wrong_status_or_missing_words_fail(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="exit status 0, expected 1"):
        (tmp_path / "a").mkdir()
        run(Case("status", ("validate", "{E}"), 1), tmp_path / "a")
    with pytest.raises(AssertionError, match="does not say"):
        (tmp_path / "b").mkdir()
        run(Case("words", ("validate", "{E}"), 0, ("没有这句话",)), tmp_path / "b")


def test_a_file_left_behind_fails(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="left behind"):
        run(Case("left", ("render", "{E}", "-f", "txt", "-o", "out"), 0), tmp_path)
