"""The literal prefilter (``prefilter.py``): what it derives from a regex, and that gating never
loses a match, on hand-written patterns and on every gated rule of the packaged lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ingest.extract.engine import Extractor
from ingest.extract.lexicon import load_lexicon
from ingest.extract.prefilter import PatternGate, reach, required_literals
from schemas.document import Document


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc", {"abc"}),
        (r"(?:还|仍)(?:不能|无法)", {"还不能", "还无法", "仍不能", "仍无法"}),
        (r"偏(?:大|小)(?![\u4e00-\u9fff])", {"偏大", "偏小"}),
        (r"(?<![a-z])hands? (?:morph|melt)", {"hand morph", "hand melt", "hands morph", "hands melt"}),
        (r"x\d+yz", {"yz"}),  # the longest literal run wins
        (r"(?:ab|cd\d)q", {"ab", "cd"}),  # a branch needs one of its branches' literals
        (r"(?:多多|反复)试错|\btrial and error", {"多多试错", "反复试错", "trial and error"}),
        (r"(?:ha){2}", {"haha"}),
        (r"a[^b]{0,5}c", {"a", "c"}),  # either run, both single characters: the first kept
    ],
)
def test_required_literals(pattern: str, expected: set[str]) -> None:
    got = required_literals(re.compile(pattern))
    assert got is not None
    if pattern == r"a[^b]{0,5}c":
        assert got in ({"a"}, {"c"})
    else:
        assert set(got) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\d+", r"[^，。]{2,}", r"(?:abc)?", r"abc|\d", r"(?i)kling", r".{3}", r"(\w)\1"],
)
def test_nothing_proven(pattern: str) -> None:
    """No literal every match holds (or case folding): the pattern always runs."""
    assert required_literals(re.compile(pattern)) is None


def test_gate_finds_overlapping_and_nested_literals() -> None:
    pats = [re.compile(p) for p in ("不能够", "能够", "不能", "够了", r"\d+秒")]
    gate = PatternGate(pats)
    assert gate.active("他不能够了") == [True, True, True, True, False]
    assert gate.active("能够") == [False, True, False, False, False]
    assert gate.active("12分钟") == [False, False, False, False, False]
    assert gate.active("等了12秒") == [False, False, False, False, True]


def test_gate_starts_a_bounded_pattern_near_its_first_literal() -> None:
    """A match holds a literal its pattern requires and spans at most the pattern's width, so the scan
    starts that width before the end of the literal's first occurrence; an unbounded one from 0."""
    gate = PatternGate([re.compile(r"不[^，]{0,3}能够"), re.compile(r"\d+秒"), re.compile(r"(?<=五)不太")])
    assert gate.widths == [6, None, 2]
    #       0 1 2 3 4 5 6 7 8       the first 能够 ends at 9: a match of width 6 starts at 3 or later
    text = "一二三四五不太能够"
    assert gate.starts(text) == [3, None, 5]
    assert gate.starts("等了12秒，不能够") == [3, 0, None]
    assert [m.span() for m in re.finditer(r"(?<=五)不太", text)] == [(5, 7)]  # the lookbehind still reads 五


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("不太", 2),
        (r"有(?:了|所)?(?!空间|的空间)", 5),  # the lookahead reads three past the two consumed
        (r"(?<![没未])有\b", 2),  # the lookbehind reads before; the bound looks at the next one
        (r"a[^b]{0,5}c$", 8),
        (r"(?:ab|c){2,3}", 6),
        (r"\d+秒", None),
        (r"(a)\1", None),
    ],
)
def test_reach_bounds_what_a_match_attempt_reads(pattern: str, expected: int | None) -> None:
    assert reach(re.compile(pattern)) == expected


