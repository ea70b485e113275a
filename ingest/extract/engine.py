"""The extraction pipeline: sections in, ``Claim`` objects out.

Body first, then summary. The body's credit rates (stated, or implied by a
price that gives both credits and money) price every amount of credits in the
document; a summary's rate is used only when the body has none. A summary
claim only fills a gap: it is dropped when the body already has a claim of its
kind for its model, and a summary price when a body price of its model for the
same clip (tier, resolution, length where both state them) gives the same
credits or any money, the body's money winning a disagreement. Summary claims
keep lower confidence (the settling of drafts: ``settle.py``).

The rules only visit sentences that hold something they read: an amount, a
model name or a cue, each found by one literal-first scan of the whole section
(``SectionView`` and ``OpinionRules.prepare``). Every other sentence only says
whether it talks about speed, for the sentence after it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import partial
from urllib.parse import unquote, urlsplit

from ingest.extract.feature_items import FeatureItems, drop_inside
from ingest.extract.inline_labels import InlineLabels
from ingest.extract.learned import Candidate, KindModel, LearnedKinds, keep_new
from ingest.extract.lexicon import Lexicon, load_lexicon
from ingest.extract.memory import MemoryRules
from ingest.extract.mention_resolve import MentionResolver
from ingest.extract.mention_roles import MentionRoles
from ingest.extract.mentions import DocContext, MentionScanner, RawMention
from ingest.extract.normalize import normalise, unfold_tables, unquote_lines
from ingest.extract.opinions import OpinionRules
from ingest.extract.price_changes import ChangeRules
from ingest.extract.price_claims import PriceClaims
from ingest.extract.prices import PriceRules, Rate
from ingest.extract.quantities import scanner
from ingest.extract.registry import Registry, load_registry
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Splitter
from ingest.extract.settle import (
    apply_rates,
    clip_prices_only,
    dedupe,
    implied_rates,
    intermittent,
    named_models,
    not_wondered,
    once_per_feature,
    reconcile,
    settle_bare_prices,
)
from ingest.extract.spec_cells import lstripped
from ingest.extract.spec_items import SpecItems
from ingest.extract.spec_rows import SpecRows, drop_covered
from ingest.extract.specs import SpecRules
from ingest.extract.speed import SpeedRules
from ingest.extract.table_cells import cells_of
from ingest.extract.tables import TableRules, over_prose
from ingest.extract.topics import asking_heading, enter, start_document, under_withdrawn_heading, update_topic
from ingest.extract.unregistered import UnknownModels
from ingest.extract.vendors import VendorSubjects
from ingest.extract.verify import VerifyModel
from schemas.claim import Claim
from schemas.document import Document

log = logging.getLogger(__name__)

_PASSING_LENGTH = 1000  # characters of text in which a model named only once is named in passing
_OPENING = 600  # a text's opening is at most this long: a model named there is what the text is about
_OPENING_LEAST = 300  # …and at least this long
_PASSING_AT = 600  # a model named once, and only past this far into a long text, is named in passing


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
        self.resolver = MentionResolver(self.reg)
        self.mention_roles = MentionRoles(self.lex)
        self.price_rules = PriceRules(self.lex, self.reg)
        self.price_claims = PriceClaims(self.price_rules)
        self.change_rules = ChangeRules(self.price_rules)
        self.speed_rules = SpeedRules(self.lex)
        self.memory_rules = MemoryRules(self.lex)
        self.table_rules = TableRules(self.lex, self.price_rules)
        self.inline_labels = InlineLabels(self.lex)
        self.opinion_rules = OpinionRules(self.lex)
        self.spec_items = SpecItems(self.lex)
        self.spec_rules = SpecRules(self.lex)
        self.feature_items = FeatureItems(self.lex)
        self.spec_rows = SpecRows(self.lex)
        self.vendors = VendorSubjects(self.reg, self.lex)
        self.unknown_models = UnknownModels(
            self.lex.words("markers", "not_models") + self.reg.platforms + self.reg.vendor_words(),
            self.reg.alias_brand,
            {(b.name, m.version) for b in self.reg.brands.values() for m in b.models if m.version},
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
        views = [
            SectionView(
                "body",
                doc.text,
                unfold_tables(unquote_lines(normalise(doc.text))),
                self.splitter,
                self.quantities,
            )
        ]
        if doc.summary:
            views.append(
                SectionView(
                    "summary",
                    doc.summary,
                    unfold_tables(unquote_lines(normalise(doc.summary))),
                    self.splitter,
                    self.quantities,
                )
            )
        raws = [self.mentions.scan(v.clean, v.text) for v in views]
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
            self.mentions.bare_letter_versions(v.clean, rs, in_full, v.text)
            for v, rs in zip(views, raws, strict=True)
        ]
        # models the registry does not know take scope (and speak, when the document dwells on them)
        registered = Counter(r.brand for rs in [title, *raws] for r in rs if r.shape == "brand" and r.brand)
        unknown = self.unknown_models.find(
            [(v.text, v.clean) for v in views],
            raws,
            doc.title or "",
            title,
            registered,
            urlsplit(doc.url).hostname or "" if doc.url else "",
        )
        raws = [
            sorted([r for r in rs if not _inside_unknown(r, us)] + us, key=lambda r: r.start)
            for rs, us in zip(raws, unknown.raws, strict=True)
        ]
        # 新清影（CogVideoX）: a name alone in brackets right after another is its gloss, not a subject
        raws = [_without_glosses(v.clean, rs) for v, rs in zip(views, raws, strict=True)]
        # (after the unknown names took their own bare versions: 可图1.5's 1.5 is no version of 可灵)
        ctx = self.resolver.context(title + [r for rs in raws for r in rs], len(title))
        from_address = ctx.main_brand is None
        if from_address and doc.url:  # an issue thread under a model's repository
            self.resolver.from_address(ctx, self.mentions.scan(normalise(address_words(doc.url))))
        ctx.unknown_main = unknown.main
        # a company heading its clause (OpenAI 將它…, 字节这次…) stands for its one brand named here
        named_brands = {r.brand for rs in [title, *raws] for r in rs if r.brand}
        for n, view in enumerate(views):
            said, view.nobody_at = self.vendors.find(view.clean, raws[n], named_brands)
            raws[n] = sorted(raws[n] + said, key=lambda r: r.start)
        for view, rs in zip(views, raws, strict=True):
            view.foreign = unknown.foreign
            view.add_mentions(self.resolver, self.mention_roles, rs, ctx, [])
            self.table_rules.find(view)
            self.inline_labels.cut(view)  # Strengths: A, B Limitations: C: each label starts a clause
        named = named_models(views)
        titled = {  # versions the title names are in scope from the first line
            self.reg.resolve(r.brand, r.version, r.words)[0]
            for r in title
            if r.shape == "brand" and r.brand and r.version
        }
        # where each section first names the document's brand itself, and how often the text does (not
        # counting a bare version or a tier word given to it)
        own = [[r for r in rs if r.shape == "brand" and r.brand == ctx.main_brand] for rs in raws]
        ctx.main_named = sum(len(at) for at in own)
        # (a single naming with its version, "This week it was Kling 2.1.", sets the text's topic)
        ctx.main_bare = all(not r.version for at in own for r in at)
        firsts = [at[0].start if at else -1 for at in own]
        if not from_address and any(_late(v.clean, f) for v, f in zip(views, firsts, strict=True)):
            # named by the title, the page's address or a summary the clipper added: in scope from the
            # start (asked only of a text that names it late: the address is scanned for it)
            ctx.main_from_start = (
                any(r.brand == ctx.main_brand for r in title)
                or (len(raws) > 1 and any(r.brand == ctx.main_brand for r in raws[1]))
                or (
                    bool(doc.url)
                    and any(
                        r.brand == ctx.main_brand
                        for r in self.mentions.scan(normalise(address_words(doc.url or "")))
                    )
                )
            )
        body, stated, learned = self._section(views[0], ctx, named, titled, firsts[0])
        summary, summary_stated, _ = (
            self._section(views[1], ctx, named, titled, firsts[1]) if len(views) > 1 else ([], [], [])
        )
        body_rates = stated or implied_rates(self.reg, body)
        cap = self.lex.confidence("price_derived")
        if not body_rates and summary_stated:  # a rate only the summary states: used, trusted less
            body_rates, cap = summary_stated, cap * self.lex.confidence("summary_factor")
        apply_rates(self.reg, body, body_rates, cap)
        claims = [self._claim(views[0], d, document) for d in body]
        if len(views) > 1:
            apply_rates(self.reg, summary, body_rates or summary_stated, self.lex.confidence("price_derived"))
            kept = reconcile(self.lex, summary, body, bool(stated))
            claims += [self._claim(views[1], d, document) for d in kept]
        claims = once_per_feature([c for c in claims if c.model not in unknown.muted])
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
        self, view: SectionView, ctx: DocContext, named: dict[str, set[str]], titled: set[str], first: int
    ) -> tuple[list[Draft], list[Rate], list[Draft]]:
        main = ctx.main_model(self.reg)
        # the document's model is versioned when the title names it with its version (Vidu Q2的参考生视频)
        subject = Subject([main[0]], [main[1]], False, versioned=main[0] in titled) if main else None
        # a model the title does not name, first named past the opening of a long text, is the
        # document's from there on: what comes before is about something else (a newsletter's other
        # items, a post on another product naming the model only in its closing list of articles);
        # named only once that late, it is named in passing and no model is the document's. (A short
        # post, 画面太稳了…这次的可灵2.1, is about the model it names wherever it names it; a review
        # naming it in its first lines and then saying 它 is about it throughout.)
        pending = -1
        if (
            subject is not None
            and _late(view.clean, first)
            and not ctx.main_from_start
            and not ctx.unknown_main
        ):
            if ctx.main_named == 1 and ctx.main_bare and first > _PASSING_AT:
                subject = None
            else:
                pending = bisect_right(view.sentence_starts, first) - 1
        start_document(view, None if pending > 0 else subject)
        rates: list[Rate] = []
        drafts: list[Draft] = []
        learned: list[Draft] = []
        used: set[int] = set()
        carry = False
        cue_kinds = self.opinion_rules.prepare(view)
        speedy = self.speed_rules.speedy_sentences(view)
        specs = self.spec_items.prepare(view)
        items = self.feature_items.find(view)  # `* **Label**：what it does`: one capability each
        rows = self.spec_rows.find(view)  # spec lists, limit labels, yes/no rows: their layout decides
        memory = self.memory_rules.find(view)  # 仅需8GB显存: what card an open model runs on
        for sid, sent in enumerate(view.sentences):
            if sid == pending and subject is not None:
                view.main = subject
                view.anchor = view.anchor or subject
                view.topic = view.topic or subject
            enter(view, sid)
            if sent.prompt or sid in view.header_sids or sid in view.other_rows:
                continue
            first_draft = len(drafts)
            if self.learned is not None:
                learned += self.learned.sentence(view, sid)
            if sid in items:
                drafts += self.feature_items.claims(view, sid, items[sid])
            if sid in rows:
                drafts += self.spec_rows.claims(view, sid, rows[sid])
            if sid in memory:
                drafts += self.memory_rules.claims(view, sid, memory[sid])
            qs = view.quantities[sid]
            if not qs and not view.mentions[sid] and sid not in cue_kinds and sid not in specs:
                # nothing any rule reads: only whether it talks about speed carries over, and a
                # heading naming no model returns the anchor to the document's model
                carry = sid in speedy
                if sent.end - sent.start <= 30:
                    update_topic(view, sid)
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
            drafts += clip_prices_only(view, self.price_claims.prices(view, sid, used | old_prices))
            if not derived:
                drafts += self.change_rules.changes(view, sid)
            timed, carry = self.speed_rules.sentence(view, sid, carry, sid in speedy)
            table_prices = self.table_rules.price_claims(view, sid)
            drafts += timed + self.table_rules.speed_claims(view, sid) + table_prices
            drafts[first_draft:] = over_prose(drafts[first_draft:], table_prices)
            if any(d.kind == "price" for d in drafts[first_draft:]) and under_withdrawn_heading(view, sid):
                # ### 原错误定价: prices the text withdraws are no prices
                drafts[first_draft:] = [d for d in drafts[first_draft:] if d.kind != "price"]
            spec_drafts, claimed = (
                self.spec_rules.sentence_claims(view, sid, specs[sid]) if sid in specs else ([], set())
            )
            if spec_drafts and timed:
                spec_drafts = _not_benchmarked(view, sid, timed, spec_drafts)
            if sid in cue_kinds:
                judged = (
                    self.opinion_rules.aspect_clauses(view, sid, cue_kinds[sid]) if spec_drafts else set()
                )
                # 在音频生成、多语言方面胜出: the features are offered, and the verdict on them speaks too
                claimed -= judged
                busy = self.spec_items.clauses_with_items(view, sid, specs.get(sid, [])) - judged
                opinions = self.opinion_rules.sentence_claims(view, sid, cue_kinds[sid], busy, claimed)
                if asking_heading(view, sid):  # 它到底强在哪: a heading asks what the section answers
                    opinions = [d for d in opinions if d.kind not in ("strength", "bug")]
                elif opinions:
                    opinions = self._not_previewed(view, sid, opinions)
                drafts += not_wondered(view, sid, opinions)
            if sid in cue_kinds and spec_drafts:
                spec_drafts = _not_flawed_features(view, sid, spec_drafts)
            if (cell := view.row_label(sid)) is not None:
                _quote_from_label(view, cell, spec_drafts + timed)
            drafts += intermittent(view, sid, not_wondered(view, sid, spec_drafts))
            if len(drafts) > first_draft:
                # "Kling 2.6 文生视频 API 价格", "Text-to-video pricing": a heading of the prices below names
                # the mode priced, no feature offered
                # and a feature announced to come (即将支持, coming soon) is none offered yet
                drafts[first_draft:] = [
                    d
                    for d in drafts[first_draft:]
                    if d.kind != "capability"
                    or not (
                        _on_price_heading(view, d.start) or _TO_COME.search(view.cue_text, d.start, d.end)
                    )
                ]
            if _ABOUT_PAGE.match(view.cue_text, sent.start, sent.end) and not _GOES_ON.search(
                view.cue_text, sent.start, sent.end
            ):
                # "This topic describes the parameters of…", 本文将介绍…的能力: what the page is about, no
                # feature or verdict (a sentence that goes on past a comma or colon states its own)
                drafts[first_draft:] = [d for d in drafts[first_draft:] if d.kind not in _SAID_BY_PAGE]
            update_topic(view, sid)
        first_named: dict[str, int] = {}
        for ms in view.mentions:
            for m in ms:
                for n in m.models if m.explicit else ():
                    first_named[n] = min(first_named.get(n, m.start), m.start)
        in_scope = partial(_version_in_scope, first_named, titled)
        drafts = drop_covered(drop_inside(settle_bare_prices(self.reg, drafts, named, in_scope), items), rows)
        _verdicts_from_labels(view, drafts)
        return dedupe(drafts), rates, learned

    def _not_previewed(self, view: SectionView, sid: int, opinions: list[Draft]) -> list[Draft]:
        """``opinions`` without those of a sentence that asks, and without the verdicts of a clause
        announcing what the piece will show (and of the questions going on from it)."""
        sent = view.sentences[sid]
        if _ASKED.search(
            view.cue_text, sent.start, min(len(view.cue_text), sent.end + 1)
        ) or _WHO_WINS.search(view.cue_text, sent.start, sent.end):
            # 视频没有声音吗？ asked, not said (a puzzled question about the output is still a flaw)
            return [d for d in opinions if d.kind not in ("strength", "limitation")]
        found = self.opinion_rules.narrative.preview.search(view.cue_text, sent.start, sent.end)
        if found is None:
            return opinions
        # the announcing clause and the questions that go on from it (…, where it disappoints, and whether…)
        lo = hi = found.start()
        for c in sent.clauses:
            if c.end <= found.start():
                continue
            if c.start <= found.start() or _ASKING_CLAUSE.match(view.cue_text, c.start, c.end):
                lo, hi = min(lo, c.start), c.end
            else:
                break
        return [d for d in opinions if d.kind not in ("strength", "bug") or not lo <= d.start < hi]

    def _brand_at(self, view: SectionView, sid: int, pos: int, ctx: DocContext) -> str | None:
        """The brand a credit rate at ``pos`` is about: the text's model there, else the document's."""
        sent = view.sentences[sid]
        # the rate's own clause first: "10刀500积分，但是相比于Runway啥的，…Runway你开了会员以后…" is not
        # the Runway named after the comparison
        lo, hi = self.price_rules.clause_of(view, sid, pos)
        subj = view.subject(sid, lo, hi, pos)
        if (subj is None or not subj.explicit) and not _VERSUS_LATER.search(view.cue_text, hi, sent.end):
            subj = view.subject(sid, sent.start, sent.end, pos)
        brand = self.reg.brand_of(subj.models[0]) if subj and subj.models else None
        return brand.name if brand else ctx.main_brand

    # ----- output --------------------------------------------------------------
    def _claim(self, view: SectionView, d: Draft, document: str, method: str | None = None) -> Claim:
        start, end = d.start, d.end
        text, norm = view.text, view.norm  # (a blockquote's > is a space of ``norm``)
        while start < end and norm[start].isspace():
            start += 1
        while end > start and norm[end - 1].isspace():
            end -= 1
        # Claim(...), less the Python frame of pydantic's __init__ (about a third of its cost)
        return Claim.__pydantic_validator__.validate_python(
            dict(
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
                **{k: v for k, v in d.fields.items() if v is not None},
            )
        )


def _opening(text: str) -> int:
    """Where a text's opening ends: its first two lines holding text (a verdict up front, then the
    line naming the model), or its first 300 characters if longer, never past 600."""
    at, lines = 0, 0
    while lines < 2:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            break
        end = text.find("\n", at)
        at = len(text) if end < 0 else end
        lines += 1
    return min(_OPENING, max(_OPENING_LEAST, at))


def _late(text: str, first: int) -> bool:
    """Does a long ``text`` first name the document's model (at ``first``) only past its opening?"""
    return len(text) > _PASSING_LENGTH and first > _opening(text)


