"""Settling the drafts of a document before they become claims.

A price another price states more fully over the same text is dropped, and so is a repeat; a
price only a bare brand gave takes the model of a versioned price stating the same amount (or
none, when the brand has several models here); credit rates price every amount of credits; a
summary draft only fills a gap the body leaves; a capability or limitation stated twice is one
claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ingest.extract.lexicon import Lexicon
from ingest.extract.prices import Rate
from ingest.extract.registry import Registry
from ingest.extract.section import Draft, SectionView
from schemas.claim import Claim

_SPAN = 1200  # no quote runs longer: sentences are cut at 600 characters
# a clause that wonders whether (whether it generates audio you can rely on, 是否支持音频)
# (each English branch opens with its first letter, the word bound looked behind for after it, so
# ``re`` skips ahead to the letters and Chinese characters that can start a match)
# whether (not regardless of whether, 无论是否), and which one does better (哪个效果更好, which one looks
# better): over the lower-cased cue text
_WONDERS = re.compile(
    r"w(?<![a-z]w)(?<!regardless of w)(?<!no matter w)hether(?![a-z])|(?<!无论)(?<!不管)(?:是否|能否)"
    r"|(?<!无论)(?<!不管)(?<!不论)(?<!无论在)(?<!不管在)(?<!不论在)"
    r"哪(?:个|一个|款|一款|家|一家)(?![都也])(?=[^，。,；;！？!?\n]{0,8}?[更最])"
    r"|w(?<![a-z]w)hich (?:one|model|of (?:them|the (?:two|three|four|models)))"
    r"(?= (?:is|was|looks|does|did|handles|comes out) (?:better|best|more|the best))"
)
# a clause after a question of which one is better: the sentence goes on to answer it
# an English question (Does the motion blur match…? What problems does it solve?): it asks, it says
# nothing; read over the lower-cased cue text, from the sentence's start past list marks and arrows
_ASKS = re.compile(
    r"[\s>*#\-•·→⇒➡]*(?:(?:does|do|did|is|are|was|were|can|could|will|would|should)\s"
    # a wh-word with its verb a word or three on (What problems does…, How good is…; not What stands
    # out in X is…, Which brings me to…); "why" is left out: why is it so slow? says it is slow
    r"|(?:what|how|which|who)(?:\s+[a-z0-9.\-]+){0,3}?\s+(?:does|do|did|is|are|was|were|can|could|will|would|should)\s)"
    r"(?![^?\n]*(?:[.!;:](?=\s)|[。！；：]))[^?\n]*\?"
)
_ANSWERED = re.compile(r"[^\s，。,.；;:：！？!?、)）]")
_WONDERED_KINDS = ("capability", "limitation", "strength", "bug")
# hearsay (一直被传会比Sora2更强, it was rumored to…): what follows in the sentence is not what was seen;
# good wishes and requests (wish everything goes well, would be greatly appreciated): no verdict
_HEARSAY = re.compile(
    r"被传|据传|传闻|传言"
    r"|r(?<![a-z]r)umou?red(?![a-z])"
    r"|p(?<![a-z]p)romise(?:d| of)(?![a-z])"
    r"|h(?<![a-z]h)ad the impression(?![a-z])"
    r"|w(?<![a-z]w)(?:as expected to|ere expected to|ish (?:you|everything|all)"
    r"|ould be (?:greatly |much |really |very much )?appreciated)(?![a-z])"
    r"|l(?<![a-z]l)ooking forward to(?![a-z])"
)
# some clips, some of the time: what happens then is a glitch, not a limit
_SOMETIMES = re.compile(
    r"有些片段|有的片段|部分片段|有时|有时候|偶尔|时不时|(?<![a-z])(?:sometimes|occasionally|some clips"
    r"|some generations|at times)(?![a-z])"
)
# one resolution turned into another (720p -> 2160p): what an upscale costs, not a generation
_UPSCALE = re.compile(r"\d{3,4}\s*[pk]?\s*(?:->|→|=>|⟶)\s*\d{3,4}\s*[pk]?(?![0-9])", re.I)
# the price of a billing unit (each unit costs $0.01, 每单位0.01元): a rate, no clip's price
_UNIT_PRICE = re.compile(r"\b(?:each|per|one|a) (?:billing )?units? (?:costs?|is|=)|每(?:个)?(?:计费)?单位")


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without repeats and without the prices another states more fully."""
    seen: dict[tuple[Any, ...], Draft] = {}
    out: list[Draft] = []
    fuller = _subsumed(drafts) | _restated_items(drafts)
    figures = sorted((d for d in drafts if d.kind in ("price", "speed")), key=lambda d: d.start)
    by_model: dict[str | None, _Figures] = {}  # made on the first repeat
    for d in drafts:
        if id(d) in fuller:
            continue
        key: tuple[Any, ...] = (d.kind, d.model, d.start, d.end, d.fields.get("feature"))
        if d.kind == "price":
            key = (d.kind, d.model, d.tier, *sorted((k, str(v)) for k, v in d.fields.items()))
        prev = seen.get(key)
        if prev is not None and d.kind == "price" and not by_model:
            for f in figures:
                by_model.setdefault(f.model, _Figures()).add(f)
            for own in by_model.values():
                own.index()
        if prev is not None and (d.kind != "price" or not _new_block(by_model, prev, d)):
            continue
        seen[key] = d
        out.append(d)
    return out


