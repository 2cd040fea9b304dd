"""Reading text files: our own text output back into paragraphs and tables, and plain dumps."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport import spec
from govreport.document.blocks import Document, Table
from govreport.findings import Severity
from govreport.importing.blocks import Grid, Para, Source
from govreport.importing.text import INDENT, NO_TABLE, TABLE_UNREADABLE, parse_text, read_text
from govreport.importing.textdecode import ENCODING_GUESSED
from govreport.importing.textjoin import join_wrapped
from govreport.importing.textspace import squeeze
from govreport.importing.texttable import TableShapeError, parse_table
from govreport.io.errors import UnreadableFileError
from govreport.limits import MAX_IMPORT_FILE_BYTES
from govreport.outputs.textwidth import wrap
from tests.importing.printed import expected

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = ROOT / "tests" / "data" / "importing" / "txt"


@cache
def engine() -> govreport.Engine:
    return govreport.Engine(autoload=False)


@cache
def example(name: str) -> govreport.AnnualReport:
    return govreport.read_report(ROOT / "examples" / name)


def render(report: govreport.AnnualReport, **options: object) -> str:
    data = engine().render(report, "txt", options=options, allow_errors=True)
    return data.decode("utf-8")


def assert_same_grid(grid: Grid, table: Table) -> None:
    assert (grid.n_rows, grid.n_cols) == (table.n_rows, table.n_cols)
    got = [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in grid.cells]
    want = sorted((squeeze(c.text), c.row, c.col, c.rowspan, c.colspan) for c in table.cells)
    assert sorted(got, key=lambda c: c[1:3]) == sorted(want, key=lambda c: c[1:3])


def assert_reads_back(source: Source, document: Document) -> None:
    want = expected(document)
    assert len(source.blocks) == len(want), [getattr(b, "text", "GRID") for b in source.blocks]
    for block, item in zip(source.blocks, want, strict=True):
        if isinstance(item, Table):
            assert isinstance(block, Grid)
            assert_same_grid(block, item)
        else:
            assert isinstance(block, Para)
            assert block.text == squeeze(item)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    "options",
    [{}, {"width": 20}, {"width": 37}, {"width": 61, "ascii": True}, {"width": 1000}],
    ids=["default", "w20", "w37", "ascii61", "w1000"],
)
def test_every_example_reads_back_exactly(path, options):
    report = example(path.name)
    source = parse_text(render(report, **options))
    assert source.kind == "txt"
    assert source.notes == ()
    assert_reads_back(source, engine().document(report))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_numbers_sit_in_the_cells_of_the_official_geometry(path):
    """Every number of each table in the grid cell spec gives its path, with spec's spans."""
    report = example(path.name)
    grids = [b for b in parse_text(render(report)).blocks if isinstance(b, Grid)]
    document = engine().document(report)
    assert len(grids) == len(spec.tables()) == 3
    for grid, table in zip(grids, document.tables(), strict=True):
        numbers = {(c.row, c.col): c.text for c in table.cells if c.is_number}
        assert numbers
        for cell in spec.tables()[table.key].cells:
            found = next(c for c in grid.cells if (c.row, c.col) == (cell.row, cell.col))
            assert (found.rowspan, found.colspan) == (cell.rowspan, cell.colspan)
            if cell.path:
                assert found.text == numbers[(cell.row, cell.col)]
            else:
                assert found.text == cell.text


def test_the_overview_intro_is_the_models_text():
    report = example("pingtan-2024.yaml")
    blocks = parse_text(render(report, width=50)).blocks
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert texts[texts.index("一、总体情况") + 1] == report.overview.intro
    assert texts[2] == report.opening


#: Spaces only between ASCII characters: a space beside a CJK character that
#: falls exactly where a line wraps cannot be told from none (see textjoin).
BOXY = (
    "表格线样的文字│不会┼打乱──解析：a | b +-- c ─ d，“┌──┐”与"
    "+----+----+、|---|、└┘，以及一个很长的网址https://www.example.gov.cn/"
    "zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm和英文words that wrap at spaces."
)


