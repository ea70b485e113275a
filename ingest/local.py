"""Readers for the local source types: a folder of clip notes, a list of files."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ingest.items import Fetched, SourceContext, SourceError
from ingest.localfiles import iter_files
from schemas.config import ClipsSource, FilesSource

log = logging.getLogger(__name__)

_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".xml": "application/xml",
    ".md": "text/markdown",
    ".txt": "text/plain",
}


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
