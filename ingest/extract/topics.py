"""Which model a section is talking about, sentence by sentence, and its heading lines.

After each sentence the last model group it named becomes the topic, which later sentences
without a model of their own are about; a heading's model becomes the anchor every later
paragraph starts from, until another heading (a numbered one over unnumbered parts). A heading
naming no model returns the anchor to the document's model.
"""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.normalize import LONGEST_HEADING
from ingest.extract.section import CLAUSE_MARK, UNRANKED, SectionView, Subject, bracket_open, group_subject
from ingest.extract.table_cells import SEPARATOR_ROW

_LEAD_IN = 9  # a label line ending on a colon: the lowest heading there is
_PLAIN = 8  # an unmarked short line
_BULLET = re.compile(r"(?:[-•·]|\*(?!\*))\s")

# a numbered heading (一、, 2., 第三章): a top-level section, under which unnumbered headings are parts
_NUMBERED = re.compile(
    r"\s*(?:[#*]+\s*)?(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]\s|第[一二三四五六七八九十\d]+[章部节篇])"
)
# a heading naming a numbered case or problem, or a section of good and bad points together
_LABEL_HEADING = re.compile(
    r"\s*(?:[#*>]+\s*)*(?:\d{1,2}\s*[、.．:：]?\s*)?(?:"
    r"(?:案例|例子|问题|错误|失败|坑|case|problem|issue|mistake|fail(?:ure)?|example)\s*"
    r"(?:[一二三四五六七八九十]+|#?\d{1,2})\s*[、.．:：\-—|]"
    r"|[^，。,.\n]{0,16}?(?:亮眼|亮点|优点|优势|长处|强项)\s*(?:和|与|及|&|、|/)\s*(?:局限|缺点|不足|短板|问题|槽点)"
    r"|[^,.\n]{0,30}?\b(?:pros and cons|strengths and weaknesses|the good and the bad|good and bad)\b)"
)
# a heading that is a link to another page: an item of a news round-up
_LINK_HEADING = re.compile(r"\s*(?:[#*>]+\s*)*(?:\d{1,2}[.、)）]\s*)?\[[^\]\n]{2,}\]\((?:https?:)?//")
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]{0,24}[)）]\s*$")
# (every branch opens with a character, an English word's bound looked behind for after its first
# letter, so ``re`` skips ahead to the characters that can start one)
_ASKS = re.compile(
    r"哪|什么|怎么|如何|为什么|为何|吗|呢|？|\?|w(?<!\ww)(?:hat|here|hy|hich|hen)\b|h(?<!\wh)ow\b"
)
# a field of a list, not a heading: `- Cost: 100 credits`, `Gen Time: 190s`, `- Access: Blocked`
_FIELD_LINE = re.compile(r"[-*•·]\s*[^:：\n]{1,20}[:：]\s*\S|[^:：\n]{1,20}[:：]\s*[$¥￥€£~≈约]?\d")
_NEXT_LINE = re.compile(r"[^\n]*\n\s*([^\n]+)")  # the rest of a line, then the next line holding text
# a line opening with a value: an amount, a length, a resolution (5 sec $0.40, $0.63/request, 720p …)
_VALUE_START = re.compile(
    r"[$¥￥]\s*\d|\d+(?:\.\d+)?\s*(?:s\b|sec|秒|p\b|k\b|元|credits?|积分|分钟|min)", re.I
)


# a family of models named by its members' common name (Veo 3.1 family, 可灵2.x系列)
_FAMILY_AFTER = re.compile(
    r"['’]?s?\s*(?:family|families|lineup|line-up|series|model line|系列|家族|产品线)\b"
)


def start_document(view: SectionView, main: Subject | None) -> None:
    """The document's own model is the topic (and anchor) until the text names another."""
    view.topic = view.anchor = view.main = main
    view.anchor_rank = UNRANKED
    view.para = -1


def enter(view: SectionView, sid: int) -> None:
    """Before sentence ``sid``: a new paragraph (a line) starts again from the anchor."""
    para = view.para_of[sid]
    if para != view.para:
        view.para = para
        a = view.anchor
        view.topic = Subject(list(a.models), list(a.tiers), False, versioned=a.versioned) if a else None


def is_heading(view: SectionView, sid: int) -> bool:
    """Is sentence ``sid`` a heading line (# Kling 2.1, **海螺02**, a short line naming a model)?"""
    known = view.heading_cache.get(sid)
    if known is None:
        known = view.heading_cache[sid] = _is_heading(view, sid)
    return known


