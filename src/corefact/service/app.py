"""The HTTP API and the web page: ``corefact serve``.

Endpoints: ``POST /v1/explain``, ``POST /v1/ask``, ``POST /v1/verify``, ``POST /v1/render``,
``GET /healthz``, the OpenAPI document at ``/openapi.json``, docs at ``/docs`` and the page at ``/``.

Limits: a request body over ``max_body`` bytes is refused with 413 before it is read whole; work runs
in a pool of ``threads`` threads, at most ``queue`` requests waiting (more → 503 at once); a request
not done within ``timeout`` seconds → 503. The spaCy pipeline is loaded at start-up. Every error is
JSON ``{"error": {"type", "message"}}``, ``type`` being the CLI's error type
(:attr:`corefact.errors.CorefactError.code`); client input never gets a 5xx.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from typing import Literal, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CorefactError, FetchError, ForbiddenURLError, TooLargeError
from ..model import Explainer, VerifyReport
from ..options import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT = 30.0
DEFAULT_THREADS = 2
DEFAULT_QUEUE = 64
STATIC = resources.files("corefact") / "service" / "static"


def error(status: int, type_: str, message: str, headers: Optional[dict] = None) -> JSONResponse:
    return JSONResponse({"error": {"type": type_, "message": " ".join(message.split())}}, status_code=status, headers=headers)


def status_of(exc: CorefactError) -> int:
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, ForbiddenURLError):
        return 403
    if isinstance(exc, FetchError):
        return 422
    return 400


class ServiceError(Exception):
    def __init__(self, status: int, type_: str, message: str):
        super().__init__(message)
        self.status, self.type, self.message = status, type_, message


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Optional[str] = Field(None, description="The article as plain text (a first line 'date YYYY-MM-DD' sets the date).")
    html: Optional[str] = Field(None, description="The article's HTML page.")
    url: Optional[str] = Field(None, description="An http(s) URL to fetch; only when the server runs with --allow-fetch.")

    @model_validator(mode="after")
    def _one_source(self):
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        return self


class ExplainRequest(_Input):
    date: Optional[dt.date] = Field(None, description="Publication date YYYY-MM-DD; overrides the input's.")
    questions: int = Field(6, ge=1, le=30, description="Questions in the FAQ, the core-fact question included.")
    sentences: int = Field(4, ge=1, le=20, description="Sentences in the brief.")


class AskRequest(_Input):
    question: str = Field(min_length=1, max_length=1000, description="The question.")


class AskAnswer(BaseModel):
    question: str
    answered: bool
    answer: Optional[str] = None
    answer_span: Optional[dict] = None
    evidence: Optional[dict] = None


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    original: str = Field(min_length=1, description="The original article (text or HTML).")
    rewrite: str = Field(min_length=1, description="The rewrite to check (text, HTML, or corefact's text layout).")
    date: Optional[dt.date] = None
    strict: bool = Field(False, description="Also require each sentence to keep close to the original's wording.")


class RenderRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    explainer: Explainer
    format: Literal["text", "markdown", "json", "jsonld"] = "text"
    facts: bool = Field(False, description="Include the key-facts block (text and markdown).")


class ErrorBody(BaseModel):
    type: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


ERRORS = {s: {"model": ErrorResponse} for s in (400, 403, 413, 422, 503)}


class BodyLimit:
    """ASGI middleware: refuse a body over ``limit`` bytes with 413, by Content-Length or as it streams."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                return await self._too_large(scope, receive, send)
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        body = bytearray()  # read whole before the app sees it: at most `limit` bytes are held
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                return await self._too_large(scope, receive, send)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope, receive, send):
        await error(413, "too_large", f"request body is over the limit of {self.limit:,} bytes")(scope, receive, send)


_WARM_UP = (
    "The town council of Vell approved a new library on Tuesday, its mayor said. The building will cost "
    "2 million euros and open next spring. \"Readers have waited long enough,\" said Mayor Ana Ruiz."
)


def _warm_up() -> None:
    """Load the spaCy pipeline and every model the explainer uses, before the first request."""
    from ..nlp import load_nlp
    from ..pipeline import explain

    load_nlp()
    explain(_WARM_UP)


