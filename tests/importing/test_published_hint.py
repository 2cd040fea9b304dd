"""A portal's publication date (page metadata) is used when the report prints none."""

from __future__ import annotations

from pathlib import Path

from govreport.importing.html import parse_html
from govreport.importing.mapper import map_source

PAGES = Path(__file__).parents[1] / "data" / "importing" / "html"

_PAGE = """<html><head><meta name="PubDate" content="2025-01-20 09:30"><title>x</title></head>
<body><div class="TRS_Editor"><p>某某镇人民政府2024年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>本年度……</p><p>六、其他需要报告的事项</p><p>无。</p>{end}</div></body></html>"""


def test_the_page_metadata_date_is_read_and_used_with_a_note() -> None:
    source = parse_html(_PAGE.format(end="").encode())
    assert source.published == "2025-01-20 09:30"
    imported = map_source(source)
    assert str(imported.data["published"]) == "2025-01-20"
    (note,) = [n for n in imported.notes if n.path == "published"]
    assert "网页的发布日期" in note.message


def test_a_date_printed_at_the_end_wins_over_the_metadata() -> None:
    end = "<p>某某镇人民政府</p><p>2025年1月15日</p>"
    imported = map_source(parse_html(_PAGE.format(end=end).encode()))
    assert str(imported.data["published"]) == "2025-01-15"


def test_the_real_page_gives_its_portal_date() -> None:
    source = parse_html((PAGES / "2024_pingtan.page.html").read_bytes())
    assert source.published == "2025-03-10 15:35"
    assert str(map_source(source).data["published"]) == "2025-03-10"
