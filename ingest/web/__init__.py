"""Serving the database in Datasette: the plugin (this module), its charts, templates and script.

pingce registers this package as a Datasette plugin through its ``datasette``
entry point, so ``pingce serve`` and a plain ``datasette pingce.db`` both load
it: document links, evidence in context, folded column descriptions
(``static/fold-descriptions.js``), the chart pages (``charts.py``,
``templates/pingce_charts.html``) and the price changes' Atom feed (``feed.py``).
``serve.py`` starts Datasette with the metadata in ``metadata.yml`` and the canned
queries of ``db/queries.py``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from urllib.parse import quote as urlquote
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.version import __version__ as datasette_version
from markupsafe import Markup, escape

from db.search import register_functions
from ingest.web.charts import INTERNAL_DBS, chart_file, charts_page
from ingest.web.facets import register_facet_classes  # noqa: F401 - a Datasette hook, registered with this module
from ingest.web.feed import price_changes_feed
from ingest.web.kept import startup  # noqa: F401 - a Datasette hook, registered with this module
from ingest.web.limits import limit_connection
from ingest.web.urls import database_url, document_anchor, document_path, source_anchor, table_url

#: The name Datasette gives this plugin: the distribution's, in /-/static-plugins/NAME/.
PLUGIN_NAME = "pingce"


def _get(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _link(href: str, text: str, external: bool = False) -> Markup:
    extra = ' rel="noopener noreferrer" target="_blank"' if external else ""
    return Markup(f'<a href="{escape(href)}"{extra}>{escape(text)}</a>')


#: Links shown per evidence list on a page; the rest are counted (the JSON has every one).
EVIDENCE_LINKS = 10


def first_items(value: str, n: int) -> tuple[list[str], int]:
    """The first ``n`` items of a JSON array (as strings) and how many it holds.

    A list of plain strings (no escapes: every quote is the JSON's own) is cut after its
    ``n``-th item and its items counted by their separators, so that a list of thousands
    of ids is not decoded whole to show ten; anything else is decoded whole. Raises
    ValueError (or TypeError) when ``value`` is not a JSON array.
    """
    inner = value[2:-2]  # between the list's first and last quote
    separators = inner.count('","')
    if (
        len(value) >= 4
        and value.startswith('["')
        and value.endswith('"]')
        and "\\" not in value
        and inner.count('"') == 2 * separators  # strings only, joined by "," alone
    ):
        # counted and cut inside the outer quotes: an item that is a comma makes "," too
        # where it meets its own quotes (["", ","] or [",", "x"])
        head = json.loads('["' + '","'.join(inner.split('","', n)[:n]) + '"]') if n > 0 else []
        return [str(v) for v in head], separators + 1
    items = json.loads(value)
    if not isinstance(items, list):
        raise TypeError("not a JSON array")
    return [str(v) for v in items[:n]], len(items)


def _evidence_links(value: str, column: str, database: str, datasette: Any) -> Any:
    """A JSON list of document ids or URLs as short numbered links (the full id in the title).

    At a million claims a price is stated by thousands of documents: a page of every
    link would be megabytes, so the first EVIDENCE_LINKS are links and the rest a count.
    """
    try:
        items, count = first_items(value, EVIDENCE_LINKS)
    except (ValueError, TypeError):
        return None
    links = []
    documents = table_url(datasette, database, "documents")
    for i, item in enumerate(items, 1):
        if column == "document_ids":
            links.append(f"{document_anchor(documents, item)}doc {i}</a>")
        elif item.startswith(("http://", "https://")):
            links.append(f"{source_anchor(item)}source {i} ↗</a>")
    if links and count > EVIDENCE_LINKS:
        links.append(f"and {count - EVIDENCE_LINKS:,} more")
    return Markup(" · ".join(links)) if links else None


def _price_row_links(row: Any, value: str, column: str, database: str, datasette: Any) -> Any:
    """In the price table: a price links to its model's history and changes, a conflict to the conflicts."""
    model = _get(row, "model")
    if _get(row, "alternatives") is None or not isinstance(model, str):  # not a price_table row
        return None
    return _price_links(database_url(datasette, database), model, value, column)


@lru_cache(maxsize=4096)
def _price_links(base: str, model: str, value: str, column: str) -> Any:
    """The links of one price-table cell (the same few hundred on every view of the table)."""
    if column == "price_label":
        history = _link(f"{base}/price_history?model={urlquote(model)}", "[history]")
        changes = _link(f"{base}/price_changes?model={urlquote(model)}", "[changes]")
        return Markup(f"{escape(value)} <small>{history} {changes}</small>")
    if value == "true":
        return _link(f"{base}/price_conflicts?model={urlquote(model)}", "true: see conflicts")
    return None


def _next_page_link(value: str, database: str, datasette: Any) -> Any:
    """A canned query's next page (db/queries.py, ``next_page``): its JSON cursor as a link to it."""
    try:
        cursor = {str(k): str(v) for k, v in json.loads(value).items()}
    except (ValueError, TypeError, AttributeError):
        return None
    query = cursor.pop("query", "")
    if not query.isidentifier() or "page" not in cursor:
        return None
    href = f"{database_url(datasette, database)}/{query}?{urlencode(cursor)}"
    return _link(href, f"next page ({cursor['page']}) →")


@hookimpl
def extra_template_vars() -> dict[str, str]:
    """Datasette leaves its version out of an error page's context, so its footer read "Datasette v"."""
    return {"datasette_version": datasette_version}


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Documents link to their originals; claims link to their document and their evidence."""
    if not isinstance(value, str) or not value:
        return None
    is_http = value.startswith(("http://", "https://"))
    if (column == "document_url" or (table == "documents" and column == "url")) and is_http:
        return _link(value, value + " ↗", external=True)
    if column in ("document_ids", "document_urls") and value.startswith("["):
        return _evidence_links(value, column, database, datasette)
    if table is None and column == "conflicting_prices" and value.startswith("["):
        try:
            return ", ".join(str(v) for v in json.loads(value))
        except ValueError:
            return None
    if table is None and column == "next_page" and value.startswith("{"):
        return _next_page_link(value, database, datasette)
    if table is None and column in ("price_label", "conflict"):
        return _price_row_links(row, value, column, database, datasette)
    if table == "documents" and column == "title":
        url = _get(row, "url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return _link(url, value + " ↗", external=True)
        return None
    if column == "document_id" and table not in ("claims", "documents"):
        return _link(f"{table_url(datasette, database, 'documents')}/{document_path(value)}", value)
    if column == "claim_id":
        if table == "claim_evidence":
            return _link(f"{table_url(datasette, database, 'claims')}/{tilde_encode(value)}", value)
        return _link(table_url(datasette, database, "claim_evidence") + "?claim_id=" + urlquote(value), value)
    if table == "claims" and column == "quote":
        claim_id = _get(row, "id")
        if not isinstance(claim_id, str):
            return None
        href = table_url(datasette, database, "claim_evidence") + "?claim_id=" + urlquote(claim_id)
        return Markup(f"{escape(value)} <small>{_link(href, '[in context]')}</small>")
    if table == "claim_evidence" and column == "in_context" and _get(row, "located") != "missing":
        before, quote, after = (_get(row, k) or "" for k in ("context_before", "quote", "context_after"))
        return Markup(f'{escape(before)}<mark class="evidence">{escape(quote)}</mark>{escape(after)}')
    return None


#: Per table: the columns shown first, after the row's link (what matters before the mostly empty ones).
FIRST_COLUMNS = {
    "claims": ("model", "kind", "quote", "vendor", "tier", "document_id"),
    "documents": ("title", "published_at", "platform", "source", "author", "url"),
}


@hookimpl
def extra_js_urls(view_name: str, table: str | None, datasette: Any) -> list[dict[str, Any]]:
    """On table pages: fold the column descriptions (a module script runs once the page is parsed)."""
    if view_name != "table":
        return []
    url = datasette.urls.static_plugins(PLUGIN_NAME, "fold-descriptions.js")
    return [{"url": url, "module": True}]


@hookimpl
def extra_body_script(template: str, database: str | None, table: str | None, datasette: Any) -> Any:
    """Query pages: the known models as a pick list; claims and documents: what matters first."""
    if template == "table.html" and table in FIRST_COLUMNS:
        order = json.dumps(list(FIRST_COLUMNS[table]))
        url = datasette.urls.static_plugins(PLUGIN_NAME, "columns-first.js")
        return (
            f"(function () {{ var s = document.createElement('script'); s.src = {json.dumps(url)};"
            f" s.setAttribute('data-first', {order}.join(',')); document.body.appendChild(s); }})();"
        )
    if template != "query.html" or not database:
        return None
    from ingest.web.params import pick_list_script

    async def script() -> str:
        return await pick_list_script(datasette, database)

    return script


@hookimpl
def prepare_connection(conn: Any, database: str, datasette: Any) -> None:
    """Every connection: the limits of ``limits.py``, and the search functions the search SQL calls."""
    limit_connection(conn)
    register_functions(conn)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/(?P<database>[^/]+)/-/charts$", charts_page),
        (r"^/(?P<database>[^/]+)/-/charts/(?P<chart>[a-z_]+)\.(?P<fmt>svg|json)$", chart_file),
        (r"^/(?P<database>[^/]+)/-/price-changes\.atom$", price_changes_feed),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    names = [n for n in datasette.databases if n not in INTERNAL_DBS]
    return [{"href": datasette.urls.database(n) + "/-/charts", "label": f"Charts: {n}"} for n in names]


@hookimpl
def database_actions(datasette: Any, database: str) -> list[dict[str, str]]:
    return [{"href": datasette.urls.database(database) + "/-/charts", "label": "Price and claim charts"}]


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Model and since filters of the canned queries: resolved or refused as on the CLI."""
    from ingest.web.params import wrap

    return lambda app: wrap(app, datasette)


@hookimpl
def filters_from_request(request: Any, table: str | None) -> Any:
    """Table searches on claims and documents (ingest.web.params.table_search), as the search query finds."""
    from datasette.filters import FilterArguments

    from db.queries import table_search_where
    from ingest.web.params import SEARCHED_TABLES, TABLE_SEARCH

    q = (request.args.get(TABLE_SEARCH) or "").strip()
    if table not in SEARCHED_TABLES or not q:
        return None
    return FilterArguments([table_search_where(table)], {"pingce_q": q}, [f'matching "{q}"'], {"search": q})
