"""Time claims: how long a generation takes (speed) and how long a clip may be.

An amount of time is a generation time when its sentence talks about speed
(速度, 耗时, 出来, takes…) or follows a sentence that did (a run of "然后是
可灵2.1，也在1分钟以内。" lines), and is not a clip length (时长, 5秒的视频)
or part of a price. Qualifiers set the bounds: 1分钟不到 / 以内 / under a
minute -> generation_s_max 60; 3分多 -> min 180, max 240; 3分钟以上 -> min 180.
"最长10秒" is a capability; "最长只能5秒", "1080P只支持6秒", "不支持超过8秒",
"8秒以上的视频无法生成" and "cannot make clips longer than 8 seconds" are
limitations, unless the clause goes on to say how fast it came (只30秒就出来了).
"""

from __future__ import annotations

import logging
import re

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.numbers import Quantity
from ingest.extract.prices import column_head
from ingest.extract.section import Draft, SectionView
from ingest.extract.spec_lines import free_label_re
from ingest.extract.table_cells import sheet_label
from ingest.extract.topics import under_heading

log = logging.getLogger(__name__)

_WAIT_CAP = re.compile(r"(?:等|等待|等了|排队|耗时|用时|花了)\s*(?:长达|高达|最长|最多|up to)?\s*$")
_UNIT_SECONDS = {"s": 1.0, "min": 60.0, "h": 3600.0}
# from one time down or up to another: 从18.7秒降至6.3秒, 184 s down to 1.9 s, 从3分钟缩短到40秒
_CHANGED_TO = re.compile(
    r"\s*[，,]?\s*((?:(?:直接|进一步)?(?:降至|降到|降低到|降低至|缩短至|缩短到|减少到|减少至|压缩到|压缩至|压到|提升到|变成|变为)"
    r"|(?:down|cut|reduced|dropped|fell|shortened)\s+to\b|(→|->|\bto\b))(?:\s*(?:了|只需|仅需|约|大约))?)\s*"
)
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|由)(?=[^,，;；。]*$)")


_BOUND_NOUN_AFTER = re.compile(r"[-\s](?:limit|cap|ceiling)s?(?![a-z])")
_ARTICLE_BEFORE = re.compile(r"(?:\ba|\ban|\bthe|['’]s)\s+$")
_OPTION_GAP = re.compile(r"\s*[,，、/]\s*")
_SLASH_AFTER = re.compile(r"\s*[/／]")  # | 8 / 12 seconds | under two models: each one's own


def _listed_before(text: str, times: list[Quantity], i: int) -> bool:
    """Is ``times[i]`` one of three or more lengths listed with commas, not the longest of them (the
    last of the longest)?"""
    j = i
    while j + 1 < len(times) and _OPTION_GAP.fullmatch(text, times[j].end, times[j + 1].start):
        j += 1
    k = i
    while k > 0 and _OPTION_GAP.fullmatch(text, times[k - 1].end, times[k].start):
        k -= 1
    if j - k < 2:
        return False
    run = times[k : j + 1]
    longest = max(range(len(run)), key=lambda n: (_seconds(run[n]), n))
    return k + longest != i


def _seconds(t: Quantity) -> float:
    return t.value * _UNIT_SECONDS.get(t.unit, 1.0)


# "N分钟的X": the length of X, unless X is the waiting itself (1分钟的等待, 5分钟的生成时间)
# "In ten hours I went from…", "two days later we…": the reviewer's own time, not a generation's
# "takes only / took just / in only": the word after it is a time taken, whatever restricts it
TIME_TAKEN = re.compile(r"\b(?:takes?|took|taking|needs?|needed|requires?|required|in|within)\s+$")
_PERSON_AFTER = re.compile(r"\s*,?\s*(?:i|we)\s+(?!think|guess|believe|reckon|measured|timed)[a-z]")
# 生成…视频约4分25秒: a time right after the clip a generation made, with an "about" or a "took" before it
_AFTER_MADE_CLIP = re.compile(
    r"(?:生成|渲染|跑)[^，,。；;]{0,24}?(?:视频|影片|片段)\s*"
    r"(?P<took>约|大约|大概|(?:只|仅)?(?:需要?|要|用了|花了)|耗费了?)?\s*$"
)
# …after 只需/只要, the time ends its clause or leads to the making (只需30秒，只要20秒就能出片)
_ONLY_END = re.compile(
    r"\s*(?:左右)?\s*(?:[，,。！!；;)）]|$|就?(?:能|可以)?(?:生成|出片|完成|搞定|出来|做好|跑完))"
)
# "~84s (5s)": the clip length a time was measured for, in brackets right after it
_CLIP_PAREN_AFTER = re.compile(
    r"\s*[(（]\s*(?:for\s+)?(?:an?\s+)?\d+(?:\.\d+)?\s*(?:s|sec|seconds?|秒)(?:\s*(?:clips?|videos?|视频))?\s*[)）]"
)
# …standing first in the field's value, or after the item before it ("~84s (5s), ~125s (10s)"), not
# after words of its own ("free users get 10s (5s on 1080p)", "bug appears at 3s (5s clip)")
_FIELD_LEAD = re.compile(r"(?:[^\n]*[)）][ \t]*[,，、;；][ \t]*)?(?:~|≈|约|about|approx\.?)?[ \t]*")
# "20 seconds to generate 121 frames", "about 90s to render": a time followed by the making it buys
_TO_MAKE_AFTER = re.compile(r"\s+to\s+(?:generate|render|produce|create|finish|complete)\b")
# …when a verb of needing or a hedge stands right before the time ("needs only 20 seconds to generate",
# ", only 20s to generate"), not a cap or an allowance ("limited to 8 seconds to generate", "you get
# 8 seconds to create your story", "up to 20 seconds to complete a scene")
_TAKEN_BEFORE = re.compile(
    r"(?:^|[,，:：;；(]|\b(?:takes?|took|needs?|needed|requires?|required|spends?|spent))\s*"
    r"(?:(?:only|just|about|around|roughly|approximately|approx\.?|under|less than|~|≈)\s*){0,2}$"
)


