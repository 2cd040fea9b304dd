"""The PDF reader on real published reports and on files it must refuse.

The fixtures (tests/data/importing/pdf/README.md): 淮安市's own WPS export as
published, the two 平潭 portal pages printed by Chromium, with the numbers
read off the originals (*.json) and the portal's text (*.txt).
"""

from __future__ import annotations

import json
import re
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from govreport import childproc, limits
from govreport.importing import pdf as pdf_module
from govreport.importing import pdfbounded
from govreport.importing.blocks import Grid, Para, Source
from govreport.importing.html import read_html
from govreport.importing.mapper import map_source
from govreport.importing.pdf import read_pdf
from govreport.importing.pdfchars import Repairs, glyphs_of
from govreport.importing.pdffurniture import is_page_number
from govreport.io.errors import UnreadableFileError

DATA = Path(__file__).resolve().parents[1] / "data" / "importing" / "pdf"
#: The 平潭 pages (the input of the prints) and their numbers live with the HTML
#: reader's fixtures, the crawler's text dumps with the mapper's: one copy each.
PAGES = DATA.parent / "html"
DUMPS = DATA.parent / "mapper"
HUAIAN = DATA / "2024_huaian_shi.pdf"
PINGTAN = {year: DATA / f"{year}_pingtan.chromium.pdf" for year in (2024, 2025)}

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


@pytest.fixture(scope="module")
def huaian() -> Source:
    return read_pdf(HUAIAN)


@pytest.fixture(scope="module", params=sorted(PINGTAN))
def pingtan(request: pytest.FixtureRequest) -> tuple[int, Source]:
    return request.param, read_pdf(PINGTAN[request.param])


def _numbers(name: str) -> dict:
    folder = PAGES if "pingtan" in name else DATA
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _paras(source: Source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Para)]


def _tables(source: Source) -> dict[str, list[Grid]]:
    """The Grids printed under each section heading, in order."""
    found: dict[str, list[Grid]] = {}
    current = ""
    for block in source.blocks:
        if isinstance(block, Para):
            if block.text in HEADINGS:
                current = block.text
        else:
            found.setdefault(current, []).append(block)
    return found


def _label(text: str) -> str:
    """A row label as the JSON writes it: no white space, “1.” for “1、”."""
    return re.sub(r"^(\d)、", r"\1.", _squeezed(text))


def _application_rows(grids: list[Grid]) -> Iterator[tuple[str, list[int]]]:
    """(label, 7 numbers) of each row of table 三 whose last seven cells are numbers."""
    for grid in grids:
        first = grid.n_cols - 7
        for row in range(grid.n_rows):
            values = [grid.text_at(row, col).strip() for col in range(first, grid.n_cols)]
            if all(re.fullmatch(r"\d+", v) for v in values):
                yield _label(grid.text_at(row, first - 1)), [int(v) for v in values]


def _row_values(grid: Grid, row: int) -> list[str]:
    cells = sorted((c for c in grid.cells if c.row == row and c.col >= 1), key=lambda c: c.col)
    return [c.text for c in cells]


def _check_tables(source: Source, expected: dict) -> None:
    tables = _tables(source)
    proactive, applications, review = (tables[h] for h in HEADINGS[1:4])
    # Shapes: each official table, over however many pages it runs.
    assert proactive[0].n_cols == 4 and sum(g.n_rows for g in proactive) == 14
    assert all(g.n_cols == 10 for g in applications)
    assert sum(g.n_rows for g in applications) == 28
    assert all(g.n_cols == 15 for g in review) and sum(g.n_rows for g in review) == 4
    # Table 二: every number in its row, in the printed column order.
    wanted = {
        label: [str(v) for v in columns.values()]
        for block in expected["proactive"].values()
        for label, columns in block.items()
    }
    found = {
        _label(g.text_at(r, 0)): _row_values(g, r)
        for g in proactive
        for r in range(g.n_rows)
        if _label(g.text_at(r, 0)) in wanted
    }
    assert found == wanted
    # Table 三: the 25 body rows in order, each label with its 7 numbers.
    rows = list(_application_rows(applications))
    assert rows == [
        (key.split("/")[-1], values) for key, values in expected["applications"]["rows"].items()
    ]
    # Table 四: the 15 numbers of its last row.
    last = review[-1]
    assert [int(last.text_at(last.n_rows - 1, c)) for c in range(15)] == expected[
        "review_litigation"
    ]


def _check_paragraphs(source: Source) -> None:
    paras = _paras(source)
    assert [p for p in paras if p in HEADINGS] == list(HEADINGS)
    for text in paras:
        assert not is_page_number(text), text
        assert not re.search(r"[-—]\s+\d{1,3}\s+[-—]|第\s*\d+\s*页|file://|\d+/\d+\s*$", text), text


# -- 淮安市: an agency's own WPS export -------------------------------------------


