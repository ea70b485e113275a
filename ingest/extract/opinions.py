"""Opinion cues: the cue kind (strength, bug, capability, limitation) of every clause.

Each clause gets at most one cue kind (limitation > capability > bug >
strength). Cues come from the lexicon: phrases, degree + quality word
(更自然, 有点假), a quality word that ends its clause (运镜丝滑。), negated
quality words (不自然 -> bug), generic flaw nouns (问题; 没有太大缺点 ->
strength), flaws a "fix" negator denies (不会跳轴, 没再闪烁, no longer
flickers -> strength; 避免穿模 -> nothing), and the sentence shapes of
``narrative``. Features and specifications (不支持文生视频, 支持4K) are read by
``specs``. ``opinion_groups`` turns the clause kinds into claims.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import partial

from ingest.extract.appraisal import Appraisal
from ingest.extract.branches import Alternatives
from ingest.extract.events import EventCues
from ingest.extract.lexicon import CUE_PRIORITY, Lexicon, cue_set
from ingest.extract.narrative import NarrativeCues
from ingest.extract.opinion_groups import OpinionGroups
from ingest.extract.prefilter import PatternGate
from ingest.extract.section import Draft, SectionView
from ingest.extract.sentences import Clause, Splitter

log = logging.getLogger(__name__)

_QUOTE_MARKS = '“”‘’「」『』"'
_QUOTE_MARK_RE = re.compile("[" + re.escape(_QUOTE_MARKS) + "]")  # one of them, counted in one scan


_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-*•·]|\d{1,2}[.、)])[ \t]+[^\n]+")
_ADVERB = re.compile(r"\s+[a-z]{2,}ly\s+")
_VERDICT_LEAD = re.compile(
    r"\b(?:what|where)\s(?:[^:：\n.!?]|\.(?=\d)){0,30}?\b(?:(?P<pro>does well|do well|excels?|shines?)"
    r"|(?P<con>struggles?|falls? short|fails?|goes wrong))\b(?:[^:：\n.!?]|\.(?=\d)){0,40}[:：]"
)
_PLACE = re.compile(
    r"在[^，。,;；！？!?]{1,10}?(?:中|里|上|时|之间)"
)  # where, told between a negator and its flaw
_MARK_AFTER = re.compile(r"[ \t]*[✅✔✓☑👍][ \t]*")
_CLAUSE_EDGE = frozenset("，。！？；：,.!?;:\n、")
# an English line in title case (A Remarkable First Draft, Where Kling Falls Short): a heading
_TITLE_LINE = re.compile(
    r"(?m)^[ \t#*]*(?:[A-Z0-9][\w'’\-]*|a|an|the|of|in|on|at|to|for|and|or|vs\.?|with|by|from|is)"
    r"(?:[ \t]+(?:[A-Z0-9][\w'’\-]*|a|an|the|of|in|on|at|to|for|and|or|vs\.?|with|by|from|is)){1,9}[ \t*]*$"
)


_FLAW_NOUN_AFTER = re.compile(r"(?:的)?(?:问题|现象|情况|瑕疵|毛病)|\s(?:issues?|problems?)\b")


# what was asked or expected, not what came out: the prompt asked for…, it should have…
_ASKED_FOR = re.compile(
    r"\b(?:the prompt|my prompt|the brief|i|we)\s+(?:asked|called|requested|wanted|specified)"
    r"(?:\s+it)?\s+for\b"
    r"|\b(?:should|would|could) have\b|\b(?:was|were) supposed to\b|\bought to\b"
)
# what a test requires, not what came out: 动作要完全同步, 必须保持一致, it must remain identical
_REQUIRED_BEFORE = re.compile(
    r"(?<![还更都就])(?:需要|必须|应该|应当|要)(?:做到|保持|显得|表现得|呈现得)?"
    r"(?:完全|极为|极其|非常|十分|足够|特别|绝对|很)?\s*$"
    r"|\b(?:must|needs? to|has to|have to)\s+(?:\w+\s+)?"
    r"(?:remain|be|look|stay|feel|appear|keep)\s+(?:\w+\s+)?$"
)
# a clause opening with "none of" / "neither" / 没有一个: what it says holds for none of them
_NONE_OF = re.compile(
    r"\s*(?:but |and |yet |so )?(?:none of|neither\b|not one of|no (?:model|tool|generator)s?\b)"
    r"|\s*(?:但|而且|可是)?(?:没有一个|没有一款|没有哪个|没有哪款|没一个)"
)


class OpinionRules:
    def __init__(self, lex: Lexicon) -> None:
        self.cs = cue_set(lex)
        self.neg_re = self.cs.negator_re
        self.topic_re = re.compile(lex.alt("negation", "topic"))
        self.topic_done_re = re.compile(rf"\s*(?:{lex.alt('negation', 'topic_done', bound_start=False)})")
        self.improves_re = re.compile(lex.alt("negation", "improves"))
        self.absent_re = re.compile(lex.alt("negation", "absent"))
        topic, listing = lex.alt("negation", "topic"), lex.alt("negation", "topic_list")
        # a topic word, nothing that happened after it (测试中出现的问题包括：), then a list
        done = lex.alt("negation", "topic_done", bound_start=False)
        self.topic_list_re = re.compile(rf"(?:{topic})(?!{done})[^，,。；;:：中时里了出]{{0,16}}[:：]\s*$")
        self.topic_list_in_re = re.compile(
            rf"(?:{topic})(?!{done})[^，,。；;中时里了出]{{0,8}}?(?:{listing})"
        )
        self.reach = int(lex.setting("improve_window", 24))
        self.window = int(lex.setting("negation_window", 6))
        self.lex = lex
        self.splitter = Splitter(lex)
        self.narrative = NarrativeCues(lex)
        self.groups = OpinionGroups(lex, self.narrative)
        self.events = EventCues(lex)
        self.appraisal = Appraisal(lex)
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
        # Pros: fast, cheap, sharp / 缺点：贵、慢: the items on the label's own line
        self.inline_label_re = re.compile(
            rf"(?m)^[#*>\- \t]*(?:(?P<pro>{pros})|(?P<con>{cons}))[* \t]*[:：][* \t]*(?=[^\s*])"
        )

    # ----- cues ----------------------------------------------------------------
    def _negation(
        self,
        view: SectionView,
        sid: int,
        clause: Clause,
        pos: int,
        inside: int | None = None,
        end: int | None = None,
        kind: str | None = None,
    ) -> str | None:
        """How the words before ``pos`` (in its clause) negate a cue there: None, "fix", "neg" or "improve".

        "fix" (不会, 没有, no longer) says a flaw is absent; "neg" (避免, 如果, 不要)
        only cancels it. A bare 不 is a "fix" right in front of the cue (不穿模). A topic
        or test word right in front (说一下缺点, 测试画面质感) is a "neg"; a verb of
        improvement further back in the clause (减少了…漂浮感问题) is an "improve".
        ``inside`` extends the look to the end of a pattern cue (腿不会穿过桌子).
        The window counts characters (three times as many before an English cue)
        and skips model names (避免可灵2.1穿模). A negated fix (没解决穿模) leaves the flaw;
        a question of a word and its negation (像不像) is a "neg"; a flaw ending at ``end``
        that gets smaller later in its clause (异常率降至0.3%) is an "improve".
        """
        text = view.cue_text
        if self.appraisal.a_not_a(text, pos):
            return "neg"
        if _NONE_OF.match(text, clause.start, pos):
            return "fix"  # none of the three could…, neither model…: said of none of them
        if (
            kind == "strength"
            and _REQUIRED_BEFORE.search(text, max(clause.start, pos - 40), pos)
            and "比" not in text[clause.start : pos]
        ):
            return "neg"  # 表现要自然, must remain perfectly identical: what the test asks of it
        if _ASKED_FOR.search(text, clause.start, pos):
            return (
                "neg"  # "the prompt asked for realistic motion", "should have dragged naturally": wished for
            )
        lo = pos - (self.window * 3 if text[pos].isascii() else self.window)
        for mention in view.mentions[sid]:
            if lo < mention.end <= pos:
                lo -= mention.end - mention.start
        lo -= len(_QUOTE_MARK_RE.findall(text, max(lo, 0), pos))  # marks around a word say nothing
        for place in _PLACE.finditer(text, max(clause.start, lo - 14), pos):  # 不会[在不同镜头中]随机变脸
            if place.end() > lo:
                lo -= place.end() - place.start()
        lo = max(clause.start, lo)
        hi = pos if inside is None else inside
        last: re.Match[str] | None = None
        negators: list[re.Match[str]] = []
        for hit in self.neg_re.finditer(text, lo, hi):
            if hit.lastgroup in ("fix", "neg"):
                last = hit
                negators.append(hit)
        if any(
            h.lastgroup == "fix" and self.appraisal.fix_denied(text, h.end(), pos)
            for h in negators
            if not self.appraisal.fix_denied(h.group(0), 0, len(h.group(0)))
        ) or (last is not None and self.appraisal.denied_fix_verb(text, last.start(), last.end())):
            return None  # 没解决…穿模, hasn't fixed the flicker: the fix is what is denied
        if last is None:
            return self._topic_or_improvement(view, sid, clause, pos, end)
        if last.lastgroup == "fix" or (last.group(0) == "不" and last.end() == pos):
            return "fix"
        return "neg"

    def _topic_or_improvement(
        self, view: SectionView, sid: int, clause: Clause, pos: int, end: int | None = None
    ) -> str | None:
        text = view.cue_text
        lead = max(view.sentences[sid].start, clause.start - 40)
        if self.topic_list_re.search(text, lead, clause.start) or self.topic_list_in_re.search(
            text, clause.start, pos
        ):
            return "neg"  # 测试维度包括：流体、柔体变形: a list of what is tested, no verdict
        lo = max(clause.start, pos - 24)
        for hit in self.topic_re.finditer(text, lo, pos):
            if self.topic_done_re.match(text, hit.end()):
                continue  # 测试下来…: a finding, not a topic
            between = text[hit.end() : pos]
            for m in view.mentions[sid]:  # 聊聊可灵2.1的缺点: the model name does not count
                if hit.end() <= m.start and m.end <= pos:
                    between = between.replace(text[m.start : m.end], "")
            if len(between.strip()) <= 4 and not any(ch in between for ch in "中时里了出"):
                return "neg"
        if self.improves_re.search(text, max(clause.start, pos - self.reach), pos):
            return "improve"
        if end is not None and (
            _FLAW_NOUN_AFTER.match(text, end) or _FLAW_NOUN_AFTER.fullmatch(text, pos, end)
        ):
            # 几乎没有AI视频常见的肢体扭曲问题: the negator's object is the flaw's 问题, however far back
            for hit in self.neg_re.finditer(text, max(clause.start, pos - self.reach), pos):
                if hit.lastgroup == "fix":
                    return "fix"
        if self.absent_re.search(text, max(clause.start, pos - self.reach), pos):
            return "neg"  # 也没有出现不合理的形变: a flaw not seen, told too far back to call a strength
        if end is not None and self.appraisal.improved_after(text, end, clause.end):
            return "improve"  # 违和感降低87%
        return None

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
        for start, end, kind in self._token_cues(text):
            hit = clause_at(start)
            if hit is None or (quoted and in_prompt(start)) or self.appraisal.a_not_a(text, start):
                continue  # quoted, or asked (稳不稳定, 像不像)
            sid, clause, kinds, ci = hit
            cue: str | None = kind
            if kind in ("?generic", "?bug"):
                # a flaw joined to the one before it (而非凭空消失或瞬移) shares its negation
                if self.appraisal.coordinated(text, prev[0], start):
                    negation = prev[1]
                else:
                    negation = self._negation(view, sid, clause, start, end=end)
                prev = (end, negation)
                cue = self._negated_kind("bug", negation)
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
                cue = self._negated_kind(
                    kind[1:], self._negation(view, sid, clause, start, end=end, kind=kind[1:])
                )
            elif kind.startswith("!"):  # a denied quality word: gone when what it names was not seen
                seen = not self.absent_re.search(text, max(clause.start, start - self.reach), start)
                cue = kind[1:] if seen else None
            if cue == "bug" and self._enabled(text, clause, start):
                cue = None
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
                negation = self._negation(view, hit[0], hit[1], start, inside, end=end, kind=pkind)
                kept = self._negated_kind(pkind, negation)
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
        return out

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
                kept = self._negated_kind(
                    ev.kind, self._negation(view, sid, clause, ev.start, inside, end=ev.end, kind=ev.kind)
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
        for m in self.label_re.finditer(text):
            kind = "strength" if m.group("pro") else "bug"
            label_sid = view.sentence_index(m.end() - 1)
            if label_sid is not None:
                out.pop(label_sid, None)  # the label itself (缺点：) is no claim
            pos = m.end()
            while True:
                line = _LIST_ITEM.match(text, pos)
                if line is None:
                    break
                for sid in range(len(view.sentences)):
                    sent = view.sentences[sid]
                    if line.start() <= sent.start < line.end() and not sent.prompt:
                        row = out.setdefault(sid, [None] * len(sent.clauses))
                        if not any(row):
                            row[0] = "listed:" + kind  # settled in ``sentence_claims``
                pos = line.end()
        inline = [
            ("strength" if m.group("pro") else "bug", m.end()) for m in self.inline_label_re.finditer(text)
        ]
        # "What Act Two does well, per reviewers: A, B and C", "Where it struggles: D": a lead in the line
        inline += [("strength" if m.group("pro") else "bug", m.end()) for m in _VERDICT_LEAD.finditer(text)]
        for kind, label_end in inline:
            at = view.sentence_index(label_end)
            if at is None or view.sentences[at].prompt:
                continue
            sid = at
            line_end = text.find("\n", label_end)
            line_end = len(text) if line_end < 0 else line_end
            sent = view.sentences[sid]
            row = out.setdefault(sid, [None] * len(sent.clauses))
            for ci, c in enumerate(sent.clauses):
                if c.end <= label_end:
                    row[ci] = None  # the label (缺点：) is no claim
                elif c.start < line_end and row[ci] in (None, kind):
                    row[ci] = "listed:" + kind  # settled in ``sentence_claims``

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

    @staticmethod
    def _negated_kind(kind: str, negation: str | None) -> str | None:
        """The cue kind after a negation: a denied or reduced flaw is a strength; other negated cues go."""
        if negation is None:
            return kind
        if negation == "improve":
            return "strength" if kind == "bug" else kind
        if negation == "fix" and kind == "bug":
            return "strength"
        return None

    @staticmethod
    def _predicate(text: str, start: int, end: int) -> bool:
        """Does the Chinese quality word at [start, end) end its clause after a subject?

        (运镜丝滑。, 画面糊了，)

        English needs a copula or degree word in front anyway (is smooth), found as a degree chain.
        """
        if end - start < 2 or start == 0 or text[start - 1] in _CLAUSE_EDGE or text[start].isascii():
            return False
        if text.startswith("了", end):
            end += 1
        mark = _MARK_AFTER.match(text, end)  # 裙摆飘动自然 ✅: a check mark closes the item
        if mark:
            end = mark.end()
        return end >= len(text) or text[end] in _CLAUSE_EDGE

    def _token_cues(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every cue word or degree/negator + quality word.

        A kind prefixed with "?" still needs the negation check (see ``_negated_kind``):
        a generic flaw noun is "?generic", a flaw unless negated or named as a topic.
        """
        roles = self.cs.roles
        toks = [
            (m.start(), m.end(), roles.get(m.group(0)) or roles.get(" ".join(m.group(0).split()), ()))
            for m in self.cs.tokens.finditer(text)
        ]
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(toks)
        while i < n:
            start, end, role = toks[i]
            first = role[0] if role else "stop"
            if first in CUE_PRIORITY:
                out.append((start, end, "?" + first))
            elif first == "generic":  # a flaw noun: 没有太大缺点 -> strength, 避免出问题 -> nothing
                out.append((start, end, "?generic"))
            elif first == "bad" and text.startswith(("一些", "一点", "了点"), end):
                out.append((start, end, "bug"))
            elif first in ("pos", "bad") and self._predicate(text, start, end):
                out.append((start, end, "?strength" if first == "pos" else "?bug"))
            elif first in ("neg", "deg"):
                j, negated = i, first == "neg"
                while j + 1 < n and self._linked(text, toks[j][1], toks[j + 1][0]):
                    nxt = toks[j + 1][2]
                    if nxt and nxt[0] in ("neg", "deg"):
                        negated = negated or nxt[0] == "neg"
                        j += 1
                        continue
                    if "pos" in nxt:  # 不自然 -> a flaw, unless not seen (没有出现不合理的…): "!"
                        out.append((start, toks[j + 1][1], "!bug" if negated else "?strength"))
                        i = j + 1
                    elif "bad" in nxt:  # 有点卡 -> a flaw; 不卡, 不崩 -> the flaw denied
                        out.append((start, toks[j + 1][1], "strength" if negated else "bug"))
                        i = j + 1
                    break
            i += 1
        return out

    def _linked(self, text: str, a: int, b: int) -> bool:
        """May a degree or negation word ending at ``a`` govern the word starting at ``b``?

        Only link words (的, 得, 会) or one English adverb (is impressively accurate) stand between.
        """
        if b - a <= 2 and all(ch in self.cs.links for ch in text[a:b]):
            return True
        return b - a <= 16 and bool(_ADVERB.fullmatch(text, a, b))


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
