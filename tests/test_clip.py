"""Clip notes: both formats, sections kept apart, platform from the URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.parsers import parse_bytes, sniff
from ingest.parsers.clip import detect_platform, parse_clip_note
from ingest.parsers.urls import weibo_bid_to_mid
from schemas.document import ParseError

FIX = Path(__file__).parent / "fixtures" / "notes"
SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def test_front_matter_note_keeps_sections_apart() -> None:
    doc = parse_clip_note((FIX / "frontmatter.md").read_bytes(), "frontmatter.md")
    assert doc.title == "即梦3.0 上手"
    assert doc.author == "测试作者"
    assert doc.platform == "wechat"
    assert doc.published_at is not None and doc.published_at.isoformat() == "2025-04-02T00:00:00+08:00"
    assert doc.text == "即梦3.0今天上线。\n\n一条5秒视频要10积分。"
    assert doc.summary == "即梦3.0比上一代快。"
    assert doc.images == ["https://example.com/a.png"]
    assert doc.metadata["来源"] == "微信公众号"
    assert doc.via == "clip"


def test_header_note_reads_html_body_and_ignores_wrong_metadata() -> None:
    doc = parse_clip_note((FIX / "header.md").read_bytes(), "header.md")
    assert doc.platform == "weibo"  # from the URL, although 来源 says ArXiv
    assert doc.id == weibo_bid_to_mid("AbCdEf123") == "3627685263578891"  # the key the API gives it
    assert doc.title == "一条微博的标题..."
    assert doc.text == "#话题#\n\n第一段，可灵很稳。\n\n第二段"
    assert "视频无法显示" not in doc.text
    assert doc.summary == "摘要一句话。"
    assert doc.metadata == {"来源": "ArXiv", "类型": "论文"}
    assert doc.images == ["https://example.com/x.jpg"]


def test_broken_front_matter_is_a_one_line_parse_error() -> None:
    with pytest.raises(ParseError) as err:
        parse_clip_note((FIX / "broken_frontmatter.md").read_bytes(), "broken.md")
    assert "front matter" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://weibo.com/6105753431/PueqV9qb2", "weibo"),
        ("https://m.weibo.cn/status/4645748019299849", "weibo"),
        ("https://mp.weixin.qq.com/s/abc", "wechat"),
        ("https://example.com/x", "web"),
        (None, "clip"),
    ],
)
def test_platform_comes_from_url(url: str | None, platform: str) -> None:
    assert detect_platform(url) == platform


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'{"ok":1}', "weibo"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b"<!DOCTYPE html><html><body></body></html>", "wechat"),
        (b"---\ntitle: x\n---\n", "clip"),
        (b"# title\n\n**URL**: https://x\n", "clip"),
        (b"just some words", "text"),
    ],
)
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_seeds_parse_into_sections() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repo")
    weibo = parse_bytes((SEEDS / "000_1306785acce49334.txt").read_bytes(), "000.txt")[0]
    assert weibo.platform == "weibo"
    assert "5秒20灵感值" in weibo.text and "约2元" not in weibo.text
    assert weibo.summary and "约2元" in weibo.summary
    assert weibo.metadata.get("来源") == "ArXiv"
    wechat = parse_bytes((SEEDS / "001_95cc1d805beed88a.txt").read_bytes(), "001.txt")[0]
    assert wechat.platform == "wechat"
    assert wechat.author == "数字生命卡兹克"
    assert "10灵感值，等于1块钱" in wechat.text
    assert wechat.summary and "一句话总结" in wechat.summary
    assert "一句话总结" not in wechat.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_clip_parser_on_arbitrary_bytes(data: bytes) -> None:
    try:
        doc = parse_clip_note(data, "x.md")
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(doc.text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_clip_parser_on_arbitrary_text(text: str) -> None:
    for prefix in ("", "---\n", "# t\n\n**URL**: https://weibo.com/1/2\n\n## 原始摘要\n\n"):
        try:
            doc = parse_clip_note((prefix + text).encode("utf-8"), "x.md")
        except ParseError as exc:
            assert "\n" not in str(exc)
        else:
            assert doc.platform in {"clip", "weibo", "wechat", "web"}


NOTE_DATES = [
    # (front matter lines, metadata list lines, URL, published_at)
    ("发布日期: 2025-05-29\n", "", "https://example.com/a", "2025-05-29T00:00:00+08:00"),
    ("", "- **发布日期**: 2025年5月29日\n", "https://example.com/a", "2025-05-29T00:00:00+08:00"),
    ("date: 2025/05/29 10:30\n", "", "https://example.com/a", "2025-05-29T10:30:00+08:00"),
    # no publication date: a Weibo post's own time from its id, else when the note was saved
    (
        "",
        "- **保存时间**: 2025-05-31T07:02:57Z\n",
        "https://weibo.com/1/5050015991063104",
        "2024-06-27T23:11:40+08:00",
    ),
    ("", "- **保存时间**: 2025-05-31T07:02:57Z\n", "https://example.com/a", "2025-05-31T15:02:57+08:00"),
    ("保存时间: 2025-05-31 08:00\n", "", "https://example.com/a", "2025-05-31T08:00:00+08:00"),
    ("", "- **来源**: 网页\n", "https://example.com/a", None),
]


@pytest.mark.parametrize(("front", "meta", "url", "want"), NOTE_DATES)
def test_a_notes_own_dates_date_it(front: str, meta: str, url: str, want: str | None) -> None:
    head = f"---\ntitle: 可灵实测\n原文链接: {url}\n{front}---\n\n"
    note = f"{head}## 正文\n\n可灵 2.1 更稳。\n\n## 元数据\n\n{meta}"
    doc = parse_clip_note(note.encode(), "note.md")
    assert (doc.published_at.isoformat() if doc.published_at else None) == want
    assert doc.text == "可灵 2.1 更稳。"


ARTICLE_HEADINGS = [
    # (note after the front matter, body text wanted, summary wanted); a heading keeps its mark
    (
        "## 正文\n\n开头一段。\n\n# 一、画质\n\n画面很稳。\n\n## 二、价格\n\n一条5秒视频要10积分。\n",
        "开头一段。\n\n# 一、画质\n\n画面很稳。\n\n## 二、价格\n\n一条5秒视频要10积分。",
        None,
    ),
    ("## 正文\n\n# 实测\n\n只有标题下的内容。\n", "# 实测\n\n只有标题下的内容。", None),
    (
        "## 摘要\n\n概要。\n\n## 要点\n\n第二段概要。\n\n"
        "## 正文\n\n正文一段。\n\n## 关联主题\n\n- [[标签]]\n",
        "正文一段。",
        "概要。\n\n## 要点\n\n第二段概要。",
    ),
]


@pytest.mark.parametrize(("note", "text", "summary"), ARTICLE_HEADINGS)
def test_an_articles_own_headings_stay_in_their_section(note: str, text: str, summary: str | None) -> None:
    data = ("---\ntitle: 标题\n原文链接: https://example.com/a\n---\n" + note).encode()
    doc = parse_clip_note(data, "note.md")
    assert doc.text == text
    assert doc.summary == summary


@pytest.mark.parametrize("heading", ["总结", "總結", "Summary", "TL;DR"])
def test_a_conclusion_heading_inside_the_article_stays_article(heading: str) -> None:
    note = (
        "---\ntitle: t\n---\n\n## 摘要\n\n剪藏工具的摘要。\n\n## 正文\n\n第一段。\n\n"
        f"## {heading}\n\n作者自己的结论。\n"
    )
    doc = parse_clip_note(note.encode(), "n.md")
    assert doc.summary == "剪藏工具的摘要。"
    assert "作者自己的结论。" in doc.text and doc.text.startswith("第一段。")


def test_a_summary_heading_before_the_article_is_the_clipper_s() -> None:
    note = "---\ntitle: t\n---\n\n## 总结\n\n剪藏工具的总结。\n\n## 正文\n\n第一段。\n"
    doc = parse_clip_note(note.encode(), "n.md")
    assert (doc.summary, doc.text) == ("剪藏工具的总结。", "第一段。")
