"""Reading Word files: our own output, and files made by hand the way Word stores them."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import govreport
from govreport import spec
from govreport.document.blocks import Document, Table
from govreport.findings import Severity
from govreport.importing.blocks import Grid, Para, Source
from govreport.importing.docx import DOCX_NOTE, read_docx
from govreport.importing.docxnumbering import chinese, format_number
from govreport.importing.textspace import squeeze
from govreport.io.errors import UnreadableFileError
from govreport.limits import MAX_IMPORT_FILE_BYTES, MAX_TEMPLATE_ENTRIES
from tests.importing.printed import expected

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = ROOT / "tests" / "data" / "importing" / "docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def engine() -> govreport.Engine:
    return govreport.Engine(autoload=False)


def cells_of(grid: Grid) -> list[tuple[str, int, int, int, int]]:
    return sorted(((c.text, c.row, c.col, c.rowspan, c.colspan) for c in grid.cells), key=str)


def assert_reads_back(source: Source, document: Document) -> None:
    want = expected(document)
    assert len(source.blocks) == len(want)
    for block, item in zip(source.blocks, want, strict=True):
        if isinstance(item, Table):
            assert isinstance(block, Grid)
            assert (block.n_rows, block.n_cols) == (item.n_rows, item.n_cols)
            assert cells_of(block) == sorted(
                ((squeeze(c.text), c.row, c.col, c.rowspan, c.colspan) for c in item.cells),
                key=str,
            )
        else:
            assert isinstance(block, Para)
            assert block.text == squeeze(item)


# -- our own Word output ---------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_our_word_output_reads_back_exactly(tmp_path, path):
    report = govreport.read_report(path)
    out = tmp_path / "report.docx"
    out.write_bytes(engine().render(report, "docx", allow_errors=True))
    source = read_docx(out)
    assert source.kind == "docx"
    assert source.notes == ()
    assert source.title == engine().document(report).title
    assert_reads_back(source, engine().document(report))


def test_our_output_saved_again_by_libreoffice_reads_the_same():
    source = read_docx(DATA / "pingtan-2024.libreoffice.docx")
    report = govreport.read_report(ROOT / "examples" / "pingtan-2024.yaml")
    assert source.notes == ()
    assert_reads_back(source, engine().document(report))


def test_the_footer_page_number_is_not_body_text(tmp_path):
    report = govreport.read_report(EXAMPLES[0])
    out = tmp_path / "report.docx"
    out.write_bytes(engine().render(report, "docx", allow_errors=True))
    texts = [b.text for b in read_docx(out).blocks if isinstance(b, Para)]
    assert not any("—" in t and len(t) < 8 for t in texts)


# -- Word files made by hand -----------------------------------------------------


def new_document() -> docx.document.Document:
    return docx.Document()


def append(document, xml: str) -> None:
    """Append body XML (one element) before the section properties, as Word orders it."""
    element = parse_xml(xml)
    document.element.body.sectPr.addprevious(element)


def save(document, tmp_path: Path, name: str = "hand.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def official_table(document, key: str) -> None:
    """One of the official tables, built as Word builds it: a grid, then cells merged."""
    table_spec = spec.tables()[key]
    n_rows = max(c.row + c.rowspan for c in table_spec.cells)
    n_cols = max(c.col + c.colspan for c in table_spec.cells)
    table = document.add_table(rows=n_rows, cols=n_cols)
    # Corners taken before merging (table.cell() is slow); merges never overlap.
    grid = {(r, c): cell for r, row in enumerate(table.rows) for c, cell in enumerate(row.cells)}
    for cell in table_spec.cells:
        first = grid[(cell.row, cell.col)]
        last = grid[(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)]
        merged = first.merge(last) if first is not last else first
        merged.text = cell.text or f"{cell.row}-{cell.col}"


@pytest.mark.parametrize("key", list(spec.tables()))
def test_merged_cells_made_by_word_have_the_official_geometry(tmp_path, key):
    """python-docx merges as Word does: gridSpan across, vMerge restart/continue down."""
    document = new_document()
    official_table(document, key)
    path = save(document, tmp_path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "w:gridSpan" in xml
    assert ("w:vMerge" in xml) == any(c.rowspan > 1 for c in spec.tables()[key].cells)
    (grid,) = read_docx(path).blocks
    assert isinstance(grid, Grid)
    want = [
        (c.text or f"{c.row}-{c.col}", c.row, c.col, c.rowspan, c.colspan)
        for c in spec.tables()[key].cells
    ]
    assert cells_of(grid) == sorted(want, key=str)


def test_grid_before_and_after_leave_their_columns_empty(tmp_path):
    document = new_document()
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    span = '<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>'
    append(
        document,
        f"<w:tbl {nsdecls('w')}><w:tblGrid>{'<w:gridCol/>' * 4}</w:tblGrid>"
        f"<w:tr>{cell.format('A')}{span}</w:tr>"
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        f"{cell.format('C')}{cell.format('D')}{cell.format('E')}</w:tr>"
        f'<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>'
        f"{cell.format('F')}{cell.format('G')}</w:tr>"
        "</w:tbl>",
    )
    (grid,) = read_docx(save(document, tmp_path)).blocks
    assert (grid.n_rows, grid.n_cols) == (3, 4)
    assert cells_of(grid) == sorted(
        [
            ("A", 0, 0, 1, 1),
            ("B", 0, 1, 1, 3),
            ("C", 1, 1, 1, 1),
            ("D", 1, 2, 1, 1),
            ("E", 1, 3, 1, 1),
            ("F", 2, 0, 1, 1),
            ("G", 2, 1, 1, 1),
        ],
        key=str,
    )
    assert grid.text_at(1, 0) == "" and grid.text_at(2, 3) == ""


def test_vertical_merge_under_a_grid_before(tmp_path):
    """A continue cell joins the cell above in the same grid column, not the same index."""
    document = new_document()
    append(
        document,
        f"<w:tbl {nsdecls('w')}><w:tblGrid>{'<w:gridCol/>' * 3}</w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
        "<w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p><w:r><w:t>z</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>",
    )
    source = read_docx(save(document, tmp_path))
    (grid,) = source.blocks
    assert ("合并", 0, 1, 2, 1) in cells_of(grid)
    assert ("z", 1, 2, 1, 1) in cells_of(grid)
    assert source.notes == ()


def test_odd_merges_are_read_and_noted(tmp_path):
    document = new_document()
    text = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    append(
        document,
        f"<w:tbl {nsdecls('w')}><w:tblGrid>{'<w:gridCol/>' * 2}</w:tblGrid>"
        f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{text.format('无起点')}</w:tc>"
        f'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{text.format("上")}</w:tc></w:tr>'
        f"<w:tr><w:tc>{text.format('a')}</w:tc>"
        f"<w:tc><w:tcPr><w:vMerge/></w:tcPr>{text.format('下')}</w:tc></w:tr>"
        "</w:tbl>",
    )
    source = read_docx(save(document, tmp_path))
    (grid,) = source.blocks
    assert ("无起点", 0, 0, 1, 1) in cells_of(grid)
    assert ("上\n下", 0, 1, 2, 1) in cells_of(grid)
    assert [n.location for n in source.notes] == ["表格1第1行第1列", "表格1第2行第2列"]
    assert {n.code for n in source.notes} == {DOCX_NOTE}


def test_runs_as_printed_and_tracked_deletions_left_out(tmp_path):
    document = new_document()
    append(
        document,
        f"<w:p {nsdecls('w', 'r')}>"
        "<w:r><w:t>本年</w:t></w:r>"
        '<w:del w:id="1" w:author="审核人"><w:r><w:delText>删除的</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="审核人"><w:r><w:t>新收</w:t></w:r></w:ins>'
        '<w:hyperlink w:anchor="x"><w:r><w:t>申请</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> MERGEFIELD 件数 </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>17</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DOCPROPERTY unit "><w:r><w:t>件</w:t></w:r></w:fldSimple>'
        '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>，</w:t></w:r></w:smartTag>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>见</w:t></w:r>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
        "<w:sdt><w:sdtContent><w:r><w:t>控件内</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:tab/><w:t>制表符后</w:t><w:br/><w:t>第二行</w:t></w:r>"
        "</w:p>",
    )
    (para,) = read_docx(save(document, tmp_path)).blocks
    assert para == Para("本年新收申请17件，见控件内 制表符后\n第二行", "第1段")


def test_content_controls_hold_body_paragraphs_and_tables(tmp_path):
    document = new_document()
    document.add_paragraph("控件前")
    append(
        document,
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>控件中的表格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:sdtContent></w:sdt>",
    )
    append(
        document,
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>一、总体情况</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    document.add_paragraph("控件后")
    source = read_docx(save(document, tmp_path))
    texts = [b.text if isinstance(b, Para) else b.cells[0].text for b in source.blocks]
    assert texts == ["控件前", "控件中的段落", "控件中的表格", "控件后"]
    (note,) = source.notes
    assert note.severity is Severity.INFO and "目录" in note.message


def test_nested_table_follows_its_outer_table(tmp_path):
    document = new_document()
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层甲"
    inner.cell(0, 1).text = "内层乙"
    document.add_paragraph("表后")
    blocks = read_docx(save(document, tmp_path)).blocks
    assert [type(b).__name__ for b in blocks] == ["Grid", "Grid", "Para"]
    outer_grid, inner_grid = blocks[0], blocks[1]
    assert outer_grid.text_at(0, 0) == "外层" and outer_grid.text_at(1, 1) == ""
    assert (inner_grid.where, inner_grid.text_at(0, 1)) == ("表格2", "内层乙")


def test_cell_paragraphs_join_with_line_breaks(tmp_path):
    document = new_document()
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.text = "（三）不予公开"
    cell.add_paragraph("")
    cell.add_paragraph("  第二段　 文字 ")
    (grid,) = read_docx(save(document, tmp_path)).blocks
    assert grid.cells[0].text == "（三）不予公开\n第二段 文字"


def test_headers_and_footers_are_not_read(tmp_path):
    document = new_document()
    document.sections[0].header.paragraphs[0].text = "某某县人民政府办公室"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph("正文")
    assert [b.text for b in read_docx(save(document, tmp_path)).blocks] == ["正文"]


def test_text_box_text_is_noted_not_read(tmp_path):
    document = new_document()
    append(
        document,
        f'<w:p {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>段落</w:t></w:r>'
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内文字</w:t>"
        "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
    )
    source = read_docx(save(document, tmp_path))
    assert [b.text for b in source.blocks] == ["段落"]
    (note,) = source.notes
    assert note.location == "第1段" and "文本框" in note.message


def numbered_document() -> docx.document.Document:
    """Headings numbered by a Word list: 一、 and （一）, the second level restarting."""
    document = new_document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>'
        "</w:abstractNum>"
    )
    numbering.find(f"{{{W_NS}}}num").addprevious(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for level, text in [
        (0, "总体情况"),
        (1, "主动公开"),
        (1, "依申请公开"),
        (None, "正文段落"),
        (0, "主动公开政府信息情况"),
        (1, "规章"),
        (2, "第一项"),
        (2, "第二项"),
    ]:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    '<w:numId w:val="90"/></w:numPr>'
                )
            )
    return document


def test_auto_numbered_headings_get_their_printed_numbers(tmp_path):
    source = read_docx(save(numbered_document(), tmp_path))
    assert [b.text for b in source.blocks] == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "正文段落",
        "二、主动公开政府信息情况",
        "（一）规章",
        "1. 第一项",
        "2. 第二项",
    ]


def test_numbering_given_by_a_paragraph_style_and_the_styles_based_on_it(tmp_path):
    document = numbered_document()
    heading = document.styles.add_style("编号标题", WD_STYLE_TYPE.PARAGRAPH)
    heading.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="90"/></w:numPr>')
    )
    derived = document.styles.add_style("编号标题二", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = heading
    document.add_paragraph("收到和处理政府信息公开申请情况", style=heading)
    document.add_paragraph("政府信息公开行政复议、行政诉讼情况", style=derived)
    off = document.add_paragraph("不编号", style=heading)
    off._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>')
    )
    texts = [b.text for b in read_docx(save(document, tmp_path)).blocks]
    assert texts[-3:] == [
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "不编号",
    ]


def test_chinese_numbers():
    assert [chinese(n) for n in (1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 1000, 1010)] == [
        "一", "九", "十", "十一", "二十", "二十一", "九十九",
        "一百", "一百零五", "一百一十", "一千", "一千零一十",
    ]  # fmt: skip
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(4, "lowerRoman") == "iv"


# -- what is not a Word file ------------------------------------------------------


def zip_of(members: dict[str, bytes], **kwargs) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, **kwargs) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refused(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError) as info:
        read_docx(path)
    return info.value.reason


def test_an_old_word_97_document_renamed_docx(tmp_path):
    """A real .doc (written by LibreOffice as "MS Word 97"), given a .docx name."""
    data = (DATA / "word97-renamed.docx").read_bytes()
    reason = refused(tmp_path, data)
    assert "旧版 Word 97-2003" in reason and "另存为" in reason


def test_an_encrypted_document(tmp_path):
    # An encrypted .docx is an OLE container with an EncryptedPackage stream;
    # only its header and directory entry name matter to the check.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    assert "已加密" in refused(tmp_path, data)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not a zip at all", "不是 zip"),
        (b"PK\x03\x04 broken", "已损坏"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"<html><body>report</body></html>", "网页"),
        (b"%PDF-1.7\n", "PDF"),
        (zip_of({"readme.txt": b"hello"}), "没有 Word 文档的内容"),
        (zip_of({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "Excel"),
        (zip_of({"mimetype": b"x", "content.xml": b"<x/>"}), "OpenDocument"),
    ],
)
def test_files_that_are_not_word_documents(tmp_path, data, words):
    assert words in refused(tmp_path, data)


def test_a_zip_that_declares_a_package_but_has_no_document(tmp_path):
    data = zip_of({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>"})
    assert "Word" in refused(tmp_path, data)


def test_malformed_document_xml(tmp_path):
    path = save(new_document(), tmp_path, "good.docx")
    members = {i.filename: zipfile.ZipFile(path).read(i) for i in zipfile.ZipFile(path).infolist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    assert "XML" in refused(tmp_path, zip_of(members))


def test_zip_bombs_are_refused_from_the_directory(tmp_path):
    base = {"[Content_Types].xml": b"<Types/>"}
    ratio = refused(tmp_path, zip_of({**base, "word/document.xml": bytes(4 * 1024 * 1024)}))
    assert "压缩比" in ratio
    many = {f"word/media/{i}.bin": b"x" for i in range(MAX_TEMPLATE_ENTRIES + 1)}
    assert "部件" in refused(tmp_path, zip_of({**base, **many}))


def test_size_is_bounded(tmp_path):
    path = tmp_path / "big.docx"
    with path.open("wb") as f:
        f.truncate(MAX_IMPORT_FILE_BYTES + 1)
    with pytest.raises(UnreadableFileError, match="过大"):
        read_docx(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="不存在"):
        read_docx(tmp_path / "none.docx")
