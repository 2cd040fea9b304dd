"""LibreOffice never outlives govreport, and no temporary folder of a dead run stays (issue 9).

A fake ``soffice`` (a shell script that starts a grandchild and sleeps, as
``oosplash`` starts ``soffice.bin``) shows the mechanism anywhere; the real
LibreOffice, where installed, shows it works with the program it is meant for.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from govreport.outputs import pdf as pdf_module
from govreport.outputs.pdf import PdfConversionError, docx_to_pdf, remove_stale_folders

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shuangpu-2024.yaml"

#: A stand-in for LibreOffice: a grandchild in the same group, then a long sleep.
FAKE_SOFFICE = """#!/bin/sh
sleep 300 &
echo "$$" > "$GOVREPORT_TEST_PIDS"
sleep 300
"""


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _processes_naming(needle: str) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
        except OSError:
            continue
        if needle.encode() in cmdline:
            found.append(int(name))
    return found


def _wait_until(check, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return check()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """PATH with only the fake soffice; yields the file its process id is written to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE)
    script.chmod(0o755)
    pids = tmp_path / "soffice.pid"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("GOVREPORT_TEST_PIDS", str(pids))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    yield pids
    if pids.exists():  # whatever happened, no sleeper outlives the test
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.killpg(int(pids.read_text()), signal.SIGKILL)


def test_libreoffice_missing_exits_2_and_says_how_to_install(monkeypatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    with pytest.raises(PdfConversionError, match="apt-get install") as info:
        docx_to_pdf(b"x")
    assert info.value.exit_status == 2


def test_a_timeout_kills_the_converters_whole_group(fake_soffice: Path) -> None:
    start = time.monotonic()
    with pytest.raises(PdfConversionError, match="超时"):
        docx_to_pdf(b"not really a docx", timeout=1.0)
    assert time.monotonic() - start < 10
    pgid = int(fake_soffice.read_text())
    assert _wait_until(lambda: not _group_alive(pgid), 5), "soffice's group survived a timeout"


def _render_pdf_and_kill(env: dict[str, str], cwd: Path, ready, seconds: float) -> int:
    """Start ``govreport render -f docx-pdf``; SIGKILL it once ``ready(pid)``; return its pid."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "govreport.cli.main", "render", str(EXAMPLE), "-f", "docx-pdf"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_until(lambda: ready(proc.pid), seconds), "the converter never started"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return proc.pid


def _running(pid: int, program: str) -> bool:
    """Whether ``program`` runs with the LibreOffice profile of govreport process ``pid``."""
    for other in _processes_naming(f"govreport-lo-{pid}-"):
        try:
            if program.encode() in Path(f"/proc/{other}/cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


def test_kill_9_of_govreport_takes_the_fake_converter_and_its_folders(
    fake_soffice: Path, tmp_path: Path
) -> None:
    pid = _render_pdf_and_kill(
        dict(os.environ), tmp_path, lambda _: fake_soffice.exists() and fake_soffice.read_text(), 20
    )
    pgid = int(fake_soffice.read_text())
    assert _wait_until(lambda: not _group_alive(pgid), 5), "the converter outlived kill -9"
    assert _wait_until(lambda: not list(tmp_path.glob(f"govreport-*-{pid}-*")), 5)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    pdf_module.find_soffice() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
def test_kill_9_of_govreport_takes_the_real_libreoffice_and_its_folders(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    pid = _render_pdf_and_kill(env, tmp_path, lambda p: _running(p, "soffice.bin"), 60)
    needle = f"govreport-lo-{pid}-"
    # What the test shows: LibreOffice (oosplash and soffice.bin) is gone
    # within a fraction of a second, and so are both temporary folders.
    assert _wait_until(lambda: not _processes_naming(needle), 10), "LibreOffice outlived kill -9"
    assert _wait_until(lambda: not list(tmp_path.glob(f"govreport-*-{pid}-*")), 10)


def test_stale_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    names = {
        f"govreport-lo-{dead}-abcd1234": True,
        f"govreport-pdf-{dead}-abcd1234": True,
        f"govreport-lo-{os.getpid()}-abcd1234": False,  # a running process's
        "govreport-lo-abcd1234": False,  # not ours
        "govreport-pdf-abcd1234": False,  # an older version's, recent
        "other-abcd1234": False,
    }
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "file").write_text("x")
    old = tmp_path / "govreport-pdf-zzzz9999"  # an older version's, long ago
    old.mkdir()
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    removed = remove_stale_folders(tmp_path)
    assert sorted(p.name for p in removed) == sorted(
        [*(n for n, g in names.items() if g), old.name]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        n for n, g in names.items() if not g
    )


def test_a_converter_still_using_a_stale_folder_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / f"govreport-lo-{_dead_pid()}-abcd1234"
    folder.mkdir()
    orphan = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(300)", f"-env:UserInstallation={folder}"]
    )
    try:
        assert _wait_until(lambda: orphan.pid in _processes_naming(str(folder)), 5)
        remove_stale_folders(tmp_path)
        assert orphan.wait(timeout=5) == -signal.SIGKILL
        assert not folder.exists()
    finally:
        if orphan.poll() is None:
            orphan.kill()


def test_the_watchdog_and_govreport_agree_on_the_giving_up_byte() -> None:
    namespace: dict[str, object] = {}
    source = pdf_module.WATCHDOG.read_text(encoding="utf-8")
    exec(
        compile(source.replace('if __name__ == "__main__":', "if False:"), "pdfwatch", "exec"),
        namespace,
    )
    assert namespace["GIVING_UP"] == pdf_module.GIVING_UP


def test_a_converter_that_cannot_start_is_one_line(tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/nonexistent/interpreter\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(fake))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with pytest.raises(PdfConversionError, match="退出码 127") as info:
        docx_to_pdf(b"x")
    assert "Traceback" not in str(info.value)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_terminated_render_stops_the_converter_and_cleans_up(
    fake_soffice: Path, tmp_path: Path, signum: int
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "govreport.cli.main", "render", str(EXAMPLE), "-f", "docx-pdf"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert _wait_until(lambda: fake_soffice.exists() and fake_soffice.read_text(), 20)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err
    assert proc.returncode == 128 + signum  # as a shell reports it; SIGINT is "已中止"
    pgid = int(fake_soffice.read_text())
    assert _wait_until(lambda: not _group_alive(pgid), 5)
    assert not list(tmp_path.glob(f"govreport-*-{proc.pid}-*"))
    assert not (tmp_path / "out").exists()
