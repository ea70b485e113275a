"""Opinion cues: the cue kind (strength, bug, capability, limitation) of every clause.

Each clause gets at most one cue kind (limitation > capability > bug >
strength). Cues come from the lexicon: phrases, degree + quality word
(更自然, 有点假), a quality word that ends its clause (运镜丝滑。), negated
quality words (不自然 -> bug), generic flaw nouns (问题; 没有太大缺点 ->
strength), flaws a "fix" negator denies (不会跳轴, 没再闪烁, no longer
flickers -> strength; 避免穿模 -> nothing), and the sentence shapes of
``narrative``. Features and specifications (不支持文生视频, 支持4K) are read by
``specs``. ``opinion_groups`` turns the clause kinds into claims; the cue words and
their negation are read in ``cue_words``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import partial

from ingest.extract.appraisal import Appraisal
from ingest.extract.branches import Alternatives
from ingest.extract.cue_words import CueWords, negated_kind
from ingest.extract.events import EventCues
from ingest.extract.lexicon import CUE_PRIORITY, Lexicon, alt, cue_set
from ingest.extract.narrative import NarrativeCues
from ingest.extract.opinion_groups import OpinionGroups
from ingest.extract.prefilter import PatternGate
from ingest.extract.section import Draft, SectionView
from ingest.extract.sentences import TELLING_OPENERS, Clause, Splitter

log = logging.getLogger(__name__)


# one model spoken of in a lead (它, it): the list is that model's, whatever group it is set against
_ONE_MODEL = re.compile(r"它(?!们)|\b(?:it|its|it's)\b")
_YARDSTICK_BEFORE = re.compile(
    r"(?:和|与|跟|同|比|像|相比|不同于)\s*$|\b(?:than|like|unlike|where|while|compared to)\s+$"
)
_COLON_END = re.compile(r"[:：][ \t]*(?=\n)")
_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-*•·]|\d{1,2}[.、)])[ \t]+[^\n]+")
# label words too short or too common to open a lead of their own (Pro plan:, 问题来了：)
_SHORT_LABELS = frozenset({"con", "cons", "问题", "the bad"})
# a lead that sets the faults aside or says they are few or mended (Drawbacks aside, here's what I loved:)
_NOT_A_LEAD = re.compile(
    r"\baside\b|没有|不多|很少|修复|补齐|解决|优点|优势|\b(?:fixed|solved|few|none|loved|liked)\b", re.I
)
# a label followed by "none": no faults listed (Weaknesses: none worth mentioning, 缺点：没有)
_NONE_AFTER = re.compile(
    r"[\s*]*(?:none\b|nothing\b|no (?:real |major |big )?(?:ones?|issues?|complaints?)\b|n/a\b"
    r"|没有|无|暂无|几乎没有)",
    re.I,
)
_VERDICT_LEAD = re.compile(
    r"\b(?:what|where)\s(?:[^:：\n.!?]|\.(?=\d)){0,30}?\b(?:(?P<pro>does well|do well|excels?|shines?)"
    r"|(?P<con>struggles?|falls? short|fails?|goes wrong))\b(?:[^:：\n.!?]|\.(?=\d)){0,40}[:：]"
)
# an English line in title case (A Remarkable First Draft, Where Kling Falls Short): a heading
_TITLE_LINE = re.compile(
    r"(?m)^[ \t#*]*(?:[A-Z0-9][\w'’\-]*|a|an|the|of|in|on|at|to|for|and|or|vs\.?|with|by|from|is)"
    r"(?:[ \t]+(?:[A-Z0-9][\w'’\-]*|a|an|the|of|in|on|at|to|for|and|or|vs\.?|with|by|from|is)){1,9}[ \t*]*$"
)


class OpinionRules:
    def __init__(self, lex: Lexicon) -> None:
        self.cs = cue_set(lex)
        self.lex = lex
        self.splitter = Splitter(lex)
        self.narrative = NarrativeCues(lex)
        self.groups = OpinionGroups(lex, self.narrative)
        self.events = EventCues(lex)
        self.appraisal = Appraisal(lex)
        self.words = CueWords(lex, self.cs, self.appraisal)
        self.absent_re, self.reach = self.words.absent_re, self.words.reach
        # an ability to make something happen (可以让物体凭空出现, lets you swap faces) is no flaw
        self.enables_re = re.compile(lex.alt("negation", "enables"))
        # one scan says which pattern cues, narrative patterns (the ones ``re`` cannot skip ahead on
        # split into their alternatives) and event rules may match a text
        self.alternatives = Alternatives(
            [p for _, p in self.cs.patterns] + [p for _, p in self.narrative.patterns]
        )
        self.gated = self.alternatives.parts + [r.pattern for r in self.events.rules]
        self.gate = PatternGate(self.gated)
        self._cut = len(self.alternatives.parts)
        pros, cons = lex.alt("markers", "pros_labels"), lex.alt("markers", "cons_labels")
        self.label_re = re.compile(rf"(?m)^[#*> \t]*(?:(?P<pro>{pros})|(?P<con>{cons}))[* \t]*[:：]?[* \t]*$")
        # a lead line that ends on a colon after a word of gain or of fault (在以下方面显著提升：,
        # 可灵 2.0 的优点：, Kling 2.1 improves in:): the list lines below it are its points
        # (not a word inside a path or an id: fal-ai/kling-video/v3/pro/image-to-video - Docs:)
        self.lead_re = re.compile(
            rf"(?<![/_.\-])(?:(?P<con>(?:有待|需要|仍需|还需|待)(?:提升|改进|加强|优化)|{cons}"
            r"|struggles? with)"
            rf"|(?P<pro>{pros}|显著提升|明显提升|大幅提升|提升明显|有所提升|提升|进步|改进|增强|升级|优化"
            r"|improvements?|improves?(?: on| in)?|better at|excels? at))"
            r"(?:[^\n:：。，,.]|\.(?=\d)){0,24}[:：][ \t]*$"
        )
        # Pros: fast, cheap, sharp / 缺点：贵、慢: the items on the label's own line
        self.inline_label_re = re.compile(
            rf"(?m)^[#*>\- \t]*(?:(?P<pro>{pros})|(?P<con>{cons}))[* \t]*[:：][* \t]*(?=[^\s*])"
        )
        # "Weaknesses show up in specific areas: A, B and C", 缺点主要集中在：…: a line opening on a word of
        # fault and going on to a colon (not 问题来了：)
        lead_cons = alt([w for w in lex.words("markers", "cons_labels") if w not in _SHORT_LABELS])
        self.inline_lead_re = re.compile(
            rf"(?m)^[#*>\- \t]*(?:{lead_cons})(?![A-Za-z])[^\n:：。.!?！？,，]{{1,40}}[:：][* \t]*(?=[^\s*])",
            re.I,
        )

    def prepare(self, view: SectionView) -> dict[int, list[str | None]]:
        """The cue kind of every clause (None where it has none) of sentences holding a cue, in one pass."""
        text = view.cue_text
        sent_starts = view.sentence_starts
        found: dict[tuple[int, int], set[str]] = {}
        clause_starts: dict[int, list[int]] = {}
        first = view.cue_starts  # (sentence, clause) -> where its first cue starts
        first.clear()
        hits = view.cue_hits  # (sentence, clause) -> (where, kind) of every cue kept
        hits.clear()

        titles = [
            m.span() for m in _TITLE_LINE.finditer(view.text) if sum(c.isupper() for c in m.group(0)) >= 2
        ]

        def clause_at(pos: int, register: bool = True) -> tuple[int, Clause, set[str], int] | None:
            sid = bisect_right(sent_starts, pos) - 1
            if sid < 0 or pos >= view.sentences[sid].end:
                return None
            if titles and any(a <= pos < b for a, b in titles):
                return None  # a heading in title case states no verdict
            clauses = view.sentences[sid].clauses
            if sid not in clause_starts:
                clause_starts[sid] = [c.start for c in clauses]
            ci = bisect_right(clause_starts[sid], pos) - 1
            if ci < 0 or pos >= clauses[ci].end:
                return None
            if register and pos < first.get((sid, ci), pos + 1):
                first[(sid, ci)] = pos
            return sid, clauses[ci], found.setdefault((sid, ci), set()), ci

        # prompts quoted in running text, and words quoted as a name (the “惊艳” threshold): no cues
        quoted = _merged(view.prompt_quotes() + self.splitter.mentioned(text) + self.appraisal.titles(text))
        quoted_starts = [a for a, _ in quoted]

        def in_prompt(pos: int) -> bool:
            i = bisect_right(quoted_starts, pos) - 1
            return i >= 0 and pos < quoted[i][1]

        prev: tuple[int, str | None] = (-1, None)  # where the last flaw word ended, its negation
        for start, end, kind in self.words.token_cues(text):
            hit = clause_at(start)
            if hit is None or (quoted and in_prompt(start)) or self.appraisal.a_not_a(text, start):
                continue  # quoted, or asked (稳不稳定, 像不像)
            sid, clause, kinds, ci = hit
            if _epithet(view, sid, end):
                continue  # 很强的Runway: a word describing the model it names, no verdict of this clause
            if _KNOWING_AFTER.match(text, end):
                continue  # 不清楚什么是…, 不明白为什么: what the writer knows, no quality
            cue: str | None = kind
            if kind in ("?generic", "?bug"):
                # a flaw joined to the one before it (而非凭空消失或瞬移) shares its negation
                if self.appraisal.coordinated(text, prev[0], start):
                    negation = prev[1]
                else:
                    negation = self.words.negation(view, sid, clause, start, end=end)
                prev = (end, negation)
                cue = negated_kind("bug", negation)
                if (
                    kind == "?generic"
                    and cue == "bug"
                    and (
                        self.appraisal.topic_flaw(text, start, end)
                        or self.narrative.lead_in.search(text, clause.start, clause.end)
                    )
                ):
                    cue = None  # a flaw noun named as a topic (这个问题, 社会问题), or flaws announced
            elif kind.startswith("?"):  # a cue a negator before it cancels (or, for a flaw, denies)
                cue = negated_kind(
                    kind[1:], self.words.negation(view, sid, clause, start, end=end, kind=kind[1:])
                )
            elif kind.startswith("!"):  # a denied quality word: gone when what it names was not seen
                seen = not self.absent_re.search(text, max(clause.start, start - self.reach), start)
                cue = kind[1:] if seen else None
            if cue == "bug" and self._enabled(text, clause, start):
                cue = None
            if cue and self.narrative.point_lead.search(text, clause.start, clause.end):
                cue = None  # 还有另一个我觉得很香的点：the point comes after it
            if cue:
                kinds.add(cue)
                hits.setdefault((sid, ci), []).append((start, cue))
        # the part of the text each pattern can match in (None: none), from one literal scan
        spans = self.gate.spans(text)
        cut, n_cues = self._cut, len(self.cs.patterns)
        matched = self.alternatives.matches(text, spans)  # pattern order: cue patterns, then narrative
        found_patterns = [
            (self.cs.patterns[n][0], start, end)
            for n, ms in matched.items()
            if n < n_cues
            for start, end in ms
        ]
        narrative = {n - n_cues: ms for n, ms in matched.items() if n >= n_cues}
        for pkind, start, end in found_patterns + self.narrative.pattern_hits(text, narrative):
            hit = clause_at(start)
            if hit and not (quoted and in_prompt(start)):
                # capability and limitation patterns hold their own negator (没有这个限制, 不太能):
                # only words before them negate them
                inside = end if pkind in ("bug", "strength") else None
                negation = self.words.negation(view, hit[0], hit[1], start, inside, end=end, kind=pkind)
                kept = negated_kind(pkind, negation)
                if kept == "bug" and self._enabled(text, hit[1], start):
                    kept = None
                if kept:
                    hit[2].add(kept)
                    hits.setdefault((hit[0], hit[3]), []).append((start, kept))
        self._event_cues(view, clause_at, in_prompt if quoted else None, spans[cut:])
        out: dict[int, list[str | None]] = {}
        for (sid, ci), kinds in found.items():
            best = next((k for k in CUE_PRIORITY if k in kinds), None)
            if best:
                row = out.setdefault(sid, [None] * len(view.sentences[sid].clauses))
                row[ci] = best
        self._headings(view, out)
        self.narrative.contrast_flaws(view, out, partial(_has_amount, view))
        self._listed(view, out)
        self._generic_lists(view, out)
        return out

    @staticmethod
    def _generic_lists(view: SectionView, out: dict[int, list[str | None]]) -> None:
        """The short lines under a lead ending on a colon whose subject is a whole field or past models
        (回顾过去几年的 AI 视频产品，会发现它们高度相似：/ 单帧效果惊艳 / 角色跨帧漂移): no one model's."""
        clean = view.clean
        if ":" not in clean and "：" not in clean:
            return
        for colon in _COLON_END.finditer(clean):
            ls = clean.rfind("\n", 0, colon.start()) + 1
            generic = view.generic_re.search(clean, ls, colon.start())
            if generic is None or _ONE_MODEL.search(view.cue_text, ls, colon.start()):
                # (与其他模型相比，它的优势在于：; compared to other models, here is what it gets right:)
                continue
            if _YARDSTICK_BEFORE.search(view.cue_text, ls, generic.start()):
                continue  # 和其他模型一样…, where earlier models struggled…: a yardstick, not the subject
            lead = view.sentence_index(colon.start() - 1)
            if lead is None or view.mentions[lead]:
                continue
            out.pop(lead, None)  # (its own verdict, 它们的毛病差不多, is the field's too)
            pos, started = colon.end() + 1, False
            while pos < len(clean):
                end = clean.find("\n", pos)
                end = len(clean) if end < 0 else end
                body = clean[pos:end].strip()
                if not body and started:
                    break  # the list ends at its first blank line: what follows is another paragraph
                if body:
                    if len(body) > 40 or body[-1] in "。.!！?？:：" or body.startswith("#"):
                        break
                    started = True
                    first = bisect_left(view.sentence_starts, pos)
                    for sid in range(first, bisect_left(view.sentence_starts, end, first)):
                        if view.mentions[sid]:
                            return
                        out.pop(sid, None)
                pos = end + 1

    def _event_cues(
        self,
        view: SectionView,
        clause_at: Callable[..., tuple[int, Clause, set[str], int] | None],
        in_prompt: Callable[[int], bool] | None,
        spans: Sequence[tuple[int, int] | None] | None = None,
    ) -> None:
        """Add the cues of flaws and limits told as events (``events``); a weak one only where
        its clause has no other cue."""
        text = view.cue_text
        weak: list[tuple[int, str]] = []
        for ev in self.events.hits(text, spans):
            hit = clause_at(ev.start, register=False)
            if hit is None or (in_prompt is not None and in_prompt(ev.start)):
                continue
            sid, clause, _, ci = hit
            kept: str | None = ev.kind
            if ev.negate_end is not None:
                inside = None if ev.before else ev.negate_end
                kept = negated_kind(
                    ev.kind,
                    self.words.negation(view, sid, clause, ev.start, inside, end=ev.end, kind=ev.kind),
                )
            if kept == "bug" and self._enabled(text, clause, ev.start):
                kept = None
            if not kept:
                continue
            if ev.weak:
                weak.append((ev.start, kept))
                continue
            clause_at(ev.start)[2].add(kept)  # type: ignore[index]
            view.cue_hits.setdefault((sid, ci), []).append((ev.start, kept))
        for start, kind in weak:
            hit = clause_at(start, register=False)
            if hit is not None and not (hit[2] - {kind}):
                clause_at(start)
                hit[2].add(kind)
                view.cue_hits.setdefault((hit[0], hit[3]), []).append((start, kind))

    def _headings(self, view: SectionView, out: dict[int, list[str | None]]) -> None:
        """Praise in a heading or a label line (3. 物理模拟更自然, 技术优势：) announces a section;
        the finding, if any, is in the prose under it."""
        if not out:
            return
        spans = self.appraisal.heading_lines(view.cue_text)
        if not spans:
            return
        starts = [a for a, _ in spans]
        for sid, row in out.items():
            pos = view.sentences[sid].start
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < spans[i][1]:
                out[sid] = [None if k == "strength" else k for k in row]

    def _enabled(self, text: str, clause: Clause, pos: int) -> bool:
        """Does an ability to make it happen stand before the flaw at ``pos`` in its clause
        (可以让物体凭空出现, lets you swap faces)?"""
        return bool(self.enables_re.search(text, max(clause.start, pos - 40), pos))

    def _listed(self, view: SectionView, out: dict[int, list[str | None]]) -> None:
        """Items listed under a pros or cons label ("Pros:", "缺点：") are strengths or bugs.

        Only list lines (-, *, •, 1.) right below a line that is nothing but the label count; an
        item's own cue wins over the label's kind.
        """
        text = view.cue_text
        clean = view.clean
        leads = []
        for colon in _COLON_END.finditer(clean):  # only lines ending on a colon over a list
            if _LIST_ITEM.match(text, colon.end()):
                ls = max(clean.rfind(c, 0, colon.start()) for c in "\n:：") + 1
                lead = self.lead_re.search(clean, max(ls, colon.start() - 90), colon.end())
                if lead is not None:
                    leads.append(lead)
        for m in [*self.label_re.finditer(clean), *leads]:  # **优点**： is masked in cue_text
            kind = "strength" if m.group("pro") else "bug"
            label_sid = view.sentence_index(m.end() - 1)
            if label_sid is not None:
                out.pop(label_sid, None)  # the label itself (缺点：) is no claim
            pos = m.end()
            while True:
                line = _LIST_ITEM.match(text, pos)
                if line is None:
                    break
                # the sentences starting on the line (every sentence tried for every line: quadratic)
                first = bisect_left(view.sentence_starts, line.start())
                for sid in range(first, bisect_left(view.sentence_starts, line.end(), first)):
                    sent = view.sentences[sid]
                    if not sent.prompt:
                        row = out.setdefault(sid, [None] * len(sent.clauses))
                        if not any(row):
                            row[0] = "listed:" + kind  # settled in ``sentence_claims``
                        elif kind == "bug" and all(k in (None, "strength") for k in row):
                            # - consistent lighting, under Weaknesses: the quality it lacks (unless a
                            # clause turns on 但/but)
                            for ci, c in enumerate(sent.clauses):
                                if row[ci] == "strength" and not c.contrast:
                                    row[ci] = "listed:bug"
                        elif kind == "bug" and "bug" in row:
                            # "Output can be inconsistent — gorgeous one generation, weird the next",
                            # under Cons: praise set off by a dash between the item's faults tells the
                            # fault, no strength (praise of another aspect after it, with no fault
                            # following, "— the camera motion is excellent", stays)
                            fault = sent.clauses[row.index("bug")]
                            for ci, c in enumerate(sent.clauses):
                                if (
                                    c.start > fault.start
                                    and row[ci] == "strength"
                                    and not c.contrast
                                    and ("bug" in row[ci + 1 :] or _SWINGS.search(text, c.start, c.end))
                                    and _DASH.search(text, fault.start, c.start + 2)
                                ):
                                    row[ci] = None
                pos = line.end()
        inline = [
            ("strength" if m.group("pro") else "bug", m.end()) for m in self.inline_label_re.finditer(text)
        ]
        # a lead in prose (Weaknesses show up in specific areas: …) may go on with a sentence, not a list:
        # it only turns the praise words after it (consistent lighting) into what is lacking
        led = {m.end() for m in self.inline_lead_re.finditer(text) if not _NOT_A_LEAD.search(m.group(0))}
        inline += [("bug", end) for end in sorted(led)]
        # "What Act Two does well, per reviewers: A, B and C", "Where it struggles: D": a lead in the line
        if "what" in text or "where" in text:  # the lead's own words: ``re`` cannot skip ahead on its \b
            inline += [
                ("strength" if m.group("pro") else "bug", m.end()) for m in _VERDICT_LEAD.finditer(text)
            ]
        # "Strengths: A, B Limitations: C, D" run into one line: each label's items end at the next
        # label, and a pros or cons label inside the line starts a list of its own
        lists: list[tuple[str, int, int, int]] = []  # kind, where its label starts and ends, its end
        for kind, label_end in inline:
            line_end = text.find("\n", label_end)
            line_end = len(text) if line_end < 0 else line_end
            line_start = text.rfind("\n", 0, label_end) + 1
            inside = view.line_labels.get(line_start, [])
            ends = [label.start for label in inside] + [line_end]
            lists.append((kind, line_start, label_end, ends[0]))
            lists += [
                (label.kind, label.start, label.end, ends[n + 1])
                for n, label in enumerate(inside)
                if label.kind in ("strength", "bug")
            ]
        starts: dict[int, list[int]] = {}  # each sentence's clause starts, once
        for kind, opened, label_end, stop in lists:
            at = view.sentence_index(label_end)
            if at is None or view.sentences[at].prompt:
                continue
            if label_end not in led:
                # "Strengths: Highest quality output. Physics understanding.": short sentences after the
                # label on its line are its items too
                for sid in _short_items(view, at, stop, out, kind):
                    row = out.setdefault(sid, [None] * len(view.sentences[sid].clauses))
                    for ci, c in enumerate(view.sentences[sid].clauses):
                        if c.start >= stop:
                            break
                        if row[ci] is None:
                            row[ci] = "listed:" + kind
            sent = view.sentences[at]
            clauses = sent.clauses
            row = out.setdefault(at, [None] * len(clauses))
            if at not in starts:
                starts[at] = [c.start for c in clauses]
            first = bisect_left(starts[at], opened)
            if kind == "bug" and _NONE_AFTER.match(text, label_end):
                # Weaknesses: none worth mentioning, 缺点：没有: no fault is listed
                for ci in range(first, len(clauses)):
                    c = clauses[ci]
                    if c.start < stop and (
                        opened <= c.start and c.end <= label_end or c.start <= label_end < c.end
                    ):
                        row[ci] = None if row[ci] in ("bug", "listed:bug") else row[ci]  # (缺点： itself too)
                continue
            for ci in range(first, len(clauses)):
                c = clauses[ci]
                if c.start >= stop:
                    break
                if opened <= c.start and c.end <= label_end:
                    row[ci] = None  # the label (缺点：) is no claim
                elif opened <= c.start and row[ci] in (None, kind) and label_end not in led:
                    row[ci] = "listed:" + kind  # settled in ``sentence_claims``
                elif opened <= c.start and kind == "bug" and row[ci] == "strength" and not c.contrast:
                    # Weaknesses: consistent lighting, precise prompt adherence: the quality named is
                    # what it lacks (a clause turning on 但/but keeps its praise)
                    row[ci] = "listed:bug"
        self._under_limit_label(view, out)

    def _under_limit_label(self, view: SectionView, out: dict[int, list[str | None]]) -> None:
        """ "Limitations: Lower fidelity than Sora 2's best outputs": the items after a limit label at the
        start of a line are limits (spec_rows.py reads them), so a praise word inside them gives no
        strength, up to the end of the label's sentence or a clause turning on but/不过 (a fault word
        keeps its flaw: Known limitations: object permanence issues)."""
        text = view.cue_text
        if ":" not in text and "：" not in text:
            return
        for m in _LIMIT_LABEL.finditer(text):
            line_end = text.find("\n", m.end())
            stop = len(text) if line_end < 0 else line_end
            line_start = text.rfind("\n", 0, m.start()) + 1
            inside = view.line_labels.get(line_start, [])
            stop = min([label.start for label in inside if label.start >= m.end()] + [stop])
            sid = max(0, bisect_right(view.sentence_starts, m.end() - 1) - 1)
            row = out.get(sid)  # (only sentences holding a cue have a row)
            if row is None:
                continue
            for ci, c in enumerate(view.sentences[sid].clauses):
                if c.start >= stop or (c.start >= m.end() and c.contrast):
                    break  # "Limitations: only 5 seconds, but the motion is great": the praise stands
                if c.end > m.start() and row[ci] == "strength":
                    row[ci] = None

    def aspect_clauses(self, view: SectionView, sid: int, clause_kinds: list[str | None]) -> set[int]:
        """Clauses of a verdict on a list of aspects (在画质、音频方面具有明显优势, good at A and B): the
        verdict speaks for each listed feature, besides the features' own capability claims."""
        text = view.cue_text
        return {
            ci
            for ci, (c, kind) in enumerate(zip(view.sentences[sid].clauses, clause_kinds, strict=False))
            if kind in ("strength", "bug")
            and (
                self.groups.aspects_re.search(text, c.start, c.end)
                or self.groups.aspects_after_re.search(text, c.start, c.end)
            )
        }

    def sentence_claims(
        self,
        view: SectionView,
        sid: int,
        clause_kinds: list[str | None],
        busy: set[int] | None = None,
        claimed: set[int] | None = None,
    ) -> list[Draft]:
        """Claims of sentence ``sid`` from its clauses' cue kinds (see ``OpinionGroups``)."""
        return self.groups.sentence_claims(view, sid, clause_kinds, busy, claimed)


