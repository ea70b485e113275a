"""Numbers and quantities as reviewers write them.

``parse_number`` reads Arabic (12,000 / 1.5万), Chinese (两 / 十几 / 一两 / 三点五)
and English (two, a, half) numerals into a (low, high) range. An amount found in
text is a :class:`Quantity` (``QuantityScanner`` in ``quantities.py`` finds them);
the bare numbers listed before a length share its unit.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field

from ingest.extract.lexicon import Lexicon

log = logging.getLogger(__name__)

Range = tuple[float, float]
CN_CHARS = "零〇一二两俩三四五六七八九十百千万亿几"
ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?[万千亿])?"
# the lookbehind sits after the first character so the pattern stays literal-first (fast to scan)
CN = rf"[{CN_CHARS}](?<![这那哪第每].)[{CN_CHARS}]*(?:点[零〇一二三四五六七八九]+)?"
_ARABIC_RE = re.compile(r"([\d,]+(?:\.\d+)?)\s?([万千亿])?")


@dataclass(frozen=True)
class Numerals:
    digits: dict[str, int]
    multipliers: dict[str, int]
    words: dict[str, float]
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)  # before a unit of time only


def english_numbers(lex: Lexicon) -> dict[str, float]:
    """The lexicon's English number words and their compounds: twenty-five, two hundred."""
    words = {k: float(v) for k, v in lex.mapping("numbers", "words").items()}
    ones = {w: v for w, v in words.items() if v in range(1, 10) and w not in ("a", "an")}
    tens = {w: v for w, v in words.items() if v in range(20, 100, 10)}
    for t, tv in tens.items():
        for o, ov in ones.items():
            words[f"{t}-{o}"] = words[f"{t} {o}"] = tv + ov
    for o, ov in [*ones.items(), ("a", 1.0)]:
        words[f"{o} hundred"] = ov * 100
    return words


def numerals(lex: Lexicon) -> Numerals:
    return Numerals(
        digits={k: int(v) for k, v in lex.mapping("numbers", "digits").items()},
        multipliers={k: int(v) for k, v in lex.mapping("numbers", "multipliers").items()},
        words=english_numbers(lex),
        vague={k: (float(v[0]), float(v[1])) for k, v in lex.mapping("numbers", "vague").items()},
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


#: Amounts at or above this are no claim: no review prices anything in quadrillions, and past
#: 15 significant digits a float no longer holds the number that was written.
MAX_EXACT = 1e15


def parse_number(text: str, nums: Numerals) -> Range | None:
    """(low, high) of a numeral; low == high unless it is vague (十几, 一两).

    None when the numeral cannot be read exactly (more than 15 significant digits,
    a value that overflows): such a number is no claim rather than a wrong one.
    """
    try:
        rng = _parse_number(text, nums)
    except OverflowError:
        return None
    if rng is None or not all(math.isfinite(v) and abs(v) < MAX_EXACT for v in rng):
        return None
    return rng


def _parse_number(text: str, nums: Numerals) -> Range | None:
    s = text.strip().lower()
    if not s:
        return None
    if s[:1].isalpha() and (word := " ".join(s.split())) in nums.words:
        return nums.words[word], nums.words[word]
    if (word := " ".join(s.split())) in nums.vague:
        return nums.vague[word]
    if s == "半":
        return 0.5, 0.5
    m = _ARABIC_RE.fullmatch(s)
    if m:
        digits = m.group(1).replace(",", "")
        if len(digits.replace(".", "").lstrip("0")) > 15:
            return None
        try:
            v = float(digits)
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
    per: str | None = None  # item | second | credit: "/条", "per second", "$0.01/credit"
    per_seconds: float | None = None  # "per 5-second clip"
    option: bool = False  # a bare number listed before a length in the same unit (the 4 of "4, 8 or 12 s")


# the options of a length, one unit for all (4, 8, and 12 seconds; 4、6 或 8 秒; 5 / 10s): the bare
# numbers before the unit's number are lengths in that unit too
OPTION_BEFORE = re.compile(
    r"(?<![\d.$¥￥])(\d{1,3})\s*(?:,\s*(?:and|or)|、\s*(?:或者|或|和)?|或者|或|和|/|,|，|or|and)\s*$"
)
OPTION_TAIL = frozenset(("", "、", "或", "和", "/", ",", "，", "r", "d"))


def options_before(text: str, q: Quantity, floor: int) -> list[Quantity]:
    """Bare numbers listed before ``q`` (a time, or credits) with its unit, leftmost first (none past
    ``floor``): "5 or 10 seconds", "20 or 40 credits"."""
    found: list[Quantity] = []
    end = q.start
    while len(found) < 6:
        m = OPTION_BEFORE.search(text, max(floor, end - 16), end)
        if m is None:
            break
        v = float(m.group(1))
        found.append(Quantity(q.kind, m.start(1), m.end(1), v, v, q.unit, q.qual, option=True))
        end = m.start(1)
    return found[::-1]
