"""Parts opening with a word bound or look-behinds are scanned for in a form ``re`` skips ahead on
(``branches.first_skips``): the same matches."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract.branches import Alternatives, first_skips, skips
from ingest.extract.engine import Extractor


def test_tests_move_after_the_first_literal() -> None:
    assert first_skips(r"\bone at a time\b") == r"o(?<!\wo)ne at a time\b"
    assert first_skips(r"(?<!需要)(?<=[^还])更高") == r"更(?<!(?:需要)更)(?<=(?:[^还])更)高"
    assert first_skips(r"\b(?:speed|renders?) is slow") == r"(?:s(?<!\ws)peed|r(?<!\wr)enders?) is slow"
    assert first_skips(r"(?<![(\]])a") == r"a(?<!(?:[(\]])a)"
    assert first_skips(r"\ba?b") is None  # the first character is optional
    assert first_skips(r"\b(?:a|b)+c") is None  # a repeated group
    assert first_skips(r"\b(?:a|\d)c") is None  # an alternative opening with no literal
    assert first_skips(r"\b-x") is None  # a bound before a non-word character
    assert first_skips("abc") is None and first_skips(r"\b") is None


@lru_cache(maxsize=1)
def _rewritten() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    alts: Alternatives = Extractor(0).opinion_rules.alternatives
    pairs = [(p, s) for p, s in zip(alts.parts, alts.scans, strict=True) if p is not s]
    assert len(pairs) > 50 and all(skips(s) for _, s in pairs)
    return pairs


def _pieces(p: re.Pattern[str]) -> list[str]:
    return re.findall(r"[a-z\u4e00-\u9fff]+", p.pattern)[:40] + [
        " ",
        "_",
        "9",
        "Z",
        "é",
        "\n",
        "，",
        "-",
        "更",
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_rewritten_parts_match_as_their_parts(data: st.DataObject) -> None:
    part, scan = data.draw(st.sampled_from(_rewritten()))
    text = "".join(data.draw(st.lists(st.sampled_from(_pieces(part)), max_size=16)))
    if data.draw(st.booleans()):
        text = text.upper()
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text) + 1))
    assert [m.span() for m in scan.finditer(text, pos, end)] == [
        m.span() for m in part.finditer(text, pos, end)
    ]
    found, want = scan.search(text, pos, end), part.search(text, pos, end)
    assert (found and found.span()) == (want and want.span())
