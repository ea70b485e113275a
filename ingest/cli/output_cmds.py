"""The commands that serve and export the database: serve, export prices, schema."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from .base import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    cli,
    config_option,
    db_option,
    db_without_config,
    note_db,
    since_date,
)

log = logging.getLogger(__name__)


@cli.command()
@config_option
@db_option
@click.option("-p", "--port", default=DEFAULT_PORT, show_default=True, help="Port to listen on.")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to bind (0.0.0.0 for all).")
@click.option(
    "--immutable",
    is_flag=True,
    help="Promise the file never changes (faster counts); wrong while a `pingce run` writes it.",
)
@click.option("--writable", is_flag=True, hidden=True, help="Accepted for old scripts: now the default.")
@click.option(
    "--allow-sql", is_flag=True, help="Allow arbitrary SQL queries (off: tables and canned queries only)."
)
@click.option(
    "--setting",
    "settings",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="A Datasette setting, e.g. --setting sql_time_limit_ms 5000 (repeatable).",
)
@click.option("--dump-metadata", is_flag=True, help="Print the Datasette metadata JSON and exit.")
def serve(
    config_path: Path,
    db_path: Path | None,
    port: int,
    host: str,
    immutable: bool,
    writable: bool,
    allow_sql: bool,
    settings: tuple[tuple[str, str], ...],
    dump_metadata: bool,
) -> None:
    """Serve the database in Datasette: read-only, tables and canned queries (no arbitrary SQL)."""
    from ingest.web.serve import build_metadata, database_name
    from ingest.web.serve import serve as run_datasette

    path = note_db(db_path or db_without_config(config_path))
    if dump_metadata:
        meta = build_metadata(database_name(path), path if path.exists() else None)
        click.echo(json.dumps(meta, ensure_ascii=False, indent=2))
        return
    try:
        sys.exit(
            run_datasette(
                path,
                port=port,
                host=host,
                immutable=immutable and not writable,
                allow_sql=allow_sql,
                settings=dict(settings),
            )
        )
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None


@cli.group()
def export() -> None:
    """Export tables other tools consume."""


@export.command("prices")
@config_option
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "jsonl", "atom"]),
    default="csv",
    show_default=True,
    help="Output format (atom: price changes, with --changed-since).",
)
@click.option(
    "--model",
    help="Only this model: any name or alias (可灵2.1, kling 2.1), or a brand (Kling) for all its models.",
)
@click.option("--since", help="Only evidence from documents dated on or after this ISO date (Beijing time).")
@click.option(
    "--changed-since",
    metavar="DATE|RUN",
    help="Instead of the table, what moved in it: changes recorded on or after this ISO date, "
    "or made after run number RUN (schema: `pingce schema price-changes`).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of stdout.",
)
def export_prices_cmd(
    config_path: Path,
    db_path: Path | None,
    fmt: str,
    model: str | None,
    since: str | None,
    changed_since: str | None,
    output: Path | None,
) -> None:
    """The price table: one row per model, tier, resolution and duration (schema: `pingce schema prices`)."""
    from ingest.changes import export_changes
    from ingest.export import export_prices

    if changed_since is None and fmt == "atom":
        raise click.BadParameter(
            "atom lists price changes: add --changed-since DATE|RUN", param_hint="'--format'"
        )
    if changed_since is not None and since:
        raise click.BadParameter(
            "--since filters the price table's evidence; with --changed-since give one or the other",
            param_hint="'--since'",
        )
    since_date(since)  # reject what is not an ISO date before touching the database
    path = note_db(db_path or db_without_config(config_path))
    if not path.exists():
        raise click.ClickException(f"no database at {path}; run `pingce run` first")
    if model:
        model = _resolve_model(path, model)
    if changed_since is not None:
        changed_since = _changed_since(path, changed_since)

    def write(out: Any) -> int:
        if changed_since is not None:
            return export_changes(path, fmt, out, model=model, since=changed_since)
        return export_prices(path, fmt, out, model=model, since=since)

    what = "price rows" if changed_since is None else "price changes"
    try:
        if output is None:
            count = write(sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                count = write(fh)
            click.echo(f"{count} {what} -> {output}", err=True)
    except ValueError as exc:  # a row that is not valid JSON (NaN, Infinity): nothing half-written
        raise click.ClickException(f"{path}: {exc}") from None
    log.info("exported %d %s", count, what)


def _changed_since(path: Path, value: str) -> str:
    """``--changed-since`` as the query takes it (a run that exists, or an ISO date), or a usage error."""
    from ingest.export import connect_readonly, ensure_current_schema
    from ingest.filters import FilterError, parse_changed_since

    ensure_current_schema(path)
    conn = connect_readonly(path)
    try:
        parse_changed_since(conn, value)
    except FilterError as exc:
        raise click.BadParameter(str(exc).removeprefix("since: "), param_hint="'--changed-since'") from None
    finally:
        conn.close()
    return value.strip()


def _resolve_model(path: Path, value: str) -> str:
    """The filter value the queries take for ``value`` (as the web resolves it), or a usage error."""
    from ingest.export import connect_readonly, ensure_current_schema
    from ingest.filters import FilterError, resolve_model

    ensure_current_schema(path)
    conn = connect_readonly(path)
    try:
        match = resolve_model(conn, value)
    except FilterError as exc:
        raise click.BadParameter(str(exc).removeprefix("model: "), param_hint="'--model'") from None
    finally:
        conn.close()
    log.info("--model %r: %s", value, ", ".join(match.models))
    return match.value


@cli.group()
def schema() -> None:
    """Print the JSON Schema of an exported format."""


@schema.command("prices")
def schema_prices() -> None:
    """JSON Schema of one row of `pingce export prices` (same as schemas/prices.schema.json)."""
    from schemas.prices import price_schema_json

    click.echo(price_schema_json(), nl=False)


@schema.command("price-changes")
def schema_price_changes() -> None:
    """JSON Schema of one row of `pingce export prices --changed-since` (also in schemas/)."""
    from schemas.price_changes import price_changes_schema_json

    click.echo(price_changes_schema_json(), nl=False)
