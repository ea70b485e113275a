"""The click group every command registers on, and what the commands share.

The group turns an SQLite failure anywhere into one line naming the file (exit 2);
the options, the config and database lookup and the ``--since`` rule are shared by
the commands of ``pipeline_cmds`` and ``output_cmds``.
"""

from __future__ import annotations

import datetime as dt
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


def note_db(path: Path) -> Path:
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
            click.echo(clean(f"error: {where}: {describe_db_error(exc)}"), err=True)
            sys.exit(2)


def clean(line: str) -> str:
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


def local_documents(paths: tuple[Path, ...]) -> Iterator[tuple[Path, list[Any]]]:
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


def config_and_db(config_path: Path, db_path: Path | None) -> tuple[Any, Path]:
    from ingest.config import ConfigError, load_config
    from ingest.pipeline import EXIT_CONFIG

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        for line in str(exc).splitlines():  # every problem, one a line
            click.echo(f"error: {line}", err=True)
        sys.exit(EXIT_CONFIG)
    return config, note_db(db_path or config.db_path(config_path))


def since_date(value: str | None) -> dt.datetime | None:
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


def db_without_config(config_path: Path) -> Path:
    from schemas.config import DEFAULT_DB_NAME

    if config_path.exists():
        return config_and_db(config_path, None)[1]
    return Path(DEFAULT_DB_NAME)
