"""URL parts and link tags the plugin and the feed build for every document they link.

Kept per id or URL: a price-table page links thousands of the same documents on every view.
A server's table URLs are kept per database (Datasette builds each by tilde-encoding the
database's and table's names character by character: per cell, that was most of a cell's cost).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from datasette.utils import tilde_encode
from markupsafe import escape


@lru_cache(maxsize=65536)
def document_path(document_id: str) -> str:
    """A document id as its row URL's last part (Datasette's tilde encoding, slow per character)."""
    return tilde_encode(document_id)


@lru_cache(maxsize=65536)
def document_anchor(documents: str, document_id: str) -> str:
    """The opening tag of a link to a document's row page under ``documents`` (its table's URL)."""
    return f'<a href="{escape(documents + "/" + document_path(document_id))}" title="{escape(document_id)}">'


@lru_cache(maxsize=65536)
def source_anchor(url: str) -> str:
    """The opening tag of a link to a document's original, in a new tab."""
    return f'<a href="{escape(url)}" title="{escape(url)}" rel="noopener noreferrer" target="_blank">'


@lru_cache(maxsize=256)
def table_url(datasette: Any, database: str, table: str) -> str:
    """``datasette.urls.table(database, table)``, built once per server (its base URL is fixed)."""
    return str(datasette.urls.table(database, table))


@lru_cache(maxsize=256)
def database_url(datasette: Any, database: str) -> str:
    """``datasette.urls.database(database)``, built once per server."""
    return str(datasette.urls.database(database))
