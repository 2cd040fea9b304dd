"""The server's guard: CSRF, Origin, Host, body bounds and security headers, on the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from govreport.limits import MAX_SERVE_BODY_BYTES, MAX_SERVE_FIELDS, MAX_SERVE_UPLOAD_BYTES
from govreport.serve.app import create_app
from govreport.serve.security import CSP, CSRF_COOKIE, ServeSettings

HERE = "http://127.0.0.1"
FIELDS = {"year": "2024", "agency.name": "某某镇人民政府", "agency.level": "township"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path / "data"), base_url=HERE) as c:
        c.get("/api/drafts/000000000000")  # any answer sets the session's token
        yield c


def _token(client: TestClient) -> str:
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    return token


def _assert_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"


def test_the_token_cookie_is_strict_and_http_only(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path), base_url=HERE) as c:
        response = c.get("/api/drafts/000000000000")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


def test_a_post_with_the_token_in_the_header_passes(client: TestClient) -> None:
    response = client.post(
        "/api/check", json={"fields": FIELDS}, headers={"X-CSRF-Token": _token(client)}
    )
    assert response.status_code == 200
    assert "findings" in response.json()


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({}, "no token"),
        ({"X-CSRF-Token": "x" * 43}, "wrong token"),
        ({"X-CSRF-Token": ""}, "empty token"),
    ],
)
def test_a_post_without_the_right_token_is_refused(
    client: TestClient, headers: dict[str, str], why: str
) -> None:
    response = client.post("/api/check", json={"fields": FIELDS}, headers=headers)
    assert response.status_code == 403, why
    assert "安全令牌" in response.json()["message"]
    _assert_headers(response)


def test_a_post_without_the_cookie_is_refused_even_with_a_token(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path), base_url=HERE) as c:
        c.get("/api/drafts/000000000000")
        token = _token(c)
        c.cookies.clear()
        response = c.post("/api/check", json={"fields": FIELDS}, headers={"X-CSRF-Token": token})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Referer": "http://evil.example/page.html"},
    ],
)
def test_a_cross_site_post_is_refused_even_with_the_token(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/check",
        json={"fields": FIELDS},
        headers={**headers, "X-CSRF-Token": _token(client)},
    )
    assert response.status_code == 403
    assert "其他网站" in response.json()["message"]


def test_a_same_origin_post_passes(client: TestClient) -> None:
    response = client.post(
        "/api/check",
        json={"fields": FIELDS},
        headers={"Origin": HERE, "Referer": f"{HERE}/", "X-CSRF-Token": _token(client)},
    )
    assert response.status_code == 200


def test_the_token_in_a_form_field_passes_and_a_wrong_one_does_not(client: TestClient) -> None:
    form = {**FIELDS, "csrf": _token(client)}
    # An error-free report is not needed: the refusal as final (400) comes after the guard.
    assert client.post("/download/txt", data=form).status_code in (200, 400)
    wrong = client.post("/download/txt", data={**FIELDS, "csrf": "y" * 43})
    assert wrong.status_code == 403


def test_an_unknown_host_is_refused(client: TestClient) -> None:
    """A page of another site whose name points at 127.0.0.1 (DNS rebinding) gets nothing."""
    response = client.get("/api/drafts/000000000000", headers={"Host": "evil.example:8000"})
    assert response.status_code == 400
    assert "evil.example" in response.json()["message"]
    _assert_headers(response)


def test_any_host_is_answered_when_bound_to_the_network(tmp_path: Path) -> None:
    app = create_app(tmp_path, settings=ServeSettings(allowed_hosts=("*",)))
    with TestClient(app, base_url="http://report.intranet") as c:
        assert c.get("/api/drafts/000000000000").status_code == 404


def test_an_oversized_body_is_refused_from_its_length(client: TestClient) -> None:
    big = "字" * (MAX_SERVE_BODY_BYTES // 3 + 10)
    response = client.post(
        "/api/check",
        json={"fields": {"other.text": big}},
        headers={"X-CSRF-Token": _token(client)},
    )
    assert response.status_code == 413
    assert "请求内容过大" in response.json()["message"]
    _assert_headers(response)


def test_an_oversized_body_without_a_length_is_refused_while_read(client: TestClient) -> None:
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        for _ in range(MAX_SERVE_BODY_BYTES // 65536 + 20):
            sent += 65536
            yield b"x" * 65536

    response = client.post("/api/check", content=chunks(), headers={"X-CSRF-Token": _token(client)})
    assert response.status_code == 413
    assert sent > MAX_SERVE_BODY_BYTES


def test_an_oversized_upload_is_refused(client: TestClient) -> None:
    data = b"a: 1\n" * (MAX_SERVE_UPLOAD_BYTES // 5 + 10)
    response = client.post(
        "/api/prefill",
        files={"file": ("2024.yaml", data, "application/yaml")},
        headers={"X-CSRF-Token": _token(client)},
    )
    assert response.status_code == 413
    assert "请求内容过大" in response.json()["message"]


def test_too_many_fields_are_refused(client: TestClient) -> None:
    fields = {f"extensions.x.f{i}": "1" for i in range(MAX_SERVE_FIELDS + 1)}
    response = client.post(
        "/api/check", json={"fields": fields}, headers={"X-CSRF-Token": _token(client)}
    )
    assert response.status_code == 413
    assert "表单项过多" in response.json()["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/drafts/000000000000"),
        ("GET", "/no/such/page"),
        ("POST", "/api/check"),
        ("GET", "/api/check"),
        ("GET", "/drafts/..%2F..%2Fetc%2Fpasswd"),
    ],
)
def test_every_response_has_the_security_headers(
    client: TestClient, method: str, path: str
) -> None:
    response = client.request(method, path)
    _assert_headers(response)
    assert "Traceback" not in response.text


def test_a_json_body_that_is_not_the_fields_is_a_clear_400(client: TestClient) -> None:
    headers = {"X-CSRF-Token": _token(client), "Content-Type": "application/json"}
    for body in (b"{not json", b"[1, 2]", b'{"fields": {"year": 2024}}', b'{"fields": []}'):
        response = client.post("/api/check", content=body, headers=headers)
        assert response.status_code == 400, body
        assert "(" in response.json()["message"]  # Chinese with the English


def test_a_defect_of_ours_is_one_chinese_line_with_the_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govreport.serve import api

    def broken(*args: object) -> object:
        raise RuntimeError("a defect")

    monkeypatch.setattr(api, "check_response", broken)
    app = create_app(tmp_path)
    with TestClient(app, base_url=HERE, raise_server_exceptions=False) as c:
        c.get("/api/drafts/000000000000")
        response = c.post(
            "/api/check", json={"fields": FIELDS}, headers={"X-CSRF-Token": _token(c)}
        )
    assert response.status_code == 500
    assert response.json()["message"].startswith("内部错误 (internal error)：RuntimeError")
    assert "Traceback" not in response.text and "a defect" not in response.text
    _assert_headers(response)
