"""The bad-input catalogue's harness: each case is the real command in its own process.

A case gives the command line, the files it needs, and what a civil servant
must see: the exit status and the words of the one clear message (the file,
the official label, what was found or allowed).  Every case, whatever it
expects, must also end in time and within a memory bound, print no Python
traceback, and leave no file behind but the ones it asks for.

``{E}`` in an argument is the bundled example ``examples/shuangpu-2024.yaml``;
a relative path is inside the case's own empty folder, its working directory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shuangpu-2024.yaml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")

#: Address space a case may use (Python, lxml and Jinja need a few hundred MB).
MEMORY = 2 << 30
#: Wall time a case may take; a hang is a failure, not a slow success.
SECONDS = 30.0
#: Longest stderr a case may print: a 10 MB bad value must not be echoed in full.
MAX_OUTPUT = 64 * 1024


@attrs.frozen
class Case:
    """One bad (or odd) input and what must happen."""

    id: str
    args: tuple[str, ...]
    #: Exit status: 0 ok, 1 data errors, 2 unusable input, 3 plugin failure.
    status: int
    #: Substrings the output (stdout + stderr) must contain, e.g. the official label.
    says: tuple[str, ...] = ()
    #: Files to create in the case's folder: name → text (str) or bytes.
    files: Mapping[str, str | bytes] = attrs.field(factory=dict)
    #: More set-up in the case's folder (a FIFO, a symlink, a read-only folder).
    setup: Callable[[Path], None] | None = None
    #: Files that must exist afterwards (relative); any other new file is "left behind".
    leaves: tuple[str, ...] = ()
    seconds: float = SECONDS
    env: Mapping[str, str] = attrs.field(factory=dict)


def example_with(old: str, new: str) -> str:
    """The bundled example with one piece of text replaced (which must be there)."""
    assert old in EXAMPLE_TEXT, old
    return EXAMPLE_TEXT.replace(old, new, 1)


def _limits() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    os.setsid()  # its own process group: a hung converter dies with it


def run(case: Case, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run the case in ``folder``; fail on a hang, a traceback or an overlong output."""
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.setup is not None:
        case.setup(folder)
    before = _tree(folder)
    args = [a.replace("{E}", str(EXAMPLE)) for a in case.args]
    env = {**os.environ, "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD": "1", **case.env}
    env.pop("GOVREPORT_DEBUG", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "govreport.cli.main", *args],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=case.seconds,
            preexec_fn=_limits,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{case.id}: still running after {case.seconds} s (a hang)") from None
    output = done.stdout + done.stderr
    assert "Traceback" not in output, f"{case.id}: a traceback\n{output[-3000:]}"
    assert "MemoryError" not in output, f"{case.id}: out of memory\n{output[-2000:]}"
    assert len(done.stderr) <= MAX_OUTPUT, f"{case.id}: {len(done.stderr)} bytes of stderr"
    assert done.returncode == case.status, (
        f"{case.id}: exit status {done.returncode}, expected {case.status}\n{output[-3000:]}"
    )
    for words in case.says:
        assert words in output, f"{case.id}: output does not say {words!r}\n{output[-3000:]}"
    left = sorted(_tree(folder) - before - set(case.leaves))
    assert not left, f"{case.id}: left behind {left}"
    for name in case.leaves:
        assert (folder / name).exists(), f"{case.id}: did not write {name}"
    return done


def _tree(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir() or p.is_symlink()
    }


def ids(cases: Sequence[Case]) -> list[str]:
    seen = [c.id for c in cases]
    assert len(seen) == len(set(seen)), "case ids must be unique"
    return seen
