"""The one-pass YAML route gives the reference route's data, or leaves the answer to it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from govreport.io import formats, yamlevents
from govreport.io.formats import SyntaxProblem, _parse_yaml, _parse_yaml_reference
from govreport.testing.synthetic import write_reports

pytestmark = pytest.mark.skipif(not yamlevents.AVAILABLE, reason="PyYAML without libyaml")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _fast(text: str) -> tuple[bool, object]:
    return yamlevents.build(text, formats._DIALECT)


def _reference(text: str) -> object:
    try:
        return _parse_yaml_reference(text)
    except SyntaxProblem as exc:
        return ("error", str(exc))


def _same(a: object, b: object) -> bool:
    """Equal and of the same types all the way down (1 == True == Decimal(1) is not enough)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal) and a.is_nan():
        return isinstance(b, Decimal) and b.is_nan()
    return a == b


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_bundled_example_is_built_in_one_pass_with_the_reference_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    built, data = _fast(text)
    assert built
    assert _same(data, _reference(text))


def test_generated_reports_are_built_in_one_pass_with_the_reference_data(tmp_path: Path) -> None:
    for path in write_reports(tmp_path, 30, seed=11):
        text = path.read_text(encoding="utf-8")
        built, data = _fast(text)
        assert built, path.name
        assert _same(data, _reference(text)), path.name


def test_broken_generated_files_get_the_reference_answer(tmp_path: Path) -> None:
    for path in write_reports(tmp_path, 40, seed=3, broken=0.5):
        text = path.read_text(encoding="utf-8", errors="replace")
        built, data = _fast(text)
        if built:
            assert _same(data, _reference(text)), path.name


# Plain and quoted scalars of every type a data file meets, anchors, flow
# collections, empty values: built in one pass, the same as the reference.
BUILT = [
    "a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F\nf: 012\n",
    "a: 1.50\nb: .5\nc: -1e3\nd: .inf\ne: -.Inf\nf: .nan\n",
    "a: true\nb: False\nc: yes\nd: on\ne: 'true'\nf: ~\ng: null\nh:\n",
    "a: 2025-03-10\nb: 2025-13-40\nc: 2025-03-10 08:00:00\nd: '2025-03-10'\n",
    "a: 1:30\nb: 1_000\nc: 0b101\nd: '12'\ne: \"x\\ty\"\n",
    "name: 某某镇人民政府\nlist: [1, 2, {x: 3}]\nmap: {a: [], b: {}}\n",
    "row: &zero {a: 0, b: 0}\nother: *zero\nthird: *zero\n",
    "s: &s text\nt: *s\nu: [*s, *s]\n",
    "text: |\n  第一段\n  第二段\nfolded: >\n  a\n  b\n",
    "1: a\n2.5: b\nnull: c\ntrue: d\n",
    "- a\n- b\n",
    "plain scalar at the top\n",
    "",
    "# only a comment\n",
    "---\n",
    "---\na: 1\n...\n",
    "a: !!str 12\nb: !!int '7'\nc: !!float '1.5'\nd: ! 12\ne: !!null ''\n",
    "x: &a [*a]\n",
]


@pytest.mark.parametrize("text", BUILT)
def test_the_part_of_yaml_a_data_file_uses_is_built_in_one_pass(text: str) -> None:
    built, data = _fast(text)
    assert built
    reference = _reference(text)
    if text.startswith("x: &a"):  # a list containing itself: compare its shape
        assert isinstance(data, dict) and isinstance(reference, dict)
        assert data["x"][0] is data["x"] and reference["x"][0] is reference["x"]
    else:
        assert _same(data, reference)


# Everything else is left to the reference route, which words the error or
# builds what the one-pass route does not (merge keys, sets, complex keys).
LEFT = [
    "a: 1\na: 2\n",  # duplicate key
    "1: a\n'1': b\n",  # duplicate as written
    "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",  # merge key
    "a: !!set {x, y}\n",
    "a: !!binary aGk=\n",
    "a: !custom 1\n",
    "? [a, b]\n: c\n",  # a list as a key
    "*x : 1\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "a: [1, 2\n",  # syntax error
    "a: *missing\n",
    "a: b: c\n",
    "=: 1\n",
    "a: \x07\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",  # deeper than the bound
    "a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(101)),  # too many aliases
]


@pytest.mark.parametrize("text", LEFT)
def test_anything_else_is_left_to_the_reference_route(text: str) -> None:
    assert _fast(text) == (False, None)
    # And the public route gives what the reference gives.
    try:
        got: object = _parse_yaml(text)
    except SyntaxProblem as exc:
        got = ("error", str(exc))
    except Exception as exc:  # a non-YAML error: the same type both ways
        got = ("raised", type(exc))
    try:
        want = _reference(text)
    except Exception as exc:
        want = ("raised", type(exc))
    assert _same(got, want) if not isinstance(want, dict) else got == want


def test_a_date_is_a_date_and_an_impossible_one_stays_text() -> None:
    built, data = _fast("a: 2025-03-10\nb: 2025-13-40\n")
    assert built
    assert data == {"a": dt.date(2025, 3, 10), "b": "2025-13-40"}


def test_only_short_plain_scalars_are_remembered_between_files() -> None:
    dialect = yamlevents.Dialect(formats._Loader.yaml_implicit_resolvers, formats._SCALARS)
    long = "正文" * 100
    built, data = yamlevents.build(f"a: 12\nb: {long}\n", dialect)
    assert built and data == {"a": 12, "b": long}
    assert "12" in dialect.plain and long not in dialect.plain
