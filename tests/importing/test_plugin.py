"""The import loaders: a published file is read once, and the ``source:`` hash is of those bytes."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from govreport import Engine, load_report
from govreport.cli.main import cli
from govreport.importing import plugin
from govreport.importing.blocks import Para, Source
from govreport.io import regular
from govreport.plugins.hookspecs import hookimpl

REPO = Path(__file__).resolve().parents[2]


def _published(tmp_path: Path, fmt: str) -> Path:
    """The example rendered as a published file would be (txt, html, docx)."""
    eng = Engine(autoload=False)
    report = load_report(REPO / "examples" / "shuangpu-2024.yaml").report
    path = tmp_path / f"published.{fmt}"
    path.write_bytes(eng.render(report, fmt, allow_errors=True))
    return path


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """Calls of ``read_regular`` by path, wherever a govreport module imported it."""
    original = regular.read_regular
    reads: Counter[Path] = Counter()

    def counting(path: object, *args: object, **kwargs: object) -> bytes:
        reads[Path(path)] += 1  # type: ignore[arg-type]
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    for name, module in list(sys.modules.items()):
        if name.startswith("govreport") and getattr(module, "read_regular", None) is original:
            monkeypatch.setattr(module, "read_regular", counting)
    return reads


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_a_published_file_is_read_once_and_its_bytes_hashed(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _published(tmp_path, fmt)
    # Every reader module imported first, so that its name is counted too.
    import govreport.importing.docx
    import govreport.importing.html
    import govreport.importing.text  # noqa: F401

    reads = _count_reads(monkeypatch)
    loaded = Engine(autoload=False).load_report(path)
    assert reads[path] == 1
    assert loaded.report.source is not None
    assert loaded.report.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_govreport_import_reads_the_published_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _published(tmp_path, "txt")
    import govreport.importing.text  # noqa: F401

    monkeypatch.setenv("GOVREPORT_DISABLE_PLUGIN_AUTOLOAD", "1")
    reads = _count_reads(monkeypatch)
    out = tmp_path / "data.yaml"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert out.is_file(), result.output
    assert reads[path] == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() in out.read_text(encoding="utf-8")


def _read_ofd(path: Path) -> Source:
    return Source("txt", (Para(path.read_text(encoding="utf-8")),))


class _Ofd:
    @hookimpl
    def govreport_register_loaders(self, register: object) -> None:
        register(plugin.source_loader("ofd", (".ofd",), _read_ofd))  # type: ignore[operator]


def test_a_plugins_reader_of_paths_still_gets_its_source_block(tmp_path: Path) -> None:
    path = tmp_path / "report.ofd"
    path.write_text("平潭综合实验区2024年政府信息公开工作年度报告", encoding="utf-8")
    loaded = Engine([_Ofd()], autoload=False).load_report(path)
    assert loaded.report.source is not None
    assert loaded.report.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
