"""Money rules: credit rates, and the clause tests that prices share with them (prices of one
generation and plans: ``price_claims.py``; changes: ``price_changes.py``).

Per sentence, amounts are read in order. Credits next to money with an
equivalence between them (10灵感值，等于1块钱; 充值比例是100积分等于10元;
1元可以买10积分; $1 = 100 credits) are a credit rate when nothing in their
clauses says "per clip" and no price word (要, 消耗, costs) leads up to them;
with such context they are a price whose money is stated. The tier a price is
for is the one the text names; a resolution alone sets none.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, alt
from ingest.extract.numbers import Quantity
from ingest.extract.price_context import AmountContext
from ingest.extract.registry import Registry
from ingest.extract.section import Draft, SectionView
from ingest.extract.table_cells import SEPARATOR_ROW

log = logging.getLogger(__name__)

# a clause offering another price of the same clip ("…, or 140 credits ($0.70) with Fast"), unless it
# states what credits are worth (而100灵感值等于10元)
_OR_OPENS = re.compile(r"\s*(?:or\b|或|或者)\s*", re.I)
_EQUATES = re.compile(r"等于|相当于|合|=|≈|\b(?:equals?|is worth|are worth)\b", re.I)
# what opens another price of the same clip: "$3.20 at full quality, or $1.20 with Fast"
ALTERNATIVE = re.compile(r"\s*(?:or|and|vs\.?|versus|while|或|或者|而|和)\s*(?:just|only|仅|只要|只需)?\s*")

# a sum paid by the month or year, said right after it ($9.99 per month, ¥68/年)
BY_PERIOD = re.compile(
    # (9.9美元月: the slash lost; not 月底, 年初)
    r"\s*(?:(?:/\s*|per\s+|a\s+|每)(?:month|mo|year|yr|annum|月|年)(?![a-z])|[月年](?![底初中末份内]))",
    re.I,
)
_OFF_PEAK = re.compile(r"错峰|闲时|低峰|off[-\s]?peak")
_PER_N_CREDITS = re.compile(r"\s*(?:per|for every|for each|/|每)\s*[\d,]{2,}")
MONEY = ("cny", "usd")
# a header cell naming the clip lengths of its column (时长, Duration, Clip length; not Render time)
_LENGTH_HEAD = re.compile(
    r"\|\s*[*`]*\s*(?:视频)?(?:时长|长度|秒数)|\|\s*[*`]*\s*(?:clip\s+|video\s+|max\s+)?(?:length|duration)s?\b"
)


def column_head(view: SectionView, sid: int, pos: int, index: int | None = None) -> str | None:
    """The header cell of the markdown table column ``pos`` (in sentence ``sid``) stands in, if any
    (``index``: the column's place among the row's cells, for a row written without its outer pipes)."""
    text = view.cue_text
    line_lo, _ = view.line_bounds(sid)
    head = _table_head(text, line_lo, view.table_heads)
    if head is None:
        return None
    col = index + 1 if index is not None else text.count("|", line_lo, pos)
    head_end = text.find("\n", head)
    cells = text[head : head_end if head_end >= 0 else len(text)].split("|")
    return cells[col] if 0 < col < len(cells) else None


def _table_head(text: str, line_lo: int, heads: dict[int, tuple[int | None, int] | None]) -> int | None:
    """Where the header line of the markdown table holding the row at ``line_lo`` starts (from its
    first pipe: the line above its |---| separator), when the separator is at most 200 rows up; None
    when there is no such header. ``heads`` keeps each row line's answer (header, rows between it and
    the separator) for the view, so the rows of one table are walked once between them."""
    chain: list[int] = []  # rows whose answer is the one of the line above them, one row further
    pos = line_lo
    while pos not in heads:
        if pos <= 0:
            heads[pos] = None
            break
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if not line.startswith("|"):
            heads[pos] = None
            break
        if SEPARATOR_ROW.match(line):
            head = text.rfind("\n", 0, prev - 1) + 1 if prev > 0 else 0
            # (a header run onto the line's prose: "片段价格(含音频):| 时长 | 720p | 1080p |")
            bar = text.find("|", head, prev)
            heads[pos] = (bar if bar >= 0 else None, 0)
            break
        chain.append(pos)
        pos = prev
    found = heads[pos]
    for row in reversed(chain):
        found = None if found is None or found[1] + 1 >= 200 else (found[0], found[1] + 1)
        heads[row] = found
    return found[0] if found is not None else None


_RESOLUTION_CELL = re.compile(r"\s*[*`]*\s*(\d{3,4}p|[248]k)\s*[*`]*\s*", re.I)
# a sentence opening on the clip its amounts buy: "For a standard 8-second clip at 720p, that
# translates to $0.40", "For one 10s video, …"
_FOR_A_CLIP = re.compile(
    r"\s*(?:so\s+|and\s+)?for\s+(?:a|an|one|each|every|a single)\s+(?:[\w.-]+\s+){0,3}"
    r"(?:clips?|videos?|generations?|shots?)\b[^.;!?。；！？\n]*?[,，]"
)
# "Credits are sold at $0.0093 each": what one credit costs, when the clause names credits before it
_EACH = re.compile(r"\s*(?:each|apiece|a piece|一个|每个)(?![a-z])")
_CREDIT_NAMED = re.compile(r"\bcredits?\b|积分|灵感值|点数|算力")
# a line that is one label and its amount (VIP1:300积分, Pro: $0.40): an entry of a price list
_LIST_ENTRY = re.compile(r"[^\n:：。，,；;]{1,16}[:：]\s*[$¥￥]?\s*\d[^\n:：。，,；;]{0,12}")


@dataclass(slots=True)
class Rate:
    brand: str | None
    credits_per: float
    currency: str  # cny | usd
    explicit: bool


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

    def label_start(self, view: SectionView, sid: int, lo: int) -> int:
        """Where the clause starting at ``lo`` starts with the label a colon ends before it
        (每次请求: $0.40, 价格：$0.40): the label says what the amount is."""
        s = view.sentences[sid]
        head = view.cue_text[s.start : lo].rstrip()
        if not head.endswith((":", "：")) or len(head) < 2:
            return lo
        return self.clause_of(view, sid, s.start + len(head) - 2)[0]

    def listed(self, view: SectionView, sid: int) -> bool:
        """Is sentence ``sid`` a line of a price list, the lines above it as far as one that names a
        price being entries of one shape (基础价格:200积分 / VIP1:300积分 / 非VIP:400积分)?"""
        text = view.cue_text
        k = sid
        while k >= 0 and sid - k < 8:
            a, b = view.sentences[k].start, view.sentences[k].end
            while b > a and text[b - 1].isspace():
                b -= 1
            if (a and text[a - 1] != "\n") or not _LIST_ENTRY.fullmatch(text, a, b):
                return False
            if k < sid and self.price_word_re.search(text, a, b):
                return True
            k -= 1
        return False

    def linked(self, text: str, a: Quantity, b: Quantity) -> bool:
        gap = text[a.end : b.start]
        if gap.strip(" ，,（(") in ("", "=", "≈", ":", "：", "~"):
            return True
        return len(gap) <= 30 and bool(self.equiv_re.search(gap) or self.rate_word_re.search(gap))

    def per_clip(self, view: SectionView, sid: int, q: Quantity) -> bool:
        """Does the clause of ``q`` say the amount is for one clip (5秒, 一条, 1080P, per clip)?"""
        lo, hi = self.clause_of(view, sid, q.start)
        lo = self.label_start(view, sid, lo)
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
        second = self.ctx.second_before(view.cue_text, lo, q)
        return (
            bool(q.per)
            or item
            or bool(second)
            or bool(self.per_item_re.search(view.cue_text, lo, hi))
            or self._after_clip_lead(view, sid, lo, hi)
            or self.length_row(view, sid) is not None
        )

    def length_row(self, view: SectionView, sid: int) -> float | None:
        """The clip length labelling sentence ``sid``'s table row, under a header naming lengths
        (| 时长 | 无音频 | … | then | 4s | 8 credits ($0.04) | …), when the row names no plan."""
        text = view.cue_text
        line_lo, line_hi = view.line_bounds(sid)
        if text[line_lo : line_lo + 1] != "|":
            return None
        end = text.find("|", line_lo + 1, line_hi)
        if end < 0 or self.plan_re.search(text, line_lo, line_hi) or BY_PERIOD.search(text, line_lo, line_hi):
            return None
        got = [
            t.value * (60 if t.unit == "min" else 1)
            for t in view.quantities[sid]
            if t.kind == "time" and line_lo < t.start < end
        ]
        if len(got) != 1 or not 0 < got[0] <= 120:
            return None
        head = _table_head(text, line_lo, view.table_heads)
        if head is None or not _LENGTH_HEAD.match(text, head):
            return None
        head_end = text.find("\n", head)
        return None if self.plan_re.search(text, head, head_end if head_end >= 0 else len(text)) else got[0]

    def column_resolution(self, view: SectionView, sid: int, pos: int) -> str | None:
        """The resolution the header cell over ``pos``'s column names alone (| 时长 | 768p | 1080p |)."""
        cell = column_head(view, sid, pos)
        found = _RESOLUTION_CELL.fullmatch(cell) if cell is not None else None
        return found.group(1).lower() if found else None

    def _after_clip_lead(self, view: SectionView, sid: int, lo: int, hi: int) -> bool:
        """Does the clause [lo, hi) come right after a lead naming the clip its amount buys ("For a
        standard 8-second clip at 720p, that comes to $0.40"), and name no plan?"""
        lead = _FOR_A_CLIP.match(view.cue_text, view.sentences[sid].start, lo + 1)
        return (
            lead is not None
            and not view.cue_text[lead.end() : lo].strip()
            and not self.plan_re.search(view.cue_text, lo, hi)
        )

    def _is_rate(self, view: SectionView, sid: int, cr: Quantity, money: Quantity) -> bool:
        """Credits and money linked by an equivalence, out of any per-clip context: a credit rate?"""
        if money.value <= 0:
            return False
        left, right = sorted((cr, money), key=lambda q: q.start)
        if 1 in (cr.value, money.value) and view.cue_text[left.end : right.start].strip() in ("=", "≈"):
            return True  # "$1 = 100 Credits = 2.3 5s videos": one unit's worth, whatever it then buys
        if self.per_clip(view, sid, cr) or self.per_clip(view, sid, money):
            return False
        if money.value == 1 or cr.value == 1:
            return True
        text = view.cue_text
        sent = view.sentences[sid]
        if self.rate_ctx_re.search(text, sent.start, sent.end):
            return True
        first = min(cr.start, money.start)
        lo, _ = self.clause_of(view, sid, first)
        if (
            _OR_OPENS.match(text, lo)
            and not _EQUATES.search(text, left.end, right.start)
            and self.price_word_re.search(text, sent.start, lo)
        ):
            return (
                False  # "costs 200 credits ($1.00) with Pro, or 140 credits ($0.70) with Fast": another price
            )
        # "100积分等于10元" stands alone; "生成要100积分，相当于10元" prices a clip
        return not self.price_word_re.search(text, lo, first) and not self.price_word_re.search(
            text, min(cr.end, money.end), max(cr.start, money.start)
        )

    # ----- credit rates --------------------------------------------------------
    def credit_priced(self, view: SectionView, sid: int) -> bool:
        """Does the sentence price one credit with no credit amount of its own ("credits cost $0.01
        each")?"""
        text = view.cue_text
        return any(q.kind in MONEY and _EACH.match(text, q.end) for q in view.quantities[sid]) and bool(
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
            if not per_credit and q.kind in MONEY and q.per is None and _EACH.match(text, q.end):
                lo, _ = self.clause_of(view, sid, q.start)
                per_credit = bool(_CREDIT_NAMED.search(text, lo, q.start))
            block = _PER_N_CREDITS.match(text, q.end) if q.kind in MONEY else None
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
            if per_credit and q.kind in MONEY and q.value > 0:
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
                or not kinds & set(MONEY)
                or not self.linked(text, a, b)
            ):
                continue
            cr, money = (a, b) if a.kind == "credits" else (b, a)
            if a.high > a.value or b.high > b.value:
                continue  # | ~5-20 积分 | ~¥3.5-14 |: spans, an estimate of cost, no rate of exchange
            if (
                self.ctx.purchased(text, a)
                or self.ctx.purchased(text, b)
                or self.plan_fee(text, money)  # "$28/month gets you 3,000 credits": a plan's allowance
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

    def plan_fee(self, text: str, money: Quantity) -> bool:
        """Is ``money`` a plan's fee ($28/month, 会员月费68元), not one unit of money (1元10积分)?"""
        near = text[max(0, money.start - 6) : money.end + 8]
        return money.value != 1 and (
            bool(self.plan_re.search(near)) or BY_PERIOD.match(text, money.end) is not None
        )

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
