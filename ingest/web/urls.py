"""URL parts the plugin and the feed build for every document they link."""

from __future__ import annotations

from functools import lru_cache

from datasette.utils import tilde_encode


@lru_cache(maxsize=65536)
def document_path(document_id: str) -> str:
    """A document id as its row URL's last part (Datasette's tilde encoding, slow per character)."""
    return tilde_encode(document_id)
