"""What every fetching reader shares: its client, cookies, keyword filter and block backoff.

Failure conventions (the same for every fetching source type):

* an answer that has a body but cannot be used (a refusal such as Weibo's
  HTTP 418, a captcha wall, a page that does not parse, a 404) is yielded as
  ``Fetched(body=..., error=...)``: its bytes are stored, an error row points
  at them, nothing is stored as a document;
* a failure without a body (unreachable host, timeouts after the retries,
  a redirect loop, a source still in its block backoff) raises
  ``SourceError`` for the whole source, or is yielded as a body-less error
  item when it concerns one URL of many;
* a refusal also records ``blocked_until`` in the source's state: until then
  the source is skipped at once with a clear error instead of asking again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable

from ingest.fetch.http import FetchError, HttpClient
from ingest.fetch.http_policy import host_of
from ingest.reader import Fetched, SourceContext, SourceError
from schemas.document import Document

log = logging.getLogger(__name__)

MAX_BLOCK_BACKOFF_S = 24 * 3600.0


def failed_item(exc: FetchError, origin: str) -> Fetched:
    """The error item for one URL that failed: its body (if any) is kept, its error recorded."""
    return Fetched(
        origin=origin,
        body=exc.body,
        url=origin,
        content_type=exc.content_type,
        error=str(exc),
        store_raw=bool(exc.body),
    )


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def cookie_from_env(ctx: SourceContext, env_name: str | None, label: str) -> str | None:
    """The Cookie header held in the environment variable ``env_name`` (None when unset)."""
    if not env_name:
        return None
    value = (ctx.env.get(env_name) or "").strip()
    if not value:
        log.warning("%s: $%s is not set or empty; going on without cookies", label, env_name)
        return None
    return value


def make_client(ctx: SourceContext, cookie: str | None, urls: Iterable[str | None]) -> HttpClient:
    """A client for one source; the cookie only goes to the hosts of ``urls``."""
    hosts = frozenset(h for h in (host_of(u) for u in urls if u) if h)
    return HttpClient(ctx.http, cookie=cookie, cookie_hosts=hosts)


def matches(doc: Document, keywords: list[str]) -> bool:
    """True when there are no keywords or one of them is in the title, text or summary."""
    if not keywords:
        return True
    hay = "\n".join(x for x in (doc.title, doc.text, doc.summary) if x).casefold()
    return any(k.casefold() in hay for k in keywords if k)


def check_blocked(ctx: SourceContext, label: str, prefix: str = "") -> None:
    """Raise SourceError while the source is in a block backoff."""
    until = blocked_until(ctx, prefix)
    if until is not None:
        reason = ctx.get_state(f"{prefix}blocked_reason") or "refused"
        raise SourceError(f"{label}: skipped until {until.isoformat()} after being refused: {reason}")


def blocked_until(ctx: SourceContext, prefix: str = "") -> dt.datetime | None:
    value = ctx.get_state(f"{prefix}blocked_until")
    if not value:
        return None
    try:
        until = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return until if until > now_utc() else None


def set_blocked(ctx: SourceContext, reason: str, prefix: str = "") -> dt.datetime:
    """Start (or double) the block backoff; returns when it ends."""
    strikes = int(ctx.get_state(f"{prefix}blocked_strikes") or 0) + 1
    base = ctx.http.block_backoff_s
    seconds = min(max(base, MAX_BLOCK_BACKOFF_S), base * 2 ** (strikes - 1))
    until = now_utc() + dt.timedelta(seconds=seconds)
    ctx.set_state(f"{prefix}blocked_until", until.isoformat())
    ctx.set_state(f"{prefix}blocked_reason", reason)
    ctx.set_state(f"{prefix}blocked_strikes", str(strikes))
    log.warning("%s; backing off until %s", reason, until.isoformat())
    return until


def clear_blocked(ctx: SourceContext, prefix: str = "") -> None:
    if ctx.get_state(f"{prefix}blocked_strikes") not in (None, "0"):
        ctx.set_state(f"{prefix}blocked_strikes", "0")
        ctx.set_state(f"{prefix}blocked_until", "")


def get_json_state(ctx: SourceContext, key: str) -> list[str]:
    value = ctx.get_state(key)
    try:
        data = json.loads(value) if value else []
    except json.JSONDecodeError:
        return []
    return [str(x) for x in data] if isinstance(data, list) else []


def set_json_state(ctx: SourceContext, key: str, values: list[str]) -> None:
    ctx.set_state(key, json.dumps(sorted(set(values))))
