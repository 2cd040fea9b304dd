"""``govreport serve``'s web application: the routes, on Starlette.

Starlette (ASGI, served by uvicorn) is small, typed and well kept, and does
only what this needs: routes, requests, responses, static files and a test
client.  Everything the form does is a thin client of the same
:class:`~govreport.Engine` as the CLI.

Routes (the contract the form's page and script code against; changes are
said here and in the commit message):

- ``GET /`` the form, a new draft; ``GET /drafts/{id}`` a saved draft (404
  for an id this server never makes).
- ``POST /api/check`` ``{"fields": {path: text}}`` → ``{"findings": [...],
  "errors": n, "totals": {path: text}}`` (:mod:`govreport.serve.api`).
- ``GET /api/drafts`` → ``{"drafts": [{"id", "version", "url", "agency",
  "year"}]}``, the newest 50.
- ``POST /api/drafts`` ``{"fields", "version": 0}`` → ``{"id", "version": 1,
  "url"}``: the first save of a new draft (the server makes its id).
  ``POST /api/drafts/{id}`` ``{"fields", "version": n}`` → ``{"version":
  n+1}``, or 409 ``{"message", "version": stored}`` when another tab saved
  since.  ``GET /api/drafts/{id}`` → ``{"fields", "version"}``.
- ``POST /api/preview`` ``{"fields"}`` → the HTML output's ``<article>``
  fragment (errors allowed: a preview), ``text/html``.
- ``POST /download/{fmt}`` (form-encoded fields, ``csrf``; ``?draft=1``) → the
  file, or 400 ``{"message", "findings"}`` when the report has errors and is
  asked for as final.
- ``POST /api/prefill`` multipart ``file`` → ``{"fields", "notes"}``.
- ``POST /api/template`` multipart ``file`` (an agency's .docx) → checked with
  :func:`govreport.check_template` and kept as ``DIR/template.docx`` for the
  docx downloads; ``{"message"}``, or 400 ``{"message", "problems"}``.
- ``/static/…`` the page's script and style sheet.

Every POST needs the CSRF token (:mod:`govreport.serve.security`); every
response has the security headers; the app answers only to the hosts of
:attr:`ServeSettings.allowed_hosts` (a test client: ``base_url="http://127.0.0.1"``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from govreport.errors import GovreportError, UnknownFormatError
from govreport.fileio import atomic_write
from govreport.plugins import Engine, default_engine
from govreport.serve import api, downloads, uploads
from govreport.serve.drafts import DraftNotFoundError, DraftStore, StaleDraftError
from govreport.serve.security import SECURITY_HEADERS, Guard, ServeSettings, csrf_token

__all__ = ["TEMPLATE_NAME", "ServeSettings", "create_app"]

#: The agency's Word template, once uploaded, in the data folder.
TEMPLATE_NAME: Final = "template.docx"
STATIC: Final = Path(__file__).with_name("static")
#: The order downloads are offered in; other installed formats follow.
_FORMAT_ORDER: Final = ("docx", "pdf", "docx-pdf", "html", "txt", "yaml", "xlsx")

log = logging.getLogger(__name__)


@attrs.frozen
class _State:
    data_dir: Path
    engine: Engine
    marked: Engine
    drafts: DraftStore
    settings: ServeSettings
    #: The form model, built on first use (it reads the engine's extensions).
    cache: dict[str, Any] = attrs.field(factory=dict)

    @property
    def template(self) -> Path | None:
        path = self.data_dir / TEMPLATE_NAME
        return path if path.is_file() else None

    def formats(self) -> list[str]:
        installed = downloads.download_formats(self.engine)
        first = [name for name in _FORMAT_ORDER if name in installed]
        return first + sorted(set(installed) - set(first))


def create_app(
    data_dir: Path,
    *,
    engine: Engine | None = None,
    settings: ServeSettings | None = None,
) -> Starlette:
    """The web application over the drafts in ``data_dir`` (made when missing)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    eng = engine if engine is not None else default_engine()
    state = _State(
        data_dir,
        eng,
        downloads.draft_engine(eng),
        DraftStore(data_dir),
        settings or ServeSettings(),
    )
    routes: list[BaseRoute] = [
        Route("/", _page, methods=["GET"]),
        Route("/drafts/{draft_id}", _page, methods=["GET"]),
        Route("/api/check", _check, methods=["POST"]),
        Route("/api/drafts", _drafts, methods=["GET", "POST"]),
        Route("/api/drafts/{draft_id}", _draft, methods=["GET", "POST"]),
        Route("/api/preview", _preview, methods=["POST"]),
        Route("/download/{fmt}", _download, methods=["POST"]),
        Route("/api/prefill", _prefill, methods=["POST"]),
        Route("/api/template", _template, methods=["POST"]),
    ]
    if STATIC.is_dir():
        routes.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, settings=state.settings)],
        exception_handlers={HTTPException: _http_error, Exception: _internal_error},
    )
    app.state.serve = state
    return app


def _state(request: Request) -> _State:
    state = request.app.state.serve
    assert isinstance(state, _State)
    return state


