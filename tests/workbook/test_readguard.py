"""Files that are no workbook of ours, refused with what they are before openpyxl opens them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govreport import UnreadableFileError
from govreport.limits import MAX_TEMPLATE_ENTRIES, MAX_WORKBOOK_PART_BYTES

from .books import engine, written

#: The first sector of an OLE compound file, as Excel 97-2003 writes one.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def _refused(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        engine().load_report(path)
    assert caught.value.exit_status == 2
    assert str(path) in str(caught.value)
    return caught.value.reason


def _file(tmp_path: Path, data: bytes, name: str = "2025.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip(tmp_path: Path, members: dict[str, bytes], **options: int) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return _file(tmp_path, out.getvalue())


def test_an_old_xls_says_save_as_xlsx(tmp_path: Path) -> None:
    reason = _refused(_file(tmp_path, OLE + "Workbook".encode("utf-16-le") + b"\0" * 64))
    assert ".xls" in reason and "请在 Excel/WPS 中另存为 .xlsx" in reason


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    reason = _refused(_file(tmp_path, OLE + "EncryptedPackage".encode("utf-16-le")))
    assert "已加密" in reason and "取消密码" in reason


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("机关名称,自然人\n某某镇,3\n".encode(), "文本文件"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页"),
        (b"%PDF-1.7\n", "PDF"),
        (b"", "空的"),
        (b"\x00\x01\x02\x03" * 100, "不是 zip"),
    ],
)
def test_a_file_that_is_no_workbook_says_what_it_is(tmp_path: Path, data: bytes, said: str) -> None:
    assert said in _refused(_file(tmp_path, data))


def test_a_word_file_renamed_xlsx_says_it_is_word(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    assert "Word 文档" in _refused(path)


def test_a_corrupt_zip_is_refused(tmp_path: Path) -> None:
    data = written(tmp_path).read_bytes()
    assert "损坏" in _refused(_file(tmp_path, data[: len(data) // 2], "cut.xlsx"))


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    zeros = b"\0" * (MAX_WORKBOOK_PART_BYTES + 1)  # compresses to a few KB
    path = _zip(tmp_path, {"xl/workbook.xml": b"<workbook/>", "xl/sharedStrings.xml": zeros})
    assert "xl/sharedStrings.xml" in _refused(path)
    ratio = _zip(tmp_path, {"xl/workbook.xml": b"<workbook/>", "xl/styles.xml": zeros[: 2 << 20]})
    assert "压缩炸弹" in _refused(ratio)


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    members = {f"xl/media/{i}.bin": b"" for i in range(MAX_TEMPLATE_ENTRIES + 1)}
    path = _zip(tmp_path, {"xl/workbook.xml": b"<workbook/>", **members})
    assert f"超过{MAX_TEMPLATE_ENTRIES}个的上限" in _refused(path)


def _with_part(tmp_path: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(written(tmp_path)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[part] = data
    return _zip(tmp_path, members)


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>&lol2;</t></si></sst>"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xml_with_a_dtd_is_never_parsed(tmp_path: Path, encoding: str) -> None:
    path = _with_part(tmp_path, "xl/sharedStrings.xml", LAUGHS.encode(encoding))
    assert "DOCTYPE" in _refused(path)


def test_an_external_entity_in_a_sheet_is_never_parsed(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = _with_part(tmp_path, "xl/worksheets/sheet2.xml", xxe.encode())
    assert "DOCTYPE" in _refused(path)


def test_a_broken_part_inside_a_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = _with_part(tmp_path, "xl/workbook.xml", b"<workbook><sheets><sheet")
    assert "损坏" in _refused(path)
