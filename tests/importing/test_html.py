"""The web page reader: real portal pages, encodings, Word markup, tables, bounds, bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport.findings import Severity
from govreport.importing.blocks import Grid, Para, Source
from govreport.importing.html import parse_html, read_html
from govreport.io.errors import UnreadableFileError
from govreport.limits import (
    MAX_HTML_COLSPAN,
    MAX_HTML_ELEMENTS,
    MAX_HTML_ROWSPAN,
    MAX_HTML_TABLE_CELLS,
    MAX_HTML_TABLE_COLUMNS,
    MAX_IMPORT_FILE_BYTES,
)

DATA = Path(__file__).parents[1] / "data" / "importing" / "html"
SAMPLES = {
    2024: (DATA / "2024_pingtan.page.html", "2024_pingtan.json"),
    2025: (DATA / "2025_pingtan.page.html", "2025_pingtan.json"),
}

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def paras(source: Source) -> list[str]:
    return [block.text for block in source.blocks if isinstance(block, Para)]


def grids(source: Source) -> list[Grid]:
    return [block for block in source.blocks if isinstance(block, Grid)]


def cell(grid: Grid, row: int, col: int):
    found = [c for c in grid.cells if (c.row, c.col) == (row, col)]
    assert len(found) == 1, (row, col)
    return found[0]


def page(body: str, *, head: str = "") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def read(body: str) -> Source:
    """A page with ``body`` as its article (in a TRS container, as most portals have it)."""
    return parse_html(page(f"<div class='TRS_Editor'>{body}</div>"), name="t.html")


# -- the two real pages ---------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(SAMPLES))
def sample(request) -> tuple[int, Source, dict]:
    year = request.param
    path, numbers = SAMPLES[year]
    expected = json.loads((DATA / numbers).read_text("utf-8"))
    return year, read_html(path), expected


def test_real_page_title_and_no_notes(sample):
    year, source, _ = sample
    assert source.kind == "html"
    assert source.title == (
        f"平潭综合实验区{year}年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会"
    )
    # The title printed above the article (outside .TRS_Editor) comes first.
    assert source.blocks[0] == Para(f"平潭综合实验区{year}年度政府信息公开工作年度报告", "标题")
    assert source.notes == ()


def test_real_page_headings_in_order_between_the_tables(sample):
    _, source, _ = sample
    order = []
    for block in source.blocks:
        if isinstance(block, Grid):
            order.append(block.where)
        elif block.text in HEADINGS:
            order.append(block.text[:2])
    assert order == ["一、", "二、", "表格1", "三、", "表格2", "四、", "表格3", "五、", "六、"]
    texts = paras(source)
    assert texts[1].startswith("本报告根据《中华人民共和国政府信息公开条例》")
    assert texts[-1] == f"{sample[0]}年，无收取信息处理费情况。"


def test_real_page_leaks_no_portal_shell(sample):
    year, source, _ = sample
    raw = SAMPLES[year][0].read_text("utf-8")
    everything = "\n".join(paras(source) + [c.text for g in grids(source) for c in g.cells])
    # breadcrumb, header links, the article's info line, attachment box,
    # QR code, the sidebar and the footer's links
    shell = ("当前位置", "省人大", "来源：", "时间：", "附件下载", "扫一扫在手机上查看当前页面")
    for text in (*shell, "文字解读", "福建省人民政府"):
        assert text in raw, text
        assert text not in everything, text


def test_real_page_table_geometry(sample):
    _, source, _ = sample
    two, three, four = grids(source)
    assert (two.n_rows, two.n_cols, len(two.cells)) == (14, 4, 30)
    assert (three.n_rows, three.n_cols, len(three.cells)) == (28, 10, 215)
    assert (four.n_rows, four.n_cols, len(four.cells)) == (4, 15, 34)
    assert cell(two, 0, 0).colspan == 4
    assert (cell(two, 13, 1).text, cell(two, 13, 1).colspan) == (two.text_at(13, 3), 3)
    note = cell(three, 0, 0)
    assert (note.rowspan, note.colspan) == (3, 3)
    assert note.text.startswith("（本列数据的勾稽关系为")
    assert (cell(three, 0, 3).text, cell(three, 0, 3).colspan) == ("申请人情况", 7)
    assert (cell(three, 1, 3).text, cell(three, 1, 3).rowspan) == ("自然人", 2)
    assert (cell(three, 1, 4).text, cell(three, 1, 4).colspan) == ("法人或其他组织", 5)
    assert cell(three, 2, 4).text == "商业\n企业"  # two <p> in one cell
    results = cell(three, 5, 0)
    assert (results.text, results.rowspan) == (
        "三、本\n年度办\n理结果",
        22,
    )  # three <p> in the cell
    withheld = cell(three, 7, 1)
    assert (withheld.text, withheld.rowspan) == ("（三）不予公开", 8)
    # A row under the 22-row label starts at column 2: the rowspans push it right.
    assert cell(three, 8, 2).text == "2.其他法律行政法规禁止公开"
    assert three.text_at(27, 0) == "四、结转下年度继续办理"
    assert (cell(four, 0, 0).colspan, cell(four, 0, 5).colspan) == (5, 10)
    assert all(cell(four, 1, col).rowspan == 2 for col in range(5))


def test_real_page_every_number_at_its_cell(sample):
    _, source, expected = sample
    two, three, four = grids(source)
    proactive = expected["proactive"]
    first = proactive["第二十条第（一）项"]
    for row, label in ((2, "规章"), (3, "行政规范性文件")):
        assert two.text_at(row, 0) == label
        values = [str(v) for v in first[label].values()]
        assert [two.text_at(row, col) for col in (1, 2, 3)] == values
    for row, (item, label) in {
        6: ("第二十条第（五）项", "行政许可"),
        9: ("第二十条第（六）项", "行政处罚"),
        10: ("第二十条第（六）项", "行政强制"),
        13: ("第二十条第（八）项", "行政事业性收费"),
    }.items():
        assert two.text_at(row, 0) == label
        (value,) = proactive[item][label].values()
        assert two.text_at(row, 1) == str(value)
    rows = expected["applications"]["rows"]
    assert len(rows) == 25
    for row, (label, values) in enumerate(rows.items(), start=3):
        printed = "/".join(dict.fromkeys(three.text_at(row, col) for col in range(3)))
        assert printed.replace("\n", "") == label
        assert [three.text_at(row, col) for col in range(3, 10)] == [str(v) for v in values]
    assert [four.text_at(3, col) for col in range(15)] == [
        str(v) for v in expected["review_litigation"]
    ]


def test_real_page_digits_split_across_spans_2025():
    source = read_html(SAMPLES[2025][0])
    texts = paras(source)
    assert any("共收到政府信息公开申请154件，共办结148件，结转至2026年6件。" in t for t in texts)
    # The page's own space after a comma is kept as printed.
    assert any("进一步畅通民意征集、在线咨询等渠道， 完善智能问答知识库" in t for t in texts)


# -- encodings ------------------------------------------------------------------


def recoded(year: int, encoding: str, declaration: str | None) -> bytes:
    text = SAMPLES[year][0].read_text("utf-8")
    original = '<meta charset="utf-8" name="viewport"'
    assert original in text
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declaration}"><meta'
    text = text.replace(original, meta if declaration else "<meta", 1)
    return text.encode(encoding)


@pytest.mark.parametrize(
    ("year", "encoding", "declared"),
    [
        (2024, "gbk", "gb2312"),  # GBK bytes under the usual gb2312 label
        (2024, "gbk", "GBK"),
        (2025, "gb18030", "gb18030"),
        (2024, "gbk", None),  # no declaration: UTF-8 fails, GB18030 reads it
    ],
)
def test_gbk_and_gb18030_pages_read_as_the_utf8_page(year, encoding, declared):
    expected = read_html(SAMPLES[year][0])
    source = parse_html(recoded(year, encoding, declared), name="p.html")
    assert source.blocks == expected.blocks
    assert source.title == expected.title
    assert source.notes == ()


def test_a_wrong_declaration_is_corrected_with_a_note():
    source = parse_html(recoded(2024, "gbk", "utf-8"), name="p.html")
    assert source.blocks == read_html(SAMPLES[2024][0]).blocks
    (note,) = source.notes
    assert (note.code, note.severity, note.location) == ("I0", Severity.INFO, "p.html")
    assert "GB18030" in note.message


def test_gb18030_characters_beyond_gbk():
    body = "<p>申请人𠮷某、䶮某</p>"
    for head in ("<meta charset='gb18030'>", ""):
        data = f"<html><head>{head}</head><body>{body}</body></html>".encode("gb18030")
        assert paras(parse_html(data)) == ["申请人𠮷某、䶮某"]


def test_undecodable_bytes_are_replaced_with_a_warning():
    data = (
        "<div id=zoom><p>收到申请17件</p><p>".encode()
        + b"\xff\xfe\x81"
        + "全部办结".encode()
        + b"</p></div>"
    )
    source = parse_html(data, name="broken.html")
    assert paras(source)[0] == "收到申请17件"
    assert "\ufffd" in paras(source)[1]
    (note,) = source.notes
    assert (note.code, note.severity, note.location) == ("I0", Severity.WARNING, "broken.html")
    assert "替换字符" in note.message


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbf<meta charset=gbk><p>\xe4\xb8\xad\xe6\x96\x87</p>", "中文"),  # BOM wins
        ("\ufeff<p>中文</p>".encode("utf-16-le"), "中文"),
        ("\ufeff<p>中文</p>".encode("utf-16-be"), "中文"),
        ("<p>中文</p>".encode("utf-16-le"), "中文"),  # no BOM, but plainly UTF-16
    ],
)
def test_byte_order_marks(data, text):
    assert paras(parse_html(data)) == [text]


# -- Word's markup ---------------------------------------------------------------


@pytest.fixture(scope="module")
def word() -> Source:
    return read_html(DATA / "word_export.html")


def test_word_export_paragraphs(word):
    assert paras(word) == [
        "示例县2024年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。"
        "本报告所列数据统计期限为2024年1月1日至2024年12月31日。",
        "一、总体情况",
        # digits across <span>s, <font>, &nbsp; glued to a digit, hidden text
        # left out, and Word's line wrap inside Chinese text joined.
        "全年共收到政府信息公开申请17件，已全部办结，其中予以公开9件，部分公开5 件。"
        "信息公开工作取得新进展。",
        "1. 第一项工作。",  # the list number Word writes for browsers; <br> ends a paragraph
        "第二行文字。",
        "三、收到和处理政府信息公开申请情况",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "示例县人民政府办公室",
        "2025年1月20日",
    ]
    assert word.title == "示例县2024年政府信息公开工作年度报告"
    assert word.notes == ()


def test_word_export_table(word):
    (grid,) = grids(word)
    # Word's closing zero-height row of empty cells is no row of the table.
    assert (grid.n_rows, grid.n_cols, len(grid.cells)) == (4, 5, 14)
    assert cell(grid, 0, 4).text == "商业\n企业"  # <br> inside a cell
    vertical = cell(grid, 1, 0)
    assert (vertical.text, vertical.rowspan) == ("办\n理\n结\n果", 3)  # one character per <p>
    assert cell(grid, 1, 3).text == "123"  # <span>1</span><span>2</span><span>3</span>
    assert cell(grid, 1, 4).text == "45"  # <font>&nbsp;45&nbsp;</font>
    assert cell(grid, 2, 4).text == ""  # <o:p>&nbsp;</o:p>: printed blank, kept blank
    assert cell(grid, 3, 2).text == "2.其他法律行政法规禁止公开"  # source line wrapped
    assert cell(grid, 3, 3).text == "/"


# -- text of paragraphs ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p><span>1</span><span>7</span>件</p>", ["17件"]),
        ("<p>共<b>2</b><i>1</i><u>8</u>&nbsp;件</p>", ["共218 件"]),
        ("<p>a<o:p></o:p>b<font>c</font><a href='#'>d</a></p>", ["abcd"]),
        (
            "<div>甲<p>乙</p>丙<h2>丁</h2><ul><li>戊</li><li>己</li></ul>庚</div>",
            list("甲乙丙丁戊己庚"),
        ),
        ("<p>第一行<br>第二行<br/><br>第三行</p>", ["第一行", "第二行", "第三行"]),
        ("<p>总体\n  情况</p>", ["总体情况"]),  # a source line break between CJK characters
        ("<p>收到\n17\n件</p>", ["收到 17 件"]),  # …but not between a digit and CJK
        ("<p>a \t\n b&nbsp;&nbsp; c\u2003d</p>", ["a b c d"]),
        ("<p>\u3000\u3000本报告\u3000根据\u3000 </p>", ["本报告\u3000根据"]),
        ("<p>1\u200b7\ufeff件</p>", ["17件"]),
        ("<p>&nbsp;</p><p> </p><p><br></p><p>正文</p>", ["正文"]),
        ("<font size=3><p>甲</p><p>乙</p></font>", ["甲", "乙"]),
        (
            "<pre>一、总体情况\r\n  正文  一行\n\n<b>二、</b>主动公开</pre>尾",
            ["一、总体情况", "正文 一行", "二、主动公开", "尾"],
        ),
    ],
)
def test_paragraph_text(body, expected):
    assert paras(read(body)) == expected


def test_scripts_styles_comments_and_hidden_text_are_not_read():
    source = read(
        "<div class='TRS_Editor'><p>一、总体情况</p><script>document.write('脚本')</script>"
        "<style>p{}</style><!-- 注释 --><p>正文<span style='display: none'>隐藏</span>"
        "<noscript>请开启脚本</noscript>继续</p><div hidden>也隐藏</div></div>"
    )
    assert paras(source) == ["一、总体情况", "正文继续"]


# -- tables ---------------------------------------------------------------------


def only_grid(body: str) -> tuple[Grid, Source]:
    source = read(body)
    (grid,) = grids(source)
    return grid, source


def test_a_cell_goes_to_the_first_column_not_covered_from_above():
    grid, _ = only_grid(
        "<table><tr><td rowspan=3>A</td><td>B</td><td rowspan=2>C</td><td>D</td></tr>"
        "<tr><td>E</td><td>F</td></tr>"
        "<tr><td colspan=2>G</td><td>H</td></tr></table>"
    )
    positions = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in grid.cells}
    assert positions == {
        "A": (0, 0, 3, 1),
        "B": (0, 1, 1, 1),
        "C": (0, 2, 2, 1),
        "D": (0, 3, 1, 1),
        "E": (1, 1, 1, 1),
        "F": (1, 3, 1, 1),
        "G": (2, 1, 1, 2),
        "H": (2, 3, 1, 1),
    }
    assert (grid.n_rows, grid.n_cols) == (3, 4)


def test_spans_beyond_the_table_and_rowspan_zero_end_at_its_last_row():
    grid, source = only_grid(
        "<table><tr><td rowspan=0>A</td><td rowspan=9>B</td><td colspan=0>C</td></tr>"
        "<tr><td>D</td></tr></table>"
    )
    assert [(c.text, c.rowspan, c.colspan) for c in grid.cells] == [
        ("A", 2, 1),
        ("B", 2, 1),
        ("C", 1, 1),
        ("D", 1, 1),
    ]
    assert cell(grid, 1, 2).text == "D"
    assert source.notes == ()


def test_rows_of_thead_tbody_tfoot_and_cells_without_tr():
    grid, _ = only_grid(
        "<table><tfoot><tr><td>脚</td><td>3</td></tr></tfoot>"
        "<tbody><tr><td>身</td><td>2</td></tr></tbody>"
        "<thead><tr><th>头</th><th>1</th></tr></thead></table>"
    )
    assert [grid.text_at(row, 0) for row in range(3)] == ["头", "身", "脚"]
    grid, _ = only_grid("<table><td>1<td>2</table>")
    assert [(c.text, c.row, c.col) for c in grid.cells] == [("1", 0, 0), ("2", 0, 1)]


def test_content_outside_cells_and_captions_come_before_the_table():
    source = read(
        "<p>前</p><table><caption>表1</caption><tr><td>1</td><td>2</td></tr>"
        "<p>游离</p></table><p>后</p>"
    )
    assert [getattr(b, "text", "GRID") for b in source.blocks] == [
        "前",
        "表1",
        "游离",
        "GRID",
        "后",
    ]


def test_huge_spans_are_clipped_with_a_note():
    grid, source = only_grid(
        "<table><tr><td colspan=1000000>宽</td><td>x</td></tr>"
        "<tr><td rowspan=99999999999999999999>高</td><td>y</td></tr></table>"
    )
    wide, _x, tall, _y = grid.cells
    assert wide.colspan == MAX_HTML_COLSPAN
    # The rowspan is first bounded, then ends at the table's last row.
    assert tall.rowspan == 1
    assert [n.location for n in source.notes] == ["表格1第1行", "表格1第2行"]
    assert all(n.code == "I0" and n.severity is Severity.WARNING for n in source.notes)
    assert f"按{MAX_HTML_COLSPAN}列读取" in source.notes[0].message
    assert f"按{MAX_HTML_ROWSPAN}行读取" in source.notes[1].message


def test_a_table_too_large_is_cut_with_a_note():
    rows = "".join(
        "<tr>" + "<td>1</td>" * 100 + "</tr>" for _ in range(MAX_HTML_TABLE_CELLS // 100 + 5)
    )
    grid, source = only_grid(f"<table>{rows}</table>")
    assert len(grid.cells) + grid.n_rows <= MAX_HTML_TABLE_CELLS
    (note,) = source.notes
    assert "其余部分未读取" in note.message
    assert note.location == f"表格1第{grid.n_rows}行"


def test_too_many_columns_are_cut_with_a_note():
    grid, source = only_grid(
        "<table><tr>" + "<td>1</td>" * (MAX_HTML_TABLE_COLUMNS + 3) + "</tr></table>"
    )
    assert grid.n_cols == MAX_HTML_TABLE_COLUMNS
    (note,) = source.notes
    assert "列" in note.message


def test_a_nested_table_is_read_after_the_outer_one():
    source = read(
        "<table><tr><td>项目</td><td>数量</td><td>说明</td></tr>"
        "<tr><td>行政许可</td><td>4529</td><td>乙<table><tr><td>内1</td><td>内2</td></tr></table>丙"
        "</td></tr><tr><td>行政处罚</td><td>1100</td><td>无</td></tr></table><p>后</p>"
    )
    outer, inner = grids(source)
    assert [c.text for c in outer.cells][3:6] == ["行政许可", "4529", "乙\n丙"]
    assert [c.text for c in inner.cells] == ["内1", "内2"]
    assert [b.where for b in source.blocks] == ["表格1", "表格2", "第1段"]
    (note,) = source.notes
    assert (note.severity, note.location) == (Severity.INFO, "表格1第2行")


def test_a_layout_table_around_the_article_is_read_through():
    article = (
        "<p>一、总体情况</p><p>" + "正文" * 60 + "</p><p>二、主动公开政府信息情况</p>"
        "<table border=1><tr><td>信息内容</td><td>本年制发件数</td></tr>"
        "<tr><td>规章</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p>"
    )
    for body in (
        f"<table width=100%><tr><td>{article}</td><td>右栏</td></tr></table>",  # no container
        f"<div id=zoom><table><tr><td>{article}</td><td>右栏</td></tr></table></div>",
    ):
        source = parse_html(page(body))
        assert paras(source) == [
            "一、总体情况",
            "正文" * 60,
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
        ] + (["右栏"] if "zoom" in body else [])
        (grid,) = grids(source)
        assert (grid.n_rows, grid.n_cols, grid.text_at(1, 1)) == (2, 2, "0")
        assert source.notes == ()


def test_a_single_column_table_is_a_frame():
    source = read("<table><tr><td><p>一、总体情况</p></td></tr><tr><td>正文</td></tr></table>")
    assert grids(source) == []
    assert paras(source) == ["一、总体情况", "正文"]


def test_a_data_table_with_a_long_note_row_stays_a_table():
    note = "注：" + "本表数据来源于各单位报送。" * 30
    grid, _ = only_grid(
        "<table>"
        + "".join(f"<tr><td>第{i}行</td><td>{i}</td><td>{i * 2}</td></tr>" for i in range(20))
        + f"<tr><td colspan=3><p>{note}</p><p>{note}</p></td></tr></table>"
    )
    assert grid.n_rows == 21


# -- finding the article -------------------------------------------------------------


# The report inside shell_unknown.html (its div.xl-nr).
SHELL_REPORT = (DATA / "shell_unknown.html").read_text("utf-8").split('<div class="xl-nr">')[1]
SHELL_REPORT = SHELL_REPORT.split("</div>")[0]


@pytest.mark.parametrize("name", ["shell_hanweb.html", "shell_unknown.html"])
def test_other_portal_shells(name):
    source = read_html(DATA / name)
    texts = paras(source)
    assert texts[0] == "示例市2024年政府信息公开工作年度报告"
    assert source.blocks[0].where == "标题"
    assert texts[1].startswith("本报告根据")
    assert [t for t in texts if t in HEADINGS] == list(HEADINGS)
    assert texts[-2:] == ["示例市人民政府办公室", "2025年1月20日"]
    assert len(grids(source)) == 3
    everything = "\n".join(texts + [c.text for g in grids(source) for c in g.cells])
    for shell in (
        "首页",
        "位置",
        "索引号",
        "栏目导航",
        "政策文件",
        "分享",
        "打印",
        "主办单位",
        "相关文章",
    ):
        assert shell not in everything, shell
    assert source.notes == ()


def test_a_menu_table_and_a_wide_generic_container_stay_out():
    report = (SHELL_REPORT).replace("\n", "")
    menu = "".join(
        f"<tr><td><a>栏目{i}：行政复议</a></td><td><a>行政诉讼</a></td></tr>" for i in range(40)
    )
    menu = f"<table class='menu'>{menu}</table>"
    source = parse_html(page(f"<div id='content'>{menu}<div class='xl'>{report}</div></div>"))
    texts = paras(source)
    assert texts[0].startswith("本报告根据")
    assert [t for t in texts if t in HEADINGS] == list(HEADINGS)
    assert len(grids(source)) == 3
    assert not any("栏目" in c.text for g in grids(source) for c in g.cells)


def test_a_known_container_brings_the_opening_and_the_signature_along():
    body = SHELL_REPORT.replace("\n", "")
    opening, rest = body.split("<p><strong>一、", 1)
    middle, signature = ("<p><strong>一、" + rest).split("<p style", 1)
    source = parse_html(
        page(
            f"<div class='nav'><a>首页</a></div><div class='Custom_UnionStyle'>{opening}"
            f"<div class='inner'>{middle}</div><p style{signature}</div>"
        )
    )
    texts = paras(source)
    assert texts[0].startswith("本报告根据")
    assert texts[-2:] == ["示例市人民政府办公室", "2025年1月20日"]
    assert "首页" not in texts


@pytest.mark.parametrize(
    "container",
    [
        "<div class='TRS_Editor'>{}</div>",
        "<div id='zoom'>{}</div>",
        "<div id='UCAP-CONTENT'>{}</div>",
        "<ucapcontent>{}</ucapcontent>",
        "<div class='article_con'><div class='Custom_UnionStyle'>{}</div></div>",
    ],
)
def test_known_containers_of_a_page_without_report_headings(container):
    article = "<p>关于开展政务公开工作的通知</p><p>" + "各单位：" * 30 + "</p>"
    body = "<div class='nav'><a>首页</a><a>政务公开</a></div>" + container.format(article)
    body += "<div class='footer'>版权所有</div>"
    source = parse_html(page(body))
    assert paras(source) == ["关于开展政务公开工作的通知", "各单位：" * 30]
    assert source.notes == ()


def test_a_page_without_any_article_is_read_whole_with_a_warning():
    source = parse_html(page("<div><a>首页</a></div><div><p>一段文字</p></div>"), name="x.html")
    assert paras(source) == ["首页", "一段文字"]
    (note,) = source.notes
    assert (note.code, note.severity, note.location) == ("I0", Severity.WARNING, "x.html")


def test_a_menu_entry_is_no_printed_title():
    source = parse_html(
        page(
            "<div class='nav_title'><a>政府信息公开年报</a> <a>政府信息公开工作年度报告</a></div>"
            "<div class='TRS_Editor'><p>一、总体情况</p></div>"
        )
    )
    assert paras(source) == ["一、总体情况"]
    source = parse_html(
        page(
            "<div class='title'>二〇二四年度某局政府信息公开工作报告</div>"
            "<div class='TRS_Editor'><p>一、总体情况</p></div>"
        )
    )
    assert paras(source) == ["二〇二四年度某局政府信息公开工作报告", "一、总体情况"]


def test_the_printed_title_is_not_repeated_when_the_article_starts_with_it():
    source = read(
        "<h1>某局2024年政府信息公开工作年度报告</h1><div class='TRS_Editor'>"
        "<p>某局2024年政府信息公开工作年度报告</p><p>一、总体情况</p></div>"
    )
    assert paras(source) == ["某局2024年政府信息公开工作年度报告", "一、总体情况"]
    assert source.blocks[0].where == "第1段"


# -- bad files and bounds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "文件为空"),
        (b"  \n\t ", "文件为空"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "docx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "图片"),
        (bytes(range(256)) * 40, "二进制"),
        (
            "平潭综合实验区2024年度政府信息公开工作年度报告\n一、总体情况\n".encode(),
            "没有任何HTML标记",
        ),
        (b"<!-- only a comment -->", "没有任何内容"),
    ],
)
def test_files_that_are_no_page_are_refused(data, reason):
    with pytest.raises(UnreadableFileError) as caught:
        parse_html(data, name="bad.html")
    assert reason in caught.value.reason
    assert caught.value.path == Path("bad.html")


def test_read_html_refuses_a_file_over_the_limit_before_reading(tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as out:
        out.truncate(MAX_IMPORT_FILE_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(UnreadableFileError, match="文件过大"):
        read_html(big)
    with pytest.raises(UnreadableFileError, match="目录"):
        read_html(tmp_path)


def test_read_html_takes_str_and_pathlike(tmp_path):
    path = tmp_path / "页.html"
    path.write_bytes(page("<p>正文</p>"))
    assert paras(read_html(str(path))) == paras(read_html(os.fspath(path))) == ["正文"]


def test_a_page_of_too_many_elements_is_refused():
    data = page("<span></span>" * (MAX_HTML_ELEMENTS + 1))
    with pytest.raises(UnreadableFileError, match="网页过于复杂"):
        parse_html(data)


def test_a_few_control_characters_are_dropped_with_a_note():
    source = parse_html(page("<div id=zoom><p>正\x01文\x08</p></div>"), name="c.html")
    assert paras(source) == ["正文"]
    (note,) = source.notes
    assert (note.severity, note.location) == (Severity.INFO, "c.html")


def test_nesting_too_deep_is_reported():
    deep = "<div>" * 300 + "深" + "</div>" * 300 + "<p>其后</p>"
    source = parse_html(page(deep), name="deep.html")
    assert any(n.severity is Severity.WARNING and "未能读取" in n.message for n in source.notes)


def test_a_large_page_is_read_in_bounded_time():
    import time

    rows = "".join(f"<tr><td>第{i}行</td><td>{i}</td><td>{i}</td></tr>" for i in range(1000))
    text = "".join(f"<p><span>段落</span><span>{i}</span>。</p>" for i in range(8000))
    data = page(f"<div class='TRS_Editor'><p>一、总体情况</p>{text}<table>{rows}</table></div>")
    assert len(data) > 300_000
    start = time.perf_counter()
    source = parse_html(data)
    assert time.perf_counter() - start < 10
    assert len(paras(source)) == 8001
    assert paras(source)[-1] == "段落7999。"
    assert grids(source)[0].n_rows == 1000


# -- any input: a Source or a clear error, never a traceback ---------------------------

_PIECES = (
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan=0>",
    "<td rowspan=99999>", "<p>", "</p>", "<br>", "<span>", "</span>", "<div class=TRS_Editor>",
    "</div>", "<pre>", "</pre>", "一、总体情况", "信息内容", "17", "&nbsp;", "\u3000", "\n", " ",
    "<o:p>", "<script>", "</script>", "<!--", "-->", "<caption>", "<thead>", "<tfoot>", "\x00",
    "<meta charset=gbk>", "<h1 class=title>2024年报告</h1>", "<li>", "<font>", "&#0;", "&",
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from(["utf-8", "gb18030"]))
def test_any_markup_gives_a_source_or_a_clear_error(pieces, encoding):
    data = "".join(pieces).encode(encoding, "replace")
    try:
        source = parse_html(data, name="f.html")
    except UnreadableFileError as error:
        assert error.reason
        return
    for block in source.blocks:
        if isinstance(block, Grid):
            assert all(0 <= c.row < block.n_rows and 0 <= c.col < block.n_cols for c in block.cells)
            assert all(c.row + c.rowspan <= block.n_rows for c in block.cells)
            assert all(c.col + c.colspan <= block.n_cols for c in block.cells)
        else:
            assert block.text == block.text.strip(" \u3000") and block.text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_source_or_a_clear_error(data):
    try:
        parse_html(data, name="f.html")
    except UnreadableFileError as error:
        assert error.reason
