"""Verdicts told by describing the output, read from the shape of the sentence.

Reviewers often say what a clip did instead of judging it with a stock word.
These readings need no new vocabulary per document: they combine the quality
words the lexicon already has with a sentence structure.

Pattern cues (negated like any other cue by ``OpinionRules``):

* an English manner adverb after a verb: the quality word made an adverb
  (moves smoothly, behaves plausibly, follows the prompt well; reacts awkwardly);
* an English quality word before an aspect of the picture (believable physics,
  improved lighting, sharper textures; stiff motion, blurry faces);
* a step up named as a noun (a clear leap in realism);
* a Chinese verb of showing before a quality word (展现出自然的光影, 呈现了专业的运镜);
* a quality word with a comparative complement (自然多了, 稳定了很多; 假了不少);
* success at an action (成功接住了球) and doing more than asked (甚至还能…).

One clause reading, for clauses with no cue of their own: a contrast after
praise carries the flaw (…很自然，不过有些用力 / 但仍会卡住 / 却无法识别 / but it
still …). The contrast alone is not enough: the clause must hedge (有些, slightly),
persist (仍, still) or fail (无法, can't), and hold no amount.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.prefilter import GatedSearch
from ingest.extract.section import SectionView

log = logging.getLogger(__name__)

_NON_ASCII_WORD = r"[\u4e00-\u9fff]"


def _adverb(adjective: str) -> str:
    """The -ly adverb of an English adjective (smooth -> smoothly, plausible -> plausibly)."""
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("y"):
        return adjective[:-1] + "ily"
    return adjective + "ly"


def _english(words: Iterable[str]) -> list[str]:
    return [w for w in words if w.isascii() and w.replace(" ", "").replace("-", "").isalpha()]


def _chinese(words: Iterable[str]) -> list[str]:
    return [w for w in words if w and not w[0].isascii()]


# a quality word said of the noun after it (僵硬的面部表情, 生硬的说话声): an aspect named after the cue
_ATTRIBUTIVE = re.compile(r"[\u4e00-\u9fff]{1,4}的[\u4e00-\u9fff]{2,8}[\s，,。；;！!]*$")
# a cue that opens with the aspect it judges (连贯性比较强, 优点是审美强, 清晰度也够)
_ASPECT_CUE = re.compile(
    r"(?:优点是|缺点是|好在|问题是)?(?:[\u4e00-\u9fff]{1,3}[性度感]|审美|画质|细节|质感|运镜|光影|色彩|构图|动作|表情|口型)"
    r"[\u4e00-\u9fff]{1,6}[\s，,。；;！!]*$"
)


class NarrativeCues:
    def __init__(self, lex: Lexicon) -> None:
        pos = lex.words("cues", "strength", "adjectives")
        bad = lex.words("cues", "bug", "adjectives")
        words = lex.mapping("narrative")
        get = lambda key: [str(w) for w in words.get(key) or []]  # noqa: E731
        # comparatives already in the adjective list (sharper) make no adverb
        pos_en = [w for w in _english(pos) if not w.endswith("er") or w in ("clever",)]
        bad_en = _english(bad)
        pos_adv = {_adverb(w) for w in pos_en if len(w) > 3} | set(get("manner_pos"))
        # "slowly" tells how a thing moves in the scene (he slowly turns his head), no flaw
        bad_adv = {_adverb(w) for w in bad_en if len(w) > 3 and w != "slow"} | set(get("manner_bad"))
        not_after = alt(get("not_after_adverb"))
        verb = r"(?<![a-z])(?!(?:is|are|was|were|be|been|as|so|very|and|or|but|to)\b)[a-z]{2,}"
        # a manner adverb, found by itself; the words before it are checked after (see ``_after_verb``)
        self.adverbs = [
            ("strength", re.compile(rf" (?:{alt(pos_adv)})(?! (?:{not_after}))(?![a-z-])")),
            ("bug", re.compile(rf" (?:{alt(bad_adv)})(?![a-z-])")),
        ]
        # up to three words between a verb and its adverb, the last no conjunction ("and awkwardly
        # crop" puts the adverb before its own verb)
        self.verb_before = re.compile(rf"{verb}(?: [a-z]+){{0,3}}$")
        self.not_before = re.compile(r"(?:^|\s)(?:and|or|to|not|never|n't)$")
        # a negated verb before the adverb (can't render hands properly): the adverb praises nothing
        self.negated_verb = re.compile(
            r"(?:\bnot|\bnever|n['’]t|\bcannot|\bunable to|\bfail(?:s|ed)? to) [a-z]"
        )
        aspects = alt(get("aspects_en"))
        # a second quality word or one noun between the quality word and the aspect (clumsy hand motion)
        between = r"(?: and [a-z]+)?(?: (?!(?:at|in|on|with|for|of|and|or|to|the|a|an|but)\b)[a-z]+)?"
        deg = lex.alt("degree")
        pos_zh, bad_zh = alt(_chinese(pos)), alt(_chinese(bad))
        more = alt(get("more_complement"))
        patterns: list[tuple[str, str]] = [
            ("strength", rf"(?:{alt(_english(pos) + get('improved_en'))}){between} (?:{aspects})"),
            ("bug", rf"(?:{alt(bad_en + get('worse_en'))}){between} (?:{aspects})"),
            ("strength", rf"(?:{alt(get('step_up_en'))}) in (?!(?:price|cost|the price)\b)"),
            ("strength", rf"(?:{alt(get('showcase'))})(?:了|出)*(?:{deg})?(?:{pos_zh})的?{_NON_ASCII_WORD}"),
            ("strength", rf"(?<![生完形造])成功(?:地)?(?:把|让|将)?{_NON_ASCII_WORD}"),
            ("strength", rf"甚至(?:还|都)?(?:能|可以|会)(?!{alt(get('not_feat'))}){_NON_ASCII_WORD}"),
        ]
        self.more = re.compile(more)
        self.more_before = [
            ("strength", re.compile(rf"(?:{pos_zh})$")),
            ("bug", re.compile(rf"(?:{bad_zh})$")),
        ]
        for kind, extra in (("strength", get("strength_patterns")), ("bug", get("bug_patterns"))):
            patterns += [(kind, p) for p in extra]
        self.patterns = tuple((kind, re.compile(p)) for kind, p in patterns)
        self.not_success = re.compile(alt(get("not_success"), bound_start=False))
        # the clause reading: hedge, persistence or failure after praise, or after a concession
        self.hedge = re.compile(alt(get("hedge")))
        self.persist = re.compile(alt(get("persist")))
        self.fail = re.compile(alt(get("fail")))
        self.concession = WordScanner(get("concession"))  # scanned over whole sections
        self.lead_in = re.compile("|".join(get("lead_in")) or r"(?!x)x")
        self.point_lead = re.compile("|".join(get("point_lead")) or r"(?!x)x")
        # searched in sentences with a verdict: only those holding one of its literals
        self.preview = GatedSearch(re.compile("|".join(get("preview")) or r"(?!x)x", re.I))
        # list separators inside a clause (手指粘连、背景闪烁; drift and imperfect interactions)
        self.separator_words = get("item_separators")
        self.separator = re.compile(alt(self.separator_words))
        labels = lex.words("markers", "pros_labels") + lex.words("markers", "cons_labels")
        self.label_end = re.compile(rf"(?:{alt(labels)})\s*$", re.IGNORECASE)
        # parallel verdicts (画面稳定，动作自然): clause length, and openings that lean on the clause before
        self.parallel_max = int(lex.setting("parallel_clause_chars", 20))
        self.deictic_re = re.compile(lex.alt("markers", "deictic"))
        chars = re.escape(str(lex.setting("leaning_chars", "")))
        leaning = lex.alt("markers", "leaning")
        self.leaning_re = re.compile(rf"\s*(?:[{chars}]|{leaning})" if chars else rf"\s*(?:{leaning})")

    def pattern_hits(
        self, text: str, matched: dict[int, list[tuple[int, int]]] | None = None
    ) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every pattern cue in ``text``; ``matched`` (per pattern that matches,
        in pattern order, the spans of its matches: ``Alternatives.matches``) spares the scans."""
        out: list[tuple[str, int, int]] = []
        if matched is None:
            matched = {n: [m.span() for m in p.finditer(text)] for n, (_, p) in enumerate(self.patterns)}
        for n, found in matched.items():
            kind = self.patterns[n][0]
            for start, end in found:
                if text.startswith("成功", start) and self.not_success.match(text, start + 2):
                    continue  # 成功率, 成功生成: not an achievement in the picture
                out.append((kind, start, end))
        for m in self.more.finditer(text):  # 自然多了, 假了不少: the complement, then the word before it
            for kind, word in self.more_before:
                if word.search(text, max(0, m.start() - 6), m.start()):
                    out.append((kind, m.start(), m.end()))
                    break
        for kind, pattern in self.adverbs:
            for m in pattern.finditer(text):
                if self._after_verb(text, m.start()):
                    out.append((kind, m.start() + 1, m.end()))
        return out

    def _after_verb(self, text: str, pos: int) -> bool:
        """Does an English verb (a word that is no copula or conjunction) stand a few words before
        ``pos``, in the same clause, with no conjunction right in front?"""
        before = text[max(0, pos - 48) : pos]
        cut = max(before.rfind(ch) for ch in ",.;:!?()\n，。")
        before = before[cut + 1 :].lstrip()
        return (
            bool(self.verb_before.search(before))
            and not self.not_before.search(before)
            and not self.negated_verb.search(before)
        )

    def contrast_flaws(
        self, view: SectionView, out: dict[int, list[str | None]], has_amount: Callable[[int, int, int], bool]
    ) -> None:
        """A contrast clause without a cue after praise (or after a concession) that hedges,
        persists or fails is a flaw: mark it "bug" in ``out`` (sentence -> clause kinds)."""
        text = view.cue_text
        for sid, row in list(out.items()):
            if "strength" not in row:
                continue
            clauses = view.sentences[sid].clauses
            praised = False
            for ci, c in enumerate(clauses):
                if row[ci] == "strength":
                    praised = True
                    continue
                if row[ci] is not None or not praised or not self._turns(text, c.start, c.end, c.contrast):
                    continue
                if (
                    self._flaw(text, c.start, c.end)
                    and not has_amount(sid, c.start, c.end)
                    and not self.lead_in.search(text, c.start, c.end)
                ):
                    row[ci] = "bug"
        for m in self.concession.finditer(text):  # 即便强大如A，A仍会陷入…: the flaw after a concession
            at = view.sentence_index(m.start())
            if at is None or view.sentences[at].prompt:
                continue
            clauses = view.sentences[at].clauses
            kinds = out.get(at)
            first = next((ci for ci, c in enumerate(clauses) if c.end > m.start()), len(clauses))
            for ci in range(first + 1, min(first + 3, len(clauses))):  # the next two clauses
                c = clauses[ci]
                if kinds is not None and kinds[ci] is not None:
                    break
                if self.persist.search(text, c.start, c.end) and not has_amount(at, c.start, c.end):
                    out.setdefault(at, [None] * len(clauses))[ci] = "bug"
                    break

    def _turns(self, text: str, start: int, end: int, contrast: bool) -> bool:
        """Does the clause turn against what came before (opens with 但/不过/but, or holds 却)?"""
        return contrast or "却" in text[start:end]

    def _flaw(self, text: str, start: int, end: int) -> bool:
        return bool(
            self.hedge.search(text, start, end)
            or self.persist.search(text, start, end)
            or self.fail.search(text, start, end)
        )

    def parallel(self, view: SectionView, sid: int, a: int, b: int) -> bool:
        """Are clauses ``a`` and ``b`` parallel verdicts on aspects of their own (画面稳定，动作自然;
        the light is soft, the motion is clean)? Each is then its own claim.

        Both short, each with words of its own before its cue that open with no adverb or
        connective (…，都很惊艳 and …，甚至还… lean on the clause before them).
        """
        if b != a + 1:
            return False
        clauses = view.sentences[sid].clauses
        text = view.cue_text
        for i in (a, b):
            c = clauses[i]
            cue = view.cue_starts.get((sid, i))
            # an English clause takes about three times the characters of a Chinese one
            limit = self.parallel_max * (4 if text[c.start : c.start + 1].isascii() else 1)
            if cue is None or c.end - c.start > limit:
                return False
            own = text[c.start : cue]  # the words before the cue, without the models they name
            for m in reversed(view.mentions[sid]):
                if c.start <= m.start and m.end <= cue:
                    own = own[: m.start - c.start] + own[m.end - c.start :]
            own = own.strip(" \t()（）【】[]的")
            if not own and _ATTRIBUTIVE.match(text, cue, c.end):
                continue  # 僵硬的面部表情: the flaw said of a noun of its own
            if not own and _ASPECT_CUE.match(text, cue, c.end):
                continue  # 连贯性比较强, 优点是审美强: a cue naming its aspect itself
            if len(own) < 2 or self.leaning_re.match(own) or self.deictic_re.search(own):
                return False
        return True

    def items(self, view: SectionView, sid: int, cue_clauses: list[int], kind: str) -> list[str]:
        """The items a group of cue clauses praises or faults, when one of its clauses lists two or
        more; a clause without a list is one item, a label clause (X的优点：) none; no list: [].

        An item is a stretch of a cue clause between list separators (、, 以及, and, or) that
        holds a cue of the group's kind; cues in one stretch are one item.
        """
        clauses = view.sentences[sid].clauses
        out: list[str] = []
        points = len(cue_clauses)
        for ci in cue_clauses:
            c = clauses[ci]
            if (
                len(cue_clauses) > 1
                and view.text[c.end : c.end + 1] in (":", "：")
                and self.label_end.search(view.text, c.start, c.end)
            ):
                points -= 1
                continue  # a label (X的优点：) leads the items, it is none of them
            if not self.separator.search(view.cue_text, c.start, c.end):
                out.append(" ".join(view.text[c.start : c.end].split()))
                continue
            cuts = [
                c.start,
                *(m.end() for m in self.separator.finditer(view.cue_text, c.start, c.end)),
                c.end,
            ]
            cues = sorted(pos for pos, k in view.cue_hits.get((sid, ci), []) if k == kind)
            for a, b in zip(cuts, cuts[1:], strict=False):
                if any(a <= pos < b for pos in cues):
                    item = " ".join(view.text[a:b].split()).strip(" ,，、;；")
                    for word in self.separator_words:
                        item = item.removesuffix(" " + word).removesuffix(word)
                    if item and item not in out:
                        out.append(item.strip())
        return out if len(out) > points else []