# a question word right after a quality word: 不清楚什么是骄傲, 说不清楚怎么回事 (knowing, no quality)
_KNOWING_AFTER = re.compile(r"(?:什么|怎么|为什么|为何|如何|哪|是不是|是否|谁)")


#: the longest sentence read as one item of a label's list run on with periods
_ITEM_WORDS, _ITEM_CHARS = 8, 24


# the output swinging between good and bad: "gorgeous one generation, weird the next", 时而惊艳时而崩
_SWINGS = re.compile(
    r"\bthe next\b|\bone (?:generation|time|try|run|take|clip|render)\b|\bsometimes\b|\bhit[- ]or[- ]miss\b"
    r"|时而|有时|一会儿|忽而"
)
_DASH = re.compile(r"\s[—–-]{1,2}\s|——|[:：]")


def _short_items(
    view: SectionView, at: int, stop: int, rows: dict[int, list[str | None]], kind: str
) -> list[int]:
    """The sentences after sentence ``at`` that start before ``stop`` (the end of a label's list on
    its line), when every one of them reads as an item of a ``kind`` list: short, naming no model but
    as a yardstick, opening on no person or link word (Then I…), turning on no contrast (…, though),
    holding no label of its own and no cue of another kind (``rows``). One that does not makes the
    run prose: none is an item."""
    sids: list[int] = []
    for sid in range(at + 1, len(view.sentences)):
        sent = view.sentences[sid]
        if sent.start >= stop:
            break
        body = view.text[sent.start : min(sent.end, stop)].strip()
        if (
            sent.prompt
            or (len(body.split()) > _ITEM_WORDS if body.isascii() else len(body) > _ITEM_CHARS)
            or _NOT_AN_ITEM.match(body)
            or _TELLS.search(body)
            or any(not m.versus for m in view.mentions[sid])
            or any(k is not None and k not in (kind, "listed:" + kind) for k in rows.get(sid, ()))
        ):
            return []
        sids.append(sid)
    return sids


