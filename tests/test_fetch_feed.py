"""feed through the real pipeline: conditional GETs, WeChat article pages, keywords, fallbacks."""

from __future__ import annotations

from typing import Any

import pytest
from sqlite_utils import Database

from ingest.pipeline import RunSummary, run_sources
from tests.replay import (
    ReplayServer,
    Reply,
    make_config,
    run_errors,
)

pytestmark = pytest.mark.usefixtures("no_internet")

BIZ = "MzA5NjE2MzYxMQ=="
FEED = "/feeds/wechat.xml"


def wx(mid: str, sn: str) -> str:
    return f"https://mp.weixin.qq.com/s?__biz={BIZ}&mid={mid}&idx=1&sn={sn}"


KLING, JIMENG, VIDU = wx("2650000001", "aaaa1111"), wx("2650000002", "bbbb2222"), wx("2650000003", "cccc3333")
BLOG = "https://blog.example.org/posts/kling-vs-hailuo"


def feed(server: ReplayServer, path: str = FEED, **kw: Any) -> dict[str, Any]:
    return {"name": "rss", "type": "feed", "url": server.url(path), "wechat_base_url": server.base_url, **kw}


def run(db: Database, sources: list[dict[str, Any]], **http: Any) -> RunSummary:
    return run_sources(db, make_config(sources, **http), "test")


def docs(db: Database) -> dict[str, dict[str, Any]]:
    return {r["url"]: r for r in db.query("select * from documents")}


def article_hits(server: ReplayServer) -> list[str]:
    return [r.query["mid"] for r in server.hits("/s")]


def test_feed_items_and_full_wechat_articles(db: Database, server: ReplayServer) -> None:
    summary = run(db, [feed(server)])
    assert summary.exit_code == 0, summary.errors
    assert article_hits(server) == ["2650000002", "2650000001"]
    got = docs(db)
    assert set(got) == {BLOG, KLING, JIMENG}
    assert got[BLOG]["platform"] == "feed" and "可灵胜出" in got[BLOG]["text"]
    assert got[KLING]["platform"] == "wechat" and "35 灵感值" in got[KLING]["text"], (
        "full text, not the summary"
    )
    assert "摘要" not in got[JIMENG]["text"]
    assert db["raw"].count == 3


def test_unchanged_feed_is_a_304_and_nothing_new(db: Database, server: ReplayServer) -> None:
    run(db, [feed(server)])
    before = db.execute("select id, content_hash from documents order by id").fetchall()
    server.clear_log()
    second = run(db, [feed(server)])
    assert second.exit_code == 0
    [hit] = server.requests
    assert (hit.path, hit.status, hit.headers["if-none-match"]) == (FEED, 304, '"feed-v1"')
    assert hit.headers["if-modified-since"] == "Fri, 11 Jul 2025 09:00:00 GMT"
    assert second.counts["raw_new"] == 0 and second.counts["documents_new"] == 0
    assert db.execute("select id, content_hash from documents order by id").fetchall() == before


def test_changed_feed_fetches_only_new_articles(db: Database, server: ReplayServer) -> None:
    run(db, [feed(server)])
    kling_text = docs(db)[KLING]["text"]
    server.clear_log()
    server.add(FEED, Reply(body_file="feed/wechat_feed_v2.xml", headers={"ETag": '"feed-v2"'}))
    second = run(db, [feed(server)])
    assert second.exit_code == 0, second.errors
    assert article_hits(server) == ["2650000003"]
    assert second.counts["documents_new"] == 2 and second.counts["documents_changed"] == 0
    got = docs(db)
    assert got[VIDU]["title"] == "Vidu Q1 首尾帧教程" and "https://blog.example.org/posts/weather" in got
    assert got[KLING]["text"] == kling_text, "the stored article is not replaced by its feed summary"


