"""The price_changes query and the Atom feed, through datasette.client and once through `pingce serve`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import feedparser
import httpx
import pytest
from datasette.app import Datasette

from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import ServedDatasette
from tests.test_price_changes import note, run

FEED = "/pingce/-/price-changes.atom"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run 1: Kling 2.1 Master and Vidu Q1 prices; run 2: a newer Kling price; run 3: a disagreeing one."""
    root = tmp_path_factory.mktemp("feed")
    notes, path = root / "notes", root / "pingce.db"
    notes.mkdir()
    note(notes, "a", "2025-05-01", "可灵2.1大师版（1080P），5秒100灵感值。")
    note(notes, "b", "2025-05-02", "Vidu Q1 的1080P视频，5秒要20积分。")
    run(notes, path)
    note(notes, "c", "2025-06-01", "可灵2.1大师版（1080P），5秒现在只要80灵感值。")
    run(notes, path)
    note(notes, "d", "2025-04-01", "可灵2.1大师版（1080P），5秒90灵感值。")
    run(notes, path)
    conn = sqlite3.connect(path)  # Datasette opens the file immutable: fold the WAL in
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    return path


@pytest.fixture(scope="module")
def ds(db: Path) -> Datasette:
    return make_ds(db)


def changes(ds: Datasette, query: str = "") -> list[dict[str, Any]]:
    resp = fetch(ds, f"/pingce/price_changes.json?_shape=array&{query}")
    assert resp.status_code == 200, resp.text[:300]
    return list(resp.json())


def test_price_changes_lists_what_moved_newest_first(ds: Datasette) -> None:
    rows = changes(ds)
    columns = ("kind", "model", "old_price_label", "new_price_label", "conflicting_prices", "run_id")
    got = [tuple(r[c] for c in columns) for r in rows]
    assert got == [
        ("conflict", "Kling 2.1 Master", "80 灵感值", "80 灵感值", '["100 灵感值", "90 灵感值"]', 3),
        ("conflict", "Kling 2.1 Master", "100 灵感值", "80 灵感值", '["100 灵感值"]', 2),
        ("changed", "Kling 2.1 Master", "100 灵感值", "80 灵感值", "[]", 2),
        ("new", "Vidu Q1", None, "20 积分", "[]", 1),
        ("new", "Kling 2.1 Master", None, "100 灵感值", "[]", 1),
    ]
    assert json.loads(rows[0]["document_urls"]) == ["https://example.com/d"]  # what brought the conflict
    assert json.loads(rows[2]["document_urls"]) == ["https://example.com/c"]  # what moved the price
    assert {r["vendor"] for r in rows} == {"Kuaishou (快手)", "Shengshu (生数科技)"}


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("since=1", {("changed", 2), ("conflict", 2), ("conflict", 3)}),
        ("since=2", {("conflict", 3)}),
        ("since=3", set()),
        ("since=2000-01-01", {("new", 1), ("changed", 2), ("conflict", 2), ("conflict", 3)}),
        ("since=2999-01-01", set()),
        ("model=Vidu+Q1", {("new", 1)}),
    ],
)
def test_since_a_run_or_a_date_and_model(ds: Datasette, query: str, kinds: set[tuple[str, int]]) -> None:
    assert {(r["kind"], r["run_id"]) for r in changes(ds, query)} == kinds


def test_a_model_alias_resolves_and_bad_filters_are_refused(ds: Datasette) -> None:
    resp = fetch(ds, "/pingce/price_changes?" + urlencode({"model": "可灵2.1大师版"}))
    assert resp.status_code == 302 and "model=Kling+2.1+Master" in resp.headers["location"]
    assert {r["model"] for r in changes(ds, "model=kling")} == {"Kling 2.1 Master"}  # a bare brand
    for query, message in (
        ("since=yesterday", "neither a run number nor an ISO date"),
        ("since=9", "there is no run 9 (runs 1 to 3)"),
        ("model=klingg+9", "matches no model"),
    ):
        resp = fetch(ds, f"/pingce/price_changes.json?{query}")
        assert resp.status_code == 400 and message in resp.json()["error"], (query, resp.text)


def test_the_page_links_the_evidence_and_the_feed(ds: Datasette) -> None:
    page = fetch(ds, "/pingce/price_changes")
    assert page.status_code == 200
    assert ">doc 1</a>" in page.text and "source 1 ↗" in page.text
    assert 'href="https://example.com/d"' in page.text
    assert '<td class="col-conflicting_prices">100 灵感值, 90 灵感值</td>' in page.text
    assert 'href="/pingce/-/price-changes.atom"' in page.text and "pingce-model-pick" in page.text
    table = fetch(ds, "/pingce/price_table").text  # each price links to its model's changes
    assert '<a href="/pingce/price_changes?model=Kling%202.1%20Master">[changes]</a>' in table