def is_label_heading(view: SectionView, sid: int) -> bool:
    """Is sentence ``sid`` on a heading that only names what its section tells (案例一、人物崩坏,
    Problem 2: Flicker, 可灵的亮眼和局限, Pros and cons), no verdict of its own?"""
    return is_heading(view, sid) and _LABEL_HEADING.match(_line(view, sid).lower()) is not None


def _heading_above(view: SectionView, sid: int, back: int) -> tuple[int, int] | None:
    """Where the nearest heading above sentence ``sid`` (within ``back`` sentences) starts and ends."""
    for k in range(sid - 1, max(-1, sid - back), -1):
        if is_heading(view, k):
            return view.sentences[k].start, view.sentences[k].end
    return None


def under_heading(view: SectionView, sid: int, pattern: re.Pattern[str], back: int = 40) -> bool:
    """Does the nearest heading above sentence ``sid`` (within ``back`` sentences) match ``pattern``
    (a table under "Free Plan": what its rows cap is that tier's)?"""
    head = _heading_above(view, sid, back)
    return head is not None and pattern.search(view.cue_text, *head) is not None


# a heading that withdraws the figures under it (### 原错误定价, ## Old (incorrect) pricing)
# (the withdrawing word stands against a word for prices; a heading that asks, 可灵2.1 过时了吗, withdraws
# nothing)
_WITHDRAWN = re.compile(
    r"(?:错误|有误|作废|过时|旧)的?(?:定价|价格|报价)|(?:定价|价格|报价)(?:有误|错误|已作废|已过时)"
    r"|\b(?:incorrect|wrong|outdated|obsolete|superseded|old)\s+(?:pricing|prices)\b"
    r"|\b(?:pricing|prices)\s*[(（]\s*(?:incorrect|outdated|obsolete|superseded|old)\b",
    re.I,
)
_ASKING = re.compile(r"[吗？?]")


def under_withdrawn_heading(view: SectionView, sid: int, back: int = 40) -> bool:
    """Is sentence ``sid`` under a heading that says its figures are wrong or outdated (read in the
    normalised text: the cue text masks a heading's words)?"""
    head = _heading_above(view, sid, back)
    return bool(
        head is not None and _WITHDRAWN.search(view.norm, *head) and not _ASKING.search(view.norm, *head)
    )


def _line(view: SectionView, sid: int) -> str:
    """From the start of the line sentence ``sid`` starts on to the end of the line it ends on."""
    ls, le = view.line_bounds(sid)
    return view.norm[ls:le]


def _is_heading(view: SectionView, sid: int) -> bool:
    sent = view.sentences[sid]
    ls, le = view.line_bounds(sid)
    if le - ls > LONGEST_HEADING:
        return False  # a page of text run into one line, whatever opens it (# marks included)
    line = view.norm[ls:le]
    if line.startswith("#"):
        return True
    if sent.end - sent.start > 30 and (
        sent.end - sent.start > 60
        or not (note := _TRAILING_NOTE.search(line))
        or len(line[: note.start()].strip()) > 30
    ):
        return False  # (Sora 2 Pro (Professional Edition): the note in brackets is no part of its length)
    line = line.strip()
    if line.startswith("#"):
        return True
    if line.startswith("|") or SEPARATOR_ROW.match(line):
        return False  # a table's row or its |---| rule, never a heading
    if _FIELD_LINE.match(line):
        return False
    # Motion Control (up to 30 s): the note in brackets at the end is no part of the heading
    body = (_TRAILING_NOTE.sub("", line) or line) if line.endswith((")", "）")) else line
    body = body.strip("*#>-•· \t0123456789.、)）")
    return 0 < len(body) <= 24 and not body.endswith(("。", "！", "？", "!", "?", "，", ","))


def _rank(view: SectionView, sid: int) -> int:
    """The level of heading line ``sid``: 1-6 for `#`…`######` (whatever it ends with), 7 for a bold
    line, 8 for a plain one; an unmarked lead-in ending on a colon (缺点：, **Cons**:) is below them."""
    line = _line(view, sid).strip()
    hashes = len(line) - len(line.lstrip("#"))
    if hashes:
        return min(hashes, 6)
    if line.rstrip("*_ ").endswith((":", "：")) or _BULLET.match(line):
        return _LEAD_IN  # (an item of a list, `• Portrait 720×1280`, is no more than a lead-in)
    return 7 if line.startswith(("**", "__")) else _PLAIN


