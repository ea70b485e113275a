"""When and where a request may go: the HTTP client's policy (``ingest.fetch.http`` sends).

* a minimum interval between requests to one host (host:port), shared by every
  client of the process (``LIMITER``) so two sources on one host do not double the rate;
* retries with exponential backoff plus jitter (or what ``Retry-After`` asks for) on
  5xx, 429, timeouts and broken connections, never on 4xx such as Weibo's 418/432;
* an overall deadline per request, kept by ``Watchdog`` shutting the socket however
  slowly a server trickles bytes (``DeadlinePassed``, retried like any timeout);
* redirects followed with the source's cookies only within the site first asked
  (``same_site``: m.weibo.cn → passport.weibo.com yes; another host, IP or port no).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import socket
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

Sleep = Callable[[float], None]


class HostLimiter:
    """Minimum interval between requests to one host (host:port), thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float, sleep: Sleep) -> float:
        """Reserve the next slot for ``host``; sleep until it comes; return the wait."""
        if interval <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, 0.0))
            self._next[host] = slot + interval
        delay = slot - now
        if delay > 0:
            log.debug("rate limit: waiting %.2fs for %s", delay, host)
            sleep(delay)
        return delay

    def reset(self) -> None:
        with self._lock:
            self._next.clear()


LIMITER = HostLimiter()


def host_of(url: str) -> str:
    """host[:port] of a URL, lower-cased ('' when it has none)."""
    try:
        return urlsplit(url).netloc.lower().rsplit("@", 1)[-1]
    except ValueError:
        return ""


_SITE_GROUPS = ({"weibo.cn", "weibo.com"},)


def _site(url: str) -> tuple[str, str, int | None] | None:
    """(kind, site, port) of a URL: an IP address or single-label host is its own site; a
    name is its last two labels (m.weibo.cn → weibo.cn), Weibo's two domains one site."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower().rstrip("."), parts.port
    except ValueError:
        return None
    if not host:
        return None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = None if port in (None, default) else port
    if host.replace(".", "").isdigit() or ":" in host or "." not in host:
        return "host", host, port
    site = ".".join(host.split(".")[-2:])
    for group in _SITE_GROUPS:
        if site in group:
            site = min(group)
    return "name", site, port


def same_site(origin: str, target: str) -> bool:
    """Whether a redirect from ``origin`` to ``target`` stays on the source's own site."""
    a, b = _site(origin), _site(target)
    return a is not None and a == b


def backoff_delay(attempt: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    """Delay before retry number ``attempt`` (1-based): exponential, capped, with jitter in [d/2, d]."""
    delay = min(cap, base * (2 ** (attempt - 1)))
    return delay / 2 + rand() * delay / 2


def retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


class DeadlinePassed(httpx.TimeoutException):
    """A request outlived its overall deadline (retried like any timeout)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class Watchdog:
    """Shuts a request's socket once ``seconds`` have passed, however the server trickles bytes.

    httpx's timeouts restart with every byte read; this one does not. The socket
    comes from httpcore's trace hook as the connection is made (connections are
    never reused, so every request makes one).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, name: str, info: dict[str, object]) -> None:
        if name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = getattr(stream, "get_extra_info", lambda _: None)("socket")
            if isinstance(sock, socket.socket):
                with self._lock:
                    self._sockets.append(sock)
                    if self.fired:
                        _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass
