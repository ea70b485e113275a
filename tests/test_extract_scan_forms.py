"""Speed rewrites of scans: each finds exactly what the plain form it replaced finds.

Patterns that opened with a lookbehind could not skip ahead (``re`` tried every position); they
now test the character before their first one after consuming it. Guards skip a scan only
where it cannot match. Each is compared with the plain form on generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract import unregistered
from ingest.extract.lexicon import load_lexicon
from ingest.extract.listing import ListReader
from ingest.extract.mentions import _LETTER_VERSION_IN_TEXT
from ingest.extract.prefilter import PatternGate
from ingest.extract.specs import SpecRules

LEX = load_lexicon()
SPECS = SpecRules(LEX)
LISTS = ListReader(LEX)
PLAIN = {
    "versioned": re.compile(
        r"(?<![A-Za-z0-9_.\-/@#])(?P<name>[A-Z][A-Za-z]{2,})(?P<sep>[\-_]?|\s)"
        r"(?P<ver>[Vv]\d{1,2}(?:\.\d{1,2})?|\d{1,2}(?:\.\d{1,2})?)(?![A-Za-z0-9%]|\.\d|[\-_/]\w)"
    ),
    "model_noun": re.compile(
        r"(?<![A-Za-z0-9_.\-/@#])(?P<name>[A-Z][A-Za-z]{2,}(?:-[A-Za-z]+)?)"
        r"(?:\s*(?:视频)?(?:生成)?(?:大)?模型(?!型)|\s+(?:video\s+)?model(?![a-z]))"
    ),
    "letter_version": re.compile(r"(?<![a-z0-9._\-年])(?<!\d\s)([a-z]\d{1,2})(?![a-z0-9]|\.\d)"),
    "text_cap": re.compile(
        rf"(?<![\d.,])\d[\d,]*\s*(?:{LEX.alt('features', 'text_units', bound_start=False)})"
    ),
}
FAST = {
    "versioned": unregistered._VERSIONED,
    "model_noun": unregistered._MODEL_NOUN,
    "letter_version": _LETTER_VERSION_IN_TEXT,
    "text_cap": SPECS.text_cap_re,
}
# pieces that build the edges these patterns look at: names, versions, units, separators
PIECES = [
    "Seedance",
    "Kling",
    "Runway",
    "Gen",
    "V2",
    "v3.1",
    "2.1",
    "Q2",
    "o3",
    "q1",
    "12",
    "1,000",
    "500",
    "0.5",
    "model",
    " video model",
    "模型",
    "视频生成模型",
    "大模型",
    "型",
    "字",
    "characters",
    "tokens",
    "个字符",
    " ",
    "  ",
    "-",
    "_",
    ".",
    ",",
    "/",
    "@",
    "#",
    "年",
    "中文",
    "a",
    "Z",
    "x9",
    "：",
    ":",
    "，",
    "支持的分辨率",
    "分辨率",
    "时长",
    "如",
    "（",
    "(",
    "key features",
    "\n",
    "%",
]
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def _spans(p: re.Pattern[str], text: str, pos: int = 0, end: int | None = None) -> list[tuple]:
    it = p.finditer(text, pos) if end is None else p.finditer(text, pos, end)
    return [(m.span(), m.groups()) for m in it]


@settings(max_examples=400, deadline=None)
@given(text=texts, name=st.sampled_from(sorted(PLAIN)), pos=st.integers(0, 4))
def test_lookbehind_after_first_character_finds_the_same(text: str, name: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert _spans(FAST[name], text, pos) == _spans(PLAIN[name], text, pos)


@settings(max_examples=300, deadline=None)
@given(text=texts, lo=st.integers(0, 6), cut=st.integers(0, 6))
def test_list_headers_are_found_where_their_end_is(text: str, lo: int, cut: int) -> None:
    """``lists`` scans for a header only where ``header_end_re`` finds its end: never a header lost."""
    lo, hi = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
    if list(LISTS.header_re.finditer(text, lo, hi)):
        assert LISTS.header_end_re.search(text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(
    pats=st.lists(st.sampled_from(["不能够", "能够", "不能", "够了", r"\d+秒", r"a\d", r"\w+"]), max_size=6),
    text=st.text(alphabet="不能够了秒12a ", max_size=12),
)
def test_gate_active_is_its_definition(pats: list[str], text: str) -> None:
    """A pattern is active when a literal it requires occurs (or it requires none)."""
    gate = PatternGate([re.compile(p) for p in pats])
    found = gate.present(text)
    assert gate.active(text) == [r is None or not found.isdisjoint(r) for r in gate.required]