def asking_heading(view: SectionView, sid: int) -> bool:
    """Is sentence ``sid`` a heading that asks (它到底强在哪, Where does it struggle?)?"""
    sent = view.sentences[sid]
    return (
        _ASKS.search(view.clean, sent.start, sent.end) is not None
        and is_heading(view, sid)
        and not is_label(view, sid)
    )


def is_label(view: SectionView, sid: int) -> bool:
    """Is short line ``sid`` a label over values (a column header `Duration Price Rate`, a field
    name `Video` over `$0.63/request`), not a heading: unmarked, and the next line that holds
    text opens with a value?"""
    sent = view.sentences[sid]
    ls = view.norm.rfind("\n", 0, sent.start) + 1
    if view.norm[ls : sent.start].lstrip()[:1] in ("#", "*") or view.norm[sent.start] in "#*":
        return False
    if _VALUE_START.match(view.norm, sent.start):
        return True  # a line of values ($0.28/5s /generation) is no heading either
    nxt = _NEXT_LINE.match(view.norm, sent.end)
    if nxt is None:
        return False
    line = nxt.group(1).strip()
    return bool(_VALUE_START.match(line))


# "…, Luma Ray2 offers a strong alternative": a model offered instead of the one the text is about
_ALTERNATIVE_AFTER = re.compile(
    r"\s+(?:offers|is|makes|provides|remains|would be)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?alternative\b", re.I
)


def update_topic(view: SectionView, sid: int) -> None:
    """After sentence ``sid``: the last model group it named becomes the topic; a heading's
    group becomes the anchor every later paragraph starts from."""
    groups = (
        view.groups(sid, view.sentences[sid].start, view.sentences[sid].end) if view.mentions[sid] else []
    )
    numbered = is_heading(view, sid) and _NUMBERED.match(_line(view, sid)) is not None
    if groups and view.foreign and not is_heading(view, sid):
        # a language model named in passing (视频行业的 GPT-3.5 时刻) is the subject of its own
        # sentence only; under a heading naming one (### GLM-4.6 发布), the section is about it
        groups = view.no_foreign(groups)
    if (
        groups
        and not is_heading(view, sid)
        and all(_ALTERNATIVE_AFTER.match(view.clean, g[-1].end) for g in groups)
    ):
        return  # the text goes on about the model it was on, not the one it offered instead
    if not groups:
        if (
            view.main is not None
            and view.anchor_rank == UNRANKED
            and _MOVES_ON.match(view.clean, view.sentences[sid].start)
        ):
            # 最后，再来说说价格: said like a heading, it opens a part about the document's model
            # (under a heading that named a model, the heading's part goes on)
            view.anchor = view.topic = view.main
            view.anchor_rank = UNRANKED
            return
        if is_heading(view, sid) and _LINK_HEADING.match(_line(view, sid)):
            # ### 5. [Meta发布扩展定律研究](https://…): a news round-up's item about something else
            view.anchor = view.topic = None
            view.anchor_numbered = numbered
            view.anchor_rank = _rank(view, sid)
            return
        if is_heading(view, sid) and not is_label(view, sid) and (numbered or not view.anchor_numbered):
            # a heading naming no model opens a section about the document's model, unless it is
            # an unnumbered part (核心优势) of a numbered section about a model (二、阿里Wan2.1), or
            # a lower one (缺点：, **Pros**) under a model's heading (### Pika)
            rank = _rank(view, sid)
            if rank <= view.anchor_rank and not _labels_under(view, sid, rank):
                view.anchor = view.main
                view.anchor_numbered = False
                view.anchor_rank = rank
                view.heading_models = frozenset()
        return
    # "Sora 2 (and Sora 2 Pro) are…": a model named in an aside is not what the text goes on about
    # (…but "Standard Version (sora-2) Pricing": brackets after words naming no model say who they are)
    first = view.mentions[sid][0].start
    plain = [
        g
        for g in groups
        if not _in_aside(view, sid, g[0].start)
        or (g[0].start == first and _named_after_words(view, sid, first))
    ]
    if not plain and not is_heading(view, sid):
        return  # "720p max (Kling and Sora both offer 1080p)": models named only in an aside
    bare = {m.brand for g in plain for m in g if not m.explicit}
    # …but "Sora（就是 Sora 1）": an aside giving the version of a brand named bare is who it is
    groups = [g for g in groups if g in plain or (g[0].brand in bare and g[0].explicit)] or groups
    current = view.topic
    named = {n for g in groups for m in g for n in m.models}
    if not (
        current is not None and len(groups) >= 2 and current.versioned and set(current.models) < named
    ):  # "$0.10/s for Sora 2 and $0.30/s for Sora 2 Pro" under Sora 2: the text stays on Sora 2
        # a yardstick the sentence measures against (costs more than Gen-4 Turbo) is no topic: the
        # lines after it go on about the model it was measured with
        measured = [g for g in groups if not any(m.versus for m in g)]
        # "…the newest model in Google's Veo 3.1 family. It supports…": a family is no one model
        measured = [g for g in measured if not _FAMILY_AFTER.match(view.clean, g[-1].end)] or measured
        view.topic = _latest(measured or groups, view.topic)
    # a model named with its version, or a brand as the sentence's subject, is what later
    # paragraphs go on about; an enumeration of three models or more (测试覆盖A、B、C…) is not,
    # nor a yardstick the sentence compares with, wherever else it names it (比Sora2的还要丝滑，
    # 因为Sora2只能…)
    heading = is_heading(view, sid)
    yardsticks = set() if heading else {n for m in view.mentions[sid] if m.versus for n in m.models}
    subjects = [
        g
        for g in groups
        if g in plain  # a sentence said wholly in brackets (（我测试的都是A和B）) is an aside
        and len(g) <= 2
        and (any(m.explicit for m in g) or _is_subject(view, sid, g[0]) or heading)
        and not yardsticks.intersection(n for m in g for n in m.models)
        and (heading or not _in_frame(view, g[0], g[-1]))
        and (heading or not _FAMILY_AFTER.match(view.clean, g[-1].end))
    ]
    if subjects and heading and not any(m.explicit for m in subjects[-1]):
        # a heading naming a brand's product without a version (Kling Sound, 可灵数字人) opens a
        # section about the brand, not about the version the text was on
        view.anchor = view.topic = group_subject(subjects[-1], False)
    elif subjects:
        before = view.anchor
        view.anchor = after = _latest(subjects, view.anchor)
        if not heading and (before is None or after is None or set(after.models) != set(before.models)):
            # named in the text: the next heading of any level moves on (but a list under "### Sora 2
            # Pro" naming it again, `- Model ID: sora-2-pro`, leaves its heading's part going on, and
            # text that comes back to the model of the heading it stands under stays in that part:
            # "## Pika 2.2 …" / "这类镜头，在 Vidu 的审查阶段常被拒；Pika 2.2 处理得挺顺" / "### 2. …")
            back = after is not None and frozenset(after.models) == view.heading_models
            view.anchor_rank = view.heading_rank if back else UNRANKED
    if subjects and heading:
        view.anchor_numbered = numbered
        view.anchor_rank = _rank(view, sid)
        view.anchor_sid = sid
        if view.anchor is not None:
            view.heading_models, view.heading_rank = frozenset(view.anchor.models), view.anchor_rank