# a label of limits opening a line, its items on the line after it
_LIMIT_LABEL = re.compile(
    r"(?m)^[#*>\-•· \t]*(?:\*\*)?(?:known |current |main |key )?(?:limitations?|limits|restrictions?|caveats)"
    r"(?:\*\*)?[ \t]*[:：](?:\*\*)?[ \t]*(?=\S)"
    r"|^[#*>\-•· \t]*(?:\*\*)?(?:限制|局限|局限性|使用限制)(?:\*\*)?[ \t]*[:：](?=\S)"
)
# a contrast, a label or a saying inside a sentence after a list's label: prose, not an item
_TELLS = re.compile(
    r"[:：]|\b(?:though|but|however|although|yet|says|said|according)\b|但|不过|然而|可是|虽然|据"
)


# a sentence opening on a person, a pointer or a link word tells, it lists nothing
_NOT_AN_ITEM = re.compile(
    rf"(?i:(?:{TELLING_OPENERS})\b)"
    r"|我|你|他|她|它|这|那|但|不过|然后|所以|如果|因为|虽然|总之|总的来说|整体|另外|此外|而且|并且"
)


def _has_amount(view: SectionView, sid: int, start: int, end: int) -> bool:
    """Does [start, end) of sentence ``sid`` hold an amount (a price, a time, a length)?"""
    return any(start <= q.start < end for q in view.quantities[sid])


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _epithet(view: SectionView, sid: int, end: int) -> bool:
    """Does the cue ending at ``end`` describe the model named right after it (很强的Runway)?"""
    text = view.cue_text
    if not text.startswith("的", end):
        return False
    at = end + 1
    while at < len(text) and text[at] == " ":
        at += 1
    return any(m.start == at for m in view.mentions[sid])
