"""The scanner of quantities: every amount of credits, money, time, percent and resolution in a
text, found in one regex pass, each as a :class:`~ingest.extract.numbers.Quantity` (its numerals
read by ``parse_number``).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.numbers import (
    ARABIC,
    CN,
    CN_CHARS,
    OPTION_TAIL,
    Quantity,
    Range,
    numerals,
    options_before,
    parse_number,
)

log = logging.getLogger(__name__)

# how far a numeral may run before its unit: longer ones are no exact number anyway, and an
# unbounded look-ahead from every digit of a long digit run was quadratic
_MAX_NUMERAL = 40
_SCI_BEFORE_RE = re.compile(r"[0-9.][eE][+-]?$")
_NAME_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_SPACES = re.compile(r"\s+")
_LEADING_ZERO = re.compile(r"0\d+")
_SPACED_JIAO = re.compile(r" (\d)(?=\s*(?:$|[，。,;；!！?？)）\n]))")


_RISE_FROM = re.compile(
    r"\b(?:went up|goes up|go up|rose|rises|increased|raised|jumped|climbed|bumped up|hiked)\s+from\s*$"
)


# (not "2 minutes and 10 second clips took…": a clip's length after the time)
_SECONDS_AFTER = re.compile(
    r"\s*(?:钟)?\s*(?:and\s+|零|又)?(\d{1,2})\s*(?:秒钟?|s|secs?|seconds?)(?![a-z])"
    r"(?![\s-]*(?:clips?|videos?|shots?|ones?|generations?|previews?|drafts?|outputs?)\b)"
)
# the minutes after hours in one time (2小时50分钟, 2 hours 50 minutes, 2 hrs. 50 mins, 1 hour and 5 min);
# a full stop only after an abbreviated unit (not "took 1 hour. 5 minutes later…")
_MINUTES_AFTER = re.compile(
    r"(?:(?<=\bhrs)\.|(?<=\bhr)\.)?\s*(?:and\s+|零|又)?(\d{1,2})\s*(?:分钟|分(?![之辨])|mins?\b|minutes?\b)"
)


# 扣 25 點, 消耗100点, 有 1000 点: credits called 点 (after t2s), read only after a verb of spending or giving
_BARE_POINTS = re.compile(
    r"(?:扣|扣除|消耗|花|花费|花掉|用掉|耗费|需要|要|送|给|有)\s*(\d[\d,]*)\s*点(?![钟半多前后左右])"
)


# what a price per minute may rent instead of buy video (GPU time, a queue, a server)
_COMPUTE_NEAR = re.compile(
    r"gpu|compute|queue|server|instance|rental|rent|算力|显卡|服务器|实例|租用|租赁|排队|按分钟计费|按.{0,8}分钟计费",
    re.I,
)


class QuantityScanner:
    """All quantities of a text in one regex pass.

    One number-first pattern (optional prefix, number, optional range, unit,
    qualifier, per-unit suffix) instead of one alternative per kind: the number
    is tried once per position and the unit decides the kind.
    """

    def __init__(self, lex: Lexicon) -> None:
        self.nums = numerals(lex)
        self._numbers: dict[str, Range | None] = {}  # numeral -> parse_number's range (see _num)
        self.credit_units = {k.lower(): str(v) for k, v in lex.mapping("units", "credits").items()}
        self.res_map = {k.lower(): str(v) for k, v in lex.mapping("units", "resolutions").items()}
        self.second_units = set(lex.words("units", "seconds"))
        self.minute_units = set(lex.words("units", "minutes"))
        self.hour_units = set(lex.words("units", "hours"))
        self.unit_kind: dict[str, str] = {}
        for kind, words in (
            ("cny", lex.words("units", "cny")),
            ("usd", lex.words("units", "usd")),
            ("cent", lex.words("units", "usd_cents")),
            ("jiao", lex.words("units", "cny_jiao")),
            ("time", lex.words("units", "seconds")),
            ("time", lex.words("units", "minutes")),
            ("time", lex.words("units", "hours")),
            ("credits", list(self.credit_units)),
            ("pct", ["%", "个百分点"]),
            ("disc", ["折"]),
            ("res", ["p", "k"]),
        ):
            for w in words:
                self.unit_kind.setdefault(w.replace(" ", ""), kind)
        foreign = alt(lex.words("units", "foreign_before"), bound_start=False)
        # 新台币 30 元, NT$300, HK$12: a currency neither CNY nor USD stands before the number
        # a dollar sign after a short letter code (A$, C$, HK$, R$) is another country's; after a word
        # a flattened table ran into its cell (Normal$0.28), it is a plain dollar
        self.foreign_re = re.compile(
            rf"(?:(?:{foreign})\s*(?:约|大约|大概|about)?\s*|(?<![a-z0-9])[a-z]{{1,2}})\Z"
        )
        self.prefix_kind = {w: "cny" for w in lex.words("units", "cny_prefix")}
        self.prefix_kind.update({w: "usd" for w in lex.words("units", "usd_prefix")})
        self.prefix_kind["百分之"] = "pct"
        quals = {q: lex.words("qualifiers", q) for q in ("max", "min", "about")}
        self.qual_of = {w.replace(" ", ""): q for q, ws in quals.items() for w in ws}
        all_quals = [w for ws in quals.values() for w in ws]
        english = list(self.nums.words)  # the lexicon's words and their compounds
        word_nums = alt(english)
        units = alt(list(self.unit_kind) + ["分"], bound_start=False, bound_end=False)
        time_units = alt(
            lex.words("units", "minutes") + lex.words("units", "seconds") + lex.words("units", "hours"),
            bound_start=False,
        )
        # an English number word needs a time or credit unit after it, or a range to one (two to three
        # minutes, two hundred credits, a twenty-five-credit render)
        credit_units = alt(list(self.credit_units), bound_start=False)
        word_next = rf"(?=(?:\s*(?:-|to)\s*(?:{word_nums}))?\s*-?\s*(?:{time_units}|{credit_units}))"
        # a vague count ("a few", "several", 数) only before a unit of time: a few minutes, 数小时
        # (数 only after a word of taking or waiting: 参数秒杀 holds no time)
        latin = alt([w for w in self.nums.vague if w.isascii()], bound_start=False)
        cjk = alt([w for w in self.nums.vague if not w.isascii()], bound_start=False)
        vague_next = rf"(?=\s*(?:个\s*)?(?:{time_units}))"
        vague = (
            rf"(?<![a-z])(?:{latin}){vague_next}"
            rf"|(?<=[需要等花了用耗近约过达经是跑\s，,、（(])(?:{cjk}){vague_next}"
        )
        num = rf"(?:{ARABIC}|{CN}|(?:{word_nums}){word_next}|{vague})"
        sec = alt(lex.words("units", "seconds"), bound_start=False)
        minute = alt(lex.words("units", "minutes"), bound_start=False)
        item = alt(lex.words("context", "item_suffix"), bound_start=False)

        credit = alt(list(self.credit_units), bound_start=False)

        # "/条", "/秒", "per second", "per 5-second clip", "每条", "/extra s", "/credit"
        def per(p: str) -> str:
            return (
                rf"(?:\s*(?:/|每|per\s+|a\s+|each\s+)\s*(?:extra\s+|additional\s+|额外)?"
                rf"(?:(?P<{p}pn>\d+(?:\.\d+)?)\s*-?\s*(?:{sec})\s*)?"
                rf"(?:(?P<{p}pmin>(?:{minute})(?![a-z]))|(?P<{p}per>{sec}|{item})|(?P<{p}pcr>{credit})))?"
            )

        currency = [w for w, k in self.prefix_kind.items() if k in ("cny", "usd")]
        self.regex = re.compile(
            # 2分30秒, 1 min 30 s: minutes and seconds in one amount
            r"(?P<mm>\d{1,3})\s*(?:分钟?|min(?:ute)?s?|m)\s*(?P<ss>\d{1,2})\s*(?:秒钟?|s(?:ec(?:ond)?s?)?)(?![a-z])"
            rf"|百分之(?P<pctn>{num})"
            rf"|(?:(?P<pre>{alt(list(self.prefix_kind) + all_quals)})\s*)?(?P<n>{num})"
            # (a range never runs over a line break before its dash: "$0.09\n- 8s: $0.18" is a list of
            # two; a line ending on the dash, "10 -\n35 credits", goes on)
            rf"(?:[^\S\n]*(?:-|~|～|到|至|—|to)\s*(?P<n2>{num}))?"
            # 20多分钟, 一个多小时, 一个半小时: more than the number, or half a unit more; a unit run into
            # the "per" of the next cell of a flattened table (720Pper second$0.09) still ends there
            # (each run of spaces belongs to one optional part: four bare \s* in a row had split a run of
            # spaces every way, cubic in its length)
            rf"(?:\s*(?P<mid>个多|个半|多|余|\+))?(?:\s*(?:个|点))?(?:\s*(?P<de>的))?(?:\s*-)?\s*(?P<tot>total\s+)?[\"\u201c\u300c]?(?P<u>(?:{units})(?:(?<![a-z0-9])|(?!(?!per\s)[a-z])))"
            rf"(?P<tail>多钱|多|半|钱|(?<=[块元])\d(?!\d)|\s+and\s+a\s+half)?"
            rf"(?:\s*(?P<post>{alt(all_quals, bound_start=False)}))?{per('')}"
            rf"|(?P<cp>{alt(currency)})\s*(?P<cn>{ARABIC})(?:[^\S\n]*[-–~～]\s*(?P<cn2>{ARABIC})(?!\d|\.\d))?{per('c')}"
            rf"|(?P<res>超清|全高清)"
        )
        # Where an amount can start, each scan opening with a character class or a literal
        # trie (fast in ``re``) and looking ahead just far enough to skip the many numerals
        # that start no amount (一个人, 三组图, 万相): a numeral run, then a unit, a range or
        # 个/点/的 must follow; a prefix or qualifier word (约, 不到, about) needs a number after
        # it; an English number word (a, two) a time unit; or 百分之, 超清, 全高清.
        joins = ["分", "-", "~", "～", "到", "至", "—", "to", "个", "点", "的", "多", "余", "+"]
        nxt = {w[0] for w in [*self.unit_kind, *joins]}
        follow = "".join(sorted(re.escape(c) for c in nxt))
        self.first_char = re.compile(  # one character class first, so ``re`` skips ahead on it
            rf"[$¥￥0-9{CN_CHARS}超全](?:(?<=[$¥￥])|(?<=[0-9{CN_CHARS}])(?=[0-9,.{CN_CHARS}点]{{0,{_MAX_NUMERAL}}}\s?[万千亿]?\s*[{follow}])"
            rf"|(?<=百)(?=分之)|(?<=超)(?=清)|(?<=全)(?=高清))"
        )
        self.first_word = WordScanner(
            list(self.prefix_kind) + all_quals,
            bound_end=False,
            suffix=rf"(?=\s*(?:[0-9{CN_CHARS}]|{word_nums}))",
        )
        self.first_word_num = WordScanner(english, suffix=word_next)
        self.first_vague = WordScanner(list(self.nums.vague), suffix=vague_next)

    def scan(self, text: str) -> list[Quantity]:
        """Quantities of ``text``, leftmost first.

        Only positions where an amount can start are tried (see ``first_char``,
        ``first_word``, ``first_word_num``, ``first_vague``); those scans are far faster than the
        full pattern.
        """
        starts = sorted(
            {m.start() for m in self.first_char.finditer(text)}
            | {m.start() for m in self.first_word.finditer(text)}
            | {m.start() for m in self.first_word_num.finditer(text)}
            | {m.start() for m in self.first_vague.finditer(text)}
        )
        out: list[Quantity] = []
        last = 0
        for pos in starts:
            if pos < last:
                continue
            m = self.regex.match(text, pos)
            if m is None:
                continue
            last = m.end()
            q = self._read(m)
            if q is not None:
                last = max(last, q.end)
                if (
                    (q.kind == "time" and q.unit == "s")
                    or (q.kind == "credits" and q.per is None and not q.plus)
                ) and text[q.start - 1 : q.start].strip() in OPTION_TAIL:
                    out += options_before(text, q, out[-1].end if out else 0)
                out.append(q)
        if "点" in text:
            out = self._bare_points(text, out)
        return out

    @staticmethod
    def _bare_points(text: str, out: list[Quantity]) -> list[Quantity]:
        """Credits written as a bare 点 (扣 25 點, 消耗100点): a credit only after a verb of spending or
        giving, since 点 alone is also a clock time (3点) or "a little" (一点)."""
        extra = [
            Quantity(
                "credits",
                m.start(1),
                m.end(),
                float(m.group(1).replace(",", "")),
                float(m.group(1).replace(",", "")),
                unit="点",
            )
            for m in _BARE_POINTS.finditer(text)
            if not any(q.start <= m.start(1) < q.end for q in out)
        ]
        return sorted(out + extra, key=lambda q: q.start) if extra else out

    def _num(self, s: str | None) -> Range | None:
        if not s:
            return None
        try:  # the same few numerals recur in every document: each is read once
            return self._numbers[s]
        except KeyError:
            rng = self._numbers[s] = parse_number(s, self.nums)
            if len(self._numbers) > 4096:
                self._numbers.clear()
            return rng

    def _per(self, m: re.Match[str], q: Quantity, p: str = "") -> Quantity:
        if m.group(f"{p}pcr"):  # "$0.01/credit": what one credit costs
            q.per = "credit"
            return q
        if m.group(f"{p}pmin"):  # "$4.20/分钟", "$3 per minute": a minute of video is what it buys
            q.per = "item"
            # (not when rented: $0.05 per minute of GPU time, 按0.02元/分钟计费 buy no clip)
            if not _COMPUTE_NEAR.search(m.string, max(0, m.start() - 16), min(len(m.string), m.end() + 24)):
                q.per_seconds = 60.0
            return q
        unit = m.group(f"{p}per")
        if unit:
            n = self._num(m.group(f"{p}pn"))
            if n is not None:
                q.per, q.per_seconds = "item", n[0]
            elif unit.strip() in self.second_units:
                q.per, q.per_seconds = "second", 1.0
            else:
                q.per = "item"
        return q

    def _read(self, m: re.Match[str]) -> Quantity | None:
        if m.group("mm"):
            v = int(m.group("mm")) * 60.0 + int(m.group("ss"))
            return Quantity("time", m.start(), m.end(), v, v, unit="s")
        if m.group("res"):
            return Quantity(
                "resolution", m.start(), m.end(), 0, 0, unit=self.res_map.get(m.group("res"), "1080p")
            )
        before = m.string[max(0, m.start() - 3) : m.start()]
        if ("e" in before or "E" in before) and _SCI_BEFORE_RE.search(before):
            return None  # the exponent of 1e999: the number written is not this one
        if m.group("pctn"):
            n = self._num(m.group("pctn"))
            return Quantity("percent", m.start(), m.end(), n[0], n[1]) if n else None
        if m.group("cp"):  # $0.50, ¥20: the currency stands before the amount
            if self._foreign(m):
                return None
            n = self._num(m.group("cn"))
            if n and m.group("cn2"):  # $200-1,000: a range, low to high
                n2 = self._num(m.group("cn2"))
                n = (n[0], n2[1]) if n2 and n2[1] > n[0] else n
            cur = self.prefix_kind[_SPACES.sub("", m.group("cp"))]
            return self._per(m, Quantity(cur, m.start(), m.end(), n[0], n[1], unit=cur), "c") if n else None
        pre = (m.group("pre") or "").replace(" ", "")
        unit = (m.group("u") or "").replace(" ", "")
        kind = self.unit_kind.get(unit) or ("time" if unit == "分" else None)
        pre_kind = self.prefix_kind.get(pre)
        if pre_kind == "pct":
            kind, unit = "pct", "%"
        elif pre_kind and kind not in ("cny", "usd", "cent", "jiao"):
            if unit or m.group("de"):
                return None
            kind = pre_kind
        if kind is None or (kind != "credits" and (m.group("de") or m.group("tot"))):  # 60 total credits
            return None
        if m.group("mid") == "+" and kind != "time":
            return None  # 30+ minutes is at least 30; 100+ credits, a count of anything else, is no amount
        if unit == "刀" and (
            not (m.group("n") or "")[:1].isdigit() or m.string[max(0, m.start() - 1) : m.start()] == "第"
        ):
            return None  # 30刀 is $30; 一刀切, 砍两刀, 第3刀 are no money
        if kind == "credits" and (
            (m.group("de") and "." in (m.group("n") or ""))
            or (not pre and _NAME_BEFORE_RE.search(m.string, max(0, m.start() - 2), m.start()))
        ):
            return None  # 可灵2.1的积分, Gen-4积分, Q2的积分: a model's version, not an amount of credits
        if (m.group("n") or "").startswith("0") and _LEADING_ZERO.fullmatch(m.group("n")):
            return None  # 02, 007: a version or a code, never an amount
        n = self._num(m.group("n"))
        if not n:
            return None
        s, e = m.span()
        if kind == "res":
            label = f"{m.group('n')}{unit}"
            return (
                Quantity("resolution", s, e, 0, 0, unit=self.res_map[label])
                if label in self.res_map
                else None
            )
        if kind == "pct":
            return Quantity("percent", s, e, n[0], n[1])
        if kind == "disc":
            if not 0 < n[0] < 10 or (m.string[e : e + 1] in "腾叠射服" and m.string[e : e + 1]):
                return None
            return Quantity(
                "percent", s, e, round(100 - n[0] * 10, 1), round(100 - n[0] * 10, 1), unit="discount"
            )
        n2 = self._num(m.group("n2"))
        if n2 and (n2[1] < n[0] or _RISE_FROM.search(m.string, max(0, s - 30), s)):
            # "from 35 to 20 credits", 从10到6元, "went up from 10 to 15 credits": a change; the amount is
            # the new one (a rising pair without a verb of change is a range: from 10 to 35 credits)
            s, n, n2 = m.start("n2"), n2, None
        if kind == "credits":  # "10-35 credits": a range, low to high; "20多积分": more than 20
            return self._per(
                m,
                Quantity(
                    "credits",
                    s,
                    e,
                    n[0],
                    n2[1] if n2 else n[1],
                    unit=self.credit_units.get(unit, unit),
                    plus=(m.group("mid") or "") in ("多", "余", "个多"),
                ),
            )
        if kind == "time":
            return self._time(m, n, unit, pre)
        return self._money(m, n, kind, unit)

    def _foreign(self, m: re.Match[str]) -> bool:
        """NT$300, HK$12, 新台币30元: an amount in a currency that is neither CNY nor USD."""
        return bool(self.foreign_re.search(m.string[max(0, m.start() - 8) : m.start()]))

    def _money(self, m: re.Match[str], n: Range, kind: str, unit: str) -> Quantity | None:
        if self._foreign(m):
            return None
        s, e = m.span()
        scale = {"cent": 0.01, "jiao": 0.1}.get(kind, 1.0)
        if kind == "jiao":  # 两毛钱: tenths of a yuan
            kind, unit = "cny", "cny"
        value, plus = round(n[0] * scale, 10), (m.group("mid") or "") in ("多", "余", "个多")
        tail = m.group("tail") or ""
        if kind == "cny":
            nxt = m.string[m.end("u") : m.end("u") + 1] if m.group("u") else ""
            prv = m.string[s - 1 : s] if s else ""
            if (
                unit == "块"
                and not tail
                and ("\u4e00" <= nxt <= "\u9fff" or prv in ("在", "到", "成", "这", "那"))
            ):
                return None  # 一块屏幕, 放在一块: a measure word, not money
            spaced = _SPACED_JIAO.match(m.string, e) if unit == "块" and not tail else None
            if tail == "半":
                value += 0.5
            elif tail.isdigit():
                value += int(tail) / 10
            elif spaced:  # "2 块 5": two and a half yuan, the tenths after a space
                value += int(spaced.group(1)) / 10
                e = spaced.end(1)
            plus = plus or tail.startswith("多")
        elif tail:
            e = m.start("tail")
        n2 = self._num(m.group("n2"))  # "20-30元": a range, low to high
        return self._per(
            m,
            Quantity(
                "usd" if kind == "cent" else kind,
                s,
                e,
                value,
                max(value, round((n2[1] if n2 else n[1]) * scale, 10)),
                unit="usd" if kind == "cent" else kind,
                plus=plus,
            ),
        )

    def _time(self, m: re.Match[str], n: Range, unit: str, pre: str) -> Quantity | None:
        secs = _SECONDS_AFTER.match(m.string, m.end()) if unit in self.minute_units or unit == "分" else None
        if secs and n[0] == n[1]:  # 1分13秒, 2 min 41 s: one time in two units
            v = n[0] * 60.0 + int(secs.group(1))
            return Quantity("time", m.start(), secs.end(), v, v, unit="s")
        mins = _MINUTES_AFTER.match(m.string, m.end()) if unit in self.hour_units else None
        pre_qual = self.qual_of.get(pre)
        if (
            mins
            and not m.group("n2")  # (1-2 hours 30 minutes: a range, read as before)
            and not (m.group("tail") or m.group("mid") or m.group("post"))
            and pre_qual in (None, "about")  # (under 1 hour 20 minutes: a bound)
            and int(mins.group(1)) < 60
        ):
            v = n[0] * 3600.0 + int(mins.group(1)) * 60.0  # 2小时50分钟: one time in two units
            return Quantity("time", m.start(), mins.end(), v, v, unit="min", qual=pre_qual)
        if unit == "分" and not re.match(
            r"多|半|钟|左右|以内|内|不到", m.string[m.end("u") : m.end("u") + 2]
        ):
            return None  # 打8分: a score
        label = "h" if unit in self.hour_units else ("s" if unit in self.second_units else "min")
        mult = {"h": 3600.0, "s": 1.0, "min": 60.0}[label]
        lo, hi = n[0] * mult, n[1] * mult
        if (m.group("n") or "").strip() == "几":  # 几分钟, 几个小时: a few, read as two to five
            hi = 5 * mult
        tail = (m.group("tail") or "").strip()
        mid = m.group("mid") or ""
        if tail == "半" or tail.endswith("half") or mid == "个半":
            lo, hi = lo + mult / 2, hi + mult / 2
        n2 = self._num(m.group("n2"))
        if n2:
            hi = n2[1] * mult
        post = (m.group("post") or "").replace(" ", "") or ("多" if tail.startswith("多") else "")
        qual = self.qual_of.get(post) or self.qual_of.get(pre)
        if "max" in (self.qual_of.get(post), self.qual_of.get(pre)):
            qual = "max"
        plus = post in ("多", "多一点", "出头", "开外") or mid in ("多", "余", "个多")
        if mid == "+" and qual is None:
            qual = "min"  # 30+ minutes: at least 30, with no bound above (30多分钟 is 30-odd)
        if mid in ("多", "余") and n[0] >= 10 and n[0] % 10 == 0 and not n2:
            hi, plus = lo + 10 * mult, False  # 20多分钟: twenty-odd minutes, 20 to 30
        return Quantity("time", m.start(), m.end(), lo, hi, unit=label, qual=qual, plus=plus)


@lru_cache(maxsize=4)
def scanner(lex: Lexicon) -> QuantityScanner:
    return QuantityScanner(lex)
