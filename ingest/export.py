"""`pingce export prices`: the price table as CSV, JSON or JSON Lines.

The rows come from ``db.queries.PRICE_TABLE_SQL`` (run by ``db.reads.price_table``),
the SQL behind Datasette's ``price_table`` canned query, and are checked against ``schemas.prices.PriceRow``.

Encodings: JSON and JSONL carry lists, objects and booleans natively. In CSV an
empty cell is null, and ``document_ids``, ``document_urls``, ``conflict`` and
``alternatives`` hold JSON text (``["…"]``, ``true``); :func:`read_prices_csv`
turns such a file back into the JSON shape.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO, TypeVar

from pydantic import BaseModel, ValidationError

from db.reads import price_table
from schemas.prices import JSON_FIELDS, PriceRow

log = logging.getLogger(__name__)

FORMATS = ("csv", "json", "jsonl")
COLUMNS: tuple[str, ...] = tuple(PriceRow.model_fields)


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the database for reading only; the export never writes."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no database at {p}")
    conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def ensure_current_schema(path: str | Path) -> None:
    """Apply pending migrations first, as every command that opens the database does.

    The price table reads tables that a migration adds (price_point_documents and
    price_point_sources), so a file last written by an older pingce is brought up
    to date once; the export itself only reads.
    """
    from sqlite_utils import Database

    from db.migrations import migrations
    from db.price_events import changes_pending

    conn = connect_readonly(path)
    try:
        pending = [m.name for m in migrations.pending(Database(conn))]
        unrecorded = not pending and changes_pending(Database(conn))
    finally:
        conn.close()
    from db import open_db

    if unrecorded:  # price changes a bulk load or a killed run left: recorded now, if the file is writable
        try:
            open_db(path, create=False).conn.close()
        except sqlite3.OperationalError as exc:
            log.warning("%s: price changes not yet recorded (%s); exporting what is recorded", path, exc)
    if not pending:
        return

    log.info("%s: applying migrations %s before exporting", path, ", ".join(pending))
    try:
        open_db(path, create=False).conn.close()
    except sqlite3.OperationalError as exc:
        raise RuntimeError(
            f"{path} needs migrations ({', '.join(pending)}) and cannot take them: {exc}; "
            "open it once with a command that can write it (pingce run or pingce serve)"
        ) from exc


M = TypeVar("M", bound=BaseModel)


def validated(
    names: list[str],
    found: list[tuple[Any, ...]],
    model: type[M],
    json_fields: tuple[str, ...],
    what: Callable[[dict[str, Any]], str],
) -> list[M]:
    """Rows of a query (``names``, ``found``) as ``model``s; ``json_fields`` hold JSON text.

    A row that does not validate is a ValueError naming it (``what``) and the field.
    """
    if tuple(names) != tuple(model.model_fields):
        raise RuntimeError(f"columns {names} differ from {model.__name__} {list(model.model_fields)}")
    rows = []
    for raw in found:
        record = dict(zip(names, raw, strict=True))
        for col in json_fields:
            record[col] = json.loads(record[col])
        try:
            rows.append(model.model_validate(record))
        except ValidationError as exc:  # e.g. an Infinity stored by an older extractor
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"])
            raise ValueError(f"{what(record)} cannot be exported: {field}: {err['msg']}") from None
    return rows


def price_rows(
    conn: sqlite3.Connection, model: str | None = None, since: str | None = None
) -> list[PriceRow]:
    """Run the price-table SQL and validate each row.

    ``since`` is an ISO date or time; without an offset it is Beijing time.
    """
    names, found = price_table(conn, model, since)
    rows = validated(
        names, found, PriceRow, JSON_FIELDS, lambda r: f"price row for {r['model']!r} ({r['price_label']!r})"
    )
    log.debug("price table: %d rows (model=%r, since=%r)", len(rows), model, since)
    return rows


def row_dicts(rows: Iterable[PriceRow]) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in rows]


def _csv_cell(name: str, value: Any, json_fields: tuple[str, ...] = JSON_FIELDS) -> str:
    if value is None:
        return ""
    if name in json_fields:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    return str(value)


def write_records(
    data: list[dict[str, Any]], columns: tuple[str, ...], json_fields: tuple[str, ...], fmt: str, out: TextIO
) -> None:
    """Write ``data`` to ``out`` as csv (``columns``; ``json_fields`` as JSON text), json or jsonl."""
    if fmt == "json":
        json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    elif fmt == "jsonl":
        for item in data:
            out.write(json.dumps(item, ensure_ascii=False, allow_nan=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for item in data:
            writer.writerow([_csv_cell(c, item[c], json_fields) for c in columns])
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_prices(rows: list[PriceRow], fmt: str, out: TextIO) -> None:
    """Write ``rows`` to ``out`` as csv, json (one array) or jsonl (one object a line)."""
    write_records(row_dicts(rows), COLUMNS, JSON_FIELDS, fmt, out)


def read_csv(
    text: str, model: type[BaseModel] = PriceRow, json_fields: tuple[str, ...] = JSON_FIELDS
) -> list[dict[str, Any]]:
    """Turn an exported CSV back into the JSON shape of ``model`` (for consumers and tests)."""
    out = []
    for record in csv.DictReader(io.StringIO(text)):
        item: dict[str, Any] = {}
        for name, cell in record.items():
            kind = model.model_fields[name].annotation
            if cell == "":
                item[name] = None
            elif name in json_fields:
                item[name] = json.loads(cell)
            elif kind in (int, int | None):
                item[name] = int(cell)
            elif kind in (float, float | None):
                item[name] = float(cell)
            else:
                item[name] = cell
        out.append(item)
    return out


def read_prices_csv(text: str) -> list[dict[str, Any]]:
    """Turn an exported price CSV back into the JSON shape (for consumers and tests)."""
    return read_csv(text)


def export_prices(
    db_path: str | Path, fmt: str, out: TextIO, model: str | None = None, since: str | None = None
) -> int:
    """Export the price table from ``db_path``; returns how many rows were written."""
    ensure_current_schema(db_path)
    conn = connect_readonly(db_path)
    try:
        rows = price_rows(conn, model=model, since=since)
    finally:
        conn.close()
    write_prices(rows, fmt, out)
    return len(rows)
