"""The command line: `pingce` and `python -m ingest` run the same click group."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ingest import __version__

log = logging.getLogger(__name__)

DEFAULT_CONFIG = "sources.yml"
DEFAULT_PORT = 8001
DEFAULT_HOST = "127.0.0.1"


def _setup_logging(verbose: bool) -> None:
    from ingest.redact import RedactingFilter

    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for handler in logging.getLogger().handlers:  # every record, httpx's own included
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())


_DB_PROBLEMS = (
    ("file is not a database", "not a SQLite database (another kind of file, or its header is damaged)"),
    ("malformed", "the database file is damaged (truncated or corrupt); restore it from a backup"),
    ("readonly", "the database is read-only here (check the file's and its folder's permissions)"),
    ("read-only", "the database is read-only here (check the file's and its folder's permissions)"),
    ("disk is full", "the disk is full; free space and run again"),
    ("unable to open", "cannot open the database file (missing folder or no permission)"),
    ("disk i/o error", "the disk failed while reading or writing the database"),
)


def describe_db_error(exc: BaseException) -> str:
    """One plain line for an SQLite failure (the raw message kept in brackets)."""
    raw = " ".join(str(exc).split())
    for needle, say in _DB_PROBLEMS:
        if needle in raw.lower():
            return f"{say} [{raw}]"
    return f"database error: {raw}"


def _note_db(path: Path) -> Path:
    """Remember which database file this command uses, for the one-line error if it fails."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta["pingce_db"] = path
    return path


class _Cli(click.Group):
    """The command group: an SQLite failure anywhere is one line naming the file, exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        import sqlite3

        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as exc:
            where = ctx.meta.get("pingce_db") or "database"
            click.echo(_clean(f"error: {where}: {describe_db_error(exc)}"), err=True)
            sys.exit(2)


def _clean(line: str) -> str:
    from ingest.redact import one_line

    return one_line(line)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})  # -h: help
@click.version_option(__version__, prog_name="pingce")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail to stderr.")
def cli(verbose: bool) -> None:
    """pingce: reviews of AI video models in, a database of grounded claims out."""
    _setup_logging(verbose)


# One JSON object a line is the only output format (the option is kept for scripts that pass it).
format_option = click.option(
    "--format", type=click.Choice(["jsonl"]), default="jsonl", expose_value=False, help="Output format."
)


def _local_documents(paths: tuple[Path, ...]) -> Iterator[tuple[Path, list[Any]]]:
    """Each file's documents; a file that fails is reported and counted, then skipped."""
    from ingest.local_readers import iter_files
    from ingest.offline import documents_from_path
    from schemas.document import ParseError

    failed = 0
    for path in iter_files(list(paths)):
        try:
            docs = documents_from_path(path)
        except (ParseError, OSError) as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            failed += 1
            continue
        yield path, docs
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option
def parse(paths: tuple[Path, ...]) -> None:
    """Print documents parsed from local files, one JSON a line."""
    from ingest.offline import document_json

    for _, docs in _local_documents(paths):
        for doc in docs:
            click.echo(document_json(doc))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option
def extract(paths: tuple[Path, ...]) -> None:
    """Print claims found in local files, one JSON object a line."""
    from ingest.extract import extract_document
    from ingest.offline import label_for

    for path, docs in _local_documents(paths):
        for doc in docs:
            for claim in extract_document(doc, label_for(doc, path, len(docs) > 1)):
                click.echo(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, allow_nan=False))


def _config_and_db(config_path: Path, db_path: Path | None) -> tuple[Any, Path]:
    from ingest.config import ConfigError, load_config
    from ingest.pipeline import EXIT_CONFIG

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        for line in str(exc).splitlines():  # every problem, one a line
            click.echo(f"error: {line}", err=True)
        sys.exit(EXIT_CONFIG)
    return config, _note_db(db_path or config.db_path(config_path))


def _parse_since(value: str | None) -> dt.datetime | None:
    """The same rule as the web's ``since`` (ingest.filters.parse_since)."""
    if not value:
        return None
    from ingest.filters import FilterError, parse_since

    try:
        return parse_since(value)
    except FilterError as exc:
        raise click.BadParameter(str(exc).removeprefix("since: "), param_hint="'--since'") from None


config_option = click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_CONFIG,
    show_default=True,
    help="The sources file.",
)
db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file (default: `db:` in sources.yml, else pingce.db beside it).",
)