def _to_make(text: str, lo: int, hi: int, times: list[Quantity], i: int) -> bool:
    """Is ``times[i]`` the time a making took, said "needs N seconds to generate …" (the clause's only
    time, a verb of needing or a hedge right before it)?"""
    t = times[i]
    if not _TO_MAKE_AFTER.match(text, t.end, hi) or not _TAKEN_BEFORE.search(text[lo : t.start]):
        return False
    return not any(lo <= u.start < hi for k, u in enumerate(times) if k != i)


_ABOUT = ("约", "大约", "大概")
# generated the clip in under 40 seconds, renders a 1080p shot in about a minute: the time it took
_MADE_VERBS = (
    "generated|rendered|produced|created|generates|renders|produces|creates|delivered|delivers"
    "|spat out|spits out|churned out|churns out"
)
# "in just", "within about": what may stand between the making and its time
_IN_HEDGED = (
    r"\b(?:in|within)\s+"
    r"(?:(?:just|only|under|less than|about|around|roughly|approximately|approx\.?|~)\s+){0,2}$"
)
_MADE_TAIL = rf"\b[^,.;:!?]{{0,40}}?{_IN_HEDGED}"
MADE_IN = re.compile(rf"\b(?:{_MADE_VERBS}){_MADE_TAIL}")
# …and, for a time's own reading, the verb in any form ("producing four clips in 72 seconds", "could
# generate one second of video in 10 seconds"); specs keep MADE_IN ("can render 4K in under two
# minutes" still offers 4K)
_MAKING_IN = re.compile(
    MADE_IN.pattern
    + r"|\b(?:generating|rendering|producing|creating|generate|render|produce|create)\b[^,.;:!?]{0,40}?"
    rf"\b(?:clips?|videos?|shots?|footage|seconds? of video)\b[^,.;:!?]{{0,20}}?{_IN_HEDGED}"
    # "turns a prompt into a 480p clip in about 75 seconds": what it is made from, then the clip
    r"|\b(?:turns?|turning|converts?|converting|transforms?|transforming)\b[^,.;:!?]{0,40}?\binto\b"
    rf"[^,.;:!?]{{0,24}}?\b(?:clips?|videos?|shots?|footage|animations?)\b[^,.;:!?]{{0,20}}?{_IN_HEDGED}"
)
# "in 5 seconds of footage", "in 4 seconds increments": a length, not the time it took
# (or lengths, chunks, a list of lengths ending so: "in 5s or 10s lengths"; not "in 30s or 60s
# depending on load", a time and its alternative)
_LENGTH_OF_AFTER = re.compile(
    r"\s*(?:(?:,|/|or\b|and\b)\s*\d+(?:\.\d+)?[-\s]*(?:s|sec|seconds?)\b\s*)*"
    r"(?:of\b|increments?\b|lengths?\b|durations?\b|long\b|chunks?\b|segments?\b|pieces?\b)"
)
_LENGTH_WORD_AFTER = re.compile(r"\s*(?:长(?![时間间])|長(?![時間])|的(?:视频|影片|片段)|long\b)")
_FRAME_BEFORE = re.compile(r"(?<![a-z])(?:in|after|over)\s+$")
# a time spent each day (3 小时/天, two hours a day): a person's working day, no generation
_PER_DAY_AFTER = re.compile(r"\s*(?:[/／每]\s*(?:天|日)|(?:per|a|each) day\b)")
# a table row label naming the clip length: 最长时长, 时长, Max length, Duration
_LENGTH_LABEL = re.compile(
    r"(?:最长|最大|最高|单次)?(?:视频|生成|单条)?(?:时长|长度)|\b(?:max(?:imum)?\s+)?(?:video\s+|clip\s+)?"
    r"(?:length|duration)\b"
)
# minutes a clip of a stated length, inside the amount ("~3 minutes per 5-second clip"): a time to make it
# (not "2 hours per video on prompt writing": a person's time)
_MINUTES_PER_CLIP = re.compile(
    r"\s(?:per|each|a)\s+(?:\d+(?:\.\d+)?[-\s]?(?:seconds?|sec|s)\b[-\s]*)(?:clip|video|shot|generation)s?\b"
)
# minutes or hours a video (4.2 分钟/视频, 3 min per clip, 6 minutes a generation): what making one took
_MINUTES_PER_OUTPUT = re.compile(
    r"\s*[/／]\s*(?:个|条|段|一个|一条|一段)?(?:视频|片段|video|clip|generation|render)s?(?![a-z])"
    r"|\s+(?:per|each|an?)\s+(?:video|clip|generation|render)s?\b"
)
# …not a person's time a video (I spend 2 hours per video on prompts, saves me 3 hours per video)
_PERSON_SPENDS = re.compile(
    r"\b(?:spend|spends|spent|spending|saves?|saved|saving)\b|我(?:花|用)了?|省(?:了|下)"
)
# a GPU or a machine named: a time a video is then what one run took on it
_HARDWARE = re.compile(
    r"\b(?:rtx|gtx|a100|h100|h800|h200|h20|l40s?|l4|a10g?|a6000|a5000|4090|3090|4080|3080|t4|v100|gpu|vram)\b"
    r"|显卡|显存|算力卡"
)
# …not when the word after it makes "video" another thing's kind (3 hours per video edit session)
_CLIP_OF_OTHER = re.compile(r"\s+(?:edits?|editing|sessions?|projects?|production|campaigns?|shoots?)\b")
# a time per clip of a length (9分钟/5秒片段): the first is the making, the second the length
_PER_CLIP_OF = re.compile(r"\s*[/／]\s*(?:一个|一段|个|段|a |one )?\d+(?:\.\d+)?\s*(?:秒|s\b|sec|-second)")
# a time right before the making of a clip (20分钟出一个视频, 3分钟就能生成一段): the time it took
_MADE_NEXT = re.compile(
    r"\s*(?:左右|多|内)?\s*(?:就|才|能|可以|就能|才能|便)?\s*(?:出|生成|跑出|做出|渲染出|产出)(?!现|来的|来了)"
)
# nouns for a made clip, shared by the two length patterns below (each adds words of its own)
_CLIP_NOUNS = r"videos?|clips?|shots?|scenes?|sequences?|footage|outputs?"
# a clip that runs or lasts so long (a take that runs longer than 15 seconds, videos lasting up to 20s)
_RUNS_BEFORE = re.compile(
    rf"\b(?:{_CLIP_NOUNS}|takes?)\s+(?:that\s+|which\s+)?"
    r"(?:runs?|running|ran|lasts?|lasting|lasted|plays?|playing)\s+"
    r"(?:for\s+)?(?:(?:longer|shorter|more|less)\s+than\s+|up\s+to\s+|over\s+|about\s+|around\s+|at\s+least\s+)?$",
    re.I,
)
# a resolution listed right after a time: the two describe the clip (15 秒、720p, 10s, 1080p)
_SPEC_LIST_AFTER = re.compile(r"\s*[、,，/]\s*(?:\d{3,4}\s*[pP]\b|[248][kK]\b|\d{3,4}\s*[x×]\s*\d{3,4})")
# an English length written as an adjective (4-second, 10-minute) and the clip it measures further on,
# no word of waiting or making between them
_HYPHEN_UNIT = re.compile(r"-\s?(?:second|sec|minute|min)\b", re.I)
_CLIP_NOUN_LATER = re.compile(
    r"(?:(?!\b(?:wait|waiting|render|rendering|generation|generating|delay|queue|took|takes|in)\b)"
    r"(?:\.(?=\S)|[^,.;:()\n])){0,32}?"
    rf"\b(?:{_CLIP_NOUNS}|segments?|animations?|films?)\b",
    re.I,
)
# minutes "per scene", "a shot", 每个分镜: what each one took to make, no length
_PER_ITEM = re.compile(r"\s*(?:per|a|an|each|every|for each|/|每个?|每一个|一个)\s*(?:个)?\S")
# a table column of lengths: 时长, 段长, 整集 (a whole episode), Duration, Clip length (not Render time)
_LENGTH_COLUMN_HEAD = re.compile(
    r"[\s*`]*(?:视频|单段|每段|整集|片段)?(?:时长|长度|段长|秒数)[\s*`]*(?:[(（][^)）]{0,8}[)）])?[\s*`]*"
    r"|[\s*`]*(?:整集|单集|全片|成片|每段|单段|每集)[\s*`]*"
    r"|[\s*`]*(?:(?:clip|video|segment|episode|max(?:imum)?)\s+)?(?:length|duration)s?[\s*`]*(?:\([^)]{0,8}\))?[\s*`]*",
    re.I,
)


