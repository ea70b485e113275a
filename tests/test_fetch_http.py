"""HttpClient against the replay server: retries, timeouts, faults, redirects, rate limit, 304, cookies."""

from __future__ import annotations

import logging

import pytest

from db import open_db
from db.state import HttpCacheTable
from ingest.fetch.http import FetchError, HttpClient, remember
from ingest.fetch.http_policy import HostLimiter, backoff_delay
from schemas.config import HttpSettings
from tests.replay import FAST_HTTP, ReplayServer, Reply, no_internet, replay_fixture  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_internet")

SECRET = "SUB=_2A25secretSUBvalue9; SUBP=0033secretSUBPvalue"


def settings(**kw: object) -> HttpSettings:
    return HttpSettings.model_validate({**FAST_HTTP, **kw})


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(
    server: ReplayServer, sleeps: Sleeps | None = None, cookie: str | None = None, **kw: object
) -> HttpClient:
    return HttpClient(
        settings(**kw),
        cookie=cookie,
        cookie_hosts=frozenset({server.base_url[7:]}),
        sleep=sleeps,
        limiter=HostLimiter(),
        rand=lambda: 1.0,
    )


def test_two_503_then_success_retries_with_growing_backoff(replay: ReplayServer) -> None:
    replay.add("/p", Reply(503), Reply(503, headers={"Retry-After": "0"}), Reply(body="好"))
    sleeps = Sleeps()
    with client(replay, sleeps, retries=3, backoff_s=0.01, max_backoff_s=1.0) as c:
        resp = c.get(replay.url("/p"))
    assert (resp.status, resp.body.decode(), resp.attempts) == (200, "好", 3)
    assert len(replay.hits("/p")) == 3
    assert sleeps == [0.01, 0.02]  # rand=1.0: the top of the jitter range, doubling


def test_backoff_is_capped_and_jittered() -> None:
    assert backoff_delay(10, 1.0, 5.0, lambda: 1.0) == 5.0
    assert backoff_delay(10, 1.0, 5.0, lambda: 0.0) == 2.5
    assert backoff_delay(1, 2.0, 60.0, lambda: 0.5) == 1.5


def test_5xx_for_good_raises_with_the_body_kept(replay: ReplayServer) -> None:
    replay.add("/down", Reply(502, "bad gateway page"))
    with client(replay, Sleeps(), retries=2) as c, pytest.raises(FetchError) as err:
        c.get(replay.url("/down"))
    assert "HTTP 502" in str(err.value) and "after 3 attempt(s)" in str(err.value)
    assert err.value.body == b"bad gateway page" and err.value.status == 502
    assert len(replay.hits("/down")) == 3


@pytest.mark.parametrize("status", [404, 418, 432])
def test_4xx_is_answered_not_retried(replay: ReplayServer, status: int) -> None:
    replay.add("/x", Reply(status, "no"))
    with client(replay, Sleeps()) as c:
        assert c.get(replay.url("/x")).status == status
    assert len(replay.hits("/x")) == 1


def test_timeout_is_retried_then_reported(replay: ReplayServer) -> None:
    replay.add("/slow", Reply(body="late", delay=0.4))
    with client(replay, Sleeps(), timeout_s=0.1, retries=1) as c, pytest.raises(FetchError) as err:
        c.get(replay.url("/slow"))
    assert "timed out after 0.1s" in str(err.value)
    assert len(replay.hits("/slow")) == 2


def test_slow_then_fast_succeeds(replay: ReplayServer) -> None:
    # The fast answer gets a whole second: on a loaded machine 0.1 s was not always enough.
    replay.add("/slow", Reply(body="late", delay=3.0), Reply(body="now"))
    with client(replay, Sleeps(), timeout_s=1.0, retries=1) as c:
        assert c.get(replay.url("/slow")).body == b"now"


@pytest.mark.parametrize("fault", ["reset", "close", "truncate"])
def test_broken_connections_are_retried(replay: ReplayServer, fault: str) -> None:
    replay.add("/f", Reply(body="x" * 500, fault=fault), Reply(body="whole"))  # type: ignore[arg-type]
    with client(replay, Sleeps()) as c:
        assert c.get(replay.url("/f")).body == b"whole"
    assert len(replay.hits("/f")) == 2