@cli.command()
@config_option
@db_option
@click.option("--since", help="Skip documents published before this ISO date.")
@click.option("--source", "only", multiple=True, help="Run only this source (repeatable).")
@click.option("--silent", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--deadline",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the run after this long; what is left is recorded as errors (exit 1).",
)
def run(
    config_path: Path,
    db_path: Path | None,
    since: str | None,
    only: tuple[str, ...],
    silent: bool,
    deadline: float | None,
) -> None:
    """Ingest every source in sources.yml into the database."""
    from db import open_db
    from ingest.lock import LockBusy, RunLock
    from ingest.pipeline import EXIT_CONFIG, EXIT_LOCKED, EXIT_SOURCE_FAILED, RunStopped, run_sources

    config, path = _config_and_db(config_path, db_path)
    if not config.sources:
        click.echo(
            f"error: {config_path}: no sources: nothing to run, no database written; "
            "list one under `sources:` (README, sources.yml)",
            err=True,
        )
        sys.exit(EXIT_CONFIG)
    unknown = set(only) - {s.name for s in config.sources}
    if unknown:
        click.echo(f"error: {config_path}: no source named {', '.join(sorted(unknown))}", err=True)
        sys.exit(EXIT_CONFIG)
    when = _parse_since(since)
    try:
        with RunLock(path):
            db = open_db(path)
            total = len([s for s in config.sources if s.enabled and (not only or s.name in only)])
            with click.progressbar(
                length=total or 1, label="sources", file=sys.stderr, hidden=silent or not sys.stderr.isatty()
            ) as bar:

                def tick(origin: str) -> None:
                    bar.label = f"{origin[-50:]:<50}"
                    bar.render_progress()

                summary = run_sources(
                    db,
                    config,
                    str(config_path),
                    since=when,
                    only=list(only) or None,
                    progress=tick,
                    deadline_s=deadline,
                )
                bar.update(total or 1)
    except LockBusy as exc:
        click.echo(f"error: {exc}; not starting a second run", err=True)
        sys.exit(EXIT_LOCKED)
    except RunStopped as exc:  # the database failed partway: what was stored stays, the row is closed
        click.echo(
            _clean(f"error: {path}: run {exc.run_id} stopped: {describe_db_error(exc.cause)}"), err=True
        )
        sys.exit(EXIT_SOURCE_FAILED)
    for line in summary.errors:
        click.echo(_clean(f"error: {line}"), err=True)
    if not silent:
        c = summary.counts
        click.echo(
            f"run {summary.run_id}: {c['documents_new']} new, {c['documents_changed']} changed, "
            f"{c['documents_unchanged']} unchanged documents; {c['claims_new']} new claims; "
            f"{len(summary.failed_sources)} failed sources -> {path}"
        )
    sys.exit(summary.exit_code)


@cli.command()
@config_option
@db_option
@click.option("-n", "--limit", default=20, show_default=True, help="How many runs to show.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list each run's errors.")
def runs(config_path: Path, db_path: Path | None, limit: int, show_errors: bool) -> None:
    """Show recent runs, what changed and what failed."""
    from db import open_db
    from db.runs import errors_of_run, recent_runs

    path = _note_db(db_path or _db_without_config(config_path))
    if not path.exists():
        raise click.ClickException(f"no database at {path}; run `pingce run` first")
    db = open_db(path)
    rows = recent_runs(db, limit)
    if not rows:
        click.echo("no runs yet")
    for r in rows:
        click.echo(
            f"#{r['id']} {r['started_at']} {r['status']:<11} exit={r['exit_code']} "
            f"new={r['documents_new'] or 0} changed={r['documents_changed'] or 0} "
            f"unchanged={r['documents_unchanged'] or 0} claims+={r['claims_new'] or 0} "
            f"failed_sources={r['sources_failed'] or 0} errors={r['errors'] or 0} "
            f"price_changes={r['price_events'] or 0}"
        )
        if show_errors:
            for e in errors_of_run(db, r["id"]):
                click.echo("    " + _clean(f"{e['source']}: {e['origin']}: {e['error']}"))


def _db_without_config(config_path: Path) -> Path:
    from schemas.config import DEFAULT_DB_NAME

    if config_path.exists():
        return _config_and_db(config_path, None)[1]
    return Path(DEFAULT_DB_NAME)


@cli.command()
@config_option
@db_option
@click.option("--all", "force", is_flag=True, help="Re-extract every document, not only older versions.")
@click.option(
    "--reparse", is_flag=True, help="Also parse the stored raw bytes again (after a parser change)."
)
@click.option("--silent", is_flag=True, help="No progress bar and no summary.")
def reextract(config_path: Path, db_path: Path | None, force: bool, reparse: bool, silent: bool) -> None:
    """Re-extract claims from stored documents (no refetch)."""
    from db import open_db
    from db.reads import count_rows
    from ingest.lock import LockBusy, RunLock
    from ingest.pipeline import EXIT_LOCKED
    from ingest.reprocess import reextract as do_reextract
    from ingest.reprocess import reparse as do_reparse

    path = _note_db(db_path or _db_without_config(config_path))
    if not path.exists():
        raise click.ClickException(f"no database at {path}; run `pingce run` first")
    hidden = silent or not sys.stderr.isatty()
    try:
        with RunLock(path):
            db = open_db(path)
            if reparse:
                with click.progressbar(
                    length=count_rows(db, "raw"), label="raw inputs", file=sys.stderr, hidden=hidden
                ) as bar:
                    parsed = do_reparse(db, progress=lambda _: bar.update(1))
                if not silent:
                    click.echo(
                        f"re-parsed: {parsed['documents_changed']} documents changed, "
                        f"{parsed['documents_new']} new, {parsed['errors']} inputs no longer parse"
                    )
            total = count_rows(db, "documents")
            with click.progressbar(length=total, label="documents", file=sys.stderr, hidden=hidden) as bar:
                counts = do_reextract(db, force=force, progress=lambda _: bar.update(1))
    except LockBusy as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    if not silent:
        click.echo(
            f"re-extracted {counts['documents']} documents: {counts['claims_new']} new claims, "
            f"{counts['claims_removed']} removed; {counts['price_events']} price changes"
        )


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

    path = _note_db(db_path or _db_without_config(config_path))
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
    _parse_since(since)  # reject what is not an ISO date before touching the database
    path = _note_db(db_path or _db_without_config(config_path))
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
