"""The role a model mention plays in its sentence: a yardstick something is compared with (相比X,
than X, a third of the price of X), or coordinated with the mentions beside it (A和B, A、B), which
then share one role."""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon, alt
from ingest.extract.mentions import Mention

# 比如/比方说 (for example) open a list of examples, not a comparison with 比
_SUCH_AS = re.compile(r"比如|比方说?")
# a sentence opening on 比一下 (再比一下 X 划不划算: let us weigh X up) names what it weighs, no
# yardstick (A 我比了一下 B, 对比一下 A和B still compare)
_WEIGH_UP = re.compile(r"\s*(?:#+\s*)?(?:顺手|再|来|我们|咱们|简单|最后)?(?:来)?比(?:一下|一比)\s*$")
# a level told by another model (大概在可灵1.0那个版本左右, 处于Sora的水平): the model is a yardstick
_LEVEL_BEFORE = re.compile(r"(?:在|处于|达到了?|接近)\s*$")
_LEVEL_AFTER = re.compile(r"[^，。,；;！？!?\n]{0,12}?(?:左右|水平|级别|档次|程度)")

# "making Veo 2 feel outdated by comparison": the model the clause ends on, by comparison, is a yardstick
_BY_COMPARISON = re.compile(r"[^.;!?,，。；！？\n]{0,40}?\b(?:by|in) comparison\b")

# between two names each in its own brackets: ] [, 】【, `) (`
_BRACKETED_PAIR = re.compile(r"[\]】)）`]\s*\\?[\[【(（`]")

# a bracketed aside on the item before, then the word joining the next one
_ASIDE_THEN = re.compile(r"[(（][^()（）\n]{1,60}[)）]\s*(,?\s*(?:and|or|和|或|或者|以及|及|、|/))")
# …and the next item said the same way, its own bracket or the sentence's end after it ("than Wan
# (30-60s) and Hunyuan (60-120s)."), not a clause of its own ("than Kling (¥0.5/s) and Hailuo costs…")
_PARALLEL_END = re.compile(r"\s*(?:[(（.;。；!?！？]|$)")
# the last join of a list after a comma (", and", "、或", ",或者"): the coordinator alone
_LIST_TAIL = re.compile(r"[,、]\s*(and|or|和|或|或者|以及|及)")


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


# 旧版Sora, the original Sora: the brand's earlier model, never the version the document is about
OLD_BEFORE = re.compile(
    r"(?:旧版|舊版|老版|旧的|舊的|老的|初代|第一代|原版|早期的?|前代|上一代|上代)\s*$|\b(?:old|older|original|first-gen|first-generation|earlier|previous)\s+$",
    re.I,
)
# 第一代AI生成影片工具 Sora, OpenAI's original video model Sora: the same, with what the model is between
# (only words for a video model: not 第一代用户最喜欢的工具, "the original app"); read only where the
# rest of the sentence speaks of no present (作为第一代AI视频工具，可灵现在已经很稳定)
_FIRST_MODEL_ZH = (
    r"(?:初代|第一代|首代)\s*(?:ai)?\s*(?:(?:文生|图生)?(?:视频|影片)|生成){0,3}\s*(?:模型|工具)"
)
OLD_NAMED_BEFORE = re.compile(
    rf"{_FIRST_MODEL_ZH}\s*$"
    r"|(?:\bthe|\bits|['’]s)\s+(?:original|first-gen|first-generation)\s+(?:ai\s+)?(?:video\s+)?"
    r"(?:generation\s+)?(?:model|tool)\s+$"
)
PRESENT_AFTER = re.compile(r"[^。！？!?\n]{0,40}?(?:现在|如今|目前|\bnow\b|\btoday\b|\bthese days\b)")


# "a third of the price of Veo", "twice the cost of Sora 2", 价格只有可灵的一半 is said by compare_after
_SHARE_OF = re.compile(
    r"(?:half|third|quarter|fifth|tenth|fraction|twice|double|triple|\d+(?:\.\d+)?\s*(?:x|times))\s+"
    r"(?:of\s+)?(?:the\s+)?(?:price|cost|speed)\s+of\s+(?:the\s+)?$"
    # "a significant upgrade from Hailuo 01", "a big step up over Gen-3": the predecessor compared
    r"|\b(?:upgrade|improvement|step up|leap|jump|successor)\s+(?:from|over|on|to)\s+(?:the\s+)?$"
)


