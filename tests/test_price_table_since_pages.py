"""price_table with ``since``, a page at a time: the keys on the page are chosen before their points
are ranked (shown_keys, db.price_ranking), so each page holds the rows of the whole table at its place, for
every ``since``, with the months kept (m019, read by key through m021's index) or counted from the
documents (a model changed since the last recording), and a database made before m021 gets the index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db import open_db
from db.migrations import migrations
from db.price_events import record_price_changes
from db.queries import PAGE, PRICE_TABLE_PAGE_SQL, PRICE_TABLE_SQL
from db.store import save_document, save_models
from db.store import save_source as store_source
from schemas.claim import Claim
from schemas.document import Document
from tests.test_schema import schema

KEYS = 130  # clip lengths of one model and tier: a row each
SINCES = ["", "2025-05-01", "2025-05-10T12:00:00+08:00", "2025-06-01", "2025-06-15", "2025-07-01", "nonsense"]
MODELS = ["", "Kling 2.1", "kling", "Hailuo 02", "nothing"]


def _doc(n: int, date: str) -> Document:
    text = "。".join(f"报价{i}" for i in range(KEYS + 3))
    url = f"https://example.com/p{n % 3}"  # p1 and p4 share one
    return Document(
        platform="feed", id=f"p{n}", url=url, title="报价", text=text, via="feed", published_at=date
    )


def _claim(doc: Document, i: int, model: str, kind: str = "price", **fields: Any) -> Claim:
    start = doc.text.index(f"报价{i}。")
    quote = f"报价{i}"
    at = {"start": start, "end": start + len(quote), "section": "body"}
    return Claim(
        document=doc.key(),
        kind=kind,
        model=model,
        quote=quote,
        confidence=0.9,
        method="t/1",
        **at,
        **fields,
    )


def _write(db: Database) -> None:
    """Five documents of two sources over May to July 2025: 130 keys of Kling 2.1 (most in conflict), a
    key of Hailuo 02 without a clip length merged into the one with it, two documents sharing a URL."""
    models = (("Kling 2.1", "Kuaishou"), ("Hailuo 02", "MiniMax"))
    save_models(db, [{"name": n, "vendor": v, "brand": n.split()[0], "aliases": []} for n, v in models])
    for s in ("a", "b"):
        store_source(db, s, "feed", {})
    plan = [  # document, source, date, the clip lengths it prices, credits per second
        (1, "a", "2025-05-10T20:00:00+08:00", range(KEYS), 10.0),
        (2, "b", "2025-06-10T09:00:00+08:00", range(0, 120), 12.0),
        (3, "a", "2025-06-20T09:00:00+08:00", range(0, 120, 3), 10.0),
        (4, "b", "2025-06-30T23:30:00+08:00", range(50, 60), 12.0),
        (5, "a", "2025-07-02T09:00:00+08:00", range(0), 0.0),
    ]
    for n, source, date, lengths, rate in plan:
        doc = _doc(n, date)
        claims = [
            _claim(doc, i, "Kling 2.1", duration_s=float(i + 1), credits=rate * (i + 1), credit_unit="灵感值")
            for i in lengths
        ]
        hailuo: dict[str, Any] = {"resolution": "768p", "price_cny": 2.0 + n % 2}
        claims.append(_claim(doc, KEYS, "Hailuo 02", duration_s=6.0 if n % 2 else None, **hailuo))
        stated: dict[str, Any] = {"credits_per_cny": 10.0 if n < 4 else 8.0, "credit_unit": "灵感值"}
        claims.append(_claim(doc, KEYS + 1, "Kling 2.1", "credit_rate", **stated))  # Kling valued at it
        save_document(db, doc, source, None, claims, 1)
    with db.atomic():
        record_price_changes(db)


def _pages(db: Database, model: str, since: str, rows: int) -> list[tuple[Any, ...]]:
    """Pages 1-3 one after the other; the last row of each but the last links to the next."""
    out: list[tuple[Any, ...]] = []
    for page in range(1, 4):
        got = db.execute(PRICE_TABLE_PAGE_SQL, {"model": model, "since": since, "page": str(page)}).fetchall()
        links = [r[-1] is not None for r in got]
        assert links == [i == PAGE - 1 and rows > page * PAGE for i in range(len(got))], (page, rows)
        out += [r[:-1] for r in got]
    return out


def _check(db: Database) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    out = {}
    for since in SINCES:
        for model in MODELS:
            every = db.execute(PRICE_TABLE_SQL, {"model": model, "since": since}).fetchall()
            whole = db.execute(PRICE_TABLE_PAGE_SQL, {"model": model, "since": since, "page": ""}).fetchall()
            assert [r[:-1] for r in whole] == every and all(r[-1] is None for r in whole)
            assert _pages(db, model, since, len(every)) == every, (model, since)
            out[(model, since)] = every
    return out


def test_each_page_holds_the_rows_of_the_whole_table(tmp_path: Path) -> None:
    db = open_db(tmp_path / "p.db")
    _write(db)
    kept = _check(db)
    assert len(kept[("", "")]) == KEYS + 1 and len(kept[("", "2025-06-01")]) == 121
    assert len(kept[("", "2025-07-01")]) == 1 and kept[("", "nonsense")] == []
    assert {r[0] for r in kept[("Kling 2.1", "2025-06-15")]} == {"Kling 2.1"}
    basis = [r[-3] for r in kept[("", "2025-06-01")]]  # per_second_basis: Kling's credits at its rate
    assert basis.count("CNY at 10 灵感值 = 1 CNY") == 120, set(basis)
    db.execute("insert into price_event_dirty (model, backfill) select name, 0 from models")
    assert _check(db) == kept  # counted from the documents: the same rows


def test_a_database_made_before_m021_gets_the_index_and_the_same_rows(tmp_path: Path) -> None:
    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m021_price_point_months_by_key")
    assert not old.execute("select 1 from sqlite_master where name = 'price_point_months_key'").fetchone()
    old.conn.close()
    db = open_db(tmp_path / "p.db")
    _write(db)
    rows = _check(db)
    # as a database with prices that m021 has not met: no index, no record of the migration
    db.execute("drop index price_point_months_key")
    db.execute("delete from _sqlite_migrations where name = 'm021_price_point_months_by_key'")
    db.conn.commit()
    db.conn.close()
    upgraded = open_db(tmp_path / "p.db")
    assert schema(upgraded) == schema(open_db(tmp_path / "old.db")) == schema(open_db(":memory:"))
    assert _check(upgraded) == rows