# a sentence telling what the page itself does (This guide covers…, 本文将介绍…)
_ABOUT_PAGE = re.compile(
    r"\s*(?:in\s+)?this\s+(?:guide|article|post|topic|page|tutorial|document|doc|section|review|piece|overview)"
    r"\s*,?\s*(?:we\s+|i\s+)?(?:will\s+|'ll\s+)?(?:describe|cover|explain|help|walk|show|introduce|compare|look|"
    r"break|detail|outline|summari[sz]e|review|list|go)"
    r"|\s*本(?:文|篇|指南|教程|节|页|章)(?!介绍的)[将会]?(?:为[你您]|给[你您]|带[你您])?(?:介绍|讲解|详解|说明|描述|帮助|对比|比较|汇总|整理|教|分享|梳理|盘点)"
)
_SAID_BY_PAGE = frozenset({"capability", "strength", "limitation"})
# what is announced to come (很快就会上线, 即将支持, 预计会提供, coming soon, will support): no feature yet
_TO_COME = re.compile(
    r"(?:即将|很快就?会|马上就?会|预计会|预计将|后续会|后续将|未来会|未来将|会陆续|将陆续|计划|近期会|稍后会|随后会)"
    r"(?:[^，。,；;：:\n]{0,6}?)(?:上线|支持|推出|开放|提供|发布|加入|上架)|敬请期待"
    r"|\bcoming soon\b|\bwill soon (?:support|add|offer|get)\b"
    r"|\bwill be (?:available|added|released|rolling out)\b"
    r"|\bwill (?:support|add|offer|get)\b[^.;:\n]{0,40}?\b(?:soon|later this"
    r"|next (?:month|week|year|version|update|release)|in (?:the )?(?:coming|future|next))\b"
    r"|\bplans? to (?:add|support|launch|release)\b|\bis coming\b|\bupcoming\b",
    re.I,
)
# a short line naming what the prices under it are for (### Kling 2.6 文生视频 API 价格, Video pricing)
_PRICE_HEADING = re.compile(
    r"[#*\s]*[^。！？!?，,；;\n]{0,48}?"
    r"(?:价格|定价|收费标准|计费标准|计费规则|费用|pricing|prices|price list|costs)[\s:：*#]*"
)
_GOES_ON = re.compile(r"[,，;；:：—]|\s-\s|\b(?:which|that|where|and it|it)\b")