def test_huaian_title_is_the_metadata_hint(huaian: Source) -> None:
    # WPS writes the title as UTF-16 little-endian, which pdfminer decodes as garbage.
    assert huaian.kind == "pdf"
    assert huaian.title == "政府信息公开工作年度报告"


def test_huaian_tables_hold_every_number_at_its_place(huaian: Source) -> None:
    _check_tables(huaian, _numbers("2024_huaian_shi.json"))


def test_huaian_merged_cells_are_rebuilt_from_the_cell_boxes(huaian: Source) -> None:
    first, second = _tables(huaian)[HEADINGS[2]]
    header = first.cells[0]
    assert (header.row, header.col, header.rowspan, header.colspan) == (0, 0, 3, 3)
    assert _squeezed(header.text).startswith("（本列数据的勾稽关系为")
    # “三、本年度办理结果” is printed one character per line in a cell merged
    # over the eleven rows left on the page: the lines are kept, joined by \n.
    (results,) = [c for c in first.cells if _squeezed(c.text) == "三、本年度办理结果"]
    assert (results.row, results.col, results.rowspan, results.colspan) == (5, 0, 11, 1)
    assert results.text.count("\n") >= 7
    # The continuation has no header rows: it starts with the data it continues.
    assert _squeezed(second.text_at(0, 2)) == "2.没有现成信息需要另行制作"
    assert second.text_at(0, 9) == "11"
    # The （六） sub-rows are numbered “1、” as printed; a long label wraps in its cell.
    assert (
        second.text_at(7, 2)
        == "1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请"
    )


def test_huaian_paragraphs(huaian: Source) -> None:
    _check_paragraphs(huaian)
    paras = _paras(huaian)
    # The title, printed centred on two lines, is one paragraph.
    assert paras[0] == "淮安市人民政府2024年政府信息公开工作年度报告"
    # A paragraph hard-wrapped over four lines and a page break (“- 1 -” between) is one.
    sentence = (
        "组织召开了“春节前后服务企业用工和促进返乡人员就业创业专项活动”“建设‘四最’一流"
        "营商环境高质量推进产业发展”“加快建设长三角北部重要产业科技创新高地的若干政策”"
        "等新闻发布会12场，努力传递政府声音、宣传政策法规、回应舆论关切。"
    )
    (para,) = [p for p in paras if sentence in p]
    assert para.startswith("（一）主动公开情况。2024年，市政府网站主动公开")
    assert para.endswith(sentence)
    opening = [p for p in paras if p.startswith("本报告由淮安市人民政府办公室")]
    assert opening == [
        "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）"
        "（以下简称《条例》）规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。"
        "如对本报告有疑问，请与淮安市人民政府办公室联系（地址：淮安市翔宇南道1号，邮编："
        "223001，电话：0517-83605210，电子邮箱：hazwgkc@163.com）。"
    ]
    assert paras[-1] == (
        "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，"
        "全年收取政府信息公开信息处理费3940元。"
    )


def test_huaian_reads_without_notes(huaian: Source) -> None:
    assert huaian.notes == ()


# -- 平潭: portal pages printed to PDF by Chromium --------------------------------


def test_pingtan_tables_hold_every_number_at_its_place(pingtan: tuple[int, Source]) -> None:
    year, source = pingtan
    _check_tables(source, _numbers(f"{year}_pingtan.json"))


def _portal_text(year: int) -> str:
    """The article's text as the portal's crawler saved it, white space removed."""
    text = (DUMPS / f"{year}_pingtan.txt").read_text(encoding="utf-8")
    body = text.split("==================== 正文 ====================\n", 1)[1]
    return _squeezed(body.split("\n", 1)[0])


def _portal_published(year: int) -> str:
    text = (DUMPS / f"{year}_pingtan.txt").read_text(encoding="utf-8")
    return re.search(r"^发布时间: (.+)$", text, re.MULTILINE).group(1)


def test_pingtan_paragraphs_are_the_articles(pingtan: tuple[int, Source]) -> None:
    year, source = pingtan
    _check_paragraphs(source)
    paras = _paras(source)
    # The page's own title block is kept; the site's menus, breadcrumbs, share
    # buttons and footer are not, nor Chromium's header and footer.
    assert paras[0] == f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    # … with the portal's line on the article beside it, which dates it.
    published = _portal_published(year)
    assert paras[1] == f"来源：平潭综合实验区管委会办公室 时间：{published}"
    portal = _portal_text(year)
    # The narrative between headings is the portal's, joined from its wrapped
    # lines: the opening, 一 up to its tables' section, 五 and 六 to the end.
    heading_at = {h: paras.index(h) for h in HEADINGS}
    spans = [
        (2, heading_at[HEADINGS[0]]),
        (heading_at[HEADINGS[0]], heading_at[HEADINGS[1]]),
        (heading_at[HEADINGS[4]], len(paras)),
    ]
    for start, end in spans:
        printed = _squeezed("".join(paras[start:end]))
        assert printed in portal, printed[:80]
    assert portal.endswith(_squeezed("".join(paras[heading_at[HEADINGS[4]] :])))
    assert portal.startswith(_squeezed(paras[2]))
    assert paras[-1] == f"{year}年，无收取信息处理费情况。"


