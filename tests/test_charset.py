"""Decoding lives in the parsers: a page fetched, read from a file or re-parsed from the database
gives the same document, whatever its charset and wherever that is declared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from ingest.cli import cli
from ingest.parsers import parse_bytes
from ingest.parsers.charset import charset_of, to_text, to_utf8
from ingest.pipeline import run_sources
from ingest.reprocess import reparse
from schemas.document import Document
from tests.conftest import SHARED
from tests.replay import FIXTURES, ReplayServer, Reply, make_config

GBK_PAGES = ["wechat/article_gbk.html", "wechat/article_gbk_nometa.html"]  # <meta charset=gbk>; nothing


@pytest.mark.parametrize(
    ("body", "content_type", "charset"),
    [
        ('<meta charset="gbk"><p>可灵</p>'.encode("gbk"), "text/html", "gb18030"),  # the <meta>
        ("可灵".encode("gbk"), "text/plain; charset=GB2312", "gb18030"),  # the header
        ('<?xml version="1.0" encoding="gbk"?><rss>可灵</rss>'.encode("gbk"), None, "gb18030"),
        ("可灵".encode("gbk"), None, "gb18030"),  # nothing declared, not UTF-8
        ("可灵".encode(), None, None),  # UTF-8 as it is
        ("可灵".encode(), "text/html; charset=no-such-charset", None),  # an unknown name: by the bytes
        ("可灵".encode("gbk"), "text/html; charset=utf-8", None),  # the header is believed
        ("\ufeff可灵".encode(), "text/html; charset=gbk", None),  # a BOM outranks a header
    ],
)
def test_charset_comes_from_header_declaration_bom_or_bytes(
    body: bytes, content_type: str | None, charset: str | None
) -> None:
    assert charset_of(body, content_type) == charset


def test_to_utf8_rewrites_the_declaration_and_leaves_utf8_alone() -> None:
    page = '<html><head><meta charset="gbk"></head><body>可灵</body></html>'.encode("gbk")
    assert to_utf8(page, None) == page.decode("gbk").replace("gbk", "utf-8").encode()
    utf = "<p>可灵</p>".encode()
    assert to_utf8(utf, "text/html; charset=utf-8") is utf
    assert to_text("\ufeff可灵".encode()) == "可灵"


@pytest.mark.parametrize("name", GBK_PAGES)
def test_gbk_page_from_a_file_parses_as_the_fetch_does(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    from_file = parse_bytes(data, name)
    from_http = parse_bytes(data, name, content_type="text/html; charset=GBK")
    assert from_file == from_http
    assert (from_file[0].title or "").startswith("海螺 02") and "海螺 02" in from_file[0].text


@pytest.mark.parametrize("name", GBK_PAGES)
def test_cli_parse_of_a_saved_gbk_page(name: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes((FIXTURES / name).read_bytes())
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.splitlines()[0])
    assert doc["title"].startswith("海螺 02") and "�" not in doc["text"]


def test_reparse_of_a_gbk_page_known_only_from_its_header_changes_nothing(
    db: Database, replay: ReplayServer
) -> None:
    """The charset was only in the HTTP header: reparse reads it from the stored content type."""
    replay.add(
        "/s/gbk", Reply(body_file="wechat/article_gbk_nometa.html", content_type="text/html;charset=gbk")
    )
    source = {"name": "wx", "type": "wechat_article", "urls": ["https://mp.weixin.qq.com/s/gbk"]}
    summary = run_sources(db, make_config([{**source, "base_url": replay.base_url}]), "test")
    assert summary.exit_code == 0, summary.errors
    before = list(db.query("select id, title, text, content_hash from documents"))
    counts = reparse(db)
    assert counts["documents_changed"] == 0 and counts["errors"] == 0
    assert list(db.query("select id, title, text, content_hash from documents")) == before
    assert before[0]["title"].startswith("海螺 02")


def _real_pages() -> list[Path]:
    folder = SHARED / "corpus" / "wechat_html"
    return sorted(folder.glob("*_normal_*.html"))[:2] if folder.is_dir() else []


@pytest.mark.parametrize("path", _real_pages(), ids=lambda p: p.name)
def test_a_real_page_saved_as_gbk_gives_the_same_document(path: Path) -> None:
    """../shared/corpus holds no GBK page: a real one is re-encoded (GB18030 keeps every character)."""
    utf8 = path.read_bytes()
    text = utf8.decode("utf-8")
    declared = text.replace('charset="utf-8"', 'charset="gbk"').replace("charset=utf-8", "charset=gbk")
    assert declared != text, "the page declares its charset"
    gbk = declared.encode("gb18030")
    want: list[Document] = parse_bytes(utf8, path.name)
    assert parse_bytes(gbk, path.name) == want  # a saved file: the <meta> says gbk
    assert parse_bytes(gbk, path.name, content_type="text/html; charset=GBK") == want  # fetched
    no_meta = text.replace('charset="utf-8"', "").replace("charset=utf-8", "").encode("gb18030")
    assert parse_bytes(no_meta, path.name)[0].title == want[0].title  # nothing declared: by the bytes
