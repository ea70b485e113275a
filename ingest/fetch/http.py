"""The one place that talks to the network: an httpx client with manners.

* timeouts, and retries with exponential backoff plus jitter on 5xx, 429,
  timeouts and broken connections (never on 4xx such as Weibo's 418/432);
* a per-host minimum interval between requests plus a random jitter
  (``min_interval_s`` + up to ``jitter_s``), shared by every client in the
  process so two sources on one host do not double the rate;
* a plain browser User-Agent, and a ``From`` header when a contact is set;
* an overall deadline per request (``request_deadline_s``, or what is left of
  the run's deadline when that comes first), however slowly a server trickles;
* redirects followed by hand (at most ``MAX_REDIRECTS``, loops named as such)
  so that cookies only ever go to the hosts they are for, and only within the
  site first asked (m.weibo.cn → passport.weibo.com yes; another host, IP or
  port no: that is an error naming the target);
* conditional GETs with the validators a ``HttpValidators`` remembers;
* cookies from the environment: sent as a header, never logged, never put
  in an error message (``ingest.redact``), never written to the database.

Nothing here prompts, and nothing parses: callers get ``Response`` objects. The pace,
retry, deadline and redirect rules themselves are ``http_policy``'s.
"""

from __future__ import annotations

import functools
import logging
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import httpx

from ingest.redact import Redactor, register

from .http_policy import (
    LIMITER,
    RETRY_ERRORS,
    RETRY_STATUSES,
    DeadlinePassed,
    HostLimiter,
    Sleep,
    Watchdog,
    backoff_delay,
    host_of,
    retry_after,
    same_site,
)

if TYPE_CHECKING:
    from ingest.reader import HttpValidators
    from schemas.config import HttpSettings

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
MAX_BODY = 40 * 1024 * 1024


