"""Price changes for other tools: `pingce export prices --changed-since` and the Atom feed.

The rows come from ``db.queries.PRICE_CHANGES_SQL`` (the SQL of Datasette's price_changes
query) and are checked against ``schemas.price_changes.PriceChangeRow``; CSV, JSON and
JSON Lines are written as the price table's are (``ingest.export``). The Atom 1.0 feed
(:func:`atom_feed`) has one entry per change, newest first. Its ids are stable: the feed's
is a UUID made once per database (``price_event_feed``) with the filters, an entry's the
same UUID with the change's number, so a reader sees each change once however often it polls.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TextIO
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from db.reads import price_change_feed, price_changes
from ingest.export import connect_readonly, ensure_current_schema, validated, write_records
from schemas.price_changes import JSON_FIELDS, PriceChangeRow

log = logging.getLogger(__name__)

COLUMNS: tuple[str, ...] = tuple(PriceChangeRow.model_fields)
FORMATS = ("csv", "json", "jsonl", "atom")
#: The feed lists this many changes, the newest.
FEED_ENTRIES = 200
#: An entry links at most this many of its documents (a key's first price may have hundreds).
ENTRY_DOCUMENTS = 10
ATOM = "http://www.w3.org/2005/Atom"


def change_rows(
    conn: sqlite3.Connection, model: str | None = None, since: str | None = None, limit: int | None = None
) -> list[PriceChangeRow]:
    """The price changes (``since``: a run number or an ISO date), newest first, validated."""
    names, found = price_changes(conn, model, since, limit)
    return validated(names, found, PriceChangeRow, JSON_FIELDS, lambda r: f"price change {r['id']}")


# ---------------------------------------------------------------- Atom
@dataclass(frozen=True)
class FeedLinks:
    """Where the feed's links point: itself, the price_changes page, a document's page (None: no server)."""

    self_url: str | None = None
    page_url: str | None = None
    document_url: Callable[[str], str] | None = None


def _key_text(r: PriceChangeRow) -> str:
    parts = [r.model, r.tier, r.resolution, f"{r.duration_s:g} s" if r.duration_s is not None else None]
    return " · ".join(p for p in parts if p)


def entry_title(r: PriceChangeRow) -> str:
    key = _key_text(r)
    if r.kind == "new":
        return f"{key}: new price {r.new_price_label}"
    if r.kind == "changed":
        return f"{key}: {r.old_price_label} → {r.new_price_label}"
    if r.kind == "conflict":
        return f"{key}: conflicting {', '.join(r.conflicting_prices)} (shown: {r.new_price_label})"
    if r.kind == "resolved":
        return f"{key}: conflict resolved, {r.new_price_label}"
    return f"{key}: price removed (was {r.old_price_label})"


def _amounts(label: str | None, cny: float | None, usd: float | None) -> str:
    """A price label with the CNY and USD amounts stated for it, where the label is in another unit."""
    if label is None:
        return "none"
    extra = []
    if cny is not None and not label.startswith("CNY"):
        extra.append(f"CNY {cny:g}")
    if usd is not None and not label.startswith("USD"):
        extra.append(f"USD {usd:g}")
    return f"{label} ({', '.join(extra)})" if extra else label


def _a(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _summary_html(r: PriceChangeRow, links: FeedLinks) -> str:
    old = _amounts(r.old_price_label, r.old_price_cny, r.old_price_usd)
    new = _amounts(r.new_price_label, r.new_price_cny, r.new_price_usd)
    lines = [f"<p>{escape(r.kind)}: {escape(old)} → {escape(new)}</p>"]
    if r.conflicting_prices:
        lines.append(f"<p>Also stated: {escape(', '.join(r.conflicting_prices))}</p>")
    evidence = [_a(u, u) for u in r.document_urls[:ENTRY_DOCUMENTS]]
    if links.document_url is not None:
        evidence += [_a(links.document_url(i), i) for i in r.document_ids[:ENTRY_DOCUMENTS]]
    more = len(r.document_ids) - ENTRY_DOCUMENTS
    if more > 0:
        evidence.append(
            f"and {more} more documents" + (f" ({_a(links.page_url, 'all')})" if links.page_url else "")
        )
    if evidence:
        lines.append("<p>Evidence: " + " · ".join(evidence) + "</p>")
    if r.observed_at:
        lines.append(f"<p>Newest evidence dated {r.observed_at}.</p>")
    if r.backfilled:
        lines.append("<p>Baseline: the price was in the table before changes were recorded.</p>")
    return "\n".join(lines)


def atom_feed(
    rows: list[PriceChangeRow], feed_uuid: str, updated: str, filters: dict[str, str], links: FeedLinks
) -> bytes:
    """The changes as an Atom 1.0 document (UTF-8), newest first."""
    namespace = uuid.UUID(hex=feed_uuid)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM}}}feed")
    query = urlencode({k: v for k, v in sorted(filters.items()) if v})
    sub(feed, "id", uuid.uuid5(namespace, "price-changes?" + query).urn)
    sub(feed, "title", "pingce: price changes" + (f" ({query.replace('&', ', ')})" if query else ""))
    sub(feed, "subtitle", "What moved in the price table: new prices, changed prices, conflicts.")
    sub(feed, "updated", max([updated, *(r.recorded_at for r in rows)]))
    author = sub(feed, "author")
    sub(author, "name", "pingce")
    sub(feed, "generator", "pingce")
    if links.self_url:
        sub(feed, "link", rel="self", type="application/atom+xml", href=links.self_url)
    if links.page_url:
        sub(feed, "link", rel="alternate", type="text/html", href=links.page_url)
    for r in rows:
        entry = sub(feed, "entry")
        sub(entry, "id", uuid.uuid5(namespace, f"price-event/{r.id}").urn)
        sub(entry, "title", entry_title(r))
        sub(entry, "updated", r.recorded_at)
        sub(entry, "published", r.recorded_at)
        sub(entry, "category", term=r.kind)
        targets = list(r.document_urls[:ENTRY_DOCUMENTS])
        if links.document_url is not None:
            targets += [links.document_url(i) for i in r.document_ids[:ENTRY_DOCUMENTS]]
        for n, href in enumerate(dict.fromkeys(targets)):
            sub(entry, "link", rel="alternate" if n == 0 else "related", href=href)
        sub(entry, "content", _summary_html(r, links), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


# ---------------------------------------------------------------- export
def export_changes(
    db_path: str | Path, fmt: str, out: TextIO, model: str | None = None, since: str | None = None
) -> int:
    """Export the changes since ``since`` (a run number or an ISO date) from ``db_path``; how many."""
    ensure_current_schema(db_path)
    conn = connect_readonly(db_path)
    try:
        rows = change_rows(conn, model=model, since=since)
        feed_uuid, created, newest = price_change_feed(conn)
    finally:
        conn.close()
    if fmt == "atom":
        filters = {"model": model or "", "since": since or ""}
        out.write(atom_feed(rows, feed_uuid, newest or created, filters, FeedLinks()).decode("utf-8"))
    else:
        write_records([r.model_dump(mode="json") for r in rows], COLUMNS, JSON_FIELDS, fmt, out)
    log.debug("price changes: %d rows (model=%r, since=%r)", len(rows), model, since)
    return len(rows)