def _is_length_column(view: SectionView, sid: int, pos: int) -> bool:
    head = column_head(view, sid, pos)
    return head is not None and _LENGTH_COLUMN_HEAD.fullmatch(head) is not None


# a period that repeats (每 24 小时, every 10 minutes)…
_EVERY_BEFORE = re.compile(r"(?:每|每隔|(?<![a-z])every|(?<![a-z])once every)\s*$")
# …and what renews after it (a quota, a free allowance): every 40 seconds a clip is still a speed
_RENEWS = re.compile(
    r"重置|刷新|恢复|清零|发放|领取|补充"
    r"|\b(?:resets?|refresh(?:es)?|renews?|replenish(?:es)?|refills?|rolls? over)\b"
)
# a vague count of a unit of time (a few minutes, several hours, 数小时)
_VAGUE = re.compile(r"a few|few|several|a couple|couple|数", re.I)
# …and what makes it no wait: a point in the clip, a length of footage, a time per frame
_VAGUE_NOT_AFTER = re.compile(r"\s*(?:into|of|long|in length|per frame|each frame|a frame)\b", re.I)
# a time set against the one that holds (而不是预期中的几分钟, rather than the usual 10 minutes)
_INSTEAD_BEFORE = re.compile(
    r"(?:而不是|而非|并非|不是|rather than|instead of|not)\s*"
    r"(?:预期中?的|预想中?的|想象中?的|原来的|以前的|之前的|the expected|the usual|the promised)?\s*"
    r"(?:约|大约|大概|about|around|~)?\s*$",
    re.I,
)
# a count of parts times their length (5–6 段 × 约 15 秒, 4 clips x 8s): how long each part plays
_PARTS_TIMES = re.compile(
    rf"\d+(?:\s*[-–~]\s*\d+)?\s*(?:段|个|条|镜|集|(?:{_CLIP_NOUNS}|segments?|parts?)\b)?\s*[×xX*]\s*"
    r"(?:约|大约|about|around|~|≈)?\s*$",
    re.I,
)
_LENGTH_OF = re.compile(
    r"\s*的(?!等待|等候|时间|排队|渲染|生成|处理|耗时|功夫|工夫|样子|光景)[\u4e00-\u9fff]"
    # 5秒1080P, a 10s 720p clip: a length with the clip's resolution, what was made, not how long it took
    r"|\s*(?:的\s*)?(?:\d{3,4}\s*p|[248]\s*k)(?![a-z0-9])"
)


# a word of making a clip or of waiting for one, anywhere in the sentence of a time in minutes or hours
_MAKING_OR_WAITING = re.compile(
    r"生成|渲染|等|需要|需|花了|耗|出来|出片|出图|出结果|排队"
    r"|\b(?:generat|render|produc|need|take|took|wait|queue|process)"
)


