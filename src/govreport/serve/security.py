"""What keeps the form's server safe to leave running: one ASGI middleware.

Every response carries the security headers (a CSP without inline script).
Every request gets a CSRF token: a random value in the cookie ``gr_csrf``
(SameSite=Strict, HttpOnly), which the page repeats (``<meta>`` for the
script's ``X-CSRF-Token`` header, a hidden ``csrf`` field for form posts).  A
POST is refused (403) unless it carries the same value and, when the browser
says where it comes from (Origin, else Referer), comes from this server.  A
body larger than its bound is refused (413) from its Content-Length before a
byte is read, or as soon as the bytes read pass the bound.  A Host that is not
the server's is refused (400): a page of another site whose name was pointed
at 127.0.0.1 (DNS rebinding) cannot read or post anything.

All of it is in one place so no route can forget it: the body of a POST is
read here (bounded), checked, and handed on to the route unchanged.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any, Final
from urllib.parse import urlsplit

import attrs
from starlette.datastructures import Headers
from starlette.requests import Request

from govreport.limits import MAX_SERVE_BODY_BYTES, MAX_SERVE_FIELDS, MAX_SERVE_UPLOAD_BYTES

__all__ = [
    "CSP",
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SECURITY_HEADERS",
    "Guard",
    "ServeSettings",
    "csrf_token",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE: Final = "gr_csrf"
CSRF_HEADER: Final = "x-csrf-token"
CSRF_FIELD: Final = "csrf"
#: Where the token of this request is kept for the page (``request.state``).
_STATE_KEY: Final = "csrf_token"

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: Final = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    # same-origin, not no-referrer: under no-referrer Chromium sends "Origin:
    # null" with the page's own form posts, which the Origin check must refuse;
    # other sites still learn nothing of the page's address.
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cache-control", "no-store"),
)

#: Host names of this machine: the server answers to these when bound to it.
LOCAL_HOSTS: Final = ("127.0.0.1", "localhost", "::1")


@attrs.frozen
class ServeSettings:
    """The server's bounds and whom it answers; the defaults are for 127.0.0.1."""

    #: Host names the server answers to (the Host header, port aside); ``"*"`` any.
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    max_body_bytes: int = MAX_SERVE_BODY_BYTES
    max_upload_bytes: int = MAX_SERVE_UPLOAD_BYTES
    max_fields: int = MAX_SERVE_FIELDS
    #: Paths whose POST is an upload (multipart), held to ``max_upload_bytes``.
    upload_paths: tuple[str, ...] = ("/api/prefill", "/api/template")


def csrf_token(request: Request) -> str:
    """The CSRF token of this request's session, to put in the page."""
    return str(getattr(request.state, _STATE_KEY))


def _refusal(status: int, message: str) -> tuple[int, bytes]:
    return status, json.dumps({"message": message}, ensure_ascii=False).encode("utf-8")


TOO_LARGE: Final = "请求内容过大（上限 {limit}）(request too large)"
FORBIDDEN_TOKEN: Final = (
    "请求缺少有效的安全令牌，请刷新页面后重试 (missing or wrong CSRF token: reload the page)"
)
FORBIDDEN_ORIGIN: Final = "请求来自其他网站，已拒绝 (cross-site request refused)：{origin}"
BAD_HOST: Final = "主机名 {host} 不是本服务的地址，已拒绝 (unknown Host refused)"


def _size(limit: int) -> str:
    return f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit} 字节"


class _TooLarge(Exception):
    pass


class Guard:
    """The ASGI middleware: headers, Host, body size, CSRF and Origin, in that order."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        token = _cookie(headers) or ""
        fresh = not _well_formed(token)
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})[_STATE_KEY] = token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in dict(SECURITY_HEADERS)
                ]
                raw += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
                if fresh:
                    raw.append((b"set-cookie", _set_cookie(token).encode("latin-1")))
                message["headers"] = raw
            await send(message)

        refusal = self._check_host(headers)
        if refusal is None and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            limit = (
                self.settings.max_upload_bytes
                if scope["path"] in self.settings.upload_paths
                else self.settings.max_body_bytes
            )
            refusal = _check_length(headers, limit)
            body = b""
            if refusal is None:
                try:
                    body = await _read_body(receive, limit)
                except _TooLarge:
                    refusal = _refusal(413, TOO_LARGE.format(limit=_size(limit)))
            if refusal is None:
                refusal = _check_origin(headers, scope)
            if refusal is None:
                refusal = await self._check_csrf(scope, headers, body, token, fresh)
            if refusal is None:
                receive = _replay(body)
        if refusal is not None:
            status, payload = refusal
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", b"application/json; charset=utf-8"),
                        (b"content-length", str(len(payload)).encode()),
                        # Whatever the client was still sending is not read.
                        (b"connection", b"close"),
                    ],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": payload})
            return
        await self.app(scope, receive, send_with_headers)

    def _check_host(self, headers: Headers) -> tuple[int, bytes] | None:
        allowed = self.settings.allowed_hosts
        if "*" in allowed:
            return None
        host = _host_name(headers.get("host", ""))
        if host in allowed:
            return None
        return _refusal(400, BAD_HOST.format(host=host[:80] or "（空）"))

    async def _check_csrf(
        self, scope: Scope, headers: Headers, body: bytes, token: str, fresh: bool
    ) -> tuple[int, bytes] | None:
        if fresh:  # no cookie of ours: nothing a request could match
            return _refusal(403, FORBIDDEN_TOKEN)
        given = headers.get(CSRF_HEADER)
        if given is None:
            given = await _form_token(scope, body, self.settings.max_fields)
        if given is None or not hmac.compare_digest(given.encode(), token.encode()):
            return _refusal(403, FORBIDDEN_TOKEN)
        return None


def _well_formed(token: str) -> bool:
    return 32 <= len(token) <= 64 and all(c.isalnum() or c in "-_" for c in token)


def _cookie(headers: Headers) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is no token
        return None
    morsel = jar.get(CSRF_COOKIE)
    return morsel.value if morsel is not None else None


def _set_cookie(token: str) -> str:
    return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"


def _host_name(host: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def _check_length(headers: Headers, limit: int) -> tuple[int, bytes] | None:
    length = headers.get("content-length")
    if length is None:
        return None
    if not length.isdigit():
        return _refusal(400, "请求头 Content-Length 无效 (bad Content-Length)")
    if int(length) > limit:
        return _refusal(413, TOO_LARGE.format(limit=_size(limit)))
    return None


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    """A ``receive`` that gives the route the body read here, then waits for disconnect."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def _check_origin(headers: Headers, scope: Scope) -> tuple[int, bytes] | None:
    """Refuse a POST another site's page made; a request that names no origin passes.

    (Browsers send Origin with every cross-site POST; a client that sends
    neither Origin nor Referer is no browser page, and still needs the token.)
    """
    origin = headers.get("origin")
    if origin is None:
        referer = headers.get("referer")
        if referer is None:
            return None
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    here = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()
    if origin.strip().lower() != here:
        return _refusal(403, FORBIDDEN_ORIGIN.format(origin=origin[:80]))
    return None


async def _form_token(scope: Scope, body: bytes, max_fields: int) -> str | None:
    """The ``csrf`` field of a form post (urlencoded or multipart), if it has one."""
    content_type = Headers(scope=scope).get("content-type", "")
    if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return None
    request = Request(scope, _replay(body))
    try:
        async with request.form(max_fields=max_fields, max_files=4) as form:
            value = form.get(CSRF_FIELD)
            return value if isinstance(value, str) else None
    except Exception:  # malformed: no token found; the route never sees it
        return None