def _on_price_heading(view: SectionView, pos: int) -> bool:
    """Is ``pos`` on a short line naming what the prices under it are for? (The line found by
    bisection over the view's newlines: searching for them went over a long line once per claim.)"""
    breaks = view.line_breaks
    k = bisect_left(breaks, pos)
    a = breaks[k - 1] + 1 if k else 0
    b = breaks[k] if k < len(breaks) else len(view.cue_text)
    return _PRICE_HEADING.fullmatch(view.cue_text, a, b) is not None


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
        # a flaw said of it right after it (出现了音频与画面不同步, the audio drifts out of sync)
        tail = at + len(feature)
        if at >= 0 and any(
            tail <= pos <= tail + 8 and not _EDGE.search(view.cue_text, tail, pos) for pos in flaws
        ):
            continue
        out.append(d)
    return out


_EDGE = re.compile(r"[，,。；;！？!?\n]|但|不过|可是|却|\b(?:but|though|however|yet)\b")


def address_words(url: str) -> str:
    """The words of a URL's path (github.com/Tencent-Hunyuan/HunyuanVideo/issues/71), without
    segments that are opaque ids, where a brand's letters could turn up by chance."""
    segments = unquote(urlsplit(url).path).split("/")
    return " / ".join(s for s in segments if s and not _OPAQUE_ID.fullmatch(s))


