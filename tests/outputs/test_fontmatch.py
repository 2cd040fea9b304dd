"""The LibreOffice route's fonts: stand-ins, SC glyph forms, a missing stand-in said.

fontconfig is asked exactly as LibreOffice asks it, through ``fc-match`` with
``FONTCONFIG_FILE`` pointing at the package's ``fonts.conf``.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

import govreport
from govreport.layoutcheck import check_layout
from govreport.outputs import pdf as pdf_module
from govreport.outputs.fontmatch import STAND_INS, matched, substitutions, warn_missing_stand_ins
from govreport.outputs.typst import fonts as typst_fonts

pytestmark = pytest.mark.skipif(
    shutil.which("fc-match") is None, reason="fontconfig's fc-match is not installed"
)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pingtan-2024.yaml"


def _installed(family: str) -> bool:
    done = subprocess.run(
        ["fc-list", f":family={family}", "family"], capture_output=True, check=False
    )
    return bool(done.stdout.strip())


@pytest.fixture()
def stand_ins() -> None:
    for family in ("FandolFang", "FandolKai", "Noto Serif CJK SC", "Noto Sans CJK SC"):
        if not _installed(family):
            pytest.skip(f"{family} is not installed; scripts/install-fonts.sh installs it")


@pytest.mark.usefixtures("stand_ins")
@pytest.mark.parametrize("official", sorted(STAND_INS))
def test_every_official_face_gets_its_stand_in(official: str) -> None:
    assert STAND_INS[official] in (matched(official, pdf_module.FONTCONFIG) or ())


@pytest.mark.usefixtures("stand_ins")
@pytest.mark.parametrize("request_", ["DejaVu Sans", "Times New Roman", "No Such Font", "serif"])
def test_a_chinese_character_missing_from_a_font_falls_back_to_the_sc_face(request_: str) -> None:
    """Without a language, fontconfig's file order gave the JP face of Noto CJK (直 differs)."""
    families = matched(f"{request_}:charset=76f4", pdf_module.FONTCONFIG)
    assert families is not None
    assert families[0] in ("Noto Sans CJK SC", "Noto Serif CJK SC")


@pytest.mark.usefixtures("stand_ins")
def test_nothing_is_missing_here() -> None:
    assert substitutions(pdf_module.FONTCONFIG) == ()


def _without_fandol(folder: Path) -> Path:
    """The package's fonts.conf over the system's fonts but not /usr/local/share/fonts."""
    text = pdf_module.FONTCONFIG.read_text(encoding="utf-8")
    text = text.replace(
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        f"<dir>/usr/share/fonts</dir><cachedir>{folder / 'cache'}</cachedir>",
    )
    text = text.replace("<dir>/usr/local/share/fonts</dir>", "")
    text = text.replace('<dir prefix="xdg">fonts</dir>', "")
    path = folder / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def no_fandol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # "Once per process": a fresh process as far as the warning knows.
    monkeypatch.setattr(typst_fonts, "_warned", set())
    config = _without_fandol(tmp_path)
    if not _installed("Noto Serif CJK SC"):
        pytest.skip("Noto Serif CJK SC is not installed")
    families = matched("FandolFang", config) or ()
    if "FandolFang" in families:
        pytest.skip("FandolFang is installed under /usr/share/fonts: cannot hide it")
    return config


def test_a_missing_stand_in_is_named_with_the_font_used(no_fandol: Path) -> None:
    missing = {s.wanted: s.used for s in substitutions(no_fandol)}
    assert missing == {"FandolFang": "Noto Serif CJK SC", "FandolKai": "Noto Serif CJK SC"}
    stream = io.StringIO()
    line = warn_missing_stand_ins(no_fandol, stream)
    assert stream.getvalue() == line + "\n"
    assert line.startswith("警告：仿宋_GB2312的替代字体 FandolFang 未找到，改用 Noto Serif CJK SC")
    assert "\n" not in line
    assert warn_missing_stand_ins(no_fandol, stream) == ""  # once per process


def test_the_libreoffice_route_warns_and_the_check_sees_the_fallback(
    no_fandol: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """Not silent any more: one line on stderr, and check-layout names the body's face."""
    if pdf_module.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    monkeypatch.setattr(pdf_module, "FONTCONFIG", no_fandol)
    report = govreport.read_report(EXAMPLE)
    path = tmp_path / "report.pdf"
    path.write_bytes(govreport.Engine().render(report, "docx-pdf"))
    err = capsys.readouterr().err
    assert "仿宋_GB2312的替代字体 FandolFang 未找到，改用 Noto Serif CJK SC" in err
    assert len([line for line in err.splitlines() if line.startswith("警告：")]) == 1
    faces = [f for f in check_layout(path).errors if f.code == "L5"]
    assert faces and "正文字体为 NotoSerifCJK" in faces[0].message
