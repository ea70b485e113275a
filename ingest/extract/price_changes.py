"""Price changes: a cut or rise of a model's price (降价65%, 20% cheaper than X, down from $0.75).

A percent is a price change when its sentence is about price (a price word before it, or a
change word in its clause: 降价, 便宜, cheaper) and a direction word is nearest to it
(降低, down, "20% more than"); a discount on a membership is a plan's promotion, none.
Two prices of one thing told as old and new ("$0.40 (down from $0.75)", 从10元降到6元, 从70灵感值降到
35灵感值) give
the percent derived, and the old one is no current price.
"""

from __future__ import annotations

import re

from ingest.extract.numbers import Quantity
from ingest.extract.prices import PriceRules
from ingest.extract.section import Draft, SectionView

_MONEY = ("cny", "usd")


def _other_offer(a: Quantity, b: Quantity) -> bool:
    """Do two amounts price different things (per second and per 8-second clip), each saying what?"""
    return bool(a.per and b.per and a.per != b.per) or bool(
        a.per_seconds and b.per_seconds and a.per_seconds != b.per_seconds
    )


_RANGE_VERB = re.compile(r"\b(?:runs?|ranges?|ranging|varies|vary|varying|spans?|spanning)\s+from\s*$")
# "以仅 20% 的成本", "at only 20% of the cost": the price is that share of the other's, 80% lower
_SHARE_BEFORE = re.compile(r"(?:仅|只需|只要|仅需|only|just)\s*$", re.I)
_SHARE_AFTER = re.compile(r"\s*(?:的\s*)?(?:成本|价格|费用|售价)|\s*of\s+the\s+(?:cost|price)\b", re.I)
_BARE_OLD = re.compile(
    r"[\s,，(（]*(?:down|up|reduced|cut|lowered|raised|dropped|increased)\s+from\s+\$?(\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*%)"
)
# "dropped from 35 to 20 credits": the old amount written bare before the new one; a change verb
# says so (an ascending pair alone is a range: from 10 to 35 credits)
_BARE_FROM = re.compile(
    r"(?P<verb>\b(?:went|go(?:es)?|dropped|drops|fell|falls|cut|lowered|reduced|slashed|raised|rose|rises|"
    r"increased|jumped|climbed|moved|changed|dropping|falling|rising)\s+(?:down\s+|up\s+)?)?from\s+[$¥￥]?"
    r"(?P<old>\d[\d,]*(?:\.\d+)?)\s+(?:down\s+|up\s+)?to\s+$"
)
_READER_SAVES = re.compile(
    r"(?:可以|能够|能|可|帮你|帮助你|助你|让你)\s*(?:节省|省下|省去|省掉)"
    r"|\b(?:you can|you could|you'll|you will|helps? you|lets? you|can help you) save\b"
)
# a price moved by its seller (降价, 下调, cut prices): a saving told after it is that cut
_PRICE_MOVED = re.compile(
    r"降价|涨价|提价|调价|减价|下调|上调|打折|折扣|\b(?:price cuts?|cuts? (?:its |the )?prices?|price drops?|"
    r"lowered|reduced (?:its |the )?prices?|discount(?:ed|s)?)\b"
)
_MORE_AFTER = re.compile(r"\s*more\b\s*(?:$|[.,;:!?)，。；]|than\b|per\b|for\b|to\b)")
_MORE_THAN = re.compile(r"\bmore\s+than\b")


# a share of a resource, not of a price (costs 50% less compute, 少用 30% 的显存)
_RESOURCE_AFTER = re.compile(
    r"\s*(?:less|more|fewer|lower|higher)?\s*(?:of\s+)?(?:the\s+)?"
    r"(?:compute|computing|vram|gpu memory|memory|gpus?|power|energy|electricity|tokens?)\b"
    r"|\s*(?:的)?(?:显存|算力|内存|电力|功耗|token)",
    re.I,
)


