"""Rule-based claim extraction: a parsed ``Document`` in, grounded ``Claim`` objects out.

Deterministic and offline. What the rules look for lives in data files users
can extend without touching code: ``ingest/data/models.yml`` (brands, versions,
editions, tiers and their Chinese and English names) and
``ingest/data/lexicon.yml`` (cue words, units, numerals, context words).

Every claim quotes its section verbatim: ``quote == section_text[start:end]``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ingest.extract.compiled import activate
from schemas.claim import Claim
from schemas.document import Document

COMPILED: bool = activate(__path__)  # mypyc-built modules ahead of the sources, when they match

EXTRACTOR_VERSION: int = 220

__all__ = ["COMPILED", "EXTRACTOR_VERSION", "extract_document", "iter_models"]


@lru_cache(maxsize=1)
def _extractor() -> Any:
    from ingest.extract.engine import Extractor
    from ingest.extract.learned import configured_model
    from ingest.extract.verify import configured_verifier

    return Extractor(EXTRACTOR_VERSION, learned=configured_model(), verifier=configured_verifier())


def extract_document(doc: Document, document: str) -> list[Claim]:
    """Claims of ``doc``; ``document`` is the label each claim carries (a path or URL)."""
    claims: list[Claim] = _extractor().extract(doc, document)
    return claims


def iter_models() -> list[dict[str, Any]]:
    """Rows for the ``models`` table: name, vendor, brand and aliases of every known model."""
    from ingest.extract.registry import load_registry

    return load_registry().rows()