class SpeedRules:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.speed_re = WordScanner(lex.words("context", "speed"))
        # 生成速度：73秒, Generation time: 2 min: a label and its colon in the clause before the time
        # 拍摄：2 小时: a person's own task timed (cue text is lower-cased and Simplified)
        self.task_label_re = re.compile(
            rf"(?:{lex.alt('context', 'own_tasks', bound_start=False)})\s*[:：]\s*$"
        )
        # (a label naming the time taken: not "Video generation: 8 seconds, 720p", a line on what it makes)
        named = alt(
            w for w in lex.words("context", "speed_label") if w not in ("video generation", "视频生成")
        )
        self.label_colon_re = re.compile(rf"(?:{named})[^，。,;；\n]{{0,8}}?(?:[:：]|\s[—–]|\s-\s)\s*$")
        self.making_re = re.compile(lex.alt("context", "made_within"))
        # a speed label right before the time, whatever else its line holds (a flattened table's
        # "…$0.035/sec) Processing Time ~180 seconds")
        self.named_before_re = re.compile(
            rf"(?:{named})(?:\*\*|__)?\s*[:：]?(?:\*\*|__)?\s*"
            r"(?:~|≈|约|大约|about|approx\.?|around|roughly)?\s*$"
        )
        self.timeout_re = re.compile(r"\btime-?outs?\b|超时")
        # "- **Time**: ~84s (5s), ~125s (10s)": a line labelled with the time taken, each time on it
        # followed by the clip length it was for
        self.time_field_re = re.compile(
            rf"[ \t]*(?:[-*•+][ \t]*)?(?:\*\*|__)?(?:time|耗时|用时|{named})(?:\*\*|__)?[ \t]*[:：]", re.I
        )
        self.speed_label_re = re.compile(
            r"\s*(?:(?:p\d{2}|median|average|avg\.?|mean|平均|中位数?)\s*)?"  # | p95 latency (5s clip) |
            rf"(?:{lex.alt('context', 'speed_label')})\s*(?:\([^|)]*\))?\s*\|"
        )
        raised = r"(?:拉长|延长|提升|提高|增加|扩展|扩大)[至到]"  # 时长拉长至10秒: the new length
        self.length_re = re.compile(
            rf"(?:{lex.alt('context', 'length')})\s*(?:为|是|只有|有|[:：]|{raised})?\s*$"
        )
        # a bound on a volume of video (调用时长≥10分钟, 视频时长超过1000分钟), not on the time a
        # generation takes (生成时长超过10分钟, 等待时长大于5分钟)
        self.length_bound_re = re.compile(
            r"(?<!生成)(?<!等待)(?<!渲染)(?<!处理)(?<!排队)(?<!耗)(?<!出片)时长\s*"
            r"(?:[≥≤><]=?|超过|不少于|不超过|大于|小于|高于|低于)\s*$"
        )
        self.max_len_re = re.compile(rf"(?:{lex.alt('features', 'max_length')})\s*(?:生成|可以|能)?\s*$")
        self.max_only_re = re.compile(rf"(?:{lex.alt('features', 'max_length_only')})\s*(?:生成|支持)?\s*$")
        self.restrictive_re = re.compile(lex.alt("features", "restrictive"))
        self.free_label_re = free_label_re(lex.alt("features", "free_users"))
        self.tier_users_re = re.compile(lex.alt("features", "tier_users"))
        self.cap_label_re = re.compile(lex.alt("features", "cap_labels"))
        cannot = lex.alt("features", "cannot")
        self.cannot_exceed_re = re.compile(
            rf"(?:{cannot})[^，,。；;:：]{{0,16}}?(?:{lex.alt('features', 'exceed')})\s*$"
        )
        self.cannot_re = re.compile(cannot)
        # a qualifier the amount itself opens with ("up to 10 seconds") reads as part of what precedes it
        self.lead_re = re.compile(
            alt(lex.words("features", "max_length") + lex.words("features", "max_length_only"))
        )
        # (not across an opening parenthesis: "1分13秒 (8秒视频)" names the clip the time was for)
        # (nor across a verb of making: "20分钟就生成了视频" is the time it took)
        gap = r"(?:(?!生成|就|才|做出|跑出|渲染|完成|出来)[^，,。；;:：(（])"
        self.clip_after_re = re.compile(rf"{gap}{{0,8}}?(?:{lex.alt('context', 'clip_after')})")
        # "8秒生成时长需要付费": a length that a 时长 after it names (not one naming its own: 时长6秒)
        # (bold marks around the amount are read past: **最长 20 秒** 的生成时长)
        self.length_named_after_re = re.compile(
            r"[*_]*\s*[^，,。；;:：\d*]{0,4}?时长(?!\s*(?:为|是|[:：])?\s*\d)"
        )
        self.count_before_re = re.compile(rf"(?:{lex.alt('context', 'clip_count_before')})\s*$")
        # "时长可选5或10s": a list of lengths to choose from after a length word
        self.options_re = re.compile(
            rf"(?:{lex.alt('context', 'length')})\s*(?:{lex.alt('context', 'length_options')})?\s*"
            r"(?:\d+(?:\.\d+)?\s*(?:s|秒|seconds?)?\s*(?:或|/|、|和|or|,|，)\s*)+$"
        )
        # "4 / 8 / 16s", "5秒/10秒": the last of a list of lengths to choose from, wherever it stands
        self.listed_re = re.compile(r"(?:\d+(?:\.\d+)?\s*(?:s|秒|sec)?\s*[/／、]\s*)+$")
        # "can render 4, 8, and 12 seconds", 支持 4、8 和 12 秒: three amounts or more right after a verb
        # of making or offering are lengths to choose from (took 30, 40 and 50 seconds stays a time taken)
        num = r"\d+(?:\.\d+)?\s*(?:(?:s|秒|sec)\s*)?"
        self.many_listed_re = re.compile(
            r"(?:\b(?:render|generate|create|make|produce|output|support|offer)s?|可生成|可以生成|生成|支持|可选|输出)"
            rf"\s*(?:clips? of |videos? of )?{num}[,，、]\s*{num}(?:[,，、]\s*)?(?:and|or|和|或)\s*$"
        )
        # "3 minutes maximum", "10 seconds long": a length, not a time taken
        self.length_after_re = re.compile(rf"\s*(?:{lex.alt('context', 'length_after', bound_start=False)})")
        # "在我跑了几个小时以后", "after I spent two hours": the reviewer's own time, not a generation's
        self.usage_re = re.compile(rf"(?:{lex.alt('context', 'usage_before')})[^，,。；;]{{0,6}}$")
        # "我用可灵2.1跑了3.5个小时": the reviewer ran it that long (unless it then says what came out)
        my_run = lex.alt("context", "my_run")
        self.my_run_re = re.compile(rf"我[^，,。；;]{{0,12}}(?:{my_run})[^，,。；;]{{0,4}}$")
        self.in_frame_re = re.compile(r"(?:在|经过|after)[^，,。；;]{0,8}$")
        reading = lex.alt("context", "reading")
        self.reading_after_re = re.compile(rf"\s*(?:{reading})")
        self.reading_before_re = re.compile(rf"(?:{reading})[^，,。；;\d]{{0,14}}$")
        self.reading_label_re = re.compile(rf"(?:{reading})[^，,。；;:：\d\n]{{0,6}}[:：]\s*$")
        self.usage_after_re = re.compile(rf"\s*(?:{lex.alt('context', 'usage_after', bound_start=False)})")
        # "可在60秒内生成", "renders in under a minute": a bound on the time a generation takes
        self.made_within_re = re.compile(
            rf"\s*(?:{lex.alt('context', 'made_within_link')})?\s*(?:{lex.alt('context', 'made_within')})"
        )

    def _field_time(self, clean: str, line: int, pos: int) -> bool:
        """Does the line at ``line`` open with a label of the time taken, and the time at ``pos`` lead
        its value or follow the item before it?"""
        field = self.time_field_re.match(clean, line)
        return field is not None and _FIELD_LEAD.fullmatch(clean, field.end(), pos) is not None

    def _clause(self, view: SectionView, sid: int, pos: int) -> tuple[int, int]:
        for c in view.sentences[sid].clauses:
            if c.start <= pos < c.end:
                return c.start, c.end
        return view.sentences[sid].start, view.sentences[sid].end

    def speedy_sentences(self, view: SectionView) -> set[int]:
        """Sentences that talk about speed (速度, 出来, takes…), from one scan of the section."""
        out: set[int] = set()
        for m in self.speed_re.finditer(view.cue_text):
            sid = view.sentence_index(m.start())
            if sid is not None:
                out.add(sid)
        return out

    def sentence(self, view: SectionView, sid: int, carry: bool, speedy: bool) -> tuple[list[Draft], bool]:
        """Claims of one sentence, and whether the next sentence may carry its speed topic.

        ``speedy``: the sentence talks about speed (see ``speedy_sentences``).
        """
        text = view.cue_text
        qs = view.quantities[sid]
        times = [q for q in qs if q.kind == "time"]
        if not times:
            return [], speedy
        priced = any(q.kind in ("credits", "cny", "usd") for q in qs)
        labelled = self._speed_row(view, sid)
        out: list[Draft] = []
        is_speed = False
        sent = view.sentences[sid]
        row = view.row_label(sid)
        cell = row or sheet_label(text, sent.start, sent.end)
        label = text[cell[0] : cell[1]] if cell else ""
        length_cell = cell[1] if cell and _LENGTH_LABEL.search(label) else None  # where its label ends
        prev: tuple[Quantity, int] | None = None  # the last time read as a speed, and its drafts' index
        for n, t in enumerate(times):
            lo, hi = self._clause(view, sid, t.start)
            if (
                length_cell is not None
                and t.start > length_cell
                and ((t.option and not _SLASH_AFTER.match(text, t.end)) or _listed_before(text, times, n))
            ):
                continue  # | 时长 | 3s, 4s, … 30s | (or 4, 6, or 8 seconds): one claim, the longest
            if cell and length_cell is not None and t.start > length_cell:
                # | 最长时长 | 20秒 | 10秒 |: under model columns, each model's longest clip; | Max video
                # duration | 8 seconds per clip | under "Free Plan": that tier's cap
                capped = self.cap_label_re.search(label) and under_heading(view, sid, self.tier_users_re)
                feature = " ".join(view.text[t.start : t.end].split())
                kind = "limitation" if capped else "capability"
                start = lo if row else cell[0] + 1  # a sheet's row is quoted from its label
                out += self._claims(view, sid, kind, start, hi, t, {"feature": feature})
                continue
            before = text[lo : t.start]
            lead = self.lead_re.match(text, t.start, t.end)
            limit = self._length_limit(before + lead.group(0) if lead else before, t, text[t.end : hi])
            line = text.rfind("\n", 0, t.start) + 1
            free = limit == "capability" and self.free_label_re.match(text, line, t.start) is not None
            if free:  # - Free plan: Up to 8 seconds: the most free users get is their limit, quoted with them
                limit, lo = (
                    "limitation",
                    min(lo, line + len(text[line:lo]) - len(text[line:lo].lstrip(" \t-*•"))),
                )
            if limit and not (self.speed_re.search(text, t.end, hi) or _to_make(text, lo, hi, times, n)):
                out += self._claims(
                    view, sid, limit, lo, hi, t, {"feature": " ".join(view.text[t.start : t.end].split())}
                )
                continue
            reading = self.reading_after_re.match(text, t.end, hi)
            if (
                reading
                or self.reading_before_re.search(text, lo, t.start)
                # 预计阅读耗时:10分钟: the label ends on the colon that opens the time's clause
                or self.reading_label_re.search(text, view.sentences[sid].start, t.start)
            ):
                continue  # "5 min read", 阅读时间3分钟: how long the article takes to read
            if _SERVICE_AFTER.match(text, t.end, hi) or _LOADING_AFTER.match(text, t.end, sent.end):
                continue  # 5分钟极速开通, 3分钟学会, set up in 10 minutes: a service's or a learner's time
            if _DIFFERENCE_AFTER.match(text, t.end, hi) or _DIFFERENCE_BEFORE.search(
                text, max(lo, t.start - 28), t.start
            ):
                continue  # 3 minutes faster, 快了2分钟: how much one time beat another by
            if t.option:
                continue  # the 5 of 可选5或10s, of takes 30 or 40 seconds: its list's last amount speaks
            if _RUNS_BEFORE.search(text, max(lo, t.start - 48), t.start):
                continue  # a single take that runs longer than 15 seconds: how long the clip plays
            if _INSTEAD_BEFORE.search(text, max(lo, t.start - 28), t.start):
                continue  # 需要3分钟，而不是10分钟: the time it did not take
            if _EVERY_BEFORE.search(text, max(lo, t.start - 12), t.start) and _RENEWS.search(text, lo, hi):
                continue  # 每 24 小时重置, refreshes every 10 minutes: a period that renews, no generation
            if _VAGUE.match(text, t.start) and (
                not _MAKING_OR_WAITING.search(text, lo, hi) or _VAGUE_NOT_AFTER.match(text, t.end)
            ):
                continue  # several minutes thrashing the disk, a few seconds of video, a few minutes into it
            if (
                (
                    t.unit == "s"
                    and t.value <= 60
                    and _PARTS_TIMES.search(text, max(lo, t.start - 24), t.start)
                )
                or (row is None and text[line : line + 1] == "|" and _is_length_column(view, sid, t.start))
            ) and not _MAKING_OR_WAITING.search(text, lo, hi):
                continue  # 6 段 × 15 秒, | 整集 | 约 90 秒 |: a part's length, under a length header
            if _SPEC_LIST_AFTER.match(text, t.end, hi):
                continue  # 15 秒、720p: a length listed with a resolution is the clip's specification
            if _LENGTH_OF.match(text, t.end, hi):
                continue  # 一分钟的东京街头漫步场景: a time modifying a noun is that thing's length
            if _HYPHEN_UNIT.search(text, t.start, t.end) and _CLIP_NOUN_LATER.match(text, t.end, hi):
                continue  # a valid 4-second 1280×720 H.264 video: the clip's length, its noun further on
            if _BOUND_NOUN_AFTER.match(text, t.end, hi) and (
                "-" in text[t.start : t.end] or _ARTICLE_BEFORE.search(text, max(lo, t.start - 8), t.start)
            ):
                continue  # a 6-second limit, Sora 1's 10s cap: a bound on the clip, never a wait
            within = t.qual == "max" and self.made_within_re.match(text, t.end, hi)
            if not within and (
                self.length_re.search(text, lo, t.start)
                or self.options_re.search(text, lo, t.start)
                or self.listed_re.search(text, lo, t.start)
                or self.length_bound_re.search(text, lo, t.start)
                or (t.unit == "s" and t.value <= 60 and self.many_listed_re.search(text, lo, t.start))
                or (
                    self.clip_after_re.match(text, t.end, hi)
                    and not _PER_CLIP_OF.match(text, t.end, hi)
                    and not (t.unit in ("min", "h") and _PER_ITEM.match(text, t.end, hi))
                    and not _MADE_NEXT.match(text, t.end, hi)
                )
                or self.length_named_after_re.match(text, t.end, hi)
                or self.count_before_re.search(text, lo, t.start)
                or self.length_after_re.match(text, t.end, hi)
                or _LENGTH_WORD_AFTER.match(text, t.end, hi)
            ):
                continue  # 时长10秒, 可选5或10s, 5 / 10s, 5秒1080P的视频, 一段10秒, 3 minutes max: a length
            usage = self.usage_re.search(text, lo, t.start) or (
                self.my_run_re.search(text, lo, t.start) and not self.speed_re.search(text, t.end, hi)
            )
            if (
                usage
                or (_PERSON_AFTER.match(text, t.end, hi) and _FRAME_BEFORE.search(text, lo, t.start))
                or (self.usage_after_re.match(text, t.end, hi) and self.in_frame_re.search(text, lo, t.start))
                or _PER_DAY_AFTER.match(text, t.end, hi)
                or (
                    _EFFORT_NEXT.match(text, t.end)
                    and not self.speed_re.search(text, lo, t.start)
                    and not _MAKING.search(text, lo, t.start)
                )
                or self.task_label_re.search(text, max(0, t.start - 16), t.start)
                or _OWN_STEP.search(text, lo, t.start)
            ):
                continue  # 在我跑了几个小时以后, 经过两天的测试: how long the reviewer tested
            if self.timeout_re.search(text, max(lo, t.start - 40), t.start):
                continue  # "set the request timeout to at least 5 minutes": a client's setting, no generation
            if self.named_before_re.search(view.clean, max(min(lo, line), t.start - 24), t.start) or (
                _CLIP_PAREN_AFTER.match(text, t.end) and self._field_time(view.clean, line, t.start)
            ):
                pass  # "Processing Time ~180 seconds", "- **Speed**: 4 minutes": the label right before it
                # names the time taken (read in the clean text: a bold label is masked in the cue text)
            elif t.unit == "s" and not within:
                told = (
                    labelled
                    or self.speed_re.search(text, lo, hi)
                    or _to_make(text, lo, hi, times, n)
                    or self._after_made_clip(text, lo, t)
                    or (_MAKING_IN.search(text, lo, t.start) and not _LENGTH_OF_AFTER.match(text, t.end))
                    # (the label's own line: "- Fast generation: typically 30-60 seconds", split at its colon)
                    or self.label_colon_re.search(
                        text, max(min(sent.start, text.rfind("\n", 0, lo) + 1), lo - 24), lo
                    )
                )
                if priced or not (told or ((speedy or carry) and t.qual)):
                    continue
            elif priced and not speedy:
                continue
            elif not (
                within
                or speedy
                or carry
                or (
                    t.unit in ("min", "h")
                    and (
                        _MINUTES_PER_CLIP.search(text, t.start, t.end) is not None
                        or _MINUTES_PER_CLIP.match(text, t.end) is not None  # (1 hour 5 minutes per 20s clip)
                        or self._run_per_video(view, sid, t, lo, hi)
                    )
                    and not _CLIP_OF_OTHER.match(text, t.end)
                )
                or self.speed_re.search(text, sent.start, sent.end)
                or _MAKING_OR_WAITING.search(text, sent.start, sent.end)
            ):
                continue  # 几个小时后…, 体验五分钟: minutes or hours with no word of making or waiting
            elif (
                not within
                and _OTHER_ACTIVITY.search(text, view.sentences[sid].start, view.sentences[sid].end)
                and not self.speed_re.search(text, view.sentences[sid].start, view.sentences[sid].end)
            ):
                continue  # 看一个小时, 24小时过期, 短短一分钟就有人涌入: minutes or hours of something else
            elif t.qual == "max" and not within and self._bound_on_other(text, t.end, hi):
                continue  # 在5分钟内找到…: a bound on something else than making a clip
            is_speed = True
            made = self._claims(view, sid, "speed", lo, hi, t, speed_bounds(t))
            if prev is not None and made:
                made = self._changed(view, sid, (lo, hi), prev, t, made, out)
                _split_pair(text, out[prev[1] :], made, prev[0], t)
            prev = (t, len(out)) if made else None
            out += made
        return out, is_speed or (speedy and not out)

    def _changed(
        self,
        view: SectionView,
        sid: int,
        clause: tuple[int, int],
        prev: tuple[Quantity, int],
        t: Quantity,
        made: list[Draft],
        out: list[Draft],
    ) -> list[Draft]:
        """The drafts of time ``t`` when a word of change links it to the speed before it
        ("生成时间从18.7秒降至6.3秒", "from 184 s down to 1.9 s"): the old time and the new one, each
        quoted up to or from the word of change; the new one the sentence's subject's when a model
        is named with the old one ("从可灵2.0的5分钟缩短到2分钟")."""
        text = view.cue_text
        lo, hi = clause
        old, first = prev
        change = _CHANGED_TO.fullmatch(text, old.end, t.start)
        if change is None:
            return made
        start_of = _FROM_BEFORE.search(text, lo, old.start)
        if change.group(2) and not (start_of and _seconds(old) > _seconds(t)):
            return made  # "~3s to ~60s", "from 30 seconds to 2 minutes": a range, not a cut
        if start_of is not None and any(start_of.start() <= m.start < old.start for m in view.mentions[sid]):
            made = self._claims(view, sid, "speed", lo, start_of.start(), t, speed_bounds(t))
            for d in made:
                d.end = hi
        for d in out[first:]:
            d.end = min(d.end, old.end)
        for d in made:
            d.start = max(d.start, change.start(1))
        return made

    @staticmethod
    def _after_made_clip(text: str, lo: int, t: Quantity) -> bool:
        """Is time ``t`` how long the clip just named took (生成…视频约4分25秒), not its length
        (生成视频8秒长, 生成一段视频约10秒): a "took" word before it, or "about" and a minute or more."""
        m = _AFTER_MADE_CLIP.search(text, lo, t.start)
        if m is None:  # (a length word after it, 约2分钟长, was ruled out before this is asked)
            return False
        took = m.group("took")
        if took and took[0] in "只仅" and (t.qual == "min" or not _ONLY_END.match(text, t.end)):
            return False  # 只需8秒就能讲完一个故事, 只要10秒以上: a length, or a condition
        return took is not None or (text.startswith(_ABOUT, t.start) and t.value >= 60)

    @staticmethod
    def _run_per_video(view: SectionView, sid: int, t: Quantity, lo: int, hi: int) -> bool:
        """Is ``t`` minutes a video on named hardware (RTX 3090 24GB 4.2 分钟/视频, 3 min per clip on an
        A100): what one run took, not a clip's length nor a person's time?"""
        text = view.cue_text
        per = next(
            (
                m
                for m in _MINUTES_PER_OUTPUT.finditer(text, t.start, max(hi, t.end))
                if t.end in (m.start(), m.end())  # right after the unit, or the amount's own tail
            ),
            None,
        )
        if per is None or _CLIP_OF_OTHER.match(text, per.end()) or _PERSON_SPENDS.search(text, lo, t.start):
            return False
        sent = view.sentences[sid]
        above = text.rfind("\n", 0, max(0, text.rfind("\n", 0, sent.start)))  # the line above too (a header)
        return _HARDWARE.search(text, above + 1, sent.end) is not None

    def _bound_on_other(self, text: str, end: int, hi: int) -> bool:
        """Does a Chinese verb that makes nothing follow a bound (5分钟内找到, 几分钟内由AI…)?"""
        after = text[end:hi].lstrip()
        return bool(after) and "\u4e00" <= after[0] <= "\u9fff" and not self.making_re.search(text, end, hi)

    def _speed_row(self, view: SectionView, sid: int) -> bool:
        """Is the sentence a table row whose label cell names speed (| Generation Speed | 60-180 sec |)?
        Then every amount of time in its other cells is a generation time."""
        sent = view.sentences[sid]
        text = view.cue_text
        first = text.find("|", sent.start, sent.end)
        if first < 0 or text[sent.start : first].strip():
            return False
        return self.speed_label_re.match(text, first + 1, sent.end) is not None

    def _length_limit(self, before: str, t: Quantity, after: str) -> str | None:
        if t.unit == "h" or _WAIT_CAP.search(before):
            return None  # "up to 12 hours", 要等长达10分钟: a wait, never the length of a generated clip
        only = self.max_only_re.search(before)
        if only and TIME_TAKEN.search(before, 0, only.start()):
            only = None  # "takes only 30 seconds": the time it took, no cap
        if only or self.cannot_exceed_re.search(before):
            return "limitation"
        if t.qual == "min" and (self.cannot_re.search(before) or self.cannot_re.search(after)):
            return "limitation"  # 不支持10秒以上的视频, 10秒以上的视频无法生成
        if self.max_len_re.search(before):
            return "limitation" if self.restrictive_re.search(before) else "capability"
        said = _BOUND_IS.search(before)
        if said and not _TIMED_BOUND.search(before):
            # the generation limit for a single clip is 6 seconds; the maximum single-pass generation is
            restrictive = said.group("max") is None or self.restrictive_re.search(before)
            return "limitation" if restrictive else "capability"
        return None

    def _claims(
        self, view: SectionView, sid: int, kind: str, lo: int, hi: int, t: Quantity, fields: dict[str, object]
    ) -> list[Draft]:
        subj = view.subject(sid, lo, hi, t.start)
        if subj is None:
            return []
        start = lo
        if subj.explicit and kind == "speed":
            # a time's quote runs from the clause naming the model, unless an earlier amount holds it;
            # a length cap is a specification, quoted by its own clause as the spec items are
            for m in view.mentions[sid]:
                if m.start < lo and not m.versus and set(m.models) & set(subj.models):
                    named = self._clause(view, sid, m.start)[0]
                    if not any(q.kind == "time" and named <= q.start < lo for q in view.quantities[sid]):
                        start = min(start, named)
                    break
        conf = self.lex.confidence(kind if kind != "speed" else "speed")
        if not subj.explicit:
            conf *= float(self.lex.confidence("context_model_factor"))
        return [
            Draft(
                kind,
                start,
                hi,
                name,
                tier,
                "speed" if kind == "speed" else "max-length",
                round(conf, 3),
                dict(fields),
            )
            for name, tier in zip(subj.models, subj.tiers, strict=True)
        ]


