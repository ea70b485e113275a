"""One section of a document (body or summary) analysed once for every rule.

``SectionView`` holds the original text, its normalised copy, sentences and
clauses, the resolved model mentions and the quantities, bucketed by
sentence; ``subject`` answers "which model is this part of the sentence
about?" with the nearest model named before it, else the topic carried over
from earlier sentences (the model the review was last talking about).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ingest.extract.mention_resolve import MentionResolver
from ingest.extract.mention_roles import MentionRoles
from ingest.extract.mentions import DocContext, Mention, RawMention
from ingest.extract.normalize import mask, noise_spans
from ingest.extract.numbers import Quantity, QuantityScanner
from ingest.extract.prefilter import PatternGate
from ingest.extract.sentences import Sentence, Splitter

log = logging.getLogger(__name__)

_NEWLINE = re.compile("\n")
_OBJECT_BEFORE = re.compile(r"(?:把|将)\s*$")
_CLAUSE_MARK = re.compile(r"[，,：:;；|（(]")
# words before a group of products that make it a yardstick, not the subject (比其他模型, beats other models)
_YARDSTICK = re.compile(r"比|和|与|跟|相较|than|beats?|vs\b|versus|over|outperform|compared|unlike|like")
# a clause opening on part of a group (有的翻车翻得小，有的…; some of them…) is about no one model
_PARTITIVE = re.compile(r"有的(?!时|地方|人)|其中(?:一些|有的)|some of them|some of these")
_CONNECTIVES = ("", "但", "但是", "而", "也", "不过", "and", "but")
# a group the subject is drawn from (三个模型里只有A…, 这几家中A…, of these, A…): A is the subject
_AMONG = re.compile(r"\s*(?:里面|里|中间|之中|当中|中)\s*[，,]?\s*(?:只有|唯独|仅有|就|只|也就)?\s*$")
# a group a superlative ranks the subject in (是所有模型里最快的): the yardstick, not the subject
_RANKED_IN = re.compile(r"\s*(?:里面|里|之中|当中|中)的?[^，。,；;！？!?\n]{0,8}?(?:最|第一)")
# a numbered heading (一、, 2., 第三章): a top-level section, under which unnumbered headings are parts
_NUMBERED = re.compile(
    r"\s*(?:[#*]+\s*)?(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]\s|第[一二三四五六七八九十\d]+[章部节篇])"
)
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]{0,24}[)）]\s*$")
_ASKS = re.compile(r"哪|什么|怎么|如何|为什么|为何|吗|呢|[？?]|\b(?:what|where|how|why|which|when)\b")
# a field of a list, not a heading: `- Cost: 100 credits`, `Gen Time: 190s`, `- Access: Blocked`
_FIELD_LINE = re.compile(r"[-*•·]\s*[^:：\n]{1,20}[:：]\s*\S|[^:：\n]{1,20}[:：]\s*[$¥￥€£~≈约]?\d")
_NEXT_LINE = re.compile(r"[^\n]*\n\s*([^\n]+)")  # the rest of a line, then the next line holding text
# a line opening with a value: an amount, a length, a resolution (5 sec $0.40, $0.63/request, 720p …)
_VALUE_START = re.compile(
    r"[$¥￥]\s*\d|\d+(?:\.\d+)?\s*(?:s\b|sec|秒|p\b|k\b|元|credits?|积分|分钟|min)", re.I
)


_RELATIVE = re.compile(r"[\s,，]*(?:which|who)\b")
_FORMER_LATTER = re.compile(r"前者|后者|後者|\bthe (?:former|latter)\b", re.I)


def _two_models(mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """The two mentions naming the only two models among ``mentions``, in order, if so."""
    firsts: dict[str, Mention] = {}
    for x in mentions:
        if len(x.models) != 1:
            return None
        firsts.setdefault(x.models[0], x)
    if len(firsts) != 2:
        return None
    a, b = firsts.values()
    return a, b


@dataclass(slots=True)
class Subject:
    """The model(s) a claim is about, with the tier the text gave and where it came from."""

    models: list[str]
    tiers: list[str | None]
    explicit: bool  # named in the same sentence, not carried over
    versus: str | None = None
    versioned: bool = True  # the text named the version, not only the brand


@dataclass(slots=True)
class Draft:
    """A claim before it becomes a ``Claim``: offsets are into the section text."""

    kind: str
    start: int
    end: int
    model: str | None
    tier: str | None
    rule: str
    confidence: float
    fields: dict[str, Any] = field(default_factory=dict)
    versioned: bool = True  # the model's version was named, not inferred from a bare brand


def _group_subject(members: list[Mention], explicit: bool) -> Subject:
    models: list[str] = []
    tiers: list[str | None] = []
    for m in members:
        for name in m.models:
            if name not in models:
                models.append(name)
                tiers.append(m.tier)
    return Subject(models, tiers, explicit, versioned=all(m.explicit for m in members))


@lru_cache(maxsize=4)
def _subject_gate(generic_re: re.Pattern[str]) -> PatternGate:
    """Whether a group of products can head a clause anywhere in a section: the literals of
    ``_PARTITIVE`` and ``generic_re`` looked for once, not both scans run for every subject."""
    return PatternGate([_PARTITIVE, generic_re])


class SectionView:
    def __init__(
        self, name: str, text: str, norm: str, splitter: Splitter, quantities: QuantityScanner
    ) -> None:
        self.name = name
        self.text = text
        self.norm = norm
        noise = noise_spans(norm)
        self.clean = mask(
            norm, [s for s in noise if norm[s[0]] not in "#*"]
        )  # hashtags, headings name models
        self.cue_text = mask(norm, noise)  # hashtags hold no claims
        self.sentences: list[Sentence] = splitter.split(self.clean)
        self.generic_re = splitter.generic_re
        self._splitter = splitter
        self._prompt_quotes: list[tuple[int, int]] | None = None  # see ``prompt_quotes``
        self.sentence_starts = [s.start for s in self.sentences]
        self.quantities: list[list[Quantity]] = [[] for _ in self.sentences]
        for q in quantities.scan(self.cue_text):
            i = self.sentence_index(q.start)
            if i is not None:
                self.quantities[i].append(q)
        self.mentions: list[list[Mention]] = [[] for _ in self.sentences]
        self.cue_starts: dict[tuple[int, int], int] = {}  # (sentence, clause) -> first opinion cue
        self.cue_hits: dict[tuple[int, int], list[tuple[int, str]]] = {}  # -> (where, kind) of each cue
        self.topic: Subject | None = None
        self.nobody_at: list[int] = []  # a company heading a clause whose model is unclear (vendors.py)
        # sentence -> (start, end) of the words describing a yardstick (跟[最好的模型]可灵比)
        self.yardsticks: dict[int, list[tuple[int, int]]] = {}
        # where a new paragraph starts from: the model of the heading it sits under, else the
        # document's; a model named in passing (从ChatGPT到Sora) is the topic only to its paragraph's end
        self.anchor: Subject | None = None
        self.anchor_numbered = False  # the anchor was set by a numbered heading naming a model
        self.main: Subject | None = None
        # tables (see ``tables.py``): header rows state nothing; in a table whose columns are
        # models, row sentence -> (where the row starts, the model of each column by index)
        self.header_sids: set[int] = set()
        self.columns: dict[int, tuple[list[int], list[Subject | None]]] = {}  # row -> (cell starts, models)
        # row -> (row start, generation-time columns); row -> (row start, price columns and their length)
        self.speed_cells: dict[int, tuple[int, list[int], dict[int, float]]] = {}  # and their header units
        self.price_cells: dict[int, tuple[int, list[Any]]] = {}  # tables.PriceColumn per column
        self.plan_rows: set[int] = set()  # rows of a table of plans or credit packs (header 套餐, Plan)
        self.period_spans: list[tuple[int, int]] = []  # table cells of sums over a month or a year
        self.offered_lines: list[tuple[int, int]] = []  # long list items under a features heading
        breaks = [m.start() for m in _NEWLINE.finditer(norm)]
        self.para_of = [bisect_right(breaks, s.start) for s in self.sentences]
        self._para = -1
        self._headings: dict[int, bool] = {}  # sentence -> is it a heading line (asked often)
        self._subject_scans: list[bool] | None = (
            None  # may _PARTITIVE, generic_re match (see _generic_subject)
        )

    def prompt_quotes(self) -> list[tuple[int, int]]:
        """Spans of prompts quoted in running text in ``cue_text`` (``Splitter.prompt_quotes``),
        found once for the rules that skip them (specifications, opinions). Read only."""
        if self._prompt_quotes is None:
            self._prompt_quotes = self._splitter.prompt_quotes(self.cue_text)
        return self._prompt_quotes

    def row_label(self, sid: int) -> tuple[int, int] | None:
        """[start, end) of the label cell of sentence ``sid``'s row under model columns (its end is the
        pipe closing it), or None when it is no such row."""
        row = self.columns.get(sid)
        if row is None or len(row[0]) < 2:
            return None
        return row[0][0], row[0][1] - 1

    def sentence_index(self, pos: int) -> int | None:
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def add_mentions(
        self,
        resolver: MentionResolver,
        roles: MentionRoles,
        raws: list[RawMention],
        ctx: DocContext,
        recent: list[str],
    ) -> None:
        kept = [(r, self.sentence_index(r.start)) for r in raws]
        pairs = [(r, i) for r, i in kept if i is not None and not self.sentences[i].prompt]
        for n, (r, i) in enumerate(pairs):
            yard = roles.yardstick_from(self.clean, r.start, r.end, self.sentences[i].start)
            if yard is not None:
                self.yardsticks.setdefault(i, []).append((yard, r.start))
            r.versus = yard is not None or roles.is_versus(
                self.clean, r.start, r.end, self.sentences[i].start
            )
            # A…把B拉开差距: a model after 把/将 is the object once the sentence has named its subject
            if not r.versus and _OBJECT_BEFORE.search(self.clean, max(0, r.start - 3), r.start):
                r.versus = any(j == i and not p.versus for p, j in pairs[:n])
        resolved = resolver.resolve(self.clean, [r for r, _ in pairs], ctx, [i for _, i in pairs], recent)
        for m in resolved:
            sid = self.sentence_index(m.start)
            if sid is not None:
                self.mentions[sid].append(m)
        if _FORMER_LATTER.search(self.clean):
            self._former_latter()
        for ms in self.mentions:
            if ms:
                roles.mark_roles(self.clean, ms)

    def _former_latter(self) -> None:
        """前者/后者, the former/the latter: the first or the second of the two models the text
        named last (earlier in the sentence, else in one of the two sentences before it)."""
        pair: tuple[Mention, Mention] | None = None
        pair_sid = -9
        for m in _FORMER_LATTER.finditer(self.clean):
            sid = self.sentence_index(m.start())
            if sid is None or self.sentences[sid].prompt:
                continue
            named = _two_models([x for x in self.mentions[sid] if x.start < m.start()])
            if named is None:
                for back in range(sid - 1, max(-1, sid - 3), -1):
                    named = _two_models(self.mentions[back])
                    if named is not None:
                        break
            if named is None and pair is not None and sid - pair_sid <= 2:
                named = pair
            if named is None:
                continue
            pair, pair_sid = named, sid
            src = named[0] if m.group(0).lower() in ("前者", "the former") else named[1]
            said = Mention(m.start(), m.end(), list(src.models), src.tier, src.brand, True)
            self.mentions[sid] = sorted([*self.mentions[sid], said], key=lambda x: x.start)

    # ----- subjects ------------------------------------------------------------
    def groups(self, sid: int, lo: int, hi: int, versus: bool = False) -> list[list[Mention]]:
        """Coordinated mention groups starting in [lo, hi) of sentence ``sid``."""
        mentions = self.mentions[sid]
        if not mentions:
            return []
        inside = {m.group for m in mentions if lo <= m.start < hi and m.versus == versus}
        if not inside:
            return []
        out: dict[int, list[Mention]] = {}
        for m in mentions:  # a coordination carried across a comma (A、B，还是C) is whole
            if m.group in inside and m.versus == versus:
                out.setdefault(m.group, []).append(m)
        return list(out.values())

    def subject(self, sid: int, lo: int, hi: int, anchor: int) -> Subject | None:
        """Who [lo, hi) of sentence ``sid`` is about; ``anchor`` is the cue or amount position.

        The nearest group named before ``anchor`` in [lo, hi), else the first after
        it there, else the last named earlier in the sentence, else the topic.
        """
        row = self.columns.get(sid)
        if row is not None:  # a cell of a table whose columns are models: the column's model
            if not row[1]:
                return None  # a row of such a table that splits no single way: nobody's
            col = bisect_right(row[0], anchor) - 1
            head = row[1][col] if 0 <= col < len(row[1]) else None
            if head is not None:
                return Subject(list(head.models), list(head.tiers), True)
        inside = self.groups(sid, lo, hi)
        before = [g for g in inside if g[0].start <= anchor]
        after = [g for g in inside if g[0].start > anchor]
        # a field or group of products as the subject (产品们越来越卷, other models…): no one model
        named_to = max((m.end for g in before for m in g), default=lo)
        if self._generic_subject(lo, named_to, after[0][0].start if after else hi):
            return None
        earlier = self.groups(sid, self.sentences[sid].start, lo)
        if not before and _RELATIVE.match(self.clean, lo):
            # "Unlike Kling 2.1, which supports…", "Compare that to X, which lets you…": the clause
            # is about the model it hangs on, compared or not
            said = self.groups(sid, self.sentences[sid].start, lo, versus=True)
            near = [g for g in earlier + said if lo - g[-1].end <= 3]
            if near:
                return _group_subject(max(near, key=lambda g: g[-1].end), True)
        if before:
            g = before[-1]
            nxt = [h for h in inside if h[0].start > g[-1].end]
            if nxt and len(g[0].models) > 1 and _AMONG.match(self.clean, g[-1].end, nxt[0][0].start):
                g = nxt[0]  # 三个模型里只有A: A, not the three
            subj = _group_subject(g, True)
        elif after:
            subj = _group_subject(after[0], True)
        elif earlier:
            subj = _group_subject(earlier[-1], True)
        elif self.topic is not None:
            t = self.topic
            subj = Subject(list(t.models), list(t.tiers), False, versioned=t.versioned)
        else:
            return None
        vs = self.groups(sid, lo, hi, versus=True)
        names = [n for g in vs for m in g for n in m.models if n not in subj.models]
        subj.versus = names[0] if names else None
        return subj

    def described_yardstick(self, sid: int, pos: int) -> Subject | None:
        """The compared model when ``pos`` sits in the words describing it (跟[图生视频最好的模型]
        可灵1.6比: the praise is the yardstick's, not the subject's)."""
        for a, b in self.yardsticks.get(sid, ()):
            if a <= pos < b:
                said = [g for g in self.groups(sid, b, b + 1, versus=True)]
                if said:
                    return _group_subject(said[0], True)
        return None

    def _generic_subject(self, lo: int, start: int, end: int) -> bool:
        """Does a field or group of products (产品们, other models) head a clause in [start, end)?
        Heading it: only a connective or two before it in its clause; a yardstick (比其他模型更稳,
        beats other models) is no subject."""
        i = bisect_right(self.nobody_at, start - 1)
        if i < len(self.nobody_at) and self.nobody_at[i] < end:
            return True  # 字节这次… in a text naming two of its brands
        if self._subject_scans is None:  # which of the two scans below can match in this section at all
            self._subject_scans = _subject_gate(self.generic_re).active(self.clean)
        partitive, generic = self._subject_scans
        for m in (
            _PARTITIVE.finditer(self.clean, start, end) if partitive else ()
        ):  # 有的…，有的…: part of a group
            cuts = [x.end() for x in _CLAUSE_MARK.finditer(self.clean, lo, m.start())]
            if self.clean[cuts[-1] if cuts else lo : m.start()].strip() in _CONNECTIVES:
                return True
        for m in self.generic_re.finditer(self.clean, start, end) if generic else ():
            cuts = [x.end() for x in _CLAUSE_MARK.finditer(self.clean, lo, m.start())]
            head = self.clean[cuts[-1] if cuts else lo : m.start()].strip()
            if _YARDSTICK.search(head) or _RANKED_IN.match(self.clean, m.end()):
                continue
            if (len(head.split()) <= 2 and len(head) <= 12) if head.isascii() else len(head) <= 3:
                return True
        return False

    def start_document(self, main: Subject | None) -> None:
        """The document's own model is the topic (and anchor) until the text names another."""
        self.topic = self.anchor = self.main = main
        self._para = -1

    def enter(self, sid: int) -> None:
        """Before sentence ``sid``: a new paragraph (a line) starts again from the anchor."""
        para = self.para_of[sid]
        if para != self._para:
            self._para = para
            a = self.anchor
            self.topic = Subject(list(a.models), list(a.tiers), False, versioned=a.versioned) if a else None

    def is_heading(self, sid: int) -> bool:
        """Is sentence ``sid`` a heading line (# Kling 2.1, **海螺02**, a short line naming a model)?"""
        known = self._headings.get(sid)
        if known is None:
            known = self._headings[sid] = self._is_heading(sid)
        return known

    def _line(self, sid: int) -> str:
        """From the start of the line sentence ``sid`` starts on to the end of the line it ends on."""
        sent = self.sentences[sid]
        ls = self.norm.rfind("\n", 0, sent.start) + 1
        le = self.norm.find("\n", sent.end)
        return self.norm[ls : le if le >= 0 else len(self.norm)]

    def _is_heading(self, sid: int) -> bool:
        sent = self.sentences[sid]
        line = self._line(sid)
        if line.startswith("#"):
            return True
        if sent.end - sent.start > 30:
            return False
        line = line.strip()
        if line.startswith("#"):
            return True
        if _FIELD_LINE.match(line):
            return False
        # Motion Control (up to 30 s): the note in brackets at the end is no part of the heading
        body = (_TRAILING_NOTE.sub("", line) or line) if line.endswith((")", "）")) else line
        body = body.strip("*#>-•· \t0123456789.、)）")
        return 0 < len(body) <= 24 and not body.endswith(("。", "！", "？", "!", "?", "，", ","))

    def asking_heading(self, sid: int) -> bool:
        """Is sentence ``sid`` a heading that asks (它到底强在哪, Where does it struggle?)?"""
        sent = self.sentences[sid]
        return (
            _ASKS.search(self.clean, sent.start, sent.end) is not None
            and self.is_heading(sid)
            and not self.is_label(sid)
        )

    def is_label(self, sid: int) -> bool:
        """Is short line ``sid`` a label over values (a column header `Duration Price Rate`, a field
        name `Video` over `$0.63/request`), not a heading: unmarked, and the next line that holds
        text opens with a value?"""
        sent = self.sentences[sid]
        ls = self.norm.rfind("\n", 0, sent.start) + 1
        if self.norm[ls : sent.start].lstrip()[:1] in ("#", "*") or self.norm[sent.start] in "#*":
            return False
        if _VALUE_START.match(self.norm, sent.start):
            return True  # a line of values ($0.28/5s /generation) is no heading either
        nxt = _NEXT_LINE.match(self.norm, sent.end)
        if nxt is None:
            return False
        line = nxt.group(1).strip()
        return bool(_VALUE_START.match(line))

    def update_topic(self, sid: int) -> None:
        """After sentence ``sid``: the last model group it named becomes the topic; a heading's
        group becomes the anchor every later paragraph starts from."""
        groups = (
            self.groups(sid, self.sentences[sid].start, self.sentences[sid].end) if self.mentions[sid] else []
        )
        numbered = self.is_heading(sid) and _NUMBERED.match(self._line(sid)) is not None
        if not groups:
            if self.is_heading(sid) and not self.is_label(sid) and (numbered or not self.anchor_numbered):
                # a heading naming no model opens a section about the document's model, unless it is
                # an unnumbered part (核心优势) of a numbered section about a model (二、阿里Wan2.1)
                self.anchor = self.main
                self.anchor_numbered = False
            return
        # "Sora 2 (and Sora 2 Pro) are…": a model named in an aside is not what the text goes on about
        plain = [g for g in groups if not self._in_aside(sid, g[0].start)]
        bare = {m.brand for g in plain for m in g if not m.explicit}
        # …but "Sora（就是 Sora 1）": an aside giving the version of a brand named bare is who it is
        groups = [g for g in groups if g in plain or (g[0].brand in bare and g[0].explicit)] or groups
        current = self.topic
        named = {n for g in groups for m in g for n in m.models}
        if not (
            current is not None and len(groups) >= 2 and current.versioned and set(current.models) < named
        ):  # "$0.10/s for Sora 2 and $0.30/s for Sora 2 Pro" under Sora 2: the text stays on Sora 2
            self.topic = self._latest(groups, self.topic)
        # a model named with its version, or a brand as the sentence's subject, is what later
        # paragraphs go on about; an enumeration of three models or more (测试覆盖A、B、C…) is not
        subjects = [
            g
            for g in groups
            if len(g) <= 2
            and (any(m.explicit for m in g) or self._is_subject(sid, g[0]) or self.is_heading(sid))
        ]
        if subjects and self.is_heading(sid) and not any(m.explicit for m in subjects[-1]):
            # a heading naming a brand's product without a version (Kling Sound, 可灵数字人) opens a
            # section about the brand, not about the version the text was on
            self.anchor = self.topic = _group_subject(subjects[-1], False)
        elif subjects:
            self.anchor = self._latest(subjects, self.anchor)
        if subjects and self.is_heading(sid):
            self.anchor_numbered = numbered

    def _in_aside(self, sid: int, pos: int) -> bool:
        """Is ``pos`` inside brackets opened earlier in sentence ``sid``?"""
        before = self.clean[self.sentences[sid].start : pos]
        return before.count("(") + before.count("（") > before.count(")") + before.count("）")

    @staticmethod
    def _latest(groups: list[list[Mention]], current: Subject | None) -> Subject | None:
        """The subject the last of ``groups`` makes: a model named with its version; a bare brand
        takes the version named for it earlier in the sentence, keeps the current subject of its
        brand, or moves the subject to its brand."""
        last = groups[-1]
        if any(m.explicit for m in last):
            return _group_subject(last, False)
        same = [g for g in groups[:-1] if g[0].brand == last[0].brand and any(m.explicit for m in g)]
        if same:
            return _group_subject(same[-1], False)
        if current is not None and last[0].brand in {n.split(" ")[0] for n in current.models}:
            return current
        return _group_subject(last, False)

    def _is_subject(self, sid: int, m: Mention) -> bool:
        """Does mention ``m`` open its clause (可灵2.1的价格…, 而之前可灵…, But Kling…): the sentence's
        subject, which later paragraphs keep talking about, not a model named in passing?"""
        lo = max(self.sentences[sid].start, m.start - 16)
        cut = [x.end() for x in _CLAUSE_MARK.finditer(self.clean, lo, m.start)]
        before = self.clean[cut[-1] if cut else lo : m.start].strip()
        if not cut and lo > self.sentences[sid].start:
            return False  # far into its clause
        if before.isascii():
            return len(before.split()) <= 2 and len(before) <= 12
        return len(before) <= 4
