"""The roll-ups the pages read (m018 on) equal the direct queries over the claims, whatever the writes.

Random claims (any section, model and kind, some without a model) are inserted, updated and
deleted by plain SQL with the triggers on, or recounted set-wise as the batch writer does with its
triggers off; after each plan the kept counts equal grouping the claims, and compare_models gives
what counting the claims directly gives, for a side of one model (the roll-up) and of several (the
claims' index).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db.derived import refresh_model_kinds, set_triggers, triggers_switchable
from db.price_events import record_price_changes
from db.queries import COMPARE_MODELS_SQL, PRICE_TABLE_SQL
from db.store import delete_document, save_document, save_reextracted
from db.store import save_source as store_source
from schemas.claim import Claim
from schemas.document import CST, Document
from tests.derived_helpers import four_document_db

MODELS = ["Kling 2.1", "Kling 1.6", "Hailuo 02"]
KINDS = ["bug", "strength", "price"]
SECTIONS = ["body", "body", "summary"]

claim = st.tuples(
    st.integers(0, 3),  # document
    st.sampled_from([*MODELS, None]),
    st.sampled_from(KINDS),
    st.sampled_from(SECTIONS),
)
op = st.one_of(
    st.tuples(st.just("insert"), claim),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("update"), st.integers(0, 30), claim),
    st.tuples(st.just("drop document"), st.integers(0, 3)),
)


def _db() -> Database:
    return four_document_db(MODELS)


def _apply(conn: sqlite3.Connection, plan: list[Any]) -> None:
    for step in plan:
        ids = [r[0] for r in conn.execute("select id from claims order by id")]
        if step[0] == "insert":
            d, model, kind, section = step[1]
            conn.execute(
                "insert into claims (id, document_id, model, kind, section, quote) "
                "values (?, ?, ?, ?, ?, 'q')",
                [f"c{max((int(i[1:]) for i in ids), default=-1) + 1:03d}", f"d{d}", model, kind, section],
            )
        elif step[0] == "delete" and ids:
            conn.execute("delete from claims where id = ?", [ids[step[1] % len(ids)]])
        elif step[0] == "update" and ids:
            d, model, kind, section = step[2]
            conn.execute(
                "update claims set document_id = ?, model = ?, kind = ?, section = ? where id = ?",
                [f"d{d}", model, kind, section, ids[step[1] % len(ids)]],
            )
        elif step[0] == "drop document":
            conn.execute("delete from claims where document_id = ?", [f"d{step[1]}"])


def _direct(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        """select model, kind, count(*), count(distinct document_id) from claims
        where section = 'body' and model is not null group by 1, 2 order by 1, 2"""
    ).fetchall()


def _kept(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute("select model, kind, claims, documents from claims_by_model order by 1, 2").fetchall()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(op, max_size=40))
def test_claims_by_model_equals_grouping_the_claims_with_triggers(plan: list[Any]) -> None:
    db = _db()
    _apply(db.conn, plan)
    assert _kept(db.conn) == _direct(db.conn)
    per_document = db.execute(
        "select document_id, model, kind, claims from claim_model_documents order by 1, 2, 3"
    ).fetchall()
    assert (
        per_document
        == db.execute(
            """select document_id, model, kind, count(*) from claims where section = 'body'
        and model is not null group by 1, 2, 3 order by 1, 2, 3"""
        ).fetchall()
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(op, max_size=20), during=st.lists(op, max_size=20))
def test_claims_by_model_recounted_set_wise_equals_the_claims(before: list[Any], during: list[Any]) -> None:
    """Writes with the triggers off, then the written documents recounted (the batch writer's way)."""
    db = _db()
    if not triggers_switchable(db.conn):
        db.conn.execute("drop trigger claims_by_model_claims_ai")  # the same: no trigger counts them
        db.conn.execute("drop trigger claims_by_model_claims_ad")
        db.conn.execute("drop trigger claims_by_model_claims_au")
    _apply(db.conn, before)
    set_triggers(db.conn, False)
    _apply(db.conn, during)
    refresh_model_kinds(db.conn, json.dumps([f"d{d}" for d in range(4)]))
    set_triggers(db.conn, True)
    assert _kept(db.conn) == _direct(db.conn)


def _compare(conn: sqlite3.Connection, a: str, b: str) -> dict[str, tuple[Any, ...]]:
    rows = conn.execute(COMPARE_MODELS_SQL, {"model_a": a, "model_b": b}).fetchall()
    return {r[0]: (r[2], r[3], r[6], r[7]) for r in rows}


def _counted(conn: sqlite3.Connection, models: list[str]) -> dict[str, tuple[int, int]]:
    marks = ",".join("?" * len(models))
    return {
        kind: (claims, documents)
        for kind, claims, documents in conn.execute(
            f"""select kind, count(*), count(distinct document_id) from claims
            where section = 'body' and model in ({marks}) group by kind""",
            models,
        )
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(op, max_size=40))
def test_compare_models_counts_equal_counting_the_claims(plan: list[Any]) -> None:
    """One model a side (from claims_by_model) and a brand of two (from the claims) alike."""
    db = _db()
    _apply(db.conn, plan)
    found = _compare(db.conn, "Kling", "Hailuo 02")  # the bare brand names both Kling models
    a = _counted(db.conn, ["Kling 2.1", "Kling 1.6"])
    b = _counted(db.conn, ["Hailuo 02"])
    assert set(found) == set(a) | set(b)
    for kind, (a_claims, a_documents, b_claims, b_documents) in found.items():
        assert (a_claims, a_documents) == a.get(kind, (None, None))
        assert (b_claims, b_documents) == b.get(kind, (None, None))


# ---------------------------------------------------------------- price points per month (m019)
# model, tier, resolution, clip length, amount
PRICES: list[tuple[str, str | None, str | None, float | None, dict[str, Any]]] = [
    ("Kling 2.1", None, "1080p", 5.0, {"credits": 35, "credit_unit": "灵感值"}),
    ("Kling 2.1", None, "1080p", 5.0, {"credits": 40, "credit_unit": "灵感值"}),
    ("Kling 2.1", "master", None, 10.0, {"price_cny": 10}),
    ("Hailuo 02", None, "768p", 6.0, {"credits": 25, "credit_unit": "积分", "price_cny": 2.5}),
    ("Hailuo 02", None, "768p", None, {"credits": 25, "credit_unit": "积分"}),
    ("Hailuo 02", None, "768p", 6.0, {"price_usd": 0.3}),
]
# dates around month ends, in Beijing time (the UTC month of 2025-03-01 08:00 is February)
DATES = [
    dt.datetime(2025, 1, 31, 23, 0, tzinfo=CST),
    dt.datetime(2025, 2, 1, 7, 59, tzinfo=CST),
    dt.datetime(2025, 2, 14, 12, 0, tzinfo=CST),
    dt.datetime(2025, 3, 1, 7, 0, tzinfo=CST),
    dt.datetime(2025, 3, 1, 8, 0, tzinfo=CST),
    dt.datetime(2025, 4, 30, 16, 0, tzinfo=CST),
    None,  # dated by when it was first seen
]
SINCES = [
    "",
    "2025-01-31",
    "2025-02-01",
    "2025-02-01T08:00:00+08:00",
    "2025-02-14T12:00:00Z",
    "2025-03-01",
    "2025-03-01T00:00:00Z",
    "2025-04-30T08:00:00Z",
    "2025-05-01",
    "2024-12-31",
    "not a date",
]
price_doc = st.tuples(
    st.integers(0, 5),  # document
    st.sampled_from(["a", "b"]),  # source
    st.integers(0, len(DATES) - 1),
    st.integers(1, 2 ** len(PRICES) - 1),  # which prices it states
)
price_op = st.one_of(
    st.tuples(st.just("save"), price_doc),
    st.tuples(st.just("delete"), st.integers(0, 5)),
    st.tuples(st.just("reextract"), st.integers(0, 5), st.integers(0, 2 ** len(PRICES) - 1)),
    st.tuples(st.just("record"), st.just(0)),
)


def _price_doc(n: int, date: int) -> Document:
    return Document(
        platform="feed",
        id=f"p{n}",
        url=f"https://example.com/p{n}",
        title=f"报价{n}",
        published_at=DATES[date],
        text="。".join(f"报价{i}" for i in range(len(PRICES))),
        via="feed",
    )


def _price_claims(doc: Document, mask: int) -> list[Claim]:
    out = []
    for i, (model, tier, res, dur, amount) in enumerate(PRICES):
        if mask >> i & 1:
            start = doc.text.index(f"报价{i}")
            out.append(
                Claim(
                    document=doc.key(),
                    kind="price",
                    model=model,
                    tier=tier,
                    resolution=res,
                    duration_s=dur,
                    quote=f"报价{i}",
                    start=start,
                    end=start + 3,
                    section="body",
                    confidence=0.9,
                    method="test/1",
                    **amount,
                )
            )
    return out


def _price_db(plan: list[Any]) -> Database:
    db = _db()
    for s in ("a", "b"):
        store_source(db, s, "feed", {})
    for step in plan:
        if step[0] == "save":
            n, source, date, mask = step[1]
            doc = _price_doc(n, date)
            save_document(db, doc, source, None, _price_claims(doc, mask), 1)
        elif step[0] == "delete":
            delete_document(db, f"feed:p{step[1]}", via="feed")
        elif step[0] == "reextract":
            row = db.execute(
                "select published_at from documents where id = ?", [f"feed:p{step[1]}"]
            ).fetchone()
            if row is not None:
                doc = _price_doc(step[1], 0)
                save_reextracted(db, doc.key(), _price_claims(doc, step[2]), 2)
        else:
            with db.atomic():
                record_price_changes(db)
    with db.atomic():
        record_price_changes(db)
    return db


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(price_op, min_size=1, max_size=14), model=st.sampled_from(["", "Kling 2.1", "Hailuo"]))
def test_price_table_since_from_the_months_equals_counting_the_documents(plan: list[Any], model: str) -> None:
    """price_table with since: months from price_point_months plus the rest from the documents equals
    counting every document since then (all models listed as changed: nothing read from the months)."""
    db = _price_db(plan)
    assert db.execute("select count(*) from price_event_dirty").fetchone()[0] == 0
    kept = {
        since: db.execute(PRICE_TABLE_SQL, {"model": model, "since": since}).fetchall() for since in SINCES
    }
    db.execute("insert into price_event_dirty (model, backfill) select name, 0 from models")
    for since, rows in kept.items():
        assert rows == db.execute(PRICE_TABLE_SQL, {"model": model, "since": since}).fetchall(), since
    months = db.execute("select count(*) from price_point_months").fetchone()[0]
    assert (
        months
        or not db.execute("select 1 from price_point_documents where observed_at is not null").fetchone()
    )
