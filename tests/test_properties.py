"""Property test: any valid report survives every route through govreport, losing nothing.

Hypothesis builds reports with the model classes: any Unicode text in every
text field (agency name, contact, website, signatory, every narrative, 五's
introductions and items, 六) and any counts and amounts ``govreport.limits``
allows (amounts with up to ``MAX_AMOUNT_DECIMALS`` decimals, trailing zeros
kept).  The strategies exclude only what the format itself refuses:

- the characters XML 1.0 forbids (rule T1, ``govreport.xmlchars``);
- placeholder markers (``{{``, ``{%``, ``{#``) in the fields whose text is
  evaluated as a placeholder template (``opening``, ``overview.*``, 五's
  introductions and items, ``other.text``).  Every other field takes them
  as plain text.

Each report then goes

1. through save (YAML, JSON, TOML) → load: no problem, the same report, text
   exactly and amounts with their decimals;
2. through validate: no crash, no error, warnings only of the kinds its data
   calls for;
3. through every built-in format but PDF (txt, html, docx): no error, and
   every character of every user text in the output (see
   :func:`_layout_pattern` for the layout each format may apply; 五's items
   are enumerated 一是……；二是……。, their own final punctuation kept).

By default 30 examples run (the ``default`` profile of ``tests/conftest.py``).
The long run, 2,000 examples::

    GOVREPORT_HYPOTHESIS=long pytest tests/test_properties.py
    # or: pytest tests/test_properties.py --hypothesis-profile=long
"""

from __future__ import annotations

import html.parser
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport import (
    AdminLevel,
    Agency,
    AnnualReport,
    Applications,
    Contact,
    DocumentCounts,
    Engine,
    ListStyle,
    NotProcessed,
    OtherHandling,
    OtherMatters,
    Outcomes,
    Overview,
    ProactiveDisclosure,
    ProblemsAndImprovements,
    Results,
    ReviewLitigation,
    Severity,
    Unavailable,
    Withheld,
    load_report,
    save_report,
)
from govreport.limits import MAX_AMOUNT_DECIMALS, MAX_AMOUNT_INTEGER_DIGITS, MAX_COUNT
from govreport.model import resolve
from govreport.placeholders import has_placeholders
from govreport.rules.texts import all_text_fields
from govreport.spec.wording import states_fee
from govreport.testing import make_engine
from govreport.xmlchars import ILLEGAL_XML_CHARS

# ---------------------------------------------------------------- text

#: What rule T1 refuses, from its own definition (surrogates are never in UTF-8 text).
_T1_REFUSED = "".join(
    ch for ch in map(chr, range(0xD800)) if ILLEGAL_XML_CHARS.fullmatch(ch)
) + "".join(ch for ch in map(chr, range(0xE000, 0x10000)) if ILLEGAL_XML_CHARS.fullmatch(ch))

#: Characters real reports hold, and characters that tripped text handling before:
#: line breaks of every kind, tabs and odd spaces, zero-width joiners and
#: non-joiners, soft hyphen, direction marks, variation selectors, combining
#: marks, private-use code points for rare characters in names, an emoji with
#: ZWJ, CJK extension characters, a BOM, markup and quoting characters.
_TRICKY = (
    "政府信息公开年度报告某镇街道办事处一二三〇（）【】“”‘’，。、；：！？…—%％"
    "\n\r\t \u3000\xa0\u2028\u2029\x85\u200b\u200c\u200d\u2060\xad\u200e\u200f"
    "\u202a\u202e\ufe0f\u0301\u20dd\ue000\uf8ff\U000f0000\U0001f468\U00020000\U0002a6d6"
    "\U00031350\ufeff<>&\"'\\{}%#|*_`[]$~-"
)

#: Sequences that must stay together: CRLF, a ZWJ emoji, a flag, a combining accent.
_CLUSTERS = (
    "\r\n",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1e8\U0001f1f3",
    "e\u0301",
)
#: Placeholder syntax, plain text in the fields that take no placeholders.
_MARKERS = ("{{ 7*7 }}", "{{ x }}", "{{ '\\x00' }}", "{% if true %}", "{#", "{{", "%}", "}}")

