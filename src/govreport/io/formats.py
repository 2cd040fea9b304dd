"""Reading and writing the three text formats, with exact decimals.

Fees such as 18651.06 万元 must never pass through a binary float, so every
loader builds :class:`~decimal.Decimal` straight from the number's source text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar, Final, Literal

import tomli_w
import yaml

from govreport.io import yamlevents
from govreport.io.bounds import too_deep, too_many
from govreport.io.errors import UnreadableFileError, UnsupportedFormatError
from govreport.io.regular import read_utf8
from govreport.limits import MAX_DATA_DEPTH, MAX_DATA_VALUES, MAX_YAML_ALIASES
from govreport.spec.wording import clip, describe

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


# YAML 1.1, which PyYAML implements, reads ``1:30`` as 90 (sexagesimal), ``yes``
# and ``on`` as true, ``012`` as 10 (octal) and ``1_000`` as 1000: a civil
# servant writing a count or a name means none of that.  Plain scalars are
# typed as in YAML 1.2's core schema instead; everything else is a string,
# which the structurer reports at its field when a number was expected.
_RETYPED: Final = frozenset(
    {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
)
_CORE_SCALARS: Final = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
)

#: libyaml's parser and composer are C and about ten times faster than
#: PyYAML's; the constructors (exact decimals, no duplicate keys) stay Python.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader with exact decimals, tolerant dates, core-schema scalars, no duplicate keys."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _RETYPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

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
                        f"重复的键 “{clip(key_node.value)}”（duplicate key）",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


for _tag, _pattern, _first in _CORE_SCALARS:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

#: Longer integers are kept as Decimal: ``int()`` refuses more than 4,300
#: digits with a ValueError; the range check then names the field instead.
_LONG_INT: Final = 4000


def _whole(text: str) -> int | Decimal:
    return Decimal(text) if len(text) > _LONG_INT else int(text)


def _int_text(text: str) -> int | Decimal:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return _whole(text)


def _bool_text(text: str) -> bool:
    return text.lower() == "true"


_SPECIAL_FLOATS: Final = {
    ".inf": "Infinity",
    "+.inf": "Infinity",
    "-.inf": "-Infinity",
    ".nan": "NaN",
}


def _decimal_text(text: str) -> Decimal | str:
    clean = text.lower()
    try:
        return Decimal(_SPECIAL_FLOATS.get(clean, clean))
    except InvalidOperation:
        return text  # the structurer reports it at its field


_TIMESTAMPS: Final = yaml.constructor.SafeConstructor()


def _timestamp_text(text: str) -> object:
    # 2025-13-40 looks like a date to YAML but is none; keep the text so the
    # structurer can report it at its field instead of failing the whole file.
    node = yaml.ScalarNode("tag:yaml.org,2002:timestamp", text)
    try:
        return _TIMESTAMPS.construct_yaml_timestamp(node)
    except ValueError:
        return text


#: Tag → the value of a scalar's text: one definition for both YAML routes.
_SCALARS: Final[Mapping[str, Callable[[str], object]]] = {
    "tag:yaml.org,2002:null": lambda _text: None,
    "tag:yaml.org,2002:int": _int_text,
    "tag:yaml.org,2002:bool": _bool_text,
    "tag:yaml.org,2002:float": _decimal_text,
    "tag:yaml.org,2002:timestamp": _timestamp_text,
}


def _on_node(of_text: Callable[[str], object]) -> Callable[[yaml.SafeLoader, yaml.Node], object]:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        return of_text(str(loader.construct_scalar(node)))  # type: ignore[arg-type]

    return construct


for _tag, _of_text in _SCALARS.items():
    if _tag != "tag:yaml.org,2002:null":  # PyYAML's own null constructor stays
        _Loader.add_constructor(_tag, _on_node(_of_text))

_DIALECT: Final = yamlevents.Dialect(_Loader.yaml_implicit_resolvers, _SCALARS)


def plain_scalar(text: str) -> object:
    """What a plain (unquoted) YAML scalar with this text reads as in a data file.

    For values typed somewhere else than a file (a web form's fields): ``12``
    is 12, ``2025-01-10`` a date, ``abc`` text, exactly as in a YAML file.
    Text YAML gives another meaning (``<<``, ``=``, ``*a``) stays text.
    """
    try:
        return _DIALECT.construct(_DIALECT.tag_of(text), text)
    except (yamlevents.NotPlain, ValueError):
        return text


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"重复的键 “{clip(key)}”（duplicate key）")
        out[key] = value
    return out


class SyntaxProblem(Exception):
    """A syntax error, already phrased for the user (with line and column)."""


def _yaml_shape(text: str) -> None:
    """Refuse a document too deep, too long or with too many aliases before composing it.

    The composer recurses once per level and a merge-key chain is quadratic;
    counting the parser's events (an iterative state machine) is linear and
    stops at the first bound exceeded.
    """
    depth = values = aliases = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DATA_DEPTH:
                raise SyntaxProblem(too_deep())
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise SyntaxProblem(
                    f"YAML 别名（*名称）过多，最多 {MAX_YAML_ALIASES} 个 "
                    f"(more than {MAX_YAML_ALIASES} aliases)"
                )
        elif not isinstance(event, yaml.ScalarEvent):
            continue  # stream and document boundaries
        values += 1
        if values > MAX_DATA_VALUES:
            raise SyntaxProblem(too_many())


def _parse_yaml(text: str) -> object:
    built, data = yamlevents.build(text, _DIALECT)
    return data if built else _parse_yaml_reference(text)


def _parse_yaml_reference(text: str) -> object:
    """All of YAML, through PyYAML: the answer wherever the one-pass route gives up."""
    try:
        _yaml_shape(text)
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列：" if mark else ""
        what = exc.problem or exc.context or "无法解析"
        if "nesting depth" in what:  # libyaml's own bound, deeper than ours
            raise SyntaxProblem(too_deep()) from None
        raise SyntaxProblem(f"YAML 语法错误 (syntax error)，{where}{what}") from None
    except yaml.reader.ReaderError as exc:
        raise SyntaxProblem(
            f"YAML 语法错误 (syntax error)：第 {exc.position + 1} 个字符不允许出现（{exc.reason}）"
        ) from None
    except yaml.YAMLError as exc:
        raise SyntaxProblem(f"YAML 语法错误 (syntax error)：{clip(str(exc))}") from None


def _number_problem(exc: ValueError) -> str:
    # int() refuses more than 4,300 digits; say so in the user's terms.
    if "digits" in str(exc):
        return "数字位数过多 (a number with too many digits)"
    return clip(str(exc))


def parse_text(text: str, fmt: Format) -> object:
    """Parse ``text``; raises :class:`SyntaxProblem` with line and column."""
    try:
        if fmt == "yaml":
            return _parse_yaml(text)
        if fmt == "json":
            return _parse_json(text)
        return _parse_toml(text)
    except RecursionError:
        # The JSON and TOML parsers recurse once per level: anything past
        # Python's recursion limit is far beyond MAX_DATA_DEPTH anyway.
        raise SyntaxProblem(too_deep()) from None


def _parse_json(text: str) -> object:
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=_whole,
            parse_constant=Decimal,  # NaN, Infinity: the structurer refuses them by field
            object_pairs_hook=_json_pairs,
        )
    except json.JSONDecodeError as exc:
        raise SyntaxProblem(
            f"JSON 语法错误 (syntax error)，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from None
    except ValueError as exc:
        raise SyntaxProblem(f"JSON 内容错误：{_number_problem(exc)}") from None


#: tomllib is pure Python (a 5 MB array takes 10 s) and has no hook to stop
#: early, so its input is bounded by a cheap overestimate of its values: every
#: value but the first of an array or table follows a "," or an "=".  Commas
#: inside strings count too; the factor leaves room for them.
_TOML_SEPARATORS_PER_VALUE: Final = 4


def _parse_toml(text: str) -> object:
    if text.count(",") + text.count("=") > _TOML_SEPARATORS_PER_VALUE * MAX_DATA_VALUES:
        raise SyntaxProblem(too_many())
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise SyntaxProblem(f"TOML 语法错误 (syntax error)：{exc}") from None
    except ValueError as exc:
        raise SyntaxProblem(f"TOML 内容错误：{_number_problem(exc)}") from None


def read_mapping(path: str | os.PathLike[str]) -> Mapping[str, Any]:
    """Read and parse a data file; anything that is not a mapping is unreadable."""
    path = Path(path)
    try:
        fmt = format_of(path)
    except UnsupportedFormatError as exc:
        raise UnreadableFileError(path, str(exc)) from None
    text = read_utf8(path)  # a FIFO, a device, a huge file: refused before reading
    try:
        data = parse_text(text, fmt)
    except SyntaxProblem as exc:
        raise UnreadableFileError(path, str(exc)) from None
    # An empty TOML file parses as {}: as empty as an empty YAML or JSON file.
    if data is None or (isinstance(data, Mapping) and not data):
        raise UnreadableFileError(path, "文件为空 (empty file)")
    if not isinstance(data, Mapping):
        raise UnreadableFileError(
            path,
            f"文件顶层应为键值映射（agency、year 等各项），实际为{describe(data)} "
            "(top level must be a mapping)",
        )
    return data  # its shape (depth, size, cycles) is checked by parse_report, for every loader


# ---------------------------------------------------------------- writing


class FlowMapping(dict[str, Any]):
    """A mapping written on one line in YAML (a table row of counts)."""


def decimal_text(value: Decimal) -> str:
    """Plain notation, never exponent: ``18651.06``, ``5949.088667``, ``0``."""
    return format(value, "f")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


# A string that either YAML 1.1 or our core-schema loader would read as a
# number, a boolean or null is written quoted (``"0o10"``, ``"yes"``, ``"1:30"``),
# so that the file reads back the same with govreport and with any YAML 1.1 reader.
for _tag, _pattern, _first in _CORE_SCALARS:
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


#: Line breaks in YAML 1.1 besides \n: in a plain, single-quoted or block scalar
#: they read back folded into a space or a \n; only double quotes keep them
#: (as the escapes \N, \L, \P).
_OTHER_BREAKS: Final = frozenset("\x85\u2028\u2029\r")


def _yaml_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _OTHER_BREAKS.intersection(value):
        style: str | None = '"'
    else:
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
        exact = Decimal(decimal_text(value))  # no exponent notation in the file
        # TOML writes a Decimal as a float: 1 would come back as 1.0.
        return int(exact) if exact == exact.to_integral_value() and "." not in str(exact) else exact
    return value


def _has_cr(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, Mapping):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_cr(v) for v in value)
    return False


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
        # A multi-line string reads back with \r\n as \n: escape every string then.
        multiline = not _has_cr(ready)
        return tomli_w.dumps(ready, multiline_strings=multiline)
    raise UnsupportedFormatError(str(fmt))