def _labels_under(view: SectionView, sid: int, rank: int) -> bool:
    """Is plain line ``sid`` one of the labels right under the plain line naming the anchor, with no
    text between (veo3.1-fast-official / Text to Video / Image to Video: a page's labels for the
    model, no new section)?"""
    if rank != _PLAIN or view.anchor_rank != _PLAIN or view.anchor_sid < 0 or view.anchor_sid >= sid:
        return False
    if view.labels_broken_at > view.anchor_sid:
        return False  # a line of text under this anchor was read before
    # (each line is read once per anchor: a page of many label lines stays linear)
    for k in range(max(view.anchor_sid, view.labels_to) + 1, sid):
        if not is_heading(view, k) or is_label(view, k) or view.quantities[k]:
            view.labels_broken_at = k
            return False
    view.labels_to = sid - 1
    return True


# a time or place frame around a model (在 Sora 2 正式发布后, 在可灵里, 当年海螺01的时候): the scene,
# not the subject
# (matched on the Simplified copy: 當年 reads as 当年)
_FRAME_OPEN = re.compile(r"(?:在|当年|当初|早在)\s*$")
# a sentence that moves on to a new part (最后，再来说说…, 接下来聊聊…, Finally, let's talk about…)
_MOVES_ON = re.compile(
    r"\s*(?:(?:最后|接下来|下面|然后)[，,]?\s*(?:我们)?(?:再|就)?(?:来)?|(?:我们)?再来)(?:说说|聊聊|谈谈|看看|讲讲)"
    r"|\s*(?:finally|next|now)?,?\s*let['’]s (?:talk about|look at|turn to|move on to)\b"
)
_EVENT_AFTER = re.compile(r"\s*的(?:出现|问世|诞生|横空出世|爆火|走红)")
_FRAME_CLOSE = re.compile(
    r"\s*[^，。,；;！？!?\n]{0,10}?(?:之后|以后|之前|以前|之中|当中|后|时|中|里)(?=[，,]?[\u4e00-\u9fff])"
)


