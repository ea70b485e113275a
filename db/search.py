"""What the search index holds: a Simplified copy of each searched column, built as rows are written.

Search matches across scripts: ``变形`` finds ``變形`` and the other way round. The
FTS5 tables ``claims_fts`` and ``documents_fts`` (m014) are contentless trigram
indexes of :func:`search_text` of each column: OpenCC's Traditional -> Simplified
conversion (``ingest.extract.normalize.to_simplified``, one character for one, so
the copy has the text's length and offsets) followed by two end marks. Quotes and
texts stay verbatim in their tables; no second copy of them is stored.

The end marks give every character of a column a trigram that starts with it, so a
one- or two-character query is found through the trigrams that start with it (the
fts5vocab tables list them), at the end of a column too (see ``db/queries.py``).

The conversion is Python, registered on a connection as SQL functions by
:func:`register_functions` (``db.shape`` as it opens a database, the Datasette plugin on
its connections). Triggers cannot call it on connections that lack it (the sqlite3 shell,
a bulk edit), so they only list the rows that changed, with the values an indexed row had,
in ``claims_search_queue`` and ``documents_search_queue`` (m014); :func:`sync_search`
indexes them, called by every writer in its transaction and on every open. The batch
writer switches triggers off and indexes its rows itself (``db.derived``).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from functools import lru_cache
from itertools import product
from math import prod
from typing import Any

from ingest.extract.normalize import _t2s_phrases, _t2s_table, to_simplified

log = logging.getLogger(__name__)

#: Appended twice to each indexed column; never in a query (queries drop control characters).
END_MARK = "\x1e"
_CONTROL = {c: None for c in range(0x20)}

#: The searched columns of each table, in the order of their FTS5 table.
SEARCHED: dict[str, tuple[str, ...]] = {
    "claims": ("quote", "model"),
    "documents": ("title", "text", "summary"),
}


def simplified(value: Any) -> Any:
    """``value`` in Simplified Chinese, same length (non-text values as they are)."""
    return to_simplified(value) if isinstance(value, str) else value


def search_text(value: Any) -> str | None:
    """What the index holds for one column: its Simplified copy and two end marks (None for NULL)."""
    if value is None:
        return None
    return to_simplified(str(value)) + END_MARK * 2


def search_query(value: Any) -> str:
    """A query as the index is searched: trimmed of spaces, control characters dropped, Simplified."""
    if value is None:
        return ""
    return to_simplified(str(value).translate(_CONTROL).strip(" "))


@lru_cache(maxsize=1)
def _traditional_forms() -> dict[str, str]:
    """Simplified character -> the Traditional characters OpenCC converts to it."""
    forms: dict[str, str] = {}
    for trad, simp in _t2s_table().items():
        forms[simp] = forms.get(simp, "") + chr(trad)
    return forms


_MAX_SPELLINGS = 64


def locate(text: Any, query: Any) -> int:
    """Where ``text`` holds the Simplified ``query`` in either script, 1-based as ``instr`` (0: not found).

    Each spelling of the query (its characters in Simplified or any Traditional form) is looked
    for as it is (ASCII letters in either case), which is much faster than converting a long
    text. A match only OpenCC's phrase table makes, or one in another column, is not located.
    """
    if not isinstance(text, str) or not isinstance(query, str) or not query:
        return 0
    at = text.find(query)
    if at >= 0:
        return at + 1
    forms = _traditional_forms()
    options = [c + forms.get(c, "") for c in query.lower()]
    if prod(len(o) for o in options) > _MAX_SPELLINGS:
        return 0
    haystack = text
    if any("A" <= c <= "Z" or "a" <= c <= "z" for c in query):
        lowered = text.lower()
        haystack = lowered if len(lowered) == len(text) else text  # offsets must stay the text's
    found = [i for p in product(*options) if (i := haystack.find("".join(p))) >= 0]
    return min(found) + 1 if found else 0


def register_functions(conn: sqlite3.Connection) -> None:
    """Register the search SQL functions on ``conn`` (idempotent)."""
    conn.create_function("pingce_search_text", 1, search_text, deterministic=True)
    conn.create_function("pingce_locate", 2, locate, deterministic=True)
    conn.create_function("pingce_simplified", 1, simplified, deterministic=True)
    conn.create_function("pingce_search_query", 1, search_query, deterministic=True)


@lru_cache(maxsize=1)
def conversion_fingerprint() -> str:
    """A hash of the conversion tables and end marks: a change means the index must be rebuilt.

    The triggers remove a row's old entry by recomputing what was indexed, which only
    works while the conversion is the same as when it was indexed.
    """
    h = hashlib.sha256(END_MARK.encode())
    for k, v in sorted(_t2s_table().items()):
        h.update(f"{k}:{v};".encode())
    for k2, v2 in sorted(_t2s_phrases()[1].items()):
        h.update(f"{k2}:{v2};".encode())
    return h.hexdigest()[:16]


def sync_search(conn: Any) -> None:
    """Index what the triggers listed: old entries out (with their values then), current rows in.

    In the caller's transaction if one is open (every writer), else in one of its own.
    """
    raw: sqlite3.Connection = getattr(conn, "conn", conn)
    todo = [t for t in SEARCHED if raw.execute(f"select 1 from {t}_search_queue limit 1").fetchall()]
    if not todo:
        return
    if raw.in_transaction:
        _index_queued(raw, todo)
    else:
        with raw:
            _index_queued(raw, todo)


def _index_queued(raw: sqlite3.Connection, tables: list[str]) -> None:
    for table in tables:
        columns = SEARCHED[table]
        queue, fts = f"{table}_search_queue", f"{table}_fts"
        cols = ", ".join(columns)
        made = ", ".join(f"pingce_search_text({c})" for c in columns)
        raw.execute(
            f"insert into {fts} ({fts}, rowid, {cols}) "
            f"select 'delete', row, {made} from {queue} where indexed"
        )
        made_t = ", ".join(f"pingce_search_text(t.{c})" for c in columns)
        raw.execute(
            f"insert into {fts} (rowid, {cols}) select t.rowid, {made_t} from {queue} q "
            f"join {table} t on t.rowid = q.row"
        )
        raw.execute(f"delete from {queue}")


def rebuild_search_index(conn: Any) -> None:
    """Index every claim and document again (after a bulk load that bypassed the triggers, or a new table)."""
    for table, columns in SEARCHED.items():
        fts = f"{table}_fts"
        conn.execute(f"delete from {table}_search_queue")
        conn.execute(f"insert into {fts} ({fts}) values ('delete-all')")
        conn.execute(
            f"insert into {fts} (rowid, {', '.join(columns)}) select rowid, "
            + ", ".join(f"pingce_search_text({c})" for c in columns)
            + f" from {table}"
        )
    conn.execute(
        "insert or replace into search_index (key, value) values ('conversion', ?)",
        [conversion_fingerprint()],
    )


def ensure_search_index(conn: Any) -> None:
    """Rebuild the index when the conversion changed since it was built (an OpenCC upgrade), else sync it."""
    rows = conn.execute("select value from search_index where key = 'conversion'").fetchall()
    if not rows or rows[0][0] != conversion_fingerprint():
        log.info("search index: conversion table changed; rebuilding it")
        rebuild_search_index(conn)
    else:
        sync_search(conn)  # rows written where the conversion was not at hand