# "features Veo simply doesn't have": the model that lacks them is a yardstick (所没有的 is left to the
# negation: Veo没有的功能 says what Veo lacks)
_LACKS_BEFORE = re.compile(
    r"\b(?:features?|things?|capabilities|abilities|tools?|options?|something|anything)\s+$"
)
_LACKS_EN = re.compile(
    r"\s*(?:simply |still |just |even |currently )?"
    r"(?:doesn['’]?t|does not|don['’]?t|can['’]?t|cannot|lacks?)\b"
)


# "extended from Sora 1's 6-second limit", "up from Gen-3's": what the subject grew out of
_GROWN_FROM = re.compile(
    r"\b(?:(?:extended|increased|expanded|upgraded|evolved|grown)"
    r"(?:\s+(?:significantly|dramatically|greatly|substantially|considerably))?"
    r"|(?:built on|refactored|rebuilt|rewritten|derived)[^,.;:!?，。；：]{0,40}?"
    r"\b(?:architecture|codebase|backbone|foundation))"
    r"\s+from\s+(?:the\s+)?$"
)
# "Same structural limits as Veo 3.1:": what the subject shares, measured against the model named
_SAME_AS = re.compile(
    r"\bsame(?:\s+[a-z-]+){1,3}\s+as\s+(?:in\s+)?(?:the\s+)?(?:full\s+|standard\s+|regular\s+|original\s+)?$"
    # "The main difference from Gen-4 is…", "what sets it (Kling 2.1) apart from Veo 3": the other model
    r"|\b(?:differences?|different|departure|sets?\s+(?:[^,.;:!?，。；：]|(?<=\d)\.(?=\d)){1,25}?\s+apart)\s+from\s+(?:the\s+)?$"
)


# a word after a name the registry does not know, then a list mark (Veo 3 Quality 、 Veo 3 Fast)
_WORD_THEN_LIST = re.compile(r"[a-z][a-z0-9-]{1,11}\s*(、|,|，|/)")


# "features … are still only available in Veo 2", 仅在Veo 2中可用: where a feature is had, said of a model
# that lacks it (the sentence's own subject)
_ONLY_IN = re.compile(
    r"\bonly (?:available|offered|supported|possible|usable|accessible) (?:in|on|with|through|via)"
    r" (?:the )?\s*$"
)
_ONLY_IN_ZH = re.compile(r"(?:仅|只|仅仅|只能)在\s*$")  # (not 只有X支持: X is the one that has it)
_ONLY_IN_ZH_AFTER = re.compile(r"\s*(?:中|里|上|里面)(?:才)?(?:可用|能用|可以用|提供|支持|才有|有)")


