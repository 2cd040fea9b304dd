"""Bad-input catalogue: outputs — writes, the output set, LibreOffice, text output, numbering.

Issue 9, items A (every renderer or write error is one clear line with its
exit status), H (the text output never drops a character), I (a 五 list of 100
or more items) and "outputs as a set" (a failed render leaves no new file; a
killed writer's temporary files and folders are removed by the next run).

LibreOffice is stood in for by small shell scripts on a relative ``PATH``
(``bin``, inside the case's folder), so these cases run, fast, where
LibreOffice is not installed; ``tests/outputs/test_pdf_processes.py`` uses the
real one.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .harness import EXAMPLE_TEXT, Case, example_with, ids, run

STEM = "shuangpu-2024"
TXT, DOCX, HTML, PDF = (f"out/{STEM}.{ext}" for ext in ("txt", "docx", "html", "pdf"))
#: An item of the section-五 list in the example, to put characters into.
ITEM = "    - 政府信息公开力度还不够\n"
NOTHING = "未写出任何文件"
NO_SOFFICE = {"PATH": "/nonexistent"}
FAKE_PATH = {"PATH": f"bin{os.pathsep}/usr/bin{os.pathsep}/bin"}


def with_item(text: str) -> str:
    """The example with one 五 item replaced by a double-quoted YAML scalar."""
    return example_with(ITEM, f'    - "{text}"\n')


def with_items(n: int, key: str = "problems") -> str:
    items = "".join(f"    - 第{i}项\n" for i in range(1, n + 1))
    old = f"  {key}:\n"
    assert old in EXAMPLE_TEXT
    head, tail = EXAMPLE_TEXT.split(old, 1)
    rest = tail.split("\n")
    while rest and rest[0].startswith("    - "):
        rest.pop(0)
    return head + old + items + "\n".join(rest)


def json_with_item(text: str) -> str:
    """The example as JSON, one 五 item replaced (JSON can spell a lone surrogate)."""
    data = yaml.safe_load(EXAMPLE_TEXT)
    data["problems"]["problems"][-1] = text
    return json.dumps(data, ensure_ascii=True, default=str)


# -- stand-ins for LibreOffice ---------------------------------------------------------


def _script(body: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        path = folder / "bin" / "soffice"
        path.parent.mkdir(exist_ok=True)
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)

    return setup


#: Writes a tiny PDF where LibreOffice would (--outdir DIR, source last).
GOOD_SOFFICE = _script(
    'while [ "$1" != "--outdir" ]; do shift; done\n'
    'out="$2"; eval last=\\${$#}\n'
    'name=$(basename "$last" .docx)\n'
    'printf "%%PDF-1.4 fake" > "$out/$name.pdf"\n'
)
FAILING_SOFFICE = _script('echo "Error: source file could not be loaded (boom)" >&2\nexit 81\n')
SILENT_SOFFICE = _script("exit 0\n")
#: Hangs, with a grandchild in its group, as oosplash starts soffice.bin.
HANGING_SOFFICE = _script('sleep 300 &\necho "$$" > soffice.pid\nsleep 300\n')


def _both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for one in setups:
            one(folder)

    return setup


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _stale_temp(folder: Path) -> None:
    out = folder / "out"
    out.mkdir()
    (out / f".{STEM}.txt.gr{_dead_pid()}-abcd1234.tmp").write_bytes(b"half a file")


def _stale_folders(folder: Path) -> None:
    dead = _dead_pid()
    for name in (f"govreport-lo-{dead}-abcd1234", f"govreport-pdf-{dead}-abcd1234"):
        (folder / "tmp" / name).mkdir(parents=True)
        (folder / "tmp" / name / "registrymodifications.xcu").write_text("x")


def _mkdir(*names: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for name in names:
            (folder / name).mkdir(parents=True)

    return setup


def _old_outputs(folder: Path) -> None:
    (folder / "out").mkdir()
    for name in (TXT, DOCX, HTML, PDF):
        (folder / name).write_text("old")


CASES = [
    # -- A: write errors --------------------------------------------------------------
    Case(
        "out-dev-full",
        ("render", "{E}", "-o", "/dev/full"),
        2,
        ("/dev/full", "不是文件夹", NOTHING),
    ),
    Case(
        "out-under-a-regular-file",
        ("render", "{E}", "-o", "afile/sub"),
        2,
        ("afile/sub", "是文件而不是文件夹", NOTHING),
        files={"afile": "x"},
    ),
    Case(
        "out-is-a-regular-file",
        ("render", "{E}", "-f", "txt", "-f", "html", "-o", "afile"),
        2,
        ("afile", "is a file"),  # click says so before anything is read
        files={"afile": "x"},
    ),
    Case(
        "out-in-proc", ("render", "{E}", "-o", "/proc/govreport-out"), 2, ("/proc/govreport-out",)
    ),
    Case(
        "out-not-writable",
        ("render", "{E}", "-o", "/sys/kernel"),
        2,
        ("/sys/kernel", "没有写入权限", NOTHING),
    ),
    Case(
        "out-name-too-long",
        ("render", "{E}", "-o", "d" * 300),
        2,
        ("文件名过长", NOTHING),
    ),
    Case(
        "target-is-a-folder",
        ("render", "{E}", "-o", "out"),
        2,
        (f"out/{STEM}.txt", "已有同名的文件夹", NOTHING),
        setup=_mkdir(TXT),
    ),
    Case(
        "one-target-of-three-is-a-folder",
        ("render", "{E}", "-f", "txt", "-f", "docx", "-f", "html", "-o", "out"),
        2,
        (f"out/{STEM}.html", "已有同名的文件夹", NOTHING),
        setup=_mkdir(HTML),
    ),
    Case(
        "convert-under-a-regular-file",
        ("convert", "{E}", "afile/x.json"),
        2,
        ("afile", "不是文件夹"),
        files={"afile": "x"},
    ),
    Case("convert-to-dev-full", ("convert", "{E}", "/dev/full/x.yaml"), 2, ("/dev/full",)),
    Case("convert-into-proc", ("convert", "{E}", "/proc/x.toml"), 2, ("/proc/x.toml",)),
    Case("convert-to-txt", ("convert", "{E}", "x.txt"), 2, ("不支持的文件类型", ".txt")),
    Case("convert-to-no-extension", ("convert", "{E}", "x"), 2, ("不支持的文件类型",)),
    # -- A: the agency template ---------------------------------------------------------
    Case(
        "template-not-a-zip",
        ("render", "{E}", "-f", "docx", "--template", "t.docx"),
        2,
        ("t.docx", NOTHING),
        files={"t.docx": "x\n"},
    ),
    Case(
        "template-empty",
        ("render", "{E}", "-f", "docx", "--template", "t.docx"),
        2,
        ("t.docx",),
        files={"t.docx": b""},
    ),
    Case(
        "template-missing",
        ("render", "{E}", "-f", "docx", "--template", "nope.docx"),
        2,
        ("nope.docx",),
    ),
    Case(
        "template-broken-with-txt-first-writes-nothing",
        ("render", "{E}", "-f", "txt", "-f", "docx", "--template", "t.docx"),
        2,
        ("t.docx", NOTHING),
        files={"t.docx": "x\n"},
    ),
    Case(
        "template-broken-for-pdf",
        ("render", "{E}", "-f", "docx-pdf", "--template", "t.docx"),
        2,
        ("t.docx", NOTHING),
        files={"t.docx": b"PK\x03\x04broken"},
        env=NO_SOFFICE,
    ),
    # -- A: LibreOffice ---------------------------------------------------------------
    Case(
        "libreoffice-missing",
        ("render", "{E}", "-f", "docx-pdf"),
        2,
        ("LibreOffice", "apt-get install", NOTHING),
        env=NO_SOFFICE,
    ),
    Case(
        "libreoffice-missing-after-txt",
        ("render", "{E}", "-f", "txt", "-f", "docx", "-f", "docx-pdf"),
        2,
        ("LibreOffice", NOTHING),
        env=NO_SOFFICE,
    ),
    Case(
        "libreoffice-fails",
        ("render", "{E}", "-f", "txt", "-f", "docx-pdf"),
        2,
        ("退出码 81", "boom", NOTHING),
        setup=FAILING_SOFFICE,
        env=FAKE_PATH,
    ),
    Case(
        "libreoffice-writes-no-pdf",
        ("render", "{E}", "-f", "docx-pdf"),
        2,
        ("退出码 0", NOTHING),
        setup=SILENT_SOFFICE,
        env=FAKE_PATH,
    ),
    Case(
        "libreoffice-hangs-past-the-timeout",
        ("render", "{E}", "-f", "txt", "-f", "docx-pdf", "--option", "timeout=1"),
        2,
        ("超时", "1 秒", NOTHING),
        setup=HANGING_SOFFICE,
        env=FAKE_PATH,
        leaves=("soffice.pid",),
        seconds=15,
    ),
    Case(
        "libreoffice-not-executable",
        ("render", "{E}", "-f", "docx-pdf"),
        2,
        ("找不到 LibreOffice",),
        files={"bin/soffice": "#!/bin/sh\n"},
        env={"PATH": "bin"},
    ),
    Case(
        "libreoffice-stand-in-works",
        ("render", "{E}", "-f", "txt", "-f", "docx-pdf"),
        0,
        ("已生成",),
        setup=GOOD_SOFFICE,
        env=FAKE_PATH,
        leaves=(TXT, PDF),
    ),
    # -- the pdf output, typeset by Typst: no LibreOffice --------------------------------
    Case(
        "pdf-without-libreoffice",
        ("render", "{E}", "-f", "txt", "-f", "pdf"),
        0,
        ("已生成",),
        env=NO_SOFFICE,
        leaves=(TXT, PDF),
    ),
    Case(
        "pdf-with-a-word-template-names-docx-pdf",
        ("render", "{E}", "-f", "pdf", "--template", "t.docx"),
        0,
        ("docx-pdf", "template", "已生成"),
        files={"t.docx": b"PK\x03\x04broken"},
        env=NO_SOFFICE,
        leaves=(PDF,),
    ),
    Case(
        "pdf-and-docx-pdf-would-write-one-file",
        ("render", "{E}", "-f", "txt", "-f", "pdf", "-f", "docx-pdf"),
        2,
        ("pdf", "docx-pdf", ".pdf", "separate runs"),
        env=NO_SOFFICE,
    ),
    Case(
        "pdf-line-pitch-over-the-bound",
        ("render", "{E}", "-f", "pdf", "--option", "line_pitch=1e9"),
        2,
        ("line_pitch", "100"),
        env=NO_SOFFICE,
    ),
    # -- A: options -------------------------------------------------------------------
    Case(
        "line-pitch-nan",
        ("render", "{E}", "-f", "docx", "--option", "line_pitch=nan"),
        2,
        ("line_pitch", "nan"),
    ),
    Case(
        "line-pitch-inf-for-pdf",
        ("render", "{E}", "-f", "docx-pdf", "--option", "line_pitch=inf"),
        2,
        ("line_pitch", "inf"),
        env=NO_SOFFICE,
    ),
    Case(
        "timeout-zero",
        ("render", "{E}", "-f", "docx-pdf", "--option", "timeout=0"),
        2,
        ("timeout",),
    ),
    Case(
        "timeout-nan",
        ("render", "{E}", "-f", "docx-pdf", "--option", "timeout=nan"),
        2,
        ("timeout",),
    ),
    Case(
        "timeout-huge",
        ("render", "{E}", "-f", "docx-pdf", "--option", "timeout=1e9"),
        2,
        ("timeout", "3600"),
    ),
    Case(
        "text-width-huge",
        ("render", "{E}", "--option", "width=1000000000000000000000000000000"),
        2,
        ("width", "1000"),
    ),
    Case("text-width-too-small", ("render", "{E}", "--option", "width=5"), 2, ("width", "20")),
    Case("text-width-nan", ("render", "{E}", "--option", "width=nan"), 2, ("width", "nan")),
    Case("option-without-value", ("render", "{E}", "--option", "width"), 2, ("NAME=VALUE",)),
    Case(
        "unknown-format", ("render", "{E}", "-f", "txt", "-f", "odt"), 2, ("odt", "未知的输出格式")
    ),
    # -- an illegal character reached with --force ----------------------------------------
    Case(
        "nul-in-txt-with-force",
        ("render", "x.yaml", "--force", "-f", "txt"),
        1,
        ("U+0000", "五、存在的主要问题及改进情况", NOTHING),
        files={"x.yaml": with_item("政府信息公开力度还不够\\0")},
    ),
    Case(
        "escape-in-docx-with-force",
        ("render", "x.yaml", "--force", "-f", "docx"),
        1,
        ("U+001B", NOTHING),
        files={"x.yaml": with_item("政府\\e信息")},
    ),
    Case(
        "vertical-tab-txt-and-docx-with-force",
        ("render", "x.yaml", "--force", "-f", "txt", "-f", "docx"),
        1,
        ("U+000B", NOTHING),
        files={"x.yaml": with_item("政府\\v信息")},
    ),
    Case(
        "lone-surrogate-in-txt-with-force",
        ("render", "x.json", "--force", "-f", "txt"),
        1,
        ("U+D800", NOTHING),
        files={"x.json": json_with_item("政府\ud800信息")},
    ),
    Case(
        "nul-without-force-is-refused-first",
        ("render", "x.yaml", "-f", "txt"),
        1,
        ("T1", "未生成报告"),
        files={"x.yaml": with_item("政府信息公开力度还不够\\0")},
    ),
    # -- H: the text output keeps every character ---------------------------------------
    Case(
        "txt-keeps-zero-width-joiner",
        ("render", "x.yaml", "-f", "txt"),
        0,
        files={"x.yaml": with_item("家庭\U0001f468\u200d\U0001f469\u200d\U0001f467服务")},
        leaves=("out/x.txt",),
    ),
    Case(
        "txt-keeps-private-use",
        ("render", "x.yaml", "-f", "txt", "-f", "docx", "-f", "html"),
        0,
        files={"x.yaml": with_item("杭州市\ue000镇")},
        leaves=("out/x.txt", "out/x.docx", "out/x.html"),
    ),
    Case(
        "txt-keeps-soft-hyphen-and-direction-marks",
        ("render", "x.yaml", "-f", "txt"),
        0,
        files={"x.yaml": with_item("infor\u00admation\u200f公开\u200e")},
        leaves=("out/x.txt",),
    ),
    Case(
        "txt-keeps-cjk-newer-than-python",
        ("render", "x.yaml", "-f", "txt"),
        0,
        files={"x.yaml": with_item("\U0002ebf0\U00031350姓")},
        leaves=("out/x.txt",),
    ),
    Case(
        "txt-keeps-c1-control-rule-t1-allows",
        ("render", "x.yaml", "-f", "txt"),
        0,
        files={"x.yaml": with_item("一\\N二")},
        leaves=("out/x.txt",),
    ),
    # -- I: long 五 lists ---------------------------------------------------------------
    Case(
        "five-list-of-100",
        ("render", "x.yaml", "-f", "txt", "-f", "docx", "-f", "html"),
        0,
        files={"x.yaml": with_items(100)},
        leaves=("out/x.txt", "out/x.docx", "out/x.html"),
    ),
    Case(
        "five-list-of-1000-improvements",
        ("render", "x.yaml", "-f", "txt"),
        0,
        files={"x.yaml": with_items(1000, "improvements")},
        leaves=("out/x.txt",),
    ),
    Case(
        "five-list-over-the-bound",
        ("render", "x.yaml", "-f", "txt"),
        1,
        ("x.yaml", "五、存在的主要问题及改进情况", "最多 1000 项", "实际为 1234 项"),
        files={"x.yaml": with_items(1234, "improvements")},
    ),
    # -- outputs as a set -----------------------------------------------------------------
    Case(
        "failed-set-leaves-old-files",
        ("render", "{E}", "-f", "txt", "-f", "docx", "-f", "html", "-f", "docx-pdf"),
        2,
        ("LibreOffice", NOTHING),
        setup=_old_outputs,
        env=NO_SOFFICE,
    ),
    Case(
        "dead-writers-temp-file-removed",
        ("render", "{E}", "-f", "txt"),
        0,
        ("已生成",),
        setup=_stale_temp,
        leaves=(TXT,),
    ),
    Case(
        "dead-processes-temp-folders-removed",
        ("render", "{E}", "-f", "docx-pdf"),
        0,
        ("已生成",),
        setup=_both(GOOD_SOFFICE, _stale_folders),
        env={**FAKE_PATH, "TMPDIR": "tmp"},
        leaves=(PDF,),
    ),
    Case(
        "same-format-twice",
        ("render", "{E}", "-f", "txt", "-f", "txt"),
        0,
        ("已生成",),
        leaves=(TXT,),
    ),
]


def _no_process_of(pid_file: Path) -> None:
    pgid = int(pid_file.read_text())
    end = time.monotonic() + 5
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("the converter's process group outlived govreport")


def _kept(text: str, name: str = "out/x.txt") -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert text in (folder / name).read_text(encoding="utf-8")

    return check


def _old_untouched(folder: Path) -> None:
    for name in (TXT, DOCX, HTML, PDF):
        assert (folder / name).read_text() == "old", name
    assert sorted(p.name for p in (folder / "out").iterdir()) == sorted(
        Path(n).name for n in (TXT, DOCX, HTML, PDF)
    )


def _no_temp_left(folder: Path) -> None:
    assert [p.name for p in (folder / "out").iterdir()] == [f"{STEM}.txt"]


def _no_folders_left(folder: Path) -> None:
    assert list((folder / "tmp").iterdir()) == []


#: Checks after a case's run (by id): what the status and words cannot show.
CHECKS: dict[str, Callable[[Path], None]] = {
    "libreoffice-hangs-past-the-timeout": lambda folder: _no_process_of(folder / "soffice.pid"),
    "txt-keeps-zero-width-joiner": _kept("\U0001f468\u200d\U0001f469\u200d\U0001f467"),
    "txt-keeps-private-use": _kept("杭州市\ue000镇"),
    "txt-keeps-soft-hyphen-and-direction-marks": _kept("infor\u00admation\u200f公开\u200e"),
    "txt-keeps-cjk-newer-than-python": _kept("\U0002ebf0\U00031350姓"),
    "txt-keeps-c1-control-rule-t1-allows": _kept("一\x85二"),
    "five-list-of-100": _kept("一百是第100项。"),
    "five-list-of-1000-improvements": _kept("一千是第1000项。"),
    "failed-set-leaves-old-files": _old_untouched,
    "dead-writers-temp-file-removed": _no_temp_left,
    "dead-processes-temp-folders-removed": _no_folders_left,
}


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    assert set(CHECKS) <= {c.id for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_output_case(case: Case, tmp_path: Path) -> None:
    run(case, tmp_path)
    if case.id in CHECKS:
        CHECKS[case.id](tmp_path)