def test_truncated_body_for_good_is_an_error(replay: ReplayServer) -> None:
    replay.add("/t", Reply(body="x" * 500, fault="truncate"))
    with client(replay, Sleeps(), retries=1) as c, pytest.raises(FetchError) as err:
        c.get(replay.url("/t"))
    assert "connection broken" in str(err.value) and "expected" in str(err.value)


def test_redirects_are_followed_and_loops_named(replay: ReplayServer) -> None:
    replay.add("/old", Reply(301, headers={"Location": "/new"}))
    replay.add("/new", Reply(body="moved"))
    replay.add("/a", Reply(302, headers={"Location": "{{base}}/b"}))
    replay.add("/b", Reply(302, headers={"Location": "/a"}))
    with client(replay, Sleeps()) as c:
        resp = c.get(replay.url("/old"))
        assert (resp.body, resp.url) == (b"moved", replay.url("/new"))
        with pytest.raises(FetchError, match="redirect loop"):
            c.get(replay.url("/a"))
    assert len(replay.hits("/a")) == 1, "a loop is not retried"


def test_rate_limit_spaces_requests_to_one_host() -> None:
    now = [100.0]
    limiter = HostLimiter(clock=lambda: now[0])
    waits = Sleeps()
    assert limiter.wait("h:1", 2.0, waits) == 0.0
    assert limiter.wait("h:1", 2.0, waits) == 2.0
    assert limiter.wait("other:1", 2.0, waits) == 0.0
    now[0] += 10
    assert limiter.wait("h:1", 2.0, waits) == 0.0
    assert waits == [2.0]


def test_client_waits_between_requests(replay: ReplayServer) -> None:
    replay.add("/r", Reply(body="ok"))
    sleeps = Sleeps()
    with client(replay, sleeps, min_interval_s=5.0) as c:
        c.get(replay.url("/r"))
        c.get(replay.url("/r"))
    assert len(sleeps) == 1 and 4.5 < sleeps[0] <= 5.0


def test_conditional_get_sends_validators_and_gets_304(replay: ReplayServer) -> None:
    db = open_db(":memory:")
    cache = HttpCacheTable(db)
    replay.add(
        "/feed",
        Reply(body="<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Fri, 11 Jul 2025 09:00:00 GMT"}),
    )
    url = replay.url("/feed")
    with client(replay, Sleeps()) as c:
        first = c.get(url, cache=cache)
        remember(cache, url, first)
        second = c.get(url, cache=cache)
    assert first.status == 200 and second.not_modified
    sent = replay.hits("/feed")[1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Fri, 11 Jul 2025 09:00:00 GMT"
    row = cache.get(url)
    assert row is not None and row["etag"] == '"v1"' and row["raw_sha256"] is None  # body not stored by us


def test_user_agent_and_cookie_only_to_its_host(replay: ReplayServer) -> None:
    replay.add("/c", Reply(body="ok"))
    with HttpClient(
        settings(),
        cookie=SECRET,
        cookie_hosts=frozenset({"elsewhere.example"}),
        sleep=Sleeps(),
        limiter=HostLimiter(),
    ) as c:
        c.get(replay.url("/c"))
    with client(replay, Sleeps(), cookie=SECRET) as c:
        c.get(replay.url("/c"))
    first, second = replay.hits("/c")
    assert "cookie" not in first.headers
    assert second.headers["cookie"] == SECRET
    assert second.headers["user-agent"] == HttpSettings().user_agent  # a plain browser's, no tool token


def test_cookie_values_never_in_errors_or_logs(
    replay: ReplayServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    replay.add("/echo", Reply(503))
    # a redirect whose target carries the cookie value must not leak it either
    replay.add("/leak", Reply(302, headers={"Location": "/leak?token=_2A25secretSUBvalue9"}))
    with client(replay, Sleeps(), cookie=SECRET, retries=1) as c:
        with pytest.raises(FetchError) as e1:
            c.get(replay.url("/echo"))
        logged = caplog.text  # (httpx itself logs URLs a server sends, so /leak is checked on our text only)
        with pytest.raises(FetchError) as e2:
            c.get(replay.url("/leak"))
    assert replay.hits("/echo")[0].headers["cookie"] == SECRET
    assert "secret" not in f"{e1.value} {e2.value} {logged}" and "***" in str(e2.value)


def test_unreachable_host_is_a_fetch_error() -> None:
    with (
        HttpClient(settings(retries=1), sleep=Sleeps(), limiter=HostLimiter()) as c,
        pytest.raises(FetchError, match="network error"),
    ):
        c.get("http://127.0.0.1:9/nothing")
