"""Search matches across scripts: 变形 finds 變形 and 變形 finds 变形, quotes stay as written.

Through ``datasette.client`` (the claims and documents tables' own search box and the
``search`` canned query), for one, two and three or more characters; the migration that
builds the index over an existing database; and a hypothesis round trip over SEARCH_SQL.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

import pytest
from datasette.app import Datasette
from hypothesis import given, settings
from hypothesis import strategies as st

from db import open_db
from db.queries import SEARCH_SQL
from db.search import conversion_fingerprint, register_functions, search_text, simplified, sync_search
from db.store import save_document, save_source
from schemas.document import Document
from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import _claim, build_sample_db

CST = dt.timezone(dt.timedelta(hours=8))
TRADITIONAL = "畫面偶爾變形，手指抽搐問題還在，人物轉身時最明顯。"
SIMPLIFIED = "新版本人物变形少了很多，转身时依然自然。"


def _search(db: Any, q: str) -> list[Any]:
    """The search query's first page (every hit of these few rows)."""
    return list(db.execute(SEARCH_SQL, {"q": q, "page": ""}).fetchall())


def _save(db: Any, doc_id: str, title: str, text: str, quote: str) -> None:
    doc = Document(
        platform="weibo",
        id=doc_id,
        url=f"https://weibo.com/1/{doc_id}",
        title=title,
        published_at=dt.datetime(2025, 7, 1, 12, 0, tzinfo=CST),
        text=text,
    )
    claim = _claim(doc, "bug", "Kling 2.1", None, quote, {})
    save_document(db, doc, "weibo-tw", raw_sha=None, claims=[claim], version=1)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_sample_db(tmp_path_factory.mktemp("scripts") / "pingce.db")
    db = open_db(path)
    save_source(db, "weibo-tw", "test", {})
    _save(db, "tw1", "可靈2.1實測", TRADITIONAL, "畫面偶爾變形")
    _save(db, "cn1", "可灵2.1复测", SIMPLIFIED, "人物变形少了很多")
    db.conn.commit()
    db.execute("pragma wal_checkpoint(truncate)")
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def ds(sample: Path) -> Datasette:
    return make_ds(sample)


def rows(ds: Datasette, path: str) -> list[dict[str, Any]]:
    resp = fetch(ds, path + ("&" if "?" in path else "?") + "_shape=array")
    assert resp.status_code == 200, (path, resp.text[:300])
    data: list[dict[str, Any]] = resp.json()
    return data


# query -> (claim quotes, document ids) it must find; each pair of lines is one query in both scripts
CASES = [
    ("变形", {"畫面偶爾變形", "人物变形少了很多"}, {"weibo:tw1", "weibo:cn1"}),
    ("變形", {"畫面偶爾變形", "人物变形少了很多"}, {"weibo:tw1", "weibo:cn1"}),
    ("變", {"畫面偶爾變形", "人物变形少了很多"}, {"weibo:tw1", "weibo:cn1"}),
    ("变", {"畫面偶爾變形", "人物变形少了很多"}, {"weibo:tw1", "weibo:cn1"}),
    ("畫面偶爾", {"畫面偶爾變形"}, {"weibo:tw1"}),
    ("画面偶尔", {"畫面偶爾變形"}, {"weibo:tw1"}),
    ("转身时", set(), {"weibo:tw1", "weibo:cn1"}),
    ("轉身時", set(), {"weibo:tw1", "weibo:cn1"}),
    ("可靈2.1實測", set(), {"weibo:tw1"}),  # a title
    ("可灵2.1实测", set(), {"weibo:tw1"}),
]


@pytest.mark.parametrize(("q", "quotes", "documents"), CASES)
def test_search_query_finds_both_scripts(
    ds: Datasette, q: str, quotes: set[str], documents: set[str]
) -> None:
    found = rows(ds, f"/pingce/search.json?q={urlquote(q)}")
    assert {r["snippet"] for r in found if r["hit"] == "claim"} >= quotes
    assert {r["document_id"] for r in found if r["hit"] == "document"} >= documents
    for r in found:  # every hit contains the query in one script or the other
        assert r["hit"] != "claim" or simplified(q) in simplified(r["snippet"]) or r["model"]


@pytest.mark.parametrize(("q", "quotes", "documents"), CASES)
def test_table_search_boxes_find_both_scripts(
    ds: Datasette, q: str, quotes: set[str], documents: set[str]
) -> None:
    claims = rows(ds, f"/pingce/claims.json?_search={urlquote(q)}")
    assert {r["quote"] for r in claims} >= quotes  # quotes stay verbatim: Traditional stays Traditional
    docs = rows(ds, f"/pingce/documents.json?_search={urlquote(q)}")
    assert {r["id"] for r in docs} >= documents
    # the tables find what the search query finds
    found = rows(ds, f"/pingce/search.json?q={urlquote(q)}")
    assert {r["id"] for r in claims} == {r["claim_id"] for r in found if r["hit"] == "claim"}
    assert {r["id"] for r in docs} == {r["document_id"] for r in found if r["hit"] == "document"}


def test_table_search_page_keeps_the_query_as_typed(ds: Datasette) -> None:
    page = fetch(ds, "/pingce/claims?_search=" + urlquote("變形")).text
    assert 'value="變形"' in page  # the search box shows what was typed, not its Simplified form
    assert "畫面偶爾變形" in page and "人物变形少了很多" in page


def test_document_snippet_shows_a_match_in_the_other_script(ds: Datasette) -> None:
    found = rows(ds, "/pingce/search.json?q=" + urlquote("抽搐问题"))
    snippet = next(r["snippet"] for r in found if r["document_id"] == "weibo:tw1")
    assert "抽搐問題" in snippet