def _version_in_scope(first_named: dict[str, int], titled: set[str], model: str, pos: int) -> bool:
    """Has the text named ``model`` with its version by ``pos`` (or does the title name it)?"""
    return model in titled or first_named.get(model, pos + 1) <= pos


_OPEN_GLOSS = re.compile(r"[^\S\n]*[(（][^\S\n]*$")
_CLOSE_GLOSS = re.compile(r"[^\S\n]*[)）]")


def _without_glosses(text: str, raws: list[RawMention]) -> list[RawMention]:
    """``raws`` without a brand name that alone fills the brackets right after another brand's name
    (新清影（CogVideoX）): it glosses the name before it."""
    drop: set[int] = set()
    for n in range(1, len(raws)):
        prev, raw = raws[n - 1], raws[n]
        if (
            raw.shape == "brand"
            and prev.shape == "brand"
            and raw.brand != prev.brand  # (Luma Ray2 (Luma AI): the same brand's name reads as before)
            and n - 1 not in drop
            and prev.end <= raw.start
            and _OPEN_GLOSS.match(text, prev.end, raw.start)
            and _CLOSE_GLOSS.match(text, raw.end)
        ):
            drop.add(n)
    return [r for n, r in enumerate(raws) if n not in drop] if drop else raws


def _inside_unknown(raw: RawMention, unknown: list[RawMention]) -> bool:
    """Is ``raw`` a bare version inside an unregistered model's name (the 1.0 of HappyHorse 1.0)?"""
    return raw.shape == "version" and any(u.start <= raw.start < u.end for u in unknown)


