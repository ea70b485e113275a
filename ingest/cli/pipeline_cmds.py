"""The commands that read inputs and write the database: parse, extract, run, runs, reextract."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .base import (
    clean,
    cli,
    config_and_db,
    config_option,
    db_option,
    db_without_config,
    describe_db_error,
    format_option,
    local_documents,
    note_db,
    since_date,
)

log = logging.getLogger(__name__)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option
def parse(paths: tuple[Path, ...]) -> None:
    """Print documents parsed from local files, one JSON a line."""
    from ingest.offline import document_json

    for _, docs in local_documents(paths):
        for doc in docs:
            click.echo(document_json(doc))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option
def extract(paths: tuple[Path, ...]) -> None:
    """Print claims found in local files, one JSON object a line."""
    from ingest.extract import extract_document
    from ingest.offline import label_for

    for path, docs in local_documents(paths):
        for doc in docs:
            for claim in extract_document(doc, label_for(doc, path, len(docs) > 1)):
                click.echo(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, allow_nan=False))


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

    config, path = config_and_db(config_path, db_path)
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
    when = since_date(since)
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
            clean(f"error: {path}: run {exc.run_id} stopped: {describe_db_error(exc.cause)}"), err=True
        )
        sys.exit(EXIT_SOURCE_FAILED)
    for line in summary.errors:
        click.echo(clean(f"error: {line}"), err=True)
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

    path = note_db(db_path or db_without_config(config_path))
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
                click.echo("    " + clean(f"{e['source']}: {e['origin']}: {e['error']}"))


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

    path = note_db(db_path or db_without_config(config_path))
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