# a bound named, then what it bounds, then "is": the limit for a single clip is, the minimum length is
_BOUND_IS = re.compile(
    r"\b(?:(?P<max>maximum)|minimum)\s+(?:[a-z-]+\s+)?(?:length|duration|generation|clip|video|output)s?"
    r"(?:\s+(?:on|for|in|with)\s+[a-z0-9.\- ]{1,30}?)?\s+(?:is|was|of)\s*$"
    r"|\b(?:limit|cap|ceiling)\s+(?:for|on|per)\s+(?:a\s+|one\s+|each\s+|every\s+|the\s+)?(?:single\s+)?"
    r"(?:clip|video|generation|output|run|pass)s?\s+(?:is|was)\s*$"
)
# (a bound on waiting or on the time taken: the maximum wait time is 10 minutes; the generation speed
# at max resolution is…)
_TIMED_BOUND = re.compile(
    r"\b(?:wait\w*|times?|queue\w*|render\w*|process\w*|latency|turnaround|takes?|took|speed|average|"
    r"interval|cooldown)\b"
)
# the next clause says what the reviewer ran in that time (花了几个小时，跑了些case): their own effort
_EFFORT_NEXT = re.compile(r"\s*[，,]\s*(?:我们?)?(?:又|就|还)?(?:跑了|测了|试了|玩了|做了)")
_MAKING = re.compile(r"生成|渲染|出片|\b(?:generat|render)")
# right after an amount of time: what a shop, a course or the reader gets done in it, no generation
# how much faster or slower one run was (finished 3 minutes faster, 快了2分钟, 比 Vidu Q1 慢 30 秒): a
# difference between two times, no generation time
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:faster|quicker|slower|sooner|shorter|longer than|more than|less than)\b"
)
_DIFFERENCE_BEFORE = re.compile(
    r"(?:快了|慢了|节省了?|省了|省下了?|缩短了?|减少了?|提速了?|比[^，。,；;！？!?\n]{1,20}?(?:快|慢)"
    # 这多出来的 5 秒, 额外的 5 秒: the length one option adds over another
    r"|多出来的|多出的|额外的|additional|extra)"
    r"\s*(?:约|大约|近|将近|足足|整整)?\s*$"
)
_SERVICE_AFTER = re.compile(
    r"\s*(?:内|之内|以内)?\s*(?:极速|快速|火速|即可|就能|就可以|轻松|即|就)?\s*"
    r"(?:开通|到账|发货|激活|充值|上手|学会|入门|看懂|读懂|掌握|回复|退款|审核|注册|部署完|安装好|装好)"
    r"|\s*(?:to (?:set up|sign up|install|learn|master|read))\b"
)
# a long time (4 minutes) for it to load: the tool starting up, no generation (read past the bracket)
_LOADING_AFTER = re.compile(r"\)?\s*(?:for (?:it|them|the [a-z]+) )?to (?:load|boot|start up|download)\b")
# a step of the reader's own work timed (成本测算预计耗时15分钟, 部署大约需要10分钟): no generation
_OWN_STEP = re.compile(
    r"(?:核对|测算|计算|配置|部署|安装|搭建|准备|整理|学习|调试|注册|申请|审核|排查)"
    r"[^，。,；;\d]{0,8}?(?:预计|大约|大概|约)?(?:耗时|用时|需要|要花|花费|花了)\s*$"
)
# what a span of minutes or hours can time besides making a clip: watching, expiring, a crowd
_OTHER_ACTIVITY = re.compile(
    r"过期|有效期|失效|观看|看了|看一|涌入|围观|阅读|直播|读完|聊了|讨论了|"
    r"\b(?:expires?|expired|valid for|watch(?:ed|ing)?|read(?:ing)?|stream(?:ed|ing)?|signed up|sign-ups?)\b"
)


