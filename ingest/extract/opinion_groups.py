"""Opinion claims from cue kinds: clauses into groups, groups into claims.

``OpinionRules.prepare`` gives every clause of a sentence its cue kind; here
adjacent cue clauses of one kind join unless the later one opens with an
additive connective (而且/同时/also: a separate point) or the two are parallel
verdicts on aspects of their own; a clause without a cue leads into the next
cue clause unless a contrast (但/就是/but) or another model stands between,
else it trails the group before it; groups of one kind and model a short
aside apart merge. "除了A…，其他都好" gives A the opposite kind. One group is
one claim per model it is about (and per aspect or item it lists).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ingest.extract.lexicon import FLIP, Lexicon
from ingest.extract.narrative import NarrativeCues
from ingest.extract.section import Draft, SectionView, Subject
from ingest.extract.sentences import Clause
from ingest.extract.topics import is_label_heading

log = logging.getLogger(__name__)

# what a product offers around its clips (its interface, API, credits, access, support), not a clip
_SERVICE = re.compile(
    r"\b(?:ui|interface|web app|api|documentation|docs|support|credits?|pricing|price|cost|costs|"
    r"subscription|plans?|access|availability|waitlist|queue|queues|moderation|censorship|login|sign-?up|"
    r"servers?|expensive|pricey|costly|overpriced)\b|界面|文档|客服|积分|价格|收费|排队|审核|会员|额度|登录|注册|服务器"
    r"|太贵|很贵|偏贵|较贵|贵了"
)
_EXAMPLE = re.compile(r"\s*(?:例如|比如|譬如|诸如|such as|e\.g\.|for example|for instance|like)(?![a-z])")
_CLAUSE_EDGE_RE = re.compile(r"[，。,；;！？!?\n]")
_ITEM_SPLIT_RE = re.compile(r"、|和|与|以及|及|,|\band\b|\bor\b")
_ITEM_TAIL_RE = re.compile(r"(?:等等|等|etc\.?)$")
_ITEM_VERB_RE = re.compile(
    r"^(?:表现|处理|生成|呈现|刻画|还原|描绘|渲染|制作|理解|handling|rendering|generating|creating|producing|capturing)\s*(?=\S)"
)
_LIST_END_ZH_RE = re.compile(r"[，,：:（(]|但|而|不过|却|可")
_LIST_END_EN_RE = re.compile(r"\s(?:but|while|whereas|though|although|yet)\b|[:(—–]")


# flaws named as such in an exception clause (除了这两问题之外): set aside, not a new flaw
_FLAWS_TOLD = re.compile(r"问题|缺点|毛病|不足|瑕疵|槽点|\b(?:issues?|problems?|flaws?)\b")


@dataclass(slots=True)
class Group:
    kind: str
    clauses: list[int]
    cue_clauses: list[int]
    subject: Subject | None = None
    rule: str = "cue"
    extra: dict[str, str] = field(default_factory=dict)


class OpinionGroups:
    def __init__(self, lex: Lexicon, narrative: NarrativeCues) -> None:
        self.lex = lex
        self.narrative = narrative
        self.merge_gap = int(lex.setting("merge_gap_chars", 24))
        self.aspects_re = re.compile(lex.setting("aspect_list", r"(?!x)x"))
        self.aspects_after_re = re.compile(lex.setting("aspect_list_after", r"(?!x)x"))
        self.correlative_re = re.compile(lex.alt("markers", "correlative"))
        self.bracket_open_re = re.compile(rf"(?:{lex.alt('markers', 'compare_with')})\s*$")
        self.bracket_close_re = re.compile(r"[^，。,；;！？!?\n]{0,24}?(?:相比|相较|比起来|对比)")

    def sentence_claims(
        self,
        view: SectionView,
        sid: int,
        clause_kinds: list[str | None],
        busy: set[int] | None = None,
        claimed: set[int] | None = None,
    ) -> list[Draft]:
        """Claims of sentence ``sid`` whose clauses have the cue kinds ``clause_kinds``.

        ``busy``: clauses with specification items: they join no cue group. ``claimed``: those
        whose items gave a claim (all of ``busy`` when None): their capability or limitation cue
        is the items'; a cue in a clause whose items gave none (本地部署要80G显存) still speaks.
        """
        if not any(clause_kinds) or is_label_heading(view, sid):
            return []
        clauses = view.sentences[sid].clauses
        kinds = list(clause_kinds)
        rules = ["cue"] * len(clauses)
        for i in (busy or set()) if claimed is None else claimed:
            if kinds[i] in ("capability", "limitation"):
                kinds[i] = None
        for i, kind in enumerate(kinds):  # a pro or con item, unless it states a spec or amount
            if kind and kind.startswith("listed:"):
                c = clauses[i]
                stated = any(c.start <= q.start < c.end for q in view.quantities[sid])
                kinds[i], rules[i] = (None if (busy and i in busy) or stated else kind[7:]), "listed"
                if kinds[i] == "bug" and _SERVICE.search(view.cue_text, c.start, c.end):
                    # "- API access is limited", "- The web UI can be laggy": a con of the product, not a
                    # flaw seen in a clip
                    kinds[i] = "limitation"
        additive = [
            c.additive and not self.correlative_re.search(view.cue_text, clauses[0].start, c.start)
            for c in clauses
        ]
        self._exceptions(view.cue_text, clauses, kinds, rules)
        for i in range(1, len(kinds)):  # 不会出现低级错误，例如六根手指: the example is the point before it
            if (
                kinds[i]
                and kinds[i - 1]
                and kinds[i] != kinds[i - 1]
                and _EXAMPLE.match(view.cue_text, clauses[i].start)
            ):
                kinds[i] = None
        groups = self._group(view, sid, kinds, rules, additive, busy or set())
        for g in groups:
            first = clauses[g.clauses[0]]
            last = clauses[g.clauses[-1]]
            cue_pos = clauses[g.cue_clauses[0]].start
            first_cue = view.cue_starts.get((sid, g.cue_clauses[0]), cue_pos)
            g.subject = (
                self._yardstick(view, sid, cue_pos)
                or view.described_yardstick(sid, first_cue)
                or view.subject(sid, first.start, last.end, cue_pos)
            )
        groups = self._merge(view, sid, groups, additive)
        return [d for g in groups for d in self._drafts(view, sid, g)]

    def _yardstick(self, view: SectionView, sid: int, pos: int) -> Subject | None:
        """The compared model, when the cue at ``pos`` describes it inside the comparison's own
        bracket (与Gen-2人脸不停畸变的效果相比: the flaw is Gen-2's, not the subject's)."""
        text = view.cue_text
        for m in reversed(view.mentions[sid]):
            if m.end > pos:
                continue
            if not self.bracket_open_re.search(text, max(0, m.start - 2), m.start):
                return None
            if _CLAUSE_EDGE_RE.search(text, m.end, pos) or not self.bracket_close_re.match(text, pos):
                return None
            return Subject(list(m.models), [m.tier] * len(m.models), True)
        return None

    @staticmethod
    def _exceptions(text: str, clauses: list[Clause], kinds: list[str | None], rules: list[str]) -> None:
        """除了A…，其他都合格: A gets the opposite of what the others get; the others get nothing (除了这两个
        问题之外: the flaws set aside were told before, no new claim)."""
        for i, c in enumerate(clauses):
            if not c.others:
                continue
            kind = kinds[i]
            kinds[i] = None
            for j in range(i - 1, -1, -1):
                if clauses[j].exception:
                    if (
                        kind in FLIP
                        and kinds[j] is None
                        and not _FLAWS_TOLD.search(text, clauses[j].start, clauses[j].end)
                    ):
                        kinds[j], rules[j] = FLIP[kind], "exception"
                    break

    @staticmethod
    def _has_subject(view: SectionView, sid: int, c: Clause) -> bool:
        """Does clause ``c`` name a model (not one it is compared with)?"""
        return any(c.start <= m.start < c.end and not m.versus for m in view.mentions[sid])

    def _group(
        self,
        view: SectionView,
        sid: int,
        kinds: list[str | None],
        rules: list[str],
        additive: list[bool],
        busy: set[int],
    ) -> list[Group]:
        """Cue clauses into groups.

        ``additive[i]``: clause i adds a separate point (而且…, not 不仅…而且…).
        """
        clauses = view.sentences[sid].clauses
        n = len(clauses)
        owner: list[Group | None] = [None] * n
        groups: list[Group] = []
        for i in range(n):
            kind = kinds[i]
            if kind is None:
                continue
            prev = groups[-1] if groups else None
            if (
                prev is not None
                and prev.kind == kind
                and prev.clauses[-1] == i - 1
                and "listed" not in (rules[i], prev.rule)  # each item of a pros or cons line is a point
                and not clauses[i].contrast
                and not additive[i]
                and not self._has_subject(view, sid, clauses[i])
                and not self.narrative.parallel(view, sid, i - 1, i)
                and not _bar_between(view, clauses[i - 1], clauses[i])
            ):
                prev.clauses.append(i)
                prev.cue_clauses.append(i)
            else:
                prev = Group(kind, [i], [i], rule=rules[i])
                groups.append(prev)
            owner[i] = prev
        for i in range(n):  # clauses without a cue lead into the next group if nothing stands between
            if owner[i] is not None or kinds[i] is not None or clauses[i].others or i in busy:
                continue
            j = next((k for k in range(i + 1, n) if kinds[k] is not None), None)
            if j is None or any(
                clauses[k].contrast
                or clauses[k].others
                or additive[k]
                or k in busy
                or _bar_between(view, clauses[k - 1], clauses[k])
                or _label_inside(view, clauses[k])
                for k in range(i + 1, j + 1)
            ):
                continue
            target = owner[j]
            if target is None:
                continue
            if self._has_subject(view, sid, clauses[i]) and any(
                self._has_subject(view, sid, clauses[k]) for k in range(i + 1, j + 1)
            ):
                continue
            target.clauses.append(i)
            owner[i] = target
        for i in range(1, n):  # what is left trails the group before it
            prev_owner = owner[i - 1]
            if owner[i] is not None or prev_owner is None or kinds[i] is not None or i in busy:
                continue
            c = clauses[i]
            if c.contrast or c.others or c.exception or self._has_subject(view, sid, c):
                continue
            if _bar_between(view, clauses[i - 1], c):
                continue  # the next cell of a table row is another column's
            if _label_inside(view, c):
                continue  # Strengths: A, B Limitations: C: the next label's list is its own
            prev_owner.clauses.append(i)
            owner[i] = prev_owner
        for g in groups:
            g.clauses.sort()
        return groups

    def _merge(self, view: SectionView, sid: int, groups: list[Group], additive: list[bool]) -> list[Group]:
        clauses = view.sentences[sid].clauses
        out: list[Group] = []
        for g in groups:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind == g.kind
                and prev.subject
                and g.subject
                and prev.subject.models == g.subject.models
                and "listed" not in (g.rule, prev.rule)
                and not clauses[g.clauses[0]].contrast
                and not additive[g.clauses[0]]
                and not self.narrative.parallel(view, sid, prev.cue_clauses[-1], g.cue_clauses[0])
            ):
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
        aspects: list[str | None] = [None]
        if g.kind in ("strength", "bug"):
            aspects = self._aspects(view, start, end)
        if aspects == [None] and g.kind in ("strength", "bug"):
            # 手指粘连、背景闪烁: one claim per item the group praises or faults, each quoting the group
            aspects = [*self.narrative.items(view, sid, g.cue_clauses, g.kind)] or [None]
        out = []
        for name, tier in zip(subj.models, subj.tiers, strict=True):
            for aspect in aspects:  # 在A、B上还能做得更好: one claim per aspect, each quoting the group
                fields: dict[str, str] = {"feature": aspect} if aspect else {}
                if subj.versus and subj.versus != name:
                    fields["versus"] = subj.versus
                out.append(Draft(g.kind, start, end, name, tier, g.rule, round(conf, 3), fields))
        return out

    def _aspects(self, view: SectionView, start: int, end: int) -> list[str | None]:
        """The aspects a list in [start, end) names (在多主体识别、画面质量上), or [None]."""
        m = self.aspects_re.search(view.cue_text, start, end)
        if m:
            a, b = m.span("list")
            parts = _ITEM_SPLIT_RE.split(view.text[a:b])
        else:
            m = self.aspects_after_re.search(view.cue_text, start, end)
            if not m:
                return [None]
            a, b = m.span("list")
            text = view.text[a:b]
            # a Chinese list ends at its clause; an English one runs over commas to a turn (but, while)
            cut = _LIST_END_ZH_RE if "、" in text or not text[:1].isascii() else _LIST_END_EN_RE
            stop = cut.search(text)
            parts = _ITEM_SPLIT_RE.split(text[: stop.start()] if stop else text)
        sid = view.sentence_index(a)
        if sid is not None and any(a <= m.start < b for m in view.mentions[sid]):
            return [None]  # 建立在前代产品（A 和 B）之上: a list of models, no aspects
        parts = [_ITEM_TAIL_RE.sub("", p.strip()) for p in parts]
        if parts:  # 擅长处理A和B: the verb leads the list, it is not part of its first item
            parts[0] = _ITEM_VERB_RE.sub("", parts[0])
        items: list[str | None] = [p for p in parts if p]
        return items if len(items) > 1 else [None]


def _bar_between(view: SectionView, a: Clause, b: Clause) -> bool:
    """Is there a table bar between clauses ``a`` and ``b`` (two cells of a row)?"""
    return "|" in view.cue_text[a.end : b.start]


def _label_inside(view: SectionView, c: Clause) -> bool:
    """Does clause ``c`` open with a label inside its line (``… motion Limitations: slow``)? Its
    list is its own: no clause before it leads into it or trails into it."""
    return c.start in view.label_starts
