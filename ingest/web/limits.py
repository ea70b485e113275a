"""Limits on every SQLite connection Datasette opens, so one request cannot take the server's memory.

Datasette's ``sql_time_limit_ms`` interrupts SQLite between steps, but one long
function call (``randomblob(1000000000)``, ``printf('%.*c', 2000000000, 'x')``)
is a single step: it runs to the end and holds its result in memory. SQLite's own
length limit refuses such a value before it is built ("string or blob too big");
``printf`` (and its alias ``format``) still loops over a huge width or precision
for tens of seconds after that, so it is replaced by one that refuses them first.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from typing import Any

#: Largest string or blob a query may build or read: above the largest stored raw input
#: (HTTP bodies are capped at 40 MiB), far below what would exhaust memory.
MAX_VALUE_BYTES = 48 * 1024 * 1024
#: Longest SQL text accepted (canned queries are a few KB).
MAX_SQL_LENGTH = 100_000
#: Largest width or precision a printf directive may ask for.
MAX_PRINTF_WIDTH = 10_000

_DIRECTIVE = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])")
_plain = threading.local()


def _builtin() -> sqlite3.Connection:
    """A connection without the override, to run SQLite's own printf once the format is checked."""
    conn = getattr(_plain, "conn", None)
    if conn is None:
        conn = _plain.conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    return conn


def safe_printf(fmt: Any, *args: Any) -> Any:
    """SQLite's printf, refusing a width or precision over MAX_PRINTF_WIDTH."""
    if isinstance(fmt, str):
        used = 0
        for m in _DIRECTIVE.finditer(fmt):
            for part in (m.group(1), m.group(2)):
                if part == "*":
                    value = args[used] if used < len(args) else 0
                    used += 1
                else:
                    value = part or 0
                try:
                    too_big = abs(int(value)) > MAX_PRINTF_WIDTH
                except (TypeError, ValueError):
                    too_big = False
                if too_big:
                    raise ValueError(f"printf width or precision over {MAX_PRINTF_WIDTH}")
            if m.group(3) != "%":
                used += 1
    marks = ",".join("?" * (len(args) + 1))
    return _builtin().execute(f"select printf({marks})", (fmt, *args)).fetchone()[0]


def limit_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH)
    for name in ("printf", "format"):
        conn.create_function(name, -1, safe_printf, deterministic=True)
