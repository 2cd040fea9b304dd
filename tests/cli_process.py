"""``govreport`` run as a person runs it: a fresh interpreter, output not a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

#: The environment of these runs: installed plugins are not loaded.
ENV: Mapping[str, str] = {**os.environ, "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD": "1"}
COMMAND = (sys.executable, "-m", "govreport.cli.main")


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``govreport ARGS`` to its end; ``env`` replaces :data:`ENV` when given."""
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(ENV if env is None else env),
        timeout=timeout,
        check=False,
    )