def _default_sleep(seconds: float) -> None:
    time.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for the process (loading the CA bundle costs ~30 ms)."""
    return httpx.create_ssl_context()


class FetchError(Exception):
    """A request that failed for good: one line, cookie values redacted."""

    def __init__(
        self, message: str, *, status: int | None = None, body: bytes = b"", content_type: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = body
        self.content_type = content_type


@dataclass
class Response:
    """A complete answer: final URL after redirects, status, headers and the whole body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    attempts: int = 1

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class HttpClient:
    """One source's HTTP session. Use as a context manager (or call ``close``)."""

    settings: HttpSettings
    cookie: str | None = None
    cookie_hosts: frozenset[str] = frozenset()
    sleep: Sleep | None = None
    limiter: HostLimiter = field(default_factory=lambda: LIMITER)
    rand: Callable[[], float] = random.random
    transport: httpx.BaseTransport | None = None
    redact: Redactor = field(init=False)
    _client: httpx.Client = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.redact = Redactor([self.cookie] if self.cookie else [])
        register(self.cookie)  # for the process-wide redaction of errors, state and logs
        headers = {"User-Agent": self.settings.user_agent, "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.6"}
        if self.settings.contact:
            headers["From"] = self.settings.contact
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout_s),
            headers=headers,
            follow_redirects=False,
            verify=_ssl_context(),
            # a fresh connection per request, so the request deadline always knows its socket
            limits=httpx.Limits(max_keepalive_connections=0),
            transport=self.transport,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    @property
    def jar(self) -> httpx.Cookies:
        """Cookies the servers set during this session (visitor cookies); never persisted."""
        return self._client.cookies

    def _sleep(self, seconds: float) -> None:
        (self.sleep if self.sleep is not None else _default_sleep)(seconds)

    def get(
        self,
        url: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        cache: HttpValidators | None = None,
    ) -> Response:
        """GET with retries; with ``cache``, a conditional GET (304 → ``not_modified``)."""
        if params:
            url = str(httpx.URL(url, params=params))
        extra = dict(headers or {})
        if cache is not None:
            extra.update(conditional_headers(cache, url))
        return self.request("GET", url, headers=extra)

    def post(
        self, url: str, *, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        return self.request("POST", url, data=data, headers=headers)

    def request(
        self,
        method: str,
        url: str,
        *,
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                resp = self._follow(method, url, data, headers or {})
            except RETRY_ERRORS as exc:
                reason = self._describe(exc)
                if attempt == attempts:
                    raise FetchError(f"{reason} for {self.redact(url)} after {attempt} attempt(s)") from None
                delay = backoff_delay(
                    attempt, self.settings.backoff_s, self.settings.max_backoff_s, self.rand
                )
                log.info(
                    "%s for %s; retry %d/%d in %.2fs", reason, self.redact(url), attempt, attempts - 1, delay
                )
                self._sleep(delay)
                continue
            except httpx.HTTPError as exc:
                raise FetchError(f"{self._describe(exc)} for {self.redact(url)}") from None
            resp.attempts = attempt
            if resp.status not in RETRY_STATUSES:
                return resp
            if attempt == attempts:
                raise FetchError(
                    f"HTTP {resp.status} from {self.redact(resp.url)} after {attempt} attempt(s)",
                    status=resp.status,
                    body=resp.body,
                    content_type=resp.content_type,
                )
            delay = backoff_delay(attempt, self.settings.backoff_s, self.settings.max_backoff_s, self.rand)
            wanted = retry_after(resp.headers)
            if wanted is not None:
                delay = min(max(delay, wanted), max(self.settings.max_backoff_s, delay))
            log.info(
                "HTTP %d from %s; retry %d/%d in %.2fs",
                resp.status,
                self.redact(resp.url),
                attempt,
                attempts - 1,
                delay,
            )
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _describe(self, exc: Exception) -> str:
        if isinstance(exc, DeadlinePassed):
            what = str(exc)
        elif isinstance(exc, httpx.TimeoutException):
            what = f"timed out after {self.settings.timeout_s:g}s ({type(exc).__name__})"
        elif isinstance(exc, httpx.RemoteProtocolError):
            what = f"connection broken ({exc})"
        elif isinstance(exc, httpx.NetworkError):
            what = f"network error ({type(exc).__name__}: {exc})"
        else:
            what = f"{type(exc).__name__}: {exc}"
        return self.redact(" ".join(what.split()))

    def _follow(
        self, method: str, url: str, data: dict[str, str] | None, headers: dict[str, str]
    ) -> Response:
        seen: list[str] = []
        for _ in range(MAX_REDIRECTS + 1):
            seen.append(url)
            resp = self._send_once(method, url, data, headers)
            location = resp.headers.get("location")
            if resp.status not in (301, 302, 303, 307, 308) or not location:
                return resp
            nxt = urljoin(resp.url, location)
            if not same_site(seen[0], nxt):
                raise FetchError(
                    f"redirect to another site not followed: {self.redact(nxt)} (from {self.redact(url)})",
                    status=resp.status,
                    body=resp.body,
                    content_type=resp.content_type,
                )
            if nxt in seen:
                raise FetchError(
                    f"redirect loop: {self.redact(nxt)} again (from {self.redact(url)})", status=resp.status
                )
            if resp.status in (301, 302, 303) and method == "POST":
                method, data = "GET", None
            log.debug("redirect %d → %s", resp.status, self.redact(nxt))
            url = nxt
            headers = {
                k: v for k, v in headers.items() if k.lower() not in ("if-none-match", "if-modified-since")
            }
        raise FetchError(f"redirect loop: more than {MAX_REDIRECTS} redirects from {self.redact(seen[0])}")

    def _send_once(
        self, method: str, url: str, data: dict[str, str] | None, headers: dict[str, str]
    ) -> Response:
        host = host_of(url)
        interval = self.settings.min_interval_s + self.rand() * self.settings.jitter_s
        self.limiter.wait(host, interval, self._sleep)
        send_headers = dict(headers)
        if self.cookie and host in self.cookie_hosts:
            send_headers["Cookie"] = self.cookie
        log.debug("%s %s", method, self.redact(url))
        budget, why = self._budget()
        if budget <= 0:
            raise FetchError(f"{why} passed before {self.redact(url)} was requested")
        watch = Watchdog(budget)
        try:
            with (
                watch,
                self._client.stream(
                    method, url, data=data, headers=send_headers, extensions={"trace": watch.trace}
                ) as r,
            ):
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BODY:
                        raise FetchError(f"response from {self.redact(url)} is larger than {MAX_BODY} bytes")
                    chunks.append(chunk)
                    if watch.fired:
                        break
        except httpx.HTTPError:
            if watch.fired:
                raise DeadlinePassed(f"took longer than the {why} ({budget:g}s)") from None
            raise
        if watch.fired:
            raise DeadlinePassed(f"took longer than the {why} ({budget:g}s)")
        return Response(url=str(r.url), status=r.status_code, headers=r.headers, body=b"".join(chunks))

    def _budget(self) -> tuple[float, str]:
        """Seconds this request may take, and which deadline sets them."""
        budget, why = self.settings.request_deadline_s, "request deadline"
        ends = self.settings.run_ends_at
        if ends is not None and ends - time.monotonic() < budget:
            budget, why = round(ends - time.monotonic(), 3), "run deadline"
        return budget, why


def conditional_headers(cache: HttpValidators, url: str) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from what ``cache`` remembers of ``url``."""
    etag, modified = cache.validators(url)
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    return headers


def remember(cache: HttpValidators, url: str, resp: Response) -> None:
    """Keep the validators of a complete answer (call it once its body is stored)."""
    if resp.not_modified or not resp.ok:
        return
    cache.remember(url, resp.headers.get("etag"), resp.headers.get("last-modified"), resp.body, resp.status)
