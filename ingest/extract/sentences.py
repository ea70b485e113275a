"""Sentences and clauses of a normalised text, as offsets.

A sentence ends at 。！？；, a line break, "…" or an English full stop followed by
a space. A clause ends at a comma or colon (not one inside a number) and before
an inner contrast word (…很好但有点慢). Each clause records whether it opens
with a contrast (但/不过/就是/but), an additive connective (而且/同时/also), an
exception (除了) or "the others" (其他).
Prompt text (a line opening "Prompt：", or the paragraph after a line that
introduces a prompt and ends with a colon) is marked so no claim comes from it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ingest.extract.lexicon import Lexicon, WordScanner, alt

log = logging.getLogger(__name__)

# a line of code (a JSON body an API guide shows): no one's words
_CODE_LINE = re.compile(r"(?m)^[ \t]*(?:[\[{]\s*)*\"[\w.-]+\"\s*:[^\n]*")
# a run of 。！？；/newlines, a run of …, three dots or more, or a full stop before a space (not
# "vs.", "e.g." or the abbreviated hours before their minutes, "2 hrs. 50 mins"); written to open
# with one character class so ``re`` skips ahead on it
_SENT_END = re.compile(
    r"[。！？!?；;\n…\.](?:(?<=[。！？!?；;\n])[。！？!?；;\n]*|(?<=…)…*"
    r"|(?<=\.)(?:\.{2,}|(?<!\bvs\.)(?<!\be\.g\.)(?!(?<=[^/]\bhrs\.)\s+\d{1,2}\s*min)(?!(?<=[^/]\bhr\.)\s+\d{1,2}\s*min)(?=\s|$)))"
)
#: English words a sentence opens on when it tells rather than lists (a person, a pointer, a link word:
#: "Then I moved on", "It also…"): such a sentence is no item of a list run on with full stops
TELLING_OPENERS = (
    "i|we|you|they|he|she|it|it's|this|that|these|those|then|so|but|however|also|and|or|my|our|"
    "overall|if|when|after|before|still|yet|though|although|because|since"
)
# a question or an exclamation quoted inside a sentence that goes on (passes the "is this AI?" test)
# (English only: a Chinese answer often follows its quoted question with no break, “…吗？”目前只有…)
_QUOTED_ASK = re.compile(r"(?<=[?!])[\"”’][ \t]*[a-z]")
# not 16:9, 1,000; | ends a table cell; a comma between listed numbers (4, 8, and 12 seconds; 720p,
# 1080p) ends no clause; a dash set off by spaces (" — ", " – ") ends a clause too. One class of
# every mark opens the pattern, so ``re`` skips ahead to the next mark; what follows looks back at
# which mark it was.
_CLAUSE_END = re.compile(
    r"[，：|:,—–](?:(?<=[，：|])|(?<=[:,])(?<!\d[:,])(?!(?<=\d[pk],)\s*(?:(?:and|or)\s+)?\d)|(?<=:)(?!\d)"
    r"|(?<=\d,)(?!\d{3})(?!\s*(?:(?:and|or)\s+)?\d)|(?<=\s[—–])(?=\s))"
)
_LEAD = re.compile(r"[\s>*•·\-—]+|\d{1,2}[.、)）]\s+|\*\*")
_PAREN = re.compile(r"[（(][^（()）\n]{6,60}[）)]")
_LEAD_CHARS = frozenset(">*•·-—0123456789")
_FILLED_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LONGEST_PROMPT = 1500
_MID_PROMPT = re.compile(r"\s*(?:如下|是|为)?\s*[:：]\s*(?=\S)")
_CLAUSE_BREAK = re.compile(r"[，,。;；!！?？]|\.\s")
# a Markdown list flattened onto one line by the clipper (… - Kling 3.0: $0.07/sec - Veo 3: …):
# an item marker is a dash set off by spaces; a bold label (**Per-second costs:**) opens a group
_FLAT_ITEM = re.compile(r"(?<=\S) - (?=[^\s\-][^\n]{0,60}?:)")
_FLAT_BREAK = re.compile(r"(?<=\S) (?:- |(?=\*\*[^*\n]{2,40}:\*\*))")
_FLAT_MIN_ITEMS = 3
_SCARE_QUOTE = re.compile(r"[“\"「‘'][^“”\"「」‘’'\n]{1,10}[”\"」’'](?= ?[\u4e00-\u9fffa-z])")


_LATIN_HAN = re.compile(r"(?<=[a-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[a-z0-9])")


def _spaced(words: list[str]) -> list[str]:
    """``words`` lower-cased as the normalised text is, each also with a space where Latin meets
    Chinese (AI视频领域 is often written "AI 视频领域")."""
    out: set[str] = set()
    for w in words:
        low = w.lower()
        out.add(low)
        out.add(_LATIN_HAN.sub(" ", low))
    return sorted(out)


def _english_gap(norm: str, pos: int) -> bool:
    """Is the English contrast word at ``pos`` inside a clause (realistic light but stiff motion)?"""
    return pos >= 2 and norm[pos - 1] == " " and norm[pos - 2].isascii() and norm[pos - 2].isalnum()


#: A "sentence" longer than this (a line without a full stop, a run of commas) is cut into
#: pieces: the work on one sentence grows with its clauses times its mentions, so an unbounded
#: one made extraction quadratic in the input (a 1 MB line never finished).
MAX_SENTENCE = 600


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as spans of at most MAX_SENTENCE characters, cut after a comma or a space."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(norm.rfind(ch, start + MAX_SENTENCE // 2, limit) for ch in "，,、 ")
        cut = cut + 1 if cut > start else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


# what goes on with a sentence (a comma, a closing bracket, a full stop): a line opening with it
# continues the line before
_GOES_ON = frozenset("，、,)）。")
_SHORT_LINE = 30


def _inline_break(norm: str, at: int) -> bool:
    """Is the line break ending at ``at`` one a page put around an inline piece (a bold amount
    the clipper set on a line of its own: 价格：\n5.03元\n。), not a sentence's end? So when the
    next line opens by going on with the sentence, or is short and the line after it does."""
    if at >= len(norm):
        return False
    if norm[at] in _GOES_ON:
        return True
    nxt = norm.find("\n", at, at + _SHORT_LINE + 1)
    return nxt > at and nxt + 1 < len(norm) and norm[nxt + 1] in _GOES_ON and norm[at] not in "#|>-*"


def _flat_list_breaks(norm: str) -> list[tuple[int, int]]:
    """Item breaks of lists flattened onto one line: a line with at least three " - Label:" items.
    Prose uses a spaced dash now and then (Kling - the cheap one - costs…), not three labelled
    ones."""
    if norm.count(" - ") < _FLAT_MIN_ITEMS:
        return []
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        if end - start > 120 and len(_FLAT_ITEM.findall(norm, start, end)) >= _FLAT_MIN_ITEMS:
            out += [m.span() for m in _FLAT_BREAK.finditer(norm, start, end)]
        start = end + 1
    return out


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    contrast: bool = False
    additive: bool = False
    exception: bool = False
    others: bool = False


@dataclass(slots=True)
class Sentence:
    """A sentence; its clauses are cut on first use (most sentences never need them)."""

    start: int
    end: int
    prompt: bool = False
    splitter: Splitter | None = None
    norm: str = ""
    parens: list[int] = field(default_factory=list)  # where parentheses open and close, section-wide
    _clauses: list[Clause] | None = None
    _extra: tuple[int, ...] = ()  # cuts made by ``cut_also_at``

    @property
    def cuts(self) -> list[int]:
        """Where the sentence's clauses start and end (its own start and end included)."""
        if self.splitter is None:
            return [self.start, self.end]
        return self.splitter.cuts(self.norm, self.start, self.end, self.parens)

    @property
    def clauses(self) -> list[Clause]:
        if self._clauses is None:
            self._clauses = self.splitter.clauses(self.norm, self.cuts) if self.splitter else []
        return self._clauses

    def cut_also_at(self, extra: list[int]) -> None:
        """Cut the clauses at ``extra`` too (where the cells of a flattened table row start, where a
        label inside a line starts), keeping the cuts made before."""
        inner = [c for c in extra if self.start < c < self.end]
        if self.splitter is not None and inner:
            self._extra = tuple(sorted({*self._extra, *inner}))
            self._clauses = self.splitter.clauses(self.norm, sorted({*self.cuts, *self._extra}))