# what joins a second time taken to the first in one clause ("4-5 minutes for a 6-second video and
# 8-9 minutes for a 10-second video")
_PAIR_JOIN = re.compile(r"\s*(?:,|;)?\s*(?:and|while|whereas|but)\s+(?:about |around |roughly |~)?$")
# …each followed by the clip it made (for a 6-second video, per 10s clip)
_FOR_CLIP = re.compile(
    r"\s+(?:for|per)\s+(?:a |an |one |each |the |every )?\d+(?:\.\d+)?\s*-?\s*(?:s|secs?|seconds?)"
    r"\s*-?\s*(?:clip|video)s?\b"
)


def _split_pair(text: str, before: list[Draft], made: list[Draft], old: Quantity, t: Quantity) -> None:
    """Two times taken in one clause, joined by "and": each quoted by its own half, so that neither is
    taken for a repeat of the other."""
    if not made or not before or (before[0].start, before[0].end) != (made[0].start, made[0].end):
        return
    if not (_FOR_CLIP.match(text, old.end) and _FOR_CLIP.match(text, t.end)):
        return  # (each time must say which clip it made: not "2 minutes and 3 minutes on a second try")
    join = _PAIR_JOIN.search(text, old.end, t.start)
    if join is None:
        return
    for d in before:
        d.end = join.start()
    for d in made:
        d.start = join.end()


def speed_bounds(t: Quantity) -> dict[str, object]:
    """generation_s, or its min/max, from an amount of time and its qualifier."""
    if t.qual == "max":
        return {"generation_s_max": t.high}
    if t.plus:
        return {
            "generation_s_min": t.value,
            "generation_s_max": t.value + _UNIT_SECONDS.get(t.unit, 60.0),
        }
    if t.qual == "min":
        return {"generation_s_min": t.value}
    if t.high > t.value:
        return {"generation_s_min": t.value, "generation_s_max": t.high}
    return {"generation_s": t.value}