def _in_frame(view: SectionView, first: Mention, last: Mention) -> bool:
    """Does a time or place frame (在 … 后/时/中/里) hold the mentions from ``first`` to ``last``, or
    do they name an event (Sora的出现, 可灵的问世), not what the text goes on to review?"""
    return bool(
        _FRAME_OPEN.search(view.clean, max(0, first.start - 3), first.start)
        and _FRAME_CLOSE.match(view.clean, last.end)
    ) or bool(_EVENT_AFTER.match(view.clean, last.end))


def _in_aside(view: SectionView, sid: int, pos: int) -> bool:
    """Is ``pos`` inside brackets opened earlier in sentence ``sid``?"""
    return bracket_open(view.clean[view.sentences[sid].start : pos])


_EXAMPLES_OPEN = re.compile(r"\s*(?:如|例如|比如|譬如|包括|e\.g\.|eg\b|such as\b|like\b|including\b)")


def _named_after_words(view: SectionView, sid: int, pos: int) -> bool:
    """Do words open sentence ``sid`` before the bracket holding ``pos`` (Standard Version (sora-2)),
    rather than the bracket itself (（我测试的都是A和B）, a sentence said wholly as an aside)?"""
    before = view.clean[view.sentences[sid].start : pos]
    cut = max(before.rfind("("), before.rfind("（"))
    if not (cut > 0 and any(ch.isalnum() for ch in before[:cut])):
        return False
    if _EXAMPLES_OPEN.match(before, cut + 1):
        return False  # 竞争对手（如Seedance）, rivals (e.g. Veo 3): examples of something, not who it is
    # …and the bracket holds names, not a statement of its own (720p max (Kling and Sora both
    # offer 1080p)): what is left of it without the names is a few characters at most
    close = min((i for i in (view.clean.find(")", pos), view.clean.find("）", pos)) if i >= 0), default=-1)
    if close < 0:
        return True
    inner = view.clean[pos:close]
    for m in sorted(view.mentions[sid], key=lambda m: -m.start):
        if pos <= m.start and m.end <= close:
            inner = inner[: m.start - pos] + inner[m.end - pos :]
    return len("".join(inner.split())) <= 6


def _latest(groups: list[list[Mention]], current: Subject | None) -> Subject | None:
    """The subject the last of ``groups`` makes: a model named with its version; a bare brand
    takes the version named for it earlier in the sentence, keeps the current subject of its
    brand, or moves the subject to its brand."""
    last = groups[-1]
    if any(m.explicit for m in last):
        return group_subject(last, False)
    same = [g for g in groups[:-1] if g[0].brand == last[0].brand and any(m.explicit for m in g)]
    if same:
        return group_subject(same[-1], False)
    if current is not None and last[0].brand in {n.split(" ")[0] for n in current.models}:
        return current
    return group_subject(last, False)


# the output of a model being shown (runway这个, 可灵这段): what the text presents next
_SHOWN_AFTER = re.compile(r"\s*(?:的)?\s*(?:这个|这段|这条|这一段|这一条|这次)")


def _is_subject(view: SectionView, sid: int, m: Mention) -> bool:
    """Does mention ``m`` open its clause (可灵2.1的价格…, 而之前可灵…, But Kling…): the sentence's
    subject, which later paragraphs keep talking about, not a model named in passing?"""
    lo = max(view.sentences[sid].start, m.start - 16)
    cut = [x.end() for x in CLAUSE_MARK.finditer(view.clean, lo, m.start)]
    before = view.clean[cut[-1] if cut else lo : m.start].strip()
    if not cut and lo > view.sentences[sid].start:
        return False  # far into its clause
    if before.isascii():
        return len(before.split()) <= 2 and len(before) <= 12
    # …or is the one a cleft shows, naming the most of something (最离谱的是runway这个; not 值得一提的是
    # sora…, 最重要的是runway也…: a turn of the text, no subject)
    return len(before) <= 4 or (
        len(before) <= 10
        and "最" in before
        and before.endswith(("的是", "的则是", "的就是"))
        and _SHOWN_AFTER.match(view.clean, m.end) is not None
    )
