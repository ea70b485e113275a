"""Batched writes for `pingce run`: many documents per transaction, fixed SQL, no introspection.

``save_document`` in ``db.store`` writes one document per transaction through
sqlite-utils, which looks the tables up again on every call. A first run over
thousands of documents spent most of its time there (and in BEGIN/COMMIT), so the
pipeline writes through a :class:`BatchWriter`: plain ``sqlite3`` statements whose
text never changes (the module's statement cache keeps them prepared), committed
every ``batch_size`` documents and whenever a fetcher's state is committed.

A batch is one transaction: a run killed in the middle of one loses that batch
only, raw bytes and documents alike, and the next run reads those inputs again as
new. Nothing else changes: the same rows, the same triggers, the same statuses as
``save_document`` (tests compare the two).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlite_utils import Database

from db.price_points import sync_price_points
from db.store import SaveResult, now_iso


class BatchWriter:
    """Writes documents and their claim rows, committing every ``batch_size`` documents."""

    def __init__(self, db: Database, batch_size: int = 200) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.batch_size = batch_size
        self.pending = 0
        self._models = {r[0] for r in self.conn.execute("select name from models")}
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    # ------------------------------------------------------------ transactions
    def flush(self) -> None:
        """Count the batch's price evidence (set-wise, for the documents it touched), then commit."""
        sync_price_points(self.db)
        self.conn.commit()
        self.pending = 0

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
        self.conn.execute(
            "insert or ignore into raw (sha256, origin, content_type, size, body, first_seen)"
            " values (?, ?, ?, ?, ?, ?)",
            [digest, origin, content_type, len(body), body, now_iso()],
        )
        return True

    def _ensure_models(self, claims: list[dict[str, Any]]) -> None:
        names = {c["model"] for c in claims if c.get("model")} | {
            c["versus"] for c in claims if c.get("versus")
        }
        missing = names - self._models
        if missing:
            self.conn.executemany(
                "insert or ignore into models (name, vendor, brand, aliases) values (?, null, null, '[]')",
                [[n] for n in sorted(missing)],
            )
            self._models |= missing

    def save(self, row: dict[str, Any], claims: list[dict[str, Any]] | None, version: int) -> SaveResult:
        """Write one document row (``db.store.document_row``) and replace its claims (``claim_row``)."""
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
        if claims is not None:
            # the document's date on each claim (m009) as its trigger would set it, so it need not
            observed = self.conn.execute(
                "select strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(?, (select first_seen from documents"
                " where id = ?)))",
                [row.get("published_at"), row["id"]],
            ).fetchone()[0]
            claims = [{**c, "observed_at": observed} for c in claims]
            result = self._replace_claims(row["id"], claims, status, new=current is None)
        self._wrote()
        return result

    def _replace_claims(
        self, document_id: str, claims: list[dict[str, Any]], status: str, new: bool
    ) -> SaveResult:
        self._ensure_models(claims)
        rows = {r["id"]: r for r in claims}
        old: set[str] = set()
        if not new:
            old = {
                r[0] for r in self.conn.execute("select id from claims where document_id = ?", [document_id])
            }
        gone = old - rows.keys()
        if gone:
            self.conn.executemany("delete from claims where id = ?", [[i] for i in sorted(gone)])
        fresh = [r for k, r in rows.items() if k not in old]
        kept = [r for k, r in rows.items() if k in old]
        for group, statement in ((fresh, self._insert), (kept, None)):
            by_columns: dict[tuple[str, ...], list[list[Any]]] = {}
            for r in group:
                by_columns.setdefault(tuple(r), []).append(list(r.values()))
            for columns, values in by_columns.items():
                sql = statement("claims", columns) if statement else self._upsert_claims(columns)
                self.conn.executemany(sql, values)
        return SaveResult(status, claims_new=len(fresh), claims_removed=len(gone))
