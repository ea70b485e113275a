"""Request shapes of the real sites (ingest/fetch/shapes.py) and the pacing, without real waits.

WeChat pages go out as wechat-article-exporter server/utils/proxy-request.ts sends
them: Referer https://mp.weixin.qq.com/, Origin https://mp.weixin.qq.com and a plain
browser User-Agent (a contact goes in From). Pacing defaults to a jittered delay in
the range dataabc/weibo-crawler weibo.py waits per request (8-15 s); the tests inject
the sleep and the random draw, so nothing here waits for real.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlite_utils import Database

from ingest.fetch.http import HttpClient
from ingest.fetch.http_policy import HostLimiter
from ingest.fetch.shapes import (
    WECHAT_HEADERS,
    cookie_value,
    timeline_params,
    visitor_cookies,
    weibo_ajax_headers,
    weibo_api_headers,
)
from ingest.pipeline import run_sources
from schemas.config import Config, HttpSettings
from tests.replay import FAST_HTTP, ReplayServer, Reply, make_config

pytestmark = pytest.mark.usefixtures("no_internet")

KLING = "https://mp.weixin.qq.com/s/kling21"
BIZ = "MzA5NjE2MzYxMQ=="


def _wechat_requests_are_shaped(server: ReplayServer, contact: str | None) -> None:
    pages = server.hits("/s") + server.hits("/s/kling21") + server.hits("/s/jimeng30")
    assert pages
    for req in pages:
        assert req.headers["referer"] == "https://mp.weixin.qq.com/"
        assert req.headers["origin"] == "https://mp.weixin.qq.com"
        assert req.headers["user-agent"] == HttpSettings().user_agent
        assert "pingce" not in req.headers["user-agent"].lower()
        assert req.headers.get("from") == contact


@pytest.mark.parametrize("contact", [None, "ops@example.org"])
def test_wechat_article_pages_go_out_as_a_browser_from_mp_weixin(
    db: Database, server: ReplayServer, contact: str | None
) -> None:
    src = {"name": "wx", "type": "wechat_article", "urls": [KLING], "base_url": server.base_url}
    summary = run_sources(db, make_config([src], contact=contact), "test")
    assert summary.exit_code == 0, summary.errors
    _wechat_requests_are_shaped(server, contact)


def test_feed_article_pages_have_the_same_shape(db: Database, server: ReplayServer) -> None:
    src = {
        "name": "rss",
        "type": "feed",
        "url": server.url("/feeds/wechat.xml"),
        "wechat_base_url": server.base_url,
    }
    summary = run_sources(db, make_config([src]), "test")
    assert summary.exit_code == 0, summary.errors
    assert server.hits("/s")
    _wechat_requests_are_shaped(server, None)


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


@pytest.mark.parametrize(("draw", "want"), [(0.0, 8.0), (0.5, 11.5), (1.0, 15.0)])
def test_default_pacing_is_a_jittered_wait_in_the_peers_range(
    replay: ReplayServer, draw: float, want: float
) -> None:
    """weibo-crawler: random.uniform(8, 15) s per request; ours: 8 s + up to 7 s per host."""
    replay.add("/p", Reply(body="ok"))
    clock = _Clock()
    settings = HttpSettings.model_validate(
        {k: v for k, v in FAST_HTTP.items() if "interval" not in k and k != "jitter_s"}
    )
    assert (settings.min_interval_s, settings.jitter_s) == (8.0, 7.0)
    with HttpClient(settings, sleep=clock.sleep, limiter=HostLimiter(clock), rand=lambda: draw) as c:
        for _ in range(3):
            c.get(replay.url("/p"))
    assert clock.waits == [want, want]  # none before the first request, one before each next one


def test_pacing_is_per_host(replay: ReplayServer) -> None:
    replay.add("/p", Reply(body="ok"))
    clock = _Clock()
    with ReplayServer(host="127.0.0.2") as other:
        other.add("/p", Reply(body="ok"))
        settings = HttpSettings(min_interval_s=8.0, jitter_s=0.0, retries=0)
        with HttpClient(settings, sleep=clock.sleep, limiter=HostLimiter(clock)) as c:
            c.get(replay.url("/p"))
            c.get(other.url("/p"))
            c.get(replay.url("/p"))
    assert clock.waits == [8.0]


def test_pacing_is_set_in_sources_yml() -> None:
    config = Config.model_validate({"sources": [], "http": {"min_interval_s": 3, "jitter_s": 0.5}})
    assert (config.http.min_interval_s, config.http.jitter_s) == (3.0, 0.5)
    with pytest.raises(ValueError, match="jitter_s"):
        Config.model_validate({"sources": [], "http": {"jitter_s": -1}})


def test_weibo_header_sets() -> None:
    api = weibo_api_headers("https://m.weibo.cn/u/1")
    assert api["MWeibo-Pwa"] == "1" and api["X-Requested-With"] == "XMLHttpRequest"
    assert "iPhone" in api["User-Agent"] and api["Referer"] == "https://m.weibo.cn/u/1"
    assert weibo_ajax_headers("https://weibo.com/", "tok")["X-XSRF-TOKEN"] == "tok"
    assert "X-XSRF-TOKEN" not in weibo_ajax_headers("https://weibo.com/", None)
    assert WECHAT_HEADERS == {"Referer": "https://mp.weixin.qq.com/", "Origin": "https://mp.weixin.qq.com"}


def test_timeline_params_as_rsshub_sends_them() -> None:
    assert timeline_params("42") == {"type": "uid", "value": "42"}
    assert timeline_params("42", "10760342", since_id="9") == {
        "type": "uid",
        "value": "42",
        "containerid": "10760342",
        "since_id": "9",
    }


VISITOR_ANSWERS: list[tuple[bytes, list[str], dict[str, Any]]] = [
    (
        b"",
        ["SUB=_2Avisitor; Path=/; Domain=.weibo.com", "SUBP=0033Wr; Path=/"],
        {"SUB": "_2Avisitor", "SUBP": "0033Wr"},
    ),
    (
        b"window.visitor_gray_callback && visitor_gray_callback("
        b'{"retcode":20000000,"data":{"sub":"_2Ab","subp":"00x"}});',
        [],
        {"SUB": "_2Ab", "SUBP": "00x"},
    ),
    (b'visitor_gray_callback({"retcode":50111,"data":{"sub":"_2Ab"}})', [], {}),
    (b"<html>captcha</html>", ["other=1"], {}),
]


@pytest.mark.parametrize(("body", "set_cookie", "want"), VISITOR_ANSWERS)
def test_visitor_cookies_from_a_genvisitor2_answer(
    body: bytes, set_cookie: list[str], want: dict[str, Any]
) -> None:
    assert visitor_cookies(body, set_cookie) == want


def test_cookie_value() -> None:
    assert cookie_value("SUB=a; XSRF-TOKEN=tok; SUBP=b", "XSRF-TOKEN") == "tok"
    assert cookie_value("SUB=a", "XSRF-TOKEN") is None and cookie_value(None, "SUB") is None
