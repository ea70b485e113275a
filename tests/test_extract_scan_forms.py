"""Speed rewrites of scans: each finds exactly what the plain form it replaced finds.

Patterns that opened with a lookbehind could not skip ahead (``re`` tried every position); they
now test the character before their first one after consuming it. Guards skip a scan only
where it cannot match. Each is compared with the plain form on generated text.
"""

from __future__ import annotations

import hashlib
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract import unregistered
from ingest.extract.lexicon import load_lexicon
from ingest.extract.listing import ListReader
from ingest.extract.mentions import _LETTER_VERSION_IN_TEXT
from ingest.extract.prefilter import PatternGate
from ingest.extract.spec_items import SpecItems
from ingest.extract.specs import SpecRules
from schemas.claim import claim_id_of

LEX = load_lexicon()
SPECS = SpecRules(LEX)
ITEMS = SpecItems(LEX)
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
    "text_cap": ITEMS.text_cap_re,
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


def _present_by_search(gate: PatternGate, text: str) -> set[str]:
    """The literals of ``text`` as a plain search finds them."""
    return {w for w in gate.words if w in text}


def _occurrences_by_search(gate: PatternGate, text: str) -> dict[str, list[int]]:
    """Each literal's first end and last start, by str.find / str.rfind."""
    return {w: [text.find(w) + len(w), text.rfind(w)] for w in gate.words if w in text}


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="不能够了没有问题题目12a ", max_size=16))
def test_gate_finds_every_literal_however_they_overlap(text: str) -> None:
    gate = PatternGate(
        [re.compile(p) for p in ("不能够", "能够", "够了", "没有问题", "有问", "问题目", "题", r"a\d")]
    )
    assert gate.present(text) == _present_by_search(gate, text)
    assert gate.occurrences(text) == _occurrences_by_search(gate, text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@given(payload=st.dictionaries(st.text(max_size=6), json_values, max_size=6), key=st.text(max_size=8))
def test_claim_id_is_the_hash_of_sorted_json(payload: dict, key: str) -> None:
    """The id's JSON (one encoder built once) is json.dumps(..., sort_keys=True, ensure_ascii=False)."""
    raw = json.dumps([key, payload], sort_keys=True, ensure_ascii=False)
    assert claim_id_of(payload, key) == hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


SUBJECT_PIECES = [
    "有的",
    "时候",
    "其中",
    "一些",
    "有的人",
    "some of them",
    "some of these",
    "其他模型",
    "other models",
    "产品们",
    "all models",
    "the field",
    "，",
    "。",
    "可灵2.1",
    "Veo 3",
    " ",
    "很稳",
    "越来越卷",
]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(SUBJECT_PIECES), max_size=12).map("".join),
    lo=st.integers(0, 30),
    size=st.integers(0, 40),
)
def test_subject_gate_skips_only_scans_that_cannot_match(text: str, lo: int, size: int) -> None:
    """A section's subject gate turns a scan off only when no part of the section can match it."""
    from ingest.extract.section import _PARTITIVE, _subject_gate

    gate = _subject_gate(SPECS.splitter.generic_re)
    lo = min(lo, len(text))
    hi = min(len(text), lo + size)
    for on, pattern in zip(gate.active(text), (_PARTITIVE, SPECS.splitter.generic_re), strict=True):
        if not on:
            assert not list(pattern.finditer(text, lo, hi))
