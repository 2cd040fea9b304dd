"""`govreport new` and `validate` with a plugin whose data block holds a list of records."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.cli import common
from govreport.cli.main import main
from govreport.plugins import Engine
from tests.io.extension_fixtures import KeyTasksPlugin


@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> Engine:
    engine = Engine(autoload=False)
    engine.add_plugin(KeyTasksPlugin(), name="keytasks_plugin")
    monkeypatch.setattr(common, "default_engine", lambda: engine)
    return engine


def test_new_writes_the_plugin_block_and_it_validates_clean(
    with_plugin: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--year", "2024", "--agency", "某某镇人民政府"]) == 0
    text = capsys.readouterr().out
    assert "# 扩展“重点任务”（插件 keytasks_plugin）" in text
    assert "tasks: []" in text
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 0, capsys.readouterr()


def test_validate_names_the_bad_item_by_number_and_label(
    with_plugin: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the whole command crashed with "the structurer cannot read a field of type …".
    path = tmp_path / "report.yaml"
    path.write_text(
        "agency: {name: 某某镇人民政府, level: township}\nyear: 2024\npublished: 2025-01-20\n"
        "extensions:\n  keytasks:\n    tasks:\n      - name: 目录更新\n      - name: 3\n",
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "扩展“重点任务”（插件 keytasks_plugin）/重点任务/第2项/名称" in out.out
    assert "extensions.keytasks.tasks[1].name" in out.out
    assert "应为文本" in out.out
