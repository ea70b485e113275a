"""Weibo API JSON: timelines, profiles, long texts, errors, times and post URLs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ingest.parsers import parse_bytes, sniff
from ingest.parsers.urls import weibo_bid_to_mid, weibo_mid_to_bid, weibo_post_id
from ingest.parsers.weibo import (
    parse_weibo_json,
    parse_weibo_long_text,
    weibo_containerid,
    weibo_error,
)
from ingest.parsers.weibo_time import mid_time, parse_weibo_time
from schemas.document import Document, ParseError

FIX = Path(__file__).parent / "fixtures" / "weibo"
CST = timezone(timedelta(hours=8))
NOW = datetime(2025, 7, 10, 15, 30, 0, tzinfo=CST)


def load(name: str) -> bytes:
    return (FIX / name).read_bytes()


def timeline() -> dict[str, Document]:
    return {d.id or "": d for d in parse_weibo_json(load("timeline.json"), "timeline.json")}


def test_timeline_keeps_card_order_and_only_posts() -> None:
    docs = parse_weibo_json(
        load("timeline.json"), "https://m.weibo.cn/api/container/getIndex?containerid=1076037000000001"
    )
    # card_type 58 and 8 are not posts; the post inside the card_group is
    assert [d.id for d in docs] == [
        "5170000000000001",
        "5170000000000002",
        "5170000000000003",
        "5170000000000004",
    ]
    assert all(d.platform == "weibo" and d.via == "api" and d.author == "AI视频测评君" for d in docs)
    assert all(d.url == f"https://m.weibo.cn/status/{d.id}" for d in docs)


POSTS: list[tuple[str, dict[str, Any]]] = [
    (
        "5170000000000001",
        {
            "pinned": True,
            "truncated": True,
            "repost_of": None,
            "published_at": datetime(2025, 6, 3, 9, 35, 4, tzinfo=CST),
            "images": ["https://wx1.sinaimg.cn/large/006testAly1h00000000001j30u00u0.jpg"],
        },
    ),
    (
        "5170000000000002",
        {
            "pinned": False,
            "truncated": False,
            "repost_of": None,
            "images": [],
            "text": "#可灵# 海螺 02 生成一条 6 秒视频大约 3 分多钟[doge]\n详见 网页链接 & 评论区",
        },
    ),
    (
        "5170000000000003",
        {
            "pinned": False,
            "truncated": False,
            "repost_of": "5169999999999999",
            "text": "转发微博 //@即梦官方:Seedance 2.0 上线了",
        },
    ),
    (
        "5170000000000004",
        {
            "pinned": False,
            "truncated": False,
            "repost_of": None,
            "published_at": datetime(2025, 6, 7, 8, 0, tzinfo=CST),
        },
    ),
]


@pytest.mark.parametrize(("post_id", "fields"), POSTS, ids=[p[0] for p in POSTS])
def test_timeline_post_fields(post_id: str, fields: dict[str, Any]) -> None:
    doc = timeline()[post_id]
    for field, want in fields.items():
        assert getattr(doc, field) == want, field
    assert "<" not in doc.text


def test_truncated_post_loses_its_full_text_link() -> None:
    doc = timeline()["5170000000000001"]
    assert doc.text.endswith("2. 文生视频")
    assert "全文" not in doc.text and "..." not in doc.text


def test_weibo_com_expand_marker_means_truncated() -> None:
    mblog = {
        "idstr": "5170000000000007",
        "text": 'Kling 2.5 Turbo 的价格…<span class="expand">展开</span>',
        "user": {"screen_name": "x"},
        "created_at": "Tue Jun 10 09:00:00 +0800 2025",
    }
    data = json.dumps({"ok": 1, "data": {"list": [mblog]}}).encode()
    (doc,) = parse_weibo_json(data, "https://weibo.com/ajax/statuses/mymblog?uid=1")
    assert (doc.id, doc.truncated, doc.text) == ("5170000000000007", True, "Kling 2.5 Turbo 的价格")


def test_profile_has_no_posts_but_names_the_timeline() -> None:
    assert parse_weibo_json(load("profile.json"), "profile.json") == []
    assert weibo_containerid(load("profile.json")) == "1076037000000001"
    assert weibo_containerid(load("timeline.json")) is None
    user_only = json.dumps({"ok": 1, "data": {"userInfo": {"id": 123456}}}).encode()
    assert weibo_containerid(user_only) == "107603123456"


LONG_TEXTS = [
    (
        "statuses_extend_5170000000000001.json",
        "https://m.weibo.cn/statuses/extend?id=5170000000000001",
        "5170000000000001",
        "1. 图生视频\n2. 文生视频\n3. 运镜控制\n\n结论：@可灵AI 性价比最高[赞]",
    ),
    (
        "statuses_extend_5170000000000001.json",
        "/data/raw/statuses_extend_5170000000000001.json",
        "5170000000000001",
        "3. 运镜控制",
    ),
    (
        "ajax_longtext_plain.json",
        "https://weibo.com/ajax/statuses/longtext?id=Kjc77D1jz",
        "4645748019299849",
        "第一段：Hailuo 02 价格下调 65%。\n\n第二段：Kling 2.5 Turbo 更快。",
    ),
    (
        "ajax_longtext_markdown.json",
        "ajax_longtext_markdown.json",
        None,
        "五款视频模型横评\n\n价格\n\nVeo 3 每秒 0.75 美元，官方定价 为准。",
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "post_id", "phrase"),
    LONG_TEXTS,
    ids=["extend-by-url", "extend-by-file-name", "ajax-plain-by-bid", "ajax-markdown"],
)
def test_long_text_is_one_full_document(name: str, url: str, post_id: str | None, phrase: str) -> None:
    docs = parse_weibo_json(load(name), url)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.platform, doc.id, doc.truncated, doc.status) == ("weibo", post_id, False, "ok")
    assert phrase in doc.text
    assert "<" not in doc.text and "**" not in doc.text and "# " not in doc.text
    assert parse_weibo_long_text(load(name), post_id) == doc.text


def test_markdown_long_text_lists_its_images() -> None:
    doc = parse_weibo_json(load("ajax_longtext_markdown.json"), "x.json")[0]
    assert doc.images == ["https://wx1.sinaimg.cn/large/006testmd01.jpg"]
    assert "引用：Sora 仍未开放" in doc.text and doc.text.endswith("#AI视频##测评#")


def test_bare_status_and_weibo_com_list() -> None:
    (show,) = parse_weibo_json(
        load("status_show.json"), "https://m.weibo.cn/statuses/show?id=5170000000000005"
    )
    assert (show.id, show.text) == ("5170000000000005", "Runway Gen-4 出现物体凭空出现的问题")
    (mine,) = parse_weibo_json(load("ajax_mymblog.json"), "https://weibo.com/ajax/statuses/mymblog?uid=1")
    assert (mine.id, mine.pinned, mine.author) == ("5170000000000006", True, "AI视频测评君")
    assert mine.images == [
        "https://wx1.sinaimg.cn/large/006testpic1.jpg",
        "https://wx1.sinaimg.cn/large/006testpic2.jpg",
    ]


def test_captcha_answer_raises_with_its_reason() -> None:
    reason = weibo_error(load("captcha.json"))
    assert reason is not None and "-100" in reason and "passport.weibo.com" in reason
    with pytest.raises(ParseError, match="passport.weibo.com"):
        parse_weibo_json(load("captcha.json"), "https://m.weibo.cn/api/container/getIndex")


def test_empty_timeline_is_no_posts_not_an_error() -> None:
    assert parse_weibo_json(load("empty.json"), "empty.json") == []
    assert weibo_error(load("empty.json")) == "weibo error (ok 0): 这里还没有内容"


def test_other_errors_raise() -> None:
    assert "请求过于频繁" in (weibo_error(load("rate_limited.json")) or "")
    with pytest.raises(ParseError, match="请求过于频繁"):
        parse_weibo_json(load("rate_limited.json"), "x.json")


def test_deleted_post_answer_gives_a_deleted_document() -> None:
    data = json.dumps({"ok": 0, "msg": "抱歉，此微博已被作者删除"}).encode()
    (doc,) = parse_weibo_json(data, "https://m.weibo.cn/detail/5170000000000009")
    assert (doc.id, doc.status, doc.text) == ("5170000000000009", "deleted", "")


@pytest.mark.parametrize("name", ["timeline.json", "profile.json", "statuses_extend_5170000000000001.json"])
def test_good_answers_are_not_errors(name: str) -> None:
    assert weibo_error(load(name)) is None


@pytest.mark.parametrize("data", [b"[1, 2]", b'"text"', b"{}", b'{"ok": 1, "data": {"x": 1}}', b"{not json"])
def test_unrecognised_json_raises(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_weibo_json(data, "x.json")


TIMES = [
    ("Thu Jun 17 16:00:11 +0800 2021", datetime(2021, 6, 17, 16, 0, 11, tzinfo=CST)),
    ("Thu Jun 17 08:00:11 +0000 2021", datetime(2021, 6, 17, 16, 0, 11, tzinfo=CST)),
    ("刚刚", NOW),
    ("5分钟前", NOW - timedelta(minutes=5)),
    ("3小时前", NOW - timedelta(hours=3)),
    ("昨天 12:00", datetime(2025, 7, 9, 12, 0, tzinfo=CST)),
    ("今天 08:05", datetime(2025, 7, 10, 8, 5, tzinfo=CST)),
    ("06-17", datetime(2025, 6, 17, tzinfo=CST)),
    ("2021-06-17", datetime(2021, 6, 17, tzinfo=CST)),
    ("2021-06-17 09:30", datetime(2021, 6, 17, 9, 30, tzinfo=CST)),
    ("Xyz Foo 99 99:99:99 +0800 2021", None),
    ("13-45", None),
    ("昨天 25:00", None),
    ("", None),
    ("某天", None),
]


@pytest.mark.parametrize(("text", "want"), TIMES)
def test_created_at_forms(text: str, want: datetime | None) -> None:
    got = parse_weibo_time(text, now=NOW)
    assert got == want
    assert got is None or got.utcoffset() == timedelta(hours=8)


POST_URLS = [
    ("https://weibo.com/1935396210/PzxMFDdIO", "5184713499347542"),
    ("https://weibo.com/6279793937/Kjc77D1jz?refer_flag=1001030103_", "4645748019299849"),
    ("https://m.weibo.cn/status/4645748019299849", "4645748019299849"),
    ("https://m.weibo.cn/detail/4645748019299849#comments", "4645748019299849"),
    ("https://m.weibo.cn/status/KktFEsjrO", "4648806186747944"),
    ("https://weibo.com/u/1935396210", None),
    ("https://weibo.com/1935396210/", None),
    ("https://example.com/1935396210/PzxMFDdIO", None),
]


@pytest.mark.parametrize(("url", "mid"), POST_URLS)
def test_weibo_post_id(url: str, mid: str | None) -> None:
    assert weibo_post_id(url) == mid


def test_bid_and_mid_convert_both_ways() -> None:
    assert weibo_bid_to_mid("Kjc77D1jz") == "4645748019299849"
    assert weibo_mid_to_bid("4645748019299849") == "Kjc77D1jz"
    assert weibo_bid_to_mid("not-a-bid") is None and weibo_mid_to_bid("12ab") is None


def test_relative_dates_come_from_the_mid_and_absolute_ones_are_kept() -> None:
    """A page captured long ago: "06-27" and "15小时前" name the post's time only through its mid."""
    docs = {d.id: d for d in parse_weibo_json(load("timeline_relative.json"), "timeline_relative.json")}
    assert docs["5050015991063104"].published_at == datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)
    assert docs["5056467455566400"].published_at == datetime(2024, 7, 15, 18, 27, 29, tzinfo=CST)
    assert docs["5055347005973056"].published_at == datetime(2024, 7, 12, 16, 15, 13, tzinfo=CST)
    assert docs["4874390856655424"].published_at == datetime(2023, 3, 1, 8, 0, 5, tzinfo=CST)


