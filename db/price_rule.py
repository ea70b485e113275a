"""What each document says a generation costs: one price point per document and price key.

A document's body price claims are read together before they count
(:func:`document_points`, a pure function):

1. **Fill from the same document.** A claim that leaves out the resolution or the
   clip length takes the one value the document states for that model and tier
   ("标准版720P" once, then "一条20灵感值"), or the one clip length the document
   states for any price ("5s" once above a table), unless that would make it
   disagree with a price the document states for the filled key.
2. **Agreement through a stated rate.** Claims for one key whose credits and unit,
   CNY or USD amounts are equal state the same point ("5s要100灵感值" and, at the
   document's 10灵感值=1元, "5s一条10块钱"); it is shown in credits when any of them
   gives credits.
3. **One key, one price.** A less specific key of the document (no clip length)
   joins the one more specific key of the document it is compatible with when
   they agree, and a document states one price per key: where it gives several
   that do not agree, the point stated by the most claims counts (then the one
   stated last). Conflicts are therefore between documents only.

db.price_points keeps the result in the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

Key = tuple[str, str | None, str | None, float | None]


@dataclass(frozen=True, slots=True)
class PriceClaim:
    model: str
    tier: str | None
    resolution: str | None
    duration_s: float | None
    credits: float | None
    credit_unit: str | None
    price_cny: float | None
    price_usd: float | None
    start: int = 0

    @property
    def key(self) -> Key:
        return (self.model, self.tier, self.resolution, self.duration_s)

    @property
    def label(self) -> str:
        if self.credits is not None:
            return "%g %s" % (self.credits, self.credit_unit or "credits")  # noqa: UP031 (C's %g, as SQL printf)
        if self.price_cny is not None:
            return "CNY %g" % self.price_cny  # noqa: UP031
        return "USD %g" % (self.price_usd or 0.0)  # noqa: UP031 (a counted claim states some amount)


@dataclass(frozen=True, slots=True)
class Point:
    """One document's price for one key."""

    key: Key
    label: str
    claims: int
    credits: float | None
    credit_unit: str | None
    price_cny: float | None
    price_usd: float | None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) < 0.005


def agree(a: PriceClaim, b: PriceClaim) -> bool:
    """Do two claims state the same price (credits and unit, or an equal CNY or USD amount)?"""
    if a.credits is not None and b.credits is not None and (a.credit_unit or "") == (b.credit_unit or ""):
        return a.credits == b.credits
    return _close(a.price_cny, b.price_cny) or _close(a.price_usd, b.price_usd)


