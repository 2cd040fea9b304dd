"""An extension whose data class the loader cannot read is refused when it is made, in one line."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from govreport.errors import GovreportError, PluginError
from govreport.plugins import DISABLE_AUTOLOAD_ENV, Engine
from govreport.plugins.contributions import Extension, ExtensionExampleError, ExtensionTypeError


class Plain:
    """Not an attrs class."""


@attrs.frozen
class WithSet:
    ids: set[int] = attrs.Factory(set)


@attrs.frozen
class Inner:
    name: str = ""
    tags: frozenset[str] = frozenset()


@attrs.frozen
class WithDeepProblem:
    tasks: tuple[Inner, ...] = ()


@attrs.frozen
class WithCallable:
    hook: Callable[[], int] | None = None


@attrs.frozen
class WithPlain:
    thing: Plain | None = None


@attrs.frozen
class WithAny:
    anything: dict[str, Any] = attrs.Factory(dict)


@attrs.frozen
class WithNoneItems:
    values: list[int | None] = attrs.Factory(list)


@attrs.frozen
class WithIntKeys:
    by_year: dict[int, int] = attrs.Factory(dict)


@attrs.frozen
class WithFloat:
    ratio: float = 0.0


@pytest.mark.parametrize(
    ("cls", "path", "found"),
    [
        (WithSet, "ids", "set[int]"),
        (WithDeepProblem, "tasks[].tags", "frozenset[str]"),
        (WithCallable, "hook", "Callable[[], int] | None"),
        (WithPlain, "thing", "Plain | None"),
        (WithAny, "anything.*", "Any"),
        (WithNoneItems, "values[]", "int | None"),
        (WithIntKeys, "by_year", "dict[int, int]"),
        (WithFloat, "ratio", "float"),
    ],
)
def test_an_unsupported_field_type_is_refused_in_one_line(cls: type, path: str, found: str) -> None:
    with pytest.raises(ExtensionTypeError) as caught:
        Extension("keytasks", cls, "重点任务")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"extension 'keytasks': field '{path}' has unsupported type ")
    assert found in message
    assert "supported: str, int, Decimal, bool, datetime.date" in message
    assert "Mapping[str, X]" in message
    assert (caught.value.extension, caught.value.path) == ("keytasks", path)
    # Callers catching the builtin or the project root both see it.
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, GovreportError)


def test_a_plain_class_is_refused() -> None:
    with pytest.raises(ExtensionTypeError, match="data_class must be an attrs class, not Plain"):
        Extension("x", Plain)


def test_positional_construction_still_works_and_example_is_optional() -> None:
    @attrs.frozen
    class Block:
        n: int = 0

    ext = Extension("block", Block, "数据块")
    assert (ext.name, ext.data_class, ext.title, ext.example) == ("block", Block, "数据块", None)
    hash(Extension("block", Block, "数据块", {"n": 1}))  # registries may hash it


def test_a_bad_example_is_refused() -> None:
    @attrs.frozen
    class Block:
        n: int = 0

    with pytest.raises(ExtensionExampleError, match=r"extensions\.block\.n: 应为不小于0的整数"):
        Extension("block", Block, "数据块", example={"n": "三"})
    assert isinstance(ExtensionExampleError("x"), ValueError)


PLUGIN = """
    from __future__ import annotations

    import datetime as dt

    import attrs
    from govreport import hookimpl
    from govreport.plugins.contributions import Extension

    @attrs.frozen
    class Task:
        name: str = attrs.field(default="", metadata={{"label": "名称"}})
        due: dt.date | None = None

    @attrs.frozen
    class Tasks:
        tasks: tuple[Task, ...] = ()
        extra: {extra} = None

    @hookimpl
    def govreport_register_extensions(register):
        register(Extension("tasks", Tasks, "任务"))
"""


@pytest.fixture
def plugin_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Any]]:
    monkeypatch.syspath_prepend(str(tmp_path))
    names: list[str] = []

    def make(extra: str) -> Any:
        name = f"gr_ext_types_{len(names)}"
        names.append(name)
        (tmp_path / f"{name}.py").write_text(
            textwrap.dedent(PLUGIN.format(extra=extra)), encoding="utf-8"
        )
        return __import__(name)

    yield make
    for name in names:
        sys.modules.pop(name, None)


@pytest.mark.govreport_hook("govreport_register_extensions")
def test_string_annotations_naming_the_plugins_own_classes_resolve(plugin_module) -> None:
    module = plugin_module("Task | None")
    engine = Engine([module], autoload=False)
    assert engine.failures == []
    assert engine.extensions["tasks"].data_class is module.Tasks
    where = engine.extensions["tasks"].location("extensions.tasks.tasks[0].name")
    assert where == "扩展“任务”/tasks/第1项/名称"


def test_an_installed_plugin_with_an_unsupported_type_fails_to_load_in_one_line(
    plugin_module, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin_module("set[int] | None")  # written to tmp_path as gr_ext_types_0
    dist = tmp_path / "gr_ext_types_0-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gr-ext-types\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[govreport]\nkeytasks = gr_ext_types_0\n")
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    engine = Engine()
    assert "tasks" not in engine.extensions
    (line,) = [f.line() for f in engine.failures if "keytasks" in f.line()]
    assert "\n" not in line
    assert "extension 'tasks': field 'extra' has unsupported type set[int] | None" in line


def test_a_plugin_passed_in_with_an_unsupported_type_raises_one_line(plugin_module) -> None:
    with pytest.raises(PluginError) as caught:
        Engine([plugin_module("set[int] | None")], autoload=False)
    assert "\n" not in str(caught.value)
    assert "field 'extra' has unsupported type set[int] | None" in str(caught.value)
    assert isinstance(caught.value.__cause__, ExtensionTypeError)


def test_an_annotation_that_does_not_resolve_is_refused(plugin_module) -> None:
    with pytest.raises(PluginError, match=r"does not resolve.*NoSuchClass"):
        Engine([plugin_module("NoSuchClass | None")], autoload=False)
