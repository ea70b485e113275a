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
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.extract.lexicon import Lexicon

log = logging.getLogger(__name__)

_SENT_END = re.compile(r"[。！？!?；;\n]+|…+|\.{3,}|(?<!\bvs)(?<!\be\.g)\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，：:]|(?<!\d),|,(?!\d{3})")
_LEAD = re.compile(r"[\s>*•·\-—]+|\d{1,2}[.、)）]\s+|\*\*")
_TRAIL = re.compile(r"[\s*]+$")
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
    start: int
    end: int
    clauses: list[Clause] = field(default_factory=list)
    prompt: bool = False


class Splitter:
    def __init__(self, lex: Lexicon) -> None:
        contrast = lex.alt("markers", "contrast")
        not_contrast = lex.alt("markers", "not_contrast")
        self.contrast_re = re.compile(rf"\s*(?!{not_contrast})(?:{contrast})")
        self.inner_re = re.compile(rf"(?<=[^\s，,不])(?!{not_contrast})(?={lex.alt('markers', 'inner_split')})")
        self.exception_re = re.compile(rf"\s*(?:{lex.alt('markers', 'exception')})")
        self.others_re = re.compile(rf"\s*(?:{lex.alt('markers', 'others')})")
        self.prompt_label = re.compile(rf"\s*(?:{lex.alt('markers', 'prompt_intro')})\s*[:：]")
        self.prompt_intro = re.compile(lex.alt("markers", "prompt_intro"))

    def split(self, norm: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        last = 0
        for m in _SENT_END.finditer(norm):
            self._add(norm, last, m.start(), sentences)
            last = m.end()
        self._add(norm, last, len(norm), sentences)
        self._mark_prompts(norm, sentences)
        return sentences

    def _add(self, norm: str, start: int, end: int, out: list[Sentence]) -> None:
        while True:
            lead = _LEAD.match(norm, start, end)
            if not lead or lead.end() == start:
                break
            start = lead.end()
        trail = _TRAIL.search(norm, start, end)
        if trail:
            end = trail.start()
        if end - start < 2:
            return
        sent = Sentence(start, end)
        sent.clauses = self._clauses(norm, start, end)
        out.append(sent)

    def _clauses(self, norm: str, start: int, end: int) -> list[Clause]:
        cuts = [start]
        for m in _CLAUSE_END.finditer(norm, start, end):
            cuts.append(m.end())
        for m in self.inner_re.finditer(norm, start, end):
            cuts.append(m.start())
        for m in _PAREN.finditer(norm, start, end):  # a long aside in brackets is a clause of its own
            cuts += [m.start(), m.end()]
        cuts = sorted(set(cuts)) + [end]
        out: list[Clause] = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and norm[a] in " \t":
                a += 1
            stop = b
            while stop > a and norm[stop - 1] in "，,：: \t":
                stop -= 1
            if stop <= a:
                continue
            out.append(Clause(
                a, stop,
                contrast=bool(self.contrast_re.match(norm, a, stop)),
                exception=bool(self.exception_re.match(norm, a, stop)),
                others=bool(self.others_re.match(norm, a, stop)),
            ))
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