def test_pinned_by_profile_type_id_and_truncated_only_with_a_full_text_link() -> None:
    docs = {d.id: d for d in parse_weibo_json(load("timeline_relative.json"), "timeline_relative.json")}
    assert [i for i, d in docs.items() if d.pinned] == ["5050015991063104"]  # no isTop, proweibotop card
    # isLongText is set on both; only the one ending in a 全文 link is a preview
    assert [i for i, d in docs.items() if d.truncated] == ["5055347005973056"]
    assert docs["5055347005973056"].text == "可灵 2.1 长测第一部分：运镜、光影、人物"


MID_TIMES = [
    # (created_at, mid, want): the mid decides unless created_at is absolute
    ("06-27", "5050015991063104", datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)),
    ("15小时前", "5050015991063104", datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)),
    ("昨天 23:11", "5050015991063104", datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)),
    ("2024-06-27", "5050015991063104", datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)),  # same day: + time
    ("2019-01-02", "5050015991063104", datetime(2019, 1, 2, tzinfo=CST)),  # a dated day is kept
    ("Thu Jun 27 23:11:41 +0800 2024", "5050015991063104", datetime(2024, 6, 27, 23, 11, 41, tzinfo=CST)),
    ("06-27", "not-a-mid", datetime(2025, 6, 27, tzinfo=CST)),  # no mid: as served (NOW's year)
    ("06-27", "123", datetime(2025, 6, 27, tzinfo=CST)),
    ("", "5050015991063104", datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)),
]


