"""Sentences and clauses of a normalised text, as offsets.

A sentence ends at 。！？；, a line break, "…" or an English full stop followed by
a space. A clause ends at a comma or colon (not one inside a number) and before
an inner contrast word (…很好但有点慢). Each clause records whether it opens
with a contrast (但/不过/就是/but), an exception (除了) or "the others" (其他).
Prompt text (a line opening "Prompt：", or the paragraph after a line that
introduces a prompt and ends with a colon) is marked so no claim comes from it.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ingest.extract.lexicon import Lexicon

log = logging.getLogger(__name__)

_SENT_END = re.compile(r"[。！？!?；;\n]+|…+|\.{3,}|(?<!\bvs)(?<!\be\.g)\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，：:]|(?<!\d),|,(?!\d{3})")
_LEAD = re.compile(r"[\s>*•·\-—]+|\d{1,2}[.、)）]\s+|\*\*")
_PAREN = re.compile(r"[（(][^（()）\n]{6,60}[）)]")


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    contrast: bool = False
    exception: bool = False
    others: bool = False


@dataclass(slots=True)
class Sentence:
    """A sentence; its clauses are cut on first use (most sentences never need them)."""

    start: int
    end: int
    prompt: bool = False
    cuts: list[int] = field(default_factory=list)
    splitter: Splitter | None = None
    norm: str = ""
    _clauses: list[Clause] | None = None

    @property
    def clauses(self) -> list[Clause]:
        if self._clauses is None:
            self._clauses = self.splitter.clauses(self.norm, self.cuts) if self.splitter else []
        return self._clauses


class Splitter:
    def __init__(self, lex: Lexicon) -> None:
        not_contrast = lex.alt("markers", "not_contrast")
        self.opener_re = re.compile(
            rf"\s*(?:(?P<exception>{lex.alt('markers', 'exception')})|(?P<others>{lex.alt('markers', 'others')})"
            rf"|(?!{not_contrast})(?P<contrast>{lex.alt('markers', 'contrast')}))")
        self.inner_re = re.compile(lex.alt("markers", "inner_split"))
        self.not_contrast_re = re.compile(not_contrast)
        self.prompt_label = re.compile(rf"\s*(?:{lex.alt('markers', 'prompt_intro')})\s*[:：]")
        self.prompt_intro = re.compile(lex.alt("markers", "prompt_intro"))

    def split(self, norm: str) -> list[Sentence]:
        cuts = sorted({m.end() for m in _CLAUSE_END.finditer(norm)}
                      | set(self._inner_cuts(norm))
                      | {p for m in _PAREN.finditer(norm) for p in m.span()})
        sentences: list[Sentence] = []
        last = 0
        for m in _SENT_END.finditer(norm):
            self._add(norm, last, m.start(), sentences, cuts)
            last = m.end()
        self._add(norm, last, len(norm), sentences, cuts)
        self._mark_prompts(norm, sentences)
        return sentences

    def _inner_cuts(self, norm: str) -> list[int]:
        """Where a contrast word splits a clause without a comma (…很好但有点慢)."""
        out = []
        for m in self.inner_re.finditer(norm):
            s = m.start()
            if s and norm[s - 1] not in " \t\n，,不" and not self.not_contrast_re.match(norm, s):
                out.append(s)
        return out

    def _add(self, norm: str, start: int, end: int, out: list[Sentence], cuts: list[int]) -> None:
        while True:
            lead = _LEAD.match(norm, start, end)
            if not lead or lead.end() == start:
                break
            start = lead.end()
        while end > start and norm[end - 1] in " \t*":
            end -= 1
        if end - start < 2:
            return
        inside = cuts[bisect_right(cuts, start):bisect_left(cuts, end)]
        out.append(Sentence(start, end, cuts=[start, *inside, end], splitter=self, norm=norm))

    def clauses(self, norm: str, cuts: list[int]) -> list[Clause]:
        """Clauses between consecutive ``cuts`` of ``norm``, with what each opens with."""
        out: list[Clause] = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and norm[a] in " \t":
                a += 1
            stop = b
            while stop > a and norm[stop - 1] in "，,：: \t":
                stop -= 1
            if stop <= a:
                continue
            opener = self.opener_re.match(norm, a, stop)
            group = opener.lastgroup if opener else None
            out.append(Clause(a, stop, contrast=group == "contrast", exception=group == "exception",
                              others=group == "others"))
        return out

    def _mark_prompts(self, norm: str, sentences: list[Sentence]) -> None:
        """Flag sentences that are prompt text rather than the reviewer's words."""
        spans: list[tuple[int, int]] = []
        expect_prompt = False
        for line in re.finditer(r"[^\n]+", norm):
            text = line.group(0).strip()
            if not text:
                continue
            if expect_prompt or self.prompt_label.match(text):
                spans.append(line.span())
                expect_prompt = False
                continue
            expect_prompt = text.endswith((":", "：")) and bool(self.prompt_intro.search(text))
        if not spans:
            return
        starts = [s for s, _ in spans]
        for sent in sentences:
            i = bisect_right(starts, sent.start) - 1
            if i >= 0 and spans[i][0] <= sent.start < spans[i][1]:
                sent.prompt = True
