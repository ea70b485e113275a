"""One rule names every document: a Weibo post is its numeric mid however it was reached, and an
article page and the feed item linking to it are one document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from ingest.parsers import parse_bytes
from ingest.parsers.feed import parse_feed
from ingest.parsers.urls import platform_id, weibo_bid_to_mid, weibo_mid, weibo_mid_to_bid
from ingest.parsers.wechat import parse_wechat_article
from ingest.pipeline import run_sources
from tests.replay import FIXTURES, ReplayServer, Reply, make_config

pytestmark = pytest.mark.usefixtures("no_internet")

MID = "4900000000000700"
BID = weibo_mid_to_bid(MID)


def status_json(mid: str, text: str) -> bytes:
    data = {
        "ok": 1,
        "data": {
            "id": mid,
            "mid": mid,
            "created_at": "Mon Jul 07 18:30:00 +0800 2025",
            "text": text,
            "user": {"id": 1234567890, "screen_name": "AI视频测评君"},
        },
    }
    return json.dumps(data, ensure_ascii=False).encode()


def clip_note(url: str, text: str) -> bytes:
    return f"---\ntitle: 一条微博\nurl: {url}\n---\n\n{text}\n".encode()


@given(st.integers(min_value=10**15, max_value=10**16 - 1))  # mids are 16 digits
def test_base62_and_mid_round_trip(n: int) -> None:
    mid = str(n)
    bid = weibo_mid_to_bid(mid)
    assert bid is not None and weibo_bid_to_mid(bid) == mid


def test_a_post_named_any_way_has_one_mid() -> None:
    assert BID is not None
    forms = [MID, BID, f"https://weibo.com/1234567890/{BID}", f"https://m.weibo.cn/status/{MID}"]
    forms += [f"https://m.weibo.cn/detail/{BID}", f"https://weibo.com/detail/{MID}?type=comment"]
    assert {weibo_mid(f) for f in forms} == {MID}
    assert platform_id("weibo", own=BID) == platform_id("weibo", f"https://weibo.com/1234567890/{BID}") == MID
    assert platform_id("weibo", "https://weibo.com/u/1234567890") is None, "a profile names no post"


def test_a_clip_note_and_the_api_answer_for_the_same_post_have_one_key() -> None:
    text = "即梦 3.0 会员一个月 69 元。"
    [from_note] = parse_bytes(clip_note(f"https://weibo.com/1234567890/{BID}", text), "note.md")
    [from_api] = parse_bytes(status_json(MID, text), "status.json")
    assert from_note.key() == from_api.key() == f"weibo:{MID}"


def test_a_clip_note_and_the_api_answer_are_stored_once(db: Database, tmp_path: Path) -> None:
    text = "即梦 3.0 会员一个月 69 元，生成一条 5 秒视频大约 1 分钟。"
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "note.md").write_bytes(clip_note(f"https://weibo.com/1234567890/{BID}", text))
    (saved / "status.json").write_bytes(status_json(MID, text))
    source = {"name": "saved", "type": "files", "paths": [str(saved)]}
    summary = run_sources(db, make_config([source]), "test")
    assert summary.exit_code == 0, summary.errors
    assert [r["id"] for r in db.query("select id from documents")] == [f"weibo:{MID}"]


def test_a_feed_item_and_the_article_page_it_links_to_have_one_key() -> None:
    items = parse_feed((FIXTURES / "feed/wechat_feed.xml").read_bytes(), "https://relay.example/wx.xml")
    [item] = [d for d in items if "mid=2650000001" in (d.url or "")]
    assert item.url is not None and item.platform == "wechat"
    page = parse_wechat_article((FIXTURES / "wechat/article_kling.html").read_bytes(), item.url)
    assert page.key() == item.key() == "wechat:MzA5NjE2MzYxMQ==:2650000001:1"


SHORT = "https://mp.weixin.qq.com/s/kling21"
SHORT_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>relay</title>
<item><title>可灵 2.1 深度评测：贵但值</title><description>摘要：可灵 2.1 的价格与画质</description>
<link>{SHORT}</link><pubDate>Tue, 08 Jul 2025 18:40:00 GMT</pubDate></item>
</channel></rss>"""


def test_a_short_link_feed_item_is_superseded_by_its_page(db: Database, server: ReplayServer) -> None:
    """The feed's text is kept while the page is walled, then the page replaces it: one document."""
    server.add("/feeds/short.xml", Reply(body=SHORT_FEED, content_type="application/rss+xml"))
    server.add(
        "/s/kling21", Reply(body_file="wechat/verify.html"), Reply(body_file="wechat/article_kling.html")
    )
    source: dict[str, Any] = {
        "name": "rss",
        "type": "feed",
        "url": server.url("/feeds/short.xml"),
        "wechat_base_url": server.base_url,
    }
    first = run_sources(db, make_config([source], block_backoff_s=0), "test")
    assert first.exit_code == 1
    assert [r["id"] for r in db.query("select id from documents")] == ["wechat:kling21"]
    second = run_sources(db, make_config([source], block_backoff_s=0), "test")
    assert second.exit_code == 0, second.errors
    rows = list(db.query("select id, via, text from documents"))
    assert len(rows) == 1 and rows[0]["via"] == "page" and "35 灵感值" in rows[0]["text"]
    assert rows[0]["id"] == "wechat:MzA5NjE2MzYxMQ==:2650000001:1"
    assert second.counts["documents_superseded"] == 1
    assert not list(db.query("select 1 from claims where document_id = 'wechat:kling21'"))