# a clause going on with a question after an announcement: (and) where it disappoints, 以及哪里不行
_OPAQUE_ID = re.compile(r"(?=[^.]*\d)[A-Za-z0-9]{12,}(?:\.[a-z]{2,5})?")  # QjEQVAyjxXa3uusSURdZ5w
_ASKING_CLAUSE = re.compile(
    r"[\s,，、]*(?:and\s+|以及|还有)?(?:what|where|how|whether|which|why|哪里|哪些|如何|是否)\b", re.I
)

# a comparison later in a rate's sentence: the models after it are yardsticks or the other side
_VERSUS_LATER = re.compile(
    r"相比|相较|比起|对比|不如|compared (?:to|with)|\bthan\b|\bunlike\b|\bversus\b|\bvs\b"
)
# a sentence that asks: it ends on a question mark, or on 吗 before its punctuation
# (one class of its first characters opens it, so ``re`` skips ahead to them)
_ASKED = re.compile(r"[吗嗎？?](?:(?<=[吗嗎])\s*[？?。！!]?)?\s*$")
# a contest announced, not its result: 让A和B同题PK，看谁遥遥领先; 比比谁更稳
_WHO_WINS = re.compile(r"(?:看看?|比比|比一比|瞧瞧)谁")

# hardware a generation was timed on (A100, RTX 4090, 显卡): the clip it made is a benchmark's setup
_HARDWARE = re.compile(
    r"(?<![A-Za-z0-9])(?:[AH]100|H[28]00|H20|A800|L40S?|(?:[RG]TX\s?)?[2345]0[5-9]0(?:\s?Ti)?)(?![A-Za-z0-9])"
    r"|显卡|顯卡|GPU|显存|顯存",
    re.I,
)


