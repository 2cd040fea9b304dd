"""Which face stands in for each official font, where fonts are looked for, and the warning."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from govreport.outputs.typst import fonts
from govreport.outputs.typst.fonts import (
    FONT_PATH_ENV,
    PACKAGE_FONTS,
    ROLES,
    STAND_INS,
    Substitution,
    choose,
    font_dirs,
    warn_substitutions,
    warning,
)

ALL = ("FandolFang R", "FandolKai", "FandolHei", "FandolSong", "Noto Serif CJK SC")
ALL += ("Noto Sans CJK SC", "Noto Serif CJK JP", "DejaVu Sans")


def test_every_official_face_has_its_first_stand_in_when_all_are_installed() -> None:
    choice = choose(ALL)
    assert choice.substitutions == ()
    assert choice.families["fang"][0] == "FandolFang R"
    assert choice.families["kai"][0] == "FandolKai"
    assert choice.families["hei"][0] == "Noto Sans CJK SC"
    assert choice.families["title"][0] == choice.families["song"][0] == "Noto Serif CJK SC"
    # Never the Japanese face: it is no stand-in and no fallback.
    assert not any("JP" in f for chain in choice.families.values() for f in chain)
    assert set(choice.families) == set(ROLES)


def test_a_missing_fandol_face_falls_back_and_is_named() -> None:
    choice = choose(f for f in ALL if not f.startswith(("FandolFang", "FandolKai")))
    assert choice.families["fang"][0] == "Noto Serif CJK SC"
    assert choice.families["kai"][0] == "Noto Serif CJK SC"
    assert choice.substitutions == (
        Substitution("仿宋_GB2312", "FandolFang", "Noto Serif CJK SC"),
        Substitution("楷体_GB2312", "FandolKai", "Noto Serif CJK SC"),
    )
    line = warning(choice.substitutions)
    assert "\n" not in line
    for words in ("仿宋_GB2312", "FandolFang", "楷体_GB2312", "FandolKai", "Noto Serif CJK SC"):
        assert words in line
    assert "using Noto Serif CJK SC" in line and FONT_PATH_ENV in line


def test_the_older_fandolfang_family_name_counts_as_the_stand_in() -> None:
    choice = choose(["FandolFang", "FandolKai", "Noto Serif CJK SC", "Noto Sans CJK SC"])
    assert choice.families["fang"][0] == "FandolFang"
    assert not choice.substitutions


def test_without_any_chinese_face_there_is_nothing_to_use() -> None:
    choice = choose(["DejaVu Sans", "Noto Serif CJK JP"])
    assert not choice.has_chinese
    assert {s.used for s in choice.substitutions} == {""}


def test_the_warning_is_one_line_once_per_process() -> None:
    choice = choose(["Noto Serif CJK SC", "Noto Sans CJK SC", "SomethingElse"])
    first, again = io.StringIO(), io.StringIO()
    said = warn_substitutions(choice, first)
    assert said and first.getvalue() == said + "\n"
    assert warn_substitutions(choice, again) == "" and again.getvalue() == ""
    assert warn_substitutions(choose(ALL), again) == ""  # nothing substituted: nothing said


def test_search_path_is_the_package_folder_then_the_variable(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    env = {FONT_PATH_ENV: os.pathsep.join([str(a), str(tmp_path / "missing"), str(b), ""])}
    dirs = font_dirs(env)
    assert dirs == (PACKAGE_FONTS, a, b)
    assert font_dirs({}) == (PACKAGE_FONTS,)
    assert (PACKAGE_FONTS / "fonts.conf").is_file()


def test_stand_ins_are_the_faces_fontconfig_maps_the_official_names_to() -> None:
    # The LibreOffice route (fonts/fonts.conf) and this one choose alike.
    conf = (PACKAGE_FONTS / "fonts.conf").read_text(encoding="utf-8")
    for official in ("仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"):
        after = conf.split(f"<family>{official}</family>", 1)[1]
        preferred = after.split("<family>", 1)[1].split("</family>", 1)[0]
        assert preferred in {f.removesuffix(" R") for f in STAND_INS[official]}, official


def test_fonts_in_a_folder_of_the_variable_are_found(tmp_path: Path, monkeypatch) -> None:
    installed = [Path(p) for p in ("/usr/local/share/fonts/fandol/FandolKai-Regular.otf",)]
    if not installed[0].is_file():
        pytest.skip("FandolKai is not installed (scripts/install-fonts.sh)")
    (tmp_path / "FandolKai-Regular.otf").write_bytes(installed[0].read_bytes())
    monkeypatch.setenv(FONT_PATH_ENV, str(tmp_path))
    dirs = font_dirs()
    assert tmp_path in dirs
    families = fonts.typst_fonts(dirs).fonts()
    assert any(
        f.family == "FandolKai" and f.path and Path(f.path).parent == tmp_path for f in families
    )


def test_this_machine_has_every_stand_in() -> None:
    """CI installs them (fonts-noto-cjk, scripts/install-fonts.sh); a developer may not have."""
    choice = fonts.default_choice(font_dirs())
    if choice.substitutions:
        pytest.skip(warning(choice.substitutions))
    assert choice.has_chinese