#: Whole texts a data file could read as something else: YAML 1.1 and 1.2
#: numbers, booleans and nulls, dates, a postcode or phone with a leading 0,
#: YAML and TOML syntax.
_LOOKALIKES = (
    *("", "08", "0591", "350400", "0591-12345678", "1:30", "08:30:00", "1e5", "0o17"),
    *("0x1F", "1_000", "1,000", "+1", "-0", "0.", ".5", ".inf", "NaN", "true", "False"),
    *("yes", "no", "on", "off", "null", "~", "2024-01-01", "=", "<<", "*a", "&a", "!t"),
    *("- x", "? x", "# x", "'", '"', "|", ">", "@", "`", "[]", "{}", '"""', "'''"),
)

_ANY_CHAR = st.characters(codec="utf-8", exclude_characters=_T1_REFUSED)
_PIECE = st.one_of(_ANY_CHAR, st.sampled_from(_TRICKY), st.sampled_from(_CLUSTERS))


def _text(piece: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(_LOOKALIKES) | st.lists(piece, max_size=20).map("".join)


#: Text of a field that takes placeholders: anything but a placeholder marker.
placeholder_free = _text(_PIECE).filter(lambda t: not has_placeholders(t))
#: Text of a field printed as it is written: anything T1 accepts.
plain_text = _text(st.one_of(_PIECE, st.sampled_from(_MARKERS)))
#: A field that must not be blank (the agency's name).
non_blank = plain_text.filter(str.strip)

# ---------------------------------------------------------------- numbers

#: Any count the format allows.  A cell of table 三 is summed into 一 and 二
#: (see :func:`applications`), so those cells stay below a 32nd of the bound.
counts = st.integers(min_value=0, max_value=MAX_COUNT)
summed_counts = st.integers(min_value=0, max_value=MAX_COUNT // 32)


@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    """Any amount the format allows, trailing zeros kept ("0.50")."""
    places = draw(st.integers(min_value=0, max_value=MAX_AMOUNT_DECIMALS))
    units = draw(st.integers(min_value=0, max_value=10 ** (MAX_AMOUNT_INTEGER_DIGITS + places) - 1))
    return Decimal(units).scaleb(-places)


def rows() -> st.SearchStrategy[list[int]]:
    return st.lists(summed_counts, min_size=6, max_size=6)


@st.composite
def applications(draw: st.DrawFn) -> Applications:
    """Table 三 that balances in every column (rule R3): 一 + 二 = （七） + 四."""

    def row() -> list[int]:
        return draw(rows())

    results = Results(
        disclosed=row(),
        partially_disclosed=row(),
        withheld=Withheld(**{k: row() for k in _fields(Withheld)}),
        unavailable=Unavailable(**{k: row() for k in _fields(Unavailable)}),
        not_processed=NotProcessed(**{k: row() for k in _fields(NotProcessed)}),
        other_handling=OtherHandling(**{k: row() for k in _fields(OtherHandling)}),
    )
    received, forward = row(), row()
    handled = results.total_row.values()
    # 二 = （七） + 四 − 一; where that would be negative, 一 is lowered to （七） + 四.
    over = [h + f - r for h, f, r in zip(handled, forward, received, strict=True)]
    received = [r + min(0, o) for r, o in zip(received, over, strict=True)]
    over = [max(0, o) for o in over]
    return Applications(
        received=received, carried_over=over, results=results, carried_forward=forward
    )


def _fields(cls: type) -> list[str]:
    return [a.name for a in attrs.fields(cls)]


def _outcomes() -> st.SearchStrategy[Outcomes]:
    return st.builds(Outcomes, upheld=counts, corrected=counts, other=counts, pending=counts)


def _document_counts() -> st.SearchStrategy[DocumentCounts]:
    return st.builds(DocumentCounts, issued=counts, repealed=counts, in_force=counts)


# ---------------------------------------------------------------- the report

#: The last report year with a publication date in the past.
_LAST_YEAR = date.today().year - 1


@st.composite
def reports(draw: st.DrawFn) -> AnnualReport:
    agency = Agency(
        name=draw(non_blank),
        level=draw(st.sampled_from(AdminLevel)),
        has_rulemaking_power=draw(st.sampled_from([None, True, False])),
        contact=Contact(**{k: draw(plain_text) for k in _fields(Contact)}),
        website=draw(plain_text),
    )
    year = draw(st.integers(min_value=2021, max_value=_LAST_YEAR))
    # Published after the period, by the deadline (DATE1, DATE2), never in the future.
    first, last = date(year + 1, 1, 1), min(agency.level.deadline(year), date.today())
    published = draw(
        st.none() | st.integers(0, (last - first).days).map(lambda d: first + timedelta(days=d))
    )
    narrative = st.lists(placeholder_free, max_size=4)
    # Now and then a long list: 五 is numbered 一是, 二是 … and past 一百 the
    # numbering changes (rendering a long list is slow: rarely).
    long_list = st.lists(st.sampled_from(("加强培训", "", "x")), min_size=98, max_size=120)
    improvements = draw(long_list if draw(st.integers(0, 7)) == 0 else narrative)
    return AnnualReport(
        agency=agency,
        year=year,
        published=published,
        opening=draw(st.just("") | placeholder_free),
        overview=Overview(**{k: draw(placeholder_free) for k in _fields(Overview) if k != "parts"}),
        proactive=ProactiveDisclosure(
            rules=draw(_document_counts()),
            normative_documents=draw(_document_counts()),
            licensing=draw(counts),
            punishment=draw(counts),
            coercion=draw(counts),
            fees=draw(amounts()),
        ),
        applications=draw(applications()),
        review_litigation=ReviewLitigation(
            review=draw(_outcomes()),
            litigation_direct=draw(_outcomes()),
            litigation_after_review=draw(_outcomes()),
        ),
        problems=ProblemsAndImprovements(
            problems_intro=draw(placeholder_free),
            problems=draw(narrative),
            improvements_intro=draw(placeholder_free),
            improvements=improvements,
            style=draw(st.sampled_from(ListStyle)),
        ),
        other=OtherMatters(text=draw(placeholder_free), processing_fee=draw(amounts())),
        signatory=draw(plain_text),
    )


# ---------------------------------------------------------------- what must be printed


def _item(text: str) -> str:
    """A 五 item as enumerated: stripped; its own final punctuation is kept as written."""
    return text.strip()


def user_texts(report: AnnualReport) -> Iterator[tuple[str, str]]:
    """(field path, text) of every user text the document prints.

    The agency's contact and website are printed by the generated opening
    only: a report with its own ``opening`` replaces that paragraph.
    """
    agency = report.agency
    yield "agency.name", agency.name
    yield "signatory", report.signer
    if report.opening:
        yield "opening", report.opening
    else:
        yield "agency.website", agency.website
        for key in _fields(Contact):
            yield f"agency.contact.{key}", getattr(agency.contact, key)
    for key in _fields(Overview):
        if key != "parts":
            yield f"overview.{key}", getattr(report.overview, key)
    problems = report.problems
    for key in ("problems", "improvements"):
        yield f"problems.{key}_intro", getattr(problems, f"{key}_intro")
        for i, item in enumerate(getattr(problems, key)):
            yield f"problems.{key}[{i}]", _item(item)
    yield "other.text", report.other.text


#: A line the txt output wrapped: it ends, the next begins with alignment spaces.
_WRAP_BREAK = r"(?:\n *)?"


def _layout_pattern(text: str, *, txt: bool = False) -> re.Pattern[str]:
    """What ``text`` may look like in an output's text, and nothing looser.

    Every non-whitespace character must be there, in order, exactly.  Layout
    may only touch whitespace and line breaks:

    - the text's leading and trailing whitespace (each paragraph is stripped);
    - a run of whitespace is either kept exactly or, where the output breaks
      the line or the paragraph there, replaced by whitespace holding a line
      break (a line of user text is a paragraph; a wrapped line drops the
      spaces at its end; a docx ``w:br`` is a line break);
    - ``txt`` only: between two characters, a wrapped line may end and the next
      begin with alignment spaces (centred titles, right-aligned signature),
      and a tab is drawn as one space (a terminal's tab stops are unknown).
    """
    parts: list[str] = []
    after_character = False
    for token in re.findall(r"\s+|\S", text.strip()):
        if token.isspace():
            kept = token.replace("\t", " ") if txt else token
            parts.append(f"(?:{re.escape(kept)}|\\s*\\n\\s*)")
        else:
            if after_character and txt:
                parts.append(_WRAP_BREAK)
            parts.append(re.escape(token))
        after_character = not token.isspace()
    return re.compile("".join(parts))


def missing_texts(report: AnnualReport, fmt: str, printed: str) -> Iterator[str]:
    """A line for each user text ``printed`` does not hold (see :func:`_layout_pattern`)."""
    for path, text in user_texts(report):
        if text.strip() and not _layout_pattern(text, txt=fmt == "txt").search(printed):
            absent = sorted({ch for ch in text if not ch.isspace() and ch not in printed})
            yield f"{fmt}: {path} = {text!r} is not in the output; characters absent: {absent!r}"


# ---------------------------------------------------------------- output text

#: Elements that begin a new line of text in the HTML output.
_HTML_BLOCKS = frozenset(
    {
        *("article", "aside", "br", "caption", "div", "figcaption", "figure", "footer"),
        *("header", "li", "ol", "p", "section", "table", "tbody", "td", "th", "thead", "tr"),
        *("ul", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("desc", "text", "title"),  # labels of the SVG charts
    }
)
#: Elements whose content is not text of the page.
_HTML_HIDDEN = frozenset({"head", "script", "style", "template"})


class _HtmlText(html.parser.HTMLParser):
    """The text content of a page, character references unescaped, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_HIDDEN:
            self.hidden += 1
        elif tag in _HTML_BLOCKS and not self.hidden:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_HIDDEN:
            self.hidden -= 1
        elif tag in _HTML_BLOCKS and not self.hidden:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _HtmlText()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return "".join(parser.parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def docx_text(data: bytes) -> str:
    """The text of ``word/document.xml``: paragraphs on their own lines, ``w:tab``
    a tab, ``w:br``/``w:cr`` a line break, XML references unescaped by the parser.

    A ``w:t`` with whitespace at either end must say ``xml:space="preserve"``,
    or Word drops that whitespace.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))
    lines: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        line: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                text = node.text or ""
                if text != text.strip(" \t\r\n"):
                    assert node.get(_XML_SPACE) == "preserve", f"w:t {text!r} loses its spaces"
                line.append(text)
            elif node.tag == f"{_W}tab":
                line.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                line.append("\n")
        lines.append("".join(line))
    return "\n".join(lines)


# ---------------------------------------------------------------- validation


_C1 = re.compile("[\x7f-\x9f]")


def expected_kinds(report: AnnualReport) -> set[str]:
    """The warnings this report's data calls for; it has no error."""
    kinds = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "S5"}  # numbers quoted in narrative text
    if report.published is None:
        kinds.add("DATE3")
    other = report.other.text.strip()
    if other and not states_fee(other):
        kinds.add("S1")
    kinds.add("S2")  # 五 empty or a bare 无: judged on the joined text
    if not report.agency.makes_rules and report.proactive.rules != DocumentCounts():
        kinds.add("S3")
    if any(_C1.search(text) for _, text in all_text_fields(report)):
        kinds.add("T2")  # DEL and C1 controls: kept by every output, but invisible
    return kinds


