"""Readers for the local source types (a folder of clip notes, a list of files) and their file walk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.reader import Fetched, SourceContext, SourceError
from schemas.config import ClipsSource, FilesSource

_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".xml": "application/xml",
    ".md": "text/markdown",
    ".txt": "text/plain",
}


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every file named, descending into folders (sorted for stable output)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield p


def _read(path: Path) -> Fetched:
    try:
        body = path.read_bytes()
    except OSError as exc:
        return Fetched(
            origin=str(path), body=b"", error=f"cannot read: {exc.strerror or exc}", store_raw=False
        )
    return Fetched(origin=str(path), body=body, content_type=_TYPES.get(path.suffix.lower()))


def read_clips(source: ClipsSource, ctx: SourceContext) -> Iterator[Fetched]:
    if not source.path.is_dir():
        raise SourceError(f"folder {source.path} does not exist")
    found: set[Path] = set()
    for pattern in source.glob:
        found.update(source.path.rglob(pattern) if source.recursive else source.path.glob(pattern))
    for path in sorted(p for p in found if p.is_file() and not p.name.startswith(".")):
        yield _read(path)


def read_files(source: FilesSource, ctx: SourceContext) -> Iterator[Fetched]:
    for path in iter_files(source.paths):
        yield _read(path)
