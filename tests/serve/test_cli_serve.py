"""`govreport serve` as a real process: it answers on its port and stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from govreport.cli.serve import is_local

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@contextmanager
def _serving(tmp_path: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """The server on a port the system picks (--port 0), with the address it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "govreport.cli.main", "serve", "--port", "0", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the socket is bound
        found = re.fullmatch(r"已启动 \(serving\)：(http://\S+/)\n", line)
        assert found, (line, process.stderr.read() if process.poll() is not None else "")
        yield process, found.group(1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def _lower(headers: object) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}  # type: ignore[attr-defined]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, _lower(response.headers), response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, _lower(exc.headers), exc.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_it_answers_on_localhost_and_stops_on_sigterm(tmp_path: Path) -> None:
    with _serving(tmp_path, "--data", "drafts") as (process, url):
        assert url.startswith("http://127.0.0.1:")
        status, headers, page = _get(url)
        assert status == 200 and "<form" in page
        assert headers["x-frame-options"] == "DENY"
        assert "gr_csrf=" in headers["set-cookie"]
        assert _get(url + "drafts/000000000000")[0] == 404
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "已停止 (stopped)" in out
    assert "Traceback" not in err
    assert (tmp_path / "drafts").is_dir()
    with pytest.raises(OSError):  # the port is closed
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), 1)


def test_ctrl_c_stops_it_cleanly(tmp_path: Path) -> None:
    with _serving(tmp_path) as (process, url):
        assert _get(url)[0] == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "已停止 (stopped)" in out and "Traceback" not in err
    assert (tmp_path / "govreport-drafts").is_dir()  # the default data folder


def test_a_network_address_is_warned_about(tmp_path: Path) -> None:
    with _serving(tmp_path, "--host", "0.0.0.0") as (process, url):
        assert url.startswith("http://0.0.0.0:")
        port = url.rsplit(":", 1)[1].strip("/")
        # Any name the network gives the machine is answered.
        assert _get(f"http://127.0.0.1:{port}/api/drafts/000000000000")[0] == 404
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    warnings = [line for line in err.splitlines() if "警告" in line]
    assert len(warnings) == 1 and "网络上任何人都能访问" in warnings[0]


def test_a_taken_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "govreport.cli.main", "serve", "--port", str(port)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert done.returncode == 2
    assert f"无法监听 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("report.intranet", False),
    ],
)
def test_is_local(host: str, local: bool) -> None:
    assert is_local(host) is local