_LENGTH_FEATURE = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:-|\s)?(?:s|secs?|seconds?|秒钟?)\s*", re.I)


def _not_benchmarked(view: SectionView, sid: int, timed: list[Draft], specs: list[Draft]) -> list[Draft]:
    """``specs`` without the resolution, length or frames of a clip timed on named hardware (在A100上
    生成720×1280的49帧视频约4分25秒): the setup of a measurement, not a specification."""
    ends = [d.end - 1 for d in timed if d.kind == "speed"]
    clauses = [
        (c.start, c.end) for c in view.sentences[sid].clauses if any(c.start <= e < c.end for e in ends)
    ]
    spans = [(a, b) for a, b in clauses if _HARDWARE.search(view.cue_text, a, b)]
    # (生成:2-3 分钟: the time a generation takes, read as a speed, is no specification as well)
    times = {view.text[d.start : d.end].strip() for d in timed if d.kind == "speed"}
    return [
        d
        for d in specs
        if not any(a < d.end and d.start < b for a, b in spans)
        and str(d.fields.get("feature") or "").strip() not in times
        # the length of the clip a time is for (About 2-3 minutes (10-second video)): what was timed
        and not (
            _LENGTH_FEATURE.fullmatch(str(d.fields.get("feature") or ""))
            and any(a <= d.start < b or d.start <= a < d.end for a, b in clauses)
        )
    ]


