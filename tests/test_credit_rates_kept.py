"""The credit-rate claims kept by brand (m020) equal selecting them from the claims, whatever the writes.

Random credit-rate claims (registered and unregistered models, rates in CNY or USD, zero, missing)
and other claims are inserted, updated and deleted with the triggers on, models are registered,
rebranded and dropped, or the documents are refreshed set-wise as the batch writer does with its
triggers off. After each plan the kept rows equal the claims they stand for, and the price table's
credit rates (read from the kept rows) equal grouping the claims joined with the models as the
table did before m020.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db.derived import refresh_credit_rates, set_triggers, triggers_switchable
from db.queries import price_ctes
from db.store import save_models
from tests.derived_helpers import four_document_db

MODELS = ["Kling 2.1", "Kling 1.6", "Hailuo 02", "Vidu Q1"]  # Vidu Q1 is registered by a plan only
REGISTERED = MODELS[:3]
KINDS = ["credit_rate", "credit_rate", "price"]
UNITS = ["灵感值", "积分", None]
RATES = [10.0, 12.5, 0.0, None]

claim = st.tuples(
    st.integers(0, 3),  # document
    st.sampled_from(MODELS),
    st.sampled_from(KINDS),
    st.sampled_from(UNITS),
    st.sampled_from(RATES),  # credits per CNY
    st.sampled_from(RATES),  # credits per USD
)
op = st.one_of(
    st.tuples(st.just("insert"), claim),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("update"), st.integers(0, 30), claim),
    st.tuples(st.just("drop document"), st.integers(0, 3)),
    st.tuples(st.just("register"), st.sampled_from(MODELS), st.sampled_from(["Kling", "Vidu", "Other"])),
    st.tuples(st.just("unregister"), st.sampled_from(MODELS)),
)


def _db() -> Database:
    return four_document_db(REGISTERED)


def _apply(db: Database, plan: list[Any]) -> set[str]:
    """Run ``plan``; the documents whose claims it wrote."""
    conn, touched = db.conn, set()
    for step in plan:
        ids = [r[0] for r in conn.execute("select id from claims order by id")]
        if step[0] in ("insert", "update"):
            d, model, kind, unit, cny, usd = step[-1]
            values = [f"d{d}", model, kind, unit, cny, usd]
            if step[0] == "insert":
                new = f"c{max((int(i[1:]) for i in ids), default=-1) + 1:03d}"
                conn.execute(
                    "insert into claims (document_id, model, kind, credit_unit, credits_per_cny, "
                    "credits_per_usd, section, quote, id) values (?, ?, ?, ?, ?, ?, 'body', 'q', ?)",
                    [*values, new],
                )
            elif ids:
                old = ids[step[1] % len(ids)]
                touched |= {r[0] for r in conn.execute("select document_id from claims where id = ?", [old])}
                conn.execute(
                    "update claims set document_id = ?, model = ?, kind = ?, credit_unit = ?, "
                    "credits_per_cny = ?, credits_per_usd = ? where id = ?",
                    [*values, old],
                )
            touched.add(f"d{d}")
        elif step[0] == "delete" and ids:
            gone = ids[step[1] % len(ids)]
            touched |= {r[0] for r in conn.execute("select document_id from claims where id = ?", [gone])}
            conn.execute("delete from claims where id = ?", [gone])
        elif step[0] == "drop document":
            conn.execute("delete from claims where document_id = ?", [f"d{step[1]}"])
            touched.add(f"d{step[1]}")
        elif step[0] == "register":
            save_models(db, [{"name": step[1], "vendor": "v", "brand": step[2], "aliases": []}])
        elif step[0] == "unregister":
            conn.execute("delete from models where name = ?", [step[1]])
    return touched


def _kept(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute("select * from credit_rate_claims order by claim_rowid").fetchall()


def _direct(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        """select c.rowid, c.document_id, c.model, m.brand, c.credit_unit, c.credits_per_cny,
          c.credits_per_usd from claims c join models m on m.name = c.model
        where c.kind = 'credit_rate' and coalesce(c.credits_per_cny, c.credits_per_usd) > 0
        order by c.rowid"""
    ).fetchall()


# The price table's credit rates as it computed them before m020: every credit-rate claim joined
# with its model and grouped by brand on each request.
_RATES_FROM_CLAIMS = """select brand, credit_unit, credits_per_cny, credits_per_usd from (
    select m.brand, c.credit_unit, c.credits_per_cny, c.credits_per_usd,
      row_number() over (partition by m.brand, c.credit_unit, c.credits_per_cny is null
        order by count(distinct c.document_id) desc, coalesce(c.credits_per_cny, c.credits_per_usd)) as n
    from claims c join models m on m.name = c.model
    where c.kind = 'credit_rate' and coalesce(c.credits_per_cny, c.credits_per_usd) > 0
    group by m.brand, c.credit_unit, c.credits_per_cny, c.credits_per_usd)
  where n = 1"""


def _rates(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    sql = price_ctes("1") + " select * from credit_rates"
    return sorted(conn.execute(sql, {"model": "", "since": ""}).fetchall(), key=repr)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(op, max_size=30))
def test_kept_credit_rate_claims_follow_every_write_with_triggers(plan: list[Any]) -> None:
    db = _db()
    _apply(db, plan)
    assert _kept(db.conn) == _direct(db.conn)
    assert _rates(db.conn) == sorted(db.conn.execute(_RATES_FROM_CLAIMS).fetchall(), key=repr)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(op.filter(lambda s: s[0] not in ("register", "unregister")), max_size=30))
def test_kept_credit_rate_claims_refreshed_set_wise_with_triggers_off(plan: list[Any]) -> None:
    db = _db()
    if not triggers_switchable(db.conn):
        return
    assert set_triggers(db.conn, False)
    touched = _apply(db, plan)
    assert set_triggers(db.conn, True)
    refresh_credit_rates(db.conn, json.dumps(sorted(touched)))
    assert _kept(db.conn) == _direct(db.conn)
    assert _rates(db.conn) == sorted(db.conn.execute(_RATES_FROM_CLAIMS).fetchall(), key=repr)


def test_a_rate_stated_by_more_documents_wins_and_a_new_brand_moves_its_claims() -> None:
    db = _db()
    rows = [("d0", "Kling 2.1", 10.0), ("d1", "Kling 1.6", 10.0), ("d2", "Kling 2.1", 12.5)]
    for i, (doc, model, rate) in enumerate(rows):
        db.execute(
            "insert into claims (id, document_id, model, kind, credits_per_cny, section, quote) "
            "values (?, ?, ?, 'credit_rate', ?, 'body', 'q')",
            [f"c{i}", doc, model, rate],
        )
    assert _rates(db.conn) == [("Kling", None, 10.0, None)]
    save_models(db, [{"name": "Kling 1.6", "vendor": "v", "brand": "Keling", "aliases": []}])
    # Kling is left with one document at each rate (the lower wins); Keling has Kling 1.6's
    assert _rates(db.conn) == [("Keling", None, 10.0, None), ("Kling", None, 10.0, None)]
    db.execute("delete from claims where id = 'c0'")
    assert _rates(db.conn) == [("Keling", None, 10.0, None), ("Kling", None, 12.5, None)]
