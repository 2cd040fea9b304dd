"""Run pytest on a folder of test files in a fresh interpreter, as a plugin author would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )
