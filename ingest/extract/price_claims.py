"""Prices of one generation, and plans: which amounts of a sentence anchor a price, and what the
text around each (its segment, from the amount before) says of it: the clip length, resolution,
tier and model. A purchase, a plan or a pack, an image's price, a minimum top-up, what a sum buys,
a difference (多了10积分) and a sum over several clips (一共, 生成了10条…) are no price. Every
other amount of credits, and money with a price context, anchors one price (see ``prices.py`` for
the credit rates and the clause tests both share)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.mentions import Mention
from ingest.extract.numbers import Quantity
from ingest.extract.price_context import distinct_models
from ingest.extract.prices import ALTERNATIVE, MONEY, PriceRules
from ingest.extract.section import Draft, SectionView, Subject

# what else a span of prices may follow: a tier, a mode, a resolution, the sound
_SPAN_OTHER = re.compile(
    r"\b(?:standard|std|pro|mode|tier|audio|sound|quality|depending|depends|\d{3,4}p|[248]k)\b"
    r"|模式|标准|高品质|有声|无声|音频|画质|分辨率|取决"
)
# an amount multiplied by a number ("5 x $0.168", "0.5元×10", "(5+10)×$0.20") is a factor, not a price
_FACTOR_BEFORE = re.compile(r"[\d)）]\s*(?:秒|s|sec|seconds?|credits?|积分)?\s*[x×*✕]\s*[$¥￥]?\s*$")
_HELD_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:remaining|left|in (?:the|your) (?:account|balance|wallet))\b"
    r"|\s*(?:的)?(?:余额|剩余|还剩)"
)
# a plan's allowance told in the clause after its fee (标准会员每月68元，有1000积分; includes 660 credits)
_ALLOWANCE_LEAD = re.compile(
    r"\s*(?:并且|而且|另外|另|还|并|and\s+)?(?:有|含|包含|内含|共|共有|可得|可获得|得到|送|赠|每月|每个月|"
    r"includes?|including|with|gets?(?: you)?|comes? with)?\s*$"
)
# an edition word naming the clip an amount buys: "$0.046 for an 8-second 1080p Lite clip"
# … or one the amount is said to be with, at the end of its clause: "200 credits with Pro, or 140 with Fast"
_EDITION_OF_CLIP = re.compile(
    r"\b([a-z]+)\s+(?:clips?|videos?|generations?|tier|mode)\b|\bwith\s+(?:the\s+)?([a-z]+)\s*(?=$|[,.;:)，。；])"
)
# …or a bracket right after it holding the edition and only resolutions or audio words:
# "$0.05/sec (Lite 720p)", "$0.10/sec (Fast 1080p no audio)"; not "(fast would be cheaper)"
_EDITION_IN_BRACKETS = re.compile(
    r"\s*(?:/\s*(?:s|sec|second)\b)?\s*[(（]\s*([a-z]+)"
    r"(?:[\s/&,]+(?:\d{3,4}p|[248]k|no audio|with audio|audio|without audio))*\s*[)）]"
)
# …or one standing as the subject right before it, the model being named earlier: "Veo 3.1 in three
# tiers: Lite at $0.05/sec, Fast at $0.10/sec", "Fast costs $0.10/sec", "a “Fast” mode at just $0.15"
_EDITION_SUBJECT = re.compile(
    r"(?:(?:^|[,;:(，；：（])\s*(?:(?:and|or|while|whereas|but|then|the|a|an|its|their)\s+)*[\"“'‘]?"
    r"(?!(?:and|or|at|for|from|in|is|are|costs?|the|an?|it|this|that|which)\b)([a-z0-9][a-z0-9.]*)[\"”'’]?"
    r"(?:\s+(?:tier|mode|edition|version|variant|model))?"
    r"|\b(?:a|an|the|its|their|new)\s+[\"“'‘]?([a-z]+)[\"”'’]?\s+(?:tier|mode|edition|version|variant|model))"
    r"(?:\s*[:：=]|\s+(?:(?:is|are|comes?|sells?|goes?|runs?|starts?|starting|priced|costs?|billed|charged)\b)?"
    r"(?:\s*(?:in\s+at|at|for|from))?)"
    r"\s*(?:approximately|about|around|roughly|just|only|~|≈)?\s*$"
)
# the gap from one amount to the next in a run of them, each with its one-word bracket
_NEXT_IN_RUN = re.compile(r"\s*(?:/\s*(?:s|sec|second)\b)?\s*[(（]\s*([a-z]+)\s*[)）]\s*[,，、]\s*")
_WORD_IN_BRACKETS = re.compile(r"\s*(?:/\s*(?:s|sec|second)\b)?\s*[(（]\s*([a-z]+)\s*[)）]")
_INSTEAD_BEFORE = re.compile(
    r"\b(?:instead of|rather than)\s+(?:the\s+)?(?:usual\s+|old\s+|standard\s+|full\s+)?[~≈]?\s*$"
)
_FOR_MODEL = re.compile(
    r"\s*(?:/\s*(?:s|sec|second|clip|video)|per (?:second|sec|clip|video|generation)|each|a second)?"
    r"\s*(?:for|on|with|using|via)\s+(?:the\s+|a\s+)?"
)
_PER_PERIOD = re.compile(
    r"\s*\+?\s*(?:-\s*)?(?:per|a|an|/)[-\s]*(?:day|hour|hr|week|seat|user|person|head)s?\b"
    r"|\s*\+?\s*(?:每|一|/)\s*(?:小时|钟头|天|日|周|人)"  # ($500+ per hour, 200元/小时, 每人)
)
# a sum worked out for a month or a year (每月生成1万分钟…的成本约为 10000*60*0.124=74400美元)
_WORKED_OUT = re.compile(r"=\s*[$¥￥]?\s*$")
_OVER_A_PERIOD = re.compile(
    r"每月|月度|月均|每年|年度|\bper month\b|\bmonthly\b|\bper year\b|\bannual(?:ly)?\b"
)
# hours of use right before a sum ("2小时花费不到10元", "three hours of testing cost $12"): what a
# session cost, no clip's price
_SESSION_BEFORE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半几]+"
    r"|\b(?:one|two|three|four|five|six|eight|ten|a few|several))"
    r"\s*(?:个)?(?:多)?(?:小时|钟头|hours?\b|hrs?\b)"
    r"[^，。,;；\n$¥￥元]{0,24}?(?:花费|花了|成本|费用|总共|一共|总计|合计|才|\bcost|\bspent|\btotal)"
    r"[^，。,;；\n\d]{0,6}$"
)
# the total of a worked example that adds parts ("(5+10)×$0.20 = $3.00": input and output seconds):
# what it buys is several things at once, no one clip
_PARTS_TOTAL_BEFORE = re.compile(
    r"[(（][^()（）\n]*\+[^()（）\n]*[)）]\s*[x×*✕][^=\n，。]{0,24}=\s*[$¥￥]?\s*$"
)
# nothing but punctuation and spaces around a clip length (", 10 seconds: "): no other subject said
_ONLY_MARKS = re.compile(r"[\s,，;；、:：=]*")
# a finished piece of a stated length (a 60-second branded ad), a rough span (~$25-40) and a sum (total
# cost, in API spend): no one generation's price
_PRODUCTION_BOUGHT = re.compile(
    r"(?:\b(?:\d+|one|two|three|four|five|six|ten|a|an)[-\s](?:second|minute|sec|min)s?|\b\d+\s?s)\s+"
    r"(?:[a-z-]+\s+){0,2}"
    r"(?:ads?|adverts?|commercials?|films?|movies?|trailers?|music videos?|episodes?|youtube shorts?|spots?|"
    r"explainers?|campaigns?|projects?)\b(?!\s*(?:clips?|videos?|generations?)\b)"
    r"|\d+\s*(?:秒|分钟)的?\s*(?:广告片?|宣传片|短片|预告片|微电影|短剧|mv)"
)
_PER_SECOND_BEFORE = re.compile(r"(?:每秒钟?|每\s*\d+\s*秒)\s*(?:约|大约|大概|~|≈)?\s*[$¥￥]?$")
_ROUGHLY_BEFORE = re.compile(
    r"(?:~|≈|\b(?:approximately|approx\.?|about|around|roughly|circa)\s*|约|大约|大概)\s*[$¥￥]?$"
)
# "the Veo 3 family spans $0.10 to $0.75", 全系价格从…到…: a span over a family's models, no one price
_FAMILY_SPAN = re.compile(r"\b(?:family|lineup|line-up)\b|(?<!一)系列|全系|家族|各档")
_TOTAL_NEAR = re.compile(
    r"\btotals?\b|\ball-in\b|\bin (?:api )?spend\b|总计|总共|合计|一共|总成本|总花费|总费用|共花费?|共计"
)
# a numeral that names no amount: 几块钱, 十几积分, 几十元, a few dollars
_VAGUE_AMOUNT = re.compile(r"几|\ba few\b|\bseveral\b|\ba couple of\b")
_FACTOR_AFTER = re.compile(r"\s*(?:/\s*(?:s|秒|sec)\s*)?[x×*✕]\s*\d")
# a resolution an amount is said to be for, right after it: "$0.10/s for 720p", "$0.49 (1080p)"
_RES_LINKED = re.compile(
    r"\s*(?:(?:for|at|in|@)\s+(?:a\s+|the\s+)?|[(（]\s*)(\d{3,4}\s?p|[248]\s?k)(?![a-z0-9])"
)
# two resolutions paired with the two ends of a range ($0.10–$0.12/sec (Fast 720p/1080p))
_RES_PAIR = re.compile(r"\s*/\s*")
_RESOLUTIONS = frozenset(
    {"360p", "480p", "540p", "720p", "768p", "1024p", "1080p", "1440p", "2160p", "2k", "4k"}
)
_PRICED = ("credits", *MONEY)  # a named tuple: mypyc cannot compile a starred one inside `in`
_SLASH = re.compile(r"\s*/\s*")
_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.I)
_AMOUNT = {"credits": "credits", "cny": "price_cny", "usd": "price_usd"}
# a note in brackets right after an amount says which variant it is for ("$0.084/s (no audio), $0.112/s
# (with audio)"): like amounts told apart that way are each the named model's
_NOTE_AFTER = re.compile(r"\s*[(（][^()（）\n]{2,30}[)）]")
_CLOSE_AFTER = re.compile(r"\s*[（(][^）)]{0,20}[）)]")  # a parenthesis right after an amount
# a unit told before a range (每条视频2-5元, 每秒0.5-1元, 单条10-20元, each clip $1-3): a price per unit
_UNIT_BEFORE = re.compile(
    r"(?:每|单|一)(?:秒|条|个|段|次|支|分钟)|\b(?:per|each|a)\s+(?:second|clip|video|generation)"
)
_SEPARATORS = ("，", ",", "；", ";", "+", "、", "|")


# an equal price: 跟1.5一样, 和可灵2.1相同 (after the yardstick), the same as (before it)
_SAME_AS = re.compile(r"\s*(?:的价格|的定价|价格)?\s*(?:一样|相同|同价|一致|持平)")
# a bracket opened right after a model's name, up to an amount in it
_BRACKET_AFTER_NAME = re.compile(
    r"\s*[(（]\s*(?:(?:which|that)\s+(?:costs?|charges?|runs?|is)\s+(?:about\s+|roughly\s+|around\s+)?|约)?[~≈]?\s*"
)
# a bracket right after an amount, before the model it names ("5 credits/sec (Gen-4 Turbo)",
# "35积分/条（可灵2.1大师版）"), closed right after the name (not "(Kling 2.1: 35)", "(可灵2.1更贵)")
_BRACKET_AFTER_AMOUNT = re.compile(r"(?:\s*(?:/|per\s+|每)\s*[a-z\u4e00-\u9fff]{1,8})?\s*[(（]\s*")
_BRACKET_CLOSE = re.compile(r"\s*[)）]")
# an amount set against another right after it: "(~$0.25 vs $0.50 at 540p)", "0.5元对比1元"
_VS_AMOUNT = re.compile(r"\s*(?:vs\.?|versus|对比|比起|相比)\s*[~≈约]?\s*(?:US)?[$¥￥]?\s*\d")
_VS_BETWEEN = re.compile(r"\s*(?:vs\.?|versus|对比)\s*[~≈约]?\s*")
# a clause opening with a reason or a contrast: what it names is an aside to the amount before it
_ASIDE_CLAUSE = re.compile(
    r"\s*(?:因为|由于|而且|而|但是|但|不过|可是|相比|对比|比起|因為|由於|相較|because|while|but|whereas|unlike)"
)


@dataclass(slots=True)
class Anchor:
    q: Quantity
    money: Quantity | None = None
    alternative: bool = False  # "…, or $1.20 with the Fast model": an alternative to the price before


class PriceClaims:
    def __init__(self, rules: PriceRules) -> None:
        self.p = rules  # the clause tests shared with the credit rates
        self.lex, self.reg, self.ctx = rules.lex, rules.reg, rules.ctx
        self.editions = frozenset(w for b in self.reg.brands.values() for w in b.edition_words)
        self.plan_re, self.business_re = rules.plan_re, rules.business_re
        self.grant_re, self.price_word_re = rules.grant_re, rules.price_word_re

    def _spent(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Do credits buy something here: a clip in the clause (5秒, 一条, per clip), a word of
        cost in the sentence (消耗, costs), or a clip's length or resolution in the row or sentence?"""
        if self.p.per_clip(view, sid, q):
            return True
        sent = view.sentences[sid]
        if self.price_word_re.search(view.cue_text, sent.start, sent.end):
            return True
        if self.p.listed(view, sid):
            return True
        return any(
            t.kind == "resolution"
            or (
                t.kind == "time" and t.unit == "s" and t.value <= 60 and not self.ctx.waited(view.cue_text, t)
            )
            for t in view.quantities[sid]
        )

    def _anchors(self, view: SectionView, sid: int, used: set[int]) -> tuple[list[Anchor], list[Draft]]:
        text = view.cue_text
        sent = view.sentences[sid]
        anchors: list[Anchor] = []
        plans: list[Draft] = []
        granted: set[float] = set()
        business = bool(self.business_re.search(text, sent.start, sent.end))
        _share_unit(view.quantities[sid], text)  # (only with resolutions listed the same way)
        for q in self.ctx.ranges(text, view.quantities[sid], used):
            if id(q) in used or q.kind not in _PRICED:
                continue
            lo, hi = self.p.clause_of(view, sid, q.start)
            if self.ctx.counterfactual(text, q):
                continue  # would have spent … or $200 hiring a composer: no price, nothing bought
            before = text[lo : q.start]
            planned = (
                self.plan_re.search(text, lo, hi)
                or sid in view.plan_rows
                or (q.kind == "credits" and self._allowance(view, sid, lo, q))
            ) and not (q.per or self.p.per_clip(view, sid, q))
            # a sum paid by the month or year (每月 200 美元, $20/month): a plan's fee, whatever it unlocks
            planned = planned or (q.kind in MONEY and q.per != "second" and self.p.plan_fee(text, q))
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
            if q.kind in MONEY and _SESSION_BEFORE.search(text, lo, q.start):
                continue  # 2小时花费不到10元: a session's cost, no clip's price
            if _PER_PERIOD.match(text, q.end):
                continue  # $200-per-day, $30 an hour: a rate for time or people, not for a clip
            if _WORKED_OUT.search(text, lo, q.start) and _OVER_A_PERIOD.search(text, sent.start, q.start):
                continue  # a month's cost worked out from a volume and a rate: the rate is the price
            if (
                _FACTOR_BEFORE.search(text, lo, q.start)
                or _FACTOR_AFTER.match(text, q.end)
                or _PARTS_TOTAL_BEFORE.search(text, lo, q.start)
            ):
                continue  # 5 x $0.168 = $0.84: a factor of a sum (the sum after "=" is the price)
            since = max([sent.start] + [p.end for p in view.quantities[sid] if p.end <= q.start])
            if self.ctx.not_one_price(text, lo, since, q):
                continue
            # "$3.20 at full quality, or $1.20 with Fast": the same clip, priced another way
            alternative = bool(
                prev is not None
                and prev.q.kind == q.kind
                and (
                    ALTERNATIVE.fullmatch(text, lo, q.start)
                    # "$0.40 (Lite), $0.80 (Fast), and $2.80 (Full)": the middle one of a run of amounts,
                    # each bracket naming an edition
                    or self._in_edition_run(text, (prev.money or prev.q).end, q)
                )
            )
            if _INSTEAD_BEFORE.search(text, max(lo, q.start - 40), q.start):
                continue  # "$0.05/sec instead of $0.40/sec": what it replaces, no second price
            if q.kind == "credits":
                if self.grant_re.search(before) or q.value in granted:
                    granted.add(q.value)  # …就给66积分，刷新一次加66积分: the same gift told again
                    continue
                if _HELD_AFTER.match(text, q.end) or self._bought(view, sid, q):
                    continue
                if not self._spent(view, sid, q):
                    continue  # "new users get 125 credits", "试用：66灵感值": held, not spent on a clip
                if (  # "$0.05/s 5 credits/s": one price told in money and in credits
                    prev
                    and prev.q.kind in MONEY
                    and prev.money is None
                    and prev.q.per == q.per
                    and not text[prev.q.end : q.start].strip()
                ):
                    prev.q, prev.money = q, prev.q
                    continue
                anchors.append(Anchor(q, alternative=alternative))
                continue
            if business or q.value >= 1e5:
                continue
            # money after credits is their price in money (20灵感值，约2元); two sums of one
            # currency are two prices, never one the equivalent of the other
            if prev and prev.money is None and prev.q.kind != q.kind and self.p.linked(text, prev.q, q):
                prev.money = q
                continue
            if (
                q.per
                or self.p.per_clip(view, sid, q)
                or self.price_word_re.search(text, self.p.label_start(view, sid, lo), hi)
            ):
                anchors.append(Anchor(q, alternative=alternative))
            elif alternative:
                anchors.append(Anchor(q, alternative=True))
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
        prev_subj: Subject | None = None  # the model the previous amount named as its own
        said_edition: str | None = None  # an edition the sentence made its amounts' subject
        length_row = self.p.length_row(view, sid)  # | 4s | 8 credits ($0.04) | 14 credits ($0.07) |
        respective = _respective([an.q for an in anchors], qs, text, sent.start, sent.end)
        respective_lengths = _respective_lengths([an.q for an in anchors], qs, text, sent.start, sent.end)
        # where an add-on's clause starts ("…, plus an extra $0.10 for 1080p"): the price before it ends
        # there, and what the add-on buys (1080p) is not the price's
        addons = [
            _before_marks(text, lo)
            for q in (qs if anchors else [])
            if q.kind in _PRICED and self.ctx.add_on(text, (lo := self.p.clause_of(view, sid, q.start)[0]), q)
        ]
        shapes: dict[tuple[str, str | None, float | None], int] = {}
        kinds: dict[str, int] = {}
        for an in anchors:
            shape = (an.q.kind, an.q.per, an.q.per_seconds)
            shapes[shape] = shapes.get(shape, 0) + 1
            kinds[an.q.kind] = kinds.get(an.q.kind, 0) + 1
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
            seg_hi = min([seg_hi] + [a for a in addons if end_q.end <= a < seg_hi])
            prev_end = seg_hi
            if an.q.value <= 0:
                continue  # "costs 0 credits (on the top plan)": free, no price to list
            if _VAGUE_AMOUNT.search(text, an.q.start, an.q.end):
                continue  # "一次得花好几块钱", "a few dollars": no amount is stated
            subj = self._for_model(view, sid, (an.money or an.q).end, seg_hi) or self._owner(
                view, sid, seg_lo, seg_hi, an.q
            )
            lengths = [q for q in qs if q.kind == "time" and seg_lo <= q.start < an.q.start]
            if (
                subj is None
                and prev_subj is not None
                and lengths
                and not view.groups(sid, seg_lo, an.q.start)
                and _ONLY_MARKS.fullmatch(
                    text[seg_lo : lengths[0].start] + text[lengths[-1].end : an.q.start]
                )
            ):
                # "Ray2 Flash 720p 5 seconds: 55 credits, 10 seconds: 110 credits Ray2 1080p …": a
                # further clip length right after a model's price is that model's, however many
                # models the run names
                subj = prev_subj
            elif subj is not None and subj.explicit and view.groups(sid, seg_lo, seg_hi):
                prev_subj = subj  # named in this amount's own segment, not taken from the sentence
            else:
                prev_subj = None
            if subj is None:
                continue
            fields = self._fields(an, [q for q in qs if seg_lo <= q.start < seg_hi], text)
            if id(an.q) in respective:
                fields["resolution"] = respective[id(an.q)]
            if id(an.q) in respective_lengths:
                fields["duration_s"] = respective_lengths[id(an.q)]
            if length_row is not None and "resolution" not in fields:
                col_res = self.p.column_resolution(view, sid, an.q.start)
                if col_res is not None:  # | 时长 | 768p | 1080p |: what the cell buys
                    fields["resolution"] = col_res
            if length_row is not None and "duration_s" not in fields:
                fields["duration_s"] = (
                    length_row  # | 4s | 8 credits ($0.04) | 14 credits ($0.07) |: the row's
                )
            if an.alternative and "duration_s" not in fields and prev_length is not None:
                fields["duration_s"] = prev_length  # the same clip, priced another way
            prev_length = fields.get("duration_s")  # type: ignore[assignment]
            tier_word = self.p.tier_word(text, seg_lo, seg_hi)
            # "大师版（1080P），5秒100灵感值，10秒200灵感值": a further clip length of the same
            # tier and resolution names neither again
            if "resolution" in fields or tier_word is not None:
                prev_res = fields.get("resolution")  # type: ignore[assignment]
            elif prev_res is not None and "duration_s" in fields and not view.groups(sid, seg_lo, seg_hi):
                fields["resolution"] = prev_res
            if (
                not subj.explicit
                and (
                    (shapes[(an.q.kind, an.q.per, an.q.per_seconds)] >= 2 and an.q.per is not None)
                    or kinds[an.q.kind] >= 3
                )
                and tier_word is None
                and "resolution" not in fields
                and not _NOTE_AFTER.match(text, end_q.end, seg_hi)
                and not self._edition_bracket(text, end_q.end, seg_hi, subj.models)
                and not self._edition_opens(view, seg_lo, an.q.start, subj.models)
            ):
                # "$0.04/sec … $0.05/sec", "~$0.50 $0.10-0.50 $0.10-0.30" (a table's cells run together) and
                # no model named: whose each one is, is unclear
                continue
            if (
                an.q.kind in MONEY
                and an.q.high >= 2 * an.q.value > 0
                and not (an.q.per or an.q.per_seconds)
                and not _UNIT_BEFORE.search(text, max(seg_lo, an.q.start - 12), an.q.start)
            ):
                continue  # "$200-1,000 for a 15-minute film", 50-200元: an estimate, no one price
            if (
                an.q.kind in MONEY
                and an.q.high > an.q.value > 0
                and not (an.q.per or an.q.per_seconds)
                and not _PER_SECOND_BEFORE.search(text, max(seg_lo, an.q.start - 12), an.q.start)
                and _ROUGHLY_BEFORE.search(text, max(seg_lo, an.q.start - 16), _first_digit(text, an.q))
            ):
                # "~$25-40": a rough span, no stated price; a rate said roughly (~$0.04-0.10/sec, 每秒约
                # 0.3-0.5 元, about 0.5-1元 per clip) is priced at both ends
                continue
            if an.q.high > an.q.value > 0 and _FAMILY_SPAN.search(text, seg_lo, an.q.start):
                continue
            if (
                _TOTAL_NEAR.search(text, seg_lo, seg_hi)
                and not (an.q.per or an.q.per_seconds)
                and not any(q.kind == "time" and seg_lo <= q.start < seg_hi for q in qs)
            ):
                continue  # "~$5 total cost", "$25-40 in API spend": a sum for a whole piece (not "5 seconds
                # (60 total credits)", a clip's own total)
            if not (an.q.per or an.q.per_seconds) and _PRODUCTION_BOUGHT.search(text, seg_lo, an.q.start):
                continue  # "A 60-second branded ad costs $25-40": a finished piece made of many clips
            q_lo = seg_lo
            while q_lo < seg_hi and text[q_lo] in " ，,；;、)）":
                q_lo += 1
            # "10-35 credits depending on quality": the range's two ends are two prices
            amounts = [fields]
            if an.q.high > an.q.value and an.money is None:
                amounts.append({**fields, _AMOUNT[an.q.kind]: an.q.high})
                res = [q for q in qs if q.kind == "resolution" and an.q.end <= q.start < seg_hi]
                if (
                    len(res) == 2
                    and fields.get("resolution") == res[0].unit
                    and _RES_PAIR.fullmatch(text, res[0].end, res[1].start)
                ):
                    amounts[-1]["resolution"] = res[1].unit
                # "39-208 credits (2-12s)": the far end of the amount buys the far end of the lengths
                lengths = [
                    q
                    for q in qs
                    if q.kind == "time"
                    and q.unit == "s"
                    and q.high > q.value
                    and seg_lo <= q.start < seg_hi
                    and fields.get("duration_s") == q.value
                ]
                # (not where the span is a tier's, a resolution's or the sound's: 20-35 credits (5-10s),
                # 20 in standard mode and 35 in pro mode)
                if len(lengths) == 1 and not _SPAN_OTHER.search(text, seg_lo, seg_hi):
                    amounts[-1]["duration_s"] = lengths[0].high
            end = (an.money or an.q).end
            bracket = _EDITION_IN_BRACKETS.match(text, end, seg_hi)
            clip = None if bracket else _EDITION_OF_CLIP.search(text, end, seg_hi)
            edition = bracket.group(1) if bracket else (clip.group(1) or clip.group(2)) if clip else None
            listed = (
                clip is not None and clip.group(2) is not None
            )  # "with Pro": only an edition the registry lists
            if edition is None or (bracket is None and edition not in self.editions):
                # ("…for speed, which suits viral clips": a word before clips that names no edition)
                said = self._said_edition(view, seg_lo, an.q.start)
                if said is not None:  # its word, an edition or not, ends the one carried
                    said_edition, at, bare = said
                    if bare and not (
                        view.text[at : at + 1].isupper() or (at > 0 and view.text[at - 1] in "\"“'‘")
                    ):
                        said_edition = None  # "is sharp, fast at $0.40/sec": an adjective
                elif subj.explicit and view.groups(sid, seg_lo, seg_hi):
                    said_edition = None  # a model named in the segment
                # "Lite starts at $0.05/sec for 720p and $0.08/sec for 1080p": the second is Lite's too
                edition = said_edition
            else:
                said_edition = None
            subject_edition = edition is not None and edition == said_edition
            for name, mtier in zip(subj.models, subj.tiers, strict=True):
                model, tier = self.p.model_tier(name, mtier, tier_word.group(0) if tier_word else None)
                if subject_edition:  # "Veo 3.1 Fast costs $0.15/sec, Lite $0.05/sec": a registered model
                    model = self._edition(model, edition, False, True)  # type: ignore[arg-type]
                elif edition is not None:
                    model = self._edition(model, edition, subj.explicit, listed)
                conf = self.lex.confidence("price") * (
                    1 if subj.explicit else self.lex.confidence("context_model_factor")
                )
                for f in amounts:
                    if _beyond_any_clip(f):
                        continue
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
            c.start <= x.start < c.end and x.kind in MONEY for x in view.quantities[sid]
        )

    def _bought(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Credits that money paid or a plan's fee bought ("I paid $10 for 1,000 credits",
        "$28/month gets you 3,000 credits", 充了30元换300积分)."""
        text = view.cue_text
        before = [p for p in view.quantities[sid] if p.end <= q.start]
        if not before or before[-1].kind not in MONEY or not self.p.linked(text, before[-1], q):
            return False
        return self.ctx.purchased(text, before[-1]) or self.p.plan_fee(text, before[-1])

    @staticmethod
    def _for_model(view: SectionView, sid: int, end: int, hi: int) -> Subject | None:
        """The model an amount is said to be for right after it ("charging $0.75 per second for Veo 3")."""
        for m in view.mentions[sid]:
            if end <= m.start < hi and not m.versus:
                if _FOR_MODEL.fullmatch(view.cue_text, end, m.start):
                    return Subject(list(m.models), [m.tier] * len(m.models), True)
                return None
        return None

    def _owner(self, view: SectionView, sid: int, lo: int, hi: int, amount: Quantity) -> Subject | None:
        """Whose price ``amount`` in segment [lo, hi) is. The model named nearest before it in
        its segment, even one compared with ("cheaper than Runway Gen-4 at $0.50", "Unlike Sora 2, which
        charges $0.10/s"); 前者/后者 (the former/the latter) pick from the sentence's two models; a
        segment naming no model after a sentence naming two or more has no clear owner."""
        start, at = view.sentences[sid].start, amount.start
        c_lo, _ = self.p.clause_of(view, sid, at)

        def named(a: int, b: int) -> list[list[Mention]]:
            # "Unlike DeepSeek, it costs…": a language model named in passing is no yardstick
            groups = view.drop_passing_foreign(view.groups(sid, a, b) + view.groups(sid, a, b, versus=True))
            return sorted(groups, key=lambda g: g[0].start)

        bracket = _BRACKET_AFTER_AMOUNT.match(view.cue_text, amount.end)
        if bracket is not None:
            # "12 credits/sec (Gen-4) or 5 credits/sec (Gen-4 Turbo)": the model the bracket after the
            # amount names, and nothing more, is whose it is
            inside = [g for g in named(bracket.end(), hi) if g[0].start == bracket.end()]
            if inside:
                m = max(inside[0], key=lambda x: x.end)
                if _BRACKET_CLOSE.match(view.cue_text, m.end):
                    return Subject(list(m.models), [m.tier] * len(m.models), True)
        paired = max(
            (q for q in view.quantities[sid] if q.end <= at and q.kind in _PRICED),
            key=lambda q: q.end,
            default=None,
        )
        if paired is not None and _VS_BETWEEN.fullmatch(view.cue_text, paired.end, at):
            # "cheaper than Ray 2 (~$0.25 vs $0.50)": the second sum of the pair is the yardstick's, when no
            # model of the sentence's own is named after the yardstick
            before = named(start, paired.start)
            yard = [g for g in before if g[0].versus]
            if yard and not any(not g[0].versus and g[0].start > yard[-1][0].start for g in before):
                m = yard[-1][0]
                return Subject(list(m.models), [m.tier] * len(m.models), True)
        names = distinct_models(self.reg, named(start, at))
        pick = self.ctx.former_latter(view.cue_text[max(lo, c_lo) : at])
        if pick is not None:
            return Subject([names[pick]], [None], True) if len(names) == 2 else None
        near = named(lo, at)
        if near and near[-1][0].versus and not _VS_AMOUNT.match(view.cue_text, amount.end):
            # the yardstick named right before the amount: its price (not in "cheaper than Ray 2 (~$0.25
            # vs $0.50)", where the first of the pair is the subject's)
            m = near[-1][0]
            last = max((x for x in near[-1] if x.end <= at), key=lambda x: x.end, default=m)
            if _BRACKET_AFTER_NAME.fullmatch(view.cue_text, last.end, at):
                # "more than Gen-4 (which costs ~14 credits/sec) or Gen-4 Turbo (~5 credits/sec)": a
                # bracket right after a yardstick's name holds its own price
                return Subject(list(last.models), [last.tier] * len(last.models), True)
            if m.start >= c_lo:
                return Subject(list(m.models), [m.tier] * len(m.models), True)
            if not any(not g[0].versus for g in near):  # "Unlike Sora 2, which charges $0.10/s, Wan…"
                if _SAME_AS.match(view.cue_text, m.end):
                    # "跟1.5一样，是35灵感一条", "same as Kling 2.1: 20 credits": the subject's price, and the
                    # yardstick's as well
                    own = view.subject(sid, lo, hi, at)
                    if own is not None and not set(own.models) & set(m.models):
                        return Subject(
                            own.models + list(m.models), own.tiers + [m.tier] * len(m.models), False
                        )
                return None
        if not near and named(lo, hi):
            # "一条5s视频0.5元，因为可灵是打折的": a model named only in a later clause giving a reason
            # or a contrast is not whose amount it is
            later = [
                g
                for g in named(at, hi)
                if not (
                    (c := self.p.clause_of(view, sid, g[0].start))[0] > c_lo
                    and _ASIDE_CLAUSE.match(view.cue_text, c[0], g[0].start)
                )
            ]
            if not later:
                near = []
                hi = min(hi, self.p.clause_of(view, sid, at)[1])
        if near or named(lo, hi):
            return view.subject(sid, lo, hi, at)
        if len(distinct_models(self.reg, named(start, lo))) >= 2:
            return None  # "海螺02只有可灵2.1的四分之一，一条25积分": whose is unclear
        subj = view.subject(sid, lo, hi, at)
        if subj is not None and not subj.explicit and len(set(subj.models)) >= 2:
            return None  # a sentence naming no model under a topic of two (Pika and Runway compared)
        return subj

    def _fields(self, an: Anchor, seg_qs: list[Quantity], text: str) -> dict[str, object]:
        q = an.q
        out: dict[str, object] = {}
        if q.kind == "credits":
            out["credits"], out["credit_unit"] = q.value, q.unit
        money = an.money or (q if q.kind in MONEY else None)
        if money is not None:
            out[f"price_{money.kind}"] = money.value
        if q.kind in MONEY and an.money is not None:  # ¥0.5，折合 $0.07: both sums of one price
            out[f"price_{q.kind}"] = q.value
        # "$0.05/s", "每秒 12 credits": one second's price
        per_second_before = self.ctx.second_before(text, 0, q)
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

    def _in_edition_run(self, text: str, prev_end: int, q: Quantity) -> bool:
        """Is ``q`` the next amount after one whose bracket names an edition, itself with a one-word
        bracket ("$0.40 (Lite), $0.80 (Fast)")?"""
        gap = _NEXT_IN_RUN.fullmatch(text, prev_end, q.start)
        own = _WORD_IN_BRACKETS.match(text, q.end) if gap else None
        return (
            gap is not None
            and own is not None
            and (gap.group(1) in self.editions or own.group(1) in self.editions)
        )

    def _edition_bracket(self, text: str, pos: int, hi: int, models: Sequence[str]) -> bool:
        """Does a bracket at ``pos`` name an edition of the model's brand ("$0.40 (Lite), $0.80
        (Fast)")? Then whose each amount is, is said."""
        bracket = _EDITION_IN_BRACKETS.match(text, pos, hi)
        info = self.reg.models.get(models[0]) if bracket and models else None
        return (
            info is not None
            and bracket is not None
            and bracket.group(1) in self.reg.brands[info.brand].edition_words
        )

    @staticmethod
    def _said_edition(view: SectionView, lo: int, pos: int) -> tuple[str, int, bool] | None:
        """The word the segment [lo, pos) makes its amount's subject ("Lite starts at", "the Pro tier
        costs"): the word, where it stands, and whether it stands bare (not "the … tier")."""
        window = view.cue_text[lo:pos]
        cut = max(0, len(window) - 80)
        said = _EDITION_SUBJECT.search(window if not cut else "\0" + window[cut:])
        if said is None:
            return None
        bare = said.group(1) is not None
        at = lo + cut - (1 if cut else 0) + said.start(1 if bare else 2)
        return said.group(1) or said.group(2), at, bare

    def _edition_opens(self, view: SectionView, lo: int, pos: int, models: Sequence[str]) -> bool:
        """Does a capitalised edition of the model's brand open the amount's segment ("Fast mode at
        $0.12/sec and Standard mode at $0.35/sec")? Then whose each amount is, is said."""
        info = self.reg.models.get(models[0]) if models else None
        said = self._said_edition(view, lo, pos) if info is not None else None
        if info is None or said is None or not said[2]:
            return False
        word, at, _ = said
        return view.text[at : at + 1].isupper() and word in self.reg.brands[info.brand].edition_words

    def _edition(self, model: str, word: str, named: bool, listed: bool = False) -> str:
        """``model`` as the edition ``word`` names ("$0.046 for an 8-second Lite clip" of Veo 3.1: Veo
        3.1 Lite), unless the text named the model with an edition of its own; ``listed``: only an
        edition the registry lists for the version ("with Pro" of Seedance 2.0 names no model)."""
        info = self.reg.models.get(model)
        if info is None or (named and info.edition is not None):
            return model
        brand = self.reg.brands[info.brand]
        if word not in brand.edition_words or brand.edition_words[word] == info.edition:
            return model
        got = self.reg.resolve(info.brand, info.version, [word])[0]
        return got if got in self.reg.models or not listed else model


#: money a second of video costs at most on any model sold (the dearest list prices are near $1/s): a
#: sum over this per second of its clip is for many clips (a month's volume row: 100 | 5 s | ~$72)
_MAX_PER_SECOND = {"price_usd": 5.0, "price_cny": 35.0}


#: …and what a clip of unstated length costs at most (ten minutes of the dearest model: about $450)
_MAX_PER_CLIP = {"price_usd": 500.0, "price_cny": 3500.0}


def _first_digit(text: str, q: Quantity) -> int:
    """Where the number of ``q`` starts (its span may open on "about", "~" or a currency sign)."""
    found = _DIGIT.search(text, q.start, q.end)
    return found.start() if found else q.start


_DIGIT = re.compile(r"\d")


def _beyond_any_clip(fields: dict[str, object]) -> bool:
    seconds = fields.get("duration_s")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        return any(
            isinstance(v := fields.get(k), (int, float)) and v > cap for k, cap in _MAX_PER_CLIP.items()
        )
    return any(
        isinstance(v := fields.get(k), (int, float)) and v / seconds > cap
        for k, cap in _MAX_PER_SECOND.items()
    )


def _respective(amounts: list[Quantity], qs: list[Quantity], text: str, lo: int, hi: int) -> dict[int, str]:
    """Resolutions paired in order with the amounts of a sentence that says so (720P和1080P分别为0.9元/秒
    和1.6元/秒, 720p and 1080p cost 0.9 and 1.6 respectively), or that lists both with slashes
    (| 480P / 720P | ¥0.30 / ¥0.60 / 秒 |): id of each amount -> its resolution."""
    found = [t for t in qs if t.kind == "resolution"]
    res = [t.unit for t in found]
    if len(res) < 2 or len(res) != len(amounts):
        return {}
    if not _RESPECTIVELY.search(text, lo, hi) and not (_slashed(found, text) and _slashed(amounts, text)):
        return {}
    return {id(q): r for q, r in zip(amounts, res, strict=True) if r}


def _respective_lengths(
    amounts: list[Quantity], qs: list[Quantity], text: str, lo: int, hi: int
) -> dict[int, float]:
    """Clip lengths paired in order with the amounts of a sentence that lists both as alternatives or
    says so ("20 or 40 credits for a 5 or 10 second clip", 5秒和10秒分别消耗20和40灵感值): id of each
    amount -> its length in seconds."""
    times = [t for t in qs if t.kind == "time" and t.unit == "s" and lo <= t.start < hi]
    if len(amounts) < 2 or len(times) != len(amounts) or len({a.kind for a in amounts}) != 1:
        return {}
    listed = all(a.option for a in amounts[:-1]) and all(t.option for t in times[:-1])
    if not listed and not _RESPECTIVELY.search(text, lo, hi):
        return {}
    return {id(a): t.value for a, t in zip(amounts, times, strict=True)}


def _slashed(items: list[Quantity], text: str) -> bool:
    """Are ``items`` one list, each after the one before with only a slash between (480P / 720P)?"""
    return all(_SLASH.fullmatch(text, a.end, b.start) for a, b in zip(items, items[1:], strict=False))


def _share_unit(qs: list[Quantity], text: str) -> None:
    """Amounts listed with slashes before the last one's unit (¥0.30 / ¥0.60 / ¥1.00 / 秒) are each per
    that unit: they take its per-second or per-clip reading (in place, once per sentence)."""
    res = [t for t in qs if t.kind == "resolution"]
    if len(res) < 2 or not _slashed(res, text):
        return  # "$6.00 / $0.75/s": a total, then a rate
    run: list[Quantity] = []
    for q in qs:
        if q.kind not in MONEY:
            run = []
            continue
        if run and not _SLASH.fullmatch(text, run[-1].end, q.start):
            run = []
        run.append(q)
        if q.per is not None and len(run) == len(res):
            for r in run[:-1]:
                if r.per is None and r.kind == q.kind:
                    r.per, r.per_seconds = q.per, q.per_seconds


def _before_marks(text: str, at: int) -> int:
    """``at`` moved back over the spaces and commas before it (where the clause before ends)."""
    while at > 0 and text[at - 1] in " ,，;；、":
        at -= 1
    return at
