"""`pingce serve`: Datasette on the claims database, with the project's metadata.

The metadata is ``metadata.yml`` beside this module, its canned queries filled
with their SQL from ``db.queries``, keyed by the name Datasette gives the
database (the file's stem) and written to a temporary JSON file at serve time.
The plugin (``ingest.web``) comes in through pingce's Datasette entry point.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from db.queries import QUERIES
from db.reads import table_columns, table_counts

log = logging.getLogger(__name__)

TEMPLATE_DB = "pingce"

#: Datasette settings unless `--setting NAME VALUE` overrides them.
DEFAULT_SETTINGS: dict[str, str] = {
    "sql_time_limit_ms": "3000",  # search over long texts may scan; stop runaway SQL after 3 s
    "max_returned_rows": "5000",  # the whole price table and history in one JSON request
    "default_page_size": "100",
    "facet_time_limit_ms": "400",
    "truncate_cells_html": "160",  # document texts are long: rows stay short; the row page shows them whole
    "default_cache_ttl": "0",  # a served file may be replaced by a newer run
    "suggest_facets": "off",  # suggesting tries a facet on every column: seconds at a million claims
}


def load_template() -> dict[str, Any]:
    text = resources.files("ingest.web").joinpath("metadata.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("ingest/web/metadata.yml is not a mapping")
    return data


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its stem."""
    return Path(db_path).stem


def _fit_columns(tables: dict[str, Any], columns: dict[str, list[str]]) -> None:
    """Keep only the column descriptions of columns that exist, in the table's own order."""
    for name, meta in tables.items():
        described = meta.get("columns")
        if described and name in columns:
            meta["columns"] = {c: described[c] for c in columns[name] if c in described}


def build_metadata(db_name: str = TEMPLATE_DB, db_path: str | Path | None = None) -> dict[str, Any]:
    """The full metadata for a database served as ``db_name``: tables, views and canned queries.

    With ``db_path``, column descriptions are fitted to the columns the file has
    (Datasette lists every described column above a table).
    """
    meta = copy.deepcopy(load_template())
    databases = meta.get("databases") or {}
    block = databases.pop(TEMPLATE_DB, {})
    if db_path is not None:
        _fit_columns(block.get("tables") or {}, table_columns(db_path))
    html = block.get("description_html")
    if html:
        block["description_html"] = html.replace("{db_url}", f"/{db_name}")
    block["queries"] = {
        name: {**query, "sql": QUERIES[name].strip()} for name, query in block["queries"].items()
    }
    for query in block["queries"].values():
        if "description_html" in query:
            query["description_html"] = query["description_html"].replace("{db_url}", f"/{db_name}")
    databases[db_name] = block
    meta["databases"] = databases
    return meta


def write_metadata_path(db_path: str | Path) -> Path:
    resolved = str(Path(db_path).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"pingce-datasette-{database_name(db_path)}-{digest}.json"


def write_metadata(db_path: str | Path, allow_sql: bool = False) -> Path:
    """Write the metadata for ``db_path`` to a per-database temporary file and return its path.

    Unless ``allow_sql``, arbitrary SQL (the query box, ``?sql=``, ``_where=``) is off:
    tables, views, facets and the canned queries are what a public server answers.
    """
    out = write_metadata_path(db_path)
    meta = build_metadata(database_name(db_path), db_path)
    if not allow_sql:
        meta["allow_sql"] = False
    out.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def inspect_data(db_path: str | Path) -> dict[str, Any]:
    """Datasette's inspect data for an immutable file: the row count of every ordinary table.

    An immutable server takes an unfiltered table page's count from here instead of
    counting a million claims on every request. The file cannot change under an
    immutable server, so the counts stay true while it runs. (Views are counted per
    request: Datasette's database page expects tables only here.)
    """
    path = Path(db_path).resolve()
    tables = {name: {"count": count} for name, count in table_counts(path).items()}
    stat = path.stat()
    # Datasette's own inspect hashes the file's bytes; size and time of change identify it as well.
    state = hashlib.sha256(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()
    return {database_name(path): {"hash": state, "size": stat.st_size, "file": str(path), "tables": tables}}


def write_inspect_data(db_path: str | Path) -> Path:
    """Write :func:`inspect_data` beside the metadata file and return its path."""
    meta = write_metadata_path(db_path).with_suffix(".inspect.json")
    meta.write_text(json.dumps(inspect_data(db_path), ensure_ascii=False), encoding="utf-8")
    return meta


def prepare_database(db_path: Path) -> None:
    """Bring the file to the current schema and fold its WAL in, so an immutable server sees everything.

    Immutable mode ignores a ``-wal`` file; a run that is still writing keeps
    its WAL, and then a warning says an immutable server may miss rows.
    """
    from db import open_db
    from db.shape import checkpoint

    db = open_db(db_path, create=False)
    try:
        busy = checkpoint(db)
    finally:
        db.conn.close()
    wal = Path(f"{db_path}-wal")
    if busy or (wal.exists() and wal.stat().st_size > 0):
        log.warning(
            "%s is being written (WAL not checkpointed): --immutable serving may miss the "
            "newest rows; serve without --immutable to follow a running `pingce run`",
            db_path,
        )


def datasette_command(
    db_path: Path,
    metadata: Path,
    *,
    port: int,
    host: str,
    immutable: bool = False,
    settings: dict[str, str] | None = None,
    inspect_file: Path | None = None,
) -> list[str]:
    """The `python -m datasette serve ...` command line.

    By default the file is opened read-only (SQLite ``mode=ro``) and follows what a
    `pingce run` writes; ``immutable`` promises SQLite the file never changes (faster
    counts from ``inspect_file``), which is only true of a snapshot nothing writes.
    """
    merged = {**DEFAULT_SETTINGS, **(settings or {})}
    cmd = [sys.executable, "-m", "datasette", "serve"]
    cmd += ["-i", str(db_path)] if immutable else [str(db_path)]
    if inspect_file is not None and immutable:
        cmd += ["--inspect-file", str(inspect_file)]
    cmd += [
        "--metadata",
        str(metadata),
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in merged.items():
        cmd += ["--setting", name, value]
    return cmd


def check_settings(settings: dict[str, str]) -> None:
    from datasette.app import SETTINGS

    known = {s.name for s in SETTINGS}
    unknown = set(settings) - known
    if unknown:
        raise ValueError(f"unknown Datasette setting {', '.join(sorted(unknown))}")


def serve(
    db_path: Path,
    *,
    port: int,
    host: str,
    immutable: bool = False,
    allow_sql: bool = False,
    settings: dict[str, str] | None = None,
    migrate: bool = True,
) -> int:
    """Prepare the database, then replace this process with Datasette (POSIX) or wait for it."""
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}; run `pingce run` first")
    check_settings(settings or {})
    if migrate:
        try:
            prepare_database(db_path)
        except sqlite3.OperationalError as exc:  # read-only file or directory: serve as it is
            log.warning("could not update %s (%s); serving it as it is", db_path, exc)
    cmd = datasette_command(
        db_path,
        write_metadata(db_path, allow_sql=allow_sql),
        port=port,
        host=host,
        immutable=immutable,
        settings=settings,
        inspect_file=write_inspect_data(db_path) if immutable else None,
    )
    log.info("starting: %s", " ".join(cmd))
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(sys.executable, cmd)
    return subprocess.call(cmd)
