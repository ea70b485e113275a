"""One price per document and key, and keys merged across documents (db/price_rule.py, the price table)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from db import open_db
from db.price_rule import PriceClaim, document_points
from db.store import save_document, save_models, save_source
from ingest.export import price_rows, row_dicts
from schemas.claim import Claim
from schemas.document import Document
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
CST = dt.timezone(dt.timedelta(hours=8))


def pc(model: str, tier: str | None, res: str | None, dur: float | None, **amount: Any) -> PriceClaim:
    return PriceClaim(
        model,
        tier,
        res,
        dur,
        amount.get("credits"),
        amount.get("unit", "灵感值" if "credits" in amount else None),
        amount.get("cny"),
        amount.get("usd"),
        amount.get("start", 0),
    )


def points(claims: list[PriceClaim]) -> list[tuple[Any, ...]]:
    return sorted(((*p.key, p.label, p.claims) for p in document_points(claims)), key=repr)


M = "Kling 2.1 Master"


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        # credits and, at the document's rate, CNY: one point, shown in credits
        (
            [pc(M, "master", None, 5.0, credits=100, cny=10), pc(M, "master", None, 5.0, cny=10, start=9)],
            [(M, "master", None, 5.0, "100 灵感值", 2)],
        ),
        # the resolution the document states once for the tier fills the claim without one
        (
            [pc(M, "master", None, None, credits=100), pc(M, "master", "1080p", None, credits=100, start=5)],
            [(M, "master", "1080p", None, "100 灵感值", 2)],
        ),
        # one clip length for every price of the document ("5s" above a table)
        (
            [
                pc("Kling 2.1", "standard", "720p", None, credits=20),
                pc(M, "master", "1080p", 5.0, credits=100),
            ],
            [
                ("Kling 2.1", "standard", "720p", 5.0, "20 灵感值", 1),
                (M, "master", "1080p", 5.0, "100 灵感值", 1),
            ],
        ),
        # two clip lengths: nothing to fill, and the key without one matches neither
        (
            [
                pc(M, "master", "1080p", 5.0, credits=100),
                pc(M, "master", "1080p", 10.0, credits=200),
                pc(M, "master", "1080p", None, credits=100),
            ],
            [
                (M, "master", "1080p", 10.0, "200 灵感值", 1),
                (M, "master", "1080p", 5.0, "100 灵感值", 1),
                (M, "master", "1080p", None, "100 灵感值", 1),
            ],
        ),
        # a less specific key joins the one more specific key it agrees with
        (
            [
                pc(M, "master", "1080p", 5.0, credits=100, cny=10),
                pc(M, "master", None, None, cny=10, start=3),
            ],
            [(M, "master", "1080p", 5.0, "100 灵感值", 2)],
        ),
        # ... but not one it disagrees with: the document states two things
        (
            [pc(M, "master", "1080p", 5.0, credits=100), pc("Kling 2.1", None, None, None, credits=35)],
            [("Kling 2.1", None, None, 5.0, "35 灵感值", 1), (M, "master", "1080p", 5.0, "100 灵感值", 1)],
        ),
        # filling never makes a document contradict itself
        (
            [pc(M, "master", "1080p", 5.0, credits=100), pc(M, "master", None, None, credits=60)],
            [(M, "master", "1080p", 5.0, "100 灵感值", 1), (M, "master", None, None, "60 灵感值", 1)],
        ),
        # one document, one price per key: most claims, then the last stated
        (
            [
                pc(M, "master", "1080p", 5.0, credits=150, start=0),
                pc(M, "master", "1080p", 5.0, credits=100, start=10),
                pc(M, "master", "1080p", 5.0, credits=100, start=20),
            ],
            [(M, "master", "1080p", 5.0, "100 灵感值", 2)],
        ),
        (
            [
                pc(M, "master", "1080p", 5.0, credits=150, start=0),
                pc(M, "master", "1080p", 5.0, credits=100, start=9),
            ],
            [(M, "master", "1080p", 5.0, "100 灵感值", 1)],
        ),
        # another tier or unit is another thing
        (
            [pc(M, "master", "1080p", 5.0, credits=100), pc(M, None, "1080p", 5.0, credits=100, unit="积分")],
            [(M, "master", "1080p", 5.0, "100 灵感值", 1), (M, None, "1080p", 5.0, "100 积分", 1)],
        ),
    ],
)
def test_document_points(claims: list[PriceClaim], expected: list[tuple[Any, ...]]) -> None:
    assert points(claims) == sorted(expected, key=repr)


# ---------------------------------------------------------------- across documents
def _doc(db: Any, n: int, source: str, day: int, prices: list[tuple[Any, ...]]) -> None:
    text = "。".join(f"报价{n}-{i}" for i in range(len(prices)))
    doc = Document(
        platform="wechat",
        id=f"p{n}",
        title=f"doc {n}",
        published_at=dt.datetime(2025, 6, day, 9, 0, tzinfo=CST),
        text=text,
        url=f"https://example.com/{n}",
    )
    claims = []
    for i, (model, tier, res, dur, fields) in enumerate(prices):
        quote = f"报价{n}-{i}"
        start = text.index(quote)
        claims.append(
            Claim(
                document=doc.key(),
                kind="price",
                model=model,
                tier=tier,
                resolution=res,
                duration_s=dur,
                quote=quote,
                start=start,
                end=start + len(quote),
                section="body",
                confidence=0.9,
                method="test/1",
                **fields,
            )
        )
    save_document(db, doc, source, None, claims, 1)


def test_documents_agree_on_one_row_per_real_price(tmp_path: Path) -> None:
    db = open_db(tmp_path / "p.db")
    save_models(db, [{"name": "Hailuo 02", "vendor": "MiniMax", "brand": "Hailuo", "aliases": ["海螺02"]}])
    for s in ("a", "b", "c"):
        save_source(db, s, "test", {})
    h = "Hailuo 02"
    _doc(db, 1, "a", 1, [(h, None, "1080p", 6.0, {"credits": 50, "credit_unit": "积分"})])
    _doc(db, 2, "b", 2, [(h, None, "1080p", None, {"credits": 50, "credit_unit": "积分"})])  # no clip length
    _doc(db, 3, "c", 3, [(h, None, "768p", 6.0, {"credits": 25, "credit_unit": "积分"})])
    _doc(db, 4, "c", 4, [(h, None, "1080p", 6.0, {"credits": 60, "credit_unit": "积分"})])  # a real conflict
    # no resolution: compatible with both 768p and 1080p, so it stays apart
    _doc(db, 5, "a", 5, [(h, None, None, 6.0, {"credits": 25, "credit_unit": "积分"})])
    db.conn.commit()
    rows = {(r["resolution"], r["duration_s"]): r for r in row_dicts(price_rows(db.conn))}
    assert sorted(rows, key=repr) == sorted([("1080p", 6.0), ("768p", 6.0), (None, 6.0)], key=repr)
    top = rows[("1080p", 6.0)]
    assert (top["price_label"], top["supporting_documents"], top["total_documents"]) == ("50 积分", 2, 3)
    assert top["document_ids"] == ["wechat:p1", "wechat:p2"]
    assert top["conflict"] is True and [a["price_label"] for a in top["alternatives"]] == ["60 积分"]
    assert rows[("768p", 6.0)]["conflict"] is False


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds absent")
def test_seed_price_table_has_one_row_per_real_price(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ingest.cli import cli

    config = tmp_path / "sources.yml"
    config.write_text(
        "version: 1\ndb: seeds.db\nexchange_rate: {usd_cny: 7.2, date: 2025-07-01}\n"
        f"sources:\n  - name: seeds\n    type: files\n    paths: [{SEEDS}]\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["run", "-c", str(config), "--silent"]).exit_code == 0
    db = open_db(tmp_path / "seeds.db")
    rows = row_dicts(price_rows(db.conn))
    assert not [r for r in rows if r["conflict"]]
    keys = [(r["model"], r["tier"], r["resolution"], r["duration_s"], r["price_label"]) for r in rows]
    assert len(keys) == len(set(keys))
    master = [r for r in rows if r["model"] == "Kling 2.1 Master" and r["price_label"] == "100 灵感值"]
    assert len(master) == 1 and master[0]["supporting_documents"] == 2
    assert master[0]["resolution"] == "1080p" and master[0]["duration_s"] == 5.0
    assert master[0]["cny_per_second"] == 2.0 and master[0]["usd_per_second"] == pytest.approx(
        10 / 7.2 / 5, 1e-3
    )
    assert master[0]["fx_date"] == "2025-07-01"
