"""What each document says a generation costs: one price point per document and price key.

A document's body price claims are read together before they count
(:func:`document_points`, a pure function):

1. **Fill from the same document.** A claim that leaves out the resolution or the
   clip length takes the one value the document states for that model and tier
   ("标准版720P" once, then "一条20灵感值"), or the one clip length the document
   states for any price ("5s" once above a table), unless that would make it
   disagree with a price the document states for the filled key.
2. **Agreement through a stated rate.** Claims for one key whose credits and unit,
   CNY or USD amounts are equal state the same point ("5s要100灵感值" and, at the
   document's 10灵感值=1元, "5s一条10块钱"); it is shown in credits when any of them
   gives credits.
3. **One key, one price.** A less specific key of the document (no clip length)
   joins the one more specific key of the document it is compatible with when
   they agree, and a document states one price per key: where it gives several
   that do not agree, the point stated by the most claims counts (then the one
   stated last). Conflicts are therefore between documents only.

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
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

log = logging.getLogger(__name__)

Key = tuple[str, str | None, str | None, float | None]

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


@dataclass(frozen=True, slots=True)
class PriceClaim:
    model: str
    tier: str | None
    resolution: str | None
    duration_s: float | None
    credits: float | None
    credit_unit: str | None
    price_cny: float | None
    price_usd: float | None
    start: int = 0

    @property
    def key(self) -> Key:
        return (self.model, self.tier, self.resolution, self.duration_s)

    @property
    def label(self) -> str:
        if self.credits is not None:
            return "%g %s" % (self.credits, self.credit_unit or "credits")  # noqa: UP031 (C's %g, as SQL printf)
        if self.price_cny is not None:
            return "CNY %g" % self.price_cny  # noqa: UP031
        return "USD %g" % (self.price_usd or 0.0)  # noqa: UP031 (a counted claim states some amount)


@dataclass(frozen=True, slots=True)
class Point:
    """One document's price for one key."""

    key: Key
    label: str
    claims: int
    credits: float | None
    credit_unit: str | None
    price_cny: float | None
    price_usd: float | None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) < 0.005


def agree(a: PriceClaim, b: PriceClaim) -> bool:
    """Do two claims state the same price (credits and unit, or an equal CNY or USD amount)?"""
    if a.credits is not None and b.credits is not None and (a.credit_unit or "") == (b.credit_unit or ""):
        return a.credits == b.credits
    return _close(a.price_cny, b.price_cny) or _close(a.price_usd, b.price_usd)


