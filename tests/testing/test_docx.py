"""DocxXml reads what Word shows: body paragraphs, tables with merged cells once, other parts."""

from __future__ import annotations

import io
import zipfile

import pytest

from govreport.plugins import Engine
from govreport.spec import tables
from govreport.testing import DocxXml, W, sample_report


@pytest.fixture(scope="module")
def word() -> DocxXml:
    return DocxXml(Engine(autoload=False).render(sample_report(), "docx"))


def test_paragraphs_are_the_document_text(word: DocxXml) -> None:
    paragraphs = word.paragraph_texts()
    assert paragraphs[:2] == ["平潭综合实验区管理委员会", "2024年政府信息公开工作年度报告"]
    assert "六、其他需要报告的事项" in paragraphs
    assert not set(word.cell_texts()) & {"自然人", "商业企业"} - set(
        word.paragraph_texts(in_tables=True)
    )


def test_tables_count_each_merged_cell_once(word: DocxXml) -> None:
    got = word.tables()
    assert len(got) == 3
    for table, spec in zip(got, tables().values(), strict=True):
        labels = sorted(c.text for c in spec.cells if c.text)
        cells = [text for row in table for text in row]
        assert sorted(t for t in cells if t in labels) == labels


def test_findall_binds_the_w_prefix(word: DocxXml) -> None:
    assert len(word.findall(".//w:tbl")) == 3
    assert word.root.tag == f"{{{W}}}document"
    assert "word/styles.xml" in word.names


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", document_xml)
        header = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>'
        z.writestr("word/header1.xml", header)
    return buf.getvalue()


def test_vertical_merge_continuations_are_skipped_and_parts_open() -> None:
    cell = "<w:tc>{}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    start = cell.format('<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>', "合并")
    cont = cell.format("<w:tcPr><w:vMerge/></w:tcPr>", "")
    xml = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>'
        f"<w:tbl><w:tr>{start}{cell.format('', 'a')}</w:tr>"
        f"<w:tr>{cont}{cell.format('', 'b')}</w:tr></w:tbl></w:body></w:document>"
    )
    doc = DocxXml(_docx(xml))
    assert doc.tables() == [[["合并", "a"], ["b"]]]
    assert doc.paragraph_texts() == ["正文"]
    assert doc.text() == "正文\n合并\na\n\nb"
    assert DocxXml(_docx(xml), "word/header1.xml").paragraph_texts() == ["页眉"]
