"""The app's routes: the form page, /api/check as `govreport validate`, the preview."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from govreport import Engine, Finding, Rule, Severity, default_engine, hookimpl
from govreport.cli.main import main
from govreport.io.formats import read_mapping, serialise
from govreport.model import resolve
from govreport.serve.api import total_paths
from govreport.serve.app import create_app
from govreport.serve.formdata import to_data, to_fields

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shuangpu-2024.yaml"
SCRIPT = "<script>alert(1)</script>"


def _fields() -> dict[str, str]:
    return to_fields(read_mapping(EXAMPLE))


def _validate_json(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    main(["validate", str(path), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    return [{k: v for k, v in f.items() if k != "file"} for f in found]


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"applications.received.natural_person": "40"},
        {"applications.received.natural_person": "abc", "published": "2024-13-40"},
        {"proactive.rules.issued": "-1", "agency.level": "village", "other.text": "{{ nope }}"},
    ],
    ids=["clean", "row", "typed", "several"],
)
def test_check_says_what_govreport_validate_says(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, str]
) -> None:
    fields = {**_fields(), **change}
    # The same fields as a data file, checked by the CLI.
    data_file = tmp_path / "same.yaml"
    data_file.write_text(serialise(to_data(fields), "yaml"), encoding="utf-8")
    expected = _validate_json(data_file, capsys)
    answer = client.post("/api/check", json={"fields": fields}).json()
    got = [{k: v for k, v in f.items() if k not in ("paths", "label")} for f in answer["findings"]]
    assert got == expected
    assert answer["errors"] == sum(f["severity"] == "error" for f in expected)
    assert bool(change) == (answer["errors"] > 0)


def test_a_row_that_does_not_add_up_names_its_cells(client: TestClient) -> None:
    fields = {**_fields(), "applications.received.natural_person": "40"}
    findings = client.post("/api/check", json={"fields": fields}).json()["findings"]
    (r3,) = [f for f in findings if f["path"] == "applications.carried_forward.natural_person"]
    assert r3["code"] == "R3"
    assert r3["severity"] == "error" and "自然人" in r3["message"]
    assert "applications.received.natural_person" in r3["paths"]
    assert "applications.carried_forward.natural_person" in r3["paths"]


def test_totals_are_the_models(client: TestClient) -> None:
    fields = {**_fields(), "applications.received.legal_person.commercial_enterprise": "7"}
    totals = client.post("/api/check", json={"fields": fields}).json()["totals"]
    report = default_engine().parse_report(to_data(fields)).report
    assert list(totals) == list(total_paths())
    assert len(totals) > 20
    for path, text in totals.items():
        assert text == str(resolve(report, path)), path
    assert "applications.received.total" in totals


class _PluginRule:
    """A plugin rule: the server runs whatever rules its engine has."""

    @hookimpl
    def govreport_register_rules(self, register: object) -> None:
        def check(ctx: object) -> list[Finding]:
            return [Finding("X1", Severity.INFO, "插件规则已运行 (plugin rule ran)", "year")]

        register(Rule("X1", "插件规则", check))  # type: ignore[operator]


def test_check_runs_the_engines_plugins_too(tmp_path: Path) -> None:
    engine = Engine([_PluginRule()], autoload=False)
    with TestClient(create_app(tmp_path, engine=engine), base_url="http://127.0.0.1") as c:
        c.get("/api/drafts/000000000000")
        answer = c.post(
            "/api/check",
            json={"fields": _fields()},
            headers={"X-CSRF-Token": c.cookies["gr_csrf"]},
        ).json()
    assert [f["code"] for f in answer["findings"]] == ["X1"]


def test_the_page_carries_the_sessions_token(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    assert token and token.group(1) == client.cookies["gr_csrf"]
    assert "<script>" not in page.text  # scripts come from /static only (CSP)


def test_a_saved_draft_opens_with_its_values_escaped(client: TestClient) -> None:
    fields = {**_fields(), "other.text": SCRIPT, "agency.name": "某镇<b>"}
    draft_id = client.post("/api/drafts", json={"fields": fields, "version": 0}).json()["id"]
    page = client.get(f"/drafts/{draft_id}")
    assert page.status_code == 200
    assert SCRIPT not in page.text and "某镇<b>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert client.get("/drafts/aaaaaaaaaaaa").status_code == 404


def test_the_preview_is_the_html_outputs_fragment_escaped(client: TestClient) -> None:
    fields = {**_fields(), "other.text": SCRIPT}
    preview = client.post("/api/preview", json={"fields": fields})
    assert preview.status_code == 200
    assert preview.text.lstrip().startswith("<article")
    assert "杭州市西湖区双浦镇人民政府" in preview.text
    assert SCRIPT not in preview.text and "&lt;script&gt;" in preview.text


def test_a_preview_with_errors_is_still_given(client: TestClient) -> None:
    fields = {**_fields(), "applications.received.natural_person": "40"}
    assert client.post("/api/preview", json={"fields": fields}).status_code == 200
