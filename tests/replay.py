"""A real HTTP server on 127.0.0.1 that replays recorded responses, with scriptable faults.

Routes map (method, path, query) to a list of ``Reply`` objects served in
order (the last one repeats), so "two 503s then the page" is
``server.add("/feed", Reply(503), Reply(503), Reply(body_file="feed/a.xml"))``.
The newest matching route wins, so a test can override a route by adding it
again. Bodies come from ``tests/fixtures/replay/`` (``body_file``) or inline;
``{{base}}`` in a body or header becomes the server's own URL. A server can
listen on any loopback address (``host="127.0.0.2"``), so that a test can
serve two sites from two hosts, with cookies that do not cross between them. A reply with an
ETag / Last-Modified answers a matching If-None-Match / If-Modified-Since with
304. Every request is recorded (``server.requests``) with its headers.

Faults: ``delay`` (seconds before answering), ``fault="reset"`` (RST, no
answer), ``fault="close"`` (FIN, no answer), ``fault="truncate"`` (a
Content-Length larger than the body, then close). Redirect loops, 418/432,
captcha JSON or GBK pages are plain replies.

Use the ``replay`` fixture (and ``no_internet``) from any test module by importing them:
``from tests.replay import Reply, ReplayServer, no_internet, replay_fixture  # noqa: F401``
(``replay_fixture`` registers the fixture named ``replay``).
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "replay"
Fault = Literal["reset", "close", "truncate"]


@dataclass
class Reply:
    """One recorded (or scripted) response."""

    status: int = 200
    body: bytes | str = b""
    body_file: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    encoding: str = "utf-8"
    delay: float = 0.0
    fault: Fault | None = None

    def render(self, base: str, fixtures: Path) -> tuple[bytes, dict[str, str]]:
        if self.body_file is not None:
            raw = (fixtures / self.body_file).read_bytes()
            if b"{{base}}" in raw:
                raw = raw.replace(b"{{base}}", base.encode())
            body = raw
        elif isinstance(self.body, str):
            body = self.body.replace("{{base}}", base).encode(self.encoding)
        else:
            body = self.body.replace(b"{{base}}", base.encode())
        headers = {k: v.replace("{{base}}", base) for k, v in self.headers.items()}
        if self.content_type:
            headers["Content-Type"] = self.content_type
        elif not any(k.lower() == "content-type" for k in headers) and body:
            headers["Content-Type"] = _guess_type(self.body_file or "")
        return body, headers

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reply:
        return cls(**data)


def _guess_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/json; charset=utf-8"
    if name.endswith(".xml"):
        return "application/rss+xml; charset=utf-8"
    if name.endswith((".html", ".htm")):
        return "text/html; charset=utf-8"
    return "text/plain; charset=utf-8"


@dataclass
class Route:
    method: str
    path: str
    query: dict[str, str] | None
    replies: list[Reply]
    require_headers: dict[str, str] = field(default_factory=dict)
    served: int = 0

    def matches(self, method: str, path: str, query: dict[str, str], headers: dict[str, str]) -> bool:
        if method != self.method or path != self.path:
            return False
        if self.query is not None:
            if set(self.query) != set(query):
                return False
            if any(v != "*" and query[k] != v for k, v in self.query.items()):
                return False
        return all(sub in headers.get(name.lower(), "") for name, sub in self.require_headers.items())

    def next_reply(self) -> Reply:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    status: int | None = None

    @property
    def target(self) -> str:
        return self.path + ("?" + "&".join(f"{k}={v}" for k, v in self.query.items()) if self.query else "")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stalls
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.replay.handle(self)

    do_POST = do_HEAD = do_PUT = do_DELETE = do_GET


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    replay: ReplayServer


class ReplayServer:
    """Start with ``with ReplayServer() as s:`` (or the ``replay`` fixture)."""

    def __init__(self, fixtures: Path = FIXTURES, host: str = "127.0.0.1") -> None:
        """``host``: any loopback address (127.0.0.0/8), so that two servers are two sites."""
        self.fixtures = fixtures
        self.routes: list[Route] = []
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._server = _Server((host, 0), _Handler)
        self._server.replay = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="replay", daemon=True
        )

    # lifecycle -----------------------------------------------------------
    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    # routes --------------------------------------------------------------
    def add(
        self,
        path: str,
        *replies: Reply,
        method: str = "GET",
        query: dict[str, str] | None = None,
        require_headers: dict[str, str] | None = None,
    ) -> Route:
        """Route ``method path`` (``query`` exact, '*' = any value; None = any query) to ``replies``."""
        route = Route(method.upper(), path, query, list(replies) or [Reply()], dict(require_headers or {}))
        with self._lock:
            self.routes.append(route)
        return route

    def load(self, cassette: str) -> None:
        """Add the routes of a JSON cassette in the fixtures folder."""
        data = json.loads((self.fixtures / cassette).read_text(encoding="utf-8"))
        for r in data["routes"]:
            replies = [Reply.from_json(x) for x in r.get("replies", [])] or [Reply.from_json(r["reply"])]
            self.add(
                r["path"],
                *replies,
                method=r.get("method", "GET"),
                query=r.get("query"),
                require_headers=r.get("require_headers"),
            )

    # request log ---------------------------------------------------------
    def hits(self, path: str | None = None, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r
                for r in self.requests
                if (path is None or r.path == path) and (method is None or r.method == method)
            ]

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()

    # serving ---------------------------------------------------------------
    def _pick(self, rec: Recorded) -> Reply | None:
        with self._lock:
            for route in reversed(self.routes):
                if route.matches(rec.method, rec.path, rec.query, rec.headers):
                    return route.next_reply()
        return None

    def handle(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        body_in = h.rfile.read(length) if length else b""
        rec = Recorded(
            h.command,
            parts.path,
            dict(parse_qsl(parts.query, keep_blank_values=True)),
            {k.lower(): v for k, v in h.headers.items()},
            body_in,
        )
        with self._lock:
            self.requests.append(rec)
        reply = self._pick(rec)
        if reply is None:
            reply = Reply(404, f"no route for {rec.method} {rec.target}", content_type="text/plain")
        if reply.delay:
            time.sleep(reply.delay)
        if reply.fault in ("reset", "close"):
            rec.status = None
            h.close_connection = True
            if reply.fault == "reset":  # linger 0 + close = RST instead of FIN
                h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                h.rfile.close()
                h.connection.close()
            return
        body, headers = reply.render(self.base_url, self.fixtures)
        status = reply.status
        if status == 200 and self._not_modified(rec.headers, headers):
            status, body = 304, b""
            headers = {k: v for k, v in headers.items() if k.lower() in ("etag", "last-modified")}
        rec.status = status
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            if reply.fault == "truncate":
                h.send_header("Content-Length", str(len(body) + 1000))
                h.send_header("Connection", "close")
                h.end_headers()
                h.wfile.write(body[: max(1, len(body) // 2)])
                h.wfile.flush()
                h.close_connection = True
                return
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if h.command != "HEAD":
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    @staticmethod
    def _not_modified(req: dict[str, str], headers: dict[str, str]) -> bool:
        lower = {k.lower(): v for k, v in headers.items()}
        etag, modified = lower.get("etag"), lower.get("last-modified")
        if etag and req.get("if-none-match"):
            return etag in [t.strip() for t in req["if-none-match"].split(",")]
        return bool(modified and req.get("if-modified-since") == modified)


@pytest.fixture(name="replay")
def replay_fixture() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any httpx request that is not for loopback (127.0.0.0/8, localhost, ::1)."""
    real = httpx.HTTPTransport.handle_request

    def guarded(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if not (host.startswith("127.") or host in ("localhost", "::1")):
            raise AssertionError(f"test tried to reach the internet: {request.url}")
        return real(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", guarded)


# helpers for tests that run fetching sources through the pipeline -------------

FAST_HTTP: dict[str, Any] = {
    "timeout_s": 2.0,
    "retries": 2,
    "backoff_s": 0.005,
    "max_backoff_s": 0.02,
    "min_interval_s": 0.0,
    "jitter_s": 0.0,
    "block_backoff_s": 3600.0,
}


NO_PASSPORT = "http://127.0.0.2:9"  # a closed loopback port: no visitor cookie to be had


def make_config(sources: list[dict[str, Any]], **http: Any) -> Any:
    """A validated Config with fast, polite-to-nobody HTTP settings (override with keywords).

    Weibo sources that name no ``visitor_url`` get ``NO_PASSPORT``, so that no test
    asks the real passport host for a visitor cookie.
    """
    from schemas.config import Config

    weibo = ("weibo_user", "weibo_status")
    sources = [{"visitor_url": NO_PASSPORT, **s} if s.get("type") in weibo else s for s in sources]
    return Config.model_validate({"sources": sources, "http": {**FAST_HTTP, **http}})


def run_errors(db: Any, run_id: int | None = None) -> list[dict[str, Any]]:
    sql = "select * from run_errors" + (" where run_id = ?" if run_id is not None else "") + " order by id"
    return list(db.query(sql, [run_id] if run_id is not None else []))


WEIBO_INDEX = "/api/container/getIndex"
WEIBO_POST_PATHS = ("/statuses/show", "/statuses/extend")


def weibo_shape_problems(req: Recorded, base: str) -> list[str]:
    """What is wrong with one request to the m.weibo.cn API (empty: nothing), by the shapes
    of ingest/fetch/shapes.py: RSSHub's apiHeaders and getIndex parameters, post-page Referers."""
    from ingest.fetch.shapes import MOBILE_USER_AGENT

    h = req.headers
    wrong = [
        f"{name}={h.get(name.lower())!r}"
        for name, want in (("MWeibo-Pwa", "1"), ("X-Requested-With", "XMLHttpRequest"))
        if h.get(name.lower()) != want
    ]
    if h.get("user-agent") != MOBILE_USER_AGENT:
        wrong.append(f"user-agent {h.get('user-agent')!r}")
    if req.path == WEIBO_INDEX:
        uid = req.query.get("value", "")
        if req.query.get("type") != "uid" or not uid.isdigit():
            wrong.append(f"getIndex without type=uid&value=<uid>: {req.query}")
        if set(req.query) - {"type", "value", "containerid", "since_id", "page"}:
            wrong.append(f"getIndex with other parameters: {req.query}")
        if h.get("referer") != f"{base}/u/{uid}":
            wrong.append(f"referer {h.get('referer')!r}")
    elif req.path in WEIBO_POST_PATHS and h.get("referer") != f"{base}/status/{req.query.get('id')}":
        wrong.append(f"referer {h.get('referer')!r}")
    return wrong


@pytest.fixture
def server(replay: ReplayServer) -> ReplayServer:
    """The replay server with the recorded answers of every fetching source type."""
    replay.load("all_sources.json")
    return replay


@pytest.fixture
def db(tmp_path: Path) -> Any:
    """A fresh database file (a real file: WAL, locks and raw bytes as in production)."""
    from db import open_db

    return open_db(tmp_path / "t.db")
