"""The fast write path writes what the one-document writer writes, with or without worker processes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import open_db
from db.batch import BatchWriter, claim_values, claim_values_and_points
from db.price_rule import written_point_values
from db.store import claim_row, document_row, row_to_document, save_document, save_source
from ingest.config import load_config
from ingest.extract import EXTRACTOR_VERSION, extract_document
from ingest.extract.claim_rows import COLUMNS, claim_id, claim_rows
from ingest.pipeline import run_sources
from schemas.claim import Claim, claim_id_of
from schemas.document import Document

NOTE = """---
title: "评测 {i}"
发布日期: 2025-{month:02d}-{day:02d}
原文链接: "https://example.com/post/{i}"
---

## 正文

第{i}篇：可灵2.1高品质模式（1080P），5秒{price}灵感值。

海螺02的1080P，6秒一条50积分，生成大概{minutes}分钟。

可灵2.1的人物表情更细腻，但可灵1.6的手指一直在抽抽。
"""

# Stamps differ between two writes of the same rows; everything else must not.
STAMPS = {"first_seen", "updated", "observed_at"}


def _content(db: Database) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    for table in ("documents", "claims", "raw", "models", "price_point_sources", "claims_by_month"):
        columns = [r[1] for r in db.execute(f"pragma table_info([{table}])") if r[1] not in STAMPS | {"body"}]
        listed = ", ".join(f"[{c}]" for c in columns)
        out[table] = db.execute(f"select {listed} from [{table}] order by 1, 2").fetchall()
    return out


def _notes(folder: Path, n: int, edit: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        price = 35 + (i % 3) * 5 + (10 if i < edit else 0)  # the first ``edit`` notes change their price
        text = NOTE.format(i=i, month=1 + i % 12, day=1 + i % 28, price=price, minutes=1 + i % 4)
        (folder / f"{i:04d}.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("workers", [0, 2])
def test_a_run_writes_what_the_one_document_writer_writes(tmp_path: Path, workers: int) -> None:
    """A run (batched; with ``workers``, parsed in a pool once past 64 inputs) against save_document."""
    _notes(tmp_path / "notes", 150)
    cfg = tmp_path / "sources.yml"
    cfg.write_text("sources:\n  - {name: notes, type: clips, path: notes}\n", encoding="utf-8")
    config = load_config(cfg)

    fast = open_db(tmp_path / "fast.db")
    first = run_sources(fast, config, str(cfg), workers=workers)
    assert first.exit_code == 0 and first.counts["documents_new"] == 150

    slow = open_db(tmp_path / "slow.db")
    run_sources(slow, config, str(cfg), workers=0)  # the models, sources and raw rows
    slow.execute("delete from claims")
    slow.execute("delete from documents")
    for row in fast.query("select * from documents order by rowid"):
        doc = row_to_document(row)
        claims = extract_document(doc, doc.url or "")
        save_document(slow, doc, "notes", row["raw_sha256"], claims, EXTRACTOR_VERSION)
    slow.conn.commit()
    assert _content(fast) == _content(slow)

    # a second run over 40 edited notes: same statuses, same rows as the one-document writer
    _notes(tmp_path / "notes", 150, edit=40)
    second = run_sources(fast, config, str(cfg), workers=workers)
    assert (second.counts["documents_changed"], second.counts["documents_unchanged"]) == (40, 110)
    assert second.counts["claims_removed"] == second.counts["claims_new"] > 0
    again = run_sources(fast, config, str(cfg), workers=workers)
    assert again.counts["documents_unchanged"] == 150 and again.counts["claims_new"] == 0


def test_batch_writer_statuses_match_save_document(tmp_path: Path) -> None:
    doc = Document(
        platform="clip",
        id="n1",
        url="https://example.com/n1",
        title="t",
        published_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
        text="可灵2.1高品质模式（1080P），5秒35灵感值。可灵1.6的手指一直在抽抽。",
    )
    changed = doc.model_copy(update={"text": "可灵2.1高品质模式（1080P），5秒40灵感值。"})
    dbs = [open_db(tmp_path / "a.db"), open_db(tmp_path / "b.db")]
    for db in dbs:
        save_source(db, "notes", "clips", {})
    writer = BatchWriter(dbs[0], batch_size=1)
    steps = [(doc, EXTRACTOR_VERSION), (doc, EXTRACTOR_VERSION), (doc, EXTRACTOR_VERSION + 1), (changed, 99)]
    for d, version in steps:
        claims = extract_document(d, d.url or "")
        key = d.key()
        rows = [claim_row(c, key, version) for c in claims]
        fast = writer.save(document_row(d, "notes", None), rows, version)
        slow = save_document(dbs[1], d, "notes", None, claims, version)
        assert fast == slow
    writer.flush()
    dbs[1].conn.commit()
    assert _content(dbs[0]) == _content(dbs[1])


def test_claim_row_is_the_claims_dump() -> None:
    """claim_row reads a claim's fields without pydantic's model_dump: the same values, in the same order."""
    doc = Document(
        platform="clip",
        id="n2",
        url="https://example.com/n2",
        text=NOTE.format(i=7, month=3, day=9, price=45, minutes=2),
    )
    claims = extract_document(doc, doc.url or "")
    assert {c.kind for c in claims} >= {"price", "bug"}
    for c in claims:
        row = claim_row(c, doc.key(), 3)
        dumped = c.model_dump(exclude={"document"})
        assert list(row.items())[: len(dumped)] == list(dumped.items())
        assert row["id"] == c.claim_id(doc.key()) and row["extractor_version"] == 3


def test_claim_values_and_points_in_one_pass() -> None:
    """What a worker sends (claim values and price points from one grouping) is what the two calls give,
    a repeated id included (the last row given, in the place of the first)."""
    doc = Document(
        platform="clip",
        id="n3",
        url="https://example.com/n3",
        text=NOTE.format(i=3, month=5, day=2, price=40, minutes=3),
    )
    claims = extract_document(doc, doc.url or "")
    claims = [*claims, claims[0].model_copy(update={"confidence": 0.11})]
    rows = [claim_row(c, doc.key(), 3) for c in claims]
    assert any(r["kind"] == "price" for r in rows)
    values, points = claim_values_and_points(COLUMNS, claim_rows(claims, doc.key(), 3))
    assert values == claim_values(rows)
    assert points == written_point_values(rows) and points


def test_claim_ids_as_claim_id_of() -> None:
    """A worker's claim ids (each value written as json writes it) are ``claim_id_of``'s, whatever the
    values: text to escape, numbers of every form, none at all; other types take claim_id_of itself."""
    base = {
        "document": "d",
        "kind": "price",
        "quote": "q",
        "start": 0,
        "end": 1,
        "confidence": 0.5,
        "method": "m",
    }
    texts = ['引号"和\\反斜杠', "tab\tnewline\n\x00\x1f", "emoji 😀 𠀀", "", "Kling 2.1"]
    numbers = [0.0, -0.0, 1.0, 5, 0.1 + 0.2, 1e16, 1e-7, 5e-324, float("nan"), float("inf"), float("-inf")]
    claims = [Claim(**base, model=t, feature=t, credits=n) for t in texts for n in numbers]
    claims += [Claim(**base, credit_unit="积分", direction="down", generation_s_max=3)]
    key = 'clip:"n"\u00e9'
    for c in claims:
        payload = {k: v for k, v in c.__dict__.items() if k not in ("document", "confidence")}
        assert claim_id(c.__dict__, key) == claim_id_of(payload, key) == c.claim_id(key)
    odd = {**claims[0].__dict__, "feature": ["a", "b"]}
    assert claim_id(odd, key) == claim_id_of(
        {k: v for k, v in odd.items() if k not in ("document", "confidence")}, key
    )