def _groups(claims: Sequence[PriceClaim]) -> list[list[PriceClaim]]:
    """Claims split into sets that agree (transitively)."""
    groups: list[list[PriceClaim]] = []
    for c in claims:
        joined = [g for g in groups if any(agree(c, o) for o in g)]
        merged = [c] + [o for g in joined for o in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _compatible(less: Key, more: Key) -> bool:
    """``more`` names everything ``less`` names, and more."""
    return (
        less != more
        and less[:2] == more[:2]
        and (less[2] is None or less[2] == more[2])
        and (less[3] is None or less[3] == more[3])
    )


def _only(values: Iterable[Any]) -> Any:
    distinct = {v for v in values if v is not None}
    return next(iter(distinct)) if len(distinct) == 1 else None


def _fill(claims: list[PriceClaim]) -> list[PriceClaim]:
    by_model_tier: dict[tuple[str, str | None], list[PriceClaim]] = defaultdict(list)
    for c in claims:
        by_model_tier[c.key[:2]].append(c)
    any_duration = _only(c.duration_s for c in claims)
    out = []
    for c in claims:
        same = by_model_tier[c.key[:2]]
        filled = c
        if c.resolution is None:
            filled = replace(filled, resolution=_only(o.resolution for o in same))
        if c.duration_s is None:
            duration = _only(o.duration_s for o in same)
            filled = replace(filled, duration_s=duration if duration is not None else any_duration)
        if filled != c and any(o.key == filled.key and not agree(o, filled) for o in claims):
            filled = c  # the document prices that key otherwise: this claim is about something else
        out.append(filled)
    return out


def _merge_keys(by_key: dict[Key, list[PriceClaim]]) -> dict[Key, list[PriceClaim]]:
    """A less specific key joins the one compatible more specific key of the document that it agrees with."""
    for less in sorted(by_key, key=lambda k: (k[2] is not None) + (k[3] is not None)):
        if less[2] is not None and less[3] is not None:
            continue
        targets = [k for k in by_key if _compatible(less, k)]
        if len(targets) != 1:
            continue
        claims = by_key[less]
        if all(any(agree(c, o) for o in by_key[targets[0]]) for c in claims):
            by_key[targets[0]] = by_key[targets[0]] + [
                replace(c, resolution=targets[0][2], duration_s=targets[0][3]) for c in claims
            ]
            del by_key[less]
    return by_key


def document_points(claims: Sequence[PriceClaim]) -> list[Point]:
    """The price points one document states, one per key (see the module docstring)."""
    by_key: dict[Key, list[PriceClaim]] = defaultdict(list)
    for c in _fill(list(claims)):
        by_key[c.key].append(c)
    out = []
    for key, cs in _merge_keys(dict(by_key)).items():
        best = max(_groups(cs), key=lambda g: (len(g), max(c.start for c in g)))
        labels = (
            Counter(c.label for c in best if c.credits is not None)
            or Counter(c.label for c in best if c.price_cny is not None)
            or Counter(c.label for c in best)
        )
        label = labels.most_common(1)[0][0]
        shown = [c for c in best if c.label == label]
        out.append(
            Point(
                key=key,
                label=label,
                claims=len(best),
                credits=max((c.credits for c in shown if c.credits is not None), default=None),
                credit_unit=max((c.credit_unit for c in shown if c.credit_unit is not None), default=None),
                price_cny=max((c.price_cny for c in best if c.price_cny is not None), default=None),
                price_usd=max((c.price_usd for c in best if c.price_usd is not None), default=None),
            )
        )
    return sorted(out, key=lambda p: repr(p.key))


# ---------------------------------------------------------------- the table
_COUNTS = (
    "c.kind = 'price' and c.section = 'body' and c.model is not null "
    "and coalesce(c.credits, c.price_cny, c.price_usd) is not null"
)
_OBSERVED = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"


def price_claims(claims: Iterable[Mapping[str, Any]]) -> list[PriceClaim]:
    """The claim rows that count for the price table (``_COUNTS``), in their order."""
    return [
        PriceClaim(
            c["model"],
            c.get("tier"),
            c.get("resolution"),
            c.get("duration_s"),
            c.get("credits"),
            c.get("credit_unit"),
            c.get("price_cny"),
            c.get("price_usd"),
            c.get("start") or 0,
        )
        for c in claims
        if c.get("kind") == "price"
        and c.get("section") == "body"
        and c.get("model") is not None
        and (c.get("credits") is not None or c.get("price_cny") is not None or c.get("price_usd") is not None)
    ]


PointValues = tuple[Any, ...]  # a Point as (*key, label, claims, credits, credit_unit, price_cny, price_usd)


def point_values(claims: Sequence[PriceClaim]) -> list[PointValues]:
    """The price points of one document with these price claims (in its claims' order), as plain
    tuples: what `pingce run`'s workers compute and send with a document's rows."""
    return [
        (*p.key, p.label, p.claims, p.credits, p.credit_unit, p.price_cny, p.price_usd)
        for p in document_points(claims)
    ]


def written_point_values(claims: Iterable[Mapping[str, Any]]) -> list[PointValues]:
    """:func:`point_values` of a new document's claim rows, taken in the order the batch writer
    inserts them (``db.batch``: one row per id, grouped by their columns), which is the order a
    rebuild reads them back in (ties between a document's prices go to the one stated last)."""
    order: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for c in {c["id"]: c for c in claims}.values():
        order.setdefault(tuple(c), []).append(c)
    return point_values(price_claims(c for group in order.values() for c in group))


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