# ---------------------------------------------------------------- the properties
#
# One report goes every route in one example, and every loss is collected
# before failing, so that a failing example shows all of them at once: the
# report is the costly part to generate.

_ENGINE: Engine = make_engine()


def _round_trip_losses(report: AnnualReport, folder: Path) -> Iterator[str]:
    for suffix in (".yaml", ".json", ".toml"):
        path = folder / f"report{suffix}"
        save_report(report, path)
        result = load_report(path)
        if result.problems:
            yield f"{suffix}: problems on reading back: {result.lines()}"
        elif result.report != report:
            yield f"{suffix}: read back differs: {_difference(result.report, report)}"
        else:
            # Decimal equality ignores trailing zeros; the file must keep them ("0.50").
            for amount in ("proactive.fees", "other.processing_fee"):
                got, want = resolve(result.report, amount), resolve(report, amount)
                if str(got) != str(want):
                    yield f"{suffix}: {amount} saved as {want}, read back as {got}"


def _difference(got: object, want: object, path: str = "") -> str:
    """The first field path where two model objects differ, with both values."""
    if attrs.has(type(want)) and type(got) is type(want):
        for field in attrs.fields(type(want)):
            a, b = getattr(got, field.name), getattr(want, field.name)
            if a != b:
                return _difference(a, b, f"{path}.{field.name}".lstrip("."))
    return f"{path or '<report>'}: saved {want!r}, read back {got!r}"


