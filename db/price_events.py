"""Price changes over time: what moved in the price table, kept as events (m013).

The price table is derived from claims, so it has no history of its own. Triggers on
``price_point_documents`` list the models whose price points changed
(``price_event_dirty``); :func:`record_price_changes` reads the price table's rows of
those models (every price point of every key, ranked as the table ranks them), compares
them with the rows it saw last (``price_event_state``) and writes one ``price_events``
row per difference, set-wise, in the caller's transaction:

``new``       a key the table did not have (its shown price);
``changed``   the shown price of a key moved (its label, or the CNY or USD amount stated for it);
``conflict``  documents now state a price for the key that they did not before, and disagree;
``resolved``  a key that had a conflict has one price again;
``removed``   a key the table no longer has (its documents changed or went).

Each event carries the shown price before and after (``old_*``, ``new_*``), the disagreeing
prices (``conflicting_prices``) and the documents behind it. Nothing that leaves the table's
rows as they were is an event: a rerun on unchanged input, a re-extraction that finds the
same claims, a document that agrees with the shown price. Writers record at the end of a run
(with its id), of a re-extraction, and when the database opens (what a bulk load or a killed
run left listed). A database made before m013 gets its rows as ``new`` events marked
``backfilled`` (the first recording after the migration), since their history is unknown.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.queries import PRICE_RANKS_OF_MODELS_SQL, RANK_COLUMNS

log = logging.getLogger(__name__)

Key = tuple[str, str | None, str | None, float | None]
KINDS = ("new", "changed", "conflict", "resolved", "removed")


@dataclass(frozen=True, slots=True)
class Shown:
    """A price as the table shows it: its label and the amounts stated for it."""

    label: str
    credits: float | None
    credit_unit: str | None
    price_cny: float | None
    price_usd: float | None


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One price-table key: the shown price, every stated label (shown first), the evidence."""

    shown: Shown
    points: tuple[str, ...]
    document_ids: tuple[str, ...]
    document_urls: tuple[str, ...]
    # per label: (newest observation, document ids, document urls); empty for stored rows
    evidence: tuple[tuple[str, str | None, tuple[str, ...], tuple[str, ...]], ...] = ()

    @property
    def conflict(self) -> bool:
        return len(self.points) > 1

    def same(self, other: KeyRow) -> bool:
        return (self.shown, self.points, self.document_ids, self.document_urls) == (
            other.shown,
            other.points,
            other.document_ids,
            other.document_urls,
        )


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    key: Key
    old: Shown | None
    new: Shown | None
    conflicting: tuple[str, ...]
    observed_at: str | None
    document_ids: tuple[str, ...]
    document_urls: tuple[str, ...]


def _evidence(row: KeyRow, labels: set[str]) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """The newest date and the documents (ids, URLs) of the points ``labels`` of ``row``."""
    ids: dict[str, None] = {}  # each once, in the order first met (a dict: a list was searched per id)
    urls: dict[str, None] = {}
    newest: str | None = None
    for label, observed, doc_ids, doc_urls in row.evidence:
        if label in labels:
            ids.update(dict.fromkeys(doc_ids))
            urls.update(dict.fromkeys(doc_urls))
            newest = max(newest or "", observed or "") or None
    return newest, tuple(ids), tuple(urls)


def diff(key: Key, old: KeyRow | None, new: KeyRow | None) -> list[Event]:
    """The events that take the table's row for ``key`` from ``old`` to ``new`` (None: no row)."""
    if new is None:
        if old is None:
            return []
        return [Event("removed", key, old.shown, None, (), None, old.document_ids, old.document_urls)]
    events = []
    shown_evidence = _evidence(new, {new.shown.label})
    if old is None:
        events.append(Event("new", key, None, new.shown, (), *shown_evidence))
    elif old.shown != new.shown:
        events.append(Event("changed", key, old.shown, new.shown, (), *shown_evidence))
    appeared = set(new.points) - set(old.points if old else ())
    if new.conflict and appeared:
        alternatives = new.points[1:]
        before = old.shown if old else None
        events.append(Event("conflict", key, before, new.shown, alternatives, *_evidence(new, appeared)))
    elif old is not None and old.conflict and not new.conflict:
        events.append(Event("resolved", key, old.shown, new.shown, (), *shown_evidence))
    return events


def _key_json(key: Key) -> str:
    return json.dumps(list(key), ensure_ascii=False)


# price_point_months (m019): each price point's tallies per source and month of its documents' dates
_DROP_MONTHS = "delete from price_point_months where model in (select value from json_each(?))"
_COUNT_MONTHS = """insert into price_point_months (model, tier, resolution, duration_s, price_point, source,
    month, documents, key_documents, newest_observed_at, credits, credit_unit)
  select model, tier, resolution, duration_s, price_point, source, substr(observed_at, 1, 7), count(*),
    sum(first_for_key), max(observed_at), max(credits), max(credit_unit)
  from price_point_documents
  where model in (select value from json_each(?)) and observed_at is not null
  group by model, tier, resolution, duration_s, price_point, source, substr(observed_at, 1, 7)"""


