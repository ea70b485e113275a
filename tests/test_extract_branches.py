"""Patterns split into their alternatives (``branches.py``) find what the whole pattern finds."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract.branches import Alternatives, skips, top_branches
from ingest.extract.engine import Extractor
from ingest.extract.prefilter import PatternGate


def test_top_level_bars_only() -> None:
    p = re.compile(r"(?<!a)b[|(]c|d(?:e|f)\||[]|]x")
    assert top_branches(p) == [r"(?<!a)b[|(]c", r"d(?:e|f)\|", "[]|]x"]
    assert top_branches(re.compile(r"(?P<x>a)|b")) is None  # a named group: matches' groups are read
    assert top_branches(re.compile(r"(a)\1|b")) is None
    assert top_branches(re.compile(r"a?|b")) is None  # an empty match
    assert top_branches(re.compile(r"(?i)a|b")) is None
    assert top_branches(re.compile(r"abc")) is None
    assert top_branches(re.compile("a # x|y\n|b", re.VERBOSE)) is None
    assert top_branches(re.compile("(?x: a # x|y\n)|b")) is None


def test_only_patterns_re_cannot_skip_on_are_split() -> None:
    assert skips(re.compile("可以|能够")) and not skips(re.compile(r"\bcan|(?<!不)能"))
    alts = Alternatives([re.compile("可以|能够"), re.compile(r"\bcan|(?<!不)能")])
    assert [p.pattern for p in alts.parts] == ["可以|能够", r"\bcan", "(?<!不)能"]
    assert alts.owner == [0, 1, 1]


@lru_cache(maxsize=1)
def _opinions() -> tuple[Alternatives, PatternGate, list[re.Pattern[str]]]:
    rules = Extractor(0).opinion_rules
    whole = [p for _, p in rules.cs.patterns] + [p for _, p in rules.narrative.patterns]
    return rules.alternatives, PatternGate(rules.alternatives.parts), whole


def _pieces() -> list[str]:
    """Literals of the alternatives of split patterns (some overlap), and glue."""
    alts, _, _ = _opinions()
    out: list[str] = []
    for n, p in enumerate(alts.parts):
        if alts.owner.count(alts.owner[n]) > 1:
            out += re.findall(r"[\u4e00-\u9fff]{2,}|[a-z]{3,}(?: [a-z]+)?", p.pattern)[:4]
    return out + ["，", "。", " ", "\n", "1", "2x ", "提升了", "50%", "the ", "没有", "不"]


def test_a_match_running_past_a_taken_one_is_searched_again() -> None:
    whole = re.compile(r"(?<=x)ab c|\bcdef|de")
    alts = Alternatives([whole])
    text = "xab cdefg"  # ab c is taken; cdef starts inside it, so de (after it) is the next match
    got = alts.matches(text, [(0, len(text))] * len(alts.parts))
    assert got == {0: [m.span() for m in whole.finditer(text)]} == {0: [(1, 5), (5, 7)]}


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_split_patterns_match_as_the_whole(data: st.DataObject) -> None:
    """Texts holding the alternatives' literals, overlapping matches and matches the rules' own
    regexes generate: the merged matches of the parts are the whole pattern's, in order."""
    alts, gate, whole = _opinions()
    pieces = data.draw(st.lists(st.sampled_from(_pieces()), max_size=20))
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.sampled_from(sorted(set(alts.owner))))
        try:
            match = data.draw(st.from_regex(whole[n], fullmatch=True))
        except Exception:  # a construct hypothesis cannot generate from
            continue
        pieces.insert(data.draw(st.integers(0, len(pieces))), match)
    text = "".join(pieces)
    expected = {n: r for n, p in enumerate(whole) if (r := [m.span() for m in p.finditer(text)])}
    got = alts.matches(text, gate.spans(text))
    assert list(got.items()) == list(expected.items())
    every = alts.matches(text, [(0, len(text))] * len(alts.parts))  # ungated: the merge alone
    assert list(every.items()) == list(expected.items())
