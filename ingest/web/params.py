"""The canned queries' ``model`` and ``since`` parameters on the web, read as the CLI reads them.

An ASGI wrapper looks at every request for a canned query that takes them:

* a model filter is resolved through the model registry (ingest.filters): a name the SQL
  already understands passes; one the registry reads as a model or brand (可灵2.0大师版,
  可靈2.1) redirects to the same page with that canonical name; one that names nothing is
  a 400 saying so, with the nearest names ("did you mean") and links to them;
* ``since`` that is not an ISO date is a 400, as `pingce export prices --since` rejects it
  (price_changes also takes a run number, one that exists).

Pages of those queries get the known models as a pick list instead of a blank text box
(:func:`pick_list_script`).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette.utils.asgi import Response
from markupsafe import escape

from db.queries import MODEL_NAMES_SQL
from ingest.filters import (
    FilterError,
    ModelMatch,
    parse_changed_since,
    parse_since,
    resolve_model,
    suggestions,
)

MODEL_PARAMS = ("model", "model_a", "model_b")
#: canned query -> the filter parameters it takes
FILTERED = {
    "price_table": ("model", "since"),
    "price_history": ("model", "since"),
    "price_conflicts": ("model", "since"),
    "price_changes": ("model", "since"),
    "model_bugs_strengths": ("model",),
    "compare_models": ("model_a", "model_b"),
}


def _target(path: str, datasette: Any) -> tuple[str, str, str] | None:
    """(database, canned query, format) when ``path`` is a filtered canned query."""
    parts = path.strip("/").split("/")
    if len(parts) != 2:
        return None
    database, name = parts
    fmt = ""
    if "." in name:
        name, fmt = name.rsplit(".", 1)
    if name not in FILTERED or database not in datasette.databases:
        return None
    return database, name, fmt


def _error(message: str, fmt: str, links: list[tuple[str, str]]) -> Response:
    if fmt == "json":
        return Response.json({"ok": False, "error": message, "status": 400}, status=400)
    if fmt:
        return Response.text(message + "\n", status=400)
    items = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for text, href in links)
    body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bad filter</title>
<link rel="stylesheet" href="/-/static/app.css"></head><body><section class="content">
<h1>Bad filter</h1><p class="message-error">{escape(message)}</p>
{f"<p>Did you mean:</p><ul>{items}</ul>" if items else ""}
<p><a href="javascript:history.back()">Back</a></p></section></body></html>"""
    return Response.html(body, status=400)


async def resolve_filters(
    datasette: Any, database: str, name: str, values: dict[str, str], path: str
) -> dict[str, str] | tuple[str, list[tuple[str, str]]]:
    """``values`` with each filter of canned query ``name`` read as the CLI reads it, or
    (the error, "did you mean" links to ``path``) when one names nothing."""
    db = datasette.get_database(database)
    rewritten = dict(values)
    for param in FILTERED[name]:
        value = (values.get(param) or "").strip()
        if not value:
            continue
        if param == "since":
            try:
                if name == "price_changes":  # a run number or a date
                    await db.execute_fn(lambda conn, value=value: parse_changed_since(conn, value))
                    rewritten[param] = value
                else:
                    parse_since(value)
            except FilterError as exc:
                return str(exc), []
            continue

        def resolve(conn: sqlite3.Connection, value: str = value) -> ModelMatch | tuple[str, list[str]]:
            try:
                return resolve_model(conn, value)
            except FilterError as exc:
                return str(exc), suggestions(conn, value)

        found = await db.execute_fn(resolve)
        if isinstance(found, tuple):
            message, near = found
            message = message.replace("model:", f"{param}:", 1)
            return message, [(n, path + "?" + urlencode({**values, param: n})) for n in near]
        if found.value != value:
            rewritten[param] = found.value
    return rewritten


async def check(datasette: Any, database: str, name: str, fmt: str, query: str) -> Response | None:
    """The answer for a request with bad or aliased filters; None lets it through."""
    args = parse_qsl(query, keep_blank_values=True)
    values = dict(args)
    path = f"/{database}/{name}" + (f".{fmt}" if fmt else "")
    rewritten = await resolve_filters(datasette, database, name, values, path)
    if isinstance(rewritten, tuple):
        return _error(rewritten[0], fmt, rewritten[1])
    if rewritten != values:
        return Response.redirect(path + "?" + urlencode([(k, rewritten.get(k, v)) for k, v in args]))
    return None


SEARCHED_TABLES = ("claims", "documents")
TABLE_SEARCH = "_pingce_search"


def table_search(scope: dict[str, Any], datasette: Any) -> dict[str, Any]:
    """``_search`` on claims or documents, handed to the plugin's filter (``filters_from_request``).

    Datasette's own table search asks the FTS index for the query as typed; the index holds a
    Simplified copy (db/search.py) and needs one or two characters asked another way, which
    the search query's SQL does (db.queries.table_search_where).
    """
    parts = scope.get("path", "").strip("/").split("/")
    if len(parts) != 2 or parts[0] not in datasette.databases:
        return scope
    if parts[1].split(".", 1)[0] not in SEARCHED_TABLES:
        return scope
    args = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
    if not any(k == "_search" and v.strip() for k, v in args):
        return scope
    renamed = [(TABLE_SEARCH if k == "_search" else k, v) for k, v in args]
    return {**scope, "query_string": urlencode(renamed).encode()}


#: Canned queries whose JSON without ``page`` has every row, and whose HTML page opens at page 1.
PAGED_HTML = ("price_table", "price_changes")


def first_page(scope: dict[str, Any], name: str, fmt: str) -> dict[str, Any]:
    """The HTML page of a PAGED_HTML query asked without ``page``: asked for page 1 instead."""
    args = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
    if name not in PAGED_HTML or fmt or any(k == "page" and v.strip() for k, v in args):
        return scope
    args = [(k, v) for k, v in args if k != "page"] + [("page", "1")]
    return {**scope, "query_string": urlencode(args).encode()}


def wrap(app: Any, datasette: Any) -> Any:
    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD"):
            scope = table_search(scope, datasette)
            target = _target(scope.get("path", ""), datasette)
            if target is not None:
                query = scope.get("query_string", b"").decode("utf-8", "replace")
                answer = await check(datasette, *target, query)
                if answer is not None:
                    await answer.asgi_send(send)
                    return
                scope = first_page(scope, target[1], target[2])
        await app(scope, receive, send)

    return wrapped


async def pick_list_script(datasette: Any, database: str) -> str:
    """Turn the model text boxes of a query page into pick lists of the known models."""
    db = datasette.get_database(database)
    try:
        rows = await db.execute(MODEL_NAMES_SQL)
    except Exception:  # a database without the pingce schema
        return ""
    names = [r[0] for r in rows.rows]
    return f"""
(function () {{
  const models = {json.dumps(names, ensure_ascii=False)};
  for (const name of {json.dumps(list(MODEL_PARAMS))}) {{
    const input = document.querySelector('form.sql input[name="' + name + '"]');
    if (!input) continue;
    const select = document.createElement('select');
    select.name = name; select.id = input.id; select.className = 'pingce-model-pick';
    const any = document.createElement('option');
    any.value = ''; any.textContent = name === 'model' ? '(all models / choose one)' : '(choose a model)';
    select.appendChild(any);
    const names = models.includes(input.value) || !input.value ? models : [input.value, ...models];
    for (const m of names) {{
      const o = document.createElement('option');
      o.value = m; o.textContent = m; o.selected = m === input.value;
      select.appendChild(o);
    }}
    input.replaceWith(select);
  }}
}})();
"""