def _quote_from_label(view: SectionView, cell: tuple[int, int], drafts: list[Draft]) -> None:
    """A specification read from a cell of a row under model columns (| 最大时长 | 5秒 | 6秒 |) is
    quoted from the row's label on, so that the quote says what the value is, through the note in
    brackets that qualifies it (| 25 sec (Storyboard mode, Pro) |, | 1080p (Full HD) |)."""
    text = view.text
    start = lstripped(text, cell[0], cell[1], " \t*`|")
    for d in drafts:
        if d.kind in ("capability", "limitation") and d.start > cell[1]:
            d.start = start
            d.end = _past_note(text, d.start, d.end)


# the rules a verdict comes from (a specification's limit is quoted by its own rules)
_VERDICT_RULES = frozenset({"cue", "listed", "exception", "verdict_cell"})


def _verdicts_from_labels(view: SectionView, drafts: list[Draft]) -> None:
    """A verdict read from a table cell past the row's first (| Character consistency | Drifts > 4s |,
    | 缓慢推进 | slow dolly in | 稳定 |) is quoted from that first cell on, so that the quote says what
    it grades; not where the first cell names a model (| Kling 2.1 | Pros… |: the cell says it all),
    nor over another model's cell or a cell another claim was read from (| 一致性 | 更稳 | 稳定 |: only the
    first is).
    Done once the rows' own settling (which reads where each draft starts) is over."""
    text = view.text
    starts = sorted(d.start for d in drafts)
    for d in drafts:
        if d.kind not in ("strength", "bug", "limitation") or d.rule not in _VERDICT_RULES:
            continue
        sid = view.sentence_index(d.start)
        if sid is None:
            continue
        label = view.row_label(sid)
        cell = label or _first_cell(view, sid)
        if (
            cell is None
            or d.start <= cell[1]
            or text[text.rfind("|", 0, d.start) + 1 : d.start].strip(" \t*`")
        ):
            continue  # (a verdict after a turn in its cell, 光影真实，但是脸部闪烁: quoted from the turn)
        if any(cell[0] <= m.start < cell[1] for m in view.mentions[sid]):
            continue
        if (label and "|" in text[cell[1] + 1 : d.start]) or bisect_right(starts, cell[1]) < bisect_left(
            starts, d.start
        ):
            continue  # another model's cell, or another claim's, stands between: the quote would take it in
        d.start = lstripped(text, cell[0], cell[1], " \t*`|")


def _first_cell(view: SectionView, sid: int) -> tuple[int, int] | None:
    """[start, end) of the first cell of the markdown table row sentence ``sid`` is on (its end the
    pipe closing it), or None when the sentence is on no such row."""
    a, b = view.line_bounds(sid)
    if not view.text[a:b].lstrip().startswith("|"):
        return None
    cells = cells_of(view.text, a, b)
    return cells[0] if len(cells) >= 2 else None


def _past_note(text: str, start: int, end: int) -> int:
    """``end``, or past the bracketed note the quote [start, end) is cut inside or is followed by in
    its table cell."""
    line_end = text.find("\n", end)
    bar = text.find("|", end, line_end if line_end >= 0 else len(text))
    if bar < 0:
        return end
    quote, rest = text[start:end], text[end:bar]
    opened = quote.count("(") + quote.count("（") > quote.count(")") + quote.count("）")
    if not opened and not rest.lstrip().startswith(("(", "（")):
        return end
    close = min((i for i in (rest.find(")"), rest.find("）")) if i >= 0), default=-1)
    return end + close + 1 if close >= 0 else end
