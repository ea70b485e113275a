"""Money claims: credit rates, prices of one generation, plans (changes: ``price_changes.py``).

Per sentence, amounts are read in order. Credits next to money with an
equivalence between them (10灵感值，等于1块钱; 充值比例是100积分等于10元;
1元可以买10积分; $1 = 100 credits) are a credit rate when nothing in their
clauses says "per clip" and no price word (要, 消耗, costs) leads up to them;
with such context they are a price whose money is stated. A purchase, a plan
or a pack (氪了1000块, 会员, a table headed 套餐), an image's price, a minimum
top-up, what a sum buys, a difference (多了10积分) and a sum over several clips
(一共, 生成了10条…) are no price. Every other amount of credits, and money with a
price context, anchors one price; the text since the previous anchor holds its
clip length, resolution, tier word and model. The tier is the one the text
names; a resolution alone sets none.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, alt
from ingest.extract.mentions import Mention
from ingest.extract.numbers import Quantity
from ingest.extract.price_context import AmountContext, distinct_models
from ingest.extract.registry import Registry
from ingest.extract.section import Draft, SectionView, Subject

log = logging.getLogger(__name__)

# an amount multiplied by a number ("5 x $0.168", "0.5元×10") is a factor, not a price
_FACTOR_BEFORE = re.compile(r"\d\s*(?:秒|s|sec|seconds?|credits?|积分)?\s*[x×*✕]\s*[$¥￥]?\s*$")
_HELD_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:remaining|left|in (?:the|your) (?:account|balance|wallet))\b"
    r"|\s*(?:的)?(?:余额|剩余|还剩)"
)
# a plan's allowance told in the clause after its fee (标准会员每月68元，有1000积分; includes 660 credits)
_ALLOWANCE_LEAD = re.compile(
    r"\s*(?:并且|而且|另外|另|还|并|and\s+)?(?:有|含|包含|内含|共|共有|可得|可获得|得到|送|赠|每月|每个月|"
    r"includes?|including|with|gets?(?: you)?|comes? with)?\s*$"
)
_ALTERNATIVE = re.compile(r"\s*(?:or|and|vs\.?|versus|while|或|或者|而|和)\s*(?:just|only|仅|只要|只需)?\s*")
# an edition word naming the clip an amount buys: "$0.046 for an 8-second 1080p Lite clip"
_EDITION_OF_CLIP = re.compile(r"\b([a-z]+)\s+(?:clips?|videos?|generations?|tier|mode)\b")
_OFF_PEAK = re.compile(r"错峰|闲时|低峰|off[-\s]?peak")
_FOR_MODEL = re.compile(
    r"\s*(?:/\s*(?:s|sec|second|clip|video)|per (?:second|sec|clip|video|generation)|each|a second)?"
    r"\s*(?:for|on|with|using|via)\s+(?:the\s+|a\s+)?"
)
_PER_N_CREDITS = re.compile(r"\s*(?:per|for every|for each|/|每)\s*[\d,]{2,}")
_PER_PERIOD = re.compile(r"\s*(?:-\s*)?(?:per|a|an|/)[-\s]*(?:day|hour|hr|week|seat|user|person|head)s?\b")
_FACTOR_AFTER = re.compile(r"\s*(?:/\s*(?:s|秒|sec)\s*)?[x×*✕]\s*\d")
_MONEY = ("cny", "usd")
# a resolution an amount is said to be for, right after it: "$0.10/s for 720p", "$0.49 (1080p)"
_RES_LINKED = re.compile(
    r"\s*(?:(?:for|at|in|@)\s+(?:a\s+|the\s+)?|[(（]\s*)(\d{3,4}\s?p|[248]\s?k)(?![a-z0-9])"
)
_RESOLUTIONS = frozenset({"360p", "480p", "540p", "720p", "768p", "1080p", "1440p", "2160p", "2k", "4k"})
# "Credits are sold at $0.0093 each": what one credit costs, when the clause names credits before it
_EACH = re.compile(r"\s*(?:each|apiece|a piece|一个|每个)(?![a-z])")
_CREDIT_NAMED = re.compile(r"\bcredits?\b|积分|灵感值|点数|算力")
_PRICED = ("credits", *_MONEY)  # a named tuple: mypyc cannot compile a starred one inside `in`
_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.I)
_AMOUNT = {"credits": "credits", "cny": "price_cny", "usd": "price_usd"}
_CLOSE_AFTER = re.compile(r"\s*[（(][^）)]{0,20}[）)]")  # a parenthesis right after an amount
_SEPARATORS = ("，", ",", "；", ";", "+", "、", "|")


@dataclass(slots=True)
class Rate:
    brand: str | None
    credits_per: float
    currency: str  # cny | usd
    explicit: bool


@dataclass(slots=True)
class Anchor:
    q: Quantity
    money: Quantity | None = None
    alternative: bool = False  # "…, or $1.20 with the Fast model": an alternative to the price before


class PriceRules:
    def __init__(self, lex: Lexicon, reg: Registry) -> None:
        self.lex, self.reg = lex, reg

        def rx(*keys: str) -> re.Pattern[str]:
            return re.compile(lex.alt(*keys))

        self.grant_re = rx("context", "grant")
        self.plan_re = rx("context", "plan")
        self.business_re = rx("context", "business")
        self.per_item_re = rx("context", "per_item")
        self.equiv_re = rx("context", "equivalence")
        self.rate_word_re = rx("context", "rate_words")
        self.rate_ctx_re = rx("context", "rate_context")
        self.price_word_re = rx("context", "price_words")
        self.change_word_re = rx("context", "price_change_words")
        self.ctx = AmountContext(lex)
        self.speed_re = rx("context", "speed")
        # "$0.40 (down from $0.75)" / "从10元降到6元": a new and an old price of one thing
        # "$0.40 (down from $0.75)", "20 credits, down from 35 credits": one comma may open the gap
        self.new_then_old_re = re.compile(
            rf"^[\s,，]*[^，。,;；]*?(?:{lex.alt('context', 'change_from')})[\s:：]*(?:the\s+|an?\s+)?$"
        )
        self.old_then_new_re = re.compile(rf"^[^，。,;；]*?(?:{lex.alt('context', 'change_to')})[\s:：]*$")
        self.from_re = re.compile(r"(?:从|由|from)\s*$")
        tiers = {w for b in reg.brands.values() for w in b.tier_words}
        self.tier_re = re.compile(alt(tiers))

    # ----- helpers -------------------------------------------------------------
    def clause_of(self, view: SectionView, sid: int, pos: int) -> tuple[int, int]:
        for c in view.sentences[sid].clauses:
            if c.start <= pos < c.end:
                return c.start, c.end
        s = view.sentences[sid]
        return s.start, s.end

    def _linked(self, text: str, a: Quantity, b: Quantity) -> bool:
        gap = text[a.end : b.start]
        if gap.strip(" ，,（(") in ("", "=", "≈", ":", "：", "~"):
            return True
        return len(gap) <= 30 and bool(self.equiv_re.search(gap) or self.rate_word_re.search(gap))

    def _per_clip(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Does the clause of ``q`` say the amount is for one clip (5秒, 一条, 1080P, per clip)?"""
        lo, hi = self.clause_of(view, sid, q.start)
        item = any(
            lo <= t.start < hi
            and (
                t.kind == "resolution"
                or (
                    t.kind == "time"
                    and t.unit == "s"
                    and t.value <= 60
                    and not self.ctx.waited(view.cue_text, t)
                )
            )
            for t in view.quantities[sid]
        )
        second = self.ctx.second_before_re.search(view.cue_text[max(lo, q.start - 12) : q.start])
        return bool(q.per) or item or bool(second) or bool(self.per_item_re.search(view.cue_text, lo, hi))

    def _spent(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Do credits buy something here: a clip in the clause (5秒, 一条, per clip), a word of
        cost in the sentence (消耗, costs), or a clip's length or resolution in the row or sentence?"""
        if self._per_clip(view, sid, q):
            return True
        sent = view.sentences[sid]
        if self.price_word_re.search(view.cue_text, sent.start, sent.end):
            return True
        return any(
            t.kind == "resolution"
            or (
                t.kind == "time" and t.unit == "s" and t.value <= 60 and not self.ctx.waited(view.cue_text, t)
            )
            for t in view.quantities[sid]
        )

    def _is_rate(self, view: SectionView, sid: int, cr: Quantity, money: Quantity) -> bool:
        """Credits and money linked by an equivalence, out of any per-clip context: a credit rate?"""
        if money.value <= 0:
            return False
        left, right = sorted((cr, money), key=lambda q: q.start)
        if 1 in (cr.value, money.value) and view.cue_text[left.end : right.start].strip() in ("=", "≈"):
            return True  # "$1 = 100 Credits = 2.3 5s videos": one unit's worth, whatever it then buys
        if self._per_clip(view, sid, cr) or self._per_clip(view, sid, money):
            return False
        if money.value == 1 or cr.value == 1:
            return True
        text = view.cue_text
        sent = view.sentences[sid]
        if self.rate_ctx_re.search(text, sent.start, sent.end):
            return True
        first = min(cr.start, money.start)
        lo, _ = self.clause_of(view, sid, first)
        # "100积分等于10元" stands alone; "生成要100积分，相当于10元" prices a clip
        return not self.price_word_re.search(text, lo, first) and not self.price_word_re.search(
            text, min(cr.end, money.end), max(cr.start, money.start)
        )

    # ----- credit rates --------------------------------------------------------
    def credit_priced(self, view: SectionView, sid: int) -> bool:
        """Does the sentence price one credit with no credit amount of its own ("credits cost $0.01
        each")?"""
        text = view.cue_text
        return any(q.kind in _MONEY and _EACH.match(text, q.end) for q in view.quantities[sid]) and bool(
            _CREDIT_NAMED.search(text, view.sentences[sid].start, view.sentences[sid].end)
        )

    def rates(
        self, view: SectionView, sid: int, brand_at: Callable[[int], str | None]
    ) -> tuple[list[Rate], list[Draft], set[int]]:
        """Credit rates of one sentence, their claims, and the ids of amounts they used.

        ``brand_at(pos)`` names the brand a rate at ``pos`` is about.
        """
        qs = view.quantities[sid]
        text = view.cue_text
        rates: list[Rate] = []
        drafts: list[Draft] = []
        used: set[int] = set()
        for i, q in enumerate(qs):  # "$0.01/credit", "0.1元/积分", "积分单价0.1元": what one credit costs
            per_credit = q.per == "credit" or (
                q.per is None and self.ctx.per_credit_re.search(text[max(0, q.start - 16) : q.start])
            )
            if not per_credit and q.kind in _MONEY and q.per is None and _EACH.match(text, q.end):
                lo, _ = self.clause_of(view, sid, q.start)
                per_credit = bool(_CREDIT_NAMED.search(text, lo, q.start))
            block = _PER_N_CREDITS.match(text, q.end) if q.kind in _MONEY else None
            nxt = qs[i + 1] if i + 1 < len(qs) else None
            if (
                block
                and nxt is not None
                and nxt.kind == "credits"
                and nxt.start < block.end()
                and q.value > 0
            ):
                # "$10 per 1,000 credits", "10元/1000积分": a pack's rate, neither a price nor a clip's cost
                brand = brand_at(q.start)
                rates.append(Rate(brand, nxt.value / q.value, q.kind, True))
                used.update((id(q), id(nxt)))
                lo, hi = self.clause_of(view, sid, q.start)
                drafts.append(
                    self._rate_draft(lo, max(hi, nxt.end), brand, nxt.value / q.value, q.kind, nxt.unit)
                )
                continue
            if per_credit and q.kind in _MONEY and q.value > 0:
                brand = brand_at(q.start)
                per = 1 / q.value
                rates.append(Rate(brand, per, q.kind, True))
                used.add(id(q))
                lo, hi = self.clause_of(view, sid, q.start)
                drafts.append(self._rate_draft(lo, max(hi, q.end), brand, per, q.kind, None))
        allowance: set[int] = set()  # amounts a plan's allowance or a purchase already pairs
        for a, b in zip(qs, qs[1:], strict=False):
            kinds = {a.kind, b.kind}
            if (
                id(a) in used
                or id(a) in allowance
                or "credits" not in kinds
                or not kinds & set(_MONEY)
                or not self._linked(text, a, b)
            ):
                continue
            cr, money = (a, b) if a.kind == "credits" else (b, a)
            if (
                self.ctx.purchased(text, a)
                or self.ctx.purchased(text, b)
                or self._plan_fee(text, money)  # "$28/month gets you 3,000 credits": a plan's allowance
            ):
                allowance.update((id(a), id(b)))  # ($25.99 for 3,000 credits), so … 19 cents: no rate
                continue
            if not self._is_rate(view, sid, cr, money):
                continue
            per = cr.value / money.value
            brand = brand_at(min(a.start, b.start))
            rates.append(Rate(brand, per, money.kind, True))
            used.update((id(a), id(b)))
            lo, hi = self.clause_of(view, sid, min(a.start, b.start))
            drafts.append(self._rate_draft(lo, max(hi, b.end), brand, per, money.kind, cr.unit))
        return rates, drafts, used

    def _rate_draft(
        self, lo: int, hi: int, brand: str | None, per: float, currency: str, unit: str | None
    ) -> Draft:
        field = "credits_per_cny" if currency == "cny" else "credits_per_usd"
        fields: dict[str, object] = {field: round(per, 4)}
        if unit:
            fields["credit_unit"] = unit
        conf = self.lex.confidence("credit_rate")
        return Draft("credit_rate", lo, hi, brand, None, "credit-rate", conf, fields)

    # ----- prices --------------------------------------------------------------
    def _anchors(self, view: SectionView, sid: int, used: set[int]) -> tuple[list[Anchor], list[Draft]]:
        text = view.cue_text
        sent = view.sentences[sid]
        anchors: list[Anchor] = []
        plans: list[Draft] = []
        business = bool(self.business_re.search(text, sent.start, sent.end))
        for q in self.ctx.ranges(text, view.quantities[sid], used):
            if id(q) in used or q.kind not in _PRICED:
                continue
            lo, hi = self.clause_of(view, sid, q.start)
            before = text[lo : q.start]
            planned = (
                self.plan_re.search(text, lo, hi)
                or sid in view.plan_rows
                or (q.kind == "credits" and self._allowance(view, sid, lo, q))
            ) and not (q.per or self._per_clip(view, sid, q))
            # a sum paid by the month or year (每月 200 美元, $20/month): a plan's fee, whatever it unlocks
            planned = planned or (q.kind in _MONEY and q.per != "second" and self._plan_fee(text, q))
            if self.ctx.purchased(text, q) or planned:
                plans.append(
                    Draft(
                        "plan_price",
                        lo,
                        hi,
                        None,
                        None,
                        "plan",
                        self.lex.confidence("plan_price"),
                        {"credits": q.value} if q.kind == "credits" else {f"price_{q.kind}": q.value},
                    )
                )
                continue
            if any(a <= q.start < b for a, b in view.period_spans):
                continue  # a month's or a year's sum in its table column
            prev = anchors[-1] if anchors else None
            if q.plus or self.ctx.not_a_video(text, q):  # 20多积分, 一块多: no exact amount, no price
                continue
            if _PER_PERIOD.match(text, q.end):
                continue  # $200-per-day, $30 an hour: a rate for time or people, not for a clip
            if _FACTOR_BEFORE.search(text, lo, q.start) or _FACTOR_AFTER.match(text, q.end):
                continue  # 5 x $0.168 = $0.84: a factor of a sum (the sum after "=" is the price)
            since = max([sent.start] + [p.end for p in view.quantities[sid] if p.end <= q.start])
            if self.ctx.not_one_price(text, lo, since, q):
                continue
            if q.kind == "credits":
                if (
                    self.grant_re.search(before)
                    or _HELD_AFTER.match(text, q.end)
                    or self._bought(view, sid, q)
                ):
                    continue
                if not self._spent(view, sid, q):
                    continue  # "new users get 125 credits", "试用：66灵感值": held, not spent on a clip
                if (  # "$0.05/s 5 credits/s": one price told in money and in credits
                    prev
                    and prev.q.kind in _MONEY
                    and prev.money is None
                    and prev.q.per == q.per
                    and not text[prev.q.end : q.start].strip()
                ):
                    prev.q, prev.money = q, prev.q
                    continue
                anchors.append(Anchor(q))
                continue
            if business or q.value >= 1e5:
                continue
            # money after credits is their price in money (20灵感值，约2元); two sums of one
            # currency are two prices, never one the equivalent of the other
            if prev and prev.money is None and prev.q.kind != q.kind and self._linked(text, prev.q, q):
                prev.money = q
                continue
            if q.per or self._per_clip(view, sid, q) or self.price_word_re.search(text, lo, hi):
                anchors.append(Anchor(q))
            elif prev is not None and prev.q.kind == q.kind and _ALTERNATIVE.fullmatch(text, lo, q.start):
                anchors.append(Anchor(q, alternative=True))  # "$3.20 at full quality, or $1.20 with Fast"
        return anchors, plans

    def prices(self, view: SectionView, sid: int, used: set[int]) -> list[Draft]:
        if not any(q.kind in _PRICED for q in view.quantities[sid]):
            return []
        anchors, drafts = self._anchors(view, sid, used)
        sent = view.sentences[sid]
        text = view.cue_text
        qs = view.quantities[sid]
        prev_end = sent.start
        prev_res: str | None = None  # the resolution the previous amount of this sentence was for
        prev_length: float | None = None  # the clip length the previous amount was for
        respective = _respective([an.q for an in anchors], qs, text, sent.start, sent.end)
        for i, an in enumerate(anchors):
            end_q = an.money or an.q
            seg_lo = prev_end
            for q in qs:  # what a credit rate said before this amount is not part of its price
                if id(q) in used and seg_lo <= q.start < an.q.start:
                    seg_lo = q.end
            seg_hi = sent.end if i == len(anchors) - 1 else end_q.end
            if i < len(anchors) - 1:
                gap = text[end_q.end : anchors[i + 1].q.start]
                close = _CLOSE_AFTER.match(gap)
                sep = min((j for c in _SEPARATORS if (j := gap.find(c)) >= 0), default=-1)
                if sep >= 0:  # "$0.35 base 5s + $0.07/extra s": what precedes the separator is this price's
                    seg_hi = end_q.end + sep
                elif close:  # a parenthesis right after an amount belongs to it
                    seg_hi = end_q.end + close.end()
                else:  # "$0.10/sec for Sora 2 and $0.30/sec for Sora 2 Pro": the model it is for
                    named = self._for_model(view, sid, end_q.end, anchors[i + 1].q.start)
                    nxt = anchors[i + 1].q.start
                    if named is not None:
                        seg_hi = min(
                            m.end for m in view.mentions[sid] if end_q.end <= m.start < nxt and not m.versus
                        )
            prev_end = seg_hi
            if an.q.value <= 0:
                continue  # "costs 0 credits (on the top plan)": free, no price to list
            subj = self._for_model(view, sid, (an.money or an.q).end, seg_hi) or self._owner(
                view, sid, seg_lo, seg_hi, an.q.start
            )
            if subj is None:
                continue
            fields = self._fields(an, [q for q in qs if seg_lo <= q.start < seg_hi], text)
            if id(an.q) in respective:
                fields["resolution"] = respective[id(an.q)]
            if an.alternative and "duration_s" not in fields and prev_length is not None:
                fields["duration_s"] = prev_length  # the same clip, priced another way
            prev_length = fields.get("duration_s")  # type: ignore[assignment]
            tier_word = self.tier_word(text, seg_lo, seg_hi)
            # "大师版（1080P），5秒100灵感值，10秒200灵感值": a further clip length of the same
            # tier and resolution names neither again
            if "resolution" in fields or tier_word is not None:
                prev_res = fields.get("resolution")  # type: ignore[assignment]
            elif prev_res is not None and "duration_s" in fields and not view.groups(sid, seg_lo, seg_hi):
                fields["resolution"] = prev_res
            q_lo = seg_lo
            while q_lo < seg_hi and text[q_lo] in " ，,；;、)）":
                q_lo += 1
            # "10-35 credits depending on quality": the range's two ends are two prices
            amounts = [fields]
            if an.q.high > an.q.value and an.money is None:
                amounts.append({**fields, _AMOUNT[an.q.kind]: an.q.high})
            edition = _EDITION_OF_CLIP.search(text, (an.money or an.q).end, seg_hi)
            for name, mtier in zip(subj.models, subj.tiers, strict=True):
                model, tier = self.model_tier(name, mtier, tier_word.group(0) if tier_word else None)
                if edition is not None:
                    model = self._edition(model, edition.group(1), subj.explicit)
                conf = self.lex.confidence("price") * (
                    1 if subj.explicit else self.lex.confidence("context_model_factor")
                )
                for f in amounts:
                    drafts.append(
                        Draft(
                            "price",
                            q_lo,
                            seg_hi,
                            model,
                            tier,
                            "price",
                            round(conf, 3),
                            dict(f),
                            subj.versioned,
                        )
                    )
        return drafts

    def _allowance(self, view: SectionView, sid: int, lo: int, q: Quantity) -> bool:
        """Credits opening the clause right after a plan's fee (标准会员每月68元，有1000积分)?"""
        if not _ALLOWANCE_LEAD.fullmatch(view.cue_text, lo, q.start):
            return False
        clauses = view.sentences[sid].clauses
        before = [c for c in clauses if c.end <= lo]
        if not before:
            return False
        c = before[-1]
        return bool(self.plan_re.search(view.cue_text, c.start, c.end)) and any(
            c.start <= x.start < c.end and x.kind in _MONEY for x in view.quantities[sid]
        )

    def _plan_fee(self, text: str, money: Quantity) -> bool:
        """Is ``money`` a plan's fee ($28/month, 会员月费68元), not one unit of money (1元10积分)?"""
        near = text[max(0, money.start - 6) : money.end + 8]
        return money.value != 1 and bool(self.plan_re.search(near))

    def _bought(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Credits that money paid or a plan's fee bought ("I paid $10 for 1,000 credits",
        "$28/month gets you 3,000 credits", 充了30元换300积分)."""
        text = view.cue_text
        before = [p for p in view.quantities[sid] if p.end <= q.start]
        if not before or before[-1].kind not in _MONEY or not self._linked(text, before[-1], q):
            return False
        return self.ctx.purchased(text, before[-1]) or self._plan_fee(text, before[-1])

    @staticmethod
    def _for_model(view: SectionView, sid: int, end: int, hi: int) -> Subject | None:
        """The model an amount is said to be for right after it ("charging $0.75 per second for Veo 3")."""
        for m in view.mentions[sid]:
            if end <= m.start < hi and not m.versus:
                if _FOR_MODEL.fullmatch(view.cue_text, end, m.start):
                    return Subject(list(m.models), [m.tier] * len(m.models), True)
                return None
        return None

    def _owner(self, view: SectionView, sid: int, lo: int, hi: int, at: int) -> Subject | None:
        """Whose price the amount at ``at`` in segment [lo, hi) is. The model named nearest before it in
        its segment, even one compared with ("cheaper than Runway Gen-4 at $0.50", "Unlike Sora 2, which
        charges $0.10/s"); 前者/后者 (the former/the latter) pick from the sentence's two models; a
        segment naming no model after a sentence naming two or more has no clear owner."""
        start = view.sentences[sid].start
        c_lo, _ = self.clause_of(view, sid, at)

        def named(a: int, b: int) -> list[list[Mention]]:
            return sorted(
                view.groups(sid, a, b) + view.groups(sid, a, b, versus=True), key=lambda g: g[0].start
            )

        names = distinct_models(self.reg, named(start, at))
        pick = self.ctx.former_latter(view.cue_text[max(lo, c_lo) : at])
        if pick is not None:
            return Subject([names[pick]], [None], True) if len(names) == 2 else None
        near = named(lo, at)
        if near and near[-1][0].versus:  # the yardstick named right before the amount: its price
            m = near[-1][0]
            if m.start >= c_lo:
                return Subject(list(m.models), [m.tier] * len(m.models), True)
            if not any(not g[0].versus for g in near):  # "Unlike Sora 2, which charges $0.10/s, Wan…"
                return None
        if near or named(lo, hi):
            return view.subject(sid, lo, hi, at)
        if len(distinct_models(self.reg, named(start, lo))) >= 2:
            return None  # "海螺02只有可灵2.1的四分之一，一条25积分": whose is unclear
        return view.subject(sid, lo, hi, at)

    def _fields(self, an: Anchor, seg_qs: list[Quantity], text: str) -> dict[str, object]:
        q = an.q
        out: dict[str, object] = {}
        if q.kind == "credits":
            out["credits"], out["credit_unit"] = q.value, q.unit
        money = an.money or (q if q.kind in _MONEY else None)
        if money is not None:
            out[f"price_{money.kind}"] = money.value
        if q.kind in _MONEY and an.money is not None:  # ¥0.5，折合 $0.07: both sums of one price
            out[f"price_{q.kind}"] = q.value
        # "$0.05/s", "每秒 12 credits": one second's price
        per_second_before = self.ctx.second_before_re.search(text[max(0, q.start - 12) : q.start])
        if q.per == "second" or (money is not None and money.per == "second") or per_second_before:
            out["duration_s"] = 1.0
        elif q.per_seconds:
            out["duration_s"] = q.per_seconds
        else:
            times = [
                t
                for t in seg_qs
                if t.kind == "time"
                and t.qual is None
                and not t.plus
                and t.value <= 120
                and not self.ctx.waited(text, t)
            ]
            end = (an.money or q).end
            before = [t for t in times if t.start < q.start]
            after = [
                t for t in times if t.start >= end and self.ctx.length_after_re.match(text[end : t.start])
            ]
            if before:
                out["duration_s"] = before[-1].value
            elif after:
                out["duration_s"] = after[0].value
        linked = _RES_LINKED.match(text, (an.money or q).end)
        label = linked.group(1).replace(" ", "").lower() if linked else None
        res = [t for t in seg_qs if t.kind == "resolution"]
        if label in _RESOLUTIONS:  # "$0.10/s for 720p", "$0.06 at 720p": the resolution it is for
            out["resolution"] = label
        elif res:
            out["resolution"] = min(res, key=lambda t: abs(t.start - q.start)).unit
        return out

    def _edition(self, model: str, word: str, named: bool) -> str:
        """``model`` as the edition ``word`` names ("$0.046 for an 8-second Lite clip" of Veo 3.1: Veo
        3.1 Lite), unless the text named the model with an edition of its own."""
        info = self.reg.models.get(model)
        if info is None or (named and info.edition is not None):
            return model
        brand = self.reg.brands[info.brand]
        if word not in brand.edition_words or brand.edition_words[word] == info.edition:
            return model
        return self.reg.resolve(info.brand, info.version, [word])[0]

    def tier_word(self, text: str, lo: int, hi: int) -> re.Match[str] | None:
        """A tier word of some brand (大师版, Pro) in [lo, hi), else an off-peak word (错峰, off-peak)."""
        return self.tier_re.search(text, lo, hi) or _OFF_PEAK.search(text, lo, hi)

    def model_tier(self, name: str, mention_tier: str | None, word: str | None) -> tuple[str, str | None]:
        """Model and tier from what the text names; a resolution alone never implies a tier."""
        if word is not None and _OFF_PEAK.fullmatch(word):  # 错峰单价: the vendor's off-peak rate
            return name, "off-peak"
        tier = mention_tier
        brand = self.reg.brand_of(name)
        if word and brand is not None:
            tier = brand.tier_words.get(word.lower(), tier)
        model, tier = self.reg.apply_tier(name, tier)
        if tier is None and model in self.reg.models:
            tier = self.reg.models[model].tier
        return model, tier


def _respective(amounts: list[Quantity], qs: list[Quantity], text: str, lo: int, hi: int) -> dict[int, str]:
    """Resolutions paired in order with the amounts of a sentence that says so (720P和1080P分别为0.9元/秒
    和1.6元/秒, 720p and 1080p cost 0.9 and 1.6 respectively): id of each amount -> its resolution."""
    res = [t.unit for t in qs if t.kind == "resolution"]
    if len(res) < 2 or len(res) != len(amounts) or not _RESPECTIVELY.search(text, lo, hi):
        return {}
    return {id(q): r for q, r in zip(amounts, res, strict=True) if r}