@given(report=reports())
def test_save_then_load_gives_the_same_report(
    report: AnnualReport, tmp_path_factory: pytest.TempPathFactory
) -> None:
    losses = list(_round_trip_losses(report, tmp_path_factory.mktemp("saved")))
    assert not losses, "\n".join(losses)


def _render_losses(report: AnnualReport) -> Iterator[str]:
    readers = {
        "txt": lambda data: data.decode("utf-8"),
        "html": html_text,
        "docx": docx_text,
    }
    for fmt, read in readers.items():
        # Validated already by the caller: no rule runs again.
        printed = read(_ENGINE.render(report, fmt, allow_errors=True))
        yield from missing_texts(report, fmt, printed)


@given(report=reports())
def test_validate_then_every_format_prints_every_character(report: AnnualReport) -> None:
    findings = _ENGINE.validate(report)
    assert [str(f) for f in findings if f.severity is Severity.ERROR] == []
    unexpected = {f.code for f in findings} - expected_kinds(report)
    assert not unexpected, [str(f) for f in findings if f.code in unexpected]
    losses = list(_render_losses(report))
    assert not losses, "\n".join(losses)


# ---------------------------------------------------------------- the checks themselves


def test_the_strategies_refuse_only_what_rule_t1_refuses() -> None:
    assert "\x00" in _T1_REFUSED and "\uffff" in _T1_REFUSED
    assert not ILLEGAL_XML_CHARS.search("\t\n\r\x85\ue000\u200d" + _TRICKY)


