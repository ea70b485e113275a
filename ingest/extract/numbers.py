"""Numbers and quantities as reviewers write them.

``parse_number`` reads Arabic (12,000 / 1.5万), Chinese (两 / 十几 / 一两 / 三点五)
and English (two, a, half) numerals into a (low, high) range. ``QuantityScanner``
finds every amount of credits, money, time, percent and resolution in a text in
one regex pass, each as a :class:`Quantity`.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.lexicon import Lexicon, alt

log = logging.getLogger(__name__)

Range = tuple[float, float]
_CN_CHARS = "零〇一二两俩三四五六七八九十百千万亿几"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?[万千亿])?"
_CN = rf"(?<![这那哪第每])[{_CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
_ARABIC_RE = re.compile(r"([\d,]+(?:\.\d+)?)\s?([万千亿])?")


@dataclass(frozen=True)
class Numerals:
    digits: dict[str, int]
    multipliers: dict[str, int]
    words: dict[str, float]


def numerals(lex: Lexicon) -> Numerals:
    return Numerals(
        digits={k: int(v) for k, v in lex.mapping("numbers", "digits").items()},
        multipliers={k: int(v) for k, v in lex.mapping("numbers", "multipliers").items()},
        words={k: float(v) for k, v in lex.mapping("numbers", "words").items()},
    )


def _cn_integer(s: str, nums: Numerals) -> float | None:
    """Value of a Chinese integer such as 一千二百 / 十五 / 两 (no 几)."""
    if not s:
        return None
    if all(ch in nums.digits for ch in s) and len(s) > 1:  # digit by digit: 二〇二五
        return float("".join(str(nums.digits[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in nums.digits:
            digit = nums.digits[ch]
        elif ch in nums.multipliers:
            mult = nums.multipliers[ch]
            if mult >= 10000:
                total = (total + section + (digit or 0)) * mult
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * mult
                digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _cn_range(s: str, nums: Numerals) -> Range | None:
    if "几" in s:  # 十几 -> 11..19, 几十 -> 20..90, 几 -> 2..9
        lo = _cn_integer(s.replace("几", "二"), nums)
        hi = _cn_integer(s.replace("几", "九"), nums)
        return (lo, hi) if lo is not None and hi is not None else None
    if len(s) == 2 and all(ch in nums.digits for ch in s):  # 一两, 三四: an approximate pair
        a, b = nums.digits[s[0]], nums.digits[s[1]]
        if b == a + 1 or (a == 1 and b == 2):
            return float(a), float(b)
    v = _cn_integer(s, nums)
    return (v, v) if v is not None else None


def parse_number(text: str, nums: Numerals) -> Range | None:
    """(low, high) of a numeral; low == high unless it is vague (十几, 一两)."""
    s = text.strip().lower()
    if not s:
        return None
    if s in nums.words:
        return nums.words[s], nums.words[s]
    if s == "半":
        return 0.5, 0.5
    m = _ARABIC_RE.fullmatch(s)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        if m.group(2):
            v *= nums.multipliers.get(m.group(2), 1)
        return v, v
    whole, _, frac = s.partition("点")
    rng = _cn_range(whole, nums)
    if rng is None:
        return None
    if frac:
        digits = "".join(str(nums.digits.get(ch, "")) for ch in frac)
        if not digits:
            return None
        add = float("0." + digits)
        return rng[0] + add, rng[1] + add
    return rng


@dataclass(slots=True)
class Quantity:
    """An amount found in text: what it measures, its value and where it sits."""

    kind: str  # credits | cny | usd | time | percent | resolution | discount
    start: int
    end: int
    value: float
    high: float
    unit: str = ""  # credit unit; s / min / h for time; resolution label; "discount"
    qual: str | None = None  # max | min | about, for time
    plus: bool = False  # "3分多", "一块多": more than value, less than the next unit
    per: str | None = None  # item | second: "/条", "per second"
    per_seconds: float | None = None  # "per 5-second clip"


class QuantityScanner:
    """All quantities of a text in one regex pass."""

    def __init__(self, lex: Lexicon) -> None:
        self.nums = numerals(lex)
        words = alt(lex.words("numbers", "words"))
        num = rf"(?:{_ARABIC}|{_CN}|半|{words})"
        self.credit_units = {k.lower(): str(v) for k, v in lex.mapping("units", "credits").items()}
        cr_units = alt(self.credit_units, bound_start=False)
        cny = alt(lex.words("units", "cny"), bound_start=False)
        cny_pre = alt(lex.words("units", "cny_prefix"))
        usd = alt(lex.words("units", "usd"), bound_start=False)
        usd_pre = alt(lex.words("units", "usd_prefix"))
        cents = alt(lex.words("units", "usd_cents"), bound_start=False)
        self.second_units = set(lex.words("units", "seconds"))
        self.hour_units = set(lex.words("units", "hours"))
        sec = alt(lex.words("units", "seconds"), bound_start=False)
        mins = alt(lex.words("units", "minutes"), bound_start=False)
        hours = alt(lex.words("units", "hours"), bound_start=False)
        self.res_map = {k.lower(): str(v) for k, v in lex.mapping("units", "resolutions").items()}
        res = alt(self.res_map, bound_start=False)
        q_pre = alt(lex.words("qualifiers", "max") + lex.words("qualifiers", "min") + lex.words("qualifiers", "about"))
        q_post = alt(lex.words("qualifiers", "max") + lex.words("qualifiers", "min") + lex.words("qualifiers", "about"),
                     bound_start=False)
        self.qual_of = {w.replace(" ", ""): q for q in ("max", "min", "about") for w in lex.words("qualifiers", q)}
        item = alt(lex.words("context", "item_suffix"), bound_start=False)

        def per(p: str) -> str:  # "/条", "/秒", "per second", "per 5-second clip", "每条"
            return (rf"(?:\s*(?:/|每|per\s+|a\s+|each\s+|一)\s*(?:(?P<{p}_pn>\d+(?:\.\d+)?)\s*-?\s*(?:{sec})\s*)?"
                    rf"(?P<{p}_per>{sec}|{item}))?")

        self.regex = re.compile("|".join([
            rf"(?P<res>(?<![0-9])(?:{res}))",
            rf"(?P<pct>(?P<pctn>{num})\s*(?:%|个百分点)|百分之(?P<pctn2>{num}))",
            r"(?P<disc>(?<![0-9])(?P<discn>\d(?:\.\d)?|[一二三四五六七八九])\s*折(?![腾叠射服])(?:优惠)?)",
            rf"(?P<cr>(?P<crn>{num})\s*(?:个|点)?\s*(?:的)?\s*(?P<cru>{cr_units}){per('cr')})",
            rf"(?P<cnyp>(?:{cny_pre})\s*(?P<cnypn>{num})\s*(?:{cny})?{per('cnyp')})",
            rf"(?P<cny>(?P<cnyn>{num})\s*(?P<cnyplus>多)?\s*(?P<cnyu>{cny})(?P<cnytail>多钱|多|半|钱|\d(?!\d))?"
            rf"{per('cny')})",
            rf"(?P<usdp>(?:{usd_pre})\s*(?P<usdpn>\d[\d,]*(?:\.\d+)?){per('usdp')})",
            rf"(?P<usd>(?P<usdn>{num})\s*(?:{usd}){per('usd')})",
            rf"(?P<cent>(?P<centn>{num})\s*(?:{cents}){per('cent')})",
            rf"(?P<time>(?:(?P<tpre>{q_pre})\s*)?(?P<tn>{num})(?:\s*(?:-|~|～|到|至|—|to)\s*(?P<tn2>{num}))?"
            rf"\s*(?:个)?\s*-?\s*(?P<tu>{hours}|{mins}|分(?=多|半|钟|左右|以内|内|不到)|{sec})"
            rf"(?P<thalf>半)?(?:\s*(?P<tpost>{q_post}))?)",
        ]))

    def scan(self, text: str) -> list[Quantity]:
        out: list[Quantity] = []
        for m in self.regex.finditer(text):
            q = self._read(m)
            if q is not None:
                out.append(q)
        return out

    def _num(self, s: str | None) -> Range | None:
        return parse_number(s, self.nums) if s else None

    def _per(self, m: re.Match[str], p: str, q: Quantity) -> Quantity:
        unit = m.group(f"{p}_per")
        if unit:
            n = self._num(m.group(f"{p}_pn"))
            if n is not None:
                q.per, q.per_seconds = "item", n[0]
            elif unit in ("秒", "s", "sec", "second", "seconds"):
                q.per, q.per_seconds = "second", 1.0
            else:
                q.per = "item"
        return q

    def _read(self, m: re.Match[str]) -> Quantity | None:
        g = m.lastgroup
        s, e = m.span()
        if g == "res":
            return Quantity("resolution", s, e, 0, 0, unit=self.res_map.get(m.group(0).replace(" ", ""), m.group(0)))
        if g == "pct":
            n = self._num(m.group("pctn") or m.group("pctn2"))
            return Quantity("percent", s, e, n[0], n[1]) if n else None
        if g == "disc":
            n = self._num(m.group("discn"))
            if not n or not 0 < n[0] < 10:
                return None
            return Quantity("percent", s, e, round(100 - n[0] * 10, 1), round(100 - n[0] * 10, 1), unit="discount")
        if g == "cr":
            n = self._num(m.group("crn"))
            if not n:
                return None
            unit = self.credit_units.get(re.sub(r"\s+", "", m.group("cru")), m.group("cru"))
            return self._per(m, "cr", Quantity("credits", s, e, n[0], n[1], unit=unit))
        if g in ("cny", "cnyp"):
            return self._money(m, g, "cny", 1.0)
        if g in ("usd", "usdp"):
            return self._money(m, g, "usd", 1.0)
        if g == "cent":
            return self._money(m, g, "usd", 0.01)
        if g == "time":
            return self._time(m)
        return None

    def _money(self, m: re.Match[str], g: str, kind: str, scale: float) -> Quantity | None:
        n = self._num(m.group(f"{g}n"))
        if not n:
            return None
        s, e = m.span()
        value, plus = n[0] * scale, False
        if g == "cny":
            tail = m.group("cnytail") or ""
            unit = m.group("cnyu")
            nxt = m.string[e:e + 1]
            prv = m.string[s - 1:s] if s else ""
            if unit == "块" and not tail and ("\u4e00" <= nxt <= "\u9fff" or prv in ("在", "到", "成", "这", "那")):
                return None  # 一块屏幕, 放在一块: a measure word, not money
            if tail == "半":
                value += 0.5
            elif tail.isdigit():
                value += int(tail) / 10
            plus = bool(m.group("cnyplus")) or tail.startswith("多")
        return self._per(m, g, Quantity(kind, s, e, value, n[1] * scale, unit=kind, plus=plus))

    def _time(self, m: re.Match[str]) -> Quantity | None:
        n = self._num(m.group("tn"))
        if not n:
            return None
        unit = m.group("tu").replace(" ", "")
        label = "h" if unit in self.hour_units else ("s" if unit in self.second_units else "min")
        mult = {"h": 3600.0, "s": 1.0, "min": 60.0}[label]
        lo, hi = n[0] * mult, n[1] * mult
        if m.group("thalf"):
            lo, hi = lo + mult / 2, hi + mult / 2
        n2 = self._num(m.group("tn2"))
        if n2:
            hi = n2[1] * mult
        pre = (m.group("tpre") or "").replace(" ", "")
        post = (m.group("tpost") or "").replace(" ", "")
        qual = self.qual_of.get(post) or self.qual_of.get(pre)
        if self.qual_of.get(post) == "max" or self.qual_of.get(pre) == "max":
            qual = "max"
        plus = post in ("多", "多一点", "出头", "开外")
        return Quantity("time", m.start(), m.end(), lo, hi, unit=label, qual=qual, plus=plus)


@lru_cache(maxsize=4)
def scanner(lex: Lexicon) -> QuantityScanner:
    return QuantityScanner(lex)
