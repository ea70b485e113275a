"""The derived tables a batch keeps set-wise equal what a rebuild from the rows gives, whatever the writes.

Search indexes, claims per month and kind, each claim's date and vendor, and the
price points: after any mix of batched writes (new, changed, re-dated and
re-extracted documents, a document row written without its claims, one document
written several times in a batch), the one-document writers (triggers on) and
deletions, each equals a from-scratch rebuild in a copy of the database. Both ways
of keeping them run: set-wise with the batch's triggers off, and row by row with
the triggers on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db import open_db
from db.batch import BatchWriter
from db.derived import triggers_switchable
from db.price_rule import written_point_values
from db.search import sync_search
from db.store import claim_row, delete_document, document_row, save_document, save_models, save_reextracted
from db.store import save_source as store_source
from schemas.claim import Claim
from schemas.document import CST, Document
from tests.derived_helpers import derived_tables, rebuilt_tables

MODELS = [
    {"name": "Kling 2.1", "vendor": "Kuaishou", "brand": "Kling", "aliases": []},
    {"name": "Hailuo 02", "vendor": "MiniMax", "brand": "Hailuo", "aliases": []},
    {"name": "Veo 3", "vendor": "Google", "brand": "Veo", "aliases": []},
]

# kind, model, tier, quote, price fields; "Vidu Q9" is not registered (the writer adds it, no vendor)
CLAIMS: list[tuple[str, str, str | None, str, dict[str, Any]]] = [
    (
        "price",
        "Kling 2.1",
        "high",
        "1080p 5秒要35灵感值",
        {"credits": 35, "credit_unit": "灵感值", "duration_s": 5},
    ),
    ("price", "Kling 2.1", "high", "5秒40灵感值", {"credits": 40, "credit_unit": "灵感值", "duration_s": 5}),
    ("price", "Veo 3", None, "Veo 3 八秒六美元", {"price_usd": 6, "duration_s": 8}),
    (
        "price",
        "Vidu Q9",
        None,
        "Vidu Q9 四秒二十积分",
        {"credits": 20, "credit_unit": "积分", "duration_s": 4},
    ),
    ("bug", "Kling 2.1", None, "手指抽搐", {}),
    ("strength", "Hailuo 02", None, "海螺動作流暢", {}),
]
TEXTS = ["可灵2.1高品质模式1080p 5秒要35灵感值，手指抽搐。", "海螺動作流暢，Veo 3 八秒六美元。", ""]
DATES = [None, dt.datetime(2025, 1, 15, 9, tzinfo=CST), dt.datetime(2025, 3, 1, 1, tzinfo=CST)]


def _document(i: int, text: int, date: int) -> Document:
    return Document(
        platform="feed",
        id=f"doc{i}",
        url=f"https://example.com/{i}",
        title=f"评测{i}·{TEXTS[text][:4]}",
        published_at=DATES[date],
        text=TEXTS[text],
        summary="摘要" if text == 1 else None,
        via="feed",
    )


def _claims(doc: Document, mask: int) -> list[Claim]:
    out = []
    for n, (kind, model, tier, quote, extra) in enumerate(CLAIMS):
        if mask >> n & 1:
            out.append(
                Claim(
                    document=doc.url or "",
                    kind=kind,
                    model=model,
                    tier=tier,
                    quote=quote,
                    start=n,
                    end=n + len(quote),
                    confidence=0.9,
                    method="test/1",
                    **extra,
                )
            )
    return out


# ---------------------------------------------------------------- the mixed writes
Step = tuple[str, int, int, int, int, int]
steps = st.lists(
    st.tuples(
        st.sampled_from(["batch", "batch", "prepared", "row", "flush", "one", "reextract", "delete"]),
        st.integers(0, 3),  # document
        st.integers(0, len(TEXTS) - 1),
        st.integers(0, len(DATES) - 1),
        st.integers(0, 2 ** len(CLAIMS) - 1),  # which claims it has
        st.integers(1, 2),  # extractor version
    ),
    max_size=25,
)


def _apply(db: Database, writer: BatchWriter, plan: list[Step]) -> None:
    for op, i, text, date, mask, version in plan:
        doc = _document(i, text, date)
        claims = _claims(doc, mask)
        if op in ("batch", "prepared"):
            row = document_row(doc, "feed", None)
            rows = [claim_row(c, row["id"], version) for c in claims]
            # "prepared": with the price points `pingce run`'s workers send along (ingest/prepare.py)
            writer.save(row, rows, version, written_point_values(rows) if op == "prepared" else None)
            continue
        if op == "row":  # the document row alone: its claims stay
            writer.save(document_row(doc, "feed", None), None, version)
            continue
        writer.flush()  # as the pipeline does before any other writer
        if op == "one":
            save_document(db, doc, "feed", None, claims, version)
        elif op == "reextract" and db.execute("select 1 from documents where id = ?", [doc.key()]).fetchone():
            save_reextracted(db, doc.key(), claims, version)
        elif op == "delete":
            delete_document(db, doc.key(), via="feed")
    writer.flush()


def _fresh(setwise: bool) -> tuple[Database, BatchWriter]:
    db = open_db(":memory:")
    save_models(db, MODELS)
    store_source(db, "feed", "feed", {})
    return db, BatchWriter(db, batch_size=3, setwise=setwise)


@pytest.mark.parametrize("setwise", [True, False], ids=["set-wise", "triggers"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_derived_tables_equal_a_rebuild_after_any_writes(setwise: bool, plan: list[Step]) -> None:
    db, writer = _fresh(setwise)
    _apply(db, writer, plan)
    assert derived_tables(db.conn) == rebuilt_tables(db.conn)


# a table of the cases the property must meet, so they run every time
CASES: dict[str, list[Step]] = {
    "new documents over two batches": [("batch", i, i % 2, i % 3, 0b111111, 1) for i in range(4)],
    "new documents with their price points prepared": [
        ("prepared", i, i % 2, i % 3, 0b111111 >> i, 1) for i in range(4)
    ],
    "one document three times in a batch": [
        ("batch", 0, 0, 1, 0b000111, 1),
        ("batch", 0, 1, 2, 0b111000, 1),
        ("batch", 0, 1, 0, 0b010101, 2),
    ],
    "changed, re-dated, re-extracted in later batches": [
        ("batch", 0, 0, 1, 0b110011, 1),
        ("flush", 0, 0, 0, 0, 1),
        ("batch", 0, 1, 1, 0b110011, 1),  # text changes
        ("flush", 0, 0, 0, 0, 1),
        ("batch", 0, 1, 2, 0b110011, 1),  # date changes
        ("flush", 0, 0, 0, 0, 1),
        ("batch", 0, 1, 2, 0b001110, 2),  # claims change
    ],
    "re-dated, its claims kept": [
        ("batch", 3, 0, 1, 0b111111, 1),
        ("flush", 0, 0, 0, 0, 1),
        ("row", 3, 1, 2, 0, 1),
    ],
    "deleted and written again": [
        ("batch", 1, 0, 1, 0b111111, 1),
        ("delete", 1, 0, 0, 0, 1),
        ("batch", 1, 0, 1, 0b111111, 1),
        ("one", 2, 1, 2, 0b000101, 1),
        ("batch", 2, 1, 2, 0b000101, 2),
        ("reextract", 2, 0, 0, 0b111000, 1),
    ],
}


@pytest.mark.parametrize("setwise", [True, False], ids=["set-wise", "triggers"])
@pytest.mark.parametrize("case", list(CASES))
def test_derived_tables_equal_a_rebuild(case: str, setwise: bool) -> None:
    db, writer = _fresh(setwise)
    _apply(db, writer, CASES[case])
    state = derived_tables(db.conn)
    assert state["claims_fts"] and state["claims_by_month"] and state["price_point_documents"]
    assert state == rebuilt_tables(db.conn)


def test_a_batch_switches_its_triggers_off_until_it_ends(tmp_path: Any) -> None:
    """While a batch is open its connection writes without triggers; at its end they are on again."""
    db = open_db(tmp_path / "a.db")
    if not triggers_switchable(db.conn):
        pytest.skip("trigger switch unavailable")
    save_models(db, MODELS)
    store_source(db, "feed", "feed", {})
    db.conn.commit()
    writer = BatchWriter(db)
    doc = _document(0, 0, 1)
    row = document_row(doc, "feed", None)
    writer.save(row, [claim_row(c, row["id"], 1) for c in _claims(doc, 0b1)], 1)
    assert db.execute("select count(*) from price_point_dirty").fetchone()[0] == 0, "no trigger fired"
    writer.flush()
    assert db.execute("select count(*) from claims_fts where claims_fts match '35灵感值'").fetchone()[0] == 1
    # the connection has its triggers again, and another connection never lost them
    for n, conn in enumerate((db, open_db(tmp_path / "a.db"))):
        conn.execute(
            "insert into documents (id, source, platform, text, first_seen) values (?, 'feed', 'x', ?, '')",
            [f"x{n}", f"abc{n}"],
        )
        # the search triggers list the row (m014), and the writers' sync indexes it
        listed = (
            "select count(*) from documents_search_queue q join documents d on d.rowid = q.row where d.id = ?"
        )
        assert conn.execute(listed, [f"x{n}"]).fetchone()[0] == 1
        sync_search(conn.conn)
        hits = "select count(*) from documents_fts where documents_fts match ?"
        assert conn.execute(hits, [f"abc{n}"]).fetchone()[0] == 1