def odd_report() -> govreport.AnnualReport:
    """Long texts, a very long agency name and text made of box-drawing look-alikes."""
    report = example("pingtan-2024.yaml")
    long_name = "某某省某某市某某区某某街道办事处综合行政执法队暨某某某某某某某某某某中心" * 3
    return attrs.evolve(
        report,
        agency=attrs.evolve(report.agency, name=long_name),
        signatory=long_name,
        opening=BOXY,
        overview=attrs.evolve(
            report.overview,
            intro=(report.overview.intro + BOXY) * 6,
            proactive="┌──┐\n│ │\n└──┘ +--+ | - |",
        ),
    )


@pytest.mark.parametrize(
    "options",
    [{}, {"width": 20}, {"width": 33}, {"ascii": True}, {"width": 47, "ascii": True}],
    ids=["default", "w20", "w33", "ascii", "ascii47"],
)
def test_long_texts_long_names_and_box_characters_read_back(options):
    report = odd_report()
    text = render(report, **options)
    assert "┌──┐" in text or "+--+" in text
    source = parse_text(text)
    assert source.notes == ()
    assert_reads_back(source, engine().document(report))


def test_a_line_of_box_characters_in_a_paragraph_is_text():
    report = odd_report()
    texts = [b.text for b in parse_text(render(report)).blocks if isinstance(b, Para)]
    assert "┌──┐" in texts  # its own paragraph: the model text had line ends
    assert "│ │" in texts


