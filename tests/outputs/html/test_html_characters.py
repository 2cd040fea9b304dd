"""With --force past rule T1, the HTML output refuses what it cannot carry, naming it."""

from __future__ import annotations

import attrs
import pytest

from govreport import Engine, Overview
from govreport.testing import sample_report
from govreport.xmlchars import IllegalTextError


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1f", "\ud800", "\ufffe"])
def test_html_refuses_what_t1_refuses_with_the_section(char: str) -> None:
    report = attrs.evolve(sample_report(), overview=Overview(intro=f"本年度{char}情况"))
    engine = Engine(autoload=False)
    with pytest.raises(IllegalTextError, match=f"U\\+{ord(char):04X}.*一、总体情况") as info:
        engine.render(report, "html", allow_errors=True)
    assert "网页" in str(info.value)


def test_html_keeps_the_characters_t1_allows() -> None:
    kept = "\u200d\u00ad\u200f\ue000\U00031350"  # ZWJ, soft hyphen, RLM, private use, CJK-H
    report = attrs.evolve(sample_report(), overview=Overview(intro=f"本年度{kept}情况"))
    page = Engine(autoload=False).render(report, "html", allow_errors=True).decode("utf-8")
    assert f"本年度{kept}情况" in page


def test_a_line_break_inside_a_paragraph_stays_a_break_and_text_stays_escaped() -> None:
    # An enumerated 五 keeps its intro and items in one paragraph, line breaks and all.
    report = sample_report()
    problems = attrs.evolve(report.problems, problems_intro="第一行<b>\n第二行")
    report = attrs.evolve(report, problems=problems)
    page = Engine(autoload=False).render(report, "html").decode("utf-8")
    assert "第一行&lt;b&gt;<br>\n第二行" in page