def refresh_ranks(db: Database, models: list[str]) -> None:
    """Rank the price points of ``models`` again into price_ranks (m016) and count them per month into
    price_point_months (m019), in the caller's transaction.

    The price table reads these rows for every model not listed in price_event_dirty, instead of
    ranking every price point (or counting them since a date) as it runs.
    """
    arg = json.dumps(models)
    db.conn.execute("delete from price_ranks where model in (select value from json_each(?))", [arg])
    db.conn.execute(
        f"insert into price_ranks ({RANK_COLUMNS}, document_ids, document_urls) {PRICE_RANKS_OF_MODELS_SQL}",
        {"models": arg, "model": "", "since": ""},
    )
    db.conn.execute(_DROP_MONTHS, [arg])
    db.conn.execute(_COUNT_MONTHS, [arg])


def current_rows(db: Database, models: list[str]) -> dict[Key, KeyRow]:
    """The price table's rows for ``models`` as price_ranks keeps them (every point of every key)."""
    by_key: dict[Key, list[Any]] = defaultdict(list)
    for r in db.execute(
        "select model, tier, resolution, duration_s, price_point, point_rank, credits, credit_unit, "
        "price_cny, price_usd, newest_observed_at, document_ids, document_urls from price_ranks "
        "where model in (select value from json_each(?))",
        [json.dumps(models)],
    ):
        by_key[(r[0], r[1], r[2], r[3])].append(r)
    out = {}
    for key, rows in by_key.items():
        rows.sort(key=lambda r: r[5])
        top = rows[0]
        out[key] = KeyRow(
            shown=Shown(top[4], top[6], top[7], top[8], top[9]),
            points=tuple(r[4] for r in rows),
            document_ids=tuple(json.loads(top[11])),
            document_urls=tuple(json.loads(top[12])),
            evidence=tuple((r[4], r[10], tuple(json.loads(r[11])), tuple(json.loads(r[12]))) for r in rows),
        )
    return out


_STATE = (
    "key, model, tier, resolution, duration_s, price_label, credits, credit_unit, price_cny, "
    "price_usd, points, document_ids, document_urls"
)


def stored_rows(db: Database, models: list[str]) -> dict[Key, KeyRow]:
    """The rows of ``models`` as the last recording saw them."""
    out = {}
    for r in db.execute(
        f"select {_STATE} from price_event_state where model in (select value from json_each(?))",
        [json.dumps(models)],
    ):
        out[(r[1], r[2], r[3], r[4])] = KeyRow(
            Shown(*r[5:10]), tuple(json.loads(r[10])), tuple(json.loads(r[11])), tuple(json.loads(r[12]))
        )
    return out


_EVENT_COLUMNS = (
    "recorded_at, run_id, kind, backfilled, model, tier, resolution, duration_s, "
    "old_price_label, old_credits, old_credit_unit, old_price_cny, old_price_usd, "
    "new_price_label, new_credits, new_credit_unit, new_price_cny, new_price_usd, "
    "conflicting_prices, observed_at, document_ids, document_urls"
)


def _shown(s: Shown | None) -> tuple[Any, ...]:
    return (s.label, s.credits, s.credit_unit, s.price_cny, s.price_usd) if s else (None,) * 5


def _dumps(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def running_run(db: Database) -> int | None:
    """The run whose row says it is running: live in another process, or killed before it closed."""
    row = db.execute("select max(id) from runs where status = 'running'").fetchone()
    return None if row is None else row[0]


def changes_pending(db: Database) -> bool:
    """Do price points (price_point_dirty) or changes (price_event_dirty) wait to be brought up to date?"""
    return db["price_event_dirty"].exists() and bool(
        db.execute(
            "select 1 from price_event_dirty union all select 1 from price_point_dirty limit 1"
        ).fetchone()
    )


def record_price_changes(db: Database, run_id: int | None = None) -> int:
    """Write the events for the models listed as changed, in the caller's transaction; how many.

    The listed models are taken first (a write), so two processes never record one change twice.
    """
    listed = db.execute("delete from price_event_dirty returning model, backfill").fetchall()
    if not listed:
        return 0
    models = sorted({r[0] for r in listed})
    backfill = {r[0] for r in listed if r[1]}
    now = db.execute("select strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    refresh_ranks(db, models)
    current, stored = current_rows(db, models), stored_rows(db, models)
    events: list[list[Any]] = []
    for key in sorted(current.keys() | stored.keys(), key=repr):
        for e in diff(key, stored.get(key), current.get(key)):
            events.append(
                [now, None if key[0] in backfill else run_id, e.kind, int(key[0] in backfill), *key]
                + [*_shown(e.old), *_shown(e.new), _dumps(e.conflicting), e.observed_at]
                + [_dumps(e.document_ids), _dumps(e.document_urls)]
            )
    db.conn.executemany(f"insert into price_events ({_EVENT_COLUMNS}) values ({','.join('?' * 22)})", events)
    gone = [[_key_json(k)] for k in stored.keys() - current.keys()]
    db.conn.executemany("delete from price_event_state where key = ?", gone)
    fresh = [
        [_key_json(k), *k, *_shown(r.shown), _dumps(r.points), _dumps(r.document_ids)]
        + [_dumps(r.document_urls)]
        for k, r in current.items()
        if k not in stored or not stored[k].same(r)
    ]
    db.conn.executemany(
        f"insert or replace into price_event_state ({_STATE}) values ({','.join('?' * 13)})", fresh
    )
    log.debug("price changes: %d models looked at, %d events", len(models), len(events))
    return len(events)