@pytest.mark.parametrize(("text", "mid", "want"), MID_TIMES)
def test_created_at_with_the_posts_mid(text: str, mid: str, want: datetime) -> None:
    assert parse_weibo_time(text, now=NOW, mid=mid) == want


def test_mid_time_is_none_for_what_is_not_a_post_mid() -> None:
    assert mid_time("5050015991063104") == datetime(2024, 6, 27, 23, 11, 40, tzinfo=CST)
    assert [mid_time(v) for v in ("", "12", "abc", None, "1" * 25, "0" * 16)] == [None] * 6


def test_detail_page_is_read_as_the_post_it_shows() -> None:
    data = load("detail_page.html")
    assert sniff(data, "detail.html") == "weibo"
    [doc] = parse_bytes(data, "https://m.weibo.cn/detail/4645748019299849")
    assert (doc.platform, doc.id, doc.author) == ("weibo", "4645748019299849", "详情页测评号")
    assert doc.published_at == datetime(2021, 6, 8, 9, 35, 4, tzinfo=CST)  # created_at, not edit_at
    assert doc.text == "可灵 2.1 实测合集\n标准模式 20 灵感值 #可灵#"
    assert not doc.truncated and doc.via == "page"
    assert (
        doc.key() == parse_weibo_json(json.dumps({"ok": 1, "data": _render_status()}).encode(), "s")[0].key()
    )


def _render_status() -> dict[str, Any]:
    text = load("detail_page.html").decode()
    start = text.index("[{", text.index("$render_data"))
    return json.JSONDecoder().raw_decode(text[start:])[0][0]["status"]


@pytest.mark.parametrize(
    "page",
    [
        b'<html><body><script>var $render_data = [{"call": 1}][0] || {};</script></body></html>',
        b"<html><body><script>var $render_data = [{broken</script></body></html>",
    ],
)
def test_detail_page_without_a_status_is_a_one_line_parse_error(page: bytes) -> None:
    with pytest.raises(ParseError) as err:
        parse_bytes(page, "detail.html")
    assert "render_data" in str(err.value) and "\n" not in str(err.value)


def test_complete_status_show_text_is_not_truncated() -> None:
    status = {"id": "4874390856655424", "text": "整条都在这里了。", "isLongText": True, "user": {}}
    [doc] = parse_weibo_json(json.dumps({"ok": 1, "data": status}).encode(), "statuses/show")
    assert not doc.truncated
