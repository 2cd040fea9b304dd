"""The txt format as a whole document: golden files, layout of the prose, options."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from wcwidth import wcswidth

import govreport
from govreport.document.blocks import Paragraph, Table
from govreport.outputs.base import Capability, OptionError, RenderRequest, check_options
from govreport.outputs.text import DEFAULT_WIDTH, MIN_WIDTH
from govreport.outputs.textwidth import min_width, wrap
from govreport.testing import sample_report

GOLDEN = Path(__file__).parent / "golden"
#: Set to 1 to rewrite the golden files from the current renderer (then read the diff!).
REGEN_ENV = "GOVREPORT_REGEN_GOLDEN"
INDENT = "\u3000\u3000"


def engine() -> govreport.Engine:
    return govreport.Engine(autoload=False)


def render(**options) -> str:
    return engine().render(sample_report(), "txt", options=options).decode("utf-8")


def is_table_line(line: str) -> bool:
    return line[:1] in set("┌│├└+|")


@pytest.mark.parametrize(
    ("name", "options"),
    [("sample-report.txt", {}), ("sample-report-ascii-80.txt", {"width": 80, "ascii": True})],
)
def test_golden(name, options):
    out = engine().render(sample_report(), "txt", options=options)
    path = GOLDEN / name
    if os.environ.get(REGEN_ENV) == "1":
        path.write_bytes(out)
    assert out == path.read_bytes(), f"rerun with {REGEN_ENV}=1 and review the diff"


def test_registered_as_a_builtin_output():
    fmt = engine().output("txt")
    assert (fmt.extension, fmt.media_type) == (".txt", "text/plain; charset=utf-8")
    assert Capability.MERGED_CELLS in fmt.capabilities
    assert fmt.options["width"].default == DEFAULT_WIDTH


def test_same_input_same_bytes_from_separate_engines():
    a = engine().render(sample_report(), "txt")
    b = engine().render(sample_report(), "txt")
    assert a == b


def test_utf8_ending_in_exactly_one_newline_without_trailing_spaces():
    data = engine().render(sample_report(), "txt")
    text = data.decode("utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))


@pytest.mark.parametrize("width", (MIN_WIDTH, 60, 80, 100))
def test_prose_lines_fit_the_width(width):
    for line in render(width=width).split("\n"):
        if not is_table_line(line):
            assert wcswidth(line) <= width, line


def _chunks(text: str) -> list[str]:
    """Blank-line separated parts, each joined back into one string."""
    return ["".join(part.split("\n")) for part in text.split("\n\n")]


@pytest.mark.parametrize("width", (40, 100))
def test_paragraphs_are_indented_two_characters_and_lose_no_text(width):
    chunks = _chunks(render(width=width))
    paragraphs = [
        b for b in engine().document(sample_report()).blocks() if isinstance(b, Paragraph)
    ]
    assert paragraphs
    for p in paragraphs:
        assert INDENT + p.text in chunks


def test_title_centred_headings_in_order_and_signature_right_aligned():
    lines = render(width=90).rstrip("\n").split("\n")
    document = engine().document(sample_report())
    head = lines[: lines.index("")]
    assert [ln.strip() for ln in head] == list(document.title_lines)
    for title, line in zip(document.title_lines, head, strict=True):
        assert wcswidth(line) - wcswidth(title) == (90 - wcswidth(title)) // 2
    positions = [lines.index(s.heading) for s in document.sections]
    assert positions == sorted(positions)
    assert document.signature is not None
    assert lines[-2].lstrip() == document.signature.signer
    assert lines[-1].lstrip() == document.signature.date
    assert wcswidth(lines[-2]) == wcswidth(lines[-1]) == 90


def test_table_follows_its_heading_without_repeating_the_caption():
    lines = render().split("\n")
    document = engine().document(sample_report())
    for key in ("proactive", "applications", "review_litigation"):
        at = lines.index(document.section(key).heading)
        assert lines[at + 1] == "" and lines[at + 2].startswith("┌")


def test_caption_is_printed_when_the_heading_does_not_name_the_table():
    document = engine().document(sample_report())
    section = document.section("proactive")
    renamed = attrs.evolve(section, title="附表")
    sections = tuple(renamed if s is section else s for s in document.sections)
    fmt = engine().output("txt")
    request = RenderRequest(sample_report(), options=check_options(fmt, {}))
    text = fmt.render(attrs.evolve(document, sections=sections), request).decode("utf-8")
    lines = text.split("\n")
    at = lines.index(renamed.heading)
    caption = next(b for b in section.blocks if isinstance(b, Table)).caption
    assert lines[at + 2].strip() == caption
    assert lines[at + 3].startswith("┌")


def test_width_option_is_checked_with_a_chinese_message():
    with pytest.raises(OptionError, match="width"):
        render(width=MIN_WIDTH - 1)
    with pytest.raises(OptionError, match="width"):
        render(width="abc")


def test_options_given_as_cli_strings():
    text = render(width="60", ascii="yes")
    assert "┌" not in text and "+--" in text
    assert max(wcswidth(ln) for ln in text.split("\n") if not is_table_line(ln)) <= 60


TEXT = "2024年，本机关共收到申请12345件（含“依申请公开”），办结率100%。"


@pytest.mark.parametrize("width", range(min_width(TEXT), 40))
def test_wrap_keeps_digit_runs_and_punctuation_rules(width):
    lines = wrap(TEXT, width)
    assert "".join(lines) == TEXT
    for line in lines:
        assert wcswidth(line) <= width
        assert line[0] not in "）”，。、%" and line[-1] not in "（“"
    assert any("12345" in line for line in lines)


@pytest.mark.parametrize("width", range(1, min_width(TEXT)))
def test_wrap_splits_a_unit_only_when_it_cannot_fit(width):
    lines = wrap(TEXT, width)
    assert "".join(lines) == TEXT
    assert all(wcswidth(line) <= width or len(line) == 1 for line in lines)
