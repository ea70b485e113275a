"""The fast paths give exactly the slow answers.

* The price table reads price_point_documents, price_point_sources and
  price_point_lists, which triggers keep up to date. After any sequence of writes (pipeline writers,
  re-extraction,
  plain SQL) the tables equal a rebuild from scratch, and the price table and the
  conflicts equal the README's consensus rule computed here in Python.
* Search answers two-character queries through the trigram vocabulary and the
  tail indexes: its hits equal a brute-force substring scan with LIKE's case rules.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from db import open_db
from db.price_events import record_price_changes
from db.price_points import rebuild_price_points, sync_price_points
from db.price_rule import PriceClaim, document_points
from db.queries import CLAIMS_OVER_TIME_SQL, OBSERVED_AT, PRICE_CONFLICTS_SQL, SEARCH_SQL, SINCE_UTC
from db.search import register_functions, search_query, simplified, sync_search
from db.store import save_document, save_models, save_source
from ingest.export import price_rows, row_dicts
from schemas.claim import Claim
from schemas.document import Document, SectionName
from tests.dbfixtures import build_sample_db

CST = dt.timezone(dt.timedelta(hours=8))
MODELS = ["Kling 2.1", "Veo 3", "Hailuo 02"]
SOURCES = ["weibo", "wechat", "clips"]
KEY = ("model", "tier", "resolution", "duration_s")


# ---------------------------------------------------------------- the consensus rule, in Python
def _label(credits: float | None, unit: str | None, cny: float | None, usd: float | None) -> str:
    if credits is not None:
        return "%g %s" % (credits, unit if unit is not None else "credits")  # noqa: UP031 (C's %g)
    if cny is not None:
        return "CNY %g" % cny  # noqa: UP031
    assert usd is not None
    return "USD %g" % usd  # noqa: UP031


def _max(values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _newest_amount(claims: list[dict[str, Any]], column: str) -> float | None:
    """The amount of the newest claim that states it; the larger one among the newest."""
    stating = [c for c in claims if c[column] is not None]
    if not stating:
        return None
    best = max(stating, key=lambda c: (c["observed_at"] is not None, c["observed_at"] or "", c[column]))
    return float(best[column])


def _more_specific(less: tuple[Any, ...], more: tuple[Any, ...]) -> bool:
    return (
        less != more
        and less[:2] == more[:2]
        and (less[2] is None or less[2] == more[2])
        and (less[3] is None or less[3] == more[3])
    )


def consensus(
    conn: sqlite3.Connection, model: str = "", since: str = ""
) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """Every key's price points, best first, as the README's "Consensus rule" states it."""
    since_utc = conn.execute(f"select {SINCE_UTC}", {"since": since}).fetchone()[0] if since else None
    conn.row_factory = sqlite3.Row
    claims = [
        dict(r)
        for r in conn.execute(f"""
        select c.model, c.tier, c.resolution, c.duration_s, c.credits, c.credit_unit,
          c.price_cny, c.price_usd, coalesce(c.start, 0) as start,
          d.id as document_id, d.url, d.source, {OBSERVED_AT} as observed_at, m.vendor
        from claims c join documents d on d.id = c.document_id left join models m on m.name = c.model
        where c.kind = 'price' and c.section = 'body'""")
    ]
    conn.row_factory = None
    # each document's own points first (db.price_points, tested on its own in test_price_points)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        if c["model"] is None or all(c[k] is None for k in ("credits", "price_cny", "price_usd")):
            continue
        by_doc[c["document_id"]].append(c)
    doc_points = []
    for cs in by_doc.values():
        for dp in document_points([PriceClaim(*(c[k] for k in PriceClaim.__slots__)) for c in cs]):
            if model and dp.key[0] != model:
                continue
            vendor = next(c["vendor"] for c in cs if c["model"] == dp.key[0])
            doc_points.append({**cs[0], **dict(zip(KEY, dp.key, strict=True)), "point": dp, "vendor": vendor})
    # then a less specific key counts under the one most specific key it is compatible with
    keys = {tuple(d[k] for k in KEY) for d in doc_points}
    maximal = [k for k in keys if not any(_more_specific(k, t) for t in keys)]
    mapped = {}
    for k in keys:
        targets = [t for t in maximal if _more_specific(k, t)]
        mapped[k] = targets[0] if len(targets) == 1 else k
    points: dict[tuple[Any, ...], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for d in doc_points:
        if since and (since_utc is None or d["observed_at"] is None or d["observed_at"] < since_utc):
            continue
        point = d["point"]
        c = {
            **d,
            "credits": point.credits,
            "credit_unit": point.credit_unit,
            "price_cny": point.price_cny,
            "price_usd": point.price_usd,
        }
        points[mapped[tuple(d[k] for k in KEY)]][point.label].append(c)
    out = {}
    for key, by_label in points.items():
        ranked = []
        for label, cs in by_label.items():
            docs = {c["document_id"]: c for c in cs}
            ids = sorted(docs)
            urls: list[str] = []
            for i in ids:
                if docs[i]["url"] is not None and docs[i]["url"] not in urls:
                    urls.append(docs[i]["url"])
            ranked.append(
                {
                    "price_label": label,
                    "vendor": cs[0]["vendor"],
                    "credits": _max([c["credits"] for c in cs]),
                    "credit_unit": _max([c["credit_unit"] for c in cs]),
                    "price_cny": _newest_amount(cs, "price_cny"),
                    "price_usd": _newest_amount(cs, "price_usd"),
                    "supporting_documents": len(docs),
                    "supporting_sources": len(
                        {d["source"] for d in docs.values() if d["source"] is not None}
                    ),
                    "newest_observed_at": _max([c["observed_at"] for c in cs]),
                    "document_ids": ids,
                    "document_urls": urls,
                }
            )
        ranked.sort(key=lambda p: p["price_label"])
        ranked.sort(
            key=lambda p: (p["newest_observed_at"] is not None, p["newest_observed_at"] or ""), reverse=True
        )
        ranked.sort(key=lambda p: -p["supporting_documents"])
        total = len({c["document_id"] for cs in by_label.values() for c in cs})
        for p in ranked:
            p["total_documents"] = total
        out[key] = ranked
    return out


def expected_price_table(
    conn: sqlite3.Connection, model: str = "", since: str = ""
) -> dict[tuple[Any, ...], dict[str, Any]]:
    table = {}
    for key, ranked in consensus(conn, model, since).items():
        top = dict(ranked[0])
        _, _, _, duration = key
        per_s = duration is not None and duration > 0
        top.update(dict(zip(KEY, key, strict=True)))
        top["cny_per_second"] = (
            round(top["price_cny"] / duration, 4) if per_s and top["price_cny"] is not None else None
        )
        top["credits_per_second"] = (
            round(top["credits"] / duration, 4) if per_s and top["credits"] is not None else None
        )
        top["conflict"] = len(ranked) > 1
        top["alternatives"] = [
            {
                k: p[k]
                for k in (
                    "price_label",
                    "credits",
                    "credit_unit",
                    "price_cny",
                    "price_usd",
                    "supporting_documents",
                    "newest_observed_at",
                )
            }
            for p in ranked[1:]
        ]
        table[key] = top
    return table


def assert_price_table_follows_the_rule(path: Path, params: list[tuple[str, str]]) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    checked = 0
    for model, since in params:
        got = {tuple(r[k] for k in KEY): r for r in row_dicts(price_rows(conn, model=model, since=since))}
        conn.row_factory = None
        want = expected_price_table(conn, model, since)
        assert got.keys() == want.keys(), (model, since)
        for key, row in want.items():
            for name, value in row.items():
                if name in ("cny_per_second", "credits_per_second") and value is not None:
                    assert got[key][name] == pytest.approx(value), (key, name)
                else:
                    assert got[key][name] == value, (model, since, key, name, got[key][name], value)
        conflicts, page = [], 1
        while True:  # every page (the query shows 100 rows a page)
            rows = conn.execute(PRICE_CONFLICTS_SQL, {"model": model, "since": since, "page": str(page)})
            conflicts += (found := rows.fetchall())
            if not (found and found[-1][14]):
                break
            page += 1
        want_conflicts = [
            (
                *key,
                p["price_label"],
                "shown" if i == 0 else "alternative",
                p["credits"],
                p["credit_unit"],
                p["price_cny"],
                p["price_usd"],
                p["supporting_documents"],
                p["newest_observed_at"],
                p["document_urls"],
                p["document_ids"],
            )
            for key, ranked in consensus(conn, model, since).items()
            if len(ranked) > 1
            for i, p in enumerate(ranked)
        ]
        got_conflicts = [(*r[:12], json.loads(r[12]), json.loads(r[13])) for r in conflicts]
        assert sorted(got_conflicts, key=repr) == sorted(want_conflicts, key=repr)
        checked += len(want)
    conn.close()
    return checked


# ---------------------------------------------------------------- price tables kept by triggers
def _tables(conn: sqlite3.Connection) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    docs = conn.execute("""select model, tier, resolution, duration_s, price_point, document_id, claims,
        credits, credit_unit, price_cny, price_usd, observed_at, source, document_url
        from price_point_documents""").fetchall()
    sources = conn.execute("""select model, tier, resolution, duration_s, price_point, source, documents,
        newest_observed_at, credits, credit_unit from price_point_sources""").fetchall()
    # which row of a document and key carries first_for_key is free; that exactly one does is not
    flags = conn.execute("""select model, tier, resolution, duration_s, document_id, sum(first_for_key)
        from price_point_documents group by 1, 2, 3, 4, 5""").fetchall()
    key_docs = conn.execute("""select model, tier, resolution, duration_s, sum(key_documents)
        from price_point_sources group by 1, 2, 3, 4""").fetchall()
    lists = conn.execute("select * from price_point_lists").fetchall()
    assert all(f[-1] == 1 for f in flags), [f for f in flags if f[-1] != 1]
    return (
        sorted(docs, key=repr),
        sorted(sources, key=repr),
        sorted(key_docs, key=repr),
        sorted(lists, key=repr),
    )


def assert_price_tables_match_a_rebuild(db: Database) -> None:
    sync_price_points(db)  # what plain SQL changed (the writers sync themselves)
    kept = _tables(db.conn)
    db.conn.execute("savepoint rebuild")
    rebuild_price_points(db)
    rebuilt = _tables(db.conn)
    db.conn.execute("rollback to rebuild")
    db.conn.execute("release rebuild")
    assert kept[0] == rebuilt[0], "price_point_documents drifted from the claims"
    assert kept[1] == rebuilt[1], "price_point_sources drifted from price_point_documents"
    assert kept[2] == rebuilt[2], "documents per key drifted"
    assert kept[3] == rebuilt[3], "price_point_lists drifted from price_point_documents"
    assert_claims_by_month_matches_the_claims(db.conn)


def assert_claims_by_month_matches_the_claims(conn: sqlite3.Connection) -> None:
    """claims_by_month (kept by triggers, m009) equals grouping every claim with its document."""
    grouped = conn.execute(f"""
        select substr({OBSERVED_AT}, 1, 7) as month, c.kind, count(*), count(distinct c.document_id)
        from claims c join documents d on d.id = c.document_id
        where {OBSERVED_AT} is not null group by month, c.kind order by month, c.kind""").fetchall()
    assert conn.execute(CLAIMS_OVER_TIME_SQL).fetchall() == grouped, "claims_by_month drifted"
    stale = conn.execute(f"""select count(*) from claims c left join documents d on d.id = c.document_id
        where c.observed_at is not {OBSERVED_AT}""").fetchone()[0]
    assert stale == 0, "claims.observed_at drifted from its document's date"


class Corpus:
    """Random documents and claims with few distinct values, so keys, points, dates and URLs collide."""

    def __init__(self, db: Database, seed: int) -> None:
        self.db, self.r, self.version, self.n = db, random.Random(seed), 1, 0
        save_models(
            db,
            [
                {"name": "Kling 2.1", "vendor": "Kuaishou"},
                {"name": "Veo 3", "vendor": "Google"},
                {"name": "Hailuo 02"},
            ],
        )
        for s in SOURCES + ["other"]:
            save_source(db, s, "test", {})
        self.docs: dict[str, dict[str, Any]] = {}

    def _claims(self, doc: Document, count: int) -> list[Claim]:
        r, out = self.r, []
        for quote in (doc.text or "").split("。")[:count]:
            if not quote:
                continue
            kind = r.choice(["price"] * 6 + ["bug"])
            fields: dict[str, Any] = {}
            if kind == "price":
                fields = {
                    "tier": r.choice([None, None, None, "standard", "high-quality"]),
                    "resolution": r.choice(["1080p", "1080p", "1080p", None, "720p"]),
                    "duration_s": r.choice([5.0, 5.0, 5.0, 5.0, None, 10.0, 0.0]),
                }
                form = r.choice(["credits", "credits", "cny", "usd", "both", "none"])
                if form in ("credits", "both"):
                    fields["credits"] = r.choice([20.0, 35.0, 35.0000001, 100.0])
                    fields["credit_unit"] = r.choice([None, "credits", "灵感值"])
                if form in ("cny", "both"):
                    fields["price_cny"] = r.choice([2.0, 3.5, 3.6])
                if form == "usd":
                    fields["price_usd"] = r.choice([4.0, 6.0])
            in_summary = r.random() < 0.15 and doc.summary and quote in doc.summary
            section: SectionName = "summary" if in_summary else "body"
            text = doc.section_text(section)
            start = text.index(quote)
            out.append(
                Claim(
                    document=doc.key(),
                    kind=kind,
                    model=r.choice([*MODELS, *MODELS, None]),
                    quote=quote,
                    start=start,
                    end=start + len(quote),
                    section=section,
                    confidence=0.9,
                    method="test/1",
                    **fields,
                )
            )
        return out

    def _document(self, platform_id: str) -> Document:
        r = self.r
        text = "。".join(f"第{self.n}-{i}句报价" for i in range(r.randint(1, 8)))
        self.n += 1
        day = r.choice(
            [
                None,
                dt.datetime(2025, 5, 1, 8, 0, tzinfo=CST),
                dt.datetime(2025, 6, 1, 8, 0, tzinfo=CST),
                dt.datetime(2025, 6, 10, 20, 0, tzinfo=CST),
            ]
        )
        return Document(
            platform="wechat",
            id=platform_id,
            title=f"t{platform_id}",
            published_at=day,
            text=text,
            summary=text.split("。")[0] if r.random() < 0.3 else None,
            url=r.choice([None, f"https://example.com/{platform_id}", "https://example.com/shared"]),
        )

    def new_document(self) -> None:
        doc = self._document(f"d{len(self.docs)}")
        source = self.r.choice(SOURCES)
        save_document(self.db, doc, source, None, self._claims(doc, 8), self.version)
        self.docs[doc.key()] = {"doc": doc, "source": source}

    def step(self) -> None:
        r, db = self.r, self.db
        if not self.docs or r.random() < 0.2:
            self.new_document()
            return
        key = r.choice(sorted(self.docs))
        entry = self.docs[key]
        doc: Document = entry["doc"]
        claim_ids = [row[0] for row in db.execute("select id from claims where document_id = ?", [key])]
        op = r.choice(["reextract", "change", "source", "date", "url", "delete", "update", "update"])
        with db.atomic():
            if op == "reextract":  # the same document, other claims (some kept, some new, some gone)
                self.version += 1
                save_document(
                    db, doc, entry["source"], None, self._claims(doc, r.randint(0, 8)), self.version
                )
            elif op == "change":  # new text and date: the row is updated and its claims replaced
                fresh = self._document(doc.id or "")
                entry["doc"] = fresh
                save_document(db, fresh, entry["source"], None, self._claims(fresh, 8), self.version)
            elif op == "source":
                entry["source"] = r.choice([*SOURCES, "other"])
                db.execute("update documents set source = ? where id = ?", [entry["source"], key])
            elif op == "date":
                db.execute(
                    "update documents set published_at = ?, first_seen = ? where id = ?",
                    [
                        r.choice([None, "2025-06-01T08:00:00+08:00", "2025-07-02T00:00:00+08:00"]),
                        r.choice(["2025-04-01T00:00:00+00:00", "2025-08-01T00:00:00+00:00"]),
                        key,
                    ],
                )
            elif op == "url":
                db.execute(
                    "update documents set url = ? where id = ?",
                    [r.choice([None, "https://example.com/shared", "https://example.com/other"]), key],
                )
            elif op == "delete" and claim_ids:
                db.execute("delete from claims where id = ?", [r.choice(claim_ids)])
            elif op == "update" and claim_ids:
                column, value = r.choice(
                    [
                        ("credits", r.choice([None, 20.0, 35.0, 40.0])),
                        ("credit_unit", r.choice([None, "credits", "积分"])),
                        ("price_cny", r.choice([None, 3.5, 4.0])),
                        ("price_usd", r.choice([None, 6.0])),
                        ("tier", r.choice([None, "standard"])),
                        ("duration_s", r.choice([None, 5.0])),
                        ("section", r.choice(["body", "summary"])),
                        ("kind", r.choice(["price", "bug"])),
                        ("model", r.choice([*MODELS, None])),
                    ]
                )
                db.execute(f"update claims set [{column}] = ? where id = ?", [value, r.choice(claim_ids)])


PARAMS = [
    ("", ""),
    ("Kling 2.1", ""),
    ("Veo 3", "2025-06-01"),
    ("", "2025-06-01"),
    ("", "2025-06-10T20:00"),
    ("", "2025-06-10T20:01"),
    ("nobody", ""),
    ("", "not a date"),
]


@pytest.mark.parametrize("seed", range(6))
def test_price_tables_follow_every_write(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "random.db"
    db = open_db(path)
    corpus = Corpus(db, seed)
    for _ in range(10):
        corpus.new_document()
    for i in range(120):
        corpus.step()
        if i % 30 == 29:
            assert_price_tables_match_a_rebuild(db)
    assert_price_tables_match_a_rebuild(db)
    db.conn.commit()
    assert db.execute("select count(*) from price_point_documents").fetchone()[0] > 0
    assert db.execute("select count(*) from price_event_dirty").fetchone()[0] > 0
    # the models whose price points changed since the last recording are ranked as the query runs
    assert assert_price_table_follows_the_rule(path, PARAMS) > 0
    with db.atomic():  # the end of a run: their ranked points are kept (price_ranks) and read from there
        record_price_changes(db)
    assert db.execute("select count(*) from price_event_dirty").fetchone()[0] == 0
    assert db.execute("select count(*) from price_ranks").fetchone()[0] > 0
    db.conn.close()
    assert assert_price_table_follows_the_rule(path, PARAMS) > 0


def test_sample_price_table_follows_the_rule(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / "sample.db")
    assert assert_price_table_follows_the_rule(path, PARAMS) >= 6


def test_migration_backfills_existing_claims(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    before = sorted(conn.execute("select * from price_point_sources").fetchall())
    for (name,) in conn.execute(
        "select name from sqlite_master where type = 'trigger' and name like 'price\\_point%' escape '\\'"
    ).fetchall():
        conn.execute(f"drop trigger {name}")
    for table in ("price_point_documents", "price_point_sources", "price_point_lists"):
        conn.execute(f"drop table {table}")
    conn.execute("delete from _sqlite_migrations where name = 'm006_price_points'")
    conn.commit()
    conn.close()
    db = open_db(path)
    assert sorted(db.execute("select * from price_point_sources").fetchall()) == before
    assert_price_tables_match_a_rebuild(db)
    db.conn.close()


# ---------------------------------------------------------------- search
def _ascii_fold(s: str) -> str:
    return s.translate({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})


def brute_force_search(conn: sqlite3.Connection, q: str) -> tuple[set[str], set[str]]:
    """Claim and document ids whose columns' Simplified copies contain ``q`` in Simplified, ignoring
    ASCII case only (as LIKE does)."""
    q = _ascii_fold(search_query(q))
    if not q:
        return set(), set()

    def found(cols: list[str | None]) -> bool:
        return any(c is not None and q in _ascii_fold(simplified(c)) for c in cols)

    claims = {i for i, *cols in conn.execute("select id, quote, model from claims") if found(cols)}
    docs = {i for i, *cols in conn.execute("select id, title, text, summary from documents") if found(cols)}
    return claims, docs


def search(conn: sqlite3.Connection, q: str) -> tuple[set[str], set[str]]:
    rows = conn.execute(SEARCH_SQL, {"q": q, "page": ""}).fetchall()
    claims = {r[9] for r in rows if r[0] == "claim"}
    docs = {r[8] for r in rows if r[0] == "document"}
    assert len(claims) + len(docs) == len(rows), "a hit is listed twice"
    return claims, docs


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = build_sample_db(tmp_path_factory.mktemp("search") / "sample.db")
    db = open_db(path)  # a few rows that exercise case, escapes and the ends of columns
    db.execute("insert into models (name) values ('Veo 3 Fast')")
    db.execute("""insert into documents (id, source, platform, title, text, summary, first_seen)
                  values ('t:1', 'clips', 'test', 'AB', 'ÉCOLE Ｋling 50%_off\\x "引号"', '跳轴',
                          '2025-01-01')""")
    db.execute("""insert into claims
        (id, document_id, kind, model, quote, section, start, "end", confidence, method)
                  values ('c1', 't:1', 'bug', 'Veo 3 Fast', '跳轴', 'body', 0, 2, 0.5, 'x'),
                         ('c2', 't:1', 'bug', null, '50%_off\\x', 'body', 0, 9, 0.5, 'x')""")
    # Traditional and Simplified: each finds the other
    db.execute("""insert into documents (id, source, platform, title, text, summary, first_seen)
                  values ('t:2', 'clips', 'test', '畫面變形', '手指也變形了，頭髮飄動自然。乾燥', null,
                          '2025-01-02')""")
    db.execute("""insert into claims
        (id, document_id, kind, model, quote, section, start, "end", confidence, method)
                  values ('c3', 't:2', 'bug', null, '變形', 'body', 3, 5, 0.5, 'x'),
                         ('c4', 't:2', 'bug', null, '人物变形严重', 'body', 0, 6, 0.5, 'x')""")
    sync_search(db.conn)  # index what the plain SQL above wrote, as the writers do
    db.conn.commit()
    db.conn.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_functions(conn)
    return conn


def _pairs(conn: sqlite3.Connection) -> list[str]:
    texts = [
        c
        for row in conn.execute(
            "select quote, model from claims union all "
            "select title, text || coalesce(summary, '') from documents"
        )
        for c in row
        if c
    ]
    return sorted({t[i : i + 2] for t in texts for i in range(len(t) - 1)})


def test_every_short_query_equals_a_substring_scan(sample: sqlite3.Connection) -> None:
    """Every one- and two-character substring of the sample (and some more) finds what a scan of the
    Simplified copies finds."""
    pairs = _pairs(sample)
    assert len(pairs) > 300
    singles = sorted({c for p in pairs for c in p})
    extra = [
        "存在",
        "fa",
        "FA",
        "Fa",
        "ng",
        "NG",
        "st",
        "3 ",
        "%_",
        "_o",
        "\\x",
        '"引',
        '号"',
        "ÉC",
        "éc",
        "Ｋl",
        "ｋl",
        "ab",
        "Ab",
        "  跳轴 ",
        "zz",
        "%",
        "_",
        "跳",
        "a",
        "1",
        "变形",
        "變形",
        "变",
        "變",
        "头发",
        "頭髮",
        "干燥",
        "了，",
        "。乾",
        "\x1e",
        "形\x1e",
    ]
    for q in pairs + singles + extra:
        assert search(sample, q) == brute_force_search(sample, q), q


def test_a_word_at_the_end_of_a_column_is_found(sample: sqlite3.Connection) -> None:
    # "存在" ends the quote 手指抽搐的问题仍然存在: only the end marks give it a trigram of its own
    terms = sample.execute("select term from claims_fts_vocab where term glob '存在*'").fetchall()
    assert terms == [("存在\x1e",)]
    claims, docs = search(sample, "存在")
    assert len(claims) == 1 and len(docs) == 1
    assert search(sample, "跳轴") == ({"c1"}, {"t:1"})  # a whole column of two characters


def test_short_search_work_does_not_grow_with_the_table(tmp_path: Path) -> None:
    """Work for a rare one- or two-character query is bounded as the table grows: the newest rows
    read (a bounded number) and the index's hits; only a query the index cannot answer (a character
    the tokenizer folds otherwise than LIKE) scans every row."""
    from db.queries import PAGE, SEARCH_WALK

    path = build_sample_db(tmp_path / "big.db")
    conn = sqlite3.connect(path)
    register_functions(conn)

    def fill(start: int, claims: int) -> None:
        docs = claims // 10
        conn.executemany(
            "insert into documents (id, source, platform, text, first_seen) values (?, 'clips', 'x', ?, '')",
            [(f"x:{i}", "无关的填充文字" * 20) for i in range(start // 10, start // 10 + docs)],
        )
        conn.executemany(
            """insert into claims (id, document_id, kind, quote, section, start, "end", confidence, method)
                            values (?, ?, 'bug', '无关的填充文字', 'body', 0, 7, 0.5, 'x')""",
            [(f"f{i}", f"x:{i // 10}") for i in range(start, start + claims)],
        )
        sync_search(conn)  # index what the plain SQL above wrote, as the writers do
        conn.commit()

    def steps(q: str) -> int:
        count = 0

        def tick() -> int:
            nonlocal count
            count += 1
            return 0

        conn.set_progress_handler(tick, 100)
        conn.execute(SEARCH_SQL, {"q": q, "page": ""}).fetchall()
        conn.set_progress_handler(None, 100)
        return count

    walked = SEARCH_WALK["claims"] * (PAGE + 1)  # at most this many of the newest claims are read
    fill(0, walked)
    before = {q: steps(q) for q in ("手指", "手", "é")}
    fill(walked, 2 * walked)
    assert search(conn, "手指") == brute_force_search(conn, "手指")
    after = {q: steps(q) for q in ("手指", "手", "é")}
    assert after["é"] > 2.5 * before["é"]  # a scan: three times the rows
    scan_growth = after["é"] - before["é"]
    assert after["手指"] - before["手指"] < scan_growth / 20 and after["手"] - before["手"] < scan_growth / 20


def test_a_large_run_refreshes_the_planner_statistics(tmp_path: Path) -> None:
    from db.runs import ANALYZE_AFTER, refresh_statistics

    path = build_sample_db(tmp_path / "s.db")
    db = open_db(path)
    db.execute("delete from sqlite_stat1")
    assert not refresh_statistics(db, ANALYZE_AFTER - 1)
    assert not db.execute("select count(*) from sqlite_stat1").fetchone()[0]
    assert refresh_statistics(db, ANALYZE_AFTER)  # more than a tenth of the sample's documents
    assert db.execute("select count(*) from sqlite_stat1 where tbl = 'claims'").fetchone()[0]


@pytest.mark.parametrize(
    ("query", "kind", "params", "all_rows"),
    [
        (
            "price_history",
            "price",
            {"model": "Kling 2.1", "since": ""},
            "select id from claims where kind = 'price' and section = 'body' and model = 'Kling 2.1' "
            "and coalesce(credits, price_cny, price_usd) is not null",
        ),
        (
            "model_bugs_strengths",
            "bug",
            {"model": "Kling 2.1"},
            "select id from claims where kind in ('bug', 'strength') and section = 'body' "
            "and model = 'Kling 2.1'",
        ),
    ],
)
def test_long_lists_page_through_every_row(
    tmp_path: Path, query: str, kind: str, params: dict[str, str], all_rows: str
) -> None:
    """price_history and model_bugs_strengths: a page of the newest, and ``older`` to the rest."""
    from db.queries import PAGE, QUERIES

    path = build_sample_db(tmp_path / "long.db")
    conn = sqlite3.connect(path)
    conn.executemany(
        "insert into documents (id, source, platform, text, published_at, first_seen) "
        "values (?, 'clips', 'x', '可灵2.1五秒20灵感值，手指会抖', ?, '2025-01-01')",
        [(f"l:{i}", f"2025-04-{1 + i % 15:02d}T08:00:00+08:00") for i in range(60)],
    )
    conn.executemany(
        """insert into claims (id, document_id, kind, model, credits, credit_unit, quote, section, start,
             "end", confidence, method)
           values (?, ?, ?, 'Kling 2.1', 20, '灵感值', ?, 'body', 0, 5, 0.9, 'x')""",
        [
            (f"l{i}", f"l:{i % 60}", kind, "可灵2.1五秒20灵感值" if kind == "price" else "手指会抖")
            for i in range(300)
        ],
    )
    conn.commit()
    expected = {r[0] for r in conn.execute(all_rows)}
    assert len(expected) > 2 * PAGE
    seen: set[str] = set()
    page = 1
    while True:
        cur = conn.execute(QUERIES[query], {**params, "page": str(page)})
        names = [d[0] for d in cur.description]
        found = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        assert len(found) == PAGE or not any(r["next_page"] for r in found)
        assert not seen & {r["claim_id"] for r in found}, "a row on two pages"
        seen |= {r["claim_id"] for r in found}
        cursors = [json.loads(r["next_page"]) for r in found if r["next_page"]]
        assert not cursors or found[-1]["next_page"], "the cursor is on the last row"
        if not cursors:
            break
        assert cursors[0] == {"query": query, **params, "page": page + 1}
        page += 1
    assert seen == expected and page >= 3


def _page_through(conn: sqlite3.Connection, sql: str, q: str) -> tuple[list[str], list[str]]:
    """Claim and document ids of every page of the search for ``q``, in the order shown."""
    claims: list[str] = []
    docs: list[str] = []
    page = 1
    while True:
        rows = conn.execute(sql, {"q": q, "page": str(page)}).fetchall()
        assert [r[0] for r in rows] == sorted(r[0] for r in rows), "claims before documents"
        for hit in ("claim", "document"):
            dates = [r[7] for r in rows if r[0] == hit]
            assert dates == sorted(dates, reverse=True), "newest first"
        claims += [r[9] for r in rows if r[0] == "claim"]
        docs += [r[8] for r in rows if r[0] == "document"]
        cursors = [r[10] for r in rows if r[10]]
        assert cursors == ([rows[-1][10]] if rows and rows[-1][10] else []), "the cursor is on the last row"
        if not cursors:
            return claims, docs
        assert json.loads(cursors[0]) == {"query": "search", "q": q, "page": page + 1}
        page += 1


def test_search_pages_through_every_hit_newest_first(tmp_path: Path) -> None:
    """Every way the search takes (reading the newest rows, sorting the index's hits, picking them
    from the date index) pages through the same hits in the same order, each once."""
    from db.queries import PAGE, SEARCH_FEW, SEARCH_WALK, search_sql

    path = build_sample_db(tmp_path / "paged.db")
    conn = sqlite3.connect(path)
    register_functions(conn)
    conn.executemany(
        "insert into documents (id, source, platform, text, published_at, first_seen) "
        "values (?, 'clips', 'x', ?, ?, '2025-01-01')",
        [
            (f"p:{i}", "手指会抖" if i % 3 else "画面稳定", f"2025-03-{1 + i % 20:02d}T08:00:00+08:00")
            for i in range(330)
        ],
    )
    conn.executemany(
        """insert into claims (id, document_id, kind, quote, section, start, "end", confidence, method,
             observed_at)
           select ?, id, 'bug', ?, 'body', 0, 2, 0.5, 'x',
             strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(published_at, first_seen))
           from documents where id = ?""",
        [(f"p{i}", "手指抖" if i % 4 else "跳轴了", f"p:{i % 330}") for i in range(1000)],
    )
    sync_search(conn)
    conn.commit()
    for q in ("手指", "跳轴", "指", "抖"):
        want_claims, want_docs = brute_force_search(conn, q)
        shown = None
        for walk, few in (
            (SEARCH_WALK, SEARCH_FEW),  # as served: few hits here, the index's hits sorted
            ({"claims": 1, "documents": 1}, 10**6),  # the same
            (SEARCH_WALK, 0),  # the newest rows read until a page is full (then the next way)
            ({"claims": 1, "documents": 1}, 0),  # the index's hits, picked from the date index
        ):
            claims, docs = _page_through(conn, search_sql(walk, few), q)
            assert sorted(claims) == sorted(want_claims) and sorted(docs) == sorted(want_docs), (q, walk, few)
            assert shown is None or (claims, docs) == shown, (q, walk, few)
            shown = claims, docs
        assert shown and max(len(shown[0]), len(shown[1])) > PAGE, q
