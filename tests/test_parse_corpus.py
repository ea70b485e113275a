"""The real pages of ../shared/corpus against expected.json (skipped when the folder is absent).

These are the same checks as ../shared/tools/check_corpus.py, run in-process on
the parsers, plus the long-text, profile and feed entries that script skips.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ingest.parsers import sniff
from ingest.parsers.feed import parse_feed
from ingest.parsers.urls import weibo_post_id
from ingest.parsers.wechat import parse_wechat_article
from ingest.parsers.weibo import parse_weibo_json, parse_weibo_long_text, weibo_containerid
from schemas.document import Document

CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus"
CHROME = ("var ", "function(", "微信扫一扫", "window.", "</", "{display")
KINDS = {"wechat_html": "wechat", "weibo_json": "weibo", "feeds": "feed"}


def _expected() -> dict[str, Any]:
    path = CORPUS / "expected.json"
    if not path.is_file():
        return {"wechat": [], "weibo": []}
    return json.loads(path.read_text(encoding="utf-8"))


EXPECTED = _expected()


@pytest.fixture(autouse=True)
def _corpus_present() -> None:
    if not (CORPUS / "expected.json").is_file():
        pytest.skip("../shared/corpus is not beside the repo")


def _data(rel: str) -> bytes:
    return (CORPUS / rel).read_bytes()


def _same_time(got: datetime | None, want: str) -> bool:
    return got is not None and got == datetime.fromisoformat(want)


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [Path(e["path"]).name for e in entries]


@pytest.mark.parametrize("entry", EXPECTED["wechat"], ids=_ids(EXPECTED["wechat"]))
def test_wechat_page(entry: dict[str, Any]) -> None:
    doc = parse_wechat_article(_data(entry["path"]), str(CORPUS / entry["path"]))
    assert doc.platform == "wechat"
    assert doc.status == entry["status"]
    if entry["status"] != "ok":
        assert doc.text == ""
        return
    assert doc.title == entry["title"]
    assert doc.author == entry["author"]
    assert _same_time(doc.published_at, entry["published_at"]), doc.published_at
    assert doc.text, "an ok article has a body"
    for phrase in entry["text_contains"]:
        assert phrase in doc.text
    assert [c for c in CHROME if c in doc.text] == []
    assert doc.id and doc.id.count(":") == 2  # biz:mid:idx from the page


TIMELINES = [e for e in EXPECTED["weibo"] if e["kind"] == "timeline"]


@pytest.mark.parametrize("entry", TIMELINES, ids=_ids(TIMELINES))
def test_weibo_timeline(entry: dict[str, Any]) -> None:
    docs = parse_weibo_json(_data(entry["path"]), str(CORPUS / entry["path"]))
    assert len(docs) == entry["posts"]
    if not entry["posts"]:
        return
    ids = [str(d.id) for d in docs]
    assert ids[0] == entry["first_id"]
    assert sorted(str(d.id) for d in docs if d.pinned) == sorted(entry["pinned_ids"])
    if "truncated_ids" in entry:
        assert sorted(str(d.id) for d in docs if d.truncated) == sorted(entry["truncated_ids"])
    assert sorted(str(d.id) for d in docs if d.repost_of) == sorted(entry["repost_ids"])
    assert all(d.author == entry["author"] for d in docs if not d.repost_of)
    by_id = {str(d.id): d for d in docs}
    for post_id, when in entry["published_at"].items():
        assert _same_time(by_id[post_id].published_at, when), post_id
    assert [d.id for d in docs if "<" in d.text] == []
    assert all(d.text for d in docs)


LONG_TEXTS = [e for e in EXPECTED["weibo"] if e["kind"] == "long_text"]


@pytest.mark.parametrize("entry", LONG_TEXTS, ids=_ids(LONG_TEXTS))
def test_weibo_long_text(entry: dict[str, Any]) -> None:
    docs = parse_weibo_json(_data(entry["path"]), str(CORPUS / entry["path"]))
    assert len(docs) == 1
    doc = docs[0]
    if "id" in entry:
        assert doc.id == entry["id"]
    assert doc.text and not doc.truncated
    assert "<" not in doc.text
    if entry.get("format") == "markdown":
        assert not [line for line in doc.text.splitlines() if line.startswith(("# ", "## "))]
        assert "\n\n" in doc.text  # paragraphs kept
    assert parse_weibo_long_text(_data(entry["path"])) == doc.text


PROFILES = [e for e in EXPECTED["weibo"] if e["kind"] == "profile"]


@pytest.mark.parametrize("entry", PROFILES, ids=_ids(PROFILES))
def test_weibo_profile(entry: dict[str, Any]) -> None:
    assert parse_weibo_json(_data(entry["path"]), entry["path"]) == []
    assert weibo_containerid(_data(entry["path"])) == entry["weibo_containerid"]


def test_truncated_timeline_posts_have_their_long_text_in_the_corpus() -> None:
    """The 全文 posts of the Arknights timeline and their statuses/extend answers agree."""
    timeline = {
        d.id: d for d in parse_weibo_json(_data("weibo_json/01_bison_getIndex_arknights_list.json"), "t")
    }
    for entry in LONG_TEXTS:
        if "id" not in entry:
            continue
        preview = timeline[entry["id"]]
        full = parse_weibo_json(_data(entry["path"]), entry["path"])[0]
        assert preview.truncated
        assert len(full.text) > len(preview.text)
        assert full.text[:20] == preview.text[:20]


def _feed_files() -> list[str]:
    folder = CORPUS / "feeds"
    return sorted(p.name for p in folder.glob("*.xml")) if folder.is_dir() else []


@pytest.mark.parametrize("name", _feed_files())
def test_corpus_feed(name: str) -> None:
    docs: list[Document] = parse_feed(_data(f"feeds/{name}"), name)
    assert docs
    for doc in docs:
        assert doc.url and doc.id and doc.published_at is not None and doc.text
        assert "<" not in doc.text
        if doc.platform == "weibo":
            assert doc.id == weibo_post_id(doc.url) and doc.id.isdigit()


def _all_files() -> list[str]:
    return (
        sorted(
            f"{p.parent.name}/{p.name}" for kind in KINDS for p in (CORPUS / kind).glob("*") if p.is_file()
        )
        if CORPUS.is_dir()
        else []
    )


@pytest.mark.parametrize("rel", _all_files())
def test_dispatcher_routes_every_corpus_file(rel: str) -> None:
    assert sniff(_data(rel), rel) == KINDS[rel.split("/")[0]]