def test_migration_indexes_an_existing_database(sample: Path, tmp_path: Path) -> None:
    """A database made before m014 (index of verbatim text) gets the Simplified index on open."""
    path = tmp_path / "old.db"
    path.write_bytes(sample.read_bytes())
    conn = sqlite3.connect(path)
    for name in ("claims", "documents"):
        for when in ("ai", "ad", "au"):
            conn.execute(f"drop trigger {name}_search_{when}")
        conn.execute(f"drop table {name}_fts_vocab")
        conn.execute(f"drop table {name}_fts")
    conn.execute("drop table search_index")
    conn.execute("drop table claims_search_queue")
    conn.execute("drop table documents_search_queue")
    conn.execute("delete from _sqlite_migrations where name = 'm014_search_simplified'")
    conn.commit()
    conn.close()
    db = open_db(path)
    register_functions(db.conn)
    claims = {r[4] for r in _search(db, "变形") if r[0] == "claim"}
    assert claims == {"畫面偶爾變形", "人物变形少了很多"}
    assert db.execute("select value from search_index").fetchone() == (conversion_fingerprint(),)


def test_index_is_rebuilt_when_the_conversion_changed(sample: Path, tmp_path: Path) -> None:
    path = tmp_path / "stale.db"
    path.write_bytes(sample.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("update search_index set value = 'older' where key = 'conversion'")
    conn.execute("insert into claims_fts (claims_fts) values ('delete-all')")  # as if built otherwise
    conn.commit()
    conn.close()
    db = open_db(path)
    assert db.execute("select value from search_index").fetchone() == (conversion_fingerprint(),)
    assert {r[4] for r in _search(db, "變形") if r[0] == "claim"} == {
        "畫面偶爾變形",
        "人物变形少了很多",
    }


def test_plain_sql_edits_are_indexed_when_the_database_opens(sample: Path, tmp_path: Path) -> None:
    """A connection without the conversion (the sqlite3 shell, a bulk edit) can write; the index follows."""
    path = tmp_path / "edited.db"
    path.write_bytes(sample.read_bytes())
    conn = sqlite3.connect(path)  # no functions registered
    with conn:
        conn.execute("update claims set quote = '畫面偶爾扭曲' where quote = '畫面偶爾變形'")
        conn.execute("delete from claims where document_id = 'weibo:cn1'")
        conn.execute("delete from documents where id = 'weibo:cn1'")
        conn.execute(
            "insert into documents (id, source, platform, title, text, first_seen) "
            "values ('x:1', 'weibo-tw', 'x', '新測試', '鏡頭抖動', '')"
        )
    conn.close()
    db = open_db(path)
    found = _search(db, "变形")
    assert {r[4] for r in found if r[0] == "claim"} == set()  # one claim gone, the other changed
    assert {r[8] for r in found if r[0] == "document"} == {"weibo:tw1"}
    assert {r[8] for r in _search(db, "镜头抖动")} == {"x:1"}
    assert {r[4] for r in _search(db, "扭曲") if r[0] == "claim"} == {"畫面偶爾扭曲"}
    assert db.execute("select count(*) from claims_search_queue").fetchone() == (0,)
    assert_index_matches_a_rebuild(db.conn)


def assert_index_matches_a_rebuild(conn: sqlite3.Connection) -> None:
    from tests.derived_helpers import derived_tables, rebuilt_tables

    got, want = derived_tables(conn), rebuilt_tables(conn)
    for table in ("claims_fts", "documents_fts"):
        assert got[table] == want[table], table


def test_index_holds_no_copy_of_the_text(sample: Path) -> None:
    conn = sqlite3.connect(sample)
    assert conn.execute("select count(*) from claims_fts where quote is not null").fetchone() == (0,)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where name like '%fts_content'")}
    assert tables == set()


# ---------------------------------------------------------------- round trip
# characters with a Traditional form OpenCC converts one to one, their Simplified forms, and others
_TRAD = "變畫爾轉時頭髮問題還實測靈"
_ALPHABET = _TRAD + simplified(_TRAD) + "的了人形abcAB 1，。"
_TO_TRADITIONAL = {ord(s): t for t, s in zip(_TRAD, simplified(_TRAD), strict=True)}


@pytest.fixture(scope="module")
def memory_db() -> Any:
    db = open_db(":memory:")
    db.execute("insert into sources (name, type) values ('s', 'test')")
    return db


@settings(max_examples=60, deadline=None)
@given(text=st.text(_ALPHABET, min_size=1, max_size=30), data=st.data())
def test_any_substring_in_either_script_finds_its_document(memory_db: Any, text: str, data: Any) -> None:
    db = memory_db
    with db.conn:
        db.execute("delete from documents")
        db.execute(
            "insert into documents (id, source, platform, text, first_seen) values ('d', 's', 'x', ?, '')",
            [text],
        )
        sync_search(db.conn)  # as every writer does
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    q = text[start:end]
    if not q.strip(" "):
        return
    for query in (q, simplified(q), q.translate(_TO_TRADITIONAL)):
        hits = {r[8] for r in _search(db, query) if r[0] == "document"}
        assert hits == {"d"}, (text, query)
    assert search_text(text) == simplified(text) + "\x1e\x1e"


@pytest.mark.parametrize(
    ("text", "query", "at"),
    [
        ("手指抽搐問題還在", "问题", 5),  # a Traditional spelling of the Simplified query
        ("问题和問題", "问题", 1),  # the first of either spelling
        ("abc", "问题", 0),
        ("", "问题", 0),
        ("頭髮飄動", "头发", 1),
    ],
)
def test_locate_finds_the_query_in_either_script(text: str, query: str, at: int) -> None:
    from db.search import locate

    assert locate(text, query) == at
    assert at == 0 or simplified(text)[at - 1 : at - 1 + len(query)] == query
