"""Clipped Markdown notes: YAML front matter or a ``# title`` + ``**URL**:`` header.

A note keeps three sections apart: the article (正文, or 原始摘要 which holds
the RSSHub HTML of the original post), a clipper's summary (摘要 / AI 摘要) and
metadata. The platform comes from the URL alone: clip metadata is often wrong.

The date: the note's publication date (发布日期, date… in the front matter or the
metadata list), else the post's own time when the URL names a Weibo post (its
mid encodes it), else when the note was saved (保存时间…): a note is never left
undated, to be shown later under the day it happened to be processed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from schemas.document import CST, Document, ParseError

from .charset import to_text
from .html_text import html_to_text, tidy_text
from .urls import platform_id, platform_of
from .weibo_time import mid_time

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Front matter larger than this is refused: it is metadata, and YAML costs far more than its size.
MAX_FRONT_MATTER = 64 * 1024

_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING_MAX = 80  # characters a heading line holds at most
_HEADING_RE = re.compile(r"^(#{1,2})[ \t]+(.+?)[ \t]*$", re.M)
_URL_LINE_RE = re.compile(r"^\*\*URL\*\*[:：]\s*(\S+)", re.M)
_META_ITEM_RE = re.compile(r"^[-*]\s+\*\*(.+?)\*\*[:：]\s*(.*)$", re.M)
_IMAGE_MD_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)")
#: A note is HTML when it holds one of these; line breaks alone (a table cell's <br />) leave it Markdown.
_HTML_TAG_RE = re.compile(r"<(p|div|img|a|span|video)\b", re.I)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
#: A line holding only a tag (<Info>, </Note>): a documentation site's wrapper, no text.
_TAG_LINE_RE = re.compile(r"^[ \t]*</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>[ \t]*$", re.M)

BODY_HEADINGS = ("正文", "原始摘要", "原文", "内容", "全文", "body", "content")
SUMMARY_HEADINGS = ("摘要", "ai 摘要", "ai摘要", "总结", "總結", "summary", "abstract", "tl;dr")
#: Inside the article these head its own conclusion (## 总结 after ## 正文): still the article.
OWN_CONCLUSIONS = ("总结", "總結", "summary", "tl;dr")
META_HEADINGS = ("元数据", "元數據", "metadata", "信息", "資訊")
#: A clipper's link lists after the article: neither article nor summary.
LINK_HEADINGS = (
    "关联主题",
    "關聯主題",
    "相关主题",
    "相关链接",
    "相關連結",
    "标签",
    "標籤",
    "tags",
    "related",
    "links",
)
TITLE_KEYS = ("title", "标题", "標題")
URL_KEYS = ("原文链接", "原文鏈接", "原文連結", "url", "链接", "連結", "source_url", "link")
DATE_KEYS = ("发布日期", "發布日期", "發佈日期", "发布时间", "發布時間", "date", "published", "published_at")
SAVED_KEYS = (
    "保存时间",
    "保存日期",
    "剪藏时间",
    "收藏时间",
    "saved",
    "saved_at",
    "clipped",
    "created",
    "目录日期",
)
AUTHOR_KEYS = ("作者", "author")
_CN_DATE_RE = re.compile(
    r"^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$"
)


def detect_platform(url: str | None) -> str:
    """Name the platform a URL belongs to; 'web' for anything else, 'clip' for none."""
    return (platform_of(url) or "web") if url else "clip"


def tidy(text: str) -> str:
    return tidy_text(text.replace("\r\n", "\n").replace("\xa0", " "))


def _markdown_body(md: str) -> tuple[str, list[str]]:
    if _HTML_TAG_RE.search(md):
        images: list[str] = []
        return html_to_text(md, images=images), images
    if _BR_RE.search(md):
        # a table row stays one line (its cell's break is a space); elsewhere a break is a line
        md = "\n".join(_BR_RE.sub(" " if ln.lstrip().startswith("|") else "\n", ln) for ln in md.split("\n"))
    md = _TAG_LINE_RE.sub("", md)
    return tidy(_IMAGE_MD_RE.sub("", md)), _IMAGE_MD_RE.findall(md)


def _sections(md: str) -> list[tuple[str, str]]:
    """(heading, content) for each ``#``/``##`` heading; text before the first is ''."""
    out: list[tuple[str, str]] = []
    marks = list(_HEADING_RE.finditer(md))
    first = marks[0].start() if marks else len(md)
    out.append(("", md[:first]))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(md)
        out.append((m.group(1) + " " + m.group(2), md[m.end() : end]))
    return out


def _pick(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in meta.items()}
    for key in keys:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=CST)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=CST)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            m = _CN_DATE_RE.match(text)  # 2025年5月29日, 2025/05/29 10:00
            if m is None:
                return None
            try:
                y, mo, d, hh, mi, ss = (int(g or 0) for g in m.groups())
                parsed = dt.datetime(y, mo, d, hh, mi, ss)
            except ValueError:
                return None
        return parsed.astimezone(CST) if parsed.tzinfo else parsed.replace(tzinfo=CST)
    return None


