"""Opinion claims: strength, bug, capability, limitation, from cue words in clauses.

Each clause gets at most one cue kind (limitation > capability > bug >
strength). Cues come from the lexicon: phrases, degree + quality word
(更自然, 有点假), negated quality words (不自然 -> bug), generic flaw nouns
(问题; 没有太大缺点 -> strength) and features with a modal (不支持文生视频 ->
limitation). Clauses then form groups: adjacent cue clauses of one kind join;
a clause without a cue leads into the next cue clause unless a contrast
(但/就是/but) or another model stands between, else it trails the group before
it; groups of one kind and model a short aside apart merge. "除了A…，其他都好"
gives A the opposite kind. One group is one claim per model it is about.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.extract.lexicon import CUE_PRIORITY, FLIP, Lexicon, alt, cue_set
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Clause

log = logging.getLogger(__name__)

@dataclass(slots=True)
class Group:
    kind: str
    clauses: list[int]
    cue_clauses: list[int]
    subject: Subject | None = None
    rule: str = "cue"
    extra: dict[str, str] = field(default_factory=dict)


class OpinionRules:
    def __init__(self, lex: Lexicon) -> None:
        self.cs = cue_set(lex)
        self.neg_re = self.cs.negator_re
        self.window = int(lex.setting("negation_window", 6))
        self.merge_gap = int(lex.setting("merge_gap_chars", 24))
        self.lex = lex
        self.feature_re = re.compile(lex.alt("features", "words"))
        self.only = set(lex.words("features", "only"))
        self.cannot = set(lex.words("features", "cannot"))
        modal = lex.words("features", "only") + lex.words("features", "cannot") + lex.words("features", "can")
        self.modal_re = re.compile(alt(modal))
        self.can_after_re = re.compile(rf"(?:\s*(?:、|和|与|/|and|or|,)?\s*(?:{lex.alt('features', 'words')}))*"
                                       rf"\s*(?:{lex.alt('features', 'can_after')})")

    # ----- cues ----------------------------------------------------------------
    def _negated(self, text: str, clause: Clause, pos: int) -> bool:
        window = text[max(clause.start, pos - self.window):pos]
        return any(m.group("neg") for m in self.neg_re.finditer(window))

    def prepare(self, view: SectionView) -> dict[int, list[str | None]]:
        """The cue kind of every clause (None where it has none) of sentences holding a cue, in one pass."""
        text = view.cue_text
        sent_starts = view.sentence_starts
        found: dict[tuple[int, int], set[str]] = {}
        clause_starts: dict[int, list[int]] = {}

        def clause_at(pos: int) -> tuple[Clause, set[str]] | None:
            sid = bisect_right(sent_starts, pos) - 1
            if sid < 0 or pos >= view.sentences[sid].end:
                return None
            clauses = view.sentences[sid].clauses
            if sid not in clause_starts:
                clause_starts[sid] = [c.start for c in clauses]
            ci = bisect_right(clause_starts[sid], pos) - 1
            if ci < 0 or pos >= clauses[ci].end:
                return None
            return clauses[ci], found.setdefault((sid, ci), set())

        for start, kind in self._token_cues(text):
            hit = clause_at(start)
            if hit is None:
                continue
            clause, kinds = hit
            if kind == "generic":
                kinds.add("strength" if self._negated(text, clause, start) else "bug")
            elif kind.startswith("?"):  # a cue a negator before it cancels
                if not self._negated(text, clause, start):
                    kinds.add(kind[1:])
            else:
                kinds.add(kind)
        for m in self.cs.patterns.finditer(text):
            hit = clause_at(m.start())
            if hit and m.lastgroup and not self._negated(text, hit[0], m.start()):
                hit[1].add(m.lastgroup)
        for m in self.feature_re.finditer(text):
            hit = clause_at(m.start())
            if hit:
                feature = self._feature_kind(text, hit[0], m.start(), m.end())
                if feature:
                    hit[1].add(feature)
        out: dict[int, list[str | None]] = {}
        for (sid, ci), kinds in found.items():
            best = next((k for k in CUE_PRIORITY if k in kinds), None)
            if best:
                row = out.setdefault(sid, [None] * len(view.sentences[sid].clauses))
                row[ci] = best
        return out

    def _token_cues(self, text: str) -> list[tuple[int, str]]:
        """(position, kind) of every cue word or degree/negator + quality word.

        A kind prefixed with "?" still needs the negation check; "generic" is a
        flaw noun whose kind the negation check decides.
        """
        roles = self.cs.roles
        toks = [(m.start(), m.end(), roles.get(m.group(0)) or roles.get(" ".join(m.group(0).split()), ()))
                for m in self.cs.tokens.finditer(text)]
        out: list[tuple[int, str]] = []
        i, n = 0, len(toks)
        while i < n:
            start, end, role = toks[i]
            first = role[0] if role else "stop"
            if first in CUE_PRIORITY:
                out.append((start, "?" + first))
            elif first == "generic":
                out.append((start, "generic"))
            elif first == "bad" and text.startswith(("一些", "一点", "了点"), end):
                out.append((start, "bug"))
            elif first in ("neg", "deg"):
                j, negated = i, first == "neg"
                while j + 1 < n and toks[j + 1][0] - toks[j][1] <= 2 and \
                        all(ch in self.cs.links for ch in text[toks[j][1]:toks[j + 1][0]]):
                    nxt = toks[j + 1][2]
                    if nxt and nxt[0] in ("neg", "deg"):
                        negated = negated or nxt[0] == "neg"
                        j += 1
                        continue
                    if "pos" in nxt:
                        out.append((start, "bug" if negated else "?strength"))
                        i = j + 1
                    elif "bad" in nxt and not negated:
                        out.append((start, "bug"))
                        i = j + 1
                    break
            i += 1
        return out

    def _feature_kind(self, text: str, clause: Clause, fs: int, fe: int) -> str | None:
        window_start = max(clause.start, fs - 24)
        modals = [m for m in self.modal_re.finditer(text, window_start, fs) if not re.search(r"[，,。；;]", text[m.end():fs])]
        if modals and len(text[modals[-1].end():fs].strip()) <= 4:
            # "cannot generate audio", "不能生成音频": a negator anywhere in the run of modals wins
            words = {re.sub(r"\s+", " ", m.group(0)) for m in modals}
            return "limitation" if words & (self.only | self.cannot) else "capability"
        if self.can_after_re.match(text, fe, clause.end):
            return "capability"
        return None

    # ----- grouping ------------------------------------------------------------
    def sentence_claims(self, view: SectionView, sid: int, clause_kinds: list[str | None]) -> list[Draft]:
        """Claims of sentence ``sid`` whose clauses have the cue kinds ``clause_kinds``."""
        if not any(clause_kinds):
            return []
        clauses = view.sentences[sid].clauses
        kinds = list(clause_kinds)
        rules = ["cue"] * len(clauses)
        self._exceptions(clauses, kinds, rules)
        groups = self._group(view, sid, kinds, rules)
        for g in groups:
            first = clauses[g.clauses[0]]
            last = clauses[g.clauses[-1]]
            cue_pos = clauses[g.cue_clauses[0]].start
            g.subject = view.subject(sid, first.start, last.end, cue_pos)
        groups = self._merge(view, sid, groups)
        return [d for g in groups for d in self._drafts(view, sid, g)]

    @staticmethod
    def _exceptions(clauses: list[Clause], kinds: list[str | None], rules: list[str]) -> None:
        """除了A…，其他都合格: A gets the opposite of what the others get; the others get nothing."""
        for i, c in enumerate(clauses):
            if not c.others:
                continue
            kind = kinds[i]
            kinds[i] = None
            for j in range(i - 1, -1, -1):
                if clauses[j].exception:
                    if kind in FLIP and kinds[j] is None:
                        kinds[j], rules[j] = FLIP[kind], "exception"
                    break

    def _has_subject(self, view: SectionView, sid: int, c: Clause) -> bool:
        return bool(view.groups(sid, c.start, c.end))

    def _group(self, view: SectionView, sid: int, kinds: list[str | None], rules: list[str]) -> list[Group]:
        clauses = view.sentences[sid].clauses
        n = len(clauses)
        owner: list[Group | None] = [None] * n
        groups: list[Group] = []
        for i in range(n):
            kind = kinds[i]
            if kind is None:
                continue
            prev = groups[-1] if groups else None
            if (prev is not None and prev.kind == kind and prev.clauses[-1] == i - 1
                    and not clauses[i].contrast and not self._has_subject(view, sid, clauses[i])):
                prev.clauses.append(i)
                prev.cue_clauses.append(i)
            else:
                prev = Group(kind, [i], [i], rule=rules[i])
                groups.append(prev)
            owner[i] = prev
        for i in range(n):  # clauses without a cue lead into the next group if nothing stands between
            if owner[i] is not None or kinds[i] is not None or clauses[i].others:
                continue
            j = next((k for k in range(i + 1, n) if kinds[k] is not None), None)
            if j is None or any(clauses[k].contrast or clauses[k].others for k in range(i + 1, j + 1)):
                continue
            target = owner[j]
            if target is None:
                continue
            if self._has_subject(view, sid, clauses[i]) and any(
                    self._has_subject(view, sid, clauses[k]) for k in range(i + 1, j + 1)):
                continue
            target.clauses.append(i)
            owner[i] = target
        for i in range(1, n):  # what is left trails the group before it
            prev_owner = owner[i - 1]
            if owner[i] is not None or prev_owner is None or kinds[i] is not None:
                continue
            c = clauses[i]
            if c.contrast or c.others or c.exception or self._has_subject(view, sid, c):
                continue
            prev_owner.clauses.append(i)
            owner[i] = prev_owner
        for g in groups:
            g.clauses.sort()
        return groups

    def _merge(self, view: SectionView, sid: int, groups: list[Group]) -> list[Group]:
        clauses = view.sentences[sid].clauses
        out: list[Group] = []
        for g in groups:
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == g.kind and prev.subject and g.subject
                    and prev.subject.models == g.subject.models and not clauses[g.clauses[0]].contrast):
                gap = clauses[g.cue_clauses[0]].start - clauses[prev.cue_clauses[-1]].end
                if gap <= self.merge_gap:
                    prev.clauses = sorted(set(prev.clauses + g.clauses))
                    prev.cue_clauses += g.cue_clauses
                    prev.subject.versus = prev.subject.versus or g.subject.versus
                    continue
            out.append(g)
        return out

    def _drafts(self, view: SectionView, sid: int, g: Group) -> list[Draft]:
        subj = g.subject
        if subj is None or not subj.models:
            return []
        clauses = view.sentences[sid].clauses
        start, end = clauses[g.clauses[0]].start, clauses[g.clauses[-1]].end
        conf = self.lex.confidence(g.kind)
        if not subj.explicit:
            conf *= float(self.lex.confidence("context_model_factor"))
        out = []
        for name, tier in zip(subj.models, subj.tiers, strict=True):
            fields: dict[str, str] = {}
            if subj.versus and subj.versus != name:
                fields["versus"] = subj.versus
            out.append(Draft(g.kind, start, end, name, tier, g.rule, round(conf, 3), fields))
        return out
