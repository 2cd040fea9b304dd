"""Uploads through the real app: read by the CLI's loaders and their guards, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from govreport import default_engine
from govreport.limits import MAX_DATA_FILE_BYTES
from govreport.outputs.docx.templates import default_template_bytes
from govreport.serve.app import TEMPLATE_NAME
from govreport.serve.uploads import display_name
from govreport.workbook.writer import write_workbook

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shuangpu-2024.yaml"
OLD_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _with_part(package: bytes, part: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    return _zip({**members, part: content})


def _zip_bomb() -> bytes:
    """64 MB of zeros in a 64 KB workbook part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(b"\0" * (1 << 20))
    return out.getvalue()


def _xml_laughs() -> bytes:
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE sst [{"".join(entities)}]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>&l8;</t></si></sst>"
    ).encode()


def _yaml_laughs() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return ("\n".join(lines) + "\n").encode()


def _workbook() -> bytes:
    return write_workbook(default_engine().read_report(EXAMPLE))


def _prefill(client: TestClient, name: str, content: bytes) -> tuple[int, dict[str, object]]:
    response = client.post("/api/prefill", files={"file": (name, content)})
    assert "Traceback" not in response.text
    return response.status_code, response.json()


def test_last_years_data_file_prefills_this_year(client: TestClient) -> None:
    status, body = _prefill(client, "双浦镇2024.yaml", EXAMPLE.read_bytes())
    assert status == 200
    fields = body["fields"]
    assert isinstance(fields, dict)
    assert fields["year"] == "2025"
    assert fields["agency.name"] == "杭州市西湖区双浦镇人民政府"


def test_last_years_workbook_prefills_the_same(client: TestClient) -> None:
    from_yaml = _prefill(client, "2024.yaml", EXAMPLE.read_bytes())
    from_book = _prefill(client, "2024.xlsx", _workbook())
    assert from_book[0] == 200
    assert from_book[1]["fields"] == from_yaml[1]["fields"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("2024.xlsx", _zip_bomb(), "超过每个部件"),
        ("2024.xlsx", _with_part(_workbook(), "xl/sharedStrings.xml", _xml_laughs()), "DOCTYPE"),
        ("2024.xls", OLD_XLS, "另存为 .xlsx"),
        ("2024.xlsx", OLD_XLS, "另存为 .xlsx"),
        ("2024.yaml", _yaml_laughs(), "别名按展开计"),
        ("2024.docx", b"PK\x03\x04 not really a zip", "zip"),
        ("2024.exe", b"MZ", "不能读取此类文件"),
        ("2024.yaml", b"", "文件为空"),
    ],
    ids=[
        "zip-bomb",
        "xml-entities",
        "xls",
        "xls-named-xlsx",
        "yaml-aliases",
        "bad-zip",
        "exe",
        "empty",
    ],
)
def test_a_malicious_or_unreadable_upload_is_a_clear_400(
    client: TestClient, data: Path, name: str, content: bytes, reason: str
) -> None:
    status, body = _prefill(client, name, content)
    assert status == 400
    message = body["message"]
    assert isinstance(message, str)
    assert reason in message
    assert name in message  # the file as the person called it, never the temporary path
    assert "/tmp" not in message and "upload." not in message
    assert sorted(p.name for p in data.iterdir()) == []  # nothing kept


def test_a_data_file_over_its_bound_is_refused_before_it_is_parsed(client: TestClient) -> None:
    status, body = _prefill(client, "2024.yaml", b"#" * (MAX_DATA_FILE_BYTES + 1))
    assert status == 413
    assert "文件过大" in str(body["message"])


def test_a_path_like_file_name_is_only_a_name(client: TestClient, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    status, body = _prefill(client, "../../../../tmp/evil/2024.yaml", EXAMPLE.read_bytes())
    assert status == 200
    assert sorted(tmp_path.rglob("*")) == before
    assert not Path("/tmp/evil").exists()
    status, body = _prefill(client, "..\\..\\x.exe", b"MZ")
    assert status == 400 and str(body["message"]).startswith("x.exe：")


def test_display_name_keeps_the_last_part_without_controls() -> None:
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\张三\\2024.yaml") == "2024.yaml"
    assert display_name("a\nb\x00.yaml") == "ab.yaml"
    assert display_name("") == "（未命名文件）"


def test_the_agency_template_is_checked_and_kept(client: TestClient, data: Path) -> None:
    response = client.post(
        "/api/template", files={"file": ("机关模板.docx", default_template_bytes())}
    )
    assert response.status_code == 200, response.text
    assert "模板已保存" in response.json()["message"]
    assert (data / TEMPLATE_NAME).read_bytes() == default_template_bytes()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            _with_part(default_template_bytes(), "word/document.xml", _xml_laughs()),
            "不是合法的 XML",
        ),
        (_zip({"[Content_Types].xml": b"<Types/>"}), ""),
        (b"not a zip", ""),
    ],
    ids=["entities", "no-document", "not-a-zip"],
)
def test_an_unusable_template_is_refused_and_not_kept(
    client: TestClient, data: Path, content: bytes, reason: str
) -> None:
    response = client.post("/api/template", files={"file": ("机关模板.docx", content)})
    assert response.status_code == 400
    body = response.json()
    assert "模板不能使用" in body["message"]
    assert body["problems"] and reason in " ".join(body["problems"])
    assert "upload" not in " ".join(body["problems"])
    assert not (data / TEMPLATE_NAME).exists()


def test_a_template_must_be_a_docx(client: TestClient) -> None:
    response = client.post("/api/template", files={"file": ("模板.dotx", default_template_bytes())})
    assert response.status_code == 400
    assert ".docx" in response.json()["message"]


def test_an_upload_without_a_file_is_a_400(client: TestClient) -> None:
    response = client.post("/api/prefill", data={"x": "1"})
    assert response.status_code == 400
    assert "请选择要上传的文件" in response.json()["message"]
