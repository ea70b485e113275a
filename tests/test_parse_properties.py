"""Property tests: whatever bytes the parsers get, they answer or raise ParseError — nothing else.

Inputs: arbitrary bytes, truncated and spliced fixtures (broken HTML, cut JSON,
half feeds), random JSON documents, and odd Unicode dropped into real shapes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ingest.parsers.feed import parse_feed
from ingest.parsers.html_text import html_to_text, js_unescape
from ingest.parsers.urls import (
    normalize_wechat_url,
    wechat_article_id,
    weibo_bid_to_mid,
    weibo_mid_to_bid,
    weibo_post_id,
)
from ingest.parsers.wechat import parse_wechat_article
from ingest.parsers.weibo import (
    parse_weibo_json,
    parse_weibo_long_text,
    weibo_containerid,
    weibo_error,
)
from ingest.parsers.weibo_time import parse_weibo_time
from schemas.document import Document, ParseError

FIX = Path(__file__).parent / "fixtures"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STATUSES = {"ok", "deleted", "removed", "unavailable", "expired", "blocked"}

WECHAT = [p.read_bytes() for p in sorted((FIX / "wechat").glob("*.html"))]
WEIBO = [p.read_bytes() for p in sorted((FIX / "weibo").glob("*.json"))]
FEEDS = [p.read_bytes() for p in sorted((FIX / "feeds").glob("*.xml"))]

# text that stresses decoders: controls, NUL, bidi marks, astral emoji, lone combining marks, CJK
odd_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                "\x00",
                "\u202e",
                "\ufeff",
                "\u200b",
                "😀",
                "\u0301",
                "可灵",
                "<",
                "&",
                "'",
                '"',
                "\\",
                "<br>",
                "</p>",
                "<script>",
                "&amp;",
                "\\x0a",
                "]]>",
            ]
        ),
    ),
    max_size=80,
).map("".join)


def _check(doc: Document) -> None:
    assert doc.status in STATUSES
    assert doc.published_at is None or doc.published_at.utcoffset() is not None
    assert isinstance(doc.text, str) and all(isinstance(i, str) for i in doc.images)


def _answers(call: Callable[[], Any]) -> Any:
    """Run a parser: a result or ParseError are fine; any other exception fails the test."""
    try:
        result = call()
    except ParseError as exc:
        assert str(exc)  # errors name what was wrong
        return None
    for doc in result if isinstance(result, list) else [result]:
        _check(doc)
    return result


def _containerid(data: bytes) -> None:
    try:
        cid = weibo_containerid(data)
    except ParseError:
        return
    assert cid is None or (isinstance(cid, str) and cid != "")


@st.composite
def damaged(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    """A fixture cut short, with a random slice removed, or with junk spliced in."""
    data = draw(st.sampled_from(samples))
    cut = draw(st.integers(0, len(data)))
    how = draw(st.sampled_from(["truncate", "drop", "splice"]))
    if how == "truncate":
        return data[:cut]
    if how == "drop":
        end = draw(st.integers(cut, len(data)))
        return data[:cut] + data[end:]
    return data[:cut] + draw(st.binary(max_size=40)) + data[cut:]


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _answers(lambda: parse_wechat_article(data, "x.html"))
    _answers(lambda: parse_weibo_json(data, "x.json"))
    _answers(lambda: parse_feed(data, "x.xml"))
    try:
        long_text = parse_weibo_long_text(data)
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(long_text, str)  # the text itself, not a Document
    assert weibo_error(data) is None or isinstance(weibo_error(data), str)
    _containerid(data)


@SETTINGS
@given(damaged(WECHAT))
def test_broken_wechat_pages(data: bytes) -> None:
    doc = _answers(lambda: parse_wechat_article(data, "https://mp.weixin.qq.com/s/abc"))
    if doc is not None and doc.status != "ok":
        assert doc.text == ""


@SETTINGS
@given(damaged(WEIBO))
def test_truncated_weibo_json(data: bytes) -> None:
    _answers(lambda: parse_weibo_json(data, "https://m.weibo.cn/statuses/extend?id=5170000000000001"))
    assert weibo_error(data) is None or isinstance(weibo_error(data), str)


@SETTINGS
@given(damaged(FEEDS))
def test_broken_feeds(data: bytes) -> None:
    _answers(lambda: parse_feed(data, "x.xml"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "ok",
                    "msg",
                    "url",
                    "data",
                    "cards",
                    "card_type",
                    "mblog",
                    "card_group",
                    "id",
                    "text",
                    "user",
                    "screen_name",
                    "created_at",
                    "isLongText",
                    "isTop",
                    "title",
                    "retweeted_status",
                    "pics",
                    "pic_ids",
                    "pic_infos",
                    "longTextContent",
                    "isMarkdown",
                    "tabsInfo",
                    "tabs",
                    "tabKey",
                    "containerid",
                    "userInfo",
                    "list",
                    "mblogid",
                    "deleted",
                ]
            )
            | odd_text,
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@SETTINGS
@given(json_values)
def test_random_weibo_shaped_json(value: Any) -> None:
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    _answers(lambda: parse_weibo_json(data, "x.json"))
    try:
        long_text = parse_weibo_long_text(data)
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(long_text, str)  # the text itself, not a Document
    assert weibo_error(data) is None or isinstance(weibo_error(data), str)
    _containerid(data)


@SETTINGS
@given(odd_text, odd_text, odd_text)
def test_odd_unicode_in_real_shapes(title: str, body: str, when: str) -> None:
    esc = json.dumps(title)[1:-1].replace("'", "\\'")
    page = (
        f"<html><head><script>var msg_title = '{esc}'.html(false);\nvar nickname = htmlDecode(\"{esc}\");"
        f'\nvar ct = "{when}";</script></head><body><div id="js_content">{body}</div></body></html>'
    )
    _answers(lambda: parse_wechat_article(page.encode("utf-8"), "https://mp.weixin.qq.com/s/x"))
    mblog = {"id": "1", "text": body, "created_at": when, "user": {"screen_name": title}}
    timeline = json.dumps({"ok": 1, "data": {"cards": [{"card_type": 9, "mblog": mblog}]}}).encode()
    (doc,) = _answers(lambda: parse_weibo_json(timeline, "x.json"))
    assert doc.author == (title or None)
    feed = (
        f"<rss><channel><item><title><![CDATA[{title}]]></title><description><![CDATA[{body}]]></description>"
        f"<pubDate>{when}</pubDate></item></channel></rss>"
    )
    _answers(lambda: parse_feed(feed.encode("utf-8", "surrogatepass"), "x.xml"))


@SETTINGS
@given(odd_text)
def test_text_helpers_never_raise(text: str) -> None:
    out = html_to_text(text)
    assert "<script" not in out.lower() or "<script" in text.lower()
    assert out == out.strip()
    assert isinstance(js_unescape(text), str)
    when = parse_weibo_time(text)
    assert when is None or when.utcoffset() == timedelta(hours=8)


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf")), max_size=40))
def test_plain_words_survive_html_to_text(words: str) -> None:
    """Visible text without markup comes through word for word (format characters are dropped)."""
    clean = " ".join(words.replace("<", " ").replace("&", " ").split())
    assert " ".join(html_to_text(f"<p>{clean}</p>").split()) == " ".join(clean.split())


@SETTINGS
@given(odd_text)
def test_url_helpers_never_raise(url: str) -> None:
    for value in (url, "https://" + url, "https://mp.weixin.qq.com/s?" + url, "https://weibo.com/1/" + url):
        assert isinstance(normalize_wechat_url(value), str)
        assert wechat_article_id(value) is None or isinstance(wechat_article_id(value), str)
        mid = weibo_post_id(value)
        assert mid is None or mid.isdigit()


@SETTINGS
@given(st.integers(min_value=10**13, max_value=10**17 - 1))
def test_mid_bid_roundtrip(number: int) -> None:
    """Every mid of 14-17 digits (Weibo's range) survives mid → bid → mid, also via a post URL."""
    mid = str(number)
    bid = weibo_mid_to_bid(mid)
    assert bid is not None and bid.isalnum() and 8 <= len(bid) <= 10
    assert weibo_bid_to_mid(bid) == mid
    assume(not bid.isdigit())  # an all-digit bid reads as a mid: real bids have letters
    assert weibo_post_id(f"https://weibo.com/123/{bid}") == mid


@pytest.mark.parametrize("data", WECHAT, ids=[p.name for p in sorted((FIX / "wechat").glob("*.html"))])
def test_every_prefix_of_a_wechat_fixture(data: bytes) -> None:
    """Cutting a page anywhere (every 97 bytes) never breaks the parser."""
    for cut in range(0, len(data), 97):
        _answers(partial(parse_wechat_article, data[:cut], "x.html"))