def test_pingtan_a_wrapped_paragraph_is_one(pingtan: tuple[int, Source]) -> None:
    year, source = pingtan
    paras = _paras(source)
    opening = paras[2]
    assert opening.startswith("本报告根据《中华人民共和国政府信息公开条例》")
    # Five lines in the print; the angle brackets come as U+2329/232A from
    # the text layer and are read as the 〈〉 the page has.
    assert "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知" in opening
    assert opening.endswith(f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。")
    # Chromium's Noto CJK maps 工, 人, 民 … back to radicals: they are read as printed.
    text = "".join(paras)
    assert not re.search("[\u2e80-\u2fdf]", text)
    assert "政府信息公开工作年度报告" in paras[0]


def test_pingtan_print_imports_as_the_page_does(pingtan: tuple[int, Source]) -> None:
    # The acceptance of issue 10: the page printed by Chromium gives the same
    # data file as the page itself (every number, every section's text).
    year, source = pingtan
    page = map_source(read_html(PAGES / f"{year}_pingtan.page.html")).data
    assert map_source(source).data == page


def test_pingtan_notes_say_what_was_cut(pingtan: tuple[int, Source]) -> None:
    _year, source = pingtan
    messages = [n.message for n in source.notes]
    assert any(m.startswith("浏览器打印的网页：只读入正文") for m in messages)
    assert any("部首" in m for m in messages)


# -- what the reader refuses, and its bounds ----------------------------------------


def _refused(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(path)
    return caught.value.reason


def test_a_scanned_pdf_is_refused_as_such() -> None:
    reason = _refused(DATA / "scanned.pdf")
    assert "扫描件" in reason and "没有文字层" in reason


def test_an_encrypted_pdf_is_refused() -> None:
    assert _refused(DATA / "encrypted.pdf").startswith("PDF 已加密，需要密码才能打开")


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(HUAIAN.read_bytes()[:200_000])
    assert _refused(cut).startswith("PDF 文件已损坏或不完整")


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64, "ZIP 压缩包"),
        (b"<!DOCTYPE html>\n<html><body>report</body></html>", "网页"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "旧版 Office 文件"),
    ],
)
def test_a_file_renamed_pdf_is_refused(tmp_path: Path, content: bytes, kind: str) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_bytes(content)
    reason = _refused(fake)
    assert reason.startswith("不是 PDF 文件") and kind in reason


def test_an_empty_or_missing_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert "空" in _refused(tmp_path / "empty.pdf")
    assert "不存在" in _refused(tmp_path / "missing.pdf")


def test_a_file_over_the_size_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_IMPORT_FILE_BYTES", 100_000)
    assert "文件过大" in _refused(HUAIAN)


def _minimal_pdf(pages: int, content: bytes) -> bytes:
    """A PDF of ``pages`` pages sharing one Flate-compressed content stream."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_pdf_over_the_page_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_IMPORT_PAGES", 3)
    many = tmp_path / "many.pdf"
    many.write_bytes(_minimal_pdf(4, zlib.compress(b"0 0 m 10 10 l S")))
    assert _refused(many).startswith("PDF 超过 3 页")


def test_a_pdf_without_any_text_is_refused(tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_minimal_pdf(2, zlib.compress(b"0 0 m 10 10 l S")))
    assert _refused(blank).startswith("PDF 中没有任何文字")


def test_a_pdf_of_text_turned_into_outlines_is_refused(tmp_path: Path) -> None:
    # No character at all but hundreds of drawn shapes: the text was drawn as curves.
    strokes = b"".join(b"%d 10 m %d 20 l S\n" % (i, i) for i in range(300))
    outlined = tmp_path / "outlined.pdf"
    outlined.write_bytes(_minimal_pdf(1, zlib.compress(strokes)))
    assert "文字已被转为图形" in _refused(outlined)


def test_reading_is_bounded_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # The child checks the deadline between pages; the parent would kill it after.
    monkeypatch.setattr(limits, "MAX_IMPORT_SECONDS", 0.0)
    monkeypatch.setattr(childproc, "GRACE", 20.0)
    assert _refused(HUAIAN).startswith("读取 PDF 超过 0 秒的时间上限")


def _zeros(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MB of zeros, made without compressing them all:
    one compressed megabyte, flushed to a byte boundary, repeats."""
    chunk = b"\x00" * (1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    check = 1
    for _ in range(megabytes):
        check = zlib.adler32(chunk, check)
    return first + again * (megabytes - 1) + b"\x03\x00" + check.to_bytes(4, "big")


def test_reading_is_bounded_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A content stream of 400 MB of zeros, 400 KB compressed: the child may
    # grow by 150 MB only, and answers with the reason instead of the machine
    # running out of memory.
    assert len(zlib.decompress(_zeros(3))) == 3 << 20
    monkeypatch.setattr(limits, "MAX_IMPORT_MEMORY_BYTES", 150 * 1024 * 1024)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_minimal_pdf(1, _zeros(400)))
    assert "内存" in _refused(path)