def test_the_layout_pattern_allows_layout_and_nothing_else() -> None:
    text = " 杭州市\ue000镇 a\tb\n\nc "
    for pattern in (_layout_pattern(text), _layout_pattern(text, txt=True)):
        assert pattern.search("　　杭州市\ue000镇 a\tb\n\n　　c") or pattern.search(
            "　　杭州市\ue000镇 a b\n\n　　c"
        )
        assert pattern.search("杭州市\ue000镇\na\tb\nc") or pattern.search("杭州市\ue000镇\na b\nc")
        assert not pattern.search("杭州市镇 a\tb\n\nc")  # the private-use character lost
        assert not pattern.search("杭州市\ue000镇 ab\n\nc")  # a space lost
    assert not _layout_pattern(text).search("杭州市\ue000镇 a b\n\nc")  # the tab lost
    assert _layout_pattern(text, txt=True).search("杭州\n   市\ue000镇 a b\nc")  # wrapped, centred
    assert not _layout_pattern(text).search("杭州\n   市\ue000镇 a\tb\nc")  # html/docx: no wrap


def test_the_output_readers(tmp_path: Path) -> None:
    assert html_text(b"<head><title>x</title></head><p>a &amp; b</p><p>c</p>") == ("\na & b\n\nc\n")
    report = attrs.evolve(
        make_sample(), overview=Overview(intro="甲\t乙  丙&<>"), opening="第一行\n第二行"
    )
    text = docx_text(_ENGINE.render(report, "docx"))
    assert "甲\t乙  丙&<>" in text and "第一行\n第二行" in text


def make_sample(**changes: Any) -> AnnualReport:
    from govreport.testing import sample_report

    return sample_report(**changes)