class Splitter:
    def __init__(self, lex: Lexicon) -> None:
        not_contrast = lex.alt("markers", "not_contrast")
        self.opener_re = re.compile(
            rf"\s*(?:(?P<exception>{lex.alt('markers', 'exception')})"
            rf"|(?P<others>{lex.alt('markers', 'others')})"
            rf"|(?P<additive>{lex.alt('markers', 'additive')})"
            rf"|(?!{not_contrast})(?P<contrast>{lex.alt('markers', 'contrast')}))"
        )
        self.opener_first = frozenset(
            w[0] for key in ("exception", "others", "additive", "contrast") for w in lex.words("markers", key)
        )
        self.inner_re = re.compile(lex.alt("markers", "inner_split"))
        self.generic_re = re.compile(alt(_spaced(lex.words("markers", "generic_subjects"))))
        self.not_contrast_re = re.compile(not_contrast)
        self.prompt_label = re.compile(rf"\s*(?:{lex.alt('markers', 'prompt_intro')})\s*[:：]")
        self.prompt_intro = WordScanner(lex.words("markers", "prompt_intro"))  # over whole sections
        quoted = r"(?:「[^」\n]{4,600}」|“[^”]{4,600}”|\"[^\"\n]{4,600}\")"
        self.prompt_quote = re.compile(
            rf"(?:{lex.alt('markers', 'prompt_intro')})[^，。,.\n「“\"]{{0,8}}?{quoted}"
            # what a negative prompt lists is what to avoid, however far into its sentence it is quoted
            # (反向提示词是一个独特的功能，输入类似"变形、模糊"等提示词)
            rf"|(?:负面提示词|反向提示词|negative prompts?)[^。\n「“\"]{{0,40}}?{quoted}"
        )

    def split(self, norm: str, cased: str | None = None) -> list[Sentence]:
        """Sentences of ``norm``; ``cased`` (the same text in the document's own case, when given)
        tells a quoted question inside a sentence (passes the "is this AI?" test) from one ending it."""
        parens = sorted({p for m in _PAREN.finditer(norm) for p in m.span()})
        sentences: list[Sentence] = []
        last = 0
        ends = [
            m.span()
            for m in _SENT_END.finditer(norm)
            if (m.group() != "\n" or not _inline_break(norm, m.end()))
            and (cased is None or not _QUOTED_ASK.match(cased, m.end()))
        ]
        flat = _flat_list_breaks(norm)
        if flat:
            ends = sorted(ends + flat)
        for a_end, b_end in ends:
            if a_end < last:
                continue
            for a, b in _pieces(norm, last, a_end):
                self._add(norm, a, b, sentences, parens)
            last = b_end
        for a, b in _pieces(norm, last, len(norm)):
            self._add(norm, a, b, sentences, parens)
        self._mark_prompts(norm, sentences)
        return sentences

    def cuts(self, norm: str, start: int, end: int, parens: list[int]) -> list[int]:
        """Clause boundaries of the sentence [start, end): commas and colons, an inner contrast
        word (…很好但有点慢) and parentheses."""
        out = [start]
        out += [e for m in _CLAUSE_END.finditer(norm, start, end) if (e := m.end()) < end]
        extra = [
            m.start()
            for m in self.inner_re.finditer(norm, start, end)
            if m.start()
            and (norm[m.start() - 1] not in " \t\n，,不" or _english_gap(norm, m.start()))
            and not self.not_contrast_re.match(norm, m.start())
        ]
        lo, hi = bisect_right(parens, start), bisect_left(parens, end)
        if lo < hi:
            extra += parens[lo:hi]
        if extra:
            return [start, *sorted({p for p in out[1:] + extra if start < p < end}), end]
        out.append(end)
        return out

    def _add(self, norm: str, start: int, end: int, out: list[Sentence], parens: list[int]) -> None:
        while start < end and (norm[start] in _LEAD_CHARS or norm[start].isspace()):
            lead = _LEAD.match(norm, start, end)
            if not lead or lead.end() == start:
                break
            start = lead.end()
        while end > start and norm[end - 1] in " \t*":
            end -= 1
        if end - start < 2:
            return
        out.append(Sentence(start, end, splitter=self, norm=norm, parens=parens))

    def clauses(self, norm: str, cuts: list[int]) -> list[Clause]:
        """Clauses between consecutive ``cuts`` of ``norm``, with what each opens with."""
        out: list[Clause] = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and norm[a] in " \t|":
                a += 1
            stop = b
            while stop > a and norm[stop - 1] in "，,：: \t|—–":
                stop -= 1
            if stop <= a:
                continue
            group = None
            if norm[a] in self.opener_first or norm[a].isspace():
                opener = self.opener_re.match(norm, a, stop)
                group = opener.lastgroup if opener else None
            out.append(
                Clause(
                    a,
                    stop,
                    contrast=group == "contrast",
                    additive=group == "additive",
                    exception=group == "exception",
                    others=group == "others",
                )
            )
        return out

    def prompt_quotes(self, norm: str) -> list[tuple[int, int]]:
        """Spans of prompts quoted in running text (指令「…」, the prompt "…"): input, not a verdict."""
        out: list[tuple[int, int]] = []
        for m in self.prompt_quote.finditer(norm):
            opener = min(i for i in (norm.find(q, m.start(), m.end()) for q in '「“"') if i >= 0)
            out.append((opener, m.end()))
        return out

    def mentioned(self, norm: str) -> list[tuple[int, int]]:
        """Spans of short quoted words used as a name, not a verdict (the “惊艳” threshold, the
        “mushy” look): the quote runs straight on into the word it modifies."""
        return [m.span() for m in _SCARE_QUOTE.finditer(norm)]

    def _mark_prompts(self, norm: str, sentences: list[Sentence]) -> None:
        """Flag sentences that are prompt text rather than the reviewer's words.

        A line opening "Prompt：" is prompt text; so is the next non-empty line after a
        line that names a prompt and ends with a colon (but that line sets up nothing
        itself), "Prompt：" alone on its line included. Only lines naming a prompt can do
        either, so only they are looked at.
        """
        spans: list[tuple[int, int]] = []
        taken = -1  # start of the last line taken as prompt text because of the line before it
        seen = -1
        for hit in self.prompt_intro.finditer(norm):
            if norm[hit.start() - 1 : hit.start()] == "_" or norm[hit.end() : hit.end() + 1] == "_":
                continue  # enhance_prompt: a parameter's name, no prompt
            ls = norm.rfind("\n", 0, hit.start()) + 1
            if ls <= seen:
                continue  # a line already looked at
            seen = ls
            le = norm.find("\n", hit.end())
            le = len(norm) if le < 0 else le
            if ls == taken:
                continue
            text = norm[ls:le].strip()
            label = self.prompt_label.match(text)
            if label and text[label.end() :].strip():
                spans.append((ls, le))
            elif (mid := _MID_PROMPT.match(norm, hit.end(), le)) and le - mid.end() >= 8:
                # 输入了以下提示词：摄影机平移，…: the prompt follows its colon on the same line
                spans.append((hit.start(), le))
            elif label or (text.endswith((":", "：")) and not _CLAUSE_BREAK.search(norm, hit.end(), le)):
                # 提示词： alone on its line, or the prompt word is what the colon introduces
                # (提示词如下：), not something said in passing earlier in the line (for the same
                # prompt, a few seconds later:): the next line is the prompt
                nxt = _FILLED_LINE.search(norm, le)
                if nxt:
                    spans.append(nxt.span())
                    taken = nxt.start()
        if "{" in norm or '":' in norm:  # code: a JSON body ({ "prompt": "…", "resolution": "720p" })
            spans = sorted(spans + [m.span() for m in _CODE_LINE.finditer(norm)])
        if not spans:
            return
        # a prompt runs to its line's end, but no further than a prompt goes: a page run into one
        # line after a "Prompt:" is not all prompt
        spans = [(a, min(b, a + _LONGEST_PROMPT)) for a, b in spans]
        starts = [s for s, _ in spans]
        for sent in sentences:
            i = bisect_right(starts, sent.start) - 1
            if i >= 0 and spans[i][0] <= sent.start < spans[i][1]:
                sent.prompt = True
            elif i + 1 < len(spans) and spans[i + 1][0] < sent.end <= spans[i + 1][1]:
                sent.prompt = True  # the sentence runs on into a prompt its line gives after a colon
