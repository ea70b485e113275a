"""Capabilities and limitations from what a review says a model can make.

A specification item is a feature word (图生视频, 首尾帧, native audio, lip
sync…), a resolution (1080p, 4K, 1440x960), a frame rate (60fps, 60帧, 24
frames per second), an aspect ratio (9:16, 任意比例) or a clip length (时长6秒,
16 秒直出, 5-second clips, a 16-second cap). A clause holding items gives one
claim per item, all quoting the clause, of the kind the words around each item
decide:

* a limit in front of the item (只能, 仅, 不支持, 无法, only, cannot, not yet) or
  right after it (cap, limit, max, 上限) makes a limitation; "只需/only takes"
  is not a limit;
* otherwise the clause must grant it: a verb of ability or output (支持, 可以,
  生成, 输出, 长达, 最高, supports, generates, up to) anywhere in it, a grant
  after the items (文生图生都可以), or a specification layout: a labelled list
  line ("画质：1080p") or a line of several items after a model name (a table
  row flattened into text).

The items are found by ``spec_items.py``. Items a comparison introduces (相较于…,
compared with, than, 以前, the previous) belong to the other side and are skipped,
and so are clauses about money (a resolution next to a price says what the price
buys) or generation time.
"""

from __future__ import annotations

import logging
import re

from ingest.extract.lexicon import Lexicon, WordScanner
from ingest.extract.prices import MONEY
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Clause, Splitter
from ingest.extract.spec_items import Item
from ingest.extract.spec_lines import LIST_LINE, LIST_MARKS, cap_label, free_label_re, heading_item, sheet_row
from ingest.extract.speed import MADE_IN
from ingest.extract.table_cells import cells_of, sheet_label
from ingest.extract.topics import under_heading
from ingest.extract.word_regex import alt_not_after

log = logging.getLogger(__name__)

# a copula before a model's type noun says what the model is (是一款文生视频模型, is a text-to-video model)
_COPULA = re.compile(r"\b(?:is|are|was|were|remains)\b|是|为|為|作为|作為")

_AMOUNTS = ("credits", *MONEY)  # a named tuple: mypyc cannot compile a starred one inside `in`
_NOTE_END = re.compile(r"[)）]")
_NOTE_SAYS = re.compile(r"[,，;；]|不能|无法|不支持|cannot|can't|can not|doesn't|does not")
# a clause about billing: the resolutions, lengths and features it names are what a price depends on
_BILLED = re.compile(
    r"计费|收费|扣费|单价|定价|(?<!免)费用|\b(?:pricing|priced|costs?|billed|billing|charged|charges)\b", re.I
)
# a time, then the verb of making: how long it took (30秒生成4秒视频, 两分钟内就能出片)
_TIMED = re.compile(
    r"(?:\d+(?:\.\d+)?|[一两三四五六七八九十半])\s*(?:秒钟?|s|分钟|分|min|个?小时|h)\s*(?:内|之内|以内)?\s*(?:就|即可|便)?\s*(?:能|可以|可)?\s*"
    r"(?:生成|出片|做出|完成|渲染)"
)
# a sentence about what a price depends on (价格按分辨率区分, pricing varies by resolution)
_PRICE_SUBJECT = re.compile(
    r"[\s#*>-]*(?:[^，。,:：\n]{0,24}?的\s*)?(?:价格|定价|计费|收费|费用|售价|pricing|prices?|costs?)"
    r"(?:\s+for\s+[^,.:;\n]{1,30}?)?\s*"
    r"(?:按|依据|根据|取决于|随|区分|分为|depends? on|varies|vary|is based|are based|by)"
)
# a line that is nothing but a price per unit ($0.10 /秒, 20 积分/条; not a score, 9/10)
_PRICE_LINE = re.compile(
    r"(?:[$¥￥]\s*\d+(?:\.\d+)?\s*(?:美元|元|usd|cny)?|\d+(?:\.\d+)?\s*(?:美元|元|usd|cny|credits?|积分|点数?|灵感值))"
    r"\s*(?:/|每|per)\s*\S{1,8}",
    re.I,
)
# 以仅 20% 的成本, 只要 5 元的价格: an "only" before a sum is how cheap, no limit on the items after it
_CHEAP_SHARE = (
    r"\s*[$¥￥]?\s*\d+(?:\.\d+)?\s*(?:%|元|美元|刀|积分|灵感值)?\s*的?\s*(?:成本|价格|费用|花费|价钱|售价)"
)
# "not available anywhere else at this price": what other offers lack, no limit of the model
_NOT_ELSEWHERE = r"(?!\s*(?:anywhere else|elsewhere|(?:in|on|from) (?:any )?other))"
# "the only [True] model that ships …", "the only one to offer …": the one model that has what follows
_ONLY_ONE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:models?|tools?|ones?|generators?|options?|platforms?|systems?|products?)"
    r"\s+(?:that|which|to|with)\b",
    re.I,
)
_NOTE_ITEM = re.compile(r"[ \t]*[-*•·]")
# a note that offers something itself (- Supports native audio) is no mere note of what a price buys
_OFFERS = re.compile(r"支持|支援|提供|可以|能够|\b(?:supports?|offers?|allows?|lets|includes?)\b", re.I)


