"""The two filters every price and model query takes, read the same way by the CLI and the web.

``model``: any name the model registry knows (canonical, alias, Chinese, Traditional,
any case and spacing: 可灵2.1, kling 2.1, 可靈2.1大師版), resolved to its canonical name,
or a bare brand (Kling, 可灵) for all the brand's models. A name that resolves to nothing is
an error that suggests the nearest names.

``since``: an ISO date or time (2025-05-01, 2025-05-01T08:00, with an optional offset);
without an offset it is Beijing time. Anything else is an error.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sqlite3
from dataclasses import dataclass

from db.reads import model_names_and_aliases, models_named
from schemas.document import CST

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$")


class FilterError(ValueError):
    """A filter value that names nothing; the message is one line for the user."""


def parse_since(value: str) -> dt.datetime:
    """``value`` as an aware datetime (Beijing time when it has no offset), or FilterError."""
    text = value.strip()
    if not _ISO.match(text):
        raise FilterError(
            f"since: {value!r} is not an ISO date such as 2025-05-01 (or 2025-05-01T08:00+08:00)"
        )
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(f"since: {value!r} is not a real date") from None
    return when if when.tzinfo else when.replace(tzinfo=CST)


@dataclass(frozen=True)
class ModelMatch:
    value: str  # what to pass to the SQL's :model (a canonical name or a brand)
    models: tuple[str, ...]  # the models it stands for


def _by_registry(text: str) -> str | None:
    """The canonical model or brand the registry reads ``text`` as, when it names exactly one."""
    from ingest.extract import _extractor
    from ingest.extract.normalize import normalise

    norm = normalise(text).strip()
    extractor = _extractor()
    reg = extractor.reg
    bare = re.sub(r"[\s\-_]+", "", norm)
    if bare in {re.sub(r"[\s\-_]+", "", a) for a in reg.alias_brand}:
        return next(b for a, b in reg.alias_brand.items() if re.sub(r"[\s\-_]+", "", a) == bare)
    scanner = extractor.mentions
    raws = scanner.scan(norm)
    resolver = extractor.resolver
    mentions = resolver.resolve(norm, raws, resolver.context(raws), [0] * len(raws), [])
    named = {m for mention in mentions if mention.explicit for m in mention.models}
    return named.pop() if len(named) == 1 else None


def suggestions(conn: sqlite3.Connection, value: str, n: int = 3) -> list[str]:
    """The model names (canonical) nearest to ``value``, for "did you mean"."""
    names: dict[str, str] = {}
    for name, aliases in model_names_and_aliases(conn):
        names[name.lower()] = name
        for alias in json.loads(aliases or "[]"):
            names.setdefault(str(alias).lower(), name)
    close = difflib.get_close_matches(value.strip().lower(), list(names), n=n * 3, cutoff=0.5)
    out: list[str] = []
    for c in close:
        if names[c] not in out:
            out.append(names[c])
    return out[:n]


def resolve_model(conn: sqlite3.Connection, value: str) -> ModelMatch:
    """What the model filter ``value`` names, or FilterError saying so (with the nearest names)."""
    models = models_named(conn, value)
    if models:
        return ModelMatch(value, models)
    canonical = _by_registry(value)
    if canonical is not None:
        models = models_named(conn, canonical)
        if models:
            return ModelMatch(canonical, models)
    near = suggestions(conn, value)
    hint = f"; did you mean {', '.join(repr(s) for s in near)}?" if near else ""
    raise FilterError(f"model: {value!r} matches no model{hint}")


@dataclass(frozen=True)
class ChangedSince:
    """What ``since`` of the price changes names: a run (the changes after it) or a date."""

    run: int | None = None
    when: dt.datetime | None = None


def parse_changed_since(conn: sqlite3.Connection, value: str) -> ChangedSince:
    """A run number that exists, or an ISO date (as ``since``); else FilterError saying which runs exist."""
    text = value.strip()
    if not text.isdigit():
        try:
            return ChangedSince(when=parse_since(text))
        except FilterError:
            raise FilterError(
                f"since: {value!r} is neither a run number nor an ISO date such as 2025-05-01"
            ) from None
    low, high = conn.execute("select min(id), max(id) from runs").fetchone()
    if low is None:
        raise FilterError(f"since: there is no run {int(text)}: no run yet")
    if not conn.execute("select 1 from runs where id = ?", [int(text)]).fetchone():
        raise FilterError(f"since: there is no run {int(text)} (runs {low} to {high})")
    return ChangedSince(run=int(text))