def _message(status: int, message: str, **more: Any) -> JSONResponse:
    return JSONResponse({"message": message, **more}, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {
        404: "未找到 (not found)",
        405: "不支持此请求方法 (method not allowed)",
    }
    text = messages.get(exc.status_code, str(exc.detail))
    return _message(exc.status_code, text)


async def _internal_error(request: Request, exc: Exception) -> Response:
    # A defect of ours: logged with its traceback on the server, one line for the page.
    log.exception("govreport serve: %s %s", request.method, request.url.path)
    response = _message(
        500,
        f"内部错误 (internal error)：{type(exc).__name__}；请查看服务器输出并报告此问题",
    )
    # Starlette answers an unhandled error outside every middleware, the guard's too.
    response.headers.update(dict(SECURITY_HEADERS))
    return response


# ---------------------------------------------------------------- reading requests


async def _json_fields(request: Request) -> tuple[dict[str, str], dict[str, Any]]:
    """``{"fields": {path: text}, ...}`` of a JSON body; 400 when it is not that."""
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "请求内容不是有效的 JSON (invalid JSON)") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "请求内容应为 JSON 对象 (a JSON object expected)")
    return _fields(body.get("fields", {}), _state(request).settings), body


def _fields(raw: object, settings: ServeSettings) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise HTTPException(400, "fields 应为 路径→文字 的对象 (fields: an object of texts)")
    if len(raw) > settings.max_fields:
        raise HTTPException(
            413, f"表单项过多（{len(raw)} 项，上限 {settings.max_fields}）(too many fields)"
        )
    out: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise HTTPException(400, "每个表单项的值应为文字 (every field value must be text)")
        out[key] = value
    return out


def _version(body: Mapping[str, Any]) -> int:
    version = body.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise HTTPException(400, "version 应为不小于 0 的整数 (version: an integer ≥ 0)")
    return version


# ---------------------------------------------------------------- the page


async def _page(request: Request) -> Response:
    state = _state(request)
    draft_id = request.path_params.get("draft_id")
    fields: dict[str, str] = {}
    version = 0
    if draft_id is not None:
        try:
            draft = await run_in_threadpool(state.drafts.load, draft_id)
        except DraftNotFoundError:
            raise HTTPException(404) from None
        fields = _to_fields(state, draft.data)
        version = draft.version
    checked = await run_in_threadpool(api.check_response, state.engine, fields)
    return HTMLResponse(
        _render(state, request, fields, draft_id=draft_id, version=version, checked=checked)
    )


def _to_fields(state: _State, data: Mapping[str, Any]) -> dict[str, str]:
    from govreport.serve.formdata import to_fields

    return to_fields(data, extensions=state.engine.extension_classes())


def _render(
    state: _State,
    request: Request,
    fields: dict[str, str],
    *,
    draft_id: str | None,
    version: int,
    checked: Mapping[str, Any],
) -> str:
    from govreport.serve import form

    context = form.page_context(
        _form(state),
        fields,
        csrf_token(request),
        draft_id,
        version,
        state.formats(),
        findings=checked["findings"],
        totals=checked["totals"],
    )
    return form.render_page(context)


def _form(state: _State) -> Any:
    from govreport.serve import form

    if "form" not in state.cache:
        state.cache["form"] = form.build_form(state.engine)
    return state.cache["form"]


# ---------------------------------------------------------------- the API


async def _check(request: Request) -> Response:
    fields, _ = await _json_fields(request)
    state = _state(request)
    return JSONResponse(await run_in_threadpool(api.check_response, state.engine, fields))


async def _drafts(request: Request) -> Response:
    if request.method == "GET":
        state = _state(request)
        return JSONResponse({"drafts": await run_in_threadpool(_listing, state)})
    fields, body = await _json_fields(request)
    state = _state(request)
    if _version(body) != 0:
        raise HTTPException(400, "新草稿的 version 应为 0 (a new draft starts at version 0)")
    draft_id = state.drafts.new_id()
    version = await run_in_threadpool(_save, state, draft_id, fields, 0)
    return JSONResponse({"id": draft_id, "version": version, "url": f"/drafts/{draft_id}"})


#: Drafts listed by ``GET /api/drafts``, newest first.
MAX_LISTED_DRAFTS: Final = 50


def _listing(state: _State) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for draft_id in state.drafts.ids()[:MAX_LISTED_DRAFTS]:
        try:
            draft = state.drafts.load(draft_id)
        except (GovreportError, DraftNotFoundError, OSError):
            continue  # removed or broken meanwhile: not listed
        agency = draft.data.get("agency")
        name = agency.get("name") if isinstance(agency, Mapping) else None
        out.append(
            {
                "id": draft_id,
                "version": draft.version,
                "url": f"/drafts/{draft_id}",
                "agency": name if isinstance(name, str) else "",
                "year": str(draft.data.get("year", "")),
            }
        )
    return out


