"""Read local files into documents for `parse` and `extract` (no database, no network)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from ingest.parsers import parse_bytes
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)


def documents_from_path(path: Path) -> list[Document]:
    """Parse one local file; raises ParseError or OSError with a clear reason."""
    data = path.read_bytes()
    return parse_bytes(data, str(path))


def document_json(doc: Document) -> str:
    """One line of `parse` output, as the parse contract lists its fields."""
    row = doc.model_dump(mode="json")
    return json.dumps(row, ensure_ascii=False)


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every file named, descending into folders (sorted for stable output)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield p


def label_for(doc: Document, path: Path, many: bool) -> str:
    """The `document` field of a claim: the path, or the item URL inside a feed."""
    if many and doc.url:
        return doc.url
    return str(path)


__all__ = ["documents_from_path", "document_json", "iter_files", "label_for", "ParseError"]
