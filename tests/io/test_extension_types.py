"""Extension data with lists of records, optionals and mappings: read, located, written back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govreport.io import dump_report, load_report, parse_report, save_report
from govreport.io.structure import Collector, structure
from govreport.plugins import Engine
from govreport.testing import zero_report
from tests.io.extension_fixtures import (
    EXTENSION,
    Contact,
    KeyTask,
    KeyTasks,
    KeyTasksPlugin,
    Status,
)

CORE: dict[str, Any] = {"agency": {"name": "某某镇人民政府", "level": "township"}, "year": 2024}
EXTENSIONS = {"keytasks": KeyTasks}


def _parse(block: object, **core: Any):  # type: ignore[no-untyped-def]
    data = {**CORE, **core, "extensions": {"keytasks": block}}
    return parse_report(data, source="report.yaml", extensions=EXTENSIONS)


def _problems(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {p.path: p.code for p in result.problems}


def test_a_list_of_records_is_read() -> None:
    # Before: TypeError "the structurer cannot read a field of type tuple[KeyTask, ...]".
    loaded = _parse(
        {
            "goal": "完成三项",
            "tasks": [
                {"name": "目录更新", "status": "done", "due": "2024-06-30", "budget": "1.50"},
                {"name": "栏目整合", "steps": ["合并", "归档"], "done": True},
            ],
        }
    )
    assert loaded.problems == ()
    assert loaded.report.extensions["keytasks"] == KeyTasks(
        goal="完成三项",
        tasks=(
            KeyTask(
                name="目录更新",
                status=Status.DONE,
                due=dt.date(2024, 6, 30),
                budget=Decimal("1.50"),
            ),
            KeyTask(name="栏目整合", steps=("合并", "归档"), done=True),
        ),
    )


def test_lists_of_scalars_optionals_and_mappings_are_read() -> None:
    loaded = _parse(
        {
            "milestones": ["2024-03-01", dt.date(2024, 9, 1)],
            "counts": {"建议": 3, 2024: 1},  # YAML reads 2024: as a number
            "contacts": {"张三": {"phone": "0591-1234567"}},
            "lead": {"phone": "110"},
            "levels": ["planned", "done"],
            "reviewed": "2025-01-05",
        }
    )
    assert loaded.problems == ()
    block = loaded.report.extensions["keytasks"]
    assert block.milestones == [dt.date(2024, 3, 1), dt.date(2024, 9, 1)]
    assert isinstance(block.milestones, list)
    assert block.counts == {"建议": 3, "2024": 1}
    assert block.contacts == {"张三": Contact(phone="0591-1234567")}
    assert block.lead == Contact(phone="110")
    assert block.levels == (Status.PLANNED, Status.DONE)
    assert block.reviewed == dt.date(2025, 1, 5)


def test_null_and_absent_optionals_are_none() -> None:
    loaded = _parse({"lead": None, "tasks": [{"name": "甲", "due": None}]})
    assert loaded.problems == ()
    block = loaded.report.extensions["keytasks"]
    assert block.lead is None and block.reviewed is None and block.tasks[0].due is None


def test_each_items_mistakes_are_reported_at_its_path_and_the_rest_is_still_checked() -> None:
    loaded = _parse(
        {
            "tasks": [
                {"name": "甲", "status": "finished", "due": "6月底"},
                {"name": 3, "nmae": "乙"},
                {"status": "done"},
                "不是记录",
                None,
            ],
            "milestones": ["2024-13-01", "2024-05-01"],
            "counts": {"建议": "三", "提案": 2},
            "contacts": {"张三": {"phone": 110}},
            "levels": "planned",
        },
        proactive={"licensing": "十二"},
    )
    assert _problems(loaded) == {
        "extensions.keytasks.tasks[0].status": "D2",
        "extensions.keytasks.tasks[0].due": "D2",
        "extensions.keytasks.tasks[1].nmae": "D1",
        "extensions.keytasks.tasks[1].name": "D2",
        "extensions.keytasks.tasks[2].name": "D3",
        "extensions.keytasks.tasks[3]": "D2",
        "extensions.keytasks.tasks[4]": "D2",
        "extensions.keytasks.milestones[0]": "D2",
        "extensions.keytasks.counts.建议": "D2",
        "extensions.keytasks.contacts.张三.phone": "D2",
        "extensions.keytasks.levels": "D2",
        "proactive.licensing": "D2",  # the core fields are still checked
    }
    messages = {p.path: p.message for p in loaded.problems}
    assert "应为以下之一：planned、done" in messages["extensions.keytasks.tasks[0].status"]
    assert "是否应为 “name”" in messages["extensions.keytasks.tasks[1].nmae"]
    assert messages["extensions.keytasks.tasks[2].name"] == "缺少必填项 “name”"
    assert "应为日期" in messages["extensions.keytasks.milestones[0]"]
    block = loaded.report.extensions["keytasks"]
    # Items with bad fields stay (those fields defaulted); unusable items are left out.
    assert [t.name for t in block.tasks] == ["甲", "", ""]
    assert block.milestones == [dt.date(2024, 5, 1)]
    assert block.counts == {"提案": 2}


def test_containers_of_the_wrong_shape_are_one_finding_each() -> None:
    loaded = _parse({"tasks": {"name": "甲"}, "counts": [1, 2], "lead": "张三"})
    assert _problems(loaded) == {
        "extensions.keytasks.tasks": "D2",
        "extensions.keytasks.counts": "D2",
        "extensions.keytasks.lead": "D2",
    }
    messages = {p.path: p.message for p in loaded.problems}
    assert messages["extensions.keytasks.tasks"].startswith("应为列表")
    assert messages["extensions.keytasks.counts"].startswith("应为键值映射")


def test_findings_are_located_with_the_plugins_labels_and_item_numbers(tmp_path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(
        "agency: {name: 某某镇人民政府, level: township}\nyear: 2024\n"
        "extensions:\n  keytasks:\n    tasks:\n      - name: 甲\n      - name: 3\n"
        "    contacts: {张三: {phone: 110}}\n",
        encoding="utf-8",
    )
    engine = Engine([KeyTasksPlugin()], autoload=False)
    where = {p.path: p.location for p in engine.load_report(path).problems}
    assert where == {
        "extensions.keytasks.tasks[1].name": "扩展“重点任务”（插件 "
        + engine.extensions.owner("keytasks")
        + "）/重点任务/第2项/名称",
        "extensions.keytasks.contacts.张三.phone": "扩展“重点任务”（插件 "
        + engine.extensions.owner("keytasks")
        + "）/联系人/张三/电话",
    }


def test_location_without_plugin_name() -> None:
    assert EXTENSION.location("extensions.keytasks.tasks[0].steps[2]") == (
        "扩展“重点任务”/重点任务/第1项/措施/第3项"
    )
    assert EXTENSION.location("extensions.keytasks.lead.phone") == "扩展“重点任务”/牵头人/电话"
    assert EXTENSION.location("extensions.keytasks.nope[1].x") == "扩展“重点任务”/nope/第2项/x"


FULL = KeyTasks(
    goal="完成三项\n逐项落实",
    tasks=(
        KeyTask(
            name="目录更新", status=Status.DONE, due=dt.date(2024, 6, 30), budget=Decimal("1.50")
        ),
        KeyTask(name="栏目整合", steps=("合并", "归档"), done=True),
    ),
    milestones=[dt.date(2024, 3, 1)],
    counts={"建议": 3, "2024": 1},
    contacts={"张三": Contact(phone="0591-1234567"), "李四": Contact()},
    lead=None,
    levels=(Status.DONE,),
    reviewed=None,
)


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
@pytest.mark.parametrize("block", [FULL, KeyTasks(), attrs.evolve(FULL, lead=Contact(phone="1"))])
def test_round_trip_is_lossless(tmp_path, fmt: str, block: KeyTasks) -> None:
    report = attrs.evolve(zero_report(), extensions={"keytasks": block})
    path = save_report(report, tmp_path / f"report.{fmt}")
    loaded = load_report(path, extensions=EXTENSIONS)
    assert loaded.problems == ()
    assert loaded.report == report
    assert dump_report(loaded.report, fmt) == path.read_text(encoding="utf-8")


def test_toml_leaves_out_none_fields() -> None:
    text = dump_report(attrs.evolve(zero_report(), extensions={"keytasks": FULL}), "toml")
    assert "reviewed" not in text and "lead" not in text and "due" in text


def test_a_missing_required_record_field_gets_a_fallback_without_crashing() -> None:
    col = Collector()
    built = structure(KeyTasks, {"tasks": [{}]}, "extensions.keytasks", col)
    assert [p.path for p in col.problems] == ["extensions.keytasks.tasks[0].name"]
    assert isinstance(built, KeyTasks) and built.tasks == (KeyTask(name=""),)
