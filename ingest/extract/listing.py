"""Enumerations: the items a grant or a count header lists, one specification item each.

The feature lexicon knows some items; a review lists many it does not. What
makes a run of words a list of features is its structure, not its words:

* a grant verb in front of it (支持, 提供, 內建, supports, offers, comes with) and
  list separators between its items (、 / 和 / 以及 / 或, commas, and / or):
  "支持文字、图片、视频和音频四种输入" gives 文字, 图片, 视频, 音频;
* a header naming what kind of thing follows, then a colon (四种输入模态：…,
  支持的分辨率：…, Key features: …);
* an additive frame (不仅有A、B，还有C): 还有 goes on with the list after a comma
  (a Chinese comma ends a list otherwise; an English one separates items).

A list needs two items or more; one item alone is listed only when a model named
just before grants it (Gen-4 supports image uploading) or when it names a
function by its head noun (新增了运动笔刷功能). A segment that reads like a
sentence (a pronoun, a degree word, too long) ends the list. A trailing count
(…四种输入), 等 and a verb the grant opens with (支持生成…) are no part of an
item.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, WordScanner, alt

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u3400-\u9fff]")
_COUNT = r"(?:[两二三四五六七八九十几\d]+|多)\s*(?:种|種|个|個|项|項|大|类|類|款)"
# after the last item: a count, 等, or the noun the count names (…和音频四种输入, …等功能)
# (and a time or restriction adverb after an English item: English prompts for now, 720p only)
_TAIL = re.compile(
    rf"\s*(?:等等|等|{_COUNT}|这些|這些|these)"
    r"|\s+(?:for now|for the moment|at the moment|currently|yet|so far|right now|only)\b"
)
# a number or a count alone (5, 一个, 4个) is no item
_COUNT_ONLY = re.compile(r"[\d.]+|[\d一二两三四五六七八九十几]+\s*(?:个|個|条|條|段|次|张|張|部)")
_ASPECT_NOUN = re.compile(r"[度性]")  # 清晰度, 稳定性: the aspect a quality word names
_PARENS = re.compile(r"[（(][^（()）]*[）)]")
_BREAK = re.compile(r"[，,;；]")
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z0-9][\w:.+-]*")
_TIME = re.compile(r"\b(?:seconds?|minutes?|hours?|secs?|mins?)\b|秒|分钟|小时")
_ENDS = "。！？!?；;\n"
_OPEN = "（("
_COLON = re.compile(r"[^，。,;；\n]{0,12}?(?:：|(?<!\d):|:(?!\d))")  # 16:9 is no colon
_CLOSE = {"（": "）", "(": ")"}
# what the products after the colon offer: 支持角色扮演的产品：, 能做口型同步的模型有：
_OFFERED_BY = re.compile(r"\s*([^，。,;；：:的]{2,12})的(?:产品|模型|工具|平台|应用)(?:有|是|为)?\s*[：:]")


# what a list of plans or tiers is announced as (four tiers:, 三档会员：)
_PLANS = re.compile(
    r"\b(?:tiers?|plans?|pricing|subscriptions?|memberships?|packages?|levels)\b|套餐|档位|會員|会员|订阅|方案|价位"
)


# after a list: the items say what a noun after them is like (风格、场景、人物一致的视频, 冷峻、浅景深等
# 特征的分镜), not what a model offers
_DESCRIBES_NOUN = re.compile(
    r"[^，。,;；]{0,10}?(?:(?:等等?|之类)?\s*(?:都|均|全都|全部)?\s*(?:保持)?\s*(?:一致|统一|相同|连贯|协调|一样|稳定)的"
    r"|等(?:等)?(?:特征|特点|元素|属性|要素|特质|风格)的)"
)


@dataclass(slots=True)
class Listed:
    """One item of an enumeration: where it is, and where the grant that lists it starts."""

    start: int
    end: int
    anchor: int
    reach: int  # where the list's last item ends
    since: int = 0  # where its statement starts: after the list before it in the sentence, if any
    required: bool = False  # what the model needs to be given (requires an input image): a limitation


class ListReader:
    def __init__(self, lex: Lexicon) -> None:
        self.anchors = WordScanner(
            lex.words("features", "list_anchor")
            + lex.words("features", "requires")
            + lex.words("features", "list_via")
            + lex.words("features", "list_many")
        )
        self.many = frozenset(lex.words("features", "list_many"))
        self.requires = frozenset(lex.words("features", "requires"))
        self.via = frozenset(lex.words("features", "list_via"))
        self.value_anchors = frozenset(lex.words("features", "list_value_anchors"))
        self.make_re = re.compile(lex.alt("features", "list_make"))
        heads = alt(lex.words("features", "list_heads"))
        # a header says what kind of thing the list holds: 四种输入模态：, 支持的分辨率：, Key features:
        # or an example marker after it (参数设置（如时长、清晰度…）, 控制模式，如A，B): its commas go on
        such = rf"\s*[，,]?\s*[（(]?\s*(?:{alt(lex.words('features', 'list_such_as'))})\s*"
        self.header_re = re.compile(
            rf"[^\s，。：:、,;；]{{0,8}}?(?:{heads})[^\s，。：:、,;；]{{0,4}}(?:\s*[：:]|{such})"
        )
        self.header_end_re = re.compile(rf"(?:{heads})[^\s，。：:、,;；]{{0,4}}(?:\s*[：:]|{such})")
        self.such_re = re.compile(such + "$")
        self.sep_re = re.compile(rf"\s*(?:{alt(lex.words('features', 'list_separators'))})\s*")
        self.more_re = re.compile(rf"\s*(?:{alt(lex.words('features', 'list_more'))})\s*")
        self.lead_re = re.compile(rf"(?:\s*(?:{alt(lex.words('features', 'list_lead'))})\s*)+")
        # a quality word makes a phrase an opinion (真实的物理效果), not an item: its own words, and the
        # cue adjectives of two characters or more
        quality = [w for k in ("strength", "bug") for w in lex.words("cues", k, "adjectives") if len(w) > 1]
        self.not_item_re = re.compile(alt(lex.words("features", "list_not_item") + quality))
        self.bare_use = frozenset(lex.words("features", "list_bare_use"))
        self.head_re = re.compile(rf"(?:{alt(lex.words('features', 'function_heads'))})$")
        self.single_max = int(lex.setting("list_single_max", 8))

    def opens(self, text: str) -> list[int]:
        """Where a list may open in ``text``: the sentences worth reading with ``lists``."""
        return [m.start() for m in self.anchors.finditer(text)] + [
            m.start() for m in self.header_end_re.finditer(text)
        ]

    # ----- lists -----------------------------------------------------------------
    def lists(self, text: str, start: int, end: int, names: list[tuple[int, int]]) -> list[Listed]:
        """Items of every enumeration in the sentence ``text[start:end]``.

        ``names`` are where the sentence names a model: one item alone, or what a
        model requires, is listed only after that model's own verb (Gen-4 supports image
        uploading, Gen-4 requires an input image).
        """
        out: list[Listed] = []
        taken = start
        opens = [(m.start(), m.end(), False) for m in self.anchors.finditer(text, start, end)]
        # a header holds a header end: the far faster scan for that first (header_re tries every position)
        if self.header_end_re.search(text, start, end):
            opens += [(m.start(), m.end(), True) for m in self.header_re.finditer(text, start, end)]
        for a, b, header in sorted(opens):
            if a < taken:
                continue
            required = " ".join(text[a:b].split()) in self.requires
            colon = _COLON.match(text, b, end)
            if colon and _PLANS.search(text, b, colon.end()):
                continue  # offers four tiers: Free, Standard, Pro: plans, not features
            offered = _OFFERED_BY.fullmatch(text, b, colon.end()) if colon and not header else None
            if (
                offered
            ):  # 支持角色扮演的产品：A和B: the feature is what comes before 的产品, the list its owners
                items = [self._trim(text, b, offered.end(1))]
            elif colon and not header:
                b = colon.end()  # 提供四种输入模态：文字、… : the list follows the colon
            if offered:
                pass
            elif " ".join(text[a:b].split()) in self.via:
                items = self._inputs(text, start, a, b, end)
            else:
                items = self._items(text, b, end, commas=header and bool(self.such_re.search(text, a, b)))
            anchor = " ".join(text[a:b].split())
            if not items or (len(items) < 2 and anchor in self.many):
                continue
            if len(items) >= 2 and _DESCRIBES_NOUN.match(text, items[-1][0], end):
                continue  # 风格、场景、人物一致的视频, 冷峻、浅景深等特征的分镜: what a noun is like
            if anchor in self.value_anchors and not all(_DIGIT.search(text, s, e) for s, e in items):
                continue  # available in the app: a place, not a value
            near = any(y <= a and not _BREAK.search(text, y, a) for _, y in names)
            if required and (not near or any(_TIME.search(text, s, e) for s, e in items)):
                continue  # needs two minutes: a time taken, not an input required
            if len(items) == 1 and not offered:
                s, e = items[0]
                if header or not (
                    self.head_re.search(text, s, e) or near and self._short(text[s:e], self.single_max)
                ):
                    continue
            since = start
            if out:  # after the list before it, and the separator after that (supports A and offers B)
                sep = self.sep_re.match(text, taken, a)
                since = sep.end() if sep else taken
            reach = end if offered else items[-1][1]  # the owners after the colon are in its scope
            out += [Listed(s, e, a, reach, since, required) for s, e in items]
            taken = items[-1][1]
        return out

    def _inputs(self, text: str, start: int, a: int, b: int, end: int) -> list[tuple[int, int]]:
        """A list after 通过 / from is what a model makes its video from, only next to a verb of
        making: before a Chinese one (通过文字和图片生成…: the list stops at the verb) or after an
        English one (generates video from text or images). Otherwise it lists nothing (通过对比发现…)."""
        made = self.make_re.search(text, b, min(end, b + 24))
        if made and _CJK.match(text[made.start()]) and not text.startswith("了", made.end()):
            return self._items(text, b, made.start())
        if self.make_re.search(text, max(start, a - 40), a):
            return self._items(text, b, end)
        return []

    def _items(self, text: str, pos: int, end: int, commas: bool = False) -> list[tuple[int, int]]:
        """The items of a list starting at ``pos``; the list ends where a segment is no item
        (``commas``: an example list, whose Chinese commas separate items too)."""
        items: list[tuple[int, int]] = []
        lead = self.lead_re.match(text, pos, end)
        if lead:
            pos = lead.end()
        while pos < end:
            stop, nxt = self._segment(text, pos, end, commas)
            s, e = self._trim(text, pos, stop)
            verb = self.anchors.search(text, s, e) if items and text[s : s + 1].isascii() else None
            if not self._item(text, s, e) or verb and verb.start() == s:
                break  # no item, or a verb that opens a list of its own (supports A and offers B)
            items.append((s, e))
            if nxt is None:
                break
            pos = nxt
        return items

    def _segment(self, text: str, pos: int, end: int, commas: bool = False) -> tuple[int, int | None]:
        """Where the segment from ``pos`` stops, and where the next item starts (None: the list ends)."""
        i = pos
        while i < end:
            ch = text[i]
            if ch in _OPEN:  # a parenthesis belongs to its item: aspect ratios (16:9, 9:16)
                close = text.find(_CLOSE[ch], i, end)
                i = close + 1 if close > 0 else end
                continue
            ratio = ch == ":" and i > pos and text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit()
            if ch in _ENDS or ch in "：:" and not ratio:  # 16:9 is no colon
                return i, None
            if ch in "，,":
                if ch == "," and text[i + 1 : i + 2].isdigit():
                    i += 1  # 1,000
                    continue
                more = self.more_re.match(text, i + 1, end)
                if more:  # …，还有C / …, and C
                    return i, more.end()
                # an English list goes on after a comma; a Chinese one only after 还有 / 以及
                english = ch == "," and not _CJK.match(text[i - 1] if i > pos else "")
                return i, (i + 1 if english or commas else None)
            if ch.isspace() or not ch.isascii() or ch in "/&":
                sep = self.sep_re.match(text, i, end)
                if sep and sep.group().strip():
                    return i, sep.end()
            i += 1
        return end, None

    def _trim(self, text: str, s: int, e: int) -> tuple[int, int]:
        while s < e and text[s] in " \t\"'“”「」":
            s += 1
        tail = _TAIL.search(text, s, e)
        if tail and tail.start() > s:
            e = tail.start()
        while e > s and text[e - 1] in " \t.的\"'“”「」":
            e -= 1
        return s, e

    def _item(self, text: str, s: int, e: int) -> bool:
        """Does ``text[s:e]`` read as one item (a short noun phrase), not a sentence?"""
        if e <= s:
            return False
        seg = text[s:e]
        if (
            seg in self.bare_use
            or _COUNT_ONLY.fullmatch(seg)
            or any(not _ASPECT_NOUN.match(seg, m.end()) for m in self.not_item_re.finditer(seg))
        ):
            return False  # a sentence or an opinion; a quality word made an aspect noun (清晰度) is an item
        return self._short(seg, 14)

    @staticmethod
    def _short(seg: str, cjk_max: int) -> bool:
        seg = _PARENS.sub("", seg)  # aspect ratios (16:9, 9:16) is two words
        cjk = len(_CJK.findall(seg))
        words = len(_LATIN_WORD.findall(seg))
        if cjk:
            return cjk + words <= cjk_max
        return 0 < words <= cjk_max // 2 - 1 and len(seg) <= 60  # 14 -> 6 words, 8 -> 3