def test_gate_spans_end_past_the_last_literal() -> None:
    """The scan stops the pattern's reach (and two characters) past the last literal's start."""
    gate = PatternGate([re.compile(r"不[^，]{0,3}能够"), re.compile(r"\d+秒")])
    text = "能够" + "一" * 20 + "不太能够" + "二" * 20
    #       first 能够 ends at 2: the scan starts at 0; the last starts at 24: the reach is 6
    assert gate.spans(text) == [(0, 24 + 6 + 2), None]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_scan_over_the_gates_span_finds_every_match(data: st.DataObject) -> None:
    """Every gated rule of the packaged lexicon, over text holding its literals and its matches: the
    scan over the gate's span finds what the scan of the whole text finds."""
    pats = _lexicon_patterns()
    gate = _rules().opinion_rules.gate
    pieces = data.draw(st.lists(st.sampled_from(_cue_pieces()), max_size=16))
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.integers(0, len(pats) - 1))
        try:
            match = data.draw(st.from_regex(pats[n], fullmatch=True))
        except Exception:  # a construct hypothesis cannot generate from
            continue
        pieces.insert(data.draw(st.integers(0, len(pieces))), match)
    text = "".join(pieces)
    for pattern, span in zip(pats, gate.spans(text), strict=True):
        whole = [m.span() for m in pattern.finditer(text)]
        assert whole == ([] if span is None else [m.span() for m in pattern.finditer(text, *span)])


@lru_cache(maxsize=1)
def _rules() -> Extractor:
    return Extractor(0)


def _lexicon_patterns() -> list[re.Pattern[str]]:
    """What the opinion rules' gate gates: cue and narrative patterns (some split into their
    alternatives, ``branches.py``) and event rules."""
    return _rules().opinion_rules.gated


def test_most_lexicon_patterns_are_gated() -> None:
    """The packaged rules yield literals (a rule the prefilter cannot read still runs, just slower)."""
    pats = _lexicon_patterns()
    gated = [p for p in pats if required_literals(p) is not None]
    assert len(gated) >= 0.9 * len(pats)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_match_is_never_gated_out(data: st.DataObject) -> None:
    """Any text a rule matches keeps that rule active, whatever surrounds the match."""
    pats = _lexicon_patterns()
    gate = _rules().opinion_rules.gate
    n = data.draw(st.integers(0, len(pats) - 1))
    try:
        inner = data.draw(st.from_regex(pats[n]))
    except Exception:  # a construct hypothesis cannot generate from: nothing to check here
        assume(False)
    text = data.draw(st.text(max_size=8)) + inner + data.draw(st.text(max_size=8))
    if pats[n].search(text):
        assert gate.active(text)[n]


def _cue_pieces() -> list[str]:
    lex = load_lexicon()
    words: list[str] = []
    for req in (required_literals(p) for p in _lexicon_patterns()):
        words += sorted(req or ())[:3]
    for key in ("strength", "bug", "capability", "limitation"):
        words += lex.words("cues", key, "phrases")[:40]
    return words + ["可灵2.1", "Veo 3", "，", "。", "\n", "没有", "不会", "非常", "生成", "视频", " "]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), pieces=st.lists(st.sampled_from(_cue_pieces()), min_size=1, max_size=24))
def test_gated_claims_equal_ungated(data: st.DataObject, pieces: list[str]) -> None:
    """Random mixes of lexicon cues and text the rules match: the same claims with the gate as
    with every rule run."""
    pats = _lexicon_patterns()
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.integers(0, len(pats) - 1))
        try:
            match = data.draw(st.from_regex(pats[n], fullmatch=True))
        except Exception:  # a construct hypothesis cannot generate from
            continue
        pieces.insert(data.draw(st.integers(0, len(pieces))), match)
    text = "可灵2.1" + "".join(pieces)  # a model for the claims to be about
    ex = _rules()
    doc = Document(platform="text", text=text)
    gated = ex.extract(doc, "t")
    gate = ex.opinion_rules.gate
    saved = gate.always
    gate.always = [True] * len(saved)  # every pattern active (compiled methods cannot be patched)
    try:
        ungated = ex.extract(doc, "t")
    finally:
        gate.always = saved
    assert [c.model_dump() for c in gated] == [c.model_dump() for c in ungated]
