"""Plain YAML scalars are typed as in YAML 1.2 (core schema): no 1:30 = 90, no yes = true."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from govreport.io import parse_report
from govreport.io.formats import parse_text, serialise


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1:30", "1:30"),  # 1.1: 90 (sexagesimal)
        ("1:30:00", "1:30:00"),
        ("190:20:30.15", "190:20:30.15"),
        ("yes", "yes"),  # 1.1: true
        ("No", "No"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("1_000", "1_000"),  # 1.1: 1000
        ("0b101", "0b101"),
        ("012", 12),  # 1.1: 10 (octal)
        ("0o12", 10),
        ("0x1F", 31),
        ("-3", -3),
        ("true", True),
        ("FALSE", False),
        ("1e3", Decimal("1e3")),  # 1.1: a string
        ("1.50", Decimal("1.50")),
        (".inf", Decimal("Infinity")),
        ("~", None),
        ("2025-01-10", dt.date(2025, 1, 10)),
        ("2025-13-40", "2025-13-40"),
    ],
)
def test_plain_scalars(text: str, value: object) -> None:
    assert parse_text(f"a: {text}\n", "yaml") == {"a": value}


def _messages(**proactive: object) -> list[str]:
    data = {"agency": {"name": "某镇", "level": "township"}, "year": 2024, "proactive": proactive}
    return [p.message for p in parse_report(data).problems]


def test_a_sexagesimal_or_boolean_word_in_a_count_is_a_clear_d2() -> None:
    for text in ("1:30", "yes", "on"):
        loaded = parse_text(f"licensing: {text}\n", "yaml")
        assert isinstance(loaded, dict)
        (message,) = _messages(**loaded)
        assert message.startswith("应为不小于0的整数") and f'"{text}"' in message


@pytest.mark.parametrize(
    "text",
    [
        "0o10",
        "yes",
        "no",
        "on",
        "1:30",
        "1_000",
        "012",
        "1e3",
        "True",
        ".5",
        "0x1f",
        "null",
        "~",
        "2024-01-01",
        "-.inf",
        "+1",
        "0b1",
    ],
)
def test_strings_that_look_like_other_types_are_written_quoted(text: str) -> None:
    # Read back the same by govreport and by a YAML 1.1 reader.
    import yaml

    written = serialise({"a": text}, "yaml")
    assert parse_text(written, "yaml") == {"a": text}
    assert yaml.safe_load(written) == {"a": text}


@pytest.mark.parametrize("text", ["\x85", "a\u2028b", "x\u2029", "a\rb", "a\r\nb\nc", "a\x85b\nc"])
def test_line_breaks_besides_newline_survive_a_round_trip(text: str) -> None:
    for fmt in ("yaml", "json", "toml"):
        assert parse_text(serialise({"a": text}, fmt), fmt) == {"a": text}, fmt  # type: ignore[arg-type]


def test_whole_amounts_survive_a_toml_round_trip() -> None:
    for value in (Decimal(1), Decimal("1.50"), Decimal(0), Decimal("18651.06")):
        back = parse_text(serialise({"a": value}, "toml"), "toml")
        assert isinstance(back, dict)
        assert str(back["a"]) == str(value)
