"""What the words around an amount say it is, before it may be a price of one generation.

A purchase or a minimum top-up (花了20积分, a minimum purchase around $10), an image's price
(3 credits/image, 每张), what a sum buys (for $1 you can run…), a difference between prices
(比V4.5多了10积分, $0.10 more than) and a sum over several clips (一共, in total, 生成了10条…) are
no price. How long a generation took (等了60秒, took 90 seconds, 要2分钟, 30秒出片) is never
the clip length a price buys. Words for the lexicon live under ``context`` in lexicon.yml.
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon
from ingest.extract.mentions import Mention
from ingest.extract.numbers import Quantity
from ingest.extract.registry import Registry

_MONEY = ("cny", "usd")
# a pack of tokens and what it sells for (1400万Tokens售价196元): a purchase, no generation's price
_TOKEN_PACK = re.compile(
    r"\d+(?:\.\d+)?\s*(?:万|亿|[kmb])?\s*tokens?\s*(?:售价|价格|卖|sells? for|for)\s*$", re.I
)
# what one would have paid without the model (would have spent … or $200 hiring a composer)
_WOULD_HAVE = re.compile(
    r"(?:\bwould(?:\s+have|['’]ve)\s+(?:spent|paid)|本来要花|原本要花|本来得花)[^,;:，；：.!?。！？\n]*$",
    re.I,
)


# "一张图才消耗", "每张图片要": the amount after is one image's
_IMAGE_BEFORE = re.compile(
    r"(?:一|每|单)张(?:图|图片|照片|海报)(?:就|才|只|仅|也)?(?:要|需要|需|消耗|扣|花|收)(?:了|约|大约)?\s*$"
)


# $5/GPU-hour, 每卡时 8 元: what an hour of a rented GPU costs, not a clip
_GPU_TIME_AFTER = re.compile(r"\s*(?:/|per\s+|每)\s*(?:gpu|卡)\s*[-·]?\s*(?:hours?|hrs?|h\b|小时|时)", re.I)


class AmountContext:
    def __init__(self, lex: Lexicon) -> None:
        # 花了20积分, "a minimum purchase around $10": what was bought, or the least one can buy
        filler = r"(?:(?:around|about|of|at|is|约|为|是|[:：])\s*)*"
        self.purchase_re = re.compile(rf"(?:{lex.alt('context', 'purchase')})\s*(?:了|的)?\s*{filler}$")
        fill = r"(?:了|约|大约|大概|近|将近|足足|about|roughly|around|nearly|almost|\s)*"
        self.difference_re = re.compile(rf"(?:{lex.alt('context', 'difference_before')}){fill}$")
        self.difference_after_re = re.compile(rf"\s*(?:{lex.alt('context', 'difference_after')})")
        self.total_re = re.compile(rf"(?:{lex.alt('context', 'total_before')})")
        # "生成了10条", "20 clips": a count of generations above one, so what follows is their sum
        items = lex.alt("context", "many_items")
        self.many_re = re.compile(
            rf"(?<![每一单第])(?:\d+|[两三四五六七八九十几]+)\s*(?:个|段)?\s*(?:{items})"
        )
        self.budget_re = re.compile(rf"\s*[,，]?\s*(?:{lex.alt('context', 'budget_after')})")
        # "66灵感值大概能兑换6个视频", "66灵感值≈视频6个", "100 credits = 5 videos": what an allowance buys
        self.exchange_re = re.compile(
            r"[≈=]|约等于|等于|相当于|兑换|换取|(?:能|可以|可)(?:换|生成|做|跑|出)|足够|够"
            r"|enough for|gets? you|buys?"
        )
        count = r"(\d+|[两三四五六七八九十几]+)"
        self.many_count_re = re.compile(
            rf"(?:(?<![每一单第\d.]){count}\s*(?:个|段|条|支)?\s*(?:免费的?|free\s)?\s*(?:视频|{items})|视频\s*{count}\s*(?:个|条|段))"
            # "3 videos per dollar", "2 videos per generation": a rate, not what the amount buys
            r"(?!\s*(?:per\b|/|每|an?\s))"
        )
        self.image_re = re.compile(
            rf"\s*(?:/|per\b|each\b|an?\b|每|一)\s*(?:{lex.alt('context', 'image_item')})"
        )
        # "15元/百万tokens", "$10 per 1,000 requests", 每100万输入token 1美元: a rate for text tokens
        # or for a thousand calls, never what one generation costs
        bulk = (
            r"(?:(?:1|one|a)\s*)?"
            r"(?:million|thousand|1[,，]?000(?:[,，]000)?|[1-9]\d*\s*[kKmM]\b|百万|千|万|[1-9]\d*\s*[百千万]+)"
        )
        calls = r"(?:requests?|calls?|queries|searches|api calls|次调用|次请求|次)"
        self.bulk_after_re = re.compile(
            # ($0.15/$0.60 per million tokens, Input $1.25 / output $10 per 1M tokens: the next rate between)
            r"(?:\s*/\s*(?:input|output|输入|输出)?\s*[$¥]?\d+(?:\.\d+)?)?"
            rf"\s*(?:/|per\b|every\b|each\b|每)\s*(?:{bulk}\s*(?:input\b|output\b|输入|输出|/|\s)*\s*(?:tokens?|{calls})"
            rf"|(?:{bulk}\s*)?(?:input\b|output\b|输入|输出|/|\s)*\s*tokens?)",
            re.I,
        )
        self.token_before_re = re.compile(
            r"(?:每|per\b)\s*[\d,.]*\s*(?:[kKmM]\b|million|thousand|百万|千|万)?\s*(?:input|output|输入|输出|/|\s)*tokens?"
            # (每100万输入/输出token 0.06/0.25美元: the output's rate after the input's)
            r"\s*(?:的?(?:价格|定价|收费|费用))?\s*(?:为|是|[:：])?\s*(?:[$¥]?\d+(?:\.\d+)?\s*/\s*)?$"
            # (token 单价约 $6/M, the token price is $3: a price named as the tokens')
            r"|tokens?\s*的?\s*(?:单价|价格|定价|费率|prices?|rates?)(?:\s*(?:约|大约|大概|为|是|[:：~≈]|is|of|at|about))*\s*$",
            re.I,
        )
        # "under 5 cents per clip", 不到1元一条, "up to $2": a bound on what a clip costs, no price
        bound = (
            r"(?:\b(?:under|less than|below|no more than|at most|up to|as low as|at least)"
            r"|不到|低于|不超过|少于|最多|最高|最低|至少|[<＜≤])"
        )
        self.bound_re = re.compile(rf"{bound}\s*$")
        self.bound_start_re = re.compile(rf"{bound}\s*[$¥￥]?\s*\d")  # the scanner's span may hold the word
        # "$0.10-$0.20/s": the low end of a range of money, written with its own currency sign
        self.range_gap_re = re.compile(r"\s*(?:-|~|～|–|—|to|到|至)\s*$")
        # a clip length after an amount is its length only when a word ties them ("$0.50 for 5 s",
        # "20积分（5秒）"); in a row of a table run into text ("$0.36 5 s …") it is another column's
        self.length_after_re = re.compile(
            r"\s*(?:flat\s+|apiece\s+)?(?:for|per|each|/|[（(]|[,，]?\s*(?:for|with)\s+an?)\s*(?:an?\s+|one\s+)?$"
        )
        self.per_credit_re = re.compile(
            rf"(?:{lex.alt('context', 'per_credit_before')})\s*(?:是|为|约|[:：=])?\s*$"
        )
        self.wait_before_re = re.compile(
            rf"(?:{lex.alt('context', 'wait_before')})\s*(?:了|约|大约|about)?\s*$"
        )
        self.wait_after_re = re.compile(rf"\s*(?:左右|多)?\s*(?:{lex.alt('context', 'wait_after')})")
        self.former_latter_re = re.compile(r"前者|后者|the former|the latter")
        self.need_re = re.compile(r"(?:要|需要|得)\s*(?:约|大约|大概)?\s*$")
        # (a resolution cell run into it, 720Pper second$0.09, still starts the word)
        self.second_before_re = re.compile(
            # (每秒是0.35美金, 每秒要2元, per second is $0.35: a copula between the second and the sum)
            # (not the 一秒 of 十一秒, 二十一秒: a length of eleven, twenty-one seconds)
            r"(?:(?<=\dp)|(?<![a-z零一二三四五六七八九十百两]))"
            rf"(?:{lex.alt('context', 'per_second', bound_start=False)})"
            r"\s*(?:[:：]|是|为|要|需要|收费|\s(?:is|costs?))?\s*$"
        )
        # "For every second of video you generated, you will be charged $0.42", 每生成一秒视频收费0.5元:
        # the second is said well before the amount
        self.every_second_re = re.compile(
            r"\b(?:for|per) (?:each|every) second"
            r"(?: of (?:generated |output )?(?:video|footage|output|content))?"
            r"(?: (?:that )?you (?:generate|generated|create|created|render|rendered))?,? "
            r"(?:you(?:['’]ll| will)? (?:be )?(?:charged|billed|pay)|it costs?|the (?:price|cost|charge) is)"
            r"\s*(?:only |just |about |roughly )?[*`]*\s*$"
            r"|每(?:生成)?一秒(?:的)?(?:视频|影片)?[，,]?\s*(?:收费|扣费|计费|花费|需要|要|消耗)(?:约|大约)?\s*$"
        )
        # "+$0.04/sec", "+10积分", "+$0.03–$0.05": a surcharge on another price, never a price itself
        money = r"(?:US\$|[$¥￥])?"
        # "$0.30 for 6s + $0.05/extra s": the price of each second past the first clip's
        self.extra_re = re.compile(r"\bextra\b|\badditional\b|每多|超出")
        self.surcharge_re = re.compile(
            r"(?:\b(?:adds?|adding) (?:another|an? extra|an? additional)|\bsurcharge(?: is| of)?"
            r"|\b(?:plus|and) (?:another|an? extra|an? additional)"
            r"|附加费(?:为|是)?|加收|另加|另收|另付|多收|额外(?:收取|加收|收费|加|多收|多付|再加)?)"
            r"\s*(?:~|≈|约|about |roughly )?\s*$"
        )
        # "Native audio adds $0.028/s for the synced track": a bare "adds" before a rate on top of
        # something ("Kling 2.5 Turbo adds $0.35 5-second clips" launches a price)
        self.adds_re = re.compile(
            r"\b(?:audio|sound|voice|music|lip[- ]?sync|1080p|4k|upscal\w*|extensions?|音效|音频|配音|声音)"
            r"[^.;!?。；！？\n]{0,24}?\b(?:adds|add|adding)\s*(?:~|≈|about |roughly )?\s*$",
            re.I,
        )
        self.addon_after_re = re.compile(
            r"\s*(?:for (?:the|each|every|audio|sound|voice)\b|on top\b|to (?:the|each|every|that)\b)"
        )
        self.signed_re = re.compile(
            rf"[+＋]\s*{money}\s*(?:\d[\d.,]*\s*(?:-|~|～|–|—|to|到|至)\s*{money}\s*)?$"
        )

    def second_before(self, text: str, lo: int, q: Quantity) -> bool:
        """Does the text before ``q`` (from ``lo``) say the amount is one second's?"""
        if self.second_before_re.search(text[max(lo, q.start - 18) : q.start]):
            return True
        # every_second_re cannot match where the window holds neither of its words for the second
        start = max(0, q.start - 100)
        if text.find("second", start, q.start) < 0 and text.find("一秒", start, q.start) < 0:
            return False
        return self.every_second_re.search(text, start, q.start) is not None

    def former_latter(self, text: str) -> int | None:
        """0 when ``text`` says 前者 / the former, 1 for 后者 / the latter, else None."""
        m = self.former_latter_re.search(text)
        if m is None:
            return None
        return 0 if m.group(0) in ("前者", "the former") else 1

    def purchased(self, text: str, q: Quantity) -> bool:
        """Is ``q`` what was paid, or what a pack of tokens sells for, not the price of one generation
        (花了20积分, 1400万Tokens售价196元)?"""
        before = text[max(0, q.start - 24) : q.start]
        return bool(self.purchase_re.search(before) or _TOKEN_PACK.search(before))

    @staticmethod
    def counterfactual(text: str, q: Quantity) -> bool:
        """Is ``q`` in a clause of what one would have spent without the model ("I would have spent
        30 minutes … or $200 hiring a composer", 本来要花200元请人): no price, nothing bought?"""
        return _WOULD_HAVE.search(text[max(0, q.start - 80) : q.start]) is not None

    def ranges(self, text: str, qs: list[Quantity], used: set[int]) -> list[Quantity]:
        """``qs`` with each range of money written with two currency signs ("$0.10-$0.20/s") made one
        amount, low to high, for what its high end is for."""
        out: list[Quantity] = []
        for q in qs:
            low = out[-1] if out else None
            if (
                low is not None
                and q.kind in _MONEY
                and low.kind == q.kind
                and low.high == low.value < q.value
                and low.per is None
                and not {id(low), id(q)} & used
                and self.range_gap_re.match(text[low.end : q.start])
            ):
                out[-1] = Quantity(
                    q.kind, low.start, q.end, low.value, q.value, q.unit, per=q.per, per_seconds=q.per_seconds
                )
                continue
            out.append(q)
        return out

    def waited(self, text: str, t: Quantity) -> bool:
        """Is time ``t`` how long a generation took (等了60秒, took 90 seconds, 要2分钟, 30秒出片)?"""
        before = text[max(0, t.start - 12) : t.start]
        if self.wait_before_re.search(before) or self.wait_after_re.match(text, t.end):
            return True
        return t.unit in ("min", "h") and bool(self.need_re.search(before))

    def not_a_video(self, text: str, q: Quantity) -> bool:
        """Is ``q`` what an image costs (1 credit/image, 每张), what a sum buys (For $1 you can run…) or
        a rate for tokens or a thousand calls (15元/百万tokens, $10 per 1,000 requests)?"""
        after = text[q.end : q.end + 48]
        if q.kind in _MONEY and (
            self.bulk_after_re.match(after)
            or self.token_before_re.search(text, max(0, q.start - 30), q.start)
            or _GPU_TIME_AFTER.match(after)
        ):
            return True
        if _IMAGE_BEFORE.search(text, max(0, q.start - 16), q.start):
            return True  # 一张图才消耗0.2灵感值: what one image costs
        return bool(self.image_re.match(after)) or (q.kind in _MONEY and bool(self.budget_re.match(after)))

    def not_one_price(self, text: str, lo: int, since: int, q: Quantity) -> bool:
        """Is ``q`` a difference between prices (比V4.5多了10 credits, $0.05 more than), a bound
        (under 5 cents, 不到1元) or a sum over several generations (一共, Total, 生成了10条，消耗…)?
        ``lo`` is where its clause starts, ``since`` where the amount before it in the sentence ends
        (a count before that is another's)."""
        before = text[lo : q.start]
        if self.difference_re.search(before) or self.difference_after_re.match(text, q.end):
            return True
        if self.bound_re.search(text, max(lo, q.start - 12), q.start) or self.bound_start_re.match(
            text, q.start
        ):
            return True
        if self.signed_re.search(text[max(lo, q.start - 24) : q.start]) and not self.extra_re.search(
            text, q.start, q.end + 12
        ):
            return True
        if self.add_on(text, lo, q):
            return True
        if self.buys_many(text, q):
            return True
        if q.per or q.per_seconds:
            return False
        return bool(self.total_re.search(before)) or any(
            self._count(m.group(0)) > 1 for m in self.many_re.finditer(text, since, q.start)
        )

    def add_on(self, text: str, lo: int, q: Quantity) -> bool:
        """Is ``q`` an add-on to another price ("adds another $0.028/s on top", "the audio surcharge
        is…", 加收, "voice adds $0.02/s on top"), ``lo`` where its clause starts?"""
        if self.surcharge_re.search(text, max(lo, q.start - 40), q.start) and not self.extra_re.search(
            text, q.start, q.end + 12
        ):
            return True
        return bool(
            self.adds_re.search(text, max(lo, q.start - 48), q.start)
            and self.addon_after_re.match(text, q.end)
        )

    def buys_many(self, text: str, q: Quantity) -> bool:
        """Is ``q`` an allowance said to buy several videos (66灵感值大概能兑换6个视频, 100 credits = 5
        videos), not the price of one?"""
        after = text[q.end : q.end + 24]
        cut = min((i for i in (after.find(c) for c in "，,。；;\n（(") if i >= 0), default=len(after))
        after = after[:cut]
        if not after or self.exchange_re.search(after) is None:
            return False
        return any(self._count(m.group(1) or m.group(2)) > 1 for m in self.many_count_re.finditer(after))

    @staticmethod
    def _count(s: str) -> float:
        m = re.match(r"\d+", s)
        if m:
            return float(m.group(0))
        return 1.0 if s.startswith("一") else 2.0


def distinct_models(reg: Registry, groups: list[list[Mention]]) -> list[str]:
    """The models ``groups`` name, a bare brand dropped where a model of it is named too (a brand
    named without its version counts as the brand, whatever version the document gives it)."""
    named = (m.models if m.explicit or not m.brand else [m.brand] for g in groups for m in g)
    names = list(dict.fromkeys(n for ms in named for n in ms))
    versioned = {b.name for n in names if n not in reg.brands and (b := reg.brand_of(n))}
    return [n for n in names if n not in versioned]
