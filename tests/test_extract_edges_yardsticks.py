""" "Have an edge" and "right up there" are praise; a yardstick described in English words
(outperforming OpenAI's recently launched Sora) is still the yardstick; a latency item under a
spec heading is a speed, not a feature."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def test_two_models_having_an_edge_are_each_praised() -> None:
    text = "Veo 3 vs Runway\n\nI think Google Veo 3 and Runway have an edge in terms of overall quality."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", "Veo 3"), ("strength", "Runway")]


def test_right_up_there_is_praise() -> None:
    text = "Midjourney V1\n\nMidjourney V1 is right up there in terms of subject matter movement."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("strength", "Midjourney V1")]


@pytest.mark.parametrize(
    ("sentence", "model", "versus"),
    [
        (
            "Google has unveiled Veo 2, and early comparisons suggest it’s significantly outperforming "
            "OpenAI’s recently launched Sora video generator.",
            "Veo 2",
            "Sora",
        ),
        ("Kling 2.1 renders faces better than the older Kling 1.6 ever did.", "Kling 2.1", "Kling 1.6"),
    ],
)
def test_a_yardstick_described_in_words_stays_the_yardstick(sentence: str, model: str, versus: str) -> None:
    got = [(c.kind, c.model, c.versus) for c in claims_of(f"Review\n\n{sentence}")]
    assert got == [("strength", model, versus)]


def test_a_latency_item_under_a_spec_heading_is_a_speed_not_a_feature() -> None:
    text = "Veo 3\n\nTechnical Specifications\n- Latency: 3-5 minutes per video on average\n- Audio: native\n"
    got = [(c.kind, c.quote) for c in claims_of(text)]
    assert ("speed", "3-5 minutes per video on average") in got
    assert not [q for k, q in got if k == "capability" and "Latency" in q]