def _note_date(meta: dict[str, Any], metadata: dict[str, str], url: str | None) -> dt.datetime | None:
    """The document's date (see the module docstring); front matter first, then the metadata list."""
    published = _as_datetime(_pick(meta, DATE_KEYS)) or _as_datetime(_pick(metadata, DATE_KEYS))
    if published is None and url and platform_of(url) == "weibo":
        published = mid_time(platform_id("weibo", url))
    return published or _as_datetime(_pick(meta, SAVED_KEYS)) or _as_datetime(_pick(metadata, SAVED_KEYS))


def _front_matter(md: str, name: str) -> tuple[dict[str, Any], str]:
    m = _FRONT_RE.match(md)
    if not m:
        if md.startswith("---\n") or md.startswith("---\r\n"):
            raise ParseError("front matter opened with --- but never closed")
        return {}, md
    text = m.group(1)
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER:
        raise ParseError(f"front matter is larger than {MAX_FRONT_MATTER // 1024} KiB")
    try:
        # Aliases are refused before anything is built: nested ones (a "YAML bomb")
        # expand exponentially once the values are turned into text.
        # (an alias is written *name: without a "*" there is none, and nothing to parse twice)
        aliased = "*" in text and any(
            isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(text, Loader=_YAML_LOADER)
        )
        meta = None if aliased else yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ParseError(f"front matter{where}: {problem}") from None
    except Exception as exc:  # noqa: BLE001 - YAML constructors raise ValueError, AttributeError...
        # a value YAML recognises but cannot build, such as the date 9999-99-99
        raise ParseError(f"front matter: bad value ({' '.join(str(exc).split())[:200]})") from None
    if aliased:
        raise ParseError("front matter uses YAML aliases (*name), which are not accepted")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ParseError("front matter is not a mapping of keys to values")
    return meta, md[m.end() :]


def _decode(data: bytes) -> str:
    try:
        return to_text(data, errors="strict")
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 or GB18030 text") from None


def parse_clip_note(data: bytes, name: str) -> Document:
    """Parse a clipped Markdown note into one Document."""
    md = _decode(data).replace("\r\n", "\n")
    meta, rest = _front_matter(md, name)
    title = _pick(meta, TITLE_KEYS)
    url = _pick(meta, URL_KEYS)
    body_parts: list[str] = []
    summary_parts: list[str] = []
    images: list[str] = []
    metadata = {str(k): str(v) for k, v in meta.items() if v is not None and str(k).lower() not in TITLE_KEYS}
    found_body = False
    loose: list[str] = []
    # A heading the clipper did not write (an article's own 一、… or ## 测试结果) belongs
    # to the section it sits in: dropping it would drop the rest of the article.
    current = ""
    for heading, content in _sections(rest):
        level, _, label = heading.partition(" ")
        key = label.strip().lower()
        if level == "#" and title is None:
            title = label.strip()
            loose.append(content)
            continue
        if heading == "":
            loose.append(content)
            continue
        if key in BODY_HEADINGS:
            current = "body"
        elif key in SUMMARY_HEADINGS and not (current == "body" and key in OWN_CONCLUSIONS):
            current = "summary"
        elif key in META_HEADINGS:
            current = "meta"
        elif key in LINK_HEADINGS:
            current = "links"
        elif current in ("body", "summary"):
            # the article's own heading keeps its mark (the line is a heading, not a claim), unless the
            # clipper ran a whole section onto the heading's line
            mark = level + " " if len(label.strip()) <= _HEADING_MAX else ""
            content = mark + label.strip() + "\n" + content
        if current == "body":
            text, imgs = _markdown_body(content)
            body_parts.append(text)
            images += imgs
            found_body = True
        elif current == "summary":
            summary_parts.append(tidy(content))
        elif current == "meta":
            metadata.update({k.strip(): v.strip() for k, v in _META_ITEM_RE.findall(content)})
        elif level == "##" and not current:
            loose.append(heading + "\n" + content)
    header = "\n".join(loose)
    url_line = _URL_LINE_RE.search(header)
    if url is None and url_line:
        url = url_line.group(1)
    if not found_body:
        text, imgs = _markdown_body(_URL_LINE_RE.sub("", header))
        body_parts.append(text)
        images += imgs
    platform = detect_platform(str(url) if url else None)
    doc_id = platform_id(platform, str(url)) if url else None
    author = _pick(meta, AUTHOR_KEYS)
    return Document(
        platform=platform,
        id=doc_id,
        url=str(url) if url else None,
        title=str(title).strip() if title else None,
        author=str(author) if author else None,
        published_at=_note_date(meta, metadata, str(url) if url else None),
        text="\n\n".join(p for p in body_parts if p),
        summary="\n\n".join(p for p in summary_parts if p) or None,
        metadata=metadata,
        images=images,
        via="clip",
    )


def parse_plain_text(data: bytes, name: str) -> Document:
    """A plain text file: all of it is body."""
    return Document(platform="text", text=tidy(_decode(data)), via="file")
