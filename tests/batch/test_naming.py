"""Output names: safe on every file system, distinct, never outside the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.batch.naming import FALLBACK, Namer, output_path, safe_stem
from govreport.limits import MAX_OUTPUT_STEM_BYTES


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("双浦镇-2024", "双浦镇-2024"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("a/b", "a_b"),
        ("a\\b", "a_b"),
        ('x<y>:"|?*', "x_y______"),
        ("tab\there\nline", "tab_here_line"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("Com1", "Com1_"),
        ("LPT9", "LPT9_"),
        ("NUL.report", "NUL_.report"),
        ("AUX ", "AUX_"),
        ("CONSOLE", "CONSOLE"),
        ("name. . ", "name"),
        ("..", FALLBACK),
        (".", FALLBACK),
        ("", FALLBACK),
        (".hidden", "hidden"),
    ],
)
def test_safe_stem(given: str, expected: str) -> None:
    assert safe_stem(given) == expected


def test_long_names_are_cut_and_stay_apart() -> None:
    a, b = "机" * 200 + "甲", "机" * 200 + "乙"
    assert len(safe_stem(a).encode()) <= MAX_OUTPUT_STEM_BYTES
    assert safe_stem(a) != safe_stem(b)
    assert safe_stem(a) == safe_stem(a)


def test_collisions_get_numbers_in_order_ignoring_case() -> None:
    namer = Namer()
    names = [namer.name(Path(p)) for p in ["x/a.yaml", "y/a.yaml", "A.json", "a-2.toml", "b.yaml"]]
    assert names == ["a", "a-2", "A-3", "a-2-2", "b"]


def test_output_path_refuses_to_leave_the_folder(tmp_path: Path) -> None:
    for bad in ("..", "../x", "a/b", ".hidden"):
        with pytest.raises(ValueError):
            output_path(tmp_path, bad, "")


@given(st.text(max_size=300))
def test_any_stem_lands_inside_the_folder(text: str) -> None:
    out = Path("/srv/out")
    stem = safe_stem(text)
    path = output_path(out, stem, ".docx")
    assert path.parent == out
    assert not path.name.startswith(".")
    assert len(stem.encode("utf-8", "surrogatepass")) <= MAX_OUTPUT_STEM_BYTES
    assert not any(ch in stem for ch in '<>:"/\\|?*')