class ChangeRules:
    def __init__(self, prices: PriceRules) -> None:
        self.p = prices  # the clause and context words prices read
        self.down_re = re.compile(prices.lex.alt("context", "down"))
        self.up_re = re.compile(prices.lex.alt("context", "up"))

    def changes(self, view: SectionView, sid: int) -> list[Draft]:
        if not any(q.kind == "percent" for q in view.quantities[sid]):
            return []
        text = view.cue_text
        sent = view.sentences[sid]
        out: list[Draft] = []
        for q in view.quantities[sid]:
            if q.kind != "percent":
                continue
            lo, hi = self.p.clause_of(view, sid, q.start)
            priced = (
                self.p.price_word_re.search(text, sent.start, hi)
                or self.p.change_word_re.search(text, lo, hi)
                or q.unit == "discount"
            )
            # 首月5折, a discount on a membership: a promotion of a plan, no change of a model's price
            promo = self.p.plan_re.search(text, sent.start, sent.end) and not self.p.per_item_re.search(
                text, sent.start, sent.end
            )
            if (
                not priced
                or promo
                or (self.p.speed_re.search(text, lo, hi) and not self.p.price_word_re.search(text, lo, hi))
                or _RESOURCE_AFTER.match(text, q.end)
                or (
                    _READER_SAVES.search(text, lo, q.start)
                    and not _PRICE_MOVED.search(text, sent.start, sent.end)
                )
            ):
                continue  # (选择正确的工具可以节省90%的成本: what a reader's choice saves, no price changed)
            share = (
                q.unit != "discount"
                and q.value < 100
                and _SHARE_BEFORE.search(text, max(lo, q.start - 8), q.start) is not None
                and _SHARE_AFTER.match(text, q.end) is not None
            )
            direction = "down" if q.unit == "discount" or share else self._direction(text, lo, hi, q)
            if direction is None:
                continue
            subj = view.subject(sid, lo, hi, q.start)
            if subj is None:
                continue
            for name in subj.models:
                fields: dict[str, object] = {
                    "percent": 100 - q.value if share else q.value,
                    "direction": direction,
                }
                if subj.versus and subj.versus != name:
                    fields["versus"] = subj.versus
                out.append(self._change_draft(lo, hi, name, "price-change", fields))
        return out

    def derived_changes(self, view: SectionView, sid: int) -> tuple[list[Draft], set[int]]:
        """Price changes told as two prices ("$0.40 per second (down from $0.75)", "从10元降到6元"):
        the percent follows from them. The earlier price is no current price: its id is returned."""
        qs = [q for q in view.quantities[sid] if q.kind in _MONEY or q.kind == "credits"]
        text = view.cue_text
        sent = view.sentences[sid]
        if self.p.business_re.search(text, sent.start, sent.end):
            return [], set()  # 单集成本从二万元降至三千元: a production's cost, no model's price
        out: list[Draft] = []
        old_ids: set[int] = set()
        pairs: list[tuple[Quantity, Quantity | tuple[float, int]]] = list(zip(qs, qs[1:], strict=False))
        pairs += [
            (q, v) for q in qs if (v := self._bare_old(text, q, qs) or self._bare_from(text, q)) is not None
        ]
        for a, b in pairs:
            if isinstance(b, tuple):  # "20 credits, down from 35": the old amount without its unit
                lo, hi = self.p.clause_of(view, sid, a.start)
                self._derive(view, sid, lo, max(hi, b[1]), a, b[0], out)
                continue
            gap = text[a.end : b.start]
            if a.kind != b.kind or len(gap) > 24 or _other_offer(a, b):
                continue  # "from $0.40/sec … to $0.046 per 8-second clip": two offers, not one price moving
            if _RANGE_VERB.search(text, max(sent.start, a.start - 24), a.start):
                continue  # "prices run from $0.40 to $0.05": a range of offers
            if self.p.new_then_old_re.search(gap):
                new, old = a, b
            elif self.p.old_then_new_re.search(gap) and self.p.from_re.search(
                text, max(0, a.start - 6), a.start
            ):
                old, new = a, b
            else:
                continue
            if old.value <= 0 or old.value == new.value:
                continue
            lo, hi = self.p.clause_of(view, sid, a.start)
            if self._derive(view, sid, lo, max(hi, b.end), new, old.value, out):
                old_ids.add(id(old))
        return out, old_ids

    @staticmethod
    def _bare_old(text: str, q: Quantity, qs: list[Quantity]) -> tuple[float, int] | None:
        """The old amount written bare after a new one ("20 credits, down from 35"), when no
        amount of its own is read there."""
        m = _BARE_OLD.match(text, q.end)
        if m is None or any(x.start <= m.start(1) < x.end for x in qs):
            return None
        return float(m.group(1).replace(",", "")), m.end(1)

    @staticmethod
    def _bare_from(text: str, q: Quantity) -> tuple[float, int] | None:
        """The old amount written bare before a new one ("dropped from 35 to 20 credits")."""
        lo = max(0, q.start - 60)
        if text.find("from", lo, q.start) < 0:  # the pattern opens with an optional \b: cheap test first
            return None
        m = _BARE_FROM.search(text, lo, q.start)
        if m is None:
            return None
        old = float(m.group("old").replace(",", ""))
        if m.group("verb") is None and old <= q.value:
            return None  # from 10 to 35 credits: a range
        return old, q.start

    def _derive(
        self, view: SectionView, sid: int, lo: int, hi: int, new: Quantity, old: float, out: list[Draft]
    ) -> bool:
        if old <= 0 or old == new.value:
            return False
        subj = view.subject(sid, lo, hi, new.start)
        if subj is None:
            return False
        percent = round(abs(old - new.value) / old * 100, 2)
        direction = "down" if new.value < old else "up"
        for name in subj.models:
            fields = {"percent": percent, "direction": direction}
            out.append(self._change_draft(lo, hi, name, "price-change-derived", fields))
        return True

    def _change_draft(self, lo: int, hi: int, name: str, rule: str, fields: dict[str, object]) -> Draft:
        return Draft("price_change", lo, hi, name, None, rule, self.p.lex.confidence("price_change"), fields)

    def _direction(self, text: str, lo: int, hi: int, q: Quantity) -> str | None:
        if _MORE_THAN.search(text[q.start : q.end]):  # "costs 20% more than V4.5"
            return "up"
        if _MORE_AFTER.match(text, q.end, hi + 1):  # "costs 20% more." (not "20% more frames")
            return "up"
        best: tuple[int, str] | None = None
        for word_re, label in ((self.down_re, "down"), (self.up_re, "up")):
            for m in word_re.finditer(text, lo, hi):
                # a word the amount holds ("20% more than": its qualifier) is nearest of all
                inside = q.start <= m.start() < q.end
                dist = 0 if inside else (q.start - m.end() if m.end() <= q.start else m.start() - q.end)
                if dist >= 0 and (best is None or dist < best[0]):
                    best = (dist, label)
        return best[1] if best else None
