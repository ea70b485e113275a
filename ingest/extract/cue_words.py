"""Cue words and what the words before a cue do to it.

The cue words of a text are found in one token scan: a cue word, or a chain of degree and
negation words before a quality word (更自然, 有点假, 不自然), or a Chinese quality word ending its
clause (运镜丝滑。). A cue's negation is read from the words before it in its clause: a fix (不会,
没有, no longer: a flaw denied is a strength), a plain negation (避免, 如果, 不要: the cue goes), a
topic (说一下缺点) or an improvement (减少了…问题). ``opinions.py`` gives each clause its cue kind.
"""

from __future__ import annotations

import re

from ingest.extract.appraisal import Appraisal
from ingest.extract.lexicon import CUE_PRIORITY, CueSet, Lexicon
from ingest.extract.section import SectionView
from ingest.extract.sentences import Clause

_QUOTE_MARKS = '“”‘’「」『』"'
_QUOTE_MARK_RE = re.compile("[" + re.escape(_QUOTE_MARKS) + "]")  # one of them, counted in one scan
_ADVERB = re.compile(r"\s+[a-z]{2,}ly\s+")
_PLACE = re.compile(
    r"在[^，。,;；！？!?]{1,10}?(?:中|里|上|时|之间)"
)  # where, told between a negator and its flaw
_GRADES = re.compile(r"\b(?:any|noticeable|obvious|visible|major|significant|serious|real|glaring)\s+")
_MARK_AFTER = re.compile(r"[ \t]*[✅✔✓☑👍][ \t]*")
_CLAUSE_EDGE = frozenset("，。！？；：,.!?;:\n、")
# "no rubber-banding limbs or morphing": a fix word's scope runs over the items an "or" joins
# "the animations aren't all stiff and uncanny anymore": a flaw the clause negates before it and ends on
# anymore/no more after it is gone, however far the negation stands from the word
_ANYMORE_AFTER = re.compile(r"[^.;!?,，。；！？\n]*?\b(?:anymore|any more|any longer)\b", re.I)
# "the uncanny wobble that plagued v1 is largely gone": a flaw said to be mostly over (a bare "is gone"
# may be an object vanishing, a flaw of its own)
_GONE_AFTER = re.compile(
    r"[^.;!?\n]{0,60}?\b(?:is|are|has been|have been)\s+(?:now\s+)?"
    r"(?:largely|mostly|almost entirely|entirely|completely|finally|all but|virtually)\s+"
    r"(?:gone|fixed|resolved|eliminated|a thing of the past)\b",
    re.I,
)
_NEGATED_BEFORE = re.compile(
    r"\b(?:is|are|was|were|do|does|did)(?:n['’]t| not)\b(?!\s+(?:just|only|merely|simply)\b)|\bno longer\b",
    re.I,
)
_NO_OR_LIST = re.compile(
    r"\b(?:no|without|never|free of|zero)\s+(?:[\w'’-]+\s+){1,4}(?:or|nor)\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# "found the results impressive", "I'd call its motion smooth": a verdict verb governs the quality word
_VERDICT_OBJECT = re.compile(
    r"\b(?:find|finds|found|call|calls|called|consider|considers|considered|rate|rates|rated|deem|deems|deemed)"
    r"\s+(?:the|its|their|this|these|those|his|her|my|our|your|it|them|both|all|each)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_FLAW_NOUN_AFTER = re.compile(r"(?:的)?(?:问题|现象|情况|瑕疵|毛病)|\s(?:issues?|problems?)\b")

# what was asked or expected, not what came out: the prompt asked for…, it should have…
_ASKED_FOR = re.compile(
    r"\b(?:the prompt|my prompt|the brief|i|we)\s+(?:asked|called|requested|wanted|specified)"
    r"(?:\s+it)?\s+for\b"
    r"|\b(?:should|would|could) have\b|\b(?:was|were) supposed to\b|\bought to\b"
)


def _asked_for(text: str, lo: int, hi: int) -> bool:
    """Does ``_ASKED_FOR`` match in ``text[lo:hi]``? Each of its branches holds one of these words (the
    verbs of the first all end in "ed"), looked for first: the pattern opens with \b and is tried at
    every position."""
    if all(text.find(w, lo, hi) < 0 for w in ("ed", "have", "supposed", "ought")):
        return False
    return _ASKED_FOR.search(text, lo, hi) is not None


# what a test requires, not what came out: 动作要完全同步, 必须保持一致, it must remain identical
_REQUIRED_BEFORE = re.compile(
    r"(?<![还更都就])(?:需要|必须|应该|应当|要)(?:做到|保持|显得|表现得|呈现得)?"
    r"(?:完全|极为|极其|非常|十分|足够|特别|绝对|很)?\s*$"
    r"|\b(?:must|needs? to|has to|have to)\s+(?:\w+\s+)?"
    r"(?:remain|be|look|stay|feel|appear|keep)\s+(?:\w+\s+)?$"
    # "it needs training or LoRAs to do this well": what it takes before the praise holds
    r"|\bneeds?\s+(?!no\b|nothing\b|little\b)(?:[\w-]+\s+){1,4}to\s+(?:do|make|get|look|work|perform|run)\s+(?:\w+\s+){0,2}$"
)
# a wish, not a finding (希望可灵每一步都走得扎实, 期待它更流畅, I hope it gets smoother): in the
# cue's clause, or opening its sentence; not a standard met or beaten (比我期待的更流畅, 超出期待)
_WISH = re.compile(
    r"(?<![超出不负值得符合满足达到高于低于如乎])(?:希望|期待|期望|盼望|但愿|祈祷|祝愿)(?![的中值感之已])"
    # (希望大家注意, 希望对你有帮助, hope this helps: words to the reader, no wish for the model)
    r"(?!\s*(?:大家|各位|你们|您|对你|对您|对大家|这篇|这个对比|这份|本文|能帮|能够帮|帮到|能对))"
    r"|\b(?:(?:i|we) (?:really |do |just )?(?:hope|wish)|hopefully)\b"
    r"(?!,? (?:this|these|that|it helps|you|the above|our)\b)"
    r"|\blooking forward to\b|\b(?:i|we)(?:'d| would) love\b|\bfingers crossed\b",
    re.IGNORECASE,
)
_WISH_OPEN = re.compile(
    rf"\s*(?:(?:但是|但|不过|也|还|更|真心|衷心|由衷|我|我们|真的|很|非常)\s*)*(?:{_WISH.pattern})",
    re.IGNORECASE,
)
# a clause turning from a wish to what is (…，目前画面还是会闪, …, but right now it flickers)
_NOW_OPEN = re.compile(
    r"\s*(?:但是|但|不过|可是|然而|目前|现在|眼下|当前|结果|因为|毕竟|而"
    r"|however|but|yet|currently|right now|for now|at the moment|because|since)",
    re.IGNORECASE,
)
# between a wish and the cue: a dash or colon, or a word turning to what is (I hope it lasts — the
# motion is smooth; 期待Veo 3的效果，结果画面一直闪烁)
_NOW_IN = re.compile(r"[—:：]|\b(?:because|since|but|as it is)\b|因为|毕竟|结果|(?<![然])而(?![且已])")
# a clause opening with "none of" / "neither" / 没有一个: what it says holds for none of them
_NONE_OF = re.compile(
    r"\s*(?:but |and |yet |so )?(?:none of|neither\b|not one of|no (?:model|tool|generator)s?\b)"
    r"|\s*(?:但|而且|可是)?(?:没有一个|没有一款|没有哪个|没有哪款|没一个)"
)


class CueWords:
    def __init__(self, lex: Lexicon, cs: CueSet, appraisal: Appraisal) -> None:
        self.cs = cs
        self.appraisal = appraisal
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

    def negation(
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
        if _asked_for(text, clause.start, pos):
            return (
                "neg"  # "the prompt asked for realistic motion", "should have dragged naturally": wished for
            )
        wish = _WISH.search(text, clause.start, pos)
        if (wish and not _NOW_IN.search(text, wish.end(), pos)) or self._wished(view, sid, clause, pos):
            return "neg"
        if text[pos].isascii() and _NO_OR_LIST.search(text, max(clause.start, pos - 60), pos):
            return "fix"
        if text[pos].isascii() and _GONE_AFTER.match(text, pos, clause.end):
            return "fix"
        if (
            text[pos].isascii()
            and _ANYMORE_AFTER.match(text, pos, clause.end)
            and _NEGATED_BEFORE.search(text, max(clause.start, pos - 40), pos)
        ):
            return "fix"
        lo = pos - (self.window * 3 if text[pos].isascii() else self.window)
        for mention in view.mentions[sid]:
            if lo < mention.end <= pos:
                lo -= mention.end - mention.start
        lo -= len(_QUOTE_MARK_RE.findall(text, max(lo, 0), pos))  # marks around a word say nothing
        for place in _PLACE.finditer(text, max(clause.start, lo - 14), pos):  # 不会[在不同镜头中]随机变脸
            if place.end() > lo:
                lo -= place.end() - place.start()
        if text[pos].isascii():  # without [any noticeable] errors: words that only grade the flaw
            for grade in _GRADES.finditer(text, max(clause.start, lo - 30), pos):
                if grade.end() > lo:
                    lo -= grade.end() - grade.start()
        lo = max(clause.start, lo)
        hi = pos if inside is None else inside
        last: re.Match[str] | None = None
        negators: list[re.Match[str]] = []
        for hit in self.cs.negators(text, lo, hi):
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

    @staticmethod
    def _wished(view: SectionView, sid: int, clause: Clause, pos: int) -> bool:
        """Does a wish open the sentence of the cue at ``pos`` and reach its clause (希望可灵，希望快手…，
        每一步都走得扎实), no clause between turning to what is (希望能改进，目前画面还是会闪)?"""
        sent = view.sentences[sid]
        text = view.cue_text
        wish = _WISH_OPEN.match(text, sent.start, pos)
        if wish is None or _NOW_IN.search(text, wish.end(), pos):
            return False
        return not any(
            sent.start < c.start <= clause.start and _NOW_OPEN.match(text, c.start, c.end)
            for c in sent.clauses
        )

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
            for hit in self.cs.negators(text, max(clause.start, pos - self.reach), pos):
                if hit.lastgroup == "fix":
                    if self.appraisal.fix_denied(text, hit.end(), pos):
                        return None  # 并没有神奇地解决…问题: the fix is denied, the flaw stays
                    return "fix"
        if self.absent_re.search(text, max(clause.start, pos - self.reach), pos):
            return "neg"  # 也没有出现不合理的形变: a flaw not seen, told too far back to call a strength
        if end is not None and self.appraisal.improved_after(text, end, clause.end):
            return "improve"  # 违和感降低87%
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
        while end < len(text) and text[end] in " \t":
            end += 1  # 能力成熟 |: a table cell ends at its bar
        return end >= len(text) or text[end] in _CLAUSE_EDGE or text[end] == "|"

    def token_cues(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every cue word or degree/negator + quality word.

        A kind prefixed with "?" still needs the negation check (see ``negated_kind``):
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
            if (
                first == "generic"
                and "deg" in role
                and i + 1 < n
                and toks[i + 1][2][:1] in (("pos",), ("bad",))
                and self._linked(text, end, toks[i + 1][0])
            ):
                first = "deg"  # 异常逼真: a degree word before a quality word, not the flaw noun
            if first in CUE_PRIORITY:
                out.append((start, end, "?" + first))
            elif first == "generic":  # a flaw noun: 没有太大缺点 -> strength, 避免出问题 -> nothing
                out.append((start, end, "?generic"))
            elif first == "bad" and text.startswith(("一些", "一点", "了点"), end):
                out.append((start, end, "bug"))
            elif first in ("pos", "bad") and (
                self._predicate(text, start, end)
                or (text[start].isascii() and bool(_VERDICT_OBJECT.search(text, max(0, start - 48), start)))
            ):
                out.append((start, end, "?strength" if first == "pos" else "?bug"))
            elif first in ("neg", "deg"):
                j, negated = i, first == "neg"
                # 没有 denies a flaw (全程没有崩) but lacks rather than grades a quality (没有清晰度选项)
                lacks = first == "neg" and text[start:end] == "没有"
                while j + 1 < n and self._linked(text, toks[j][1], toks[j + 1][0]):
                    nxt = toks[j + 1][2]
                    if nxt and nxt[0] in ("neg", "deg"):
                        negated = negated or nxt[0] == "neg"
                        j += 1
                        continue
                    if "pos" in nxt and lacks:
                        break
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


def negated_kind(kind: str, negation: str | None) -> str | None:
    """The cue kind after a negation: a denied or reduced flaw is a strength; other negated cues go."""
    if negation is None:
        return kind
    if negation == "improve":
        return "strength" if kind == "bug" else kind
    if negation == "fix" and kind == "bug":
        return "strength"
    return None
