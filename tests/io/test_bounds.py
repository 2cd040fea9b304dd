"""Parsed data is bounded in depth, size and shape before anything walks it."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.io import UnreadableFileError, load_report, parse_report
from govreport.io.bounds import shape_problem
from govreport.io.formats import SyntaxProblem, parse_text
from govreport.limits import MAX_DATA_DEPTH, MAX_DATA_VALUES, MAX_YAML_ALIASES


def _nested(depth: int) -> object:
    data: object = 1
    for _ in range(depth):
        data = [data]
    return data


def test_depth_limit_is_exact() -> None:
    assert shape_problem(_nested(MAX_DATA_DEPTH)) is None
    assert "嵌套过深" in (shape_problem(_nested(MAX_DATA_DEPTH + 1)) or "")


def test_a_very_deep_structure_is_measured_without_recursion() -> None:
    assert "嵌套过深" in (shape_problem(_nested(200_000)) or "")


def test_values_are_counted_as_expanded() -> None:
    row = list(range(9))
    laughs: object = row
    for _ in range(8):
        laughs = [laughs] * 9  # nine references to one list, as YAML aliases build it
    assert "数据项过多" in (shape_problem({"a": laughs}) or "")
    assert shape_problem({"a": [row] * 9}) is None


def test_a_shared_subtree_placed_deeper_counts_its_depth() -> None:
    deep = _nested(MAX_DATA_DEPTH - 2)
    assert shape_problem({"a": deep}) is None
    assert "嵌套过深" in (shape_problem({"a": deep, "b": [[deep]]}) or "")


def test_cycles_are_refused() -> None:
    loop: list[object] = []
    loop.append(loop)
    assert "循环引用" in (shape_problem({"a": loop}) or "")
    mapping: dict[str, object] = {}
    mapping["self"] = {"again": mapping}
    assert "循环引用" in (shape_problem(mapping) or "")


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("yaml", "a: " + "[" * 10_000 + "]" * 10_000),
        ("yaml", "a:\n" + "".join(" " * i + "-\n" for i in range(1, 100))),
        ("json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("json", '{"a": ' + "[" * 100 + "]" * 100 + "}"),
        ("toml", "a = " + "[" * 5000 + "]" * 5000),
        ("toml", "a = " + "{b = " * 2000 + "1" + "}" * 2000),
    ],
)
def test_deep_files_are_unreadable_never_a_recursion_error(
    tmp_path: Path, fmt: str, text: str
) -> None:
    path = tmp_path / f"d.{fmt}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=f"嵌套过深，最多 {MAX_DATA_DEPTH} 层"):
        load_report(path)


def test_yaml_is_bounded_while_parsing() -> None:
    items = "a: [" + ",".join(["1"] * (MAX_DATA_VALUES + 1)) + "]"
    with pytest.raises(SyntaxProblem, match="数据项过多"):
        parse_text(items, "yaml")
    aliases = "z: &z 0\nx: [" + ", ".join(["*z"] * (MAX_YAML_ALIASES + 1)) + "]"
    with pytest.raises(SyntaxProblem, match="别名"):
        parse_text(aliases, "yaml")
    assert parse_text("z: &z 0\nx: [*z, *z]", "yaml") == {"z": 0, "x": [0, 0]}


def test_recursive_yaml_alias(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("year: 2024\nextensions: &x {a: [*x]}\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="循环引用"):
        load_report(path)


def test_data_built_in_code_is_bounded_too() -> None:
    with pytest.raises(UnreadableFileError, match="嵌套过深"):
        parse_report({"year": 2024, "extensions": _nested(10_000)})


def test_a_long_toml_array_is_refused_before_the_slow_parser_runs() -> None:
    import time

    started = time.monotonic()
    with pytest.raises(SyntaxProblem, match="数据项过多"):
        parse_text("a = [" + "1," * 2_000_000 + "]", "toml")  # tomllib: about 8 s
    assert time.monotonic() - started < 1