class MentionRoles:
    def __init__(self, lex: Lexicon) -> None:
        # (相比之下, 对比之下: "by contrast", then the clause's own subject)
        self.compare_before = re.compile(
            rf"(?:{lex.alt('markers', 'compare_before')})(?!之下)[^，。,；;!！?？]{{0,4}}$"
        )
        # 比不含音频的Veo 2贵, 比之前的可灵2.1便宜: a 的-phrase between the marker and the yardstick
        # (相比2024年2月发布的初代 Sora: an "earlier" word may follow the 的)
        self.compare_before_modified = re.compile(
            rf"(?:{lex.alt('markers', 'compare_before')})[^，。,；;!！?？的]{{1,12}}的\s*"
            r"(?:初代|旧版|老版|第一代|前代|上一代|原版)?\s*$"
        )
        # outperforming OpenAI's recently launched Sora, than the older Gen-3, than standard Ray 2: English
        # words describing the yardstick between the marker and its name
        self.compare_before_described = re.compile(
            rf"(?:{lex.alt('markers', 'compare_before')})\s+"
            r"(?:(?:the|a|an|its|their|(?:(?!and\b|but\b|so\b|or\b|then\b)[a-z]+\s+)?[a-z]+['’]s|[a-z-]+ly|"
            r"[a-z-]+ed|(?!(?:usual|real|normal|actual|total|overall|general)\b)[a-z-]+al|new|newer|latest|"
            r"recent|current|older|previous|original|own|standard|"
            r"regular|base|basic|full|default|plain)\s+){1,4}$"
        )
        # "the upgrade from Video 2.6": a product word between the marker and a bare version
        self.compare_before_word = re.compile(
            rf"(?:{lex.alt('markers', 'compare_before')})\s+(?:video|model|version)\s+v?$"
        )
        # 与前代Veo 3相比, 跟老版可灵比: a short modifier may sit between the marker and the yardstick
        # (和第一代模型可灵相比: or the earlier model, said with what it is)
        self.compare_with = re.compile(
            rf"(?:{lex.alt('markers', 'compare_with')})"
            rf"(?:[\u4e00-\u9fff]{{0,3}}|{_FIRST_MODEL_ZH})\s*$"
        )
        # 跟目前最好的模型可灵1.6比: the yardstick may carry a 的-phrase between 跟 and its name
        self.compare_with_modified = re.compile(
            rf"(?:{lex.alt('markers', 'compare_with')})[^，。,；;:：!！?？]{{0,24}}"
            r"的[^，。,；;:：!！?？的]{0,6}$"
        )
        self.compare_after = re.compile(rf"\s*(?:{lex.alt('markers', 'compare_after')})")
        self.compare_with_words = frozenset(lex.words("markers", "compare_with"))
        # 与OpenAI的Sora 2…: the marker, then at most an owner's name with 的
        self.compare_with_owned = re.compile(
            rf"(?:{lex.alt('markers', 'compare_with')})\s*(?:[\w\u4e00-\u9fff]{{1,10}}的)?\s*$"
        )
        self.coord = {w.strip() for w in lex.words("markers", "coordination")}
        # A和B with the second owner named (字节的Seedance 2.0和快手的Kling 3.0, Google's Veo 3 and
        # OpenAI's Sora 2): the possessive is no break in the coordination
        self.coord_owned = re.compile(
            rf"(?:{alt(self.coord)})\s*(?:[\u4e00-\u9fff]{{1,6}}的|[a-z]{{2,12}}\s*的|[a-z]{{2,12}}'s)\s*"
        )

    def is_versus(self, norm: str, start: int, end: int, sent_start: int) -> bool:
        """Is the model at [start, end) what something is compared with (相比X, 和X相比, than X)?
        A yardstick with a 的-phrase before it is found by :meth:`yardstick_from`, not here."""
        before = norm[max(sent_start, start - 16) : start]
        if start - sent_start <= 16 and _WEIGH_UP.fullmatch(norm, sent_start, start):
            return False
        if "比" in before:  # 比如, 比方说 (each holds 比) blanked
            before = _SUCH_AS.sub(lambda m: " " * len(m.group(0)), before)
        # cheap tests first: _SHARE_OF and compare_before_described end on whitespace right before
        # the name, compare_before_modified holds a 的, _BY_COMPARISON its "comparison" close after it
        spaced = start > sent_start and norm[start - 1].isspace()
        return (
            bool(self.compare_before.search(before[-12:]))
            or (spaced and bool(self.compare_before_word.search(norm, max(sent_start, start - 40), start)))
            or (spaced and bool(_SHARE_OF.search(norm, max(sent_start, start - 40), start)))
            or ("的" in before and bool(self.compare_before_modified.search(before)))
            or (
                spaced
                and bool(self.compare_before_described.search(norm, max(sent_start, start - 60), start))
            )
            or bool(self.compare_after.match(norm, end) and self.compare_with.search(before))
            or (spaced and bool(_SAME_AS.search(norm, max(sent_start, start - 60), start)))
            or (spaced and bool(_GROWN_FROM.search(norm, max(sent_start, start - 60), start)))
            or (norm.find("comparison", end, end + 60) >= 0 and bool(_BY_COMPARISON.match(norm, end)))
            or (bool(_LEVEL_BEFORE.search(before)) and bool(_LEVEL_AFTER.match(norm, end)))
            or bool(
                _LACKS_EN.match(norm, end) and _LACKS_BEFORE.search(norm, max(sent_start, start - 16), start)
            )
            or (spaced and bool(_ONLY_IN.search(norm, max(sent_start, start - 40), start)))
            or bool(_ONLY_IN_ZH.search(before) and _ONLY_IN_ZH_AFTER.match(norm, end))
        )

    def yardstick_from(self, norm: str, start: int, end: int, sent_start: int) -> int | None:
        """Where the 的-phrase describing a yardstick starts (跟[目前最好的模型]可灵1.6比): the words
        in it are said of the yardstick, not of the sentence's subject."""
        if not self.compare_after.match(norm, end):
            return None
        m = self.compare_with_modified.search(norm, max(sent_start, start - 36), start)
        return m.start() if m else None

    def _compared_lists(self, norm: str, mentions: list[Mention], gaps: list[str]) -> None:
        """与A、B不相上下, 与OpenAI的Sora 2或Google的Veo 3分庭抗礼: every model of a list that a comparison
        marker opens and a comparison word closes is a yardstick."""
        i = 0
        while i < len(mentions):
            j = i
            while j + 1 < len(mentions) and (
                gaps[j + 1] in self.coord or self.coord_owned.fullmatch(gaps[j + 1])
            ):
                j += 1
            if j > i and self.compare_after.match(norm, mentions[j].end):
                # the list starts at the marker: before its first item, or as the word joining the
                # subject to it (A与B、C不相上下)
                k = next((k for k in range(i + 1, j) if gaps[k] in self.compare_with_words), i)
                lo = mentions[k].start
                if k > i or self.compare_with_owned.search(norm, max(0, lo - 16), lo):
                    for m in mentions[k : j + 1]:
                        m.versus = True
            i = j + 1

    def mark_roles(self, norm: str, mentions: list[Mention]) -> None:
        """Group coordinated mentions (A和B, A、B): they share one role."""
        prev: Mention | None = None
        gaps = [""] + [norm[a.end : b.start].strip() for a, b in zip(mentions, mentions[1:], strict=False)]
        self._compared_lists(norm, mentions, gaps)
        for i, m in enumerate(mentions):
            m.group = i
            gap = gaps[i]
            if gap and gap not in self.coord:
                gap = _LIST_TAIL.sub(_first_group, OLD_BEFORE.sub("", gap).strip())
                if (
                    gap == ","
                    and i + 1 < len(gaps)
                    and (_LIST_TAIL.fullmatch(gaps[i + 1]) or gaps[i + 1] in ("and", "or"))
                ):
                    gap = "、"  # A, B(,) and C: the comma before a coordinated last item joins a list
            if (
                prev is not None
                and prev.versus
                and gap[:1] in "(（"
                and (aside := _ASIDE_THEN.fullmatch(gap))
                and _PARALLEL_END.match(norm, m.end)
            ):
                # "than Gen-4 (which costs ~14 credits/sec) or Gen-4 Turbo": the list of yardsticks goes on
                # past the bracket (a list of subjects keeps each bracket its own: A ($0.10)、B ($0.05))
                gap = aside.group(1)
            if _BRACKETED_PAIR.fullmatch(gap):
                gap = "、"  # [A] [B], 【A】【B】: names each in its own brackets, side by side, are a list
            elif prev is not None and prev.versus and (tail := _WORD_THEN_LIST.fullmatch(gap)):
                gap = tail.group(1)  # 优于 Veo 3 Quality 、 Veo 3 Fast: a word the registry lacks ends a name
            if (
                prev is not None
                and prev.versus
                and norm[prev.end : m.start] == " "
                and norm[prev.end - 1].isascii()
                and norm[m.start].isascii()
                and i + 1 < len(gaps)
                and gaps[i + 1] in self.coord
                and not gaps[i + 1].isascii()  # (English lists its items with commas)
            ):
                gap = "、"  # 吊打cogvideo mochi和ltx: yardsticks listed with a space between, then 和
            # A跟B比: B is the yardstick (versus), never coordinated with the subject
            joins = prev is not None and not (m.versus and not prev.versus)
            if prev is not None and joins and (gap in self.coord or self.coord_owned.fullmatch(gap)):
                m.group, m.versus = prev.group, prev.versus
            prev = m