def _under_price_line(clean: str, start: int) -> bool:
    """Is the sentence at ``start`` a bare note (- 720p - with native audio) in the bullets right below a
    line that is only a price?"""
    ls = clean.rfind("\n", 0, start) + 1
    le = clean.find("\n", start)
    le = len(clean) if le < 0 else le
    if clean[ls:start].strip(" \t-*•·") or ls < 2 or _OFFERS.search(clean, ls, le):
        return False
    while ls >= 2:  # up over the bullets of the same list to the line they hang from
        ps = clean.rfind("\n", 0, ls - 1) + 1
        line = clean[ps : ls - 1]
        if not _NOTE_ITEM.match(line):
            line = line.strip()
            return 0 < len(line) <= 24 and _PRICE_LINE.fullmatch(line) is not None
        ls = ps
    return False


# praise right before an item of a granted list (拥有惊人的远景调度, supports excellent lip sync): that
# item is a quality it is credited with
_PRAISED_LIST = re.compile(
    r"惊人的|惊艳的|出色的|卓越的|顶级的|一流的|极佳的"
    r"|\b(?:impressive|stunning|excellent|outstanding|remarkable|incredible|amazing|superb|exceptional)\b"
)
_MAX_RIGHT_BEFORE = re.compile(r"(?:最高|最长|最大|高达|长达|\bup to|\bmax(?:imum)?\.?)\s*$")
# a sentence opening on a limit it names (One limitation of Gen-2 … is, 最大的限制是): what it
# goes on to name is limited
_LIMIT_OPENING = re.compile(
    r"(?:(?:[^,.;:。，；：]|(?<=\d)\.(?=\d)){0,30}?(?:'s|’s)\s+)?"  # Kling 2.1's biggest limitation is
    r"\s*(?:(?:one|the|a|another|its|their)\s+)?(?:(?:main|biggest|big|key|major|first|second|obvious|clear)\s+)?"
    r"(?:limitations?|drawbacks?|downsides?|weakness(?:es)?|caveats?|constraints?)\b"
    r"(?:[^.;!?。；,，]|(?<=\d)\.(?=\d)){0,60}?\b(?:is|are|was|were)\b"
    r"|[^，,。；;：:]{0,16}?(?:的)?\s*(?:(?:一个|最大的|主要的?|明显的|唯一的)\s*)?(?:限制|局限|短板|缺点|弱点)(?:是|在于|就是)"
)
# a line naming a round of a test (第一回合：, 第2轮 -, Round 1:, Test 3 —): its topic is what is tested
_TEST_ROUND = re.compile(
    r"[#*>\s]*(?:第\s*[一二三四五六七八九十\d]+\s*(?:回合|轮|局|关|场|项测试|个测试|组测试)"
    r"|(?:round|test|case|challenge|测试|案例|挑战)\s*(?:#\s*)?\d+)\s*[:：\-—–.、]"
)
_ITEM_FIRST = re.compile(r"\s*(?:(?:and|or|plus|as well as)\s+|以及|和|及)?")
_GOES_ON = re.compile(r"\s*(?:[(（]|(?:at|in|with|plus|and in|and at|and with|up to|as well as)\b)")

# what the model did unasked (adds music I never asked for, 自作主张加了字幕): a flaw, not a feature
# an improvement word before an item: the item is a quality said to be better (a strength), not offered
_IMPROVED = re.compile(
    r"\b(?:improved|enhanced|better|superior|stronger|sharper)\s+[a-z ,'-]{0,60}$"
    r"|(?:增强了|提升了|改善了|优化了|更强的|更好的)[^，。,；;]{0,20}$"
)
_IMPROVED_ITEM = re.compile(r"(?:improved|enhanced|better|superior|stronger|sharper)\b|强了|增强|提升|改善")
_UNWANTED = re.compile(
    r"(?:i|we|you) (?:never|didn't|did not|hadn't|had not) (?:ask|want|request)(?:ed)?\b|nobody asked for"
    r"|\bunprompted\b|\buninvited\b|\bunasked\b|\bunwanted\b|没(?:有)?(?:要求|让它|让他|叫它)|不需要的|并不想要"
)