def _groups(claims: Sequence[PriceClaim]) -> list[list[PriceClaim]]:
    """Claims split into sets that agree (transitively)."""
    groups: list[list[PriceClaim]] = []
    for c in claims:
        joined = [g for g in groups if any(agree(c, o) for o in g)]
        merged = [c] + [o for g in joined for o in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _compatible(less: Key, more: Key) -> bool:
    """``more`` names everything ``less`` names, and more."""
    return (
        less != more
        and less[:2] == more[:2]
        and (less[2] is None or less[2] == more[2])
        and (less[3] is None or less[3] == more[3])
    )


def _only(values: Iterable[Any]) -> Any:
    distinct = {v for v in values if v is not None}
    return next(iter(distinct)) if len(distinct) == 1 else None


def _fill(claims: list[PriceClaim]) -> list[PriceClaim]:
    by_model_tier: dict[tuple[str, str | None], list[PriceClaim]] = defaultdict(list)
    for c in claims:
        by_model_tier[c.key[:2]].append(c)
    any_duration = _only(c.duration_s for c in claims)
    out = []
    for c in claims:
        same = by_model_tier[c.key[:2]]
        filled = c
        if c.resolution is None:
            filled = replace(filled, resolution=_only(o.resolution for o in same))
        if c.duration_s is None:
            duration = _only(o.duration_s for o in same)
            filled = replace(filled, duration_s=duration if duration is not None else any_duration)
        if filled != c and any(o.key == filled.key and not agree(o, filled) for o in claims):
            filled = c  # the document prices that key otherwise: this claim is about something else
        out.append(filled)
    return out


def _merge_keys(by_key: dict[Key, list[PriceClaim]]) -> dict[Key, list[PriceClaim]]:
    """A less specific key joins the one compatible more specific key of the document that it agrees with."""
    for less in sorted(by_key, key=lambda k: (k[2] is not None) + (k[3] is not None)):
        if less[2] is not None and less[3] is not None:
            continue
        targets = [k for k in by_key if _compatible(less, k)]
        if len(targets) != 1:
            continue
        claims = by_key[less]
        if all(any(agree(c, o) for o in by_key[targets[0]]) for c in claims):
            by_key[targets[0]] = by_key[targets[0]] + [
                replace(c, resolution=targets[0][2], duration_s=targets[0][3]) for c in claims
            ]
            del by_key[less]
    return by_key


def document_points(claims: Sequence[PriceClaim]) -> list[Point]:
    """The price points one document states, one per key (see the module docstring)."""
    by_key: dict[Key, list[PriceClaim]] = defaultdict(list)
    for c in _fill(list(claims)):
        by_key[c.key].append(c)
    out = []
    for key, cs in _merge_keys(dict(by_key)).items():
        best = max(_groups(cs), key=lambda g: (len(g), max(c.start for c in g)))
        labels = (
            Counter(c.label for c in best if c.credits is not None)
            or Counter(c.label for c in best if c.price_cny is not None)
            or Counter(c.label for c in best)
        )
        label = labels.most_common(1)[0][0]
        shown = [c for c in best if c.label == label]
        out.append(
            Point(
                key=key,
                label=label,
                claims=len(best),
                credits=max((c.credits for c in shown if c.credits is not None), default=None),
                credit_unit=max((c.credit_unit for c in shown if c.credit_unit is not None), default=None),
                price_cny=max((c.price_cny for c in best if c.price_cny is not None), default=None),
                price_usd=max((c.price_usd for c in best if c.price_usd is not None), default=None),
            )
        )
    return sorted(out, key=lambda p: repr(p.key))


def price_claims(claims: Iterable[Mapping[str, Any]]) -> list[PriceClaim]:
    """The claim rows that count for the price table (db.price_points' ``_COUNTS``), in their order."""
    return [
        PriceClaim(
            c["model"],
            c.get("tier"),
            c.get("resolution"),
            c.get("duration_s"),
            c.get("credits"),
            c.get("credit_unit"),
            c.get("price_cny"),
            c.get("price_usd"),
            c.get("start") or 0,
        )
        for c in claims
        if c.get("kind") == "price"
        and c.get("section") == "body"
        and c.get("model") is not None
        and (c.get("credits") is not None or c.get("price_cny") is not None or c.get("price_usd") is not None)
    ]


PointValues = tuple[Any, ...]  # a Point as (*key, label, claims, credits, credit_unit, price_cny, price_usd)


def point_values(claims: Sequence[PriceClaim]) -> list[PointValues]:
    """The price points of one document with these price claims (in its claims' order), as plain
    tuples: what `pingce run`'s workers compute and send with a document's rows."""
    return [
        (*p.key, p.label, p.claims, p.credits, p.credit_unit, p.price_cny, p.price_usd)
        for p in document_points(claims)
    ]


def written_point_values(claims: Iterable[Mapping[str, Any]]) -> list[PointValues]:
    """:func:`point_values` of a new document's claim rows, taken in the order the batch writer
    inserts them (``db.batch``: one row per id, grouped by their columns), which is the order a
    rebuild reads them back in (ties between a document's prices go to the one stated last)."""
    order: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for c in {c["id"]: c for c in claims}.values():
        order.setdefault(tuple(c), []).append(c)
    return point_values(price_claims(c for group in order.values() for c in group))
