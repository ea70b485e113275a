"""WeChat article pages: every layout and error state, over fixtures written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ingest.parsers.urls import normalize_wechat_url, wechat_article_id
from ingest.parsers.wechat import parse_wechat_article
from schemas.document import Document, ParseError

FIX = Path(__file__).parent / "fixtures" / "wechat"
CST = timezone(timedelta(hours=8))
CHROME = ("var ", "function(", "微信扫一扫", "window.", "</", "{display")


def parse(name: str, url: str = "") -> Document:
    return parse_wechat_article((FIX / name).read_bytes(), url or str(FIX / name))


OK_PAGES: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "normal_2025.html",
        {
            "platform": "wechat",
            "id": "MzkwMDAwMDAwMQ==:2247480001:2",
            "url": "https://mp.weixin.qq.com/s/TestTok3n_AbCdEf",
            "title": "可灵2.1实测：五秒视频要多少灵感值？",
            "author": "视频模型观察",
            "published_at": datetime(2025, 6, 15, 23, 6, 40, tzinfo=CST),
            "images": [
                "https://mmbiz.qpic.cn/mmbiz_png/testAAA/640?wx_fmt=png&from=appmsg",
                "https://mmbiz.qpic.cn/mmbiz_jpg/testBBB/640?wx_fmt=jpeg",
            ],
        },
        ["可灵 2.1的图生视频", "20 灵感值，\n高品质模式 1080p 要 35 灵感值", "手指偶尔抽搐", "全文完。"],
    ),
    (
        "classic_2018.html",
        {
            "platform": "wechat",
            "id": "MjM5MDAwMDAwMg==:2650000002:1",
            "url": None,  # no msg_link and no sn: nothing to build a URL from
            "title": "“AI 视频”周报 & 速览",
            "author": "老编辑部",
            "published_at": datetime(2018, 4, 6, 6, 56, 20, tzinfo=CST),
            "images": [],
        },
        ["● 海螺 02 发布，支持 1080p。", "| Vidu Q1 | 4 积分 |"],
    ),
    (
        "textshare.html",
        {
            "platform": "wechat",
            "id": "MzkwMDAwMDAwMw==:2247480003:1",
            "url": "https://mp.weixin.qq.com/s/ShareTextTok",
            "title": "即梦和海螺，我选哪个",
            "author": "片场笔记",
            "published_at": datetime(2025, 10, 1, 20, 30, 11, tzinfo=CST),  # ori_create_time, not the minute
        },
        ["用了一周，说结论：\n\n1、即梦出图快", "海螺 02 的物理更稳"],
    ),
    (
        "imageshare.html",
        {
            "platform": "wechat",
            "id": "MzkwMDAwMDAwNA==:2247480004:1",
            "title": "三张图看懂 Seedance 2.0 的镜头运动",
            "author": "镜头语言研究所",
            "published_at": datetime(2025, 9, 20, 11, 56, tzinfo=CST),
            # the two pictures, not their watermarks or share covers
            "images": [
                "https://mmbiz.qpic.cn/mmbiz_png/pic1/0?wx_fmt=png&from=appmsg",
                "https://mmbiz.qpic.cn/mmbiz_png/pic2/0?wx_fmt=png",
            ],
        },
        ["Seedance 2.0 的运镜比上一代自然。\n\n第二张图是推镜头"],
    ),
]


@pytest.mark.parametrize(("name", "fields", "phrases"), OK_PAGES, ids=[c[0] for c in OK_PAGES])
def test_article_fields(name: str, fields: dict[str, Any], phrases: list[str]) -> None:
    doc = parse(name)
    assert doc.status == "ok"
    assert doc.via == "page"
    for field, want in fields.items():
        assert getattr(doc, field) == want, field
    for phrase in phrases:
        assert phrase in doc.text
    assert not [c for c in CHROME if c in doc.text]
    assert doc.published_at is None or doc.published_at.utcoffset() == timedelta(hours=8)


def test_body_ignores_scripts_styles_and_page_chrome() -> None:
    doc = parse("normal_2025.html")
    assert "window.location" not in doc.text and ".x{" not in doc.text
    assert "关注该公众号" not in doc.text  # the QR-code box sits outside #js_content
    assert "微信广告" != doc.author  # the ad script's nick_name is not the account


def test_text_share_drops_profile_and_title_boxes() -> None:
    doc = parse("textshare.html")
    assert doc.text.startswith("用了一周")
    assert "片场笔记" not in doc.text


def test_article_words_about_violations_do_not_change_status() -> None:
    doc = parse("normal_2025.html")
    assert "违规或者被删除" in doc.text
    assert doc.status == "ok"


ERROR_PAGES = [
    ("deleted.html", "deleted"),
    ("violation.html", "removed"),
    ("unavailable.html", "unavailable"),
    ("expired.html", "expired"),
    ("verify.html", "blocked"),
]


@pytest.mark.parametrize(("name", "status"), ERROR_PAGES, ids=[c[0] for c in ERROR_PAGES])
def test_error_pages_give_status_and_no_text(name: str, status: str) -> None:
    doc = parse(name)
    assert (doc.status, doc.text, doc.title, doc.platform) == (status, "", None, "wechat")


def test_error_page_keeps_the_id_of_the_url_it_was_fetched_from() -> None:
    url = "https://mp.weixin.qq.com/s?__biz=MzA5&mid=100&idx=3&sn=ff&chksm=1&scene=27#wechat_redirect"
    doc = parse("deleted.html", url)
    assert doc.status == "deleted"
    assert doc.id == "MzA5:100:3"
    assert doc.url == "https://mp.weixin.qq.com/s?__biz=MzA5&mid=100&idx=3&sn=ff"


def test_given_url_is_normalised_but_page_ids_win() -> None:
    doc = parse("normal_2025.html", "http://mp.weixin.qq.com/s/TestTok3n_AbCdEf?scene=1#rd")
    assert doc.url == "https://mp.weixin.qq.com/s/TestTok3n_AbCdEf"
    assert doc.id == "MzkwMDAwMDAwMQ==:2247480001:2"


def test_plain_html_that_is_not_wechat_is_read_as_a_web_page() -> None:
    page = (
        b"<html><head><title>Blog</title></head><body><nav>Home</nav><article><h1>Pika</h1>"
        b"<p>Pika 2.2 adds <b>sound</b>.</p></article></body></html>"
    )
    doc = parse_wechat_article(page, "https://blog.example.com/pika")
    assert (doc.platform, doc.title, doc.status) == ("web", "Blog", "ok")
    assert doc.text == "Pika\n\nPika 2.2 adds sound."


def test_web_page_words_about_deletion_are_not_a_status() -> None:
    body = "<p>我发的那条 Sora 视频已删除，因为平台说违规。</p>" * 20
    page = f"<html><head><title>博客</title></head><body><article>{body}</article></body></html>".encode()
    doc = parse_wechat_article(page, "https://blog.example.com/sora")
    assert (doc.platform, doc.status) == ("web", "ok")
    assert doc.text.startswith("我发的那条 Sora 视频已删除")


def test_tiny_error_page_without_wechat_markers_is_still_read() -> None:
    page = "<html><head><title>该内容暂时无法查看</title></head><body><p>该内容暂时无法查看</p></body></html>"
    doc = parse_wechat_article(page.encode(), "saved.html")
    assert (doc.platform, doc.status, doc.text) == ("wechat", "unavailable", "")


@pytest.mark.parametrize("data", [b"", b"   \n", 12345])
def test_empty_or_wrong_input_raises_parse_error(data: Any) -> None:
    with pytest.raises(ParseError):
        parse_wechat_article(data, "x.html")


URLS = [
    (
        "http://mp.weixin.qq.com/s?__biz=MzA4ODUzNjAxOA==&mid=2671068104&idx=7&sn=abc&chksm=123&scene=21#wechat_redirect",
        "https://mp.weixin.qq.com/s?__biz=MzA4ODUzNjAxOA==&mid=2671068104&idx=7&sn=abc",
        "MzA4ODUzNjAxOA==:2671068104:7",
    ),
    (
        "https://mp.weixin.qq.com/s?chksm=9&sn=abc&idx=1&mid=22&__biz=QUJD&from=timeline",
        "https://mp.weixin.qq.com/s?__biz=QUJD&mid=22&idx=1&sn=abc",
        "QUJD:22:1",
    ),
    (
        "https://mp.weixin.qq.com/s?__biz=QUJD&amp;mid=22&amp;idx=1&amp;sn=abc",
        "https://mp.weixin.qq.com/s?__biz=QUJD&mid=22&idx=1&sn=abc",
        "QUJD:22:1",
    ),
    (
        "https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw?scene=1#rd",
        "https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw",
        "KDWh_qGpFN5Vu1TR9t30Mw",
    ),
    ("mp.weixin.qq.com/s/Abc-12_x", "https://mp.weixin.qq.com/s/Abc-12_x", "Abc-12_x"),
    ("https://example.com/s?__biz=QUJD&mid=1&idx=1", "https://example.com/s?__biz=QUJD&mid=1&idx=1", None),
]


@pytest.mark.parametrize(("url", "canonical", "article_id"), URLS)
def test_wechat_urls(url: str, canonical: str, article_id: str | None) -> None:
    assert normalize_wechat_url(url) == canonical
    assert wechat_article_id(url) == article_id
    assert normalize_wechat_url(canonical) == canonical  # idempotent


REPRINT_BODY = "<blockquote><p>可灵 2.1 的运镜更稳。</p><p>一条 5 秒视频 20 灵感值。</p></blockquote>"


def _reprint(content: str, cgi_body: str, template: str = "") -> bytes:
    page = (FIX / "reprint.html").read_text(encoding="utf-8")
    js_body = cgi_body.replace("<", "\\x3c").replace(">", "\\x3e").replace('"', "\\x22")
    return (
        page.replace("CONTENT_SLOT", content).replace("CGI_SLOT", js_body).replace("TEMPLATE_SLOT", template)
    ).encode("utf-8")


@pytest.mark.parametrize(
    ("content", "cgi_body", "template"),
    [
        ("", REPRINT_BODY, ""),  # #js_content empty: the body is only in content_noencode
        ("<p>阅读全文</p>", REPRINT_BODY, ""),  # #js_content holds only the 阅读全文 card
        ("", "", f'<script id="content_tpl" type="text/html">{REPRINT_BODY}</script>'),
    ],
    ids=["empty", "card", "template"],
)
def test_reprint_body_comes_from_the_page_data(content: str, cgi_body: str, template: str) -> None:
    doc = parse_wechat_article(_reprint(content, cgi_body, template), "reprint.html")
    assert (doc.status, doc.title, doc.author) == ("ok", "可灵实测（转载）", "转载测试号")
    assert doc.text == "可灵 2.1 的运镜更稳。\n\n一条 5 秒视频 20 灵感值。"
    assert doc.published_at == datetime(2025, 5, 30, 18, 13, 20, tzinfo=CST)


def test_reprint_card_does_not_hide_a_real_article() -> None:
    article = "<p>阅读全文之前先说结论：可灵 2.1 更稳，海螺 02 更快，即梦 3.0 最便宜。</p>" * 3
    doc = parse_wechat_article(_reprint(article, REPRINT_BODY), "reprint.html")
    assert doc.text.startswith("阅读全文之前先说结论") and "运镜更稳" not in doc.text


def test_text_share_2020_takes_the_first_non_empty_content_noencode() -> None:
    doc = parse("textshare_2020.html")
    assert doc.text == "新号开张，老号文章明天迁移过来。\n\n谢谢大家关注"
    assert doc.author == "片场笔记二号"
    assert doc.published_at == datetime(2020, 5, 26, 18, 10, 13, tzinfo=CST)  # ori_create_time's second


def test_image_share_keeps_its_line_breaks_around_inline_links() -> None:
    doc = parse("imageshare_links.html")
    assert doc.text.split("\n") == [
        "三个观察：",
        "",
        "1、可灵 2.1 的运镜更稳，见图2。",
        "2、海螺 02 排队变短。",
        "3、详见上一篇，仅供参考。",
        "图说视频，2025/06/01",
    ]
    assert doc.published_at == datetime(2025, 6, 1, 9, 15, 8, tzinfo=CST)


def test_paragraphs_that_only_link_another_article_are_dropped() -> None:
    body = "<p>可灵 2.1 的运镜更稳，一条 5 秒视频 20 灵感值，排队也不到一分钟。</p>" * 2
    related = (
        '<p><span leaf=""><a class="normal_text_link" href="https://mp.weixin.qq.com/s?__biz=QQ==&amp;mid=1">'
        "可灵、即梦之流洗洗睡吧</a></span></p>"
        '<ul><li><section><span><a href="https://mp.weixin.qq.com/s/AbCd">如何学习剪辑？</a></span></section></li></ul>'
    )
    cited = '<p>详见<a href="https://mp.weixin.qq.com/s/XyZ">上一篇</a>，仅供参考。</p>'
    elsewhere = '<p><a href="https://example.com/post">一篇博客</a></p>'
    doc = parse_wechat_article(_reprint(body + related + cited + elsewhere, REPRINT_BODY), "reprint.html")
    assert "洗洗睡吧" not in doc.text and "如何学习剪辑" not in doc.text
    assert "详见上一篇，仅供参考。" in doc.text and "一篇博客" in doc.text
    assert doc.text.startswith("可灵 2.1 的运镜更稳")
