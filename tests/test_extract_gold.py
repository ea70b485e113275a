"""The extractor against labelled documents, and invariants every claim keeps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract import evaluate, extract_document
from ingest.offline import documents_from_path
from schemas.claim import Claim
from tests.extract_helpers import claims_of

GOLD = Path(__file__).parent / "gold" / "gold.json"
HELDOUT = GOLD.parent / "heldout" / "heldout.json"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORED = {"price", "price_change", "credit_rate", "speed", "capability", "limitation", "strength", "bug"}


def _extract(path: Path) -> list[Claim]:
    out: list[Claim] = []
    for doc in documents_from_path(path):
        out += extract_document(doc, str(path))
    return out


def _score(gold_path: Path) -> tuple[Counter[str], dict[str, list[str]]]:
    """tp / fp / fn / dup over a gold file with the shared scorer's matching rules."""
    try:
        scorer = evaluate.load_scorer()
    except FileNotFoundError:
        pytest.skip("../shared/tools/score_claims.py is not beside the repo")
    s = evaluate.score_file(gold_path, scorer)
    counts: Counter[str] = Counter(
        tp=sum(s.tp.values()), fp=sum(s.fp.values()), fn=sum(s.fn.values()), dup=sum(s.dup.values())
    )
    misses = {
        "fp": [m[3:].replace(" | ", " ") for m in s.misses if m.startswith("FP ")],
        "fn": [m[3:] for m in s.misses if m.startswith("FN ")],
    }
    return counts, misses


def _f1(c: Counter[str]) -> float:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("gold", [GOLD, HELDOUT], ids=["gold", "heldout"])
def test_own_gold_f1(gold: Path) -> None:
    counts, misses = _score(gold)
    assert _f1(counts) >= 0.9, misses
    assert counts["fp"] <= 3, misses["fp"]


@pytest.mark.parametrize("gold", [GOLD, HELDOUT], ids=["gold", "heldout"])
def test_own_gold_has_no_false_price(gold: Path) -> None:
    _, misses = _score(gold)
    assert not [m for m in misses["fp"] if ": price " in m]


def test_seed_gold_f1() -> None:
    seeds = SHARED / "gold" / "seeds.json"
    if not seeds.is_file():
        pytest.skip("../shared/gold is not beside the repo")
    counts, misses = _score(seeds)
    assert _f1(counts) >= 0.9, misses
    assert not [m for m in misses["fp"] if ": price " in m]


def _docs() -> list[Path]:
    paths = sorted((GOLD.parent / "docs").iterdir()) + sorted(HELDOUT.parent.glob("*.txt"))
    if (SHARED / "seeds").is_dir():
        paths += sorted((SHARED / "seeds").glob("*.txt"))
    return paths


@pytest.mark.parametrize("path", _docs(), ids=lambda p: p.name)
def test_every_quote_is_verbatim_section_text(path: Path) -> None:
    for doc in documents_from_path(path):
        claims = extract_document(doc, str(path))
        assert claims, path
        for c in claims:
            assert c.quote == doc.section_text(c.section)[c.start : c.end]
            assert c.quote.strip() == c.quote and c.quote
            assert c.method.startswith("rules/")
            if c.kind in SCORED:
                assert c.model, c


def test_extraction_is_deterministic() -> None:
    path = GOLD.parent / "docs" / "g08_kling_trad.md"
    first = [c.model_dump() for c in _extract(path)]
    assert first == [c.model_dump() for c in _extract(path)]


_ALPHABET = st.sampled_from(
    list(
        "可灵2.1大师版高品质标准模式海螺02即梦Vidu Q1 Runway Gen-4 turbo Veo 3 sora "
        "5秒20灵感值积分元块钱$%，。；：！？,.!?"
        "（）()“”#-/\n 0123456789一两三十百万半多不到以内左右更很非常自然不太没有问题"
        "但是而且除了其他都合格支持文生视频只"
        "靈師條質僅"
    )
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=_ALPHABET, max_size=200), st.one_of(st.none(), st.text(alphabet=_ALPHABET, max_size=80))
)
def test_arbitrary_text_never_raises_and_claims_validate(text: str, summary: str | None) -> None:
    for c in claims_of(text, summary=summary):
        again = Claim.model_validate(c.model_dump())
        section = text if c.section == "body" else (summary or "")
        assert again.quote == section[c.start : c.end]
        assert 0 <= c.confidence <= 1 and c.start <= c.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_any_unicode_never_raises(text: str) -> None:
    for c in claims_of(text):
        assert c.quote == text[c.start : c.end]
