"""Format options: declared with type, default and description; values checked clearly."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import pytest

from govreport.document.blocks import Document
from govreport.outputs.base import (
    Capability,
    OptionError,
    OptionSpec,
    RenderRequest,
    check_options,
)
from govreport.testing import make_engine


class Fmt:
    name = "demo"
    extension = ".demo"
    media_type = "text/plain"
    description = "demo"
    capabilities: ClassVar[frozenset[Capability]] = frozenset()
    options: ClassVar[dict[str, OptionSpec]] = {
        "pitch": OptionSpec("行距", float, None, minimum=1.0),
        "count": OptionSpec("份数", int, 1, minimum=1, maximum=9),
        "paper": OptionSpec("纸张", str, "A4", choices=("A4", "A3")),
        "bold": OptionSpec(help="加粗", kind=bool, default=False),
    }

    def render(self, document: Document, request: RenderRequest) -> bytes:
        return b""


def test_positional_and_keyword_construction_still_work() -> None:
    assert OptionSpec("宽度", int, 72) == OptionSpec(help="宽度", kind=int, default=72)
    spec = OptionSpec("宽度", int, 72)
    assert (spec.description, spec.choices, spec.minimum, spec.maximum) == ("", (), None, None)


def test_to_dict_is_json_ready() -> None:
    spec = OptionSpec("纸张", str, "A4", description="Paper size.", choices=["A4", "A3"])
    assert spec.to_dict() == {
        "type": "str",
        "default": "A4",
        "help": "纸张",
        "description": "Paper size.",
        "choices": ["A4", "A3"],
        "minimum": None,
        "maximum": None,
    }


def test_defaults_filled_and_cli_strings_converted() -> None:
    got = check_options(Fmt(), {"pitch": "28.5", "count": " 3 ", "bold": "Yes", "paper": "A3"})
    assert got == {"pitch": 28.5, "count": 3, "paper": "A3", "bold": True}
    assert check_options(Fmt(), {}) == {"pitch": None, "count": 1, "paper": "A4", "bold": False}
    # An int where a float is wanted is fine (and becomes a float).
    assert check_options(Fmt(), {"pitch": 28})["pitch"] == 28.0


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", math.nan, math.inf])
def test_nan_and_infinity_refused_naming_option_and_value(value: Any) -> None:
    with pytest.raises(OptionError) as info:
        check_options(Fmt(), {"pitch": value})
    message = str(info.value)
    assert "选项 pitch" in message and "格式 demo" in message
    assert repr(value) in message
    assert "不小于 1 的有限的数" in message


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("paper", "B5", "以下之一 (one of)：A4、A3"),
        ("count", "0", "1 至 9 之间的整数"),
        ("count", 10, "1 至 9 之间的整数"),
        ("count", "2.5", "整数"),
        ("count", True, "整数"),  # a bool is not a count
        ("count", 2.0, "整数"),
        ("pitch", "0.5", "不小于 1"),
        ("bold", "maybe", "true 或 false"),
        ("bold", 1, "true 或 false"),
    ],
)
def test_bad_values_refused_with_what_is_allowed(name: str, value: Any, allowed: str) -> None:
    with pytest.raises(OptionError, match=f"选项 {name}") as info:
        check_options(Fmt(), {name: value})
    assert allowed in str(info.value)


def test_unknown_option_lists_the_known_ones() -> None:
    with pytest.raises(OptionError, match=r"不支持选项 colour.*bold、count、paper、pitch"):
        check_options(Fmt(), {"colour": "red"})


def test_line_pitch_nan_is_an_option_error_not_a_crash() -> None:
    # Before: float("nan") passed, and the docx settings crashed in round().
    engine = make_engine()
    with pytest.raises(OptionError, match=r"选项 line_pitch.*'nan'"):
        check_options(engine.output("docx"), {"line_pitch": "nan"})


def test_every_builtin_option_declares_type_default_and_description() -> None:
    engine = make_engine()
    for name, fmt in engine.outputs.items():
        for option, spec in fmt.options.items():
            where = f"{name}.{option}"
            assert spec.help, where
            assert spec.description.isascii() and spec.description.endswith("."), where
            assert spec.kind in (str, int, float, bool), where
            # The default itself passes the checks.
            assert check_options(fmt, {option: spec.default})[option] == spec.default, where