# a condition or a wish before an item in its clause: nothing is said to be offered
_CONDITIONAL = re.compile(r"如果|假如|要是|倘若|若(?!干)|如有|如需|万一|\bif\b|\bwhether\b")
# a clause that ends as a condition (用图生视频的方式生成的话, "if you make it from an image")
_CONDITION_AFTER = re.compile(r"[^，。,；;!?！？\n]{0,24}?的话\s*$")
# before an item on a line that prices it: the item names the variant the price is for ("(no audio)
# $0.50/s", "1080p with audio: $0.15/s", 不含音频 0.5元/秒), no statement that the model has it or lacks it
_VARIANT_BEFORE = re.compile(
    r"(?:[(（]\s*(?:no|with|without|含|不含|带|不带|无)?|\+|\bwith|\bwithout|含|不含|不带)\s*$"
)

# a table row label whose cells time or price a clip: the lengths in them say what was timed or priced
_TIMED_OR_PRICED_LABEL = re.compile(
    r"速度|耗时|用时|时间|价格|定价|价|费用|成本|积分|\b(?:speed|time|latency|price|pricing|cost|credits?)\b"
)


# the prompt opening the sentence as its subject (这次的Prompt…加入了叹气, my prompt adds…): what it
# adds or holds is what was asked, no feature of the model
_PROMPT_SUBJECT = re.compile(
    r"\s*(?:这次|这一次|这回|第[一二三四五六七八九十\d]+(?:条|个|次)|我的|我们的|这条|这个|那条|新的|the|my|this|our)"
    r"\s*的?\s*(?:prompt|提示词|指令|咒语)s?(?![a-z])(?!\s*(?:字数|长度|限制|上限|character|length|limit|adherence))"
)


# an item that is a step of a chain of steps (创意会 → 脚本 → 分镜 → 配音, script -> storyboard)
_IN_CHAIN_BEFORE = re.compile(r"(?:→|->|=>|⇒|➡)\s*[^\s→]{0,8}$")
_IN_CHAIN_AFTER = re.compile(r"[^\s→]{0,8}\s*(?:→|->|=>|⇒|➡)")


# a turn doubting what was said before it (听说支持4K，但是否属实还不确定): it stands no more
_DOUBTED = re.compile(
    r"属实|真假|是真是假|是不是真的|真的假的|准确与否|\bwhether (?:it|that|this)(?:'s| is) true"
)
# a setting the model holds fixed (分辨率固定为480p, resolution is fixed at 720p) ...
_FIXED_BEFORE = re.compile(
    r"(?:固定为|固定在|固定|锁定为|锁定在|(?:\b(?:is|are)\s+|(?<![a-z]\s)(?<![a-z]))(?:fixed|locked)\s+(?:at|to))\s*\**\s*$"
)
# ... unless the reviewer fixed it for a test (我把分辨率固定为1080p, with the seed fixed at 42)
_SETTER_BEFORE = re.compile(r"把|将|我|我们|\bwith\b|\bi\b|\bwe\b|\bset\b")
# a label saying what a model suits (Best for: …, 适合：…): its items are uses, not what it offers
_PURPOSE_LABEL = re.compile(
    r"\b(?:best|ideal|good|great|perfect|recommended) for\b|\buse cases?\b"
    r"|适合|适用|推荐(?:用于|场景|用途|给)"
)


