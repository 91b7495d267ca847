"""The HTTP face of claimcheck: the subeditor's page, and an API for a CMS.

    GET  /             the page (static files; it renders the JSON in the browser)
    POST /api/check    {"text", "format", "include_text"} or a multipart file upload -> contract
    GET  /api/rules    the rules in force
    GET  /healthz      ready when the check workers are
    GET  /docs         OpenAPI

Requests never name files: text and uploads are read from the request body only. Every error is
JSON, {"error": "one readable line"}."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path, PurePath
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from claimcheck import __version__
from claimcheck.api import CheckerOptions
from claimcheck.errors import ClaimcheckError
from claimcheck.inputs import kind_of
from claimcheck.rules import load_rules
from claimcheck.serve.workers import Busy, CheckTimeout, Job, WorkerPool
from claimcheck.sources import read_upload

STATIC = resources.files("claimcheck.serve") / "static"
Format = Literal["text", "markdown", "html"]


class Settings(BaseModel):
    syntax: bool = Field(default=False, description="spaCy's parse, as `check --parse`")
    rules: tuple[Path, ...] = Field(default=(), description="user rule folders, as --rules")
    lexicons: tuple[Path, ...] = Field(default=(), description="user lexicons, as --lexicon")
    workers: int = Field(default=2, ge=1)
    max_bytes: int = Field(default=2 * 1024 * 1024, ge=1)
    timeout: float = Field(default=10.0, gt=0, description="seconds a check may take")


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article: plain text, Markdown or HTML.")
    format: Format = "text"
    include_text: bool = Field(
        default=False, description="Add the checked text to the file, for offsets to index."
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    options = CheckerOptions(
        syntax=settings.syntax, extra_lexicons=settings.lexicons, extra_rules=settings.rules
    )
    options.validate()  # a broken rule or lexicon file stops the start, in one coded line
    pool = WorkerPool(settings.workers, options=options, timeout=settings.timeout)
    rules = [rule.model_dump(mode="json") for rule in load_rules(settings.rules)]

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await pool.start()  # the model loads here, once per worker, before the first request
        yield
        await pool.close()

    # FastAPIOffline serves the /docs and /redoc assets itself: FastAPI's own pages load them
    # from a CDN, which a newsroom's closed network (and this one) cannot reach.
    app = FastAPIOffline(title="claimcheck", version=__version__, lifespan=lifespan)
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _first_problem(exc.errors())}, status_code=422)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"))

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        """Ready while a worker is; 'starting' (503) while every worker is being replaced."""
        ready = len(pool.workers)
        body = {"status": "ok" if ready else "starting", "workers": ready, "version": __version__}
        return JSONResponse(body, status_code=200 if ready else 503)

    @app.get("/api/rules")
    async def api_rules() -> list[dict[str, Any]]:
        return rules

    @app.post(
        "/api/check",
        openapi_extra=_CHECK_BODY,
        response_class=Response,
        responses={200: {"description": _CONTRACT, "content": {"application/json": {}}}},
    )
    async def api_check(request: Request) -> Response:
        job = await _job(request, settings.max_bytes)
        try:
            body = await pool.check(job)
        except CheckTimeout as exc:
            raise HTTPException(504, f"the check took over {settings.timeout:g} s") from exc
        except Busy as exc:
            raise HTTPException(503, "every check worker is busy; try again") from exc
        except RuntimeError as exc:
            raise HTTPException(500, f"the check failed: {exc}") from exc
        return Response(body, media_type="application/json")

    return app


async def _job(request: Request, max_bytes: int) -> Job:
    """The text to check, from a JSON body or a multipart upload; its own errors as HTTP 4xx."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("application/json", "multipart/form-data")):
        raise HTTPException(415, "send JSON or a multipart/form-data file upload")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, "a multipart request needs a 'file' field")
        name = PurePath(upload.filename or "upload.txt").name
        try:
            text = read_upload(await upload.read(), name, max_bytes)
        except ClaimcheckError as exc:
            raise HTTPException(422, str(exc)) from exc
        include = str(form.get("include_text", "")).lower() in {"1", "true", "yes", "on"}
        return Job(text, kind_of(name), name, include)
    try:
        body = CheckRequest.model_validate_json(await request.body())
    except ValidationError as exc:
        raise HTTPException(422, _first_problem(exc.errors())) from exc
    if not body.text.strip():
        raise HTTPException(422, "text: empty")
    return Job(body.text, body.format, "-", body.include_text)


def _first_problem(errors: Any) -> str:
    first = errors[0] if errors else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where or 'body'}: {first.get('msg', 'invalid request')}"


_CONTRACT = (
    'The JSON contract, version 1, for one file: {"version": 1, "files": [{"path", "claims", '
    '"findings"}]} (see `claimcheck schema`)'
)
_CHECK_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": CheckRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": ".txt, .md, .html or .docx",
                        },
                        "include_text": {"type": "boolean"},
                    },
                }
            },
        },
    }
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyLimit:
    """Refuses a body over max_bytes with 413, by its declared length or, for a chunked body,
    as the bytes arrive: nothing larger is ever held in memory."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"the request is over the {self.max_bytes:,}-byte limit"

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"error": self._message()}, status_code=413)
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})
