"""Property: render → import gives back the same report, as every output prints it.

For any valid report (numbers anywhere in their range, fees with up to six
decimals, realistic narrative text), rendering it to txt, HTML and Word and
importing the file back gives a report whose document prints exactly the same
text: the title, the opening, every heading and paragraph, every table cell
and the signature (:meth:`govreport.Document.texts`).  Comparing the printed
document rather than the model is the point: an imported report holds what was
printed (the generated opening, the fee sentence, the sub-headings as
headings), and it must print the same again.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport import AnnualReport, Engine, ListStyle
from govreport.testing import sample_report

FORMATS = ("txt", "html", "docx")

#: Words that build sentences: no heading pattern (一、 （一）) can start one.
_WORDS = (
    "加强",
    "政务公开",
    "平台建设",
    "规范",
    "办理",
    "依申请公开",
    "政策解读",
    "全年",
    "主动公开",
    "信息",
    "工作机制",
    "持续",
    "群众",
    "“三审三校”",
    "（试行）",
    "2024年",
    "共计",
    "条",
    "件",
    "第三方",
    "网站",
    "AI",
)
sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(
    lambda words: "".join(words) + "。"
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)
texts = st.lists(paragraph, min_size=0, max_size=3).map("\n".join)
counts = st.integers(min_value=0, max_value=10**6)


@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    places = draw(st.integers(min_value=0, max_value=6))
    return Decimal(draw(st.integers(min_value=0, max_value=10**9))).scaleb(-places)


def _numbers(draw: st.DrawFn, obj: object) -> object:
    """The same record with every count (and amount) drawn anew."""
    changes: dict[str, object] = {}
    for field in attrs.fields(type(obj)):  # type: ignore[misc]
        value = getattr(obj, field.name)
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            changes[field.name] = draw(counts)
        elif isinstance(value, Decimal):
            changes[field.name] = draw(amounts())
        elif attrs.has(type(value)):
            changes[field.name] = _numbers(draw, value)
    return attrs.evolve(obj, **changes)  # type: ignore[misc]


@st.composite
def reports(draw: st.DrawFn) -> AnnualReport:
    base = sample_report()
    overview = attrs.evolve(
        base.overview,
        **{f.name: draw(texts) for f in attrs.fields(type(base.overview)) if f.name != "parts"},
    )
    problems = attrs.evolve(
        base.problems,
        problems_intro=draw(paragraph),
        problems=tuple(draw(st.lists(sentence, max_size=4))),
        improvements_intro=draw(paragraph),
        improvements=tuple(draw(st.lists(sentence, max_size=4))),
        style=draw(st.sampled_from(ListStyle)),
    )
    return attrs.evolve(
        base,
        agency=attrs.evolve(
            base.agency,
            name=draw(st.sampled_from(["某某镇人民政府", "平潭综合实验区", "某某县教育局"])),
        ),
        year=draw(st.integers(2021, 2025)),
        published=None,
        overview=overview,
        proactive=_numbers(draw, base.proactive),
        applications=_numbers(draw, base.applications),
        review_litigation=_numbers(draw, base.review_litigation),
        problems=problems,
        other=attrs.evolve(base.other, text=draw(texts), processing_fee=Decimal(0)),
    )


def _dated(report: AnnualReport) -> AnnualReport:
    return attrs.evolve(report, published=date(report.year + 1, 1, 20))


def _printed(engine: Engine, report: AnnualReport) -> list[tuple[str, str]]:
    return list(engine.document(report).texts())


@pytest.mark.parametrize("fmt", FORMATS)
@given(report=reports())
def test_render_then_import_prints_the_same(
    fmt: str, report: AnnualReport, tmp_path_factory: pytest.TempPathFactory
) -> None:
    engine = govreport.Engine(autoload=False)
    report = _dated(report)
    path = Path(tmp_path_factory.mktemp("rt")) / f"report.{fmt}"
    path.write_bytes(engine.render(report, fmt, allow_errors=True))
    loaded = engine.load_report(path)
    assert loaded.ok, [f.message for f in loaded.problems]
    assert _printed(engine, loaded.report) == _printed(engine, report)
    assert loaded.report.stated_totals  # every printed total is kept as stated
    findings = engine.validate(loaded.report)
    arithmetic = {f.code for f in findings} & {"R1", "R2", "R3", "R4"}
    assert arithmetic <= {f.code for f in engine.validate(report)}
