"""Labels run into one line: ``Strengths: A, B Limitations: C, D Access: E``.

Pages that lose their line breaks run a model's labelled lists into one line. Inside a line that
opens with a label, a later label ends the list before it and starts its own:

* a pros, cons or limit label anywhere in the line (``…, Sharp detail Limitations: Slow``: the
  label is the known words at the end, not the item before them), but not a lone Pro or Con, which
  name plans and tiers as often (``Cons: Free tier: watermark, Pro: slow queue``);
* any other capitalised label only where it runs on from an item with no comma between
  (``… prompt adherence Access: Web app``); after a comma or right after a label it names a part of
  the list (``Pros: Motion: smooth, Faces: stable``) and ends nothing.

Labels are read in the document's own case (the normalised text is lower case); bold marks around
a label belong to it (``**Cons:**``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon
from ingest.extract.section import SectionView

_CANDIDATE = re.compile(
    r"(?<=[ \t,，;；。.*])(?:\*\*)?"
    r"(?P<label>[A-Z][a-z]+(?:[ \-][A-Za-z]+){0,2}|[\u4e00-\u9fff]{2,6})"
    r"[ \t]*(?:\*\*)?[ \t]*[:：](?:\*\*)?(?=[ \t]*[^\s:：])"
)
_LEADING = re.compile(
    r"(?m)^[#*>\-•· \t]*"
    r"(?P<lead>[A-Za-z][a-z]+(?:[ \-][A-Za-z]+){0,3}|[\u4e00-\u9fff]{2,6})"
    r"[ \t]*(?:\*\*)?[:：][^\n]"
)
_LIST_PUNCT = ",，;；、:："
_TOO_SHORT = frozenset({"pro", "con"})


@dataclass(frozen=True, slots=True)
class Label:
    start: int  # where its clause starts (its bold marks included)
    end: int  # past its colon
    kind: str | None  # strength, bug or limitation for a known label; None for another


class InlineLabels:
    def __init__(self, lex: Lexicon) -> None:
        self.known: dict[str, str] = {}
        for key, kind in (("limit_heads", "limitation"),):
            self.known.update({w.lower(): kind for w in lex.words("spec_rows", key)})
        for key, kind in (("pros_labels", "strength"), ("cons_labels", "bug")):
            self.known.update({w.lower(): kind for w in lex.words("markers", key)})

    def inside(self, text: str, a: int, b: int) -> list[Label]:
        """The labels inside [a, b), the rest of a line that ``opens`` with a label, in order."""
        out: list[Label] = []
        for m in _CANDIDATE.finditer(text, a, b):
            la, lb = m.span("label")
            known = self._known_tail(text, la, lb)
            if known is not None:
                out.append(Label(known[0] if known[0] > la else m.start(), m.end(), known[1]))
                continue
            # another label is its shortest capitalised tail (… Sharp detail Access:, Best for:)
            at = next((i for i in _word_starts(text, la, lb)[::-1] if text[i].isupper()), la)
            if text[at:lb].lower() not in _TOO_SHORT and _runs_on(text, a, at if at > la else m.start()):
                out.append(Label(at if at > la else m.start(), m.end(), None))
        return out

    def cut(self, view: SectionView) -> None:
        """Read the labels inside each line that opens with a pros, cons or limit label (``Strengths:``,
        ``- **Pros:**``, ``限制：``) into ``view.line_labels`` (the opinion and limit rules read them
        there), and let each start a clause of its own."""
        text = view.text
        cuts: dict[int, list[int]] = {}
        for m in _LEADING.finditer(text):
            if m.group("lead").lower() not in self.known:
                continue
            end = text.find("\n", m.end())
            labels = self.inside(text, m.end() - 1, len(text) if end < 0 else end)
            view.line_labels[m.start()] = labels
            for label in labels:
                sid = view.sentence_index(label.start)
                if sid is not None:
                    cuts.setdefault(sid, []).append(label.start)
                    view.label_starts.add(label.start)
        for sid, at in cuts.items():  # all at once: each call cuts the sentence afresh
            view.sentences[sid].cut_also_at(at)

    def _known_tail(self, text: str, a: int, b: int) -> tuple[int, str] | None:
        """The longest known label ending the candidate [a, b), and its kind."""
        for i in _word_starts(text, a, b):
            tail = text[i:b].lower()
            kind = self.known.get(tail)
            if kind and tail not in _TOO_SHORT:
                return i, kind
        return None


def _runs_on(text: str, a: int, at: int) -> bool:
    """Does a label at ``at`` run on from an item (no comma, colon or list mark just before it)?"""
    i = at
    while i > a and text[i - 1] in " \t*":
        i -= 1
    return i > a and text[i - 1] not in _LIST_PUNCT


def _word_starts(text: str, a: int, b: int) -> list[int]:
    """Where each tail of the candidate [a, b) may start, longest first: each English word, or each
    Chinese character but the last."""
    if text[a:b].isascii():
        return [a, *(i + 1 for i in range(a, b) if text[i] in " -")]
    return list(range(a, b - 1))
