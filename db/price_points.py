"""Each document's price points (db.price_rule), kept in the database.

The result is kept in ``price_point_documents`` (m006), one row per document and
key. Triggers (m008) list the documents whose claims or dates changed in
``price_point_dirty``; :func:`sync_price_points` recomputes those documents in the
caller's transaction (every writer calls it; so does opening a database, which
catches bulk loads that wrote claims directly). ``price_point_sources`` and
``price_point_lists`` follow price_point_documents through m006's triggers.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from db.price_rule import PointValues, PriceClaim, point_values

log = logging.getLogger(__name__)

PPD = "price_point_documents"
PPD_COLUMNS = (
    "model",
    "tier",
    "resolution",
    "duration_s",
    "price_point",
    "document_id",
    "claims",
    "credits",
    "credit_unit",
    "price_cny",
    "price_usd",
    "observed_at",
    "source",
    "document_url",
    "first_for_key",
)
_LIST_TRIGGERS = ("price_point_lists_ai", "price_point_lists_ad")


# ---------------------------------------------------------------- the table
_COUNTS = (
    "c.kind = 'price' and c.section = 'body' and c.model is not null "
    "and coalesce(c.credits, c.price_cny, c.price_usd) is not null"
)
_OBSERVED = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"


def rows_of_points(
    document_id: str, values: Iterable[PointValues], observed: str | None, source: str | None, url: str | None
) -> list[tuple[Any, ...]]:
    """The price_point_documents rows (``PPD_COLUMNS``) of one document's :func:`point_values`."""
    return [(*v[:5], document_id, *v[5:], observed, source, url, 1) for v in values]


def point_rows(
    document_id: str, claims: Sequence[PriceClaim], observed: str | None, source: str | None, url: str | None
) -> list[tuple[Any, ...]]:
    """The price_point_documents rows of one document with these price claims (in its claims' order)."""
    return rows_of_points(document_id, point_values(claims), observed, source, url)


