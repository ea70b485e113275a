"""Where a text names a model, and which model it means.

Four shapes are found in one regex pass over the normalised text:
brand-led (可灵2.1大师版, Kling 2.1 Master, Runway Gen-4 Turbo, gen-4), bare
versions (2.1版本, 2.1大师版, 1.6像…), tier words on their own (大师版, 高品质模式)
and plurals (两个2.1版本, 2.1两个版本). This module scans for them and holds the
mention records; which model each means is resolved in ``mention_resolve.py``, the
role it plays (yardstick, coordinated) is read in ``mention_roles.py``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.registry import Registry, version_key

log = logging.getLogger(__name__)

# what makes a number after a brand an amount, not a version (可灵 3.5元, Pika 1.5 credits,
# HunyuanVideo 13B parameters, 混元8步, 8 or 12 steps, 8-step)
# a list of amounts going on after a number ("4 / 8 / 16s", "5、10秒")
_LIST_AFTER = re.compile(r"\s*[/／、]\s*\d")
_UNIT_AFTER = re.compile(
    r"(?:\s*(?:or|to|或|至|到|~|～)\s*\d+(?:\.\d+)?)?[\s\-]*(?:[秒元块%个条次倍万亿年月日号岁期季步帧张]|分(?![庭镜辨析享屏别段])|点(?![评赞击子])|[spkxbd](?![a-z])|fps|积分|灵感|美元|美金|刀"
    r"|(?:credits?|points?|coins?|dollars?|usd|cents?|rmb|yuan|billion|million|gb|g|steps?|frames?|seconds?|secs?|minutes?|mins?|hours?|times)(?![a-z]))"
)
_CELL_END = re.compile(r"\s*(?:\||$)", re.M)  # where a table cell ends
_WORDISH = frozenset("0123456789abcdefghijklmnopqrstuvwxyz.")
_CURRENCY = frozenset("$¥￥€£")
_MONEY_RANGE_BEFORE = re.compile(r"[$¥￥€£]\s*\d+(?:\.\d+)?\s*[-~～–—]\s*$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _one_space(name: str) -> str:
    """``name`` with each run of whitespace as one space (names recur: each is done once)."""
    return _SPACES.sub(" ", name)


_LETTER_VERSION = re.compile(r"[a-z]\d{1,2}")
# a table row whose first cell is a version alone (| V5 | 720p | 5s | 60 |)
_CELL_VERSION = re.compile(r"(?m)^[ \t]*\|[ \t]*(v(\d{1,2}(?:\.\d{1,2})?))[ \t]*\|")
_MODEL_HEAD = re.compile(r"model|models|model version|模型|模型版本")
# a line headed by a version alone and a dash or colon (v6 — default model for create…, **V5:**)
_LINE_VERSION = re.compile(r"(?m)^[ \t#>*-]*(v(\d{1,2}(?:\.\d{1,2})?))\**[ \t]*(?:—|–|-|:|：)[ \t]")
_TABLE_NEXT = re.compile(r"[ \t]*\|")  # the next line opens a table
# letters vendors put before a version number (Vidu Q2, Kling O1, MiniMax H3)
_LETTERED = ("q", "o", "h")
_H_LETTERED = ("Hailuo",)
# a letter version standing alone: not inside a word or number, not a quarter (2025年Q2, 2025 Q2)
# (the lookbehinds follow the letter so that ``re`` skips ahead on [a-z])
_LETTER_VERSION_IN_TEXT = re.compile(r"([a-z](?<![a-z0-9._\-年][a-z])(?<!\d\s[a-z])\d{1,2})(?![a-z0-9]|\.\d)")
_CJK = re.compile(r"[\u3400-\u9fff]")
# a model name's last word, when it is a letter version (pixverse v6, pixverse c1)
_LETTER_TAIL = re.compile(r"(?<![a-z0-9])([a-z]\d{1,2})$")
_ID_GOES_ON = re.compile(r"[\-_][a-z]")
# a word that makes a bare letter version a model: 新系列的o1, 模型o1, the O1 model, o1模型
_MODEL_WORD_BEFORE = re.compile(r"(?:模型|系列的?|版本|\bmodel|\bversion)\s*$")
_MODEL_WORD_AFTER = re.compile(r"\s*(?:模型|系列|版本|\bmodels?\b|\bversion\b)")
# OpenAI named: a bare o1 / o3 may be its reasoning model
_OPENAI = re.compile(r"openai|chatgpt|\bgpt")


# a capitalised Latin word right before a bare version (Granite 4.0, Llama-3.1)
_CAPITALISED_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z]{2,})[ -]?$")
_WORDS_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.-]*")
# capitalised words that open a sentence or name a version without being a product's name
_NOT_A_NAME = frozenset(
    "the and with from to vs versus version model models update upgrade release new now both only just its "
    "their our this that than then also plus or but since after before between video videos image images "
    "audio api app gen edition series mode tier plan phase stage step level part chapter section season "
    "episode round test case figure table option beta alpha preview generation using use try tried "
    "testing tested released launched introducing meet latest".split()
)
# how far a version moved: a bare 0.x after a verb of stepping up (更新了2.1版本 is a release),
# or a number before 个版本 / 的版本号
_STEP_BEFORE = re.compile(r"(?:更新了|升级了|涨了|提升了|迭代了|进了|跳了|只升了|只更了)\s*$")
_STEP_AFTER = re.compile(r"\s*(?:个版本|個版本|的版本号|的版本號|个小版本)")


def _cjk_near(text: str, start: int, end: int) -> bool:
    """Is the nearest character before or after [start, end), past spaces, Chinese?"""
    before, after = text[max(0, start - 3) : start].rstrip(), text[end : end + 3].lstrip()
    return bool((before and _CJK.match(before[-1])) or (after and _CJK.match(after[0])))


_NUM_WORDS = {"两": 2, "俩": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}

# "the standard model": the version's model without an edition
_REGULAR_REFS = ("standard", "regular", "base", "full", "normal", "non-fast")


# a plan or membership after an edition word (Pro plan, Pro会员, Turbo套餐): the word names the plan
_PLAN_AFTER = re.compile(
    r"[^\S\n]*(?:plans?\b|subscri\w*|members?(?:hip)?\b|tier\b|accounts?\b|users?\b|"
    r"会员|套餐|订阅|用户|账号|计划)",
    re.I,
)
# …and after an edition word standing alone, a plan said at more length (标准版月度会员, 专业版的套餐)
_PLAN_AFTER_BARE = re.compile(
    r"[^\S\n]*(?:的\s*)?(?:(?:月度|年度|季度|包月|包年|连续包月)?(?:会员|套餐|订阅)|年卡|月卡)"
)


@dataclass(slots=True)
class RawMention:
    start: int
    end: int
    shape: str  # brand | version | tier | plural | unknown (a model the registry lacks: see unregistered.py)
    brand: str | None = None
    version: str | None = None
    words: list[str] = field(default_factory=list)
    model: str | None = None  # a model alias named the model outright
    count: int = 0
    marked: bool = False  # a version with 版本/大师版 after it: surely a version
    versus: bool = False  # compared with (相比X, X相比, than X), not the subject
    common: bool = False  # a brand alias that is also an ordinary word (wan, runway), alone
    ref: bool = False  # "the Fast model", "the standard one": a variant of the model named last


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    models: list[str]
    tier: str | None
    brand: str | None
    explicit: bool  # the text itself names the version
    versus: bool = False
    group: int = -1


@dataclass
class DocContext:
    main_brand: str | None
    main_version: dict[str, str]
    brands: list[str]
    unknown_main: str | None = None  # an unregistered model the document is about
    main_edition: str | None = None  # the edition the title names with the main version (2.0 Fast)
    main_from_start: bool = True  # the title, address or summary names it: in scope before the text does
    main_named: int = 0  # how often the text names the main brand itself (not a bare version of it)
    main_bare: bool = True  # …always without a version

    def main_model(self, reg: Registry) -> tuple[str, str | None] | None:
        if self.unknown_main:
            return self.unknown_main, None
        if not self.main_brand:
            return None
        words = [self.main_edition] if self.main_edition else []
        return reg.resolve(self.main_brand, self.main_version.get(self.main_brand), words)


class MentionScanner:
    def __init__(self, reg: Registry, lex: Lexicon) -> None:
        self.reg = reg
        # names and words that may stand before a brand's version: aliases, makers, tiers and editions
        self._known_words: frozenset[str] = frozenset(
            {
                *reg.alias_brand,
                *reg.alias_model,
                *(w.lower() for w in reg.vendor_words()),
                *reg.edition_words(),
            }
        )
        # each brand's letter versions the registry lists (Kling: o1; Vidu: q1, q2, q3)
        self.letter_versions = {
            name: {m.version for m in b.models if m.version and _LETTER_VERSION.fullmatch(m.version)}
            for name, b in reg.brands.items()
        }
        names = list(reg.alias_brand) + list(reg.alias_model)
        eds = reg.edition_words()
        long_eds = [w for w in eds if re.search(r"[\u4e00-\u9fff]", w) and w.endswith(("版", "模式"))]
        long_eds += [
            w
            for b in reg.brands.values()
            for w in b.edition_words
            if w.isascii() and len(w) >= 5 and w not in reg.attached_words
        ]
        ed = alt(eds)
        ed_glued = alt(eds, bound_start=False)  # run into the version: 3.5Pro, V2.1Master
        # "the Fast model", "the Turbo version", "the standard one": a variant of the model named last
        ref_words = [w for w in eds if w.isascii() and w.replace(" ", "").isalpha()] + list(_REGULAR_REFS)
        ver = r"\d{1,2}(?:[.\-_]\d{1,2})?(?!\d)"
        # two scans, each literal-first so ``re`` can skip ahead: names and words, then digits
        self.regex = re.compile(
            "|".join(
                [
                    r"(?P<d>(?P<dn>两|俩|2|三|3|四|4)\s*(?:个|款|家)\s*(?:(?P<dver>\d\.\d{1,2})\s*)?(?:的\s*)?(?:版本|模型)"
                    # bare "both" before a plural noun is a determiner (both hands), not the pair
                    r"|(?P<dboth>b(?<![a-z]b)oth(?![a-z])(?:\s+(?:models|versions|of them)"
                    r"|(?!\s+(?!(?:clips|videos|outputs|results|generations)\b)[a-z]+s\b)"
                    # …nor one opening a coordination (supports both text-to-video and image-to-video)
                    r"(?!\s+(?!(?:are|were|have|had|can|could|do|did|will|would|still|also|of)\b)"
                    r"[^,.;:!?，。；：\n]{1,60}?\band\b))"
                    r"|两者|二者|两款模型|两个模型|它(?:们|俩)(?=\s*(?:都|也都|均))))",
                    rf"(?P<a>(?P<aname>{alt(names)})(?!\.\d)"
                    # (each run of spaces is one part's: two bare runs in a row split it every way)
                    rf"(?:(?:[^\S\n]*(?:[\-_]+[^\S\n]*)?|/(?=v?\d))(?:ai[^\S\n]*(?:[\-_]+[^\S\n]*)?|(?<=[\-_])[a-z]{{2,5}}[\-_](?=v?\d))?(?P<avp>v|gen[-\s]?|ray[-\s]?|q|o|h)?(?P<aver>{ver})"
                    rf"(?:[\s\-_]*(?:的\s*)?(?P<aed>{ed_glued})(?:\s*(?P<aed2>{ed}))?)?|[\s\-_]*(?P<aedl>{ed}))?(?P<asuf>\s*版本)?)",
                    rf"(?P<c>{alt(long_eds)})",
                    rf"(?P<e>t(?<![a-z]t)he\s+(?P<eword>{alt(ref_words)})\s+(?:model|one|version|variant)(?![a-z]))",
                ]
            )
        )
        # where a name-led match can start: literal tries, which ``re`` scans fast
        counted = [
            f"{n}{sp}{c}" for n in "两俩234三四" for sp in ("", " ") for c in "个款家"
        ]  # 两个版本, 2 个模型
        self.first_re = WordScanner(
            names + list(long_eds) + ["both", "两者", "二者", "两款", "它们", "它俩", "the", *counted],
            bound_end=False,
        )
        # where a bare version can start: a digit before ".digit" (one character class, fast to scan)
        self.digit_first = re.compile(r"\d(?=\.\d)")
        self.digit_regex = re.compile(
            r"(?P<d>(?P<dver2>\d\.\d{1,2})\s*(?:的\s*)?(?P<dn2>两|三|四)\s*个\s*(?:版本|模型))"
            # (2.0时代, the 2.0 era: a stage of the field, no model's version)
            rf"|(?P<b>(?P<bvp>v)?(?P<bver>\d\.\d{{1,2}})(?!\d|\.\d|\s*%|\s*(?:时代|年代|era\b))"
            rf"(?:\s*(?:的\s*)?(?P<bed>{ed})|(?P<bsuf>\s*(?:版本|版|模型|version|model)))?)"
        )
        self.epithet_before = re.compile(rf"(?:{lex.alt('markers', 'epithet_before')})\s*$")
        self.epithet_nation = re.compile(rf"(?:{lex.alt('markers', 'epithet_nationality')})\s*$")
        # an English word ends at a digit too (a Midjourney image, but Hunyuan Video image2video)
        self.epithet_after = re.compile(
            rf"\s*(?:{lex.alt('markers', 'epithet_after')})(?:(?<=[a-z])(?![0-9])|(?<![a-z]))"
        )

    # ----- scanning ------------------------------------------------------------
    def scan(self, norm: str, cased: str | None = None) -> list[RawMention]:
        """The mentions in ``norm``; ``cased``, the same text in its own case, shows where a table's
        cells ran together (seedance-2-fastSocial shorts: an edition, then the next cell)."""
        if cased is not None and len(cased) != len(norm):
            cased = None  # (a normalisation that changed the length: no case to read)
        hits: list[re.Match[str]] = []
        pos = 0
        for hit in self.first_re.finditer(norm):
            if hit.start() < pos:
                continue
            m = self.regex.match(norm, hit.start())
            if m:
                hits.append(m)
                pos = m.end()
                if m.group("aver") and _one_space(m.group("aname")) in self.reg.alias_model:
                    pos = m.end("aname")  # gen-4 gen-4 turbo: the second name is scanned on its own
        last = 0
        for cand in self.digit_first.finditer(norm):
            s = cand.start()
            if s < last:
                continue
            if s > last and norm[s - 1] == "v":  # v2.1
                s -= 1
            m = self.digit_regex.match(norm, s)
            if m is None:
                continue
            last = m.end()
            if self._section_number(norm, s, m):
                continue
            # not inside a longer number or word, and no amount of money ($1.50 is never version 1.5)
            if not (
                s and (norm[s - 1] in _WORDISH or norm[max(0, s - 2) : s].strip()[-1:] in _CURRENCY)
            ) and not (
                _MONEY_RANGE_BEFORE.search(norm, max(0, s - 16), s)
            ):  # (nor the far end of a span of money: the 1.00 of ~$0.50-1.00)
                hits.append(m)
        out: list[RawMention] = []
        last_end = -1
        cell_versions = {m.start(1): m for m in _CELL_VERSION.finditer(norm)} if "|" in norm else {}
        line_versions = [m for m in _LINE_VERSION.finditer(norm)] if "v" in norm else []
        for m in sorted(hits, key=lambda x: (x.start(), -x.end())):  # leftmost, then longest
            if m.start() < last_end:
                continue
            raw = self._read(m, norm)
            if (
                raw is not None
                and cased is not None
                and raw.shape == "version"
                and self._named_by_other(cased, raw.start)
            ):
                continue  # Granite 4.0, Gemini 2.5: another product's version, none of a brand here
            if raw is not None and cased is not None and raw.version and not raw.words and raw.brand:
                self._glued_edition(raw, norm, cased)
            if raw is not None and not self.is_epithet(norm, raw):
                prev = out[-1] if out else None
                if (
                    prev is not None
                    and prev.shape == "brand"
                    and not (prev.version or prev.model or prev.words)
                    and raw.shape == "brand"
                    and raw.brand == prev.brand
                    and (raw.model or raw.version)
                    and (not norm[prev.end : raw.start].strip(" -_") or norm[prev.end : raw.start] == "/")
                ):  # MiniMax I2V-01-Director, Luma ray-flash-2, an API path minimax/hailuo-2.3: the brand,
                    # then its model's own name
                    raw.start = prev.start
                    out.pop()
                out.append(raw)
                last_end = raw.end
        if cell_versions:
            # | V5 | 720p | 5s | 60 |: a row opening with a version alone names the model at it
            taken = [(r.start, r.end) for r in out]
            for at, cm in cell_versions.items():
                if _model_column(norm, at) and not any(a < cm.end(1) and at < b for a, b in taken):
                    out.append(RawMention(at, cm.end(1), "version", version=cm.group(2), marked=True))
            out.sort(key=lambda r: r.start)
        if line_versions:
            # only over a table (not a changelog's "v2 - fixed typos", a prompt's "v1 — first try"), and
            # only a version the registry lists for a brand the page names (not Pika 3, Midjourney V7)
            taken = [(r.start, r.end) for r in out]
            brands = {r.brand for r in out if r.shape == "brand" and r.brand}
            for lm in line_versions:
                nxt = norm.find("\n", lm.end())
                if (
                    nxt >= 0
                    and _TABLE_NEXT.match(norm, nxt + 1)
                    and not any(a < lm.end(1) and lm.start(1) < b for a, b in taken)
                    and any(self._v_version(b, lm.group(2)) for b in brands)
                ):
                    out.append(
                        RawMention(lm.start(1), lm.end(1), "version", version=lm.group(2), marked=True)
                    )
            out.sort(key=lambda r: r.start)
        return out

    def _v_version(self, brand: str, version: str) -> bool:
        """Does ``brand`` have ``version`` written with a V: listed, or open to any for a brand named
        that way (PixVerse V6)?"""
        b = self.reg.brands[brand]
        return self.reg.knows_version(brand, version) or (b.open_versions and "V{v}" in b.name_format)

    @staticmethod
    def _section_number(norm: str, s: int, m: re.Match[str]) -> bool:
        """Is the bare version at ``s`` the number of a section (### 2.1 网站地址, **2.3 消耗**)? Not on a
        list item (- 1.6 只支持5秒视频), where a bare version is the model's."""
        if not m.group("b") or m.group("bvp") or m.group("bed") or m.group("bsuf"):
            return False
        ls = norm.rfind("\n", 0, s) + 1
        return not norm[ls:s].strip("#*> \t") and m.end() < len(norm) and norm[m.end()] in " \t、.．)）"

    def bare_letter_versions(
        self, norm: str, raws: list[RawMention], named: list[RawMention], cased: str | None = None
    ) -> list[RawMention]:
        """``raws`` with the bare letter versions (O3, Q2) of models ``named`` with their brand
        elsewhere in the document (Kling O3 … O3 = $0.125/sec): a letter version alone names a model
        only once the text has named it in full, or, said as a model (模型o1, 新系列的o1, the O1 model),
        when the registry lists it for one brand the document names."""
        spelled = {r.version.lower(): r.brand for r in named if r.shape == "brand" and r.brand and r.version}
        spelled = {v: b for v, b in spelled.items() if _LETTER_VERSION.fullmatch(v)}
        # a name ending on a letter version of another letter (PixVerse V6, PixVerse C1): that version
        # alone (V6 每秒 12 credits) is the same model, when no other model named ends on it
        # (read off the model's name: ``named`` holds the title's and other sections' mentions too, whose
        # places are in their own texts)
        tails: dict[str, list[RawMention]] = {}
        for r in named:
            if r.shape == "brand" and r.brand and (r.version or r.model):
                name = r.model or self.reg.resolve(r.brand, r.version, r.words)[0]
                tail = _LETTER_TAIL.search(name.lower())
                if tail and tail.group(1) not in spelled:
                    tails.setdefault(tail.group(1), []).append(r)
        same = {
            v: rs[0]
            for v, rs in tails.items()
            if len({(r.brand, r.version, r.model, tuple(r.words)) for r in rs}) == 1
        }
        # the letter versions of the brands named, each kept when only one of them lists it (and an o-version
        # not when OpenAI's o-series may be meant)
        listed: dict[str, set[str]] = {}
        for brand in {r.brand for r in named if r.shape == "brand" and r.brand}:
            for v in self.letter_versions[brand]:
                listed.setdefault(v, set()).add(brand)
        openai = _OPENAI.search(norm) is not None
        unspelled = {
            v: next(iter(brands))
            for v, brands in listed.items()
            if v not in spelled and len(brands) == 1 and not (v.startswith("o") and openai)
        }
        if not spelled and not unspelled and not same:
            return raws
        taken = [(r.start, r.end) for r in raws]
        extra: list[RawMention] = []
        for m in _LETTER_VERSION_IN_TEXT.finditer(norm):
            v = m.group(1)
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if v in spelled:
                extra.append(RawMention(m.start(), m.end(), "brand", brand=spelled[v], version=v))
            elif v in same and self._names_same(norm, cased, m.start(), m.end()):
                r = same[v]
                extra.append(
                    RawMention(
                        m.start(),
                        m.end(),
                        "brand",
                        brand=r.brand,
                        version=r.version,
                        words=list(r.words),
                        model=r.model,
                    )
                )
            elif v in unspelled and (  # not Q1：in a FAQ, Q3 营收
                _MODEL_WORD_BEFORE.search(norm, max(0, m.start() - 8), m.start())
                or _MODEL_WORD_AFTER.match(norm, m.end())
            ):
                extra.append(RawMention(m.start(), m.end(), "brand", brand=unspelled[v], version=v))
        return sorted(raws + extra, key=lambda r: r.start) if extra else raws

    def _names_same(self, norm: str, cased: str | None, start: int, end: int) -> bool:
        """Is the letter version at [start, end) a model's own short name (V6 每秒 12 credits), written
        in capitals as the vendor writes it? Not in a path or id (/v1/videos, v3-omni), not a draft
        (提示词 v1), not another maker's (DeepSeek R1)."""
        if cased is None or len(cased) != len(norm) or not cased[start].isupper():
            return False
        if norm[start - 1 : start] == "/" or norm[end : end + 1] == "/" or _ID_GOES_ON.match(norm, end):
            return False
        return not self._named_by_other(cased, start)

    def drop_common_words(
        self, text: str, raws: list[RawMention], named: list[RawMention]
    ) -> list[RawMention]:
        """``raws`` without the brand names that are ordinary words here: a common-word alias (wan,
        luma, runway) alone, written in lower case in Latin prose ("a wan smile", "down the
        runway"). Capitalised (Wan), next to Chinese (用wan生成) or in a document that names the
        brand otherwise too (Wan 2.2 … wan is slow), it stays a name. ``text`` is the original of
        the normalised text ``raws`` were found in (same length: case is read there)."""
        full = {r.brand for r in named if r.shape == "brand" and not r.common}
        return [
            r
            for r in raws
            if not (
                r.common
                and r.brand not in full
                and r.start < len(text)
                and text[r.start].islower()
                and not _cjk_near(text, r.start, r.end)
                and text[r.end : r.end + 1] not in ("/", "-", "_")  # an API path or id: runway/gen4
                and text[max(0, r.start - 1) : r.start] != "/"
            )
        ]

    def _named_by_other(self, cased: str, start: int) -> bool:
        """Does a capitalised word no brand here uses stand right before the version at ``start``?"""
        word = _CAPITALISED_BEFORE.search(cased, max(0, start - 24), start)
        if word is None:
            return False
        name = word.group(1).lower()
        if name in _NOT_A_NAME or name in self.reg.version_words or name in self._known_words:
            return False
        # the last word of a longer name (Dream Machine 1.5, Kling AI 2.1)
        words = _WORDS_BEFORE.findall(cased, max(0, start - 40), start)
        return not any(
            " ".join(words[-k:]).lower() in self.reg.alias_brand
            or " ".join(words[-k:]).lower() in self.reg.alias_model
            for k in range(2, min(3, len(words)) + 1)
        )

    def _read(self, m: re.Match[str], norm: str) -> RawMention | None:
        g = m.lastgroup
        if g == "d":
            gd = m.groupdict()
            n = 2 if gd.get("dboth") else _NUM_WORDS.get(gd.get("dn") or gd.get("dn2") or "", 0)
            return RawMention(
                m.start(), m.end(), "plural", version=gd.get("dver") or gd.get("dver2"), count=n
            )
        if g == "c":
            if _PLAN_AFTER_BARE.match(norm, m.end()):
                return None  # 标准版月度会员, 专业版套餐: a plan of the site, no edition of a model
            return RawMention(m.start(), m.end(), "tier", words=[m.group("c")])
        if g == "e":
            word = " ".join(m.group("eword").split())
            return RawMention(
                m.start(), m.end(), "tier", words=[] if word in _REGULAR_REFS else [word], ref=True
            )
        if g == "b":
            if not (m.group("bed") or m.group("bsuf")) and _UNIT_AFTER.match(norm, m.end("bver")):
                return None
            if (
                m.group("bver").startswith("0")
                and _STEP_BEFORE.search(norm, max(0, m.start() - 6), m.start())
            ) or _STEP_AFTER.match(norm, m.end("bver")):
                return (
                    None  # 只更新了0.1版本, 涨了0.1的版本号, 0.1个版本: a step between versions, no version
                )
            if not (m.group("bvp") or m.group("bed") or m.group("bsuf")) and _CELL_END.match(
                norm, m.end("bver")
            ):
                # | 海螺02 | 2.0 | 1.0 |: a number filling a later cell of its row is a value, no version
                line = norm[norm.rfind("\n", 0, m.start()) + 1 : m.start()]
                if line.rstrip().endswith("|") and line.count("|") >= 2:
                    return None
            words = [m.group("bed")] if m.group("bed") else []
            return RawMention(
                m.start(),
                m.end(),
                "version",
                version=m.group("bver"),
                words=words,
                marked=bool(m.group("bed") or m.group("bsuf")),
            )
        return self._read_brand(m, norm)

    def _read_brand(self, m: re.Match[str], norm: str) -> RawMention | None:
        name = _one_space(m.group("aname"))
        led = name in self.reg.version_words
        if led and (m.group("avp") or not m.group("aver") or _UNIT_AFTER.match(norm, m.end("aver"))):
            return None  # ray alone is a word: Ray3.14 names Luma's model, "ray 5 seconds" nothing
        info = self.reg.alias_model.get(name)
        brand = (
            info.brand
            if info
            else self.reg.alias_brand.get(name) or self.reg.alias_brand.get(name.replace(" ", ""))
        )
        words = [w for w in (m.group("aed"), m.group("aed2"), m.group("aedl")) if w]
        if words and _PLAN_AFTER.match(norm, m.end()):
            words = []  # Vidu Q2 Pro plan subscribers, Pro会员: a plan of the service, no edition
        raw = RawMention(
            m.start(), m.end(), "brand", brand=brand, words=words, model=info.name if info else None
        )
        raw.common = not (info or words or m.group("aver")) and name in self.reg.common_words
        if m.group("aver") and info:  # a model's own name, then another one (gen-4 gen-4 turbo): two names
            raw.end = m.end("aname")
            raw.words = [m.group("aedl")] if m.group("aedl") else []
        elif m.group("aver"):
            vp = (m.group("avp") or "").strip()
            b = self.reg.brands.get(brand or "")
            bad_unit = bool(
                not m.group("aed")
                and not m.group("aver").startswith("0")  # Hailuo 02 积分…: 02 is no amount
                and vp not in _LETTERED  # Vidu Q1号称…: a letter version is never an amount
                and _UNIT_AFTER.match(norm, m.end("aver"))
            )
            # Kling H2 (a half-year), 混元H800 (a chip): only MiniMax letters its versions H
            bad_unit = bad_unit or (vp == "h" and brand not in _H_LETTERED)
            if bad_unit or (b and b.prefix_required and not vp and not led):
                raw.end = m.end("aname")
                raw.words = []
                raw.common = name in self.reg.common_words
            else:
                raw.version = (vp + m.group("aver")) if vp in _LETTERED else m.group("aver")
                if brand and not words and vp not in _LETTERED:
                    self._unglue_version(raw, brand, norm, m.end("aver"))
                lead = m.start("avp") if vp else m.start("aver")
                if brand and vp in ("", "v") and norm[lead - 1 : lead] in ("_", "-"):
                    raw.version = self._id_version(brand, raw.version or "")
        return raw

    def _glued_edition(self, raw: RawMention, norm: str, cased: str) -> None:
        """An edition word run into the next cell's capital (kling-3-proPremium, seedance-2-fastSocial):
        the edition still belongs to the name."""
        b = self.reg.brands.get(raw.brand or "")
        if b is None:
            return
        at = raw.end + 1 if norm[raw.end : raw.end + 1] in ("-", "_", " ") else raw.end
        for word in sorted((*b.tier_words, *b.edition_words), key=len, reverse=True):
            end = at + len(word)
            if (
                word.isascii()
                and norm.startswith(word, at)
                and end < len(cased)
                and cased[end].isupper()
                and cased[end - 1].islower()
            ):
                raw.words, raw.end = [word], end
                return

    def _id_version(self, brand: str, version: str) -> str:
        """A version in an API id with its digits run together (kling_fal_16_std, wan_22_pro): 1.6 and
        2.2 when the registry knows those and not the number as written."""
        if not (version.isdigit() and 2 <= len(version) <= 3) or self.reg.knows_version(
            brand, version_key(version)
        ):
            return version
        dotted = f"{version[0]}.{version[1:]}"
        return dotted if self.reg.knows_version(brand, version_key(dotted)) else version

    def _unglue_version(self, raw: RawMention, brand: str, norm: str, end: int) -> None:
        """A version the registry does not know whose last digits start a list of amounts ("Veo 3.14 /
        8 / 16s", cells run together: Veo 3.1 then 4 / 8 / 16s): the longest known version before them."""
        version = raw.version or ""
        if self.reg.knows_version(brand, version_key(version)) or not _LIST_AFTER.match(norm, end):
            return
        for cut in range(len(version) - 1, 0, -1):
            head = version[:cut]
            if (
                head[-1].isdigit()
                and version[cut].isdigit()
                and self.reg.knows_version(brand, version_key(head))
            ):
                raw.version, raw.end = head, end - (len(version) - cut)
                return

    def is_epithet(self, norm: str, raw: RawMention) -> bool:
        """Is a bare brand used as an epithet (中国版Sora, 国产Sora, the Chinese Sora, Sora级)?"""
        if raw.shape != "brand" or raw.version or raw.model:
            return False
        lo = max(0, raw.start - 6)
        brand = self.reg.brands.get(raw.brand or "")
        foreign = brand is None or not brand.domestic
        return bool(
            self.epithet_before.search(norm, lo, raw.start)
            or (foreign and self.epithet_nation.search(norm, lo, raw.start))
            or self.epithet_after.match(norm, raw.end)
        )


def _model_column(norm: str, at: int) -> bool:
    """Is the row at ``at`` in a table whose header's first cell names models (| Model |, 模型)?
    The header is the line over the table's |---| rule; its first cell opens it after a pipe, or
    before its first pipe, or (text run into it) right after its first pipe."""
    end = norm.rfind("\n", 0, at)
    while end > 0:
        start = norm.rfind("\n", 0, end) + 1
        line = norm[start:end].strip()
        if "|" not in line:
            return False  # out of the table without meeting its rule
        end = start - 1
        if set(line) <= set("|-: "):
            if end <= 0:
                return False
            head = norm[norm.rfind("\n", 0, end) + 1 : end].strip()
            return any(_MODEL_HEAD.fullmatch(c.strip()) for c in head.split("|")[:2])
    return False