def create_app(
    *,
    allow_fetch: bool = False,
    max_body: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    threads: int = DEFAULT_THREADS,
    queue: int = DEFAULT_QUEUE,
    fetch_options: Optional[dict] = None,
) -> FastAPI:
    """The ASGI app. ``fetch_options`` go to :func:`corefact.service.fetch.fetch` (tests pass a
    resolver and transport)."""
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="corefact")
    slots = asyncio.Semaphore(threads + queue)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await asyncio.get_running_loop().run_in_executor(pool, _warm_up)
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="corefact",
        version="0.1.0",
        summary="Grounded explainers of news articles: date, core fact, brief, key facts and FAQ, every sentence traced to the article.",
        lifespan=lifespan,
    )
    app.state.allow_fetch = allow_fetch

    async def run(fn, *args):
        if slots.locked():
            raise ServiceError(503, "busy", "the server is busy; try again shortly")
        async with slots:
            future = asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            try:
                return await asyncio.wait_for(future, timeout)
            except asyncio.TimeoutError:
                raise ServiceError(503, "timeout", f"the request took longer than {timeout:g} s") from None

    def article_of(req: _Input, date: Optional[dt.date] = None):
        from ..ingest import load_article

        if req.url is not None:
            if not allow_fetch:
                raise ServiceError(403, "fetch_disabled", "url input is off on this server (start it with --allow-fetch); send the page as html instead")
            from .fetch import load_url

            return load_url(req.url, max_bytes=max_body, date=date, **(fetch_options or {}))
        source = req.text if req.text is not None else req.html
        return load_article(source, date=date, origin="request", max_bytes=max_body)

    def do_explain(req: ExplainRequest) -> Explainer:
        from ..options import Options
        from ..pipeline import explain

        options = Options(sentences=req.sentences, questions=req.questions, date=req.date, max_bytes=max_body)
        return explain(article_of(req, req.date), options)

    def do_ask(req: AskRequest) -> dict:
        from ..api import ask

        return ask(article_of(req), req.question)

    def do_verify(req: VerifyRequest) -> VerifyReport:
        from ..verification import verify

        for name in ("original", "rewrite"):
            if len(getattr(req, name).encode("utf-8")) > max_body:
                raise TooLargeError(f"{name} is over the limit of {max_body:,} bytes")
        return verify(req.original, req.rewrite, date=req.date, strict=req.strict)

    @app.exception_handler(CorefactError)
    async def _corefact(request: Request, exc: CorefactError):
        return error(status_of(exc), exc.code, str(exc))

    @app.exception_handler(ServiceError)
    async def _service(request: Request, exc: ServiceError):
        return error(exc.status, exc.type, exc.message, {"Retry-After": "1"} if exc.status == 503 else None)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:3]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
        return error(422, "validation", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error(exc.status_code, "http", str(exc.detail))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # a bug of ours, never the client's input
        return error(500, "internal", f"internal error: {type(exc).__name__}")

    @app.post("/v1/explain", response_model=Explainer, responses=ERRORS, summary="Explain one article")
    async def explain_endpoint(req: ExplainRequest):
        """The explainer JSON, as `corefact explain --format json` writes it."""
        result = await run(do_explain, req)
        return Response(result.model_dump_json(), media_type="application/json")

    @app.post("/v1/ask", response_model=AskAnswer, responses=ERRORS, summary="Answer a question from an article")
    async def ask_endpoint(req: AskRequest):
        return await run(do_ask, req)

    @app.post("/v1/verify", response_model=VerifyReport, responses=ERRORS, summary="Check a rewrite against its original")
    async def verify_endpoint(req: VerifyRequest):
        result = await run(do_verify, req)
        return Response(result.model_dump_json(), media_type="application/json")

    @app.post("/v1/render", responses={**ERRORS, 200: {"content": {"text/plain": {}, "application/ld+json": {}}}}, summary="Render an explainer")
    async def render_endpoint(req: RenderRequest):
        """An explainer (from /v1/explain) in the CLI's layouts: `text`, `markdown`, `json` or `jsonld` (schema.org FAQPage)."""
        from ..render import render

        out = render(req.explainer, req.format, facts=req.facts)
        media = {"json": "application/json", "jsonld": "application/ld+json", "markdown": "text/markdown; charset=utf-8"}.get(req.format, "text/plain; charset=utf-8")
        return Response(out, media_type=media)

    @app.get("/healthz", summary="Liveness")
    async def healthz():
        from ..model import SCHEMA_VERSION

        return {"status": "ok", "schema_version": SCHEMA_VERSION, "allow_fetch": allow_fetch}

    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str):
        files = {"app.js": "text/javascript", "app.css": "text/css"}
        if name not in files:
            return error(404, "not_found", f"no static file {name!r}")
        return FileResponse(str(STATIC / name), media_type=files[name])

    app.add_middleware(BodyLimit, limit=max_body)
    return app


def app_from_env() -> FastAPI:
    """The factory ``corefact serve`` gives uvicorn (settings from COREFACT_* variables, so that
    every worker process builds the same app)."""
    env = os.environ
    return create_app(
        allow_fetch=env.get("COREFACT_ALLOW_FETCH") == "1",
        max_body=int(env.get("COREFACT_MAX_BODY", DEFAULT_MAX_BYTES)),
        timeout=float(env.get("COREFACT_TIMEOUT", DEFAULT_TIMEOUT)),
        threads=int(env.get("COREFACT_THREADS", DEFAULT_THREADS)),
        queue=int(env.get("COREFACT_QUEUE", DEFAULT_QUEUE)),
    )
