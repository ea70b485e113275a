"""RSS 2.0, Atom and RDF feeds: one Document per item, platform and id from the item link."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ingest.parsers.feed import parse_feed, parse_feed_time
from schemas.document import Document, ParseError

FIX = Path(__file__).parent / "fixtures" / "feeds"
CST = timezone(timedelta(hours=8))


def items(name: str) -> list[Document]:
    return parse_feed((FIX / name).read_bytes(), f"https://rss.example/{name}")


ITEMS: list[tuple[str, int, dict[str, Any], list[str]]] = [
    (
        "rsshub_weibo.xml",
        0,
        {
            "platform": "weibo",
            "id": "4645748019299849",  # the bid Kjc77D1jz as the numeric mid the API uses
            "url": "https://weibo.com/7000000001/Kjc77D1jz",
            "title": "可灵 2.1 大师版一条 10 秒视频 200 灵感值#可灵#可灵AI",  # no [图片] markers
            "author": "AI视频测评君",
            "published_at": datetime(2025, 7, 4, 15, 51, 28, tzinfo=CST),
            "text": "可灵 2.1 大师版一条 10 秒视频 200 灵感值\n\n#可灵#可灵AI",
            "images": [
                "https://tvax2.sinaimg.cn/large/006testfeed1.jpg",
                "https://tvax2.sinaimg.cn/large/006testfeed2.jpg",
            ],
        },
        [],
    ),
    (
        "rsshub_weibo.xml",
        1,
        {
            "platform": "wechat",
            "id": "MzkwMDAwMDAwMQ==:2247480001:2",
            "url": "https://mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=2247480001&idx=2&sn=0123456789abcdef0123456789abcdef",
            "published_at": datetime(2025, 7, 3, 12, 0, tzinfo=CST),
            "text": "海螺 02 与 Veo 3 对比，结论见原文。",
        },
        [],
    ),
    (
        "rsshub_weibo.xml",
        2,
        {
            "platform": "feed",
            "id": "tag:example.com,2025:42",
            "url": "https://example.com/posts/42",
            "published_at": None,  # "not a date"
            "text": "Plain & simple text, no markup.",
        },
        [],
    ),
    (
        "atom.xml",
        0,
        {
            "platform": "feed",
            "id": "https://example.org/2025/07/sora",
            "url": "https://example.org/2025/07/sora",
            "title": "Sora 开放了吗",
            "author": "周报编辑部",  # the feed's author stands in for the entry's
            "published_at": datetime(2025, 7, 1, 9, 30, tzinfo=CST),
            "images": ["https://example.org/sora.png", "https://example.org/luma.jpg"],
        },
        ["Sora 仍未在国内开放。", "Luma 支持\n首尾帧。"],
    ),
    (
        "atom.xml",
        1,
        {
            "platform": "weibo",
            "author": "小编",
            "published_at": datetime(2025, 7, 1, 7, 0, tzinfo=CST),
            "text": "Pika 加了音效。",
        },
        [],
    ),
    (
        "rdf.xml",
        0,
        {
            "platform": "feed",
            "id": "https://example.net/hunyuan",
            "title": "混元视频开源",
            "author": "RDF 作者",
            "published_at": datetime(2025, 5, 1, 8, 0, tzinfo=CST),  # naive dc:date taken as +08:00
            "text": "混元视频模型开源，支持 720p。",
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "index", "fields", "phrases"), ITEMS, ids=[f"{c[0]}[{c[1]}]" for c in ITEMS]
)
def test_item_fields(name: str, index: int, fields: dict[str, Any], phrases: list[str]) -> None:
    doc = items(name)[index]
    assert doc.via == "feed" and doc.status == "ok"
    for field, want in fields.items():
        assert getattr(doc, field) == want, field
    for phrase in phrases:
        assert phrase in doc.text
    assert "<" not in doc.text


@pytest.mark.parametrize(("name", "count"), [("rsshub_weibo.xml", 3), ("atom.xml", 2), ("rdf.xml", 1)])
def test_item_counts(name: str, count: int) -> None:
    assert len(items(name)) == count


def test_richest_body_wins_over_summary() -> None:
    doc = items("atom.xml")[0]
    assert "短摘要" not in doc.text


def test_feed_without_items_is_an_empty_list() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    assert parse_feed(data, "empty.xml") == []


def test_broken_feed_is_recovered() -> None:
    data = (
        b'<rss version="2.0"><channel><item><title>A &nbsp; B</title>'
        b"<description>Kling 2.5 Turbo</description>"
        b"<link>https://example.com/a</link></item><item><title>unclosed"
    )
    docs = parse_feed(data, "broken.xml")
    assert docs[0].text == "Kling 2.5 Turbo" and docs[0].url == "https://example.com/a"


@pytest.mark.parametrize(
    "data", [b"", b"   ", b"<html><body>hi</body></html>", b"\x00\x01\x02", b"plain words"]
)
def test_non_feeds_raise(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_feed(data, "x.xml")


def test_entities_are_not_expanded() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "EXPANDED">]>'
        b'<rss version="2.0"><channel><item><title>a&x;b</title><link>https://e.com/1</link></item></channel></rss>'
    )
    (doc,) = parse_feed(data, "x.xml")
    assert "EXPANDED" not in (doc.title or "")


TIMES = [
    ("Fri, 04 Jul 2025 07:51:28 GMT", datetime(2025, 7, 4, 15, 51, 28, tzinfo=CST)),
    ("Thu, 03 Jul 2025 12:00:00 +0800", datetime(2025, 7, 3, 12, 0, tzinfo=CST)),
    ("2025-06-30T23:00:00Z", datetime(2025, 7, 1, 7, 0, tzinfo=CST)),
    ("2025-06-30T23:00:00.123-05:00", datetime(2025, 7, 1, 12, 0, tzinfo=CST)),
    ("2025-05-01", datetime(2025, 5, 1, tzinfo=CST)),
    ("2025-13-01T00:00:00Z", None),
    ("yesterday", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "want"), TIMES)
def test_feed_times(text: str, want: datetime | None) -> None:
    assert parse_feed_time(text) == want


def test_wechat_relay_feed_names_the_account_from_its_channel_title() -> None:
    """wechat-feeds style: "<account> | <relay>" titles the channel; items carry no author."""
    docs = items("wechat_relay.xml")
    assert [(d.platform, d.author) for d in docs] == [
        ("wechat", "视频模型观察"),
        ("wechat", "视频模型观察"),
        ("feed", None),  # not the account's article: no author is made up for it
    ]
    assert docs[0].published_at == datetime(2021, 6, 17, 10, 43, 2, tzinfo=CST)


def test_channel_title_without_a_relay_part_names_no_author() -> None:
    data = (FIX / "wechat_relay.xml").read_bytes().replace(b" | wechat-feeds", b"")
    assert {d.author for d in parse_feed(data, "relay.xml")} == {None}


def test_a_wechat_items_links_to_other_articles_are_left_out() -> None:
    related = '<p><a href="https://mp.weixin.qq.com/s/AbCd">可灵、即梦之流洗洗睡吧</a></p>'
    body = f"<p>可灵 2.1 的运镜更稳。</p>{related}"
    item = "<item><title>{t}</title><link>{u}</link><description><![CDATA[{b}]]></description></item>"
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + item.format(t="a", u="https://mp.weixin.qq.com/s/Tok3n", b=body)
        + item.format(t="b", u="https://blog.example/post", b=body)
        + "</channel></rss>"
    ).encode()
    wechat, blog = parse_feed(data, "x.xml")
    assert wechat.platform == "wechat" and wechat.text == "可灵 2.1 的运镜更稳。"
    assert "洗洗睡吧" in blog.text  # another site's page keeps what it links to
