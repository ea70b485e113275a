"""Batched writes for `pingce run`: many documents per transaction, fixed SQL, no introspection.

``save_document`` in ``db.store`` writes one document per transaction through
sqlite-utils, which looks the tables up again on every call. A first run over
thousands of documents spent most of its time there (and in BEGIN/COMMIT), so the
pipeline writes through a :class:`BatchWriter`: plain ``sqlite3`` statements whose
text never changes (the module's statement cache keeps them prepared), committed
every ``batch_size`` documents and whenever a fetcher's state is committed.

A batch is one transaction: a run killed in the middle of one loses that batch
only, raw bytes, documents and derived rows alike, and the next run reads those
inputs again as new. The batch is written with the connection's triggers off: the
search indexes, the month x kind table, each claim's date and vendor and the price
points are brought up to date set-wise at the end of the batch (``db.derived``), in
its transaction. Where SQLite's trigger switch cannot be reached the triggers stay on
and do that work row by row. Either way the rows and statuses are those of
``save_document``, and the derived tables those a rebuild gives (tests compare them).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlite_utils import Database

from db import deferred, derived
from db.price_points import rows_of_points, sync_price_points
from db.price_rule import PointValues, point_values, price_claims, written_point_values
from db.search import sync_search
from db.store import SaveResult, now_iso

#: A document's claim rows as (columns, one tuple of values per claim): what `pingce run`'s workers
#: send (a few KB a document to pickle, where dicts repeat every column name in every row)
ClaimValues = tuple[tuple[str, ...], list[tuple[Any, ...]]]


def claim_values(claims: list[dict[str, Any]]) -> list[ClaimValues]:
    """Claim rows (``db.store.claim_row``) one per id (the last given, in the place of the first)
    and grouped by their columns (one group: ``claim_row`` gives every claim the same columns)."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for c in {c["id"]: c for c in claims}.values():
        groups.setdefault(tuple(c), []).append(tuple(c.values()))
    return list(groups.items())


