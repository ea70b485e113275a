"""``prefilter.GatedSearch``: a pattern searched over short spans only when they hold a literal it
requires finds exactly what the pattern finds, case-insensitive patterns and their odd folds too."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract.lexicon import load_lexicon
from ingest.extract.narrative import NarrativeCues
from ingest.extract.prefilter import GatedSearch

_PATTERNS = [
    re.compile(r"\blet[’']?s (?:look|see)\b[^.!?]{0,12}?\b(?:what|how)\b|(?:下面|我们)(?:就)?看看", re.I),
    re.compile(r"\bthis (?:review|post) (?:will )?shows?\b", re.I),
    re.compile(r"(?:本文|这篇)(?:将|会)介绍|告诉你"),
    re.compile(r"\d+\s*(?:s|秒)?", re.I),  # no literal proven: always searched
]
_PIECES = [
    "let's see what",
    "LET’S LOOK how",
    "Lets see",
    "this review shows",
    "THIS POST WILL SHOW",
    "thıs review shows",
    "ſee",
    "İ",
    "\u212a",
    "我们就看看",
    "下面看看",
    "本文将介绍",
    "告诉你",
    "5 秒",
    " ",
    "\n",
    ".",
    "x",
    "what",
    "how",
    "see",
]


def _same(gated: GatedSearch, text: str, pos: int, endpos: int) -> None:
    want = gated.pattern.search(text, pos, endpos)
    got = gated.search(text, pos, endpos)
    assert (got and (got.span(), got.group())) == (want and (want.span(), want.group()))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.integers(0, 60), st.integers(0, 80))
def test_gated_search_finds_what_the_pattern_finds(pieces: list[str], pos: int, endpos: int) -> None:
    text = "".join(pieces)
    for pattern in _PATTERNS:
        _same(GatedSearch(pattern), text, pos, endpos)


def test_gate_of_the_lexicon_preview() -> None:
    preview = NarrativeCues(load_lexicon()).preview
    assert preview.gate is not None  # the packaged previews are gated
    for text in [
        "Let’s take a look at where Veo falls short.",
        "这次测评，我们一起看看哪些模型更强。",
        "画面很稳。",
    ]:
        _same(preview, text, 0, len(text))
    assert GatedSearch(_PATTERNS[3]).gate is None
