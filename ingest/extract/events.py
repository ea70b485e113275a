"""Flaws and limits told as events, with no quality word in them.

Reviewers often report a flaw by saying what happened in the clip: a cup that
is suddenly gone, two bodies that merge, a face that keeps changing, a sign whose
letters are gibberish, a character who does the opposite of the prompt, a model
that "has made no progress" or that you must run "the same clip several times".
The rules here read the shape of such an event (a thing in the picture + a verb
of change + a word of surprise or persistence; an expectation + what happened
instead; a requirement before use) rather than any one phrase. They live in the
lexicon's ``events`` section, one regex each, so they can be read and extended
without code.

Each rule says where negators count (``negate``):

* ``inside`` (default): anywhere in the clause up to the end of the match, or
  up to the group ``flaw`` when it has one (字幕没有乱码 denies the flaw; the
  无 of 无法辨认 does not);
* ``before``: only before the match, because the rule holds its own negator
  (没有按照提示词, 不是我上传的那个人);
* ``never``: the rule is its own reading (本应…却…).

A ``weak`` rule counts only in a clause where no other cue speaks (an
expectation turned around for the better, 本来担心会崩，结果很稳, keeps its
strength). A group ``at`` places the cue where it starts: the clause that tells
the outcome, not the one that sets up the expectation.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.branches import Alternatives
from ingest.extract.lexicon import Lexicon, alt

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True, slots=True)
class EventHit:
    kind: str
    start: int  # where the cue sits (its clause and its subject are read from here)
    end: int
    negate_end: int | None  # negators count up to here; None: never negated
    weak: bool
    before: bool  # negators count only before ``start``


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    negate: str
    weak: bool
    word_start: bool  # the match must start a word (its leading \\b is checked in ``hits``)


class EventCues:
    def __init__(self, lex: Lexicon) -> None:
        node = lex.mapping("events")
        lists = {k: [str(w) for w in v] for k, v in node.items() if isinstance(v, list) and k != "rules"}

        def expand(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in lists:
                raise ValueError(f"lexicon events: no word list {name!r}")
            return alt(lists[name])

        rules: list[_Rule] = []
        for raw in node.get("rules") or []:
            negate = str(raw.get("negate", "inside"))
            if negate not in ("inside", "before", "never"):
                raise ValueError(f"lexicon events: negate must be inside, before or never, not {negate!r}")
            source = _PLACEHOLDER.sub(expand, str(raw["re"]))
            # ``re`` skips ahead on a pattern's possible first characters only when the pattern
            # opens with them: a leading \b would make it try every position (ten times slower)
            word_start = source.startswith(r"\b")
            pattern = re.compile(source[2:] if word_start else source)
            weak = str(raw.get("weak", "false")).lower() == "true"
            rules.append(_Rule(str(raw["kind"]), pattern, negate, weak, word_start))
        self.rules = tuple(rules)
        # the rules ``re`` cannot skip ahead on, split into alternatives it can (same matches)
        self.alternatives = Alternatives([rule.pattern for rule in rules])

    def hits(self, text: str, spans: Sequence[tuple[int, int] | None] | None = None) -> list[EventHit]:
        """Every event cue in ``text`` (the normalised cue text of a section); ``spans`` (per rule,
        from a ``PatternGate``: the part of the text it can match in, None when it cannot match)
        skips rules that cannot match and the text where each cannot."""
        out: list[EventHit] = []
        for n, rule in enumerate(self.rules):
            span = (0, len(text)) if spans is None else spans[n]
            if span is None:
                continue
            groups = rule.pattern.groupindex
            for m in self.alternatives.find(n, text, span[0], span[1]):
                if rule.word_start and m.start() and _word_char(text[m.start() - 1]):
                    continue
                start = m.start("at") if "at" in groups and m.start("at") >= 0 else m.start()
                if rule.negate == "never":
                    negate_end: int | None = None
                elif rule.negate == "before":
                    negate_end = start
                elif "flaw" in groups and m.start("flaw") >= 0:
                    negate_end = m.start("flaw")
                else:
                    negate_end = m.end()
                out.append(
                    EventHit(rule.kind, start, m.end(), negate_end, rule.weak, rule.negate == "before")
                )
        return out
