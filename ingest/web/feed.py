"""The price changes as an Atom 1.0 feed: ``/<database>/-/price-changes.atom[?model=&since=]``.

The entries are the rows of the price_changes query (the newest ``FEED_ENTRIES``), with
the same ``model`` and ``since`` filters read the same way (ingest.web.params): an alias
is resolved through the model registry, a filter that names nothing is a 400 saying so.
Each entry links to the documents behind the change, originals first, then their pages here.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import urlencode

from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Response

from db.reads import price_change_feed
from ingest.changes import FEED_ENTRIES, FeedLinks, atom_feed, change_rows
from ingest.web.params import resolve_filters
from ingest.web.urls import document_path

CONTENT_TYPE = "application/atom+xml; charset=utf-8"


async def price_changes_feed(request: Any, datasette: Any) -> Response:
    database = request.url_vars["database"]
    if database not in datasette.databases:
        return Response.text(f"no database {database!r}\n", status=404)
    values = {k: (request.args.get(k) or "").strip() for k in ("model", "since")}
    page = datasette.urls.database(database) + "/price_changes"
    resolved = await resolve_filters(datasette, database, "price_changes", values, page)
    if isinstance(resolved, tuple):
        return Response.text(resolved[0] + "\n", status=400)

    limit_ms = datasette.setting("sql_time_limit_ms")

    def read(conn: sqlite3.Connection) -> tuple[Any, ...]:
        # execute_fn has no time limit of its own: the feed's SQL gets the one of every query
        with sqlite_timelimit(conn, limit_ms):
            rows = change_rows(conn, resolved["model"], resolved["since"], FEED_ENTRIES)
            return rows, *price_change_feed(conn)

    try:
        rows, feed_uuid, created, newest = await datasette.get_database(database).execute_fn(read)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return Response.text(f"the price changes took longer than {limit_ms} ms to read\n", status=503)
        return Response.text(f"{database!r} keeps no price changes\n", status=404)  # no pingce tables
    query = urlencode({k: v for k, v in resolved.items() if v})
    # the documents' table URL once: building each link through absolute_url took most of the feed
    documents = datasette.absolute_url(request, datasette.urls.table(database, "documents"))
    links = FeedLinks(
        self_url=datasette.absolute_url(request, request.path + (f"?{query}" if query else "")),
        page_url=datasette.absolute_url(request, page + (f"?{query}" if query else "")),
        document_url=lambda i: f"{documents}/{document_path(i)}",
    )
    body = atom_feed(rows, feed_uuid, newest or created, resolved, links)
    return Response(body, content_type=CONTENT_TYPE)
