"""Word-list regexes (``lexicon.alt`` and ``WordScanner``): the faster shapes match exactly what one
plain trie alternation matches, on random words and texts built to overlap."""

from __future__ import annotations

import re
from typing import Any
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.extract import word_regex
from ingest.extract.lexicon import WordScanner, alt

# a small alphabet so words share prefixes and overlap in the text: Chinese, ASCII letters, digits,
# a space (read as any run of whitespace) and a line break
_CHARS = "可灵海螺不能够好很ab1 \n"
_words = st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=4), min_size=1, max_size=40)
_text = st.text(alphabet=_CHARS, max_size=120)


def _plain(words: list[str], **kw: bool) -> re.Pattern[str]:
    with patch.object(word_regex, "_BUCKET", 10**9):  # one trie, however many first characters
        return re.compile(alt(words, **kw))


def _spans(matches: list[Any]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(_words, _text, st.booleans(), st.booleans())
def test_bucketed_alt_matches_the_plain_trie(words: list[str], text: str, start: bool, end: bool) -> None:
    plain = _plain(words, bound_start=start, bound_end=end)
    with patch.object(word_regex, "_BUCKET", 2):  # buckets of two first characters
        bucketed = re.compile(alt(words, bound_start=start, bound_end=end))
    assert _spans(list(bucketed.finditer(text))) == _spans(list(plain.finditer(text)))
    for pos in range(0, len(text), 7):
        a, b = bucketed.search(text, pos), plain.search(text, pos)
        assert (a.span() if a else None) == (b.span() if b else None)


@settings(max_examples=300, deadline=None)
@given(_words, _text, st.integers(0, 40), st.booleans())
# 灵可 is taken first; the trie of 可 and 螺 found 可海螺 running over its end, so it must scan again
# from there to find 螺不 as the single alternation does
@example(["灵可", "可海螺", "螺不"], "灵可海螺不", 0, False)
def test_word_scanner_matches_the_single_alternation(
    words: list[str], text: str, pos: int, with_suffix: bool
) -> None:
    suffix = r"(?=\s*[1b])" if with_suffix else ""
    scanner = WordScanner(words, group=2, suffix=suffix)  # two Chinese first characters per trie
    single = re.compile(_plain(words).pattern + suffix)
    pos = min(pos, len(text))
    assert _spans(scanner.finditer(text, pos)) == _spans(list(single.finditer(text, pos)))
    found = scanner.search(text, pos)
    ref = single.search(text, pos)
    assert (found.span() if found else None) == (ref.span() if ref else None)