def parse(ds: Datasette, path: str = FEED) -> Any:
    resp = fetch(ds, path)
    assert resp.status_code == 200, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(resp.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_the_feed_is_atom_with_one_entry_per_change(ds: Datasette) -> None:
    feed, rows = parse(ds), changes(ds)
    assert len(feed.entries) == len(rows) == 5
    assert feed.feed.id.startswith("urn:uuid:") and feed.feed.author == "pingce"
    assert feed.feed.updated == max(r["recorded_at"] for r in rows)
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": "http://localhost/pingce/-/price-changes.atom",
        "alternate": "http://localhost/pingce/price_changes",
    }
    newest = feed.entries[0]
    key = "Kling 2.1 Master · master · 1080p · 5 s"
    assert newest.title == f"{key}: conflicting 100 灵感值, 90 灵感值 (shown: 80 灵感值)"
    assert newest.link == "https://example.com/d" and newest.tags[0].term == "conflict"
    for entry in feed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.updated and entry.summary
        pages = [link.href for link in entry.links if link.href.startswith("http://localhost/")]
        for href in pages:  # each change links its documents' pages here, and they resolve
            assert fetch(ds, href.removeprefix("http://localhost")).status_code == 200, href


def test_entry_ids_are_stable_across_requests_and_filters(ds: Datasette) -> None:
    first, again = parse(ds), parse(ds)
    assert [e.id for e in first.entries] == [e.id for e in again.entries] and first.feed.id == again.feed.id
    assert len({e.id for e in first.entries}) == len(first.entries)
    later = parse(ds, FEED + "?since=1")
    assert {e.id for e in later.entries} < {e.id for e in first.entries}
    assert later.feed.id != first.feed.id


def test_the_feed_filters_as_the_query_does(ds: Datasette) -> None:
    vidu = parse(ds, FEED + "?model=vidu")
    assert [e.title for e in vidu.entries] == ["Vidu Q1 · 1080p · 5 s: new price 20 积分"]
    for query, message in (("model=nosuch", "matches no model"), ("since=tomorrow", "neither a run number")):
        resp = fetch(ds, f"{FEED}?{query}")
        assert resp.status_code == 400 and message in resp.text
    assert fetch(ds, "/nosuch/-/price-changes.atom").status_code == 404


def test_the_served_feed(db: Path) -> None:
    with ServedDatasette(db) as served:
        resp = httpx.get(f"{served.base}{FEED}?since=2", timeout=30)
    feed = feedparser.parse(resp.content)
    assert resp.status_code == 200 and not feed.bozo and feed.version == "atom10"
    assert [e.tags[0].term for e in feed.entries] == ["conflict"]
    assert feed.feed.links[0].href == f"{served.base}{FEED}?since=2"


def test_the_page_shows_a_hundred_changes_and_the_json_every_one(tmp_path: Path, db: Path) -> None:
    """The HTML page opens at page 1 of 100 with a link to the next; the JSON without ``page`` has all."""
    path = tmp_path / "pingce.db"  # served under the name the helpers use
    path.write_bytes(db.read_bytes())
    conn = sqlite3.connect(path)
    conn.executemany(
        "insert into price_events (recorded_at, kind, model, new_price_label) "
        "values (?, 'new', 'Vidu Q1', ?)",
        [(f"2025-07-01T00:{i // 60:02d}:{i % 60:02d}Z", f"{i} 积分") for i in range(245)],
    )
    conn.commit()
    conn.close()
    ds = make_ds(path)
    everything = [r["id"] for r in changes(ds)]
    assert len(everything) == 250 and everything == sorted(everything, reverse=True)
    html = fetch(ds, "/pingce/price_changes")
    assert html.text.count('<td class="col-id">') == 100
    assert 'href="/pingce/price_changes?model=&amp;since=&amp;page=2">next page (2) →' in html.text
    paged, page = [], 1
    while True:
        rows = changes(ds, f"page={page}")
        paged += [r["id"] for r in rows]
        assert len(rows) == 100 or not any(r["next_page"] for r in rows)
        if not rows[-1]["next_page"]:
            break
        assert json.loads(rows[-1]["next_page"])["page"] == page + 1
        page += 1
    assert paged == everything and page == 3


def test_the_feed_is_stopped_at_the_time_limit(db: Path) -> None:
    """The feed reads through execute_fn, which has no limit of its own: it gets sql_time_limit_ms."""
    ds = make_ds(db)
    ds._settings["sql_time_limit_ms"] = 0  # every query runs past it
    resp = fetch(ds, FEED)
    assert resp.status_code == 503 and "took longer than 0 ms" in resp.text
    ds._settings["sql_time_limit_ms"] = 3000
    assert fetch(ds, FEED).status_code == 200
