"""The Aho-Corasick ``WordScanner`` finds exactly what the list's ``re`` alternation finds
(``RegexWordScanner``, the reference): on random words and texts built to overlap, and on every
word list the extractor scans with, in texts made of their own words."""

from __future__ import annotations

import random
import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.extract.engine import Extractor
from ingest.extract.word_regex import RegexWordScanner
from ingest.extract.word_scan import WordScanner, readable

# words the automaton reads (single inner spaces), texts with any whitespace runs, ASCII on both
# sides of the bounds, upper case (not a bound), Chinese and a non-BMP character
_WORD_CHARS = "可灵海螺不能ab1 "
_TEXT_CHARS = "可灵海螺不能ab1zA \n\t\u3000😀"
_words = st.lists(st.text(alphabet=_WORD_CHARS, min_size=1, max_size=5), min_size=1, max_size=30)
_text = st.text(alphabet=_TEXT_CHARS, max_size=120)
_SUFFIXES = ("", r"(?=\s*[1b])", r"(?=\s*-?\s*(?:可|ab))")


def _spans(found: list[Any]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in found]


@settings(max_examples=500, deadline=None)
@given(
    _words, _text, st.integers(0, 130), st.integers(0, 130), st.booleans(), st.booleans(), st.integers(0, 2)
)
@example(["a b", "a"], "a \n\t b", 0, 130, True, True, 0)
@example(["灵可", "可海螺", "螺不"], "灵可海螺不", 0, 130, False, False, 0)
@example(["ab", "a"], "zab ab1 Aab", 0, 130, True, True, 1)
def test_automaton_matches_the_alternation(
    words: list[str], text: str, pos: int, endpos: int, start: bool, end: bool, suffix: int
) -> None:
    words = [" ".join(w.split()) for w in words if w.split()] or ["a"]
    scanner = WordScanner(words, bound_start=start, bound_end=end, group=2, suffix=_SUFFIXES[suffix])
    assert scanner.automaton is not None
    ref = RegexWordScanner(words, bound_start=start, bound_end=end, group=2, suffix=_SUFFIXES[suffix])
    assert _spans(scanner.finditer(text)) == _spans(ref.finditer(text))
    assert _spans(scanner.finditer(text, pos, endpos)) == _spans(ref.finditer(text, pos, endpos))


def test_lists_it_cannot_read_stay_on_re() -> None:
    assert not readable("a  b") and not readable(" a") and not readable("a\nb") and readable("a b")
    scanner = WordScanner(["a  b", "可"])
    assert scanner.automaton is None
    assert _spans(scanner.finditer("a  b可")) == [(0, 4, "a  b"), (4, 5, "可")]


def _scanners(obj: Any, seen: set[int], out: list[WordScanner]) -> None:
    """Every WordScanner reachable from ``obj``'s attributes."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, WordScanner):
        out.append(obj)
        return
    if isinstance(obj, dict):
        children = list(obj.values())
    elif isinstance(obj, list | tuple):
        children = list(obj)
    else:
        # compiled (mypyc) classes have no __dict__: their attributes are read by name
        children = [getattr(obj, n, None) for n in dir(obj) if not n.startswith("__")]
    for child in children:
        if not isinstance(child, str | int | float | bytes | re.Pattern) and child is not None:
            _scanners(child, seen, out)


def _lexicon_scanners() -> list[WordScanner]:
    from ingest.extract.lexicon import cue_set, load_lexicon

    found: list[WordScanner] = []
    _scanners(Extractor(0), set(), found)
    found.append(cue_set(load_lexicon()).tokens)
    return found


def test_every_lexicon_list_matches_its_alternation() -> None:
    scanners = _lexicon_scanners()
    assert len(scanners) >= 10
    rng = random.Random(15)
    glue = [" ", "  ", "\n", "a", "Z", "1", "的", "，", "x ", "可", "😀", "-", "2个", " 秒"]
    for scanner in scanners:
        ref = scanner.reference
        words = sorted(_words_of(scanner))
        for _ in range(40):
            parts = [rng.choice(words) if rng.random() < 0.6 else rng.choice(glue) for _ in range(60)]
            text = "".join(p.replace(" ", rng.choice([" ", "  ", "\n", "\t "])) for p in parts)
            assert _spans(scanner.finditer(text)) == _spans(ref.finditer(text))
            lo, hi = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            assert _spans(scanner.finditer(text, lo, hi)) == _spans(ref.finditer(text, lo, hi))


def _words_of(scanner: WordScanner) -> set[str]:
    automaton = scanner.automaton
    if automaton is None:
        return {"可"}
    return set(scanner.words)
