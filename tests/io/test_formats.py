"""Files that cannot be read at all raise UnreadableFileError with a clear reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from govreport.io import UnreadableFileError, load_report


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="文件不存在") as info:
        load_report(tmp_path / "nope.yaml")
    assert info.value.path == tmp_path / "nope.yaml"


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    path = _write(tmp_path, "bad.yaml", "agency:\n  name: x\n  level: [township\nyear: 2024\n")
    with pytest.raises(UnreadableFileError, match=r"YAML 语法错误.*第 4 行第 5 列"):
        load_report(path)


def test_json_syntax_error_names_line_and_column(tmp_path):
    path = _write(tmp_path, "bad.json", '{\n  "year": 2024,\n}\n')
    with pytest.raises(UnreadableFileError, match=r"JSON 语法错误.*第 3 行第 1 列"):
        load_report(path)


def test_toml_syntax_error_names_line(tmp_path):
    path = _write(tmp_path, "bad.toml", 'year = 2024\nagency = {name = "x"\n')
    with pytest.raises(UnreadableFileError, match=r"TOML 语法错误.*line 2"):
        load_report(path)


def test_unknown_extension(tmp_path):
    path = _write(tmp_path, "report.xlsx", "")
    with pytest.raises(UnreadableFileError, match=r"不支持的文件类型 “\.xlsx”"):
        load_report(path)


@pytest.mark.parametrize(("name", "text"), [("list.yaml", "- 1\n- 2\n"), ("list.json", "[1]")])
def test_top_level_must_be_a_mapping(tmp_path, name, text):
    with pytest.raises(UnreadableFileError, match=r"顶层应为键值映射.*列表"):
        load_report(_write(tmp_path, name, text))


def test_empty_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="文件为空"):
        load_report(_write(tmp_path, "empty.yaml", "# nothing\n"))


def test_duplicate_yaml_key_is_refused_with_line(tmp_path):
    path = _write(tmp_path, "dup.yaml", "year: 2024\nyear: 2023\n")
    with pytest.raises(UnreadableFileError, match=r"第 2 行.*重复的键 “year”"):
        load_report(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("agency: 某某镇\n".encode("gbk"))
    with pytest.raises(UnreadableFileError, match="UTF-8"):
        load_report(path)


def test_impossible_yaml_date_is_a_field_problem_not_a_crash(tmp_path):
    path = _write(
        tmp_path,
        "d.yaml",
        "agency: {name: x, level: township}\nyear: 2024\npublished: 2025-02-30\n",
    )
    (problem,) = load_report(path).problems
    assert problem.path == "published"


def test_yaml_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffagency: {name: x, level: township}\nyear: 2024\n".encode())
    assert load_report(path).ok


@pytest.mark.parametrize(
    ("name", "text"),
    [("e.toml", ""), ("e.toml", "# nothing\n\n"), ("e.json", "{}"), ("e.yaml", "{}")],
)
def test_a_file_without_any_data_is_empty_in_every_format(tmp_path, name, text):
    with pytest.raises(UnreadableFileError, match="文件为空"):
        load_report(_write(tmp_path, name, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1.50", Decimal("1.50")), ("2025-01-10", dt.date(2025, 1, 10)), ("abc", "abc"),
     ("true", True), ("", None), ("<<", "<<"), ("=", "="), ("*a", "*a"), ("!x", "!x"),
     ("1:30", "1:30")],
)  # fmt: skip
def test_a_value_typed_outside_a_file_reads_as_a_plain_yaml_scalar(text, value):
    from govreport.io.formats import plain_scalar

    assert plain_scalar(text) == value and type(plain_scalar(text)) is type(value)