async def _draft(request: Request) -> Response:
    state = _state(request)
    draft_id = request.path_params["draft_id"]
    if request.method == "GET":
        try:
            draft = await run_in_threadpool(state.drafts.load, draft_id)
        except DraftNotFoundError:
            raise HTTPException(404) from None
        return JSONResponse({"fields": _to_fields(state, draft.data), "version": draft.version})
    fields, body = await _json_fields(request)
    try:
        state.drafts.path(draft_id)
    except DraftNotFoundError:
        raise HTTPException(404) from None
    try:
        version = await run_in_threadpool(_save, state, draft_id, fields, _version(body))
    except StaleDraftError as exc:
        return _message(
            409,
            "另一个窗口已保存此草稿的较新版本，本次未保存；请复制您的修改，重新打开草稿后再保存 "
            "(another tab saved a newer version: not saved)",
            version=exc.stored,
        )
    return JSONResponse({"version": version})


def _save(state: _State, draft_id: str, fields: Mapping[str, str], version: int) -> int:
    from govreport.serve.formdata import to_data

    data = to_data(fields, extensions=state.engine.extension_classes())
    return state.drafts.save(draft_id, data, version)


async def _preview(request: Request) -> Response:
    fields, _ = await _json_fields(request)
    state = _state(request)

    def render() -> bytes:
        loaded = api.parse_fields(state.engine, fields)
        return state.engine.render(
            loaded.report, "html", options={"fragment": True}, allow_errors=True
        )

    try:
        html = await run_in_threadpool(render)
    except GovreportError as exc:
        return _message(400, f"无法生成预览 (no preview)：{exc}")
    return HTMLResponse(html)


async def _download(request: Request) -> Response:
    state = _state(request)
    fmt = request.path_params["fmt"]
    if fmt not in downloads.download_formats(state.engine):
        raise HTTPException(404)
    async with request.form(max_fields=state.settings.max_fields + 1, max_files=0) as form:
        raw = {k: v for k, v in form.multi_items() if k != "csrf"}
    fields = _fields(raw, state.settings)
    draft = request.query_params.get("draft") == "1"
    try:
        made = await run_in_threadpool(
            downloads.make_download,
            state.engine,
            state.marked,
            fmt,
            fields,
            draft=draft,
            template=state.template,
        )
    except downloads.RefusedAsFinal as exc:
        return _message(
            400,
            f"报告尚有 {sum(f.severity.value == 'error' for f in exc.findings)} 处错误，"
            "不能下载正式文件；改正后重试，或下载草稿 (errors: download a draft instead)",
            findings=[api.finding_json(f) for f in exc.findings],
        )
    except UnknownFormatError:
        raise HTTPException(404) from None
    except GovreportError as exc:
        return _message(400, f"无法生成文件 (cannot render)：{exc}")
    return Response(
        made.data,
        media_type=made.media_type,
        headers={"content-disposition": downloads.content_disposition(made.filename)},
    )


async def _upload(request: Request) -> tuple[str | None, bytes]:
    """The ``file`` of a multipart upload (the request is bounded already)."""
    state = _state(request)
    try:
        async with request.form(max_fields=16, max_files=1) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise HTTPException(400, "请选择要上传的文件 (no file uploaded)")
            return upload.filename, await upload.read(state.settings.max_upload_bytes + 1)
    except HTTPException:
        raise
    except Exception as exc:  # python-multipart's refusals: malformed or too many parts
        raise HTTPException(400, f"上传内容无效 (bad upload)：{exc}") from None


async def _prefill(request: Request) -> Response:
    state = _state(request)
    filename, data = await _upload(request)

    def read() -> tuple[dict[str, str], list[str]]:
        from govreport.serve.prefill import prefill

        suffix = uploads.check_upload(
            filename,
            data,
            uploads.readable_suffixes(state.engine),
            uploads.upload_limit(uploads.suffix_of(filename)),
        )
        return uploads.in_private_dir(
            filename, data, suffix, lambda path: prefill(path, state.engine)
        )

    try:
        fields, notes = await run_in_threadpool(read)
    except uploads.UploadError as exc:
        return _message(exc.status, exc.message)
    return JSONResponse({"fields": fields, "notes": notes})


async def _template(request: Request) -> Response:
    state = _state(request)
    filename, data = await _upload(request)

    def keep() -> list[str]:
        from govreport.outputs.docx.templates import check_template

        suffix = uploads.check_upload(filename, data, (".docx",), uploads.template_limit())
        filters, globals_ = state.engine.template_namespace()
        problems = uploads.in_private_dir(
            filename,
            data,
            suffix,
            lambda path: [
                uploads.as_named(p.message, path, uploads.display_name(filename))
                for p in check_template(path, filters=filters, globals=globals_)
            ],
        )
        if not problems:
            atomic_write(state.data_dir / TEMPLATE_NAME, data)
        return problems

    try:
        problems = await run_in_threadpool(keep)
    except uploads.UploadError as exc:
        return _message(exc.status, exc.message)
    name = uploads.display_name(filename)
    if problems:
        return _message(
            400, f"{name}：模板不能使用，未保存 (template not usable)", problems=problems
        )
    return _message(200, f"{name}：模板已保存，下载 Word 文件时使用 (template kept)")
