"""`govreport plugins` from the outside: versions, every kind of contribution, failures."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from govreport.cli import common
from govreport.cli.main import main
from govreport.plugins import DISABLE_AUTOLOAD_ENV, Engine

PLUGIN = """
    import attrs
    from govreport import hookimpl
    from govreport.plugins.contributions import Extension, InputLoader, TemplateHelper

    @attrs.frozen
    class Block:
        n: int = 0

    @hookimpl
    def govreport_register_extensions(register):
        register(Extension("block", Block, "数据块"))

    @hookimpl
    def govreport_register_loaders(register):
        register(InputLoader("lines", (".lines",), lambda path: {}))

    @hookimpl
    def govreport_register_template_helpers(register):
        register(TemplateHelper("upper", str.upper))
"""

MISSPELLED = """
    from govreport import hookimpl

    @hookimpl
    def govreport_register_output(register):
        pass
"""


def _dist(site: Path, module: str, body: str, ep: str, version: str) -> None:
    (site / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    dist = site / f"{module}-{version}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n")
    (dist / "entry_points.txt").write_text(f"[govreport]\n{ep} = {module}\n")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "gr_cli_all", PLUGIN, "everything", "2.0.1")
    _dist(tmp_path, "gr_cli_typo", MISSPELLED, "typo", "0.0.1")
    _dist(tmp_path, "gr_cli_broken", "import no_such_module_here\n", "broken", "0.1")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    engine = Engine()
    monkeypatch.setattr(common, "default_engine", lambda: engine)
    yield
    for name in ("gr_cli_all", "gr_cli_typo", "gr_cli_broken"):
        sys.modules.pop(name, None)


@pytest.mark.usefixtures("installed")
def test_plugins_lists_versions_contributions_and_failures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins"]) == 0
    out, err = capsys.readouterr()
    assert "未能加载" not in err  # listed once, in the listing itself
    assert "  everything 2.0.1 [entry point]" in out
    assert "  block (everything)" in out
    assert "  lines (everything)" in out
    assert "  filter:upper (everything)" in out
    failures = [line for line in out.splitlines() if "未能加载" in line]
    assert len(failures) == 2
    (typo,) = [line for line in failures if "插件 typo " in line]
    # The misspelled hook is named, with the one that was meant.
    assert "unknown hook 'govreport_register_output'" in typo
    assert "did you mean 'govreport_register_outputs'" in typo
    (broken,) = [line for line in failures if "插件 broken " in line]
    assert "no_such_module_here" in broken
