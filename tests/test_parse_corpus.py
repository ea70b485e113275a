"""The real pages of ../shared/corpus and ../shared/corpus2 against their expected.json.

Skipped when a folder is absent. These are the checks of
../shared/tools/check_corpus.py run in-process on the dispatcher (``parse_bytes``,
as ``python -m ingest parse`` does), with every field an entry may carry
(``published_at_tolerance_s`` on every kind, ``text_lines_min``, ``chrome_allowed``,
``feeds``), plus the long-text and profile entries that script skips.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ingest.parsers import parse_bytes, sniff
from ingest.parsers.feed import parse_feed
from ingest.parsers.urls import weibo_post_id
from ingest.parsers.weibo import parse_weibo_json, parse_weibo_long_text, weibo_containerid
from schemas.document import Document, ParseError

SHARED = Path(__file__).parents[1] / ".." / "shared"
CORPORA = ("corpus", "corpus2")
CHROME = ("var ", "function(", "微信扫一扫", "window.", "</", "{display")
KINDS = {"wechat_html": "wechat", "weibo_json": "weibo", "feeds": "feed"}


def _expected(corpus: str) -> dict[str, Any]:
    path = SHARED / corpus / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


EXPECTED = {corpus: _expected(corpus) for corpus in CORPORA}


def _entries(section: str, *kinds: str) -> list[Any]:
    """pytest params (corpus, entry) of one section of every corpus, optionally of some kinds."""
    return [
        pytest.param(corpus, e, id=f"{corpus}/{Path(e['path']).name}")
        for corpus, exp in EXPECTED.items()
        for e in exp.get(section, [])
        if not kinds or e.get("kind") in kinds
    ]


def _data(corpus: str, rel: str) -> bytes:
    return (SHARED / corpus / rel).read_bytes()


def _parse(corpus: str, rel: str) -> list[Document]:
    return parse_bytes(_data(corpus, rel), str(SHARED / corpus / rel))


def _same_time(got: datetime | None, want: str, tolerance_s: float = 0) -> bool:
    return got is not None and abs((got - datetime.fromisoformat(want)).total_seconds()) <= tolerance_s


def _squash(title: str | None) -> str | None:
    return " ".join(title.split()) if title is not None else None


def _lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


@pytest.mark.parametrize(("corpus", "entry"), _entries("wechat"))
def test_wechat_page(corpus: str, entry: dict[str, Any]) -> None:
    docs = _parse(corpus, entry["path"])
    assert len(docs) == 1
    doc = docs[0]
    assert doc.platform == "wechat"
    assert doc.status == entry["status"]
    if entry["status"] != "ok":
        assert doc.text == ""
        return
    assert _squash(doc.title) == _squash(entry["title"])
    assert doc.author == entry["author"]
    tolerance = entry.get("published_at_tolerance_s", 0)
    assert _same_time(doc.published_at, entry["published_at"], tolerance), doc.published_at
    assert doc.text, "an ok article has a body"
    for phrase in entry["text_contains"]:
        assert phrase in doc.text
    if "text_lines_min" in entry:
        assert _lines(doc.text) >= entry["text_lines_min"]
    allowed = entry.get("chrome_allowed", ())
    assert [c for c in CHROME if c in doc.text and c not in allowed] == []
    assert doc.id and doc.id.count(":") == 2  # biz:mid:idx from the page


@pytest.mark.parametrize(("corpus", "entry"), _entries("weibo", "timeline"))
def test_weibo_timeline(corpus: str, entry: dict[str, Any]) -> None:
    docs = _parse(corpus, entry["path"])
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
    tolerance = entry.get("published_at_tolerance_s", 0)
    for post_id, when in entry["published_at"].items():
        assert _same_time(by_id[post_id].published_at, when, tolerance), post_id
    assert [d.id for d in docs if "<" in d.text] == []
    assert all(d.text for d in docs)


@pytest.mark.parametrize(("corpus", "entry"), _entries("weibo", "post", "detail_page"))
def test_weibo_single_post(corpus: str, entry: dict[str, Any]) -> None:
    """statuses/show answers and m.weibo.cn detail pages: exactly one post."""
    docs = _parse(corpus, entry["path"])
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.platform, doc.id, doc.author) == (entry["platform"], entry["id"], entry["author"])
    tolerance = entry.get("published_at_tolerance_s", 0)
    assert _same_time(doc.published_at, entry["published_at"], tolerance), doc.published_at
    assert doc.truncated == entry["truncated"]
    if entry["repost_of"] is None:
        assert doc.repost_of is None
    else:
        assert entry["repost_of"] in str(doc.repost_of)
    for phrase in entry["text_contains"]:
        assert phrase in doc.text
    assert "<" not in doc.text


@pytest.mark.parametrize(("corpus", "entry"), _entries("weibo", "not_a_post"))
def test_weibo_answer_that_is_not_a_post(corpus: str, entry: dict[str, Any]) -> None:
    """No document: either none at all or a one-line ParseError."""
    try:
        docs = _parse(corpus, entry["path"])
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert docs == []


@pytest.mark.parametrize(("corpus", "entry"), _entries("feeds"))
def test_feed(corpus: str, entry: dict[str, Any]) -> None:
    docs = _parse(corpus, entry["path"])
    assert len(docs) == entry["items"]
    if "author" in entry:
        assert {d.author for d in docs} == {entry["author"]}
    for url, when in entry["published_at"].items():
        doc = next(d for d in docs if url in (d.url, d.id))
        assert doc.published_at is None if when is None else _same_time(doc.published_at, when)


@pytest.mark.parametrize(("corpus", "entry"), _entries("weibo", "long_text"))
def test_weibo_long_text(corpus: str, entry: dict[str, Any]) -> None:
    docs = _parse(corpus, entry["path"])
    assert len(docs) == 1
    doc = docs[0]
    if "id" in entry:
        assert doc.id == entry["id"]
    assert doc.text and not doc.truncated
    assert "<" not in doc.text
    if entry.get("format") == "markdown":
        assert not [line for line in doc.text.splitlines() if line.startswith(("# ", "## "))]
        assert "\n\n" in doc.text  # paragraphs kept
    assert parse_weibo_long_text(_data(corpus, entry["path"])) == doc.text


@pytest.mark.parametrize(("corpus", "entry"), _entries("weibo", "profile"))
def test_weibo_profile(corpus: str, entry: dict[str, Any]) -> None:
    assert _parse(corpus, entry["path"]) == []
    assert weibo_containerid(_data(corpus, entry["path"])) == entry["weibo_containerid"]


def test_truncated_timeline_posts_have_their_long_text_in_the_corpus() -> None:
    """The 全文 posts of the Arknights timeline and their statuses/extend answers agree."""
    if not EXPECTED["corpus"]:
        pytest.skip("../shared/corpus is not beside the repo")
    timeline_file = "weibo_json/01_bison_getIndex_arknights_list.json"
    timeline = {d.id: d for d in parse_weibo_json(_data("corpus", timeline_file), "t")}
    long_texts = [e for e in EXPECTED["corpus"]["weibo"] if e["kind"] == "long_text" and "id" in e]
    assert long_texts
    for entry in long_texts:
        preview = timeline[entry["id"]]
        full = parse_weibo_json(_data("corpus", entry["path"]), entry["path"])[0]
        assert preview.truncated
        assert len(full.text) > len(preview.text)
        assert full.text[:20] == preview.text[:20]


def test_a_detail_page_and_the_api_answer_for_one_post_agree() -> None:
    """corpus2 holds the same post as a statuses/show answer and as an m.weibo.cn detail page."""
    if not EXPECTED["corpus2"]:
        pytest.skip("../shared/corpus2 is not beside the repo")
    singles: dict[str, list[Document]] = {}
    for entry in EXPECTED["corpus2"]["weibo"]:
        if entry["kind"] in ("post", "detail_page"):
            singles.setdefault(entry["id"], []).append(_parse("corpus2", entry["path"])[0])
    pairs = [docs for docs in singles.values() if len(docs) == 2]
    assert pairs
    for api, page in pairs:
        assert (api.key(), api.published_at, api.author) == (page.key(), page.published_at, page.author)


def _feed_files() -> list[Any]:
    return [
        pytest.param(corpus, p.name, id=f"{corpus}/{p.name}")
        for corpus in CORPORA
        for p in sorted((SHARED / corpus / "feeds").glob("*.xml"))
    ]


@pytest.mark.parametrize(("corpus", "name"), _feed_files())
def test_corpus_feed_items_are_complete(corpus: str, name: str) -> None:
    docs: list[Document] = parse_feed(_data(corpus, f"feeds/{name}"), name)
    assert docs
    for doc in docs:
        assert doc.url and doc.id and doc.published_at is not None and doc.text
        assert "<" not in doc.text
        if doc.platform == "weibo":
            assert doc.id == weibo_post_id(doc.url) and doc.id.isdigit()


def _all_files() -> list[Any]:
    return [
        pytest.param(corpus, f"{kind}/{p.name}", id=f"{corpus}/{kind}/{p.name}")
        for corpus in CORPORA
        for kind in KINDS
        for p in sorted((SHARED / corpus / kind).glob("*"))
        if p.is_file()
    ]


@pytest.mark.parametrize(("corpus", "rel"), _all_files())
def test_dispatcher_routes_every_corpus_file(corpus: str, rel: str) -> None:
    assert sniff(_data(corpus, rel), rel) == KINDS[rel.split("/")[0]]


def test_every_corpus_file_has_an_expectation_or_is_a_feed_checked_above() -> None:
    """A real file added to a corpus without an entry in expected.json is not silently unchecked."""
    if not any(EXPECTED.values()):
        pytest.skip("../shared is not beside the repo")
    for corpus, exp in EXPECTED.items():
        if not exp:
            continue
        listed = {e["path"] for section in ("wechat", "weibo", "feeds") for e in exp.get(section, [])}
        files = {
            f"{kind}/{p.name}" for kind in KINDS for p in (SHARED / corpus / kind).glob("*") if p.is_file()
        }
        unlisted = {f for f in files - listed if not f.startswith("feeds/")}
        assert unlisted == set(), corpus
