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
from dataclasses import dataclass, field

from ingest.extract.lexicon import CUE_PRIORITY, FLIP, Lexicon, alt, cue_set
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Clause

log = logging.getLogger(__name__)

_PHRASE_KINDS = ("strength", "bug", "capability", "limitation")


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
        cs = cue_set(lex)
        self.cue_re = cs.regex
        self.neg_re = cs.negator_re
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

    def clause_kind(self, text: str, clause: Clause) -> str | None:
        kinds: set[str] = set()
        for m in self.cue_re.finditer(text, clause.start, clause.end):
            kind = self._cue_kind(m, text, clause)
            if kind:
                kinds.add(kind)
        for m in self.feature_re.finditer(text, clause.start, clause.end):
            kind = self._feature_kind(text, clause, m.start(), m.end())
            if kind:
                kinds.add(kind)
        for kind in CUE_PRIORITY:
            if kind in kinds:
                return kind
        return None

    def _cue_kind(self, m: re.Match[str], text: str, clause: Clause) -> str | None:
        g = m.lastgroup
        if g in ("negadj", "degneg", "negsuffix"):
            return "bug"
        negated = self._negated(text, clause, m.start())
        if g == "generic":
            return "strength" if negated else "bug"
        if g == "degpos":
            return None if negated else "strength"
        if g in _PHRASE_KINDS:
            return None if negated else g
        return None

    def _feature_kind(self, text: str, clause: Clause, fs: int, fe: int) -> str | None:
        window_start = max(clause.start, fs - 24)
        best: re.Match[str] | None = None
        for m in self.modal_re.finditer(text, window_start, fs):
            gap = text[m.end():fs]
            if len(gap.strip()) <= 4 and not re.search(r"[，,。；;]", gap):
                best = m
        if best is not None:
            word = re.sub(r"\s+", " ", best.group(0))
            if word in self.only or word in self.cannot:
                return "limitation"
            return "capability"
        if self.can_after_re.match(text, fe, clause.end):
            return "capability"
        return None

    # ----- grouping ------------------------------------------------------------
    def sentence_claims(self, view: SectionView, sid: int) -> list[Draft]:
        sent = view.sentences[sid]
        clauses = sent.clauses
        kinds = [self.clause_kind(view.cue_text, c) for c in clauses]
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
