"""Downloads: the engine's own outputs; with errors only as a draft, marked as one."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest
from starlette.testclient import TestClient

from govreport import default_engine, dump_report
from govreport.io.formats import read_mapping
from govreport.outputs.docx.templates import default_template_bytes
from govreport.serve.app import create_app
from govreport.serve.downloads import content_disposition, draft_line
from govreport.serve.formdata import to_data, to_fields

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shuangpu-2024.yaml"
TITLE = "杭州市西湖区双浦镇人民政府2024年政府信息公开工作年度报告"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path / "data"), base_url="http://127.0.0.1") as c:
        c.get("/api/drafts/000000000000")
        yield c


def _clean() -> dict[str, str]:
    return to_fields(read_mapping(EXAMPLE))


def _broken() -> dict[str, str]:
    """One more 自然人 application received than the row's outcomes account for (R3)."""
    fields = _clean()
    key = "applications.received.natural_person"
    fields[key] = str(int(fields[key]) + 1)
    return fields


def _post(client: TestClient, fmt: str, fields: dict[str, str], *, draft: bool = False) -> object:
    form = {**fields, "csrf": client.cookies["gr_csrf"]}
    return client.post(f"/download/{fmt}" + ("?draft=1" if draft else ""), data=form)


def _filename(response: object) -> str:
    header = response.headers["content-disposition"]  # type: ignore[attr-defined]
    assert header.startswith("attachment; ")
    encoded = header.split("filename*=UTF-8''", 1)[1]
    return unquote(encoded, encoding="utf-8", errors="strict")


def test_a_clean_report_downloads_as_the_cli_renders_it(client: TestClient) -> None:
    engine = default_engine()
    report = engine.read_report(EXAMPLE)
    for fmt in ("docx", "txt", "html"):
        response = _post(client, fmt, _clean())
        assert response.status_code == 200, response.text
        assert response.content == engine.render(report, fmt)
        assert _filename(response) == f"{TITLE}{engine.output(fmt).extension}"
        assert response.headers["content-type"].startswith(engine.output(fmt).media_type)


def test_the_yaml_and_the_workbook_are_the_data_file_and_its_workbook(client: TestClient) -> None:
    engine = default_engine()
    report = engine.read_report(EXAMPLE)
    yaml = _post(client, "yaml", _clean())
    assert yaml.content.decode("utf-8") == dump_report(report)
    assert _filename(yaml) == f"{TITLE}.yaml"
    book = _post(client, "xlsx", _clean())
    assert _filename(book) == f"{TITLE}.xlsx"
    target = Path(client.app.state.serve.data_dir) / "back.xlsx"  # type: ignore[attr-defined]
    target.write_bytes(book.content)
    assert engine.read_report(target) == report


def test_a_report_with_errors_is_refused_as_final(client: TestClient) -> None:
    for fmt in ("docx", "txt", "yaml", "xlsx"):
        response = _post(client, fmt, _broken())
        assert response.status_code == 400
        body = response.json()
        assert "不能下载正式文件" in body["message"] and "下载草稿" in body["message"]
        assert {f["code"] for f in body["findings"] if f["severity"] == "error"} == {"R3"}
        assert "content-disposition" not in response.headers


def test_a_draft_is_marked_first_and_named_so(client: TestClient) -> None:
    response = _post(client, "docx", _broken(), draft=True)
    assert response.status_code == 200
    assert _filename(response) == f"{TITLE}-草稿.docx"
    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    body = [t for t in paragraphs if t]
    # The title, then the mark before anything the report says.
    assert body[2] == draft_line(2) == "草稿：尚有 2 处错误，不能作为正式报告发布 (draft)"
    assert body[3].startswith("本报告根据")


def test_the_draft_mark_changes_nothing_of_the_agencys_text(client: TestClient) -> None:
    draft = _post(client, "txt", _broken(), draft=True).content.decode("utf-8")
    mark = f"\u3000\u3000{draft_line(2)}\n\n"
    assert draft.count(mark) == 1
    engine = default_engine()
    loaded = engine.parse_report(to_data(_broken()))
    assert draft.replace(mark, "") == engine.render(loaded.report, "txt", allow_errors=True).decode(
        "utf-8"
    )


def test_a_draft_yaml_keeps_what_was_typed_after_a_comment(client: TestClient) -> None:
    fields = {**_broken(), "proactive.rules.issued": "三"}
    response = _post(client, "yaml", fields, draft=True)
    text = response.content.decode("utf-8")
    first = text.partition("\n")[0]
    assert first == "# 草稿：尚有 3 处错误，不能作为正式报告发布 (draft)"
    target = Path(client.app.state.serve.data_dir) / "draft.yaml"  # type: ignore[attr-defined]
    target.write_text(text, encoding="utf-8")
    assert to_fields(read_mapping(target)) == fields


def test_a_draft_of_a_clean_report_is_the_final_file(client: TestClient) -> None:
    asked = _post(client, "txt", _clean(), draft=True)
    assert asked.content == _post(client, "txt", _clean()).content
    assert "草稿" not in _filename(asked)


def test_the_kept_agency_template_is_used_for_word(client: TestClient) -> None:
    archive = zipfile.ZipFile(io.BytesIO(default_template_bytes()))
    members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"{{ line }}", "红头 {{ line }}".encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, content in members.items():
            packed.writestr(name, content)
    before = _post(client, "docx", _clean()).content
    kept = client.post(
        "/api/template",
        files={"file": ("红头模板.docx", out.getvalue())},
        headers={"X-CSRF-Token": client.cookies["gr_csrf"]},
    )
    assert kept.status_code == 200, kept.text
    after = _post(client, "docx", _clean()).content
    texts = [p.text for p in docx.Document(io.BytesIO(after)).paragraphs]
    assert texts[0] == "红头 杭州市西湖区双浦镇人民政府"
    assert "红头" not in docx.Document(io.BytesIO(before)).paragraphs[0].text


def test_an_unknown_format_is_404(client: TestClient) -> None:
    assert _post(client, "exe", _clean()).status_code == 404
    assert _post(client, "..%2F..%2Fetc%2Fpasswd", _clean()).status_code == 404


def test_the_content_disposition_has_an_ascii_fallback_and_the_utf8_name() -> None:
    header = content_disposition('某"镇;\\2024-草稿.docx')
    assert header.startswith('attachment; filename="report-draft.docx"; ')
    assert header.isascii()
    assert unquote(header.split("UTF-8''", 1)[1]) == '某"镇;\\2024-草稿.docx'