class _Figures:
    """The prices and times of one model, by start, and for each the next one whose fields differ."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.fields: list[dict[str, Any]] = []
        self.differ: list[int] = []  # per figure: the index of the next figure whose fields differ

    def add(self, f: Draft) -> None:
        self.starts.append(f.start)
        self.fields.append(f.fields)

    def index(self) -> None:
        n = len(self.fields)
        self.differ = [n] * n
        for i in range(n - 2, -1, -1):
            self.differ[i] = i + 1 if self.fields[i + 1] != self.fields[i] else self.differ[i + 1]


def _new_block(by_model: dict[str | None, _Figures], prev: Draft, d: Draft) -> bool:
    """Is price ``d``, which repeats ``prev``'s model and amounts, stated for another item: another
    figure of the same model (a time, another price) between them, as in a list of modes each with its
    own time and cost? A repeat with no such figure between (a summary restated) is the same price.
    (Each model's figures are indexed: scanning every figure between two repeats was quadratic in a
    long table of one price.)"""
    lo, hi = (prev, d) if prev.start < d.start else (d, prev)
    own = by_model.get(d.model)
    if own is None:
        return False
    a = bisect_right(own.starts, lo.start)
    b = bisect_left(own.starts, hi.start, a)
    if a >= b:
        return False
    if own.fields[a] != d.fields:
        return True
    return own.differ[a] < b


def _restated_items(drafts: list[Draft]) -> set[int]:
    """Ids of the claims without a feature over text where a claim of the same kind and model
    names its feature (限制：输出有水印 read as a cue and as a limit's item): the item says it all."""
    items = [d for d in drafts if d.kind in _ITEM_KINDS and d.fields.get("feature")]
    if not items:
        return set()
    return {
        id(d)
        for d in drafts
        if d.kind in _ITEM_KINDS
        and not d.fields.get("feature")
        and any(
            e.kind == d.kind and e.model == d.model and d.start <= e.start and e.end <= d.end for e in items
        )
    }


_ITEM_KINDS = frozenset({"capability", "limitation"})


def named_models(views: list[SectionView]) -> dict[str, set[str]]:
    """Per brand, the models the document names with their version (not only as a yardstick:
    "比2.1快了一倍" leaves a bare price under a 2.5 review the 2.5's)."""
    out: dict[str, set[str]] = {}
    for v in views:
        for ms in v.mentions:
            for m in ms:
                if m.explicit and m.brand and not m.versus:
                    out.setdefault(m.brand, set()).update(m.models)
    return out


def settle_bare_prices(
    reg: Registry, drafts: list[Draft], named: dict[str, set[str]], in_scope: Callable[[str, int], bool]
) -> list[Draft]:
    """A price whose model only a bare brand gave ("Runway $0.05/s"): when a price of a model of
    that brand named with its version states the same amount, it is that model's (a restatement);
    when the document names two models of the brand or more and none does, which one it
    prices is unclear, so it is no claim. The document's version stands in for the bare brand
    only once the text (or the title) has named it: a price table above "With audio (v2.6)"
    is the brand's, not 2.6's."""
    versioned = [d for d in drafts if d.kind == "price" and d.versioned]
    out: list[Draft] = []
    for d in drafts:
        if d.kind != "price" or d.versioned:
            out.append(d)
            continue
        brand = reg.brand_of(d.model)
        same = [b for b in versioned if reg.brand_of(b.model) is brand and _same_price(b, d)]
        if same:
            d.model, d.tier = same[0].model, same[0].tier
            out.append(d)
        elif len(named.get(brand.name if brand else "", ())) < 2:
            if brand is not None and d.model and not in_scope(d.model, d.start):
                d.model = brand.name
            out.append(d)
    return out


def implied_rates(reg: Registry, drafts: list[Draft]) -> list[Rate]:
    """Rates that priced amounts imply (20灵感值…相当于人民币两块): kept only when they agree."""
    found: list[Rate] = []
    for d in drafts:
        credits, cny = d.fields.get("credits"), d.fields.get("price_cny")
        if d.kind == "price" and isinstance(credits, float) and isinstance(cny, float) and cny > 0:
            brand = reg.brand_of(d.model)
            found.append(Rate(brand.name if brand else None, credits / cny, "cny", False))
    if found and all(abs(r.credits_per - found[0].credits_per) <= 0.02 * found[0].credits_per for r in found):
        return found[:1]
    return []


def apply_rates(reg: Registry, drafts: list[Draft], rates: list[Rate], cap: float) -> None:
    """Price every amount of credits in ``drafts`` from ``rates``; ``cap`` bounds the confidence."""
    for d in drafts:
        credits = d.fields.get("credits")
        if d.kind != "price" or not isinstance(credits, float):
            continue
        brand = reg.brand_of(d.model)
        for r in rates:
            key = f"price_{r.currency}"
            if key in d.fields or (r.brand and brand and r.brand != brand.name):
                continue
            d.fields[key] = round(credits / r.credits_per, 4)
            d.rule += "+rate"
            d.confidence = round(min(d.confidence, cap), 3)


def reconcile(lex: Lexicon, summary: list[Draft], body: list[Draft], body_has_rate: bool) -> list[Draft]:
    """The summary's drafts that fill a gap the body leaves, trusted less."""
    covered = {(d.kind, d.model) for d in body}
    body_prices = [d for d in body if d.kind == "price"]
    factor = lex.confidence("summary_factor")
    out: list[Draft] = []
    for d in summary:
        if d.kind == "credit_rate" and (body_has_rate or ("credit_rate", d.model) in covered):
            continue
        if d.kind == "price":
            if any(_restates(b, d) for b in body_prices):
                continue
        elif (d.kind, d.model) in covered:
            continue
        d.confidence = round(d.confidence * factor, 3)
        d.rule = "summary:" + d.rule
        out.append(d)
    return out


def _restates(b: Draft, d: Draft) -> bool:
    """Is summary price ``d`` about the clip body price ``b`` prices (a duplicate, or a contradiction)?

    Same model; tier, resolution and clip length agree wherever both state them; and both
    give the same credits, or both give money (equal: a duplicate; unequal: the body wins).
    """
    if b.model != d.model:
        return False
    for key in ("duration_s", "resolution"):
        x, y = b.fields.get(key), d.fields.get(key)
        if x is not None and y is not None and x != y:
            return False
    if b.tier and d.tier and b.tier != d.tier:
        return False
    credits = b.fields.get("credits"), d.fields.get("credits")
    if credits[0] == credits[1]:
        return True
    return any(
        isinstance(b.fields.get(k), float) and isinstance(d.fields.get(k), float)
        for k in ("price_cny", "price_usd")
    )


def _subsumed(drafts: list[Draft]) -> set[int]:
    """Ids of the prices another price states more fully over overlapping text. Only prices starting
    within a sentence's length of each other are compared, so a long document costs linear work."""
    prices = sorted((d for d in drafts if d.kind == "price"), key=lambda d: d.start)
    starts = [d.start for d in prices]
    out: set[int] = set()
    for d in prices:
        lo, hi = bisect_left(starts, d.start - _SPAN), bisect_left(starts, d.end)
        if any(e is not d and _subsumes(e, d) for e in prices[lo:hi]):
            out.add(id(d))
    return out


def _subsumes(e: Draft, d: Draft) -> bool:
    """Does price ``e`` state everything price ``d`` states, and more, over the same text (a table's
    cell read with its header's length or tier, and the same amount read without them)?"""
    if e.model != d.model or e.start >= d.end or d.start >= e.end or (d.tier and d.tier != e.tier):
        return False
    keys = ("credits", "price_cny", "price_usd", "duration_s", "resolution")
    if any(d.fields.get(k) is not None and d.fields.get(k) != e.fields.get(k) for k in keys):
        return False
    told = sum(e.fields.get(k) is not None for k in keys) + bool(e.tier)
    return told > sum(d.fields.get(k) is not None for k in keys) + bool(d.tier)


def _same_price(a: Draft, b: Draft) -> bool:
    """Do two prices state a common amount and disagree on nothing both state?"""
    common = False
    for key in ("credits", "price_cny", "price_usd", "duration_s", "resolution"):
        x, y = a.fields.get(key), b.fields.get(key)
        if x is None or y is None:
            continue
        if x != y:
            return False
        common = common or key != "duration_s" and key != "resolution"
    return common


def once_per_feature(claims: list[Claim]) -> list[Claim]:
    """A capability or limitation a document states twice (a table row, then prose) is one claim:
    the first, unless a later one is more sure of it."""
    best: dict[tuple[str, str | None, str], int] = {}
    drop: set[int] = set()
    for n, c in enumerate(claims):
        if c.kind not in ("capability", "limitation") or not c.feature:
            continue
        key = (c.kind, c.model, "".join(c.feature.lower().split()))
        if key not in best:
            best[key] = n
        elif c.confidence > claims[best[key]].confidence:
            drop.add(best[key])
            best[key] = n
        else:
            drop.add(n)
    return [c for n, c in enumerate(claims) if n not in drop]


def not_wondered(view: SectionView, sid: int, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the verdicts and features of sentence ``sid`` said after a "whether" in
    their clause (the clause asks what the model does, it does not say it) or after hearsay in the
    sentence (被传, rumored: what was expected, not what was seen)."""
    if not drafts:
        return drafts
    sent = view.sentences[sid]
    if _ASKS.match(view.cue_text, sent.start):
        return [d for d in drafts if d.kind not in _WONDERED_KINDS]
    spans = []
    for m in _WONDERS.finditer(view.cue_text, sent.start, sent.end):
        end = next((c.end for c in sent.clauses if c.start <= m.start() < c.end), sent.end)
        if m.group().startswith(("哪", "which")) and _ANSWERED.search(view.cue_text, end, sent.end):
            continue  # 很多人问我哪个更好，我的答案是可灵: the answer follows the question
        spans.append((m.start(), end))
    for m in _HEARSAY.finditer(view.cue_text, sent.start, sent.end):
        turn = next((c.start for c in sent.clauses if c.start > m.start() and c.contrast), sent.end)
        spans.append((m.start(), turn))  # …, but it only makes 8-second clips: what was seen
    if not spans:
        return drafts
    return [
        d
        for d in drafts
        if d.kind not in _WONDERED_KINDS or not any(d.start < b and d.end > a for a, b in spans)
    ]


def intermittent(view: SectionView, sid: int, drafts: list[Draft]) -> list[Draft]:
    """A lack said of some clips only (有些片段生成时完全没有声音, sometimes there is no audio) is a
    glitch of those clips, not a limit of the model: its limitation becomes a bug."""
    sent = view.sentences[sid]
    if not any(d.kind == "limitation" for d in drafts) or not _SOMETIMES.search(
        view.cue_text, sent.start, sent.end
    ):
        return drafts
    out = []
    for d in drafts:
        clause = next((c for c in sent.clauses if c.start <= d.start < c.end), None)
        lo = clause.start if clause is not None else sent.start
        if d.kind == "limitation" and _SOMETIMES.search(view.cue_text, lo, max(d.end, d.start + 1)):
            d = replace(d, kind="bug", fields={})  # a glitch names no missing feature
        out.append(d)
    return out


def clip_prices_only(view: SectionView, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the prices of an upscale (720p -> 2160p 5s = 20 credits) or of a billing
    unit (each unit costs $0.01)."""
    return [
        d
        for d in drafts
        if d.kind != "price"
        or not (_UPSCALE.search(view.text, d.start, d.end) or _unit_price(view.cue_text, d.start, d.end))
    ]


def _unit_price(text: str, lo: int, hi: int) -> bool:
    """Does ``_UNIT_PRICE`` match in ``text[lo:hi]``? (Every match holds "unit" or 单位, looked for
    first: the pattern opens with \b, tried at every position.)"""
    if text.find("unit", lo, hi) < 0 and text.find("单位", lo, hi) < 0:
        return False
    return _UNIT_PRICE.search(text, lo, hi) is not None
