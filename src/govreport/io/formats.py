"""Reading and writing the three text formats, with exact decimals.

Fees such as 18651.06 万元 must never pass through a binary float, so every
loader builds :class:`~decimal.Decimal` straight from the number's source text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, Literal

import tomli_w
import yaml

from govreport.io.errors import UnreadableFileError, UnsupportedFormatError
from govreport.spec.wording import describe

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

Format = Literal["yaml", "json", "toml"]

SUFFIXES: Final[Mapping[str, Format]] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format chosen by the file name's extension."""
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        raise UnsupportedFormatError(suffix or Path(path).name) from None


# ---------------------------------------------------------------- reading


class _Loader(yaml.SafeLoader):
    """SafeLoader with exact decimals, tolerant dates and no silent duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # A repeated key would silently keep only the last value; a count lost
        # that way is worse than a refusal.
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"重复的键 “{key_node.value}”（duplicate key）",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def _yaml_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    clean = text.replace("_", "").lower()
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    try:
        return Decimal(special.get(clean, clean))
    except InvalidOperation:
        return text  # e.g. sexagesimal 1:30.5; the structurer reports it


def _yaml_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # 2025-13-40 looks like a date to YAML but is none; keep the text so the
    # structurer can report it at its field instead of failing the whole file.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:float", _yaml_decimal)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_timestamp)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"重复的键 “{key}”（duplicate key）")
        out[key] = value
    return out


class SyntaxProblem(Exception):
    """A syntax error, already phrased for the user (with line and column)."""


def parse_text(text: str, fmt: Format) -> object:
    """Parse ``text``; raises :class:`SyntaxProblem` with line and column."""
    if fmt == "yaml":
        try:
            return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列：" if mark else ""
            what = exc.problem or exc.context or "无法解析"
            raise SyntaxProblem(f"YAML 语法错误 (syntax error)，{where}{what}") from None
        except yaml.YAMLError as exc:
            raise SyntaxProblem(f"YAML 语法错误 (syntax error)：{exc}") from None
    if fmt == "json":
        try:
            return json.loads(text, parse_float=Decimal, object_pairs_hook=_json_pairs)
        except json.JSONDecodeError as exc:
            raise SyntaxProblem(
                f"JSON 语法错误 (syntax error)，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
            ) from None
        except ValueError as exc:
            raise SyntaxProblem(f"JSON 内容错误：{exc}") from None
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise SyntaxProblem(f"TOML 语法错误 (syntax error)：{exc}") from None


def read_mapping(path: str | os.PathLike[str]) -> Mapping[str, Any]:
    """Read and parse a data file; anything that is not a mapping is unreadable."""
    path = Path(path)
    try:
        fmt = format_of(path)
    except UnsupportedFormatError as exc:
        raise UnreadableFileError(path, str(exc)) from None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(path, "文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise UnreadableFileError(path, "这是一个目录，不是文件 (is a directory)") from None
    except OSError as exc:
        raise UnreadableFileError(path, f"无法打开 ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            path, f"文件不是 UTF-8 编码 (not UTF-8)，第 {exc.start + 1} 字节处"
        ) from None
    try:
        data = parse_text(text, fmt)
    except SyntaxProblem as exc:
        raise UnreadableFileError(path, str(exc)) from None
    if data is None:
        raise UnreadableFileError(path, "文件为空 (empty file)")
    if not isinstance(data, Mapping):
        raise UnreadableFileError(
            path,
            f"文件顶层应为键值映射（agency、year 等各项），实际为{describe(data)} "
            "(top level must be a mapping)",
        )
    return data


# ---------------------------------------------------------------- writing


class FlowMapping(dict[str, Any]):
    """A mapping written on one line in YAML (a table row of counts)."""


def decimal_text(value: Decimal) -> str:
    """Plain notation, never exponent: ``18651.06``, ``5949.088667``, ``0``."""
    return format(value, "f")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def _yaml_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _yaml_decimal_out(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = decimal_text(value)
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _yaml_flow(dumper: yaml.SafeDumper, value: FlowMapping) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_Dumper.add_representer(str, _yaml_str)
_Dumper.add_representer(Decimal, _yaml_decimal_out)
_Dumper.add_representer(FlowMapping, _yaml_flow)


def _json_text(value: object, level: int) -> str:
    """JSON with Decimals as exact numbers (the json module can only write floats)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = [
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_json_text(v, level + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _json_text(v, level + 1) for v in value) + f"\n{pad}]"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def _toml_ready(value: object) -> object:
    """TOML has no null: leave such keys out (absent means the same default)."""
    if isinstance(value, Mapping):
        return {k: _toml_ready(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_toml_ready(v) for v in value]
    if isinstance(value, Decimal):
        return Decimal(decimal_text(value))  # no exponent notation in the file
    return value


def serialise(data: Mapping[str, Any], fmt: Format) -> str:
    """Text of ``data`` in ``fmt``; deterministic (key order as given)."""
    if fmt == "yaml":
        return yaml.dump(
            data,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=1_000_000,
        )
    if fmt == "json":
        return _json_text(data, 0) + "\n"
    if fmt == "toml":
        ready = _toml_ready(data)
        assert isinstance(ready, dict)
        return tomli_w.dumps(ready, multiline_strings=True)
    raise UnsupportedFormatError(str(fmt))