def test_the_parent_kills_a_child_that_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_IMPORT_SECONDS", 0.0)
    monkeypatch.setattr(childproc, "GRACE", 0.0)
    monkeypatch.setattr(pdfbounded, "answer", lambda data: time.sleep(60))
    result = pdfbounded.forked(HUAIAN.read_bytes())
    assert getattr(result, "reason", "").startswith("读取 PDF 超过")


def _pages_of(source: Path, pages: list[int], path: Path) -> Path:
    """A PDF of some pages of another, made by pdfium."""
    pdfium = pytest.importorskip("pypdfium2")
    made = pdfium.PdfDocument.new()
    made.import_pages(pdfium.PdfDocument(str(source)), pages)
    made.save(str(path))
    return path


def test_a_new_interpreter_reads_the_same_as_a_fork(tmp_path: Path) -> None:
    # Used where forking is not safe (another thread running, a daemonic worker).
    data = _pages_of(HUAIAN, [4, 5], tmp_path / "last.pdf").read_bytes()
    forked = pdfbounded.forked(data)
    assert isinstance(forked, Source) and len(forked.blocks) > 5
    assert pdfbounded.started(data) == forked


def test_a_one_page_browser_print_loses_its_header_and_footer(tmp_path: Path) -> None:
    # One page of the print, without the metadata naming the browser: no other
    # page repeats the header (date, title) and footer (address, 3/8), their
    # shape and place give them away.
    path = _pages_of(PINGTAN[2024], [2], tmp_path / "one.pdf")
    paras = _paras(read_pdf(path))
    assert paras[0].startswith("确、安全。加强规范性文件库建设")
    assert paras[-1] == "二、主动公开政府信息情况"
    assert not [p for p in paras if "PM" in p or "file" in p or "3/8" in p]


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_page_turned_sideways_is_read_upright(
    tmp_path: Path, huaian: Source, rotation: int
) -> None:
    # A landscape table on a page with /Rotate: its characters run down (or up)
    # the page as pdfplumber gives them.  Read turned, it is the same table.
    pdfium = pytest.importorskip("pypdfium2")
    turned = pdfium.PdfDocument.new()
    turned.import_pages(pdfium.PdfDocument(str(HUAIAN)), [3, 4])
    for page in turned:
        page.set_rotation(rotation)
    path = tmp_path / "turned.pdf"
    turned.save(str(path))
    source = read_pdf(path)
    shapes = [(g.cells, g.n_rows, g.n_cols) for g in _tables(source)[HEADINGS[2]]]
    assert shapes == [(g.cells, g.n_rows, g.n_cols) for g in _tables(huaian)[HEADINGS[2]]]
    assert [n.message for n in source.notes if "旋转" in n.message] == [
        "本页文字横向排印（页面旋转），已转正后读取 (page turned to read its text upright)"
    ] * 2


def test_a_scanned_page_among_text_pages_is_noted(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(HUAIAN)), [5])
    mixed.import_pages(pdfium.PdfDocument(str(DATA / "scanned.pdf")), [0])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    source = read_pdf(path)
    assert "六、其他需要报告的事项" in _paras(source)
    (note,) = [n for n in source.notes if "扫描" in n.message]
    assert note.message.startswith("第2页是扫描图片，没有文字层")


# -- pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["- 3 -", "— 12 —", "－3－", "3", "第 3 页 共 5 页", "3/5", "Page 3 of 5"]
)
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize(
    "text", ["2024年", "3.5%", "一、总体情况", "2024", "第三页", "1.属于国家秘密"]
)
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_text_layer_repairs() -> None:
    repairs = Repairs()
    chars = [
        {"text": t, "x0": 10.0 * i, "x1": 10.0 * i + 9, "top": 0.0, "bottom": 10.0, "size": 10.0}
        for i, t in enumerate(["\u2f2f", "\u2ea0", "\u2329", "(cid:17)", "\x07", "作", "\ufb01"])
    ]
    glyphs = glyphs_of(chars, 4, repairs)
    assert [g.text for g in glyphs] == ["工", "民", "\u3008", "\ufffd", "作", "fi"]
    assert (repairs.lookalikes, repairs.unmapped, repairs.unmapped_pages) == (4, 1, [4])