class SpecRules:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        limit_before = lex.words("features", "only") + lex.words("features", "cannot")
        limit_before += lex.words("features", "limit_before")
        not_after = lex.alt("features", "not_limit_after", bound_start=False)
        taken = [f"{w} " for w in ("take", "takes", "took", "taking", "need", "needs", "in")]
        self.limit_before_re = re.compile(  # 不仅 / 不只 (not only), "takes only 30 seconds" are no limit
            rf"(?:{alt_not_after(limit_before, ['不', 'not ', *taken])})(?!\s*(?:{not_after}))"
            rf"(?!{_CHEAP_SHARE})"
        )
        self.limit_after_re = re.compile(rf"\s*[\-(（]?\s*(?:{lex.alt('features', 'limit_after')})")
        self.only_words = frozenset(lex.words("features", "only"))  # 只有A支持: A alone (see _exclusive)
        # a verdict, a delay or an absence a few characters after the item (图生视频不太行, 文生视频也没有。)
        gap = r"[^，。,.；;：:！？!?\n、]{0,4}?"
        self.absent_after_re = re.compile(
            rf"{gap}(?:(?:{lex.alt('features', 'absent_after')}){_NOT_ELSEWHERE}"
            rf"|(?:{lex.alt('features', 'absent_end')})\s*(?=[，。,.；;！？!?\n]|$))"
        )
        # or in a short clause of its own after the items: 首尾帧、运动笔刷，这两个一个都没有
        self.absent_next_re = re.compile(
            r"\s*[，,]\s*(?:这|那)?(?:两|俩|几|些|三)?(?:个|样|项)?(?:功能)?"
            r"\s*(?:[A-Za-z][\w .\-]{0,16}?)?\s*"
            r"(?:一个|一样|一项)?(?:都|也|全都|全)(?:没有|没|不支持|不行)\s*(?=[，。,.；;！？!?…\n]|$)"
        )
        grant = (
            lex.words("features", "can") + lex.words("features", "grant") + lex.words("features", "not_grant")
        )
        self.grant_re = WordScanner(grant)
        self.narrative = frozenset(lex.words("features", "narrative"))
        self.not_grant = frozenset(lex.words("features", "not_grant"))
        # the grant may open the next clause: 3～10s内的视频，都可以自由生成
        self.can_after_re = re.compile(rf"[^。;；\n]{{0,16}}?(?:{lex.alt('features', 'can_after')})")
        # (not a field of them: 同类的人脸参考模型里, text-to-video models, 文生视频模型这片战场)
        self.kind_noun_re = re.compile(
            rf"\s?(?:\([^()]{{1,8}}\)\s?)?(?:{lex.alt('features', 'kind_nouns')})(?![里中这领赛类])"
        )
        self.versus_re = re.compile(lex.alt("features", "versus"))
        self.verdict_re = re.compile(lex.alt("features", "verdict_before"))
        self.speed_re = WordScanner(lex.words("features", "not_length"))
        # a user tier alone states no limit ("free users get 1080p"); with a cap word it does
        self.tier_cap_re = re.compile(
            lex.alt("features", "restrictive") + "|" + lex.alt("features", "max_length_only")
        )
        self.tier_users_re = re.compile(lex.alt("features", "tier_users"))
        self.free_label_re = free_label_re(lex.alt("features", "free_users"))
        self.up_to_re = re.compile(lex.alt("features", "up_to"), re.I)
        self.cap_label_re = re.compile(lex.alt("features", "cap_labels"))
        # what makes an item a limit (only, requires, 仅…): such a clause states a limit, it does not go
        # on with an enumeration of what is offered
        self.item_limit_re = re.compile(lex.alt("spec_rows", "negative"))
        self.limit_label_re = re.compile(rf"(?:{lex.alt('features', 'limit_labels')})[^:：]{{0,16}}[:：]")
        self.splitter = Splitter(lex)
        self.question_re = re.compile(rf"[?？]\s*$|{lex.alt('features', 'question')}")
        # a label opening a short line that is no sentence (no comma, no full stop) heads a spec row
        row = r"(?![^\n]*[，,；;。!?！？]|[^\n]*\.[ \t]*$)"
        # a list mark before the label (- Duration options: 6 s), and a maximum (Max video length)
        mark = r"\s*(?:[-•*·]\s+)?(?:(?:max|maximum|最长|最大)\s*)?"
        self.spec_label_re = re.compile(rf"{mark}(?:{lex.alt('features', 'spec_labels')}){row}")
        # the first cell of a spec sheet's Markdown row (| Max resolution | 1080p |)
        self.cell_label_re = re.compile(rf"{mark}(?:{lex.alt('features', 'spec_labels')})\s*(?:\(\w+\))?\s*$")
        named = f"{lex.alt('features', 'spec_labels')}|{lex.alt('spec_rows', 'spec_heads')}"
        self.bold_label_re = re.compile(rf"\*\*[^*\n]{{0,12}}?(?:{named})[^*\n]{{0,6}}\*\*")

    @staticmethod
    def _priced_clause(view: SectionView, sid: int, pos: int) -> bool:
        """Does the clause holding ``pos`` state an amount of money or credits?"""
        for c in view.sentences[sid].clauses:
            if c.start <= pos < c.end:
                return any(c.start <= q.start < c.end and q.kind in _AMOUNTS for q in view.quantities[sid])
        return False

    @staticmethod
    def _opens_on_limit(text: str, start: int, clause: Clause) -> bool:
        """Does the sentence open on a limit it names, within or into ``clause`` (One limitation of
        Gen-2 … is the framerate …; not a later clause: …is the price, but Kling 2.1 supports 1080p)?"""
        m = _LIMIT_OPENING.match(text, start, clause.end)
        return m is not None and m.end() >= clause.start

    @staticmethod
    def _billed(view: SectionView, sid: int, clause: Clause) -> bool:
        """Does ``clause`` (or the words its opening bracket belongs to) say how billing goes, with no
        amount of its own?"""
        text, sent = view.cue_text, view.sentences[sid]
        if any(clause.start <= q.start < clause.end for q in view.quantities[sid] if q.kind in _AMOUNTS):
            return False  # an amount's clause: its features are read as its variant (see _priced_note)
        if _BILLED.search(text, clause.start, clause.end):
            return True
        bracket = text[clause.start : clause.end].lstrip()[:1] in ("(", "（")
        return bracket and _BILLED.search(text, sent.start, clause.start) is not None

    @staticmethod
    def _made_in(view: SectionView, sid: int, clause: Clause) -> bool:
        """Does the clause time a generation (a 10-second clip at 720p renders in 60 seconds)? Then
        its lengths and resolutions say what was timed, not what is offered."""
        text = view.cue_text
        return any(
            q.kind == "time"
            and clause.start <= q.start < clause.end
            and MADE_IN.search(text, clause.start, q.start)
            for q in view.quantities[sid]
        )

    # ----- claims ----------------------------------------------------------------
    def sentence_claims(self, view: SectionView, sid: int, items: list[Item]) -> tuple[list[Draft], set[int]]:
        """The claims of sentence ``sid``'s items, and the indexes of the clauses that gave one."""
        sent = view.sentences[sid]
        text = view.cue_text
        if any(q.kind in _AMOUNTS for q in view.quantities[sid]):
            # a resolution or length next to an amount says what the amount buys; a named feature
            # (text-to-video endpoints, Motion Brush) is still offered
            items = [
                i
                for i in items
                if (i.what == "feature" and not _priced_note(view, sid, i.start))
                # 最高 1080p、15s 片段，每秒 $0.11 起: a maximum is what it offers, not what the price buys
                # (unless its own clause prices it or the sentence caps a tier of users)
                or (
                    i.what in ("value", "length")
                    and _MAX_RIGHT_BEFORE.search(text, max(0, i.start - 8), i.start)
                    and not self._priced_clause(view, sid, i.start)
                    and not self.tier_users_re.search(text, sent.start, sent.end)
                )
            ]
            if not items:
                return [], set()
        asked = self.question_re.search(text, sent.start, sent.end)
        if asked is not None:
            # asked, not stated (能否支持4K吗); when the asking clause turns from what comes before
            # (支持图生视频，但人物是否一致还要看), what was said before it still stands
            opens = [c for c in sent.clauses if c.start <= asked.start()]
            turns = opens and opens[-1].contrast and not _DOUBTED.search(text, opens[-1].start, opens[-1].end)
            asking = opens[-1].start if turns else sent.start
            items = [i for i in items if i.start < asking]
            if not items:
                return [], set()
        if text.startswith(("?", "？"), sent.end) and sent.clauses:
            # Can I make a 60-second clip in one pass? asked, not stated: the asking clause only (Sora 2
            # supports 1080p, and what about 4K?)
            items = [i for i in items if i.start < sent.clauses[-1].start]
            if not items:
                return [], set()
        if _under_price_line(view.clean, sent.start):
            return [], set()  # "$0.10 /秒" over "- 720p - with native audio": what the price buys
        priced = _PRICE_SUBJECT.match(text, sent.start, sent.end)
        if priced is not None:
            # 价格按分辨率区分：480p、720p: what the price depends on, up to a clause naming a model
            # (计费按秒进行，Kling 3.0 支持原生音频: that model's offer still stands)
            named = [m.start for m in view.mentions[sid] if m.start >= priced.end() and not m.versus]
            cut = sent.end
            if named:
                cut = next((c.start for c in sent.clauses if c.start <= named[0] < c.end), named[0])
            items = [i for i in items if i.start >= cut]
            if not items:
                return [], set()
        if _TEST_ROUND.match(text, sent.start, sent.end):
            return [], set()  # 第一回合：口型同步, Round 1: image to video: what is tested, not offered
        if _PROMPT_SUBJECT.match(text, sent.start) and not view.mentions[sid]:
            return [], set()  # 这次的Prompt更复杂，加入了叹气: what was asked, not offered
        layout = self._layout(view, sid, items)
        sheet = sheet_label(text, sent.start, sent.end) if layout else None
        if sheet is not None:  # | Aspect ratios | 16:9 |: the values are the items, the label is no item
            items = [i for i in items if not sheet[0] <= i.start < sheet[1]] or items
        out: list[Draft] = []
        claimed: set[int] = set()
        carried = False  # the last clause holding items was granted
        for ci, clause in enumerate(sent.clauses):
            inside = [i for i in items if clause.start <= i.start < clause.end]
            if (
                not inside
                or self.speed_re.search(text, clause.start, clause.end)
                or self._made_in(view, sid, clause)
            ):
                # a grant with its items after it ("generates videos (16:9, 9:16)") carries on
                carried = not inside and self._grants(view, sid, clause.start, clause.end)
                continue  # none, or what was timed (10秒1080p视频生成时间约2分钟)
            if self._billed(view, sid, clause):
                continue  # 768P 与 2K 按秒计费, billed by resolution (720p or 1080p): what a price depends on
            if _TIMED.search(text, clause.start, clause.end):  # 30秒生成4秒视频: the length of the clip timed
                inside = [i for i in inside if i.what != "length"]
                if not inside:
                    continue
            granted = (
                layout
                or self._grants(view, sid, clause.start, clause.end)
                or any(a <= clause.start < b for a, b in view.offered_lines)
                # a Markdown row of a table whose columns are models: each cell is what that model offers
                # (not a flattened one, where the cells' bounds are guessed)
                or self._model_cell(view, sid, inside[0].start)
            )
            granted = granted or bool(self.can_after_re.match(text, inside[-1].end, sent.end))
            # "is a text-to-video model" grants it; 文生视频模型Sora发布, Pika文生影片模型 name its type
            granted = granted or (
                bool(self.kind_noun_re.match(text, inside[-1].end, sent.end))
                and _COPULA.search(text, sent.start, inside[0].start) is not None
            )
            # "generates 10-second videos, at 24 fps, in 16:9 or 9:16": a clause going on with a
            # preposition goes on with the grant before it
            granted = granted or (carried and _GOES_ON.match(text, clause.start) is not None)
            # "with native audio, 9:16 vertical for social, and image-to-video": a clause that opens on
            # its item goes on with the enumeration of the granted clause before it
            granted = granted or (
                carried
                and _ITEM_FIRST.fullmatch(text, clause.start, inside[0].start) is not None
                and self.item_limit_re.search(text, clause.start, clause.end) is None
            )
            carried = granted
            lo = clause.start
            absent = self.absent_next_re.match(text, clause.end, sent.end)
            limited = (
                bool(self.limit_label_re.search(text, sent.start, clause.start))
                # One limitation of Gen-2 … is the framerate of the four-second videos it makes
                or self._opens_on_limit(text, sent.start, clause)
                or cap_label(text, sent.start, inside[0].start, self.cap_label_re)
                or absent is not None
            )
            tier_cap = self._tier_cap_row(view, sid)
            limited = limited or tier_cap is not None
            for n, item in enumerate(inside):
                scope = clause  # an enumeration is one statement, from its grant to its last item
                if item.anchor is not None:
                    home = [c for c in sent.clauses if c.end > item.anchor and c.start < item.reach]
                    if home:
                        lo_ = max(min(home[0].start, clause.start), item.since)
                        scope = Clause(lo_, max(home[-1].end, clause.end))
                owner = self._owner(view, sid, item)
                if _UNWANTED.search(text, item.end, scope.end):
                    lo = item.end
                    continue  # adds background music I never asked for: a flaw, not a feature
                if _VARIANT_BEFORE.search(text, max(sent.start, item.start - 9), item.start) and any(
                    q.kind in MONEY for q in view.quantities[sid]
                ):
                    lo = item.end
                    continue  # (no audio) $0.50/s, 1080p with audio: $0.15/s: what the price is for
                if _IMPROVED.search(
                    text, max(scope.start, item.start - 72), item.start
                ) or _IMPROVED_ITEM.match(text, item.start):
                    lo = item.end
                    continue  # offers improved fidelity, 增强了…的理解: a quality said better, not a feature
                kind = self._kind(
                    text,
                    scope,
                    lo,
                    item,
                    granted or limited or item.anchor is not None,
                    owned=owner is not None,
                )
                if item.what == "text_cap" and kind is None:
                    kind = self._kind(text, scope, lo, item, True, owned=owner is not None)
                if kind == "limitation" and self._exclusive(view, sid, scope.start, item.start):
                    kind = "capability"  # 只有可灵支持首尾帧, only Veo 3.1 supports audio: it alone has it
                if kind == "capability" and (limited or item.what in ("required", "text_cap")):
                    kind = "limitation"  # 限制：1080P仅支持16:9; a restriction: …; requires an input image
                if (
                    kind in ("capability", None)
                    and _FIXED_BEFORE.search(text, max(scope.start, item.start - 24), item.start)
                    and not _SETTER_BEFORE.search(text, scope.start, item.start)
                ):
                    kind = "limitation"  # 分辨率固定为480p, output is fixed at 720p: one setting only
                if (
                    kind == "capability"
                    and item.anchor is not None
                    and _PRAISED_LIST.search(text, max(item.anchor, item.start - 6), item.end)
                ):
                    kind = "strength"  # 拥有惊人的远景调度和沉浸镜头, boasts stunning lighting and motion
                lo = item.end
                nxt = inside[n + 1].start if n + 1 < len(inside) else clause.end
                if kind is None or (
                    kind == "capability" and self.limit_before_re.search(text, item.end, nxt)
                ):
                    continue  # none, or the condition of a limit after it (1080P只支持6秒)
                if _IN_CHAIN_BEFORE.search(
                    text, max(0, item.start - 12), item.start
                ) or _IN_CHAIN_AFTER.match(text, item.end):
                    continue  # 脚本 → 分镜 → 拍摄 → 配音: a step of a process, no feature
                # a specification line or row is one statement: it is the quote of each item in it
                if sheet is not None:  # | Max resolution | 1080p |: quoted from its label to its value
                    span = (sheet[0], scope.end)
                else:
                    span = (sent.start, sent.end) if layout else (scope.start, scope.end)
                row = sheet_row(text, sent.start, self.spec_label_re) if layout else None
                if row is not None:  # a value line quotes its row from the label (Output resolutions …)
                    span = (min(row, span[0]), span[1])
                if absent is not None:  # the quote takes the clause that denies the items
                    span = (span[0], max(span[1], absent.end()))
                if tier_cap is not None:  # | Max resolution | 720p |: the row from its label
                    span = (min(span[0], tier_cap), span[1])
                if owner is not None:  # the quote names its owner: Runway (40s max)
                    span = (min(span[0], owner[1]), span[1])
                made = self._drafts(view, sid, span, scope, item, kind, owner[0] if owner else None)
                if made:
                    claimed.add(ci)
                out += made
        return out, claimed

    def _model_cell(self, view: SectionView, sid: int, pos: int) -> bool:
        """Is ``pos`` in a model's cell (not the label) of a Markdown row whose columns are models?"""
        cell = view.row_label(sid)
        if cell is None or not view.columns[sid][1]:
            return False
        piped = view.clean[cell[0] - 1 : cell[0]] == "|"
        # a row leaving out its opening pipe (as GFM allows) only under a specification label
        # (Resolution / FPS | 720p, 1080p |): its verdict and limit labels are read for piped rows only
        bare = (
            not piped
            and view.clean[cell[1] : cell[1] + 1] == "|"
            and self.cell_label_re.search(view.cue_text[cell[0] : cell[1]].strip()) is not None
        )
        return (
            (piped or bare)
            and pos > cell[1]
            # | 生成速度 | 1分13秒 (8秒视频) |: the clip timed
            and not _TIMED_OR_PRICED_LABEL.search(view.cue_text, cell[0], cell[1])
        )

    def _grants(self, view: SectionView, sid: int, lo: int, hi: int) -> bool:
        """Does [lo, hi) say the model offers something (支持, 生成, up to)?

        Not what one test made (生成了), nor a grant word inside a model name (可灵) or another word (可能).
        """
        text = view.cue_text
        names = [(m.start, m.end) for m in view.mentions[sid]]
        for m in self.grant_re.finditer(text, lo, hi):
            word = m.group(0)
            if word in self.not_grant or any(a <= m.start() < b for a, b in names):
                continue
            if not (word in self.narrative and text.startswith("了", m.end())):
                return True
        return False

    def _layout(self, view: SectionView, sid: int, items: list[Item]) -> bool:
        """Is the sentence laid out as a specification: "画质：1080p", or a model then several items?"""
        sent = view.sentences[sid]
        text = view.cue_text
        line_start = text.rfind("\n", 0, sent.start) + 1
        label = LIST_LINE.match(text, line_start)
        if label is None:
            # a bold label is masked in the cue text: read in the clean text, when it names a
            # specification or a list of features (- **Resolution**: 720p, **Special features**: …)
            bold = LIST_LINE.match(view.clean, line_start)
            if bold is not None and self.bold_label_re.search(view.clean, line_start, bold.end()):
                label = bold
        if (
            label
            and label.end() <= items[0].start
            # a list item is one statement; in prose only the label's own sentence is
            and (sent.start <= label.end() or text[line_start : line_start + 1] in LIST_MARKS)
            and not self.versus_re.search(text, line_start, items[0].start)
            and not _PURPOSE_LABEL.search(view.clean, line_start, label.end())
        ):
            return True
        cell = sheet_label(text, sent.start, sent.end)
        if (
            cell is not None
            and cell[1] <= items[-1].start
            and self.cell_label_re.match(text[cell[0] : cell[1]])
        ):
            return True  # | Max resolution | 1080p |: a spec sheet's row, its label in the first cell
        line_end = text.find("\n", sent.end)
        line_end = len(text) if line_end < 0 else line_end
        if sent.start == line_start and sheet_row(text, items[0].start, self.spec_label_re) is not None:
            return True  # a spec sheet flattened into text: Frame rate (FPS) 24fps, and its value lines
        named = [m for m in view.mentions[sid] if not m.versus]
        if (
            len(items) == 1
            and items[0].what == "feature"
            and heading_item(text, items[0].start, items[0].end)
        ):
            # a heading naming a model and its mode (Kling 2.6 Image-to-Video): the mode is the model's
            # (a bare brand and a feature word is a product's name: Kling Sound)
            m = named[0] if named else None
            return m is not None and m.explicit and m.start < items[0].start and items[0].start - m.end <= 2
        if len(items) < 2 or any(ch in text[sent.start : sent.end] for ch in "，,；;。"):
            return False
        return bool(named) and named[0].start < items[0].start and items[0].start - named[0].end <= 6

    def _kind(
        self, text: str, clause: Clause, lo: int, item: Item, granted: bool, owned: bool = False
    ) -> str | None:
        """The kind of ``item``; ``lo`` is where the text about it starts (the previous item's end).

        An item a compared model owns (longer than Runway's 16-second cap) is still that model's.
        """
        if not owned and self.versus_re.search(text, lo, item.start):
            return None
        if _CONDITIONAL.search(text, clause.start, item.start) or _CONDITION_AFTER.match(
            text, item.end, clause.end
        ):
            return None  # 如果支持4K就好了, 如有新增功能, if it supported 4K: a wish or a condition, no offer
        if self.verdict_re.search(text, clause.start, item.start):
            return None  # the best lip sync, #1 for text-to-video: a verdict on it
        if (
            self.limit_before_re.search(text, clause.start, item.start)
            or self.limit_after_re.match(text, item.end, clause.end)
            or self.absent_after_re.match(text, item.end, clause.end)
            or (
                self.tier_users_re.search(text, clause.start, item.start)
                and self.tier_cap_re.search(text, clause.start, clause.end)
            )
            or (  # (- Free plan: Up to 1080p: the line's label names the users)
                self.free_label_re.match(text, text.rfind("\n", 0, item.start) + 1, item.start)
                and self.up_to_re.search(text, clause.start, item.end)  # (the item may hold it: up to 1080p)
            )
        ):
            return "limitation"
        return "capability" if granted else None

    def _tier_cap_row(self, view: SectionView, sid: int) -> int | None:
        """Where the label cell starts when sentence ``sid`` is a table row labelled with a maximum
        (| Max resolution | 720p |) under a heading naming a user tier (Free Plan, 免费版): that
        tier's cap is its limit. None otherwise."""
        text = view.cue_text
        sent = view.sentences[sid]
        line_start = text.rfind("\n", 0, sent.start) + 1
        cells = cells_of(text, line_start, sent.end) if text.startswith("|", line_start) else []
        if not cells or not self.cap_label_re.search(text, *cells[0]):
            return None
        return cells[0][0] if under_heading(view, sid, self.tier_users_re) else None

    def _exclusive(self, view: SectionView, sid: int, lo: int, hi: int) -> bool:
        """Is the only restrictive word before an item in [lo, hi) one that a model's name follows
        (只有A支持…, only A supports …): A alone has the feature, no limit of A's?"""
        text = view.cue_text
        hits = list(self.limit_before_re.finditer(text, lo, hi))
        if len(hits) != 1 or hits[0].group(0) not in self.only_words:
            return False  # neither A nor B supports …: a limit of both
        end = hits[0].end()
        if text.endswith("the ", max(0, hits[0].start() - 4), hits[0].start()) and _ONLY_ONE.match(text, end):
            return True  # the only model that ships open weights with 4K: it alone has them
        return any(0 <= m.start - end <= 1 and not text[end : m.start].strip() for m in view.mentions[sid])

    @staticmethod
    def _owner(view: SectionView, sid: int, item: Item) -> tuple[Subject, int] | None:
        """A model named right before the item owns it, compared or not (Runway (40s max), Sora's 35s cap)."""
        text = view.cue_text
        for m in view.mentions[sid]:
            gap = text[m.end : item.start]
            if m.end <= item.start and len(gap) <= 4 and re.fullmatch(r"(?:'s)?[\s(（:：]*", gap):
                return Subject(list(m.models), [m.tier] * len(m.models), True), m.start
        return None

    def _drafts(
        self,
        view: SectionView,
        sid: int,
        span: tuple[int, int],
        clause: Clause,
        item: Item,
        kind: str,
        owner: Subject | None,
    ) -> list[Draft]:
        subj = owner or view.subject(sid, clause.start, clause.end, item.start)
        if subj is None or not subj.models:
            return []
        conf = self.lex.confidence(kind)
        if not subj.explicit:
            conf *= float(self.lex.confidence("context_model_factor"))
        feature = " ".join(view.text[item.start : item.end].split())
        return [
            Draft(kind, span[0], span[1], name, tier, "spec", round(conf, 3), {"feature": feature})
            for name, tier in zip(subj.models, subj.tiers, strict=True)
        ]


def _priced_note(view: SectionView, sid: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket right after an amount (120 credits/video (no audio), $0.10/s (Fast
    1080p no audio))? The note names the variant the amount is for, not what the model offers."""
    text = view.cue_text
    sent = view.sentences[sid]
    opened = max(text.rfind("(", sent.start, pos), text.rfind("（", sent.start, pos))
    if opened < 0 or max(text.rfind(")", opened, pos), text.rfind("）", opened, pos)) >= 0:
        return False
    closed = _NOTE_END.search(text, opened, min(sent.end, opened + 32))
    if closed is None or _NOTE_SAYS.search(text, opened, closed.start()):
        return False  # (no audio, and it cannot do lip sync at all): the model's own limits
    return any(
        q.kind in _AMOUNTS and q.end <= opened and not text[q.end : opened].strip()
        for q in view.quantities[sid]
    )
