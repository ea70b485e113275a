"""The price table in HTML: 100 rows a page, a link to the next; its JSON without ``page``: every row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db import open_db
from db.price_events import record_price_changes
from db.queries import PAGE, PRICE_TABLE_SQL
from db.store import save_document, save_models
from db.store import save_source as store_source
from schemas.claim import Claim
from schemas.document import Document
from tests.datasette_helpers import fetch, make_ds

KEYS = 130  # clip lengths of one model: a row each


def _db(path: Path) -> Path:
    db = open_db(path)
    save_models(db, [{"name": "Kling 2.1", "vendor": "Kuaishou", "brand": "Kling", "aliases": []}])
    store_source(db, "s", "feed", {})
    text = "。".join(f"报价{i}" for i in range(KEYS))
    doc = Document(
        platform="feed",
        id="p1",
        url="https://example.com/p1",
        title="报价",
        text=text,
        via="feed",
        published_at="2025-06-10T20:00:00+08:00",
    )
    claims = []
    for i in range(KEYS):
        start = text.index(f"报价{i}。" if i < KEYS - 1 else f"报价{i}")
        claims.append(
            Claim(
                document=doc.key(),
                kind="price",
                model="Kling 2.1",
                duration_s=float(i + 1),
                credits=10.0 * (i + 1),
                credit_unit="灵感值",
                quote=f"报价{i}",
                start=start,
                end=start + len(f"报价{i}"),
                section="body",
                confidence=0.9,
                method="test/1",
            )
        )
    save_document(db, doc, "s", None, claims, 1)
    with db.atomic():
        record_price_changes(db)
    db.conn.close()
    return path


def _json(ds: Any, query: str) -> list[dict[str, Any]]:
    resp = fetch(ds, f"/pingce/price_table.json?_shape=array&{query}")
    assert resp.status_code == 200, resp.text[:300]
    return list(resp.json())


def test_the_page_shows_a_hundred_rows_and_the_json_every_one(tmp_path: Path) -> None:
    path = _db(tmp_path / "pingce.db")
    ds = make_ds(path)
    for since in ("", "2025-06-01"):
        everything = _json(ds, f"since={since}")
        assert len(everything) == KEYS and all(r.pop("next_page") is None for r in everything)
        conn = open_db(path).conn
        export = conn.execute(PRICE_TABLE_SQL, {"model": "", "since": since}).fetchall()
        conn.close()
        assert [tuple(r.values()) for r in everything] == [tuple(r) for r in export]  # the export's rows
        html = fetch(ds, f"/pingce/price_table?since={since}").text
        assert html.count('<td class="col-model">') == PAGE
        assert f'href="/pingce/price_table?model=&amp;since={since}&amp;page=2">next page (2) →' in html
        paged, page = [], 1
        while True:
            rows = _json(ds, f"since={since}&page={page}")
            assert len(rows) == PAGE or not any(r["next_page"] for r in rows)
            cursor = rows[-1].pop("next_page")
            paged += [{k: v for k, v in r.items() if k != "next_page"} for r in rows]
            if not cursor:
                break
            assert json.loads(cursor)["page"] == page + 1
            page += 1
        assert paged == everything and page == 2
