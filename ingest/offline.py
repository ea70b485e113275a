"""`parse` and `extract` over local files: documents and claims printed, no database, no network."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.parsers import parse_bytes
from schemas.document import Document


def documents_from_path(path: Path) -> list[Document]:
    """Parse one local file; raises ParseError or OSError with a clear reason."""
    data = path.read_bytes()
    return parse_bytes(data, str(path))


def document_json(doc: Document) -> str:
    """One line of `parse` output, as the parse contract lists its fields."""
    row = doc.model_dump(mode="json")
    return json.dumps(row, ensure_ascii=False)


def label_for(doc: Document, path: Path, many: bool) -> str:
    """The `document` field of a claim: the path, or the item URL inside a feed."""
    if many and doc.url:
        return doc.url
    return str(path)
