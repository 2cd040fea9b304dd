"""The skeleton is complete, labelled from the spec, and loads back clean."""

from __future__ import annotations

import attrs
import pytest

from govreport import spec
from govreport.io import load_report, parse_report, skeleton
from govreport.io.formats import FlowMapping
from govreport.io.unstructure import report_data
from govreport.model import AdminLevel, Agency
from govreport.testing import zero_report
from tests.io.extension_fixtures import EXTENSION, KeyTasks


@pytest.mark.parametrize("level", [m.value for m in AdminLevel])
def test_skeleton_loads_back_without_problems(tmp_path, level):
    path = tmp_path / "new.yaml"
    path.write_text(skeleton(year=2024, agency="某某镇人民政府", level=level), encoding="utf-8")
    loaded = load_report(path)
    assert loaded.problems == ()
    assert loaded.stated == {}
    assert loaded.report == zero_report(
        agency=Agency(name="某某镇人民政府", level=AdminLevel(level))
    )


def _keys(data, prefix=""):
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        yield path
        if isinstance(value, dict) and not isinstance(value, FlowMapping):  # rows: list form
            yield from _keys(value, path)


def test_skeleton_mentions_every_field_and_its_label():
    text = skeleton(year=2024, agency="某某镇人民政府")
    for path in _keys(report_data(zero_report())):
        assert f"{path.rpartition('.')[2]}:" in text
    for chain in spec.field_labels().values():
        if chain[-1] != "总计":  # computed column: only named in the header comment
            assert chain[-1] in text, chain


def test_skeleton_explains_placeholders_and_list_form():
    text = skeleton(year=2024, agency="某某镇人民政府")
    assert "{{ applications.received.total }}" in text
    assert "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他" in text


def test_skeleton_refuses_unknown_level():
    with pytest.raises(ValueError):
        skeleton(year=2024, agency="x", level="village")


# ---------------------------------------------------------------- plugin blocks


def _with_extension(tmp_path, extension, text=None):
    path = tmp_path / "new.yaml"
    if text is None:
        text = skeleton(year=2024, agency="某某镇人民政府", extensions=[(extension, "kt")])
    path.write_text(text, encoding="utf-8")
    return load_report(path, extensions={extension.name: extension.data_class})


def test_an_installed_extension_gets_a_labelled_block_that_loads_clean(tmp_path):
    text = skeleton(year=2024, agency="某某镇人民政府", extensions=[(EXTENSION, "kt")])
    block = text[text.index("extensions:") :]
    assert "keytasks:" in block and "# 扩展“重点任务”（插件 kt）" in block
    for label in ("年度目标", "重点任务", "时间节点", "分项件数", "联系人", "牵头人"):
        assert f"# {label}" in block
    # An empty list of records: [] and one commented example item with every field.
    assert "tasks: []" in block
    assert '#   - name: ""' in block and "名称；必填" in block
    assert "状态；可选：planned、done" in block
    loaded = _with_extension(tmp_path, EXTENSION, text)
    assert loaded.problems == ()
    assert loaded.report.extensions == {"keytasks": KeyTasks()}


def test_the_commented_example_item_has_the_right_shape(tmp_path):
    text = skeleton(year=2024, agency="某某镇人民政府", extensions=[(EXTENSION, "kt")])
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("tasks: []"))
    lines[start] = lines[start].replace("tasks: []", "tasks:")
    i = start + 1
    while lines[i].lstrip().startswith("#"):
        lines[i] = lines[i].replace("# ", "", 1)
        i += 1
    loaded = _with_extension(tmp_path, EXTENSION, "\n".join(lines) + "\n")
    # The one field the record requires is named; everything else took its default.
    assert [(p.path, p.code) for p in loaded.problems] == [
        ("extensions.keytasks.tasks[0].name", "D3")
    ]
    assert len(loaded.report.extensions["keytasks"].tasks) == 1


def test_an_extensions_example_is_the_starting_block(tmp_path):
    example = {
        "goal": "完成三项",
        "tasks": [{"name": "目录更新", "status": "done", "steps": ["合并"]}, {"name": "栏目整合"}],
        "counts": {"建议": 3},
        "contacts": {"张 三": {"phone": "110"}},
    }
    extension = attrs.evolve(EXTENSION, example=example)
    text = skeleton(year=2024, agency="某某镇人民政府", extensions=[(extension, "kt")])
    assert '- name: "目录更新"' in text and '"张 三":' in text
    loaded = _with_extension(tmp_path, extension, text)
    assert loaded.problems == ()
    expected = parse_report(
        {"agency": {"name": "x"}, "year": 2024, "extensions": {"keytasks": example}},
        source="x.yaml",
        extensions={"keytasks": extension.data_class},
    ).report.extensions
    assert loaded.report.extensions == expected


def test_without_extensions_the_block_stays_empty():
    text = skeleton(year=2024, agency="某某镇人民政府")
    assert "extensions: {}" in text and "插件" not in text.split("extensions:")[1]


def test_keys_yaml_would_misread_are_quoted(tmp_path):
    extension = attrs.evolve(EXTENSION, example={"counts": {"on": 1, "2024": 2, "建议": 3}})
    text = skeleton(year=2024, agency="某某镇人民政府", extensions=[(extension, "kt")])
    assert '"on": 1' in text and '"2024": 2' in text and '"建议": 3' in text
    loaded = _with_extension(tmp_path, extension, text)
    assert loaded.problems == ()
    assert loaded.report.extensions["keytasks"].counts == {"on": 1, "2024": 2, "建议": 3}


@pytest.mark.parametrize(
    "name",
    [
        "x\nyear: 1999",
        'a: b # c "d" \\ &e *f !g',
        "x\u2028y\x85z\x7f",
        "tab\there",
        "{{ 7*7 }}",
        "- x",
        "杭州市\ue000镇",
    ],
)
def test_an_agency_name_cannot_break_out_of_its_value_or_comment(name: str) -> None:
    from govreport.io.formats import parse_text

    text = skeleton(year=2024, agency=name)
    data = parse_text(text, "yaml")
    assert isinstance(data, dict)
    assert data["agency"]["name"] == name
    assert data["year"] == 2024  # not 1999 from a name that ended its comment line
    assert text.splitlines()[0].startswith("# ") and text.splitlines()[1] == "#"


def test_a_block_no_person_fills_in_is_left_out_of_the_skeleton() -> None:
    # The 2019 trial format's block is built in, but only `govreport import` writes it.
    import govreport

    engine = govreport.Engine(autoload=False)
    assert "trial2019" in engine.extensions
    pairs = [(ext, engine.extensions.owner(name)) for name, ext in engine.extensions.items()]
    text = skeleton(year=2025, agency="某某镇人民政府", extensions=pairs)
    assert "trial2019" not in text and "extensions: {}" in text