def test_table_cells_with_box_characters_and_line_breaks():
    """A drawn cell holding border look-alikes and its own line break reads back."""
    from govreport.document.blocks import TableCell
    from govreport.outputs.textgrid import render_table
    from govreport.spec.grid import CellRole

    texts = ["a │ b ┼ c", "─┼─", "第一行\n第二行", "x | y", "很长的单元格文字会换行" * 3, "-", "/"]
    cells = tuple(TableCell(t, i // 2, i % 2, CellRole.LABEL) for i, t in enumerate([*texts, ""]))
    table = Table("t", "", 4, 2, 0, (1, 1), cells)
    for ascii_only in (False, True):
        lines = render_table(table, 30, ascii_only=ascii_only)
        grid = parse_table(lines)
        got = {(c.row, c.col): c.text for c in grid.cells}
        assert got == {(c.row, c.col): c.text for c in cells}


def test_broken_table_is_a_note_not_a_crash():
    text = render(example("pingtan-2024.yaml"))
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("├"))
    lines[i] = lines[i][:10] + " " + lines[i][11:]  # cut a border
    source = parse_text("\n".join(lines))
    assert [n.code for n in source.notes] == [TABLE_UNREADABLE]
    assert "表格无法还原" in source.notes[0].message
    top = next(j for j in range(i, -1, -1) if lines[j].startswith("┌"))
    assert source.notes[0].location == f"第{top + 1}行"
    assert len([b for b in source.blocks if isinstance(b, Grid)]) == 2


def test_parse_table_refuses_what_is_no_table():
    with pytest.raises(TableShapeError):
        parse_table(["┌──┐", "│ab", "└──┘"])
    with pytest.raises(TableShapeError):
        parse_table(["hello"])


def test_join_wrapped_puts_back_the_space_a_wrap_dropped():
    text = "申请17件and some English words,以及2024年“三安全一稳定”（试行）。"
    for width in range(len("English,"), 60):  # no word cut, as in a table cell
        assert join_wrapped(wrap(text, width), width, cuts=False) == text
        assert join_wrapped(wrap(text, width), None, cuts=False) == text
    for width in range(20, 60):  # a paragraph: the text output's narrowest
        assert join_wrapped(wrap(text, width), width) == text


_CJK = st.sampled_from(list("政府信息公开申请件年月日"))
_MARK = st.sampled_from(list("，。、；：（）“”《》"))
_WORD = st.text(alphabet="abcxyz0123456789.-/", min_size=1, max_size=12)


@st.composite
def prose(draw: st.DrawFn) -> str:
    """Chinese text with numbers and ASCII words; spaces only between ASCII words.

    It does not start with a closing mark (``，``, ``.``): the wrap would glue it
    to the indent, and no report starts a paragraph with one.
    """
    first = draw(st.one_of(_CJK, _WORD.filter(lambda word: not word.startswith("."))))
    tokens = draw(st.lists(st.one_of(_CJK, _MARK, _WORD), max_size=80))
    out = first
    for token in tokens:
        ascii_pair = out[-1].isascii() and token[0].isascii()
        out += (" " if ascii_pair and draw(st.booleans()) else "") + token
    return out


@given(text=prose(), width=st.integers(20, 120))
def test_a_wrapped_paragraph_joins_back_exactly(text, width):
    lines = list(wrap(INDENT + text, width))
    lines[0] = lines[0].removeprefix(INDENT)
    assert join_wrapped(lines, width, first_extra=4, keep_line_breaks=False) == text


def test_a_web_address_cut_across_lines_joins_without_a_space():
    text = "网址https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm。"
    for width in range(20, 40):
        lines = wrap(text, width)
        assert len(lines) > 2
        assert join_wrapped(lines, width) == text


def test_a_space_beside_cjk_comes_back_where_the_width_shows_it():
    # "17" would have fitted after "申请" without a space: the wrap broke at one.
    assert wrap("申请 17件", 6) == ("申请", "17件")
    assert join_wrapped(["申请", "17件"], 6) == "申请 17件"
    # It would not have fitted either way: no space, as Chinese text is written.
    assert join_wrapped(["申请", "17件"], 5) == "申请17件"
    # It would have fitted even with the space: a line break of the text itself.
    assert join_wrapped(["申请", "17件"], 8) == "申请\n17件"


# -- plain text dumps --------------------------------------------------------


def test_a_crawler_dump_gives_paragraphs_and_says_no_table_was_read():
    """The body of the real 平潭 crawler dump: one line of text, table cells run together."""
    source = read_text(DATA / "2024_pingtan.body.txt")
    assert [n.code for n in source.notes] == [NO_TABLE]
    assert source.notes[0].severity is Severity.WARNING
    assert "没有可读的表格" in source.notes[0].message
    assert all(isinstance(b, Para) for b in source.blocks)
    assert source.blocks[0].text.startswith("本报告根据《中华人民共和国政府信息公开条例》")
    assert "一、本年新收政府信息公开申请数量" in source.blocks[0].text


def test_one_paragraph_per_line_in_a_plain_dump(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("标题\r\n\r\n  第一段　文字  \r\n第二段\n", encoding="utf-8")
    source = read_text(path)
    assert [(b.text, b.where) for b in source.blocks] == [
        ("标题", "第1行"),
        ("第一段 文字", "第3行"),
        ("第二段", "第4行"),
    ]


def test_bom_and_gb18030(tmp_path):
    report = example("shuangpu-2024.yaml")
    text = render(report)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_text(bom).notes == ()
    assert_reads_back(read_text(bom), engine().document(report))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    source = read_text(gbk)
    assert [n.code for n in source.notes] == [ENCODING_GUESSED]
    assert "GB18030" in source.notes[0].message
    assert_reads_back(source, engine().document(report))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "旧版 Office"),
        (b"abc\x00def", "空字节"),
        (b"\xff\xff\xff\xfe\x80", "编码"),
        (b"\xef\xbb\xbf\xff", "UTF-8"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError) as info:
        read_text(path)
    assert reason in info.value.reason


def test_size_is_bounded(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_IMPORT_FILE_BYTES + 1)
    with pytest.raises(UnreadableFileError, match="过大"):
        read_text(path)
