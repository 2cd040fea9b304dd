"""Real entry-point plugins for tests: a module and its dist-info on ``sys.path``.

``importlib.metadata`` finds them exactly as it finds a pip-installed plugin.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import govreport
from govreport.plugins import DISABLE_AUTOLOAD_ENV


class Site:
    """A folder on ``sys.path`` to install plugin distributions into."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules: list[str] = []

    def install(self, module: str, body: str, ep_name: str, version: str = "1.2.3") -> None:
        (self.root / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")
        dist = self.root / f"{module}-{version}.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n", encoding="utf-8"
        )
        (dist / "entry_points.txt").write_text(
            f"[govreport]\n{ep_name} = {module}\n", encoding="utf-8"
        )
        self.modules.append(module)


@pytest.fixture(name="site")
def site_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """Autoloading on, a fresh default engine, and the installed modules forgotten after.

    Test modules import it (``from .entry_points import Site, site_fixture``).
    """
    root = tmp_path / "site-packages"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    # Only this folder's plugins: those installed in the environment (the example
    # plugins, after scripts/check-plugins-e2e.sh) must not leak into a test.
    everywhere = metadata.entry_points

    def here(**select: str) -> metadata.EntryPoints:
        return metadata.EntryPoints(
            ep
            for ep in everywhere(**select)
            if ep.dist is not None and Path(str(ep.dist.locate_file(""))) == root
        )

    monkeypatch.setattr(metadata, "entry_points", here)
    govreport.default_engine.cache_clear()  # the CLI and read_report share one per process
    installed = Site(root)
    yield installed
    govreport.default_engine.cache_clear()
    for name in installed.modules:
        sys.modules.pop(name, None)