def test_keywords_filter_items_and_articles(db: Database, server: ReplayServer) -> None:
    server.add(FEED, Reply(body_file="feed/wechat_feed_v2.xml"))
    summary = run(db, [feed(server, keywords=["可灵"])])
    assert summary.exit_code == 0
    assert set(docs(db)) == {BLOG, KLING}
    assert len(article_hits(server)) == 3, "articles are fetched to match keywords on their full text"
    server.clear_log()
    run(db, [feed(server, keywords=["可灵"])])
    assert not server.hits("/s"), "articles filtered out are remembered and not fetched again"


def test_blocked_article_falls_back_to_the_feed_text_then_catches_up(
    db: Database, server: ReplayServer
) -> None:
    jimeng_route = {"__biz": BIZ, "mid": "2650000002", "idx": "1", "sn": "bbbb2222"}
    server.add("/s", Reply(body_file="wechat/verify.html"), query=jimeng_route)
    first = run(db, [feed(server)], block_backoff_s=0)
    assert first.exit_code == 1
    [err] = run_errors(db, first.run_id)
    assert err["origin"] == JIMENG and "verification wall" in err["error"] and err["raw_sha256"]
    assert article_hits(server) == ["2650000002"], "no more article requests after the wall"
    got = docs(db)
    assert (
        got[JIMENG]["text"] == "摘要：即梦 3.0 会员" and got[KLING]["text"] == "摘要：可灵 2.1 的价格与画质"
    )
    pending = db.execute("select value from source_state where key = 'pending_articles'").fetchone()[0]
    assert KLING in pending and JIMENG in pending
    server.add("/s", Reply(body_file="wechat/article_jimeng.html"), query=jimeng_route)
    server.clear_log()
    second = run(db, [feed(server)], block_backoff_s=0)
    assert second.exit_code == 0, second.errors
    assert server.hits(FEED)[0].status == 304 and sorted(article_hits(server)) == ["2650000001", "2650000002"]
    assert second.counts["documents_changed"] == 2
    assert "35 灵感值" in docs(db)[KLING]["text"]
    assert db.execute("select value from source_state where key = 'pending_articles'").fetchone()[0] == "[]"


def test_without_fetch_articles_the_feed_text_is_stored(db: Database, server: ReplayServer) -> None:
    summary = run(db, [feed(server, fetch_articles=False)])
    assert summary.exit_code == 0 and not server.hits("/s")
    assert docs(db)[KLING]["text"] == "摘要：可灵 2.1 的价格与画质"


@pytest.mark.parametrize(
    "file,content_type",
    [
        ("feed/blog_feed_gbk_nodecl.xml", "text/html; charset=gbk"),  # wrong type, charset only in the header
        ("feed/blog_feed_gbk.xml", "application/octet-stream"),  # wrong type, charset in the XML declaration
    ],
)
def test_wrong_content_type_and_gbk(db: Database, server: ReplayServer, file: str, content_type: str) -> None:
    server.add("/blog.xml", Reply(body_file=file, content_type=content_type))
    summary = run(db, [feed(server, "/blog.xml")])
    assert summary.exit_code == 0, summary.errors
    assert docs(db)[BLOG]["title"] == "站外长文：可灵与海螺横评"


def test_feed_failures_are_recorded_and_other_sources_run(db: Database, server: ReplayServer) -> None:
    server.add("/down.xml", Reply(503, "maintenance"))
    server.add("/page.html", Reply(body="<html><body>登录</body></html>", content_type="text/html"))
    sources = [
        feed(server, "/down.xml") | {"name": "down"},
        feed(server, "/page.html") | {"name": "html"},
        {"name": "dead", "type": "feed", "url": "http://127.0.0.1:9/feed.xml"},
        feed(server),
    ]
    summary = run(db, sources, retries=1)
    assert summary.failed_sources == ["down", "html", "dead"]
    errors = {e["source"]: e for e in run_errors(db, summary.run_id)}
    assert "HTTP 503" in errors["down"]["error"] and errors["down"]["raw_sha256"]
    assert "cannot parse the feed" in errors["html"]["error"] and errors["html"]["raw_sha256"]
    assert "network error" in errors["dead"]["error"] and errors["dead"]["raw_sha256"] is None
    assert len(server.hits("/down.xml")) == 2
    assert set(docs(db)) == {BLOG, KLING, JIMENG}
