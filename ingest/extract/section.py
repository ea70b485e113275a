"""One section of a document (body or summary) analysed once for every rule.

``SectionView`` holds the original text, its normalised copy, sentences and
clauses, the resolved model mentions and the quantities, bucketed by
sentence; ``subject`` answers "which model is this part of the sentence
about?" with the nearest model named before it, else the topic carried over
from earlier sentences (the model the review was last talking about), which
``topics.py`` keeps up to date.
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
from ingest.extract.numbers import Quantity
from ingest.extract.prefilter import PatternGate
from ingest.extract.quantities import QuantityScanner
from ingest.extract.sentences import Sentence, Splitter

log = logging.getLogger(__name__)

_NEWLINE = re.compile("\n")
_OBJECT_BEFORE = re.compile(r"(?:把|将)\s*$")
CLAUSE_MARK = re.compile(r"[，,：:;；|（(]")
# words before a group of products that make it a yardstick, not the subject (比其他模型, beats other models)
_YARDSTICK = re.compile(r"比|和|与|跟|相较|than|beats?|vs\b|versus|over|outperform|compared|unlike|like")
# a clause opening on part of a group (有的翻车翻得小，有的…; some of them…) is about no one model
_PARTITIVE = re.compile(r"有的(?!时|地方|人)|其中(?:一些|有的)|some of them|some of these")
_CONNECTIVES = ("", "但", "但是", "而", "也", "不过", "and", "but")
# a group the subject is drawn from (三个模型里只有A…, 这几家中A…, of these, A…): A is the subject
_AMONG = re.compile(r"\s*(?:里面|里|中间|之中|当中|中)\s*[，,]?\s*(?:只有|唯独|仅有|就|只|也就)?\s*$")
# a group a superlative ranks the subject in (是所有模型里最快的): the yardstick, not the subject
_RANKED_IN = re.compile(r"\s*(?:里面|里|之中|当中|中)的?[^，。,；;！？!?\n]{0,8}?(?:最|第一)")


UNRANKED = 99  # no heading named the anchor: any heading opens a new section (see topics._rank)
_RELATIVE = re.compile(r"[\s,，]*(?:which|who)\b")
# brackets that add a model to the subject: (and its sibling X), (以及X), (or X)
_ASIDE_JOIN = re.compile(r"(?:and|or|plus|as well as|along with|together with)\b|和|与|及|以及|还有|或")
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


def group_subject(members: list[Mention], explicit: bool) -> Subject:
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
        self.anchor_rank = UNRANKED  # the level of the heading that named the anchor
        self.main: Subject | None = None
        # tables (see ``tables.py``): header rows state nothing; in a table whose columns are
        # models, row sentence -> (where the row starts, the model of each column by index)
        self.header_sids: set[int] = set()
        self.columns: dict[int, tuple[list[int], list[Subject | None]]] = {}  # row -> (cell starts, models)
        # row -> (row start, generation-time columns); row -> (row start, price columns and their length)
        self.speed_cells: dict[int, tuple[int, list[int], dict[int, float]]] = {}  # and their header units
        self.flat_speed: dict[int, tuple[int, int, int]] = {}  # flattened row -> (start, its time, end)
        self.price_cells: dict[int, tuple[int, list[Any]]] = {}  # tables.PriceColumn per column
        self.plan_rows: set[int] = set()  # rows of a table of plans or credit packs (header 套餐, Plan)
        self.period_spans: list[tuple[int, int]] = []  # table cells of sums over a month or a year
        self.offered_lines: list[tuple[int, int]] = []  # long list items under a features heading
        breaks = [m.start() for m in _NEWLINE.finditer(norm)]
        self.para_of = [bisect_right(breaks, s.start) for s in self.sentences]
        self.para = -1  # the paragraph the last sentence entered was in (topics.enter)
        self.heading_cache: dict[int, bool] = {}  # sentence -> is it a heading line (topics.is_heading)
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
            if col >= 1:
                return None  # a column headed by a name the registry lacks (昊元视频): not the topic's
            if col == 0 and not self._row_names_model(sid, row[0]):
                return None  # the row's label (| Character consistency | …): what is compared, no verdict
        inside = self.groups(sid, lo, hi)
        before = [g for g in inside if g[0].start <= anchor]
        after = [g for g in inside if g[0].start > anchor]
        # a field or group of products as the subject (产品们越来越卷, other models…): no one model
        named_to = max((m.end for g in before for m in g), default=lo)
        if self._generic_subject(lo, named_to, after[0][0].start if after else hi):
            return None
        earlier = self.groups(sid, self.sentences[sid].start, lo)
        # the span, or the cue's own clause inside it, opens with ", which" (unlike Sora, which still…)
        rel = next((p for p in (lo, anchor) if lo <= p and _RELATIVE.match(self.clean, p)), None)
        if not before and rel is not None:
            # "Unlike Kling 2.1, which supports…", "Compare that to X, which lets you…": the clause
            # is about the model it hangs on, compared or not
            said = self.groups(sid, self.sentences[sid].start, rel, versus=True)
            near = [g for g in earlier + said if rel - g[-1].end <= 3]
            if near:
                return group_subject(max(near, key=lambda g: g[-1].end), True)
        if before:
            g = before[-1]
            nxt = [h for h in inside if h[0].start > g[-1].end]
            if nxt and len(g[0].models) > 1 and _AMONG.match(self.clean, g[-1].end, nxt[0][0].start):
                g = nxt[0]  # 三个模型里只有A: A, not the three
            elif len(before) > 1 and self._aside(before[-2][-1].end, g, anchor):
                g = self._outside(before[-2], g)
            subj = group_subject(g, True)
        elif after:
            subj = group_subject(after[0], True)
        elif earlier:
            g = earlier[-1]
            if len(earlier) > 1 and self._aside(earlier[-2][-1].end, g, anchor):
                g = self._outside(earlier[-2], g)
            subj = group_subject(g, True)
        elif self.topic is not None:
            t = self.topic
            subj = Subject(list(t.models), list(t.tiers), False, versioned=t.versioned)
        else:
            return None
        vs = self.groups(sid, lo, hi, versus=True)
        names = [n for g in vs for m in g for n in m.models if n not in subj.models]
        subj.versus = names[0] if names else None
        return subj

    def _row_names_model(self, sid: int, starts: list[int]) -> bool:
        """Does the label cell of row ``sid`` (cells starting at ``starts``) name a model?"""
        end = starts[1] if len(starts) > 1 else self.sentences[sid].end
        return any(starts[0] <= m.start < end for m in self.mentions[sid])

    def _aside(self, prev_end: int, g: list[Mention], anchor: int) -> bool:
        """Is group ``g`` inside brackets opened after ``prev_end`` and closed before ``anchor``?"""
        opened = self.clean[prev_end : g[0].start]
        last_open = max(opened.rfind("("), opened.rfind("（"))
        if last_open < 0 or max(opened.rfind(")"), opened.rfind("）")) > last_open:
            return False
        return any(c in self.clean[g[-1].end : anchor] for c in ")）")

    def _outside(self, prev: list[Mention], aside: list[Mention]) -> list[Mention]:
        """The subject when ``aside`` is named in brackets after ``prev``: both when the brackets join
        it (Veo 3 (and its sibling Veo 3 Fast) now supports…), else ``prev`` alone (Hailuo (like its
        rival Kling) offers…: the aside names no subject)."""
        inner = self.clean[prev[-1].end : aside[0].start]
        inner = inner[max(inner.rfind("("), inner.rfind("（")) + 1 :].lstrip().lower()
        return prev + aside if _ASIDE_JOIN.match(inner) else prev

    def described_yardstick(self, sid: int, pos: int) -> Subject | None:
        """The compared model when ``pos`` sits in the words describing it (跟[图生视频最好的模型]
        可灵1.6比: the praise is the yardstick's, not the subject's)."""
        for a, b in self.yardsticks.get(sid, ()):
            if a <= pos < b:
                said = [g for g in self.groups(sid, b, b + 1, versus=True)]
                if said:
                    return group_subject(said[0], True)
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
            cuts = [x.end() for x in CLAUSE_MARK.finditer(self.clean, lo, m.start())]
            if self.clean[cuts[-1] if cuts else lo : m.start()].strip() in _CONNECTIVES:
                return True
        for m in self.generic_re.finditer(self.clean, start, end) if generic else ():
            cuts = [x.end() for x in CLAUSE_MARK.finditer(self.clean, lo, m.start())]
            head = self.clean[cuts[-1] if cuts else lo : m.start()].strip()
            if _YARDSTICK.search(head) or _RANKED_IN.match(self.clean, m.end()):
                continue
            if self.clean.startswith(("里", "中", "内"), m.end()):
                continue  # 写实赛道里Runway…: where, not who
            if (len(head.split()) <= 2 and len(head) <= 12) if head.isascii() else len(head) <= 3:
                return True
        return False