def claim_values_and_points(
    columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> tuple[list[ClaimValues], list[PointValues]]:
    """What `pingce run`'s workers send with each document: its claim rows, one per id, as their
    values in ``columns``' order (``ingest.extract.claim_rows`` makes them), and their price points:
    :func:`claim_values` and ``written_point_values`` of the same rows."""
    kind = columns.index("kind")
    priced = [dict(zip(columns, r, strict=True)) for r in rows if r[kind] == "price"]
    return ([(columns, rows)] if rows else []), point_values(price_claims(priced))


class BatchWriter:
    """Writes documents and their claim rows, committing every ``batch_size`` documents."""

    def __init__(
        self, db: Database, batch_size: int = 1000, *, setwise: bool | None = None, defer_indexes: bool = True
    ) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        # A batch's end costs about the same whatever its size (the commit copies the index pages
        # it touched through the WAL; the price points' tallies are recounted per key touched),
        # so 1,000 documents a batch write a first run in 15-25 % less CPU than 200 did.
        self.batch_size = batch_size
        self.pending = 0
        self._vendors = derived.vendors(self.conn)
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        # set-wise unless told otherwise or the trigger switch is out of reach
        self.setwise = derived.triggers_switchable(self.conn) if setwise is None else setwise
        self._open = False
        # the batch's documents: id -> new (no search entries, claims or month rows before the batch)
        self._touched: dict[str, bool] = {}
        self._search_docs: set[str] = set()  # documents whose own search entry is to be made
        self._kept_claims: set[str] = set()  # documents rewritten without their claims
        self._points: dict[str, list[tuple[Any, ...]]] = {}  # new documents' price_point_documents rows
        # Secondary indexes go aside (db.deferred) once this writer has written a full batch and at
        # least as many documents as the database held before it: then making them at the end
        # costs less than keeping them row by row. What a writer killed before its end set aside
        # is made again first.
        deferred.restore(self.conn)
        self.defer_indexes = defer_indexes
        self._stored = self.conn.execute("select count(*) from documents").fetchone()[0]
        self._written = 0  # documents this writer wrote (new, changed or re-extracted)
        self._aside = False  # set aside (or found none to set aside) in this writer

    # ------------------------------------------------------------ transactions
    def _begin(self) -> None:
        if not self._open:
            self._open = True
            if self.defer_indexes and not self._aside and self._written >= max(self.batch_size, self._stored):
                deferred.set_aside(self.conn)
                self._aside = True
            if self.setwise and not derived.set_triggers(self.conn, False):
                raise sqlite3.OperationalError("cannot switch this connection's triggers off")

    def flush(self) -> None:
        """Bring the derived tables up to date for the batch's documents, then commit."""
        try:
            if self.setwise and self._touched:
                self._derive()
        finally:
            if self._open and self.setwise:
                derived.set_triggers(self.conn, True)
            self._open = False
        sync_price_points(self.db)  # what the triggers listed (other writers, or triggers on)
        sync_search(self.conn)
        self.conn.commit()
        self._touched = {}
        self.pending = 0

    def finish(self) -> None:
        """Commit the last batch, then make the indexes set aside again (the end of a run)."""
        self.flush()
        if self._aside:
            deferred.restore(self.conn)
            self._aside = False

    def _derive(self) -> None:
        ids = json.dumps(sorted(self._touched))
        derived.index_search(self.conn, "documents", "id", json.dumps(sorted(self._search_docs)))
        derived.index_search(self.conn, "claims", "document_id", ids)
        derived.refresh_months(self.conn, ids)
        derived.refresh_model_kinds(self.conn, ids)
        derived.refresh_credit_rates(self.conn, ids)
        sync_price_points(self.db, self._touched, triggers=False, known=self._points)
        # claims written by this batch carry their document's date; those it kept may not
        derived.refresh_observed(self.conn, json.dumps(sorted(self._kept_claims)))
        self._search_docs, self._kept_claims, self._points = set(), set(), {}

    def _wrote(self, documents: int = 1) -> None:
        self.pending += documents
        if self.pending >= self.batch_size:
            self.flush()

    # ------------------------------------------------------------ statements
    def _insert(self, table: str, columns: tuple[str, ...]) -> str:
        key = ("insert", (table, *columns))
        if key not in self._sql:
            names = ", ".join(f'"{c}"' for c in columns)
            self._sql[key] = f"insert into {table} ({names}) values ({', '.join('?' * len(columns))})"
        return self._sql[key]

    def _upsert_claims(self, columns: tuple[str, ...]) -> str:
        key = ("upsert", columns)
        if key not in self._sql:
            names = ", ".join(f'"{c}"' for c in columns)
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
            self._sql[key] = (
                f"insert into claims ({names}) values ({', '.join('?' * len(columns))}) "
                f"on conflict (id) do update set {sets}"
            )
        return self._sql[key]

    def _update_document(self, columns: tuple[str, ...]) -> str:
        key = ("update", columns)
        if key not in self._sql:
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            self._sql[key] = f"update documents set {sets} where id = ?"
        return self._sql[key]

    # ------------------------------------------------------------ writes
    def save_raw(self, digest: str, body: bytes, origin: str, content_type: str | None) -> bool:
        """Store bytes content-addressed in the current batch; True when they were new."""
        if self.conn.execute("select 1 from raw where sha256 = ?", [digest]).fetchone():
            return False
        self._begin()
        self.conn.execute(
            "insert or ignore into raw (sha256, origin, content_type, size, body, first_seen)"
            " values (?, ?, ?, ?, ?, ?)",
            [digest, origin, content_type, len(body), body, now_iso()],
        )
        return True

    def _ensure_models(self, names: set[str]) -> None:
        missing = names - self._vendors.keys()
        if missing:
            self.conn.executemany(
                "insert or ignore into models (name, vendor, brand, aliases) values (?, null, null, '[]')",
                [[n] for n in sorted(missing)],
            )
            self._vendors.update(derived.vendors(self.conn))

    def save(
        self,
        row: dict[str, Any],
        claims: list[dict[str, Any]] | None,
        version: int,
        points: list[PointValues] | None = None,
    ) -> SaveResult:
        """Write one document row (``db.store.document_row``) and replace its claims (``claim_row``).

        ``points``: the claims' price points (``written_point_values(claims)``) when the caller
        has them (`pingce run`'s workers compute them), else they are computed here.
        """
        return self.save_values(row, None if claims is None else claim_values(claims), version, points)

    def save_values(
        self,
        row: dict[str, Any],
        claims: list[ClaimValues] | None,
        version: int,
        points: list[PointValues] | None = None,
    ) -> SaveResult:
        """:meth:`save` with the claims as :func:`claim_values` gives them (one per id); ``points``
        their price points (else computed here)."""
        current = self.conn.execute(
            "select content_hash, extractor_version from documents where id = ?", [row["id"]]
        ).fetchone()
        if claims is not None:
            row = {**row, "extractor_version": version}
        if current and current[0] == row["content_hash"] and (claims is None or current[1] == version):
            return SaveResult("unchanged")
        status = (
            "new" if current is None else ("changed" if current[0] != row["content_hash"] else "reextracted")
        )
        self._begin()
        self._written += 1
        first = self._touch(
            row["id"], new=current is None, content=current is None or current[0] != row["content_hash"]
        )
        stamp = now_iso()
        if current is None:
            full = {**row, "first_seen": stamp, "updated": stamp}
            self.conn.execute(self._insert("documents", tuple(full)), list(full.values()))
        elif current[0] != row["content_hash"]:
            changed = {k: v for k, v in row.items() if k != "id"} | {"updated": stamp}
            self.conn.execute(self._update_document(tuple(changed)), [*changed.values(), row["id"]])
        else:
            self.conn.execute("update documents set extractor_version = ? where id = ?", [version, row["id"]])
        result = SaveResult(status)
        if claims is None and self.setwise:
            self._kept_claims.add(row["id"])
        if claims is not None:
            # the document's date on each claim (m009) as its trigger would set it, so it need not
            observed = self.conn.execute(
                "select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(?, (select first_seen from documents"
                " where id = ?)))",
                [row.get("published_at"), row["id"]],
            ).fetchone()[0]
            result = self._replace_claims(row["id"], claims, observed, status, new=current is None)
            if self.setwise and current is None and first:
                # its price points, from the claims as they went in: nothing to read back
                if points is None:
                    points = written_point_values(
                        [dict(zip(c, v, strict=True)) for c, vs in claims for v in vs]
                    )
                self._points[row["id"]] = rows_of_points(
                    row["id"], points, observed, row["source"], row["url"]
                )
        if not first:
            self._points.pop(row["id"], None)  # written again in this batch: read back at its end
        self._wrote()
        return result

    def _touch(self, document_id: str, *, new: bool, content: bool) -> bool:
        """Note a document of the batch (True the first time); its search entries leave the index
        before its rows change.

        Entries are made at the end of the batch, so a document new to this batch has
        none yet, and one met before in the batch has had its claims' removed already.
        """
        if not self.setwise:
            return False
        first = document_id not in self._touched
        if first:
            self._touched[document_id] = new
            if not new:
                derived.forget_search(self.conn, "claims", "document_id", json.dumps([document_id]))
        if content and document_id not in self._search_docs:
            if not self._touched[document_id]:
                derived.forget_search(self.conn, "documents", "id", json.dumps([document_id]))
            self._search_docs.add(document_id)
        return first

    def _replace_claims(
        self, document_id: str, claims: list[ClaimValues], observed: str | None, status: str, new: bool
    ) -> SaveResult:
        """Replace the document's claims; each gets the document's date and its model's vendor (m012),
        as their triggers would give them."""
        groups = []
        for columns, values in claims:
            at = {c: i for i, c in enumerate(columns)}
            model, versus = at.get("model"), at.get("versus")
            names = {v[model] for v in values if v[model]} if model is not None else set()
            if versus is not None:
                names |= {v[versus] for v in values if v[versus]}
            self._ensure_models(names)
            groups.append((columns, at["id"], model, values))
        old: set[str] = set()
        if not new:
            old = {
                r[0] for r in self.conn.execute("select id from claims where document_id = ?", [document_id])
            }
        ids = {v[i] for _, i, _, values in groups for v in values}
        gone = old - ids
        if gone:
            self.conn.executemany("delete from claims where id = ?", [[i] for i in sorted(gone)])
        vendors, fresh = self._vendors, 0
        for upsert in (False, True):  # new claims first, then those kept (written again)
            for columns, i, model, values in groups:
                rows = [v for v in values if (v[i] in old) is upsert]
                if not rows:
                    continue
                full = (*columns, "observed_at", "vendor")
                sql = self._upsert_claims(full) if upsert else self._insert("claims", full)
                self.conn.executemany(
                    sql,
                    [
                        (*v, observed, vendors.get(v[model] or "") if model is not None else None)
                        for v in rows
                    ],
                )
                fresh += 0 if upsert else len(rows)
        return SaveResult(status, claims_new=fresh, claims_removed=len(gone))
