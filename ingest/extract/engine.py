"""The extraction pipeline: sections in, ``Claim`` objects out.

Body first, then summary. The body's credit rates (stated, or implied by a
price that gives both credits and money) price every amount of credits in the
document; a summary's rate is used only when the body has none. A summary
claim only fills a gap: it is dropped when the body already has a claim of its
kind for its model, and a summary price when a body price of its model for the
same clip (tier, resolution, length where both state them) gives the same
credits or any money, the body's money winning a disagreement. Summary claims
keep lower confidence.

The rules only visit sentences that hold something they read: an amount, a
model name or a cue, each found by one literal-first scan of the whole section
(``SectionView`` and ``OpinionRules.prepare``). Every other sentence only says
whether it talks about speed, for the sentence after it.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from ingest.extract.feature_items import FeatureItems, drop_inside
from ingest.extract.learned import Candidate, KindModel, LearnedKinds, keep_new
from ingest.extract.lexicon import Lexicon, load_lexicon
from ingest.extract.mentions import DocContext, MentionScanner, RawMention
from ingest.extract.normalize import normalise
from ingest.extract.numbers import scanner
from ingest.extract.opinions import OpinionRules
from ingest.extract.price_changes import ChangeRules
from ingest.extract.prices import PriceRules, Rate
from ingest.extract.registry import Registry, load_registry
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Splitter
from ingest.extract.spec_rows import SpecRows, drop_covered
from ingest.extract.specs import SpecRules
from ingest.extract.speed import SpeedRules
from ingest.extract.tables import TableRules
from ingest.extract.unregistered import UnknownModels
from ingest.extract.vendors import VendorSubjects
from ingest.extract.verify import VerifyModel
from schemas.claim import Claim
from schemas.document import Document

log = logging.getLogger(__name__)

_SPAN = 1200  # no quote runs longer: sentences are cut at 600 characters


class Extractor:
    def __init__(
        self,
        version: int,
        lex: Lexicon | None = None,
        reg: Registry | None = None,
        learned: KindModel | None = None,
        record: list[Candidate] | None = None,
        verifier: VerifyModel | None = None,
    ) -> None:
        self.version = version
        self.lex = lex or load_lexicon()
        self.reg = reg or load_registry()
        self.splitter = Splitter(self.lex)
        self.quantities = scanner(self.lex)
        self.mentions = MentionScanner(self.reg, self.lex)
        self.price_rules = PriceRules(self.lex, self.reg)
        self.change_rules = ChangeRules(self.price_rules)
        self.speed_rules = SpeedRules(self.lex)
        self.table_rules = TableRules(self.lex, self.price_rules)
        self.opinion_rules = OpinionRules(self.lex)
        self.spec_rules = SpecRules(self.lex)
        self.feature_items = FeatureItems(self.lex)
        self.spec_rows = SpecRows(self.lex)
        self.vendors = VendorSubjects(self.reg, self.lex)
        self.unknown_models = UnknownModels(
            self.lex.words("markers", "not_models") + self.reg.platforms, self.reg.alias_brand
        )
        # the learned clause classifier (``learned.py``): off unless given weights (or recording)
        self.learned = (
            LearnedKinds(learned, int((learned.meta if learned else {}).get("trainer_version", 0)), record)
            if learned is not None or record is not None
            else None
        )
        self.verifier = verifier  # the learned verifier (``verify.py``): prunes doubted claims when given

    # ----- public --------------------------------------------------------------
    def extract(self, doc: Document, document: str) -> list[Claim]:
        views = [SectionView("body", doc.text, normalise(doc.text), self.splitter, self.quantities)]
        if doc.summary:
            views.append(
                SectionView("summary", doc.summary, normalise(doc.summary), self.splitter, self.quantities)
            )
        raws = [self.mentions.scan(v.clean) for v in views]
        title = self.mentions.scan(normalise(doc.title)) if doc.title else []
        in_full = title + [r for rs in raws for r in rs]
        if any(r.common for r in in_full):  # wan, runway… in lower case in prose: ordinary words
            raws = [
                self.mentions.drop_common_words(v.text, rs, in_full)
                for v, rs in zip(views, raws, strict=True)
            ]
            title = self.mentions.drop_common_words(doc.title or "", title, in_full)
            in_full = title + [r for rs in raws for r in rs]
        raws = [
            self.mentions.bare_letter_versions(v.clean, rs, in_full)
            for v, rs in zip(views, raws, strict=True)
        ]
        ctx = self.mentions.context(title + [r for rs in raws for r in rs])
        # models the registry does not know take scope (and speak, when the document dwells on them)
        registered = Counter(r.brand for rs in [title, *raws] for r in rs if r.shape == "brand" and r.brand)
        unknown = self.unknown_models.find(
            [(v.text, v.clean) for v in views], raws, doc.title or "", title, registered
        )
        raws = [
            sorted([r for r in rs if not _inside_unknown(r, us)] + us, key=lambda r: r.start)
            for rs, us in zip(raws, unknown.raws, strict=True)
        ]
        ctx.unknown_main = unknown.main
        # a company heading its clause (OpenAI 將它…, 字节这次…) stands for its one brand named here
        named_brands = {r.brand for rs in [title, *raws] for r in rs if r.brand}
        for n, view in enumerate(views):
            said, view.nobody_at = self.vendors.find(view.clean, raws[n], named_brands)
            raws[n] = sorted(raws[n] + said, key=lambda r: r.start)
        for view, rs in zip(views, raws, strict=True):
            view.add_mentions(self.mentions, rs, ctx, [])
            self.table_rules.find(view)
        named = self._named_models(views)
        titled = {  # versions the title names are in scope from the first line
            self.reg.resolve(r.brand, r.version, r.words)[0]
            for r in title
            if r.shape == "brand" and r.brand and r.version
        }
        body, stated, learned = self._section(views[0], ctx, named, titled)
        summary, summary_stated, _ = (
            self._section(views[1], ctx, named, titled) if len(views) > 1 else ([], [], [])
        )
        body_rates = stated or self._implied(body)
        cap = self.lex.confidence("price_derived")
        if not body_rates and summary_stated:  # a rate only the summary states: used, trusted less
            body_rates, cap = summary_stated, cap * self.lex.confidence("summary_factor")
        self._apply_rates(body, body_rates, cap)
        claims = [self._claim(views[0], d, document) for d in body]
        if len(views) > 1:
            self._apply_rates(summary, body_rates or summary_stated, self.lex.confidence("price_derived"))
            kept = self._reconcile(summary, body, bool(stated))
            claims += [self._claim(views[1], d, document) for d in kept]
        claims = _once_per_feature([c for c in claims if c.model not in unknown.muted])
        if learned and self.learned is not None:
            method = self.learned.method
            extra = [self._claim(views[0], d, document, method) for d in learned]
            claims += keep_new([c for c in extra if c.model not in unknown.muted], claims)
        if self.verifier is not None:
            claims = self.verifier.keep(claims, {"body": doc.text, "summary": doc.summary or ""})
        log.debug("%s: %d claims", document, len(claims))
        return claims

    # ----- one section ---------------------------------------------------------
    def _section(
        self, view: SectionView, ctx: DocContext, named: dict[str, set[str]], titled: set[str]
    ) -> tuple[list[Draft], list[Rate], list[Draft]]:
        main = ctx.main_model(self.reg)
        view.start_document(Subject([main[0]], [main[1]], False, versioned=False) if main else None)
        rates: list[Rate] = []
        drafts: list[Draft] = []
        learned: list[Draft] = []
        used: set[int] = set()
        carry = False
        cue_kinds = self.opinion_rules.prepare(view)
        speedy = self.speed_rules.speedy_sentences(view)
        specs = self.spec_rules.prepare(view)
        items = self.feature_items.find(view)  # `* **Label**：what it does`: one capability each
        rows = self.spec_rows.find(view)  # spec lists, limit labels, yes/no rows: their layout decides
        for sid, sent in enumerate(view.sentences):
            view.enter(sid)
            if sent.prompt or sid in view.header_sids:
                continue
            if self.learned is not None:
                learned += self.learned.sentence(view, sid)
            if sid in items:
                drafts += self.feature_items.claims(view, sid, items[sid])
            if sid in rows:
                drafts += self.spec_rows.claims(view, sid, rows[sid])
            qs = view.quantities[sid]
            if not qs and not view.mentions[sid] and sid not in cue_kinds and sid not in specs:
                # nothing any rule reads: only whether it talks about speed carries over, and a
                # heading naming no model returns the anchor to the document's model
                carry = sid in speedy
                if sent.end - sent.start <= 30:
                    view.update_topic(sid)
                continue
            if any(q.kind == "credits" or q.per == "credit" for q in qs) or self.price_rules.credit_priced(
                view, sid
            ):
                found, rate_drafts, ids = self.price_rules.rates(
                    view, sid, partial(self._brand_at, view, sid, ctx=ctx)
                )
                rates += found
                drafts += [d for d in rate_drafts if d.model]
                used |= ids
            derived, old_prices = self.change_rules.derived_changes(view, sid)
            drafts += derived
            drafts += self.price_rules.prices(view, sid, used | old_prices)
            if not derived:
                drafts += self.change_rules.changes(view, sid)
            timed, carry = self.speed_rules.sentence(view, sid, carry, sid in speedy)
            drafts += (
                timed + self.table_rules.speed_claims(view, sid) + self.table_rules.price_claims(view, sid)
            )
            spec_drafts, claimed = (
                self.spec_rules.sentence_claims(view, sid, specs[sid]) if sid in specs else ([], set())
            )
            if sid in cue_kinds:
                judged = (
                    self.opinion_rules.aspect_clauses(view, sid, cue_kinds[sid]) if spec_drafts else set()
                )
                # 在音频生成、多语言方面胜出: the features are offered, and the verdict on them speaks too
                claimed -= judged
                busy = self.spec_rules.clauses_with_items(view, sid, specs.get(sid, [])) - judged
                opinions = self.opinion_rules.sentence_claims(view, sid, cue_kinds[sid], busy, claimed)
                if view.asking_heading(sid):  # 它到底强在哪: a heading asks what the section answers
                    opinions = [d for d in opinions if d.kind not in ("strength", "bug")]
                drafts += opinions
            if sid in cue_kinds and spec_drafts:
                spec_drafts = _not_flawed_features(view, sid, spec_drafts)
            drafts += spec_drafts
            view.update_topic(sid)
        first_named: dict[str, int] = {}
        for ms in view.mentions:
            for m in ms:
                for n in m.models if m.explicit else ():
                    first_named[n] = min(first_named.get(n, m.start), m.start)
        in_scope = partial(_version_in_scope, first_named, titled)
        drafts = drop_covered(drop_inside(self._settle_bare_prices(drafts, named, in_scope), items), rows)
        return self._dedupe(drafts), rates, learned

    def _brand_at(self, view: SectionView, sid: int, pos: int, ctx: DocContext) -> str | None:
        """The brand a credit rate at ``pos`` is about: the text's model there, else the document's."""
        sent = view.sentences[sid]
        subj = view.subject(sid, sent.start, sent.end, pos)
        brand = self.reg.brand_of(subj.models[0]) if subj and subj.models else None
        return brand.name if brand else ctx.main_brand

    @staticmethod
    def _dedupe(drafts: list[Draft]) -> list[Draft]:
        seen: set[tuple[Any, ...]] = set()
        out: list[Draft] = []
        fuller = _subsumed(drafts)
        for d in drafts:
            if id(d) in fuller:
                continue
            key: tuple[Any, ...] = (d.kind, d.model, d.start, d.end, d.fields.get("feature"))
            if d.kind == "price":
                key = (d.kind, d.model, d.tier, *sorted((k, str(v)) for k, v in d.fields.items()))
            if key in seen:
                continue
            seen.add(key)
            out.append(d)
        return out

    # ----- prices named by a bare brand ----------------------------------------
    @staticmethod
    def _named_models(views: list[SectionView]) -> dict[str, set[str]]:
        """Per brand, the models the document names with their version (not only as a yardstick:
        "比2.1快了一倍" leaves a bare price under a 2.5 review the 2.5's)."""
        out: dict[str, set[str]] = {}
        for v in views:
            for ms in v.mentions:
                for m in ms:
                    if m.explicit and m.brand and not m.versus:
                        out.setdefault(m.brand, set()).update(m.models)
        return out

    def _settle_bare_prices(
        self, drafts: list[Draft], named: dict[str, set[str]], in_scope: Callable[[str, int], bool]
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
            brand = self.reg.brand_of(d.model)
            same = [b for b in versioned if self.reg.brand_of(b.model) is brand and _same_price(b, d)]
            if same:
                d.model, d.tier = same[0].model, same[0].tier
                out.append(d)
            elif len(named.get(brand.name if brand else "", ())) < 2:
                if brand is not None and d.model and not in_scope(d.model, d.start):
                    d.model = brand.name
                out.append(d)
        return out

    # ----- credit rates --------------------------------------------------------
    def _implied(self, drafts: list[Draft]) -> list[Rate]:
        """Rates that priced amounts imply (20灵感值…相当于人民币两块): kept only when they agree."""
        found: list[Rate] = []
        for d in drafts:
            credits, cny = d.fields.get("credits"), d.fields.get("price_cny")
            if d.kind == "price" and isinstance(credits, float) and isinstance(cny, float) and cny > 0:
                brand = self.reg.brand_of(d.model)
                found.append(Rate(brand.name if brand else None, credits / cny, "cny", False))
        if found and all(
            abs(r.credits_per - found[0].credits_per) <= 0.02 * found[0].credits_per for r in found
        ):
            return found[:1]
        return []

    def _apply_rates(self, drafts: list[Draft], rates: list[Rate], cap: float) -> None:
        """Price every amount of credits in ``drafts`` from ``rates``; ``cap`` bounds the confidence."""
        for d in drafts:
            credits = d.fields.get("credits")
            if d.kind != "price" or not isinstance(credits, float):
                continue
            brand = self.reg.brand_of(d.model)
            for r in rates:
                key = f"price_{r.currency}"
                if key in d.fields or (r.brand and brand and r.brand != brand.name):
                    continue
                d.fields[key] = round(credits / r.credits_per, 4)
                d.rule += "+rate"
                d.confidence = round(min(d.confidence, cap), 3)

    # ----- summary -------------------------------------------------------------
    def _reconcile(self, summary: list[Draft], body: list[Draft], body_has_rate: bool) -> list[Draft]:
        covered = {(d.kind, d.model) for d in body}
        body_prices = [d for d in body if d.kind == "price"]
        factor = self.lex.confidence("summary_factor")
        out: list[Draft] = []
        for d in summary:
            if d.kind == "credit_rate" and (body_has_rate or ("credit_rate", d.model) in covered):
                continue
            if d.kind == "price":
                if any(self._restates(b, d) for b in body_prices):
                    continue
            elif (d.kind, d.model) in covered:
                continue
            d.confidence = round(d.confidence * factor, 3)
            d.rule = "summary:" + d.rule
            out.append(d)
        return out

    @staticmethod
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

    # ----- output --------------------------------------------------------------
    def _claim(self, view: SectionView, d: Draft, document: str, method: str | None = None) -> Claim:
        start, end = d.start, d.end
        text = view.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        fields = {k: v for k, v in d.fields.items() if v is not None}
        return Claim(
            document=document,
            kind=d.kind,
            model=d.model,
            tier=d.tier,
            quote=text[start:end],
            start=start,
            end=end,
            section=view.name,
            confidence=max(0.0, min(1.0, d.confidence)),
            method=method or f"rules/{self.version}:{d.rule}",
            **fields,
        )


def _not_flawed_features(view: SectionView, sid: int, drafts: list[Draft]) -> list[Draft]:
    """A capability whose feature holds a flaw cue is the flaw's matter, no feature ("Veo added
    gibberish captions": the captions came out wrong, which says nothing of offering them)."""
    flaws = [pos for (s, _), hits in view.cue_hits.items() if s == sid for pos, kind in hits if kind == "bug"]
    if not flaws:
        return drafts
    out = []
    for d in drafts:
        feature = str(d.fields.get("feature") or "")
        at = view.text.find(feature, d.start, d.end) if d.kind == "capability" and feature else -1
        head = at + max(feature.rfind(" "), 0)  # a flaw word before the feature's noun, not the noun
        if at >= 0 and any(at <= pos < head for pos in flaws):
            continue
        out.append(d)
    return out


def _version_in_scope(first_named: dict[str, int], titled: set[str], model: str, pos: int) -> bool:
    """Has the text named ``model`` with its version by ``pos`` (or does the title name it)?"""
    return model in titled or first_named.get(model, pos + 1) <= pos


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


def _once_per_feature(claims: list[Claim]) -> list[Claim]:
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


def _inside_unknown(raw: RawMention, unknown: list[RawMention]) -> bool:
    """Is ``raw`` a bare version inside an unregistered model's name (the 1.0 of HappyHorse 1.0)?"""
    return raw.shape == "version" and any(u.start <= raw.start < u.end for u in unknown)