def _rows(db: Database, document_ids: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The price_point_documents rows the documents should have, by document."""
    out: dict[str, list[tuple[Any, ...]]] = {i: [] for i in document_ids}
    claims: dict[str, list[PriceClaim]] = defaultdict(list)
    docs: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(document_ids), 500):
        chunk = list(document_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"""select d.id, {_OBSERVED}, d.source, d.url, c.model, c.tier, c.resolution, c.duration_s,
              c.credits, c.credit_unit, c.price_cny, c.price_usd, coalesce(c.start, 0)
            from claims c indexed by idx_claims_document_id join documents d on d.id = c.document_id
            where c.document_id in ({marks}) and {_COUNTS}""",
            chunk,
        ).fetchall():
            docs[row[0]] = row[1:4]
            claims[row[0]].append(PriceClaim(*row[4:]))
    for doc_id, cs in claims.items():
        out[doc_id] = point_rows(doc_id, cs, *docs[doc_id])
    return out


def sync_price_points(
    db: Database,
    document_ids: Iterable[str] | None = None,
    *,
    triggers: bool = True,
    known: Mapping[str, list[tuple[Any, ...]]] | None = None,
) -> int:
    """Bring price_point_documents in line with the claims of the given (default: the changed) documents.

    Only rows that differ are deleted and inserted, so the tallies' triggers do no
    needless work. With ``triggers=False`` the caller has switched the connection's
    triggers off: the tallies, lists and price-event marks of the keys that changed are
    then recomputed set-wise (:func:`refresh_tallies`). ``known`` gives the rows of
    documents whose claims the caller has just written (:func:`point_rows`), so that
    they are not read back. Returns how many documents were looked at.
    """
    ids = (
        sorted(set(document_ids))
        if document_ids is not None
        else [r[0] for r in db.execute("select document_id from price_point_dirty").fetchall()]
    )
    if not ids:
        return 0
    known = known or {}
    wanted = {**_rows(db, [i for i in ids if i not in known]), **{i: known[i] for i in ids if i in known}}
    cols = ", ".join(PPD_COLUMNS)
    have: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in db.execute(
            f"select rowid, {cols} from {PPD} where document_id in ({','.join('?' * len(chunk))})", chunk
        ).fetchall():
            have[row[6]].append(row)  # rowid, then PPD_COLUMNS: document_id is the sixth
    gone: list[tuple[Any, ...]] = []
    added: list[tuple[Any, ...]] = []
    for doc_id, rows in wanted.items():
        want = Counter(rows)
        for row in have.get(doc_id, []):
            if want[tuple(row[1:])] > 0:
                want[tuple(row[1:])] -= 1
            else:
                gone.append(row)
        added.extend(row for row, n in want.items() for _ in range(n))
    db.conn.executemany(f"delete from {PPD} where rowid = ?", [[row[0]] for row in gone])
    db.conn.executemany(f"insert into {PPD} ({cols}) values ({','.join('?' * len(PPD_COLUMNS))})", added)
    if not triggers:
        refresh_tallies(db, {row[1:6] for row in gone} | {row[:5] for row in added})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.execute(
            f"delete from price_point_dirty where document_id in ({','.join('?' * len(chunk))})", chunk
        )
    log.debug("price points synced for %d documents", len(ids))
    return len(ids)


# A price point (key and label) given as the JSON array k.value of json_each(:points).
_POINT = (
    "{t}.model = k.value ->> 0 and {t}.tier is k.value ->> 1 and {t}.resolution is k.value ->> 2 "
    "and {t}.duration_s is k.value ->> 3 and {t}.price_point = k.value ->> 4"
)
_TALLIES = [
    f"""delete from price_point_sources where rowid in (select s.rowid from json_each(:points) k
  join price_point_sources s on {_POINT.format(t="s")})""",
    f"""insert into price_point_sources (model, tier, resolution, duration_s, price_point, source,
    documents, key_documents, newest_observed_at, credits, credit_unit)
  select p.model, p.tier, p.resolution, p.duration_s, p.price_point, p.source, count(*),
    sum(p.first_for_key), max(p.observed_at), max(p.credits), max(p.credit_unit)
  from json_each(:points) k join {PPD} p indexed by {PPD}_key on {_POINT.format(t="p")}
  group by p.model, p.tier, p.resolution, p.duration_s, p.price_point, p.source""",
    f"""delete from price_point_lists where rowid in (select l.rowid from json_each(:points) k
  join price_point_lists l on {_POINT.format(t="l")})""",
    f"""insert into price_point_lists (model, tier, resolution, duration_s, price_point, document_ids,
    document_urls)
  select k.value ->> 0, k.value ->> 1, k.value ->> 2, k.value ->> 3, k.value ->> 4,
    (select json_group_array(q.document_id) from {PPD} q indexed by {PPD}_key where {_POINT.format(t="q")}),
    (select json_group_array(distinct q.document_url) filter (where q.document_url is not null)
     from {PPD} q indexed by {PPD}_key where {_POINT.format(t="q")})
  from json_each(:points) k where exists (select 1 from {PPD} q where {_POINT.format(t="q")})""",
]
_EVENTS = """insert or ignore into price_event_dirty (model, backfill)
  select distinct k.value ->> 0, 0 from json_each(:points) k"""


def refresh_tallies(db: Database, points: Iterable[tuple[Any, ...]]) -> None:
    """Recount price_point_sources and price_point_lists for these price points (key and label) from
    price_point_documents, and mark their models for the price events: what the triggers on
    price_point_documents do row by row, for a writer that has switched its triggers off."""
    arg = {"points": json.dumps(sorted(points, key=repr))}
    for sql in _TALLIES:
        db.conn.execute(sql, arg)
    if db.conn.execute("select 1 from sqlite_master where name = 'price_event_dirty'").fetchone():
        db.conn.execute(_EVENTS, arg)


_FILL_LISTS = f"""insert into price_point_lists
    (model, tier, resolution, duration_s, price_point, document_ids, document_urls)
  select model, tier, resolution, duration_s, price_point, json_group_array(document_id),
    json_group_array(distinct document_url) filter (where document_url is not null)
  from {PPD} indexed by {PPD}_key
  group by model, tier, resolution, duration_s, price_point"""


def rebuild_price_points(db: Database) -> None:
    """Recompute every document's price points from the claims (m008; or to check the kept tables).

    The lists are filled in one pass, with their per-row triggers set aside meanwhile.
    """
    triggers = db.execute(
        f"select name, sql from sqlite_master where type = 'trigger' and name in {_LIST_TRIGGERS}"
    ).fetchall()
    for name, _ in triggers:
        db.execute(f"drop trigger {name}")
    for table in ("price_point_lists", PPD, "price_point_sources", "price_point_dirty"):
        db.execute(f"delete from {table}")
    ids = [
        r[0] for r in db.execute(f"select distinct c.document_id from claims c where {_COUNTS}").fetchall()
    ]
    cols = ", ".join(PPD_COLUMNS)
    for start in range(0, len(ids), 2000):
        rows = _rows(db, ids[start : start + 2000])
        db.conn.executemany(
            f"insert into {PPD} ({cols}) values ({','.join('?' * len(PPD_COLUMNS))})",
            [r for doc_rows in rows.values() for r in doc_rows],
        )
    db.execute(_FILL_LISTS)
    for _, sql in triggers:
        db.execute(sql)
